// Internal: regular English inflections of upper-case words, as the
// PETRARCH/TABARI dictionaries expect them to be generated.
#ifndef PARLEY_LEXICON_INFLECT_H_
#define PARLEY_LEXICON_INFLECT_H_

#include <string>
#include <string_view>
#include <vector>

namespace parley::lexicon::internal {

// Regular plural: consonant+Y → IES; S, SS, X, Z, CH, SH → +ES; else +S.
// Returns "" for words that do not end in a letter.
std::string NounPlural(std::string_view word);

// Appends the regular forms of a verb: base, 3rd person singular, past
// (+ED, E → +D, consonant+Y → IED, final-consonant doubling) and gerund
// (+ING, final E dropped, IE → YING, doubling). Monosyllables ending in
// consonant-vowel-consonant get only the doubled forms (BAN → BANNED); longer
// words ending that way get both (VISITED and VISITTED, DEFERED and DEFERRED).
void RegularVerbForms(std::string_view verb, std::vector<std::string>& out);

}  // namespace parley::lexicon::internal

#endif  // PARLEY_LEXICON_INFLECT_H_

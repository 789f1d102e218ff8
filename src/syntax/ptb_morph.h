// Word-level helpers for the Penn → UD converter: UPOS in context, UD
// features from PTB tags, and a small rule-based English lemmatizer.
// Internal to src/syntax; stateless and thread-safe.
#ifndef PARLEY_SYNTAX_PTB_MORPH_H_
#define PARLEY_SYNTAX_PTB_MORPH_H_

#include <string>
#include <string_view>

namespace parley::syntax {

// ASCII case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// Forms of "be" (is, 's, were, ...), auxiliaries in general (be, have, do,
// modals, get, contractions) and "not"/"n't".
bool IsBeForm(std::string_view word);
bool IsGetForm(std::string_view word);
bool IsAuxiliaryForm(std::string_view word);
bool IsNegation(std::string_view word);

// True for nouns that make a bare NP temporal: days, months, "week", "today".
bool IsTemporalNoun(std::string_view word);

// UPOS for `tag` given the word's relation (aux/cop → AUX, mark → SCONJ, ...).
std::string_view UposInContext(std::string_view tag, std::string_view form, std::string_view deprel);

// UD FEATS for a PTB tag, alphabetically ordered; `passive` adds Voice=Pass to
// VBN.
std::string FeatsFor(std::string_view tag, std::string_view form, bool passive);

// Dictionary form, or "" when the rules are not confident.
std::string LemmaFor(std::string_view tag, std::string_view form);

}  // namespace parley::syntax

#endif  // PARLEY_SYNTAX_PTB_MORPH_H_

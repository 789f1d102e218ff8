// The headline check: does a document's title name an actor (a person,
// group or country from the actor dictionaries) that its body never mentions?
// Such a headline belongs to another story, or the story was mislabelled
// (the "Haiti" headline over a story about Hamas), so its events deserve a
// second look. Pure functions over an immutable Lexicon; thread-safe.
#ifndef PARLEY_PIPELINE_HEADLINE_H_
#define PARLEY_PIPELINE_HEADLINE_H_

#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "parley/document.h"

namespace parley::pipeline {

// True when the title sentence (TextField::kTitle / index -1) contains an
// actor phrase (ActorDictionary::LongestMatch over its upper-cased words, as
// the coder finds mentions) that the body does not match. A title actor
// appears in the body when some body sentence mentions the same dictionary
// entry, or an actor whose code on the document date shares its country
// (the first three letters: "USAGOV" in the title, "USA" in the body). Codes
// with no country ("---GOV", the null code) match by entry only.
// A document with no title or no body tokens is never flagged. When
// `unmatched` is not null it receives the title words of each unmatched
// actor, in title order, without repeats (cleared first).
bool HeadlineMismatch(const Document& doc, const lexicon::Lexicon& lex,
                      std::vector<std::string>* unmatched);

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_HEADLINE_H_

// The word lists behind the tokenizer's abbreviation and sentence rules:
// which words take their final period ("Gen." "U.S." "Inc."), which of those
// can end a sentence, and which capitalized words clearly start one. Lists are
// compiled in, sorted and searched by binary search. Thread-safe.
#ifndef PARLEY_TEXT_ABBREVIATIONS_H_
#define PARLEY_TEXT_ABBREVIATIONS_H_

#include <cstdint>
#include <string_view>

namespace parley::text::internal {

enum class Abbreviation : uint8_t {
  kNone,
  // Keeps its period and never ends a sentence: titles and the like before a
  // name or number ("Gen." "Lt." "Mr." "vs." "e.g.").
  kTitle,
  // Keeps its period and ends the sentence only when the next word is a clear
  // sentence start ("in the U.S. The ..."): "U.S." "Inc." "Jan." "etc." and
  // single-letter initials ("George W. Bush").
  kMayEnd,
  // Keeps its period only before a number ("No. 5", "Nos. 3 and 4").
  kBeforeNumber,
};

// Class of `word`, given without its final period ("Gen", "U.S", "a.m").
// Besides the list: dotted letter groups ("U.S", "Ph.D") and single capital
// letters (initials) are kMayEnd.
Abbreviation ClassifyAbbreviation(std::string_view word);

// Whether a capitalized word after "U.S." and the like clearly starts a new
// sentence: function words and pronouns ("The", "He", "But", "In", ...).
bool IsClearSentenceStart(std::string_view word);

// Whether a line ending in this (lower-case) word goes on on the next line:
// articles, prepositions, conjunctions ("the", "of", "and", ...).
bool IsContinuationWord(std::string_view word);

}  // namespace parley::text::internal

#endif  // PARLEY_TEXT_ABBREVIATIONS_H_

// Test helpers for the lexicon tests (header-only; not part of the library).
#ifndef PARLEY_LEXICON_TEST_UTIL_H_
#define PARLEY_LEXICON_TEST_UTIL_H_

#include <string_view>
#include <vector>

#include "lexicon/vocabulary.h"

namespace parley::lexicon::testing {

// Blank-separated words → WordIds (kNoWord for unknown words).
inline std::vector<WordId> Words(const Vocabulary& vocab, std::string_view text) {
  std::vector<WordId> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > b) out.push_back(vocab.Find(ToUpperKey(text.substr(b, i - b))));
  }
  return out;
}

}  // namespace parley::lexicon::testing

#endif  // PARLEY_LEXICON_TEST_UTIL_H_

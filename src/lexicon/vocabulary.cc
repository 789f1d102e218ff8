#include "lexicon/vocabulary.h"

namespace parley::lexicon {

Vocabulary::Vocabulary() { spellings_.emplace_back(); }

WordId Vocabulary::Find(std::string_view upper) const {
  auto it = ids_.find(upper);
  return it == ids_.end() ? kNoWord : it->second;
}

WordId Vocabulary::Intern(std::string_view upper) {
  if (upper.empty()) return kNoWord;
  auto it = ids_.find(upper);
  if (it != ids_.end()) return it->second;
  auto id = static_cast<WordId>(spellings_.size());
  spellings_.emplace_back(upper);
  ids_.emplace(spellings_.back(), id);
  return id;
}

std::string ToUpperKey(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace parley::lexicon

#include "lexicon/vocabulary.h"

namespace parley::lexicon {
namespace {

char UpperAscii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// FNV-1a over the upper-cased bytes, so a word hashes the same however it is
// written; the multiply at the end spreads short words over the high bits.
uint32_t FoldedHash(std::string_view word) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : word) h = (h ^ static_cast<unsigned char>(UpperAscii(c))) * 0x100000001b3ull;
  h *= 0x9E3779B97F4A7C15ull;
  return static_cast<uint32_t>(h >> 32);
}

}  // namespace

Vocabulary::Vocabulary() : slots_(1024) { spellings_.emplace_back(); }

template <bool kFold>
WordId Vocabulary::Lookup(std::string_view word, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t s = hash & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.id == kNoWord) return kNoWord;
    if (slot.hash != hash) continue;
    const std::string& spelling = spellings_[slot.id];
    if (spelling.size() != word.size()) continue;
    bool same = true;
    for (size_t i = 0; i < word.size() && same; ++i)
      same = spelling[i] == (kFold ? UpperAscii(word[i]) : word[i]);
    if (same) return slot.id;
  }
}

WordId Vocabulary::Find(std::string_view upper) const {
  return upper.empty() ? kNoWord : Lookup<false>(upper, FoldedHash(upper));
}

WordId Vocabulary::FindUpperOf(std::string_view word) const {
  return word.empty() ? kNoWord : Lookup<true>(word, FoldedHash(word));
}

WordId Vocabulary::Intern(std::string_view upper) {
  if (upper.empty()) return kNoWord;
  const uint32_t hash = FoldedHash(upper);
  if (WordId id = Lookup<false>(upper, hash); id != kNoWord) return id;
  if ((spellings_.size() + 1) * 2 > slots_.size()) Grow();
  auto id = static_cast<WordId>(spellings_.size());
  spellings_.emplace_back(upper);
  const size_t mask = slots_.size() - 1;
  size_t s = hash & mask;
  while (slots_[s].id != kNoWord) s = (s + 1) & mask;
  slots_[s] = Slot{hash, id};
  return id;
}

void Vocabulary::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == kNoWord) continue;
    size_t s = slot.hash & mask;
    while (slots_[s].id != kNoWord) s = (s + 1) & mask;
    slots_[s] = slot;
  }
}

std::string ToUpperKey(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = UpperAscii(c);
  return out;
}

bool SameUpperKey(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (UpperAscii(a[i]) != UpperAscii(b[i])) return false;
  return true;
}

}  // namespace parley::lexicon

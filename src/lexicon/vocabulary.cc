#include "lexicon/vocabulary.h"

#include <algorithm>

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

Vocabulary::Vocabulary() : slots_(1024), cased_(1, 0) { spellings_.emplace_back(); }

template <bool kFold>
WordId Vocabulary::Lookup(std::string_view word, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  const auto length = static_cast<uint8_t>(std::min<size_t>(word.size(), 255));
  const size_t in_head = std::min(word.size(), kHead);
  auto same = [](char stored, char c) { return stored == (kFold ? UpperAscii(c) : c); };
  for (size_t s = hash & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.id == kNoWord) return kNoWord;
    if (slot.hash != hash || slot.length != length) continue;
    bool match = true;
    for (size_t i = 0; i < in_head && match; ++i) match = same(slot.head[i], word[i]);
    if (match && word.size() > kHead) {
      const std::string& spelling = spellings_[slot.id];
      match = spelling.size() == word.size();
      for (size_t i = kHead; i < word.size() && match; ++i) match = same(spelling[i], word[i]);
    }
    if (match) return slot.id;
  }
}

WordId Vocabulary::Find(std::string_view upper) const {
  return upper.empty() ? kNoWord : Lookup<false>(upper, FoldedHash(upper));
}

WordId Vocabulary::LookupToken(std::string_view word, uint32_t hash) const {
  const WordId id = Lookup<true>(word, hash);
  if (id == kNoWord || cased_[id] == 0) return id;
  return word == cased_spelling_.at(id) ? id : kNoWord;
}

WordId Vocabulary::FindUpperOf(std::string_view word) const {
  return word.empty() ? kNoWord : LookupToken(word, FoldedHash(word));
}

void Vocabulary::FindUpperOfEach(std::span<const std::string_view> words, std::span<WordId> ids) const {
  constexpr size_t kBatch = 64;
  uint32_t hash[kBatch];
  const size_t mask = slots_.size() - 1;
  for (size_t from = 0; from < words.size(); from += kBatch) {
    const size_t to = std::min(words.size(), from + kBatch);
    for (size_t i = from; i < to; ++i) {
      hash[i - from] = FoldedHash(words[i]);
      __builtin_prefetch(&slots_[hash[i - from] & mask]);
    }
    for (size_t i = from; i < to; ++i)
      ids[i] = words[i].empty() ? kNoWord : LookupToken(words[i], hash[i - from]);
  }
}

WordId Vocabulary::Intern(std::string_view upper) { return InternWith(upper, {}); }

WordId Vocabulary::InternCased(std::string_view as_written) {
  return as_written.empty() ? kNoWord : InternWith(ToUpperKey(as_written), as_written);
}

WordId Vocabulary::InternWith(std::string_view upper, std::string_view as_written) {
  if (upper.empty()) return kNoWord;
  const uint32_t hash = FoldedHash(upper);
  if (WordId id = Lookup<false>(upper, hash); id != kNoWord) {
    // Some phrase takes it in any case, or written otherwise: any case.
    if (cased_[id] != 0 && cased_spelling_.at(id) != as_written) {
      cased_[id] = 0;
      cased_spelling_.erase(id);
    }
    return id;
  }
  if ((spellings_.size() + 1) * 2 > slots_.size()) Grow();
  auto id = static_cast<WordId>(spellings_.size());
  spellings_.emplace_back(upper);
  cased_.push_back(as_written.empty() ? 0 : 1);
  if (!as_written.empty()) cased_spelling_.emplace(id, as_written);
  const size_t mask = slots_.size() - 1;
  size_t s = hash & mask;
  while (slots_[s].id != kNoWord) s = (s + 1) & mask;
  Slot& slot = slots_[s];
  slot.hash = hash;
  slot.id = id;
  slot.length = static_cast<uint8_t>(std::min<size_t>(upper.size(), 255));
  upper.copy(slot.head, kHead);
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

#include "lexicon/phrase_trie.h"

#include <algorithm>

#include <string>

namespace parley::lexicon::internal {

uint32_t EdgeTable::Find(uint32_t node, uint32_t label) const {
  if (slots_.empty()) return kNone;
  uint64_t key = Key(node, label);
  size_t mask = slots_.size() - 1;
  for (size_t s = Home(key);; s = (s + 1) & mask) {
    if (slots_[s].key == key) return slots_[s].child;
    if (slots_[s].key == 0) return kNone;
  }
}

uint32_t EdgeTable::FindOrInsert(uint32_t node, uint32_t label, uint32_t fresh, bool& inserted) {
  if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
  uint64_t key = Key(node, label);
  size_t mask = slots_.size() - 1;
  for (size_t s = Home(key);; s = (s + 1) & mask) {
    if (slots_[s].key == key) {
      inserted = false;
      return slots_[s].child;
    }
    if (slots_[s].key == 0) {
      slots_[s] = {key, fresh};
      ++size_;
      inserted = true;
      return fresh;
    }
  }
}

void EdgeTable::Grow() {
  size_t cap = slots_.empty() ? 1024 : slots_.size() * 2;
  std::vector<Slot> old(cap);
  old.swap(slots_);
  shift_ = 64;
  for (size_t c = cap; c > 1; c >>= 1) --shift_;
  size_t mask = cap - 1;
  for (const Slot& slot : old) {
    if (slot.key == 0) continue;
    size_t s = Home(slot.key);
    while (slots_[s].key != 0) s = (s + 1) & mask;
    slots_[s] = slot;
  }
}

uint32_t PhraseTrie::Insert(std::span<const WordId> phrase, uint32_t value) {
  if (phrase[0] / 64 >= first_words_.size()) first_words_.resize(phrase[0] / 64 + 1, 0);
  first_words_[phrase[0] / 64] |= uint64_t{1} << (phrase[0] % 64);
  uint32_t node = 0;
  for (WordId w : phrase) {
    bool inserted = false;
    node = edges_.FindOrInsert(node, w, static_cast<uint32_t>(value_.size()), inserted);
    if (inserted) value_.push_back(kNone);
  }
  if (value_[node] == kNone) {
    value_[node] = value;
    ++phrases_;
  }
  return value_[node];
}

void PhraseTrie::ForEach(const std::function<void(std::span<const WordId>, uint32_t)>& fn) const {
  std::vector<uint32_t> parent(value_.size(), kNone), label(value_.size(), kNoWord);
  edges_.ForEach([&](uint32_t node, uint32_t word, uint32_t child) {
    parent[child] = node;
    label[child] = word;
  });
  std::vector<WordId> phrase;
  for (uint32_t node = 1; node < value_.size(); ++node) {
    if (value_[node] == kNone) continue;
    phrase.clear();
    for (uint32_t n = node; n != 0 && n != kNone; n = parent[n]) phrase.push_back(label[n]);
    std::reverse(phrase.begin(), phrase.end());
    fn(phrase, value_[node]);
  }
}

PhraseMatch PhraseTrie::LongestMatch(std::span<const WordId> words, size_t start) const {
  PhraseMatch best;
  if (start >= words.size() || !StartsPhrase(words[start])) return best;
  uint32_t node = 0;
  for (size_t i = start; i < words.size(); ++i) {
    if (words[i] == kNoWord) break;
    node = edges_.Find(node, words[i]);
    if (node == kNone) break;
    if (value_[node] != kNone) {
      best.length = static_cast<uint32_t>(i - start + 1);
      best.entry = value_[node];
    }
  }
  return best;
}

uint32_t TextMatcher::Add(std::string_view phrase, bool whole_word, uint32_t id) {
  uint32_t node = 0;
  for (char c : phrase) {
    bool inserted = false;
    const uint32_t parent = node;
    node = edges_.FindOrInsert(node, static_cast<unsigned char>(c), static_cast<uint32_t>(stem_.size()),
                               inserted);
    if (parent == 0) root_[static_cast<unsigned char>(c)] = node;
    if (inserted) {
      stem_.push_back(kNone);
      whole_.push_back(kNone);
    }
  }
  uint32_t& slot = whole_word ? whole_[node] : stem_[node];
  if (slot != kNone) return slot;
  slot = id;
  ++count_;
  return id;
}

std::string TextMatcher::Normalize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

}  // namespace parley::lexicon::internal

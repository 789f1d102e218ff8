// Internal compact tries used by the dictionaries.
//
// EdgeTable: one open-addressing hash table of (node, label) → child node for
// a whole trie, so a trie is two flat arrays and no per-node allocation.
// PhraseTrie: WordId sequences → entry index, longest match.
// TextMatcher: byte strings → phrase ids, matched at word starts of raw text
// (discards, issues). Immutable after building; safe to share.
#ifndef PARLEY_LEXICON_PHRASE_TRIE_H_
#define PARLEY_LEXICON_PHRASE_TRIE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "lexicon/vocabulary.h"

namespace parley::lexicon::internal {

inline constexpr uint32_t kNone = 0xFFFFFFFFu;

class EdgeTable {
 public:
  uint32_t Find(uint32_t node, uint32_t label) const;
  // The child for (node, label), inserting `fresh` when absent.
  uint32_t FindOrInsert(uint32_t node, uint32_t label, uint32_t fresh, bool& inserted);
  size_t size() const { return size_; }
  // Calls fn(node, label, child) for every edge, in table order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (const Slot& slot : slots_)
      if (slot.key != 0) {
        uint64_t k = slot.key - 1;
        fn(static_cast<uint32_t>(k >> 32), static_cast<uint32_t>(k & 0xFFFFFFFFu), slot.child);
      }
  }

 private:
  static uint64_t Key(uint32_t node, uint32_t label) {
    return ((static_cast<uint64_t>(node) << 32) | label) + 1;  // never 0 (= empty slot)
  }
  size_t Home(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  void Grow();

  // Key and child side by side: a lookup touches one cache line, not two.
  struct Slot {
    uint64_t key = 0;  // 0 = empty
    uint32_t child = 0;
  };
  std::vector<Slot> slots_;
  size_t size_ = 0;
  unsigned shift_ = 64;
};

class PhraseTrie {
 public:
  PhraseTrie() : value_(1, kNone) {}
  // Stores `value` for `phrase` unless the phrase is already there; returns
  // the value now stored (the earlier one for a duplicate). REQUIRES: non-empty phrase.
  uint32_t Insert(std::span<const WordId> phrase, uint32_t value);
  PhraseMatch LongestMatch(std::span<const WordId> words, size_t start) const;
  size_t phrase_count() const { return phrases_; }
  size_t node_count() const { return value_.size(); }
  // Calls fn(phrase, value) for every stored phrase, in the order their last
  // nodes were created (for a phrase set built by Insert alone, insertion
  // order except that a prefix of an earlier phrase comes before it).
  void ForEach(const std::function<void(std::span<const WordId>, uint32_t)>& fn) const;

 private:
  // Whether some phrase starts with word `w`: most tokens start none, and
  // this bit answers without probing the (large) edge table.
  bool StartsPhrase(WordId w) const {
    return w / 64 < first_words_.size() && (first_words_[w / 64] >> (w % 64) & 1) != 0;
  }

  EdgeTable edges_;
  std::vector<uint32_t> value_;  // per node; kNone = no phrase ends here
  std::vector<uint64_t> first_words_;  // bit per WordId
  size_t phrases_ = 0;
};

// Phrases are upper-cased byte strings with single blanks between words.
// A phrase matches at a word start of the (normalised) text; a "whole word"
// phrase must also end at a word end, otherwise it is a prefix (stem) match.
class TextMatcher {
 public:
  TextMatcher() : stem_(1, kNone), whole_(1, kNone) { root_.fill(kNone); }
  // Stores `id` for the phrase unless it is already present with the same
  // mode; returns the id now stored (the earlier one for a duplicate).
  // REQUIRES: non-empty phrase.
  uint32_t Add(std::string_view phrase, bool whole_word, uint32_t id);
  // Upper-cases ASCII and collapses blank runs to one ' '.
  static std::string Normalize(std::string_view text);
  // Calls fn(id, begin) for every phrase matching at every word start of
  // `normalized` (as produced by Normalize), in text order, longer phrases last.
  template <typename Fn>
  void ForEachMatch(std::string_view normalized, Fn&& fn) const;
  size_t size() const { return count_; }

 private:
  EdgeTable edges_;
  // The root's children by byte, as edges_ has them: matching starts at every
  // word start, and this first step needs no probe.
  std::array<uint32_t, 256> root_;
  std::vector<uint32_t> stem_;   // per node
  std::vector<uint32_t> whole_;  // per node
  size_t count_ = 0;
};

template <typename Fn>
void TextMatcher::ForEachMatch(std::string_view t, Fn&& fn) const {
  auto word_byte = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (size_t b = 0; b < t.size(); ++b) {
    if (b > 0 && word_byte(t[b - 1])) continue;  // not a word start
    if (t[b] == ' ') continue;
    uint32_t node = 0;
    for (size_t i = b; i < t.size(); ++i) {
      const auto byte = static_cast<unsigned char>(t[i]);
      node = i == b ? root_[byte] : edges_.Find(node, byte);
      if (node == kNone) break;
      if (stem_[node] != kNone) fn(stem_[node], b);
      if (whole_[node] != kNone && (i + 1 == t.size() || !word_byte(t[i + 1]))) fn(whole_[node], b);
    }
  }
}

}  // namespace parley::lexicon::internal

#endif  // PARLEY_LEXICON_PHRASE_TRIE_H_

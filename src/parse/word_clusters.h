// Word clusters: each lowercased word of a large news vocabulary mapped to
// a path in a binary tree of clusters (models/word-clusters.tsv, derived from
// GloVe vectors by parley_word_clusters). A prefix of the path is a coarser
// cluster. The tagger and parser use them as features, so that a word rare
// or absent in the treebank shares weights with words of similar use.
// Immutable after loading; lookups are thread-safe.
#ifndef PARLEY_PARSE_WORD_CLUSTERS_H_
#define PARLEY_PARSE_WORD_CLUSTERS_H_

#include <bit>
#include <cstdint>
#include <string>

#include "parley/status.h"
#include "parse/weights.h"

namespace parley::parse {

class WordClusters {
 public:
  // Reads "word<TAB>bits" lines ("0110..."; at most kMaxBits bits).
  Status Load(const std::string& path);

  // The path of the word with HashLower `lower`, as 1 followed by its bits
  // (so paths of different lengths differ); 0 when the word has none.
  uint32_t Find(uint64_t lower) const {
    const uint32_t* c = codes_.Find(lower);
    return c == nullptr ? 0 : *c;
  }
  void Prefetch(uint64_t lower) const { codes_.Prefetch(lower); }

  // The first `bits` bits of a path from Find() (the whole path if shorter).
  static uint32_t Prefix(uint32_t code, int bits) {
    const int len = static_cast<int>(std::bit_width(code)) - 1;  // the bits after the leading 1
    return len > bits ? code >> (len - bits) : code;
  }

  size_t size() const { return codes_.size(); }
  bool empty() const { return codes_.size() == 0; }
  void Write(ByteWriter& w) const { codes_.Write(w); }
  bool Read(ByteReader& r) { return codes_.Read(r); }

  static constexpr int kMaxBits = 30;

 private:
  U64Map<uint32_t> codes_;
};

}  // namespace parley::parse

#endif  // PARLEY_PARSE_WORD_CLUSTERS_H_

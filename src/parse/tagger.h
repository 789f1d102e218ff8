// The part-of-speech tagger: a greedy left-to-right averaged perceptron that
// predicts the Penn tag (XPOS) from word, affix, shape, neighbour and
// previous-tag features, then a second perceptron that predicts the UPOS from
// the Penn tags around the word (as predicted, also in training) and the word
// itself. Words seen often in training carry an "ambiguity class" (the set of
// tags they took) as a feature; words seen very often with one tag pair (a
// third of running text) take it without scoring.
// Immutable after training or loading; Tag() is thread-safe.
#ifndef PARLEY_PARSE_TAGGER_H_
#define PARLEY_PARSE_TAGGER_H_

#include <bitset>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parse/weights.h"
#include "parse/word_clusters.h"

namespace parley::parse {

// Everything the tagger needs to know about one word, hashed once.
struct WordInfo {
  uint64_t form = 0;   // as written
  uint64_t lower = 0;  // ASCII-lowercased
  uint64_t shape = 0;  // "Xxx", "dd,d", ...
  uint64_t amb = 0;    // ambiguity class from the tag dictionary; 0 = unknown
  uint64_t pre[4] = {0, 0, 0, 0};  // lowercase prefixes of 1..4 bytes
  uint64_t suf[4] = {0, 0, 0, 0};  // lowercase suffixes of 1..4 bytes
  uint32_t flags = 0;  // digit, upper, all-upper, hyphen, ...
  // The word's cluster path (WordClusters::Find) and that path cut to 4, 8
  // and 12 bits; 0 = not in the clusters.
  uint32_t path = 0;
  uint32_t cluster[3] = {0, 0, 0};
};

// Hashes of the lowercased word (also used by the lemmatizer and parser).
uint64_t HashLower(std::string_view word);

// One training or tagging example: forms with (for training) gold tags.
struct TaggedSentence {
  std::vector<std::string_view> forms;
  std::vector<int> xpos;  // gold ids (training only)
  std::vector<int> upos;
};

// The tag ids Tagger::Tag gives a known name and leaves it (-1 where the
// model has no such tag).
struct NameTags {
  int nnp = -1, nnps = -1, jj = -1, propn = -1;
};

// The finite verb tags (-1 where the model has none), and how far below
// the winning tag a finite tag may score and still be given to a sentence
// of at least min_words words that has no finite verb; max_gap <= 0 turns
// this off. (Chosen on EWT dev with a model trained on EWT train alone:
// gaps of 3 and 5 tie, 10 and 20 do worse; docs/syntax.md.)
struct FiniteTags {
  int vbd = -1, vbz = -1, vbp = -1, md = -1;
  int verb = -1;  // the UPOS the chosen word takes
  // The tags a word may lose to a finite one (by tag id): those of verb
  // forms and the words the tagger confuses them with (JJ, RB, VB, VBG,
  // VBN), never a noun's ("Turkish drones struck ...": "drones" is no VBZ).
  std::bitset<256> may_yield;
  int min_words = 8;
  float max_gap = 5;
  bool IsFinite(int t) const { return t >= 0 && (t == vbd || t == vbz || t == vbp || t == md); }
};

class Tagger {
 public:
  Tagger() = default;
  Tagger(int num_xpos, int num_upos) : xpos_(num_xpos), upos_(num_upos) {}

  // Boundary entries on each side of a sentence's WordInfo: word i is
  // info[i + kPad].
  static constexpr size_t kPad = 2;

  // Hashes the words and looks them up in the tag dictionary and clusters.
  void Describe(const std::vector<std::string_view>& forms, std::vector<WordInfo>& info) const;

  // Fills xpos[i] and upos[i] for every word. `info` is scratch space.
  // `known_names[i] != 0` marks a word that the caller's dictionaries list in
  // a proper name. Such a word that the tag dictionary does not know (no
  // common word of the training data) and that the model tags as anything
  // but a proper noun or an adjective ("Israeli") becomes `name_tags.nnp`
  // and `name_tags.propn`, before the words after it are tagged: at the
  // start of a sentence capitals say nothing, and the endings of "Beijing"
  // or "Caracas" read as VBG and VBZ.
  //
  // With `finite`, a sentence of at least finite.min_words words that the
  // greedy pass leaves with no finite verb gets one: the word whose best
  // finite tag scored closest to its winning tag, within finite.max_gap,
  // is given it and the words after it are tagged again.
  void Tag(const std::vector<std::string_view>& forms, std::vector<WordInfo>& info, int* xpos, int* upos,
           std::span<const uint8_t> known_names = {}, const NameTags& name_tags = {},
           const FiniteTags* finite = nullptr) const;

  // Training: builds the tag dictionary and runs `epochs` passes in an order
  // shuffled by `seed`; then averages and prunes. `sure_tags`: also keep
  // the frequent always-alike forms (see sure_).
  void Train(const std::vector<TaggedSentence>& data, int epochs, uint64_t seed, bool sure_tags = true);

  // The word clusters the features use; set before Train() (a model made
  // without them tags without those features).
  void set_clusters(WordClusters clusters) { clusters_ = std::move(clusters); }
  const WordClusters& clusters() const { return clusters_; }

  void Prune(float min_abs) {
    xpos_.Prune(min_abs);
    upos_.Prune(min_abs);
  }
  size_t rows() const { return xpos_.rows() + upos_.rows(); }
  int num_xpos() const { return xpos_.num_classes(); }
  int num_upos() const { return upos_.num_classes(); }

  void Write(ByteWriter& w) const;
  bool Read(ByteReader& r);

 private:
  int XposKeys(const std::vector<WordInfo>& info, size_t i, int t1, int t2, uint64_t* keys) const;
  int UposKeys(const std::vector<WordInfo>& info, size_t i, const int* xpos, size_t n,
               uint64_t* keys) const;

  WeightTable xpos_;
  WeightTable upos_;
  U64Map<uint64_t> amb_;  // lowercase word → ambiguity class
  // Exact form → xpos | upos << 8 for frequent words that training always
  // tagged alike ("the", ",", "said"): tagged without scoring. Empty in
  // models made before it.
  U64Map<uint32_t> sure_;
  WordClusters clusters_;  // empty in models made before them
};

}  // namespace parley::parse

#endif  // PARLEY_PARSE_TAGGER_H_

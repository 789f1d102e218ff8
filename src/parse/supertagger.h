// The supertagger: before parsing, guesses each word's dependency relation
// and the side its head is on ("nsubj/R": a subject whose head is to its
// right; "root"), a greedy left-to-right averaged perceptron over the words,
// their predicted Penn tags on both sides, the nearest verbs and the
// supertags already given. The parser reads the guesses as features: they
// carry what lies beyond its three-word look-ahead (Ouchi, Duh and Matsumoto
// 2014 found the same for transition parsers).
// Immutable after training or loading; Tag() is thread-safe.
#ifndef PARLEY_PARSE_SUPERTAGGER_H_
#define PARLEY_PARSE_SUPERTAGGER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parse/tagger.h"
#include "parse/weights.h"

namespace parley::parse {

// One training sentence: the tagger's descriptions of its words (with
// Tagger::kPad boundary entries each side), its predicted Penn tags and its
// gold supertags.
struct SupertagExample {
  std::vector<WordInfo> info;
  std::vector<int> xpos;
  std::vector<int> gold;
};

class Supertagger {
 public:
  Supertagger() = default;
  // `verbal[x]`: whether Penn tag x is a verb or modal (the nearest ones on
  // each side are features).
  Supertagger(int num_tags, std::vector<uint8_t> verbal) : weights_(num_tags), verbal_(std::move(verbal)) {}

  // A default-made supertagger (a model made before supertags) has no tags.
  bool empty() const { return verbal_.empty(); }
  int num_tags() const { return weights_.num_classes(); }
  size_t rows() const { return weights_.rows(); }

  // Fills out[i] for the n words described by `info` (Tagger::Tag's scratch)
  // with Penn tags `xpos`.
  void Tag(const std::vector<WordInfo>& info, const int* xpos, size_t n, int* out) const;

  // `epochs` passes in an order shuffled by `seed`, then averaging; rows
  // whose averaged weights all stay below `prune` are dropped.
  void Train(const std::vector<SupertagExample>& data, int epochs, uint64_t seed, float prune);

  void Write(ByteWriter& w) const;
  bool Read(ByteReader& r);

 private:
  // Per-sentence distances to the nearest verb on each side, binned.
  void VerbDistances(const int* xpos, size_t n, std::vector<uint8_t>& left, std::vector<uint8_t>& right) const;
  // The keys of word i that do not read earlier supertags, then those that
  // do (t1, t2: the supertags of the two words before).
  int ContextKeys(const std::vector<WordInfo>& info, const int* xpos, size_t n, size_t i,
                  const uint8_t* verbs_left, const uint8_t* verbs_right, uint64_t* keys) const;
  int TagKeys(const std::vector<WordInfo>& info, const int* xpos, size_t n, size_t i, int t1, int t2,
              uint64_t* keys) const;

  WeightTable weights_;
  std::vector<uint8_t> verbal_;  // by Penn tag id
};

}  // namespace parley::parse

#endif  // PARLEY_PARSE_SUPERTAGGER_H_

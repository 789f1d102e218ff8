// The supertagger: before parsing, guesses each word's dependency relation
// and the side its head is on ("nsubj/R": a subject whose head is to its
// right; "root"), a greedy left-to-right averaged perceptron over the words,
// their predicted Penn tags on both sides, the nearest verbs and the
// supertags already given. With landmarks it also reads which verbs those
// are, the nearest commas on each side, and the nearest adposition,
// coordinator, comma and wh-word on the left with the tag before it. The
// parser reads the guesses as features: they carry what lies beyond its
// three-word look-ahead (Ouchi, Duh and Matsumoto 2014 found the same for
// transition parsers).
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
  // The word classes the features look for, by Penn tag.
  enum WordClass : uint8_t {
    kOtherWord = 0,
    kVerbWord = 1,  // verbs and modals
    kAdpositionWord = 2,
    kCoordinatorWord = 3,
    kWhWord = 4,
    kWordClasses = 5,
  };
  // `word_class[x]`: the WordClass of Penn tag x (models without landmarks
  // need verbs only). `landmarks`: read the landmark features.
  Supertagger(int num_tags, std::vector<uint8_t> word_class, bool landmarks = false)
      : weights_(num_tags), word_class_(std::move(word_class)), landmarks_(landmarks) {}
  bool landmarks() const { return landmarks_; }

  // A default-made supertagger (a model made before supertags) has no tags.
  bool empty() const { return word_class_.empty(); }
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
  // What each word's keys read of the whole sentence (the landmarks' parts
  // only when the model reads them): the distance to the
  // nearest verb and comma on each side (binned), where the nearest verb on
  // the right is, and where the nearest word of each class and the nearest
  // comma on the left are (-1: none).
  struct SentenceContext {
    std::vector<uint8_t> verbs_left, verbs_right, commas_left, commas_right;
    std::vector<int> verb_right_at, comma_left_at;
    std::vector<int> left_at[kWordClasses];
  };
  void Describe(const std::vector<WordInfo>& info, const int* xpos, size_t n, SentenceContext& c) const;
  // The keys of word i that do not read earlier supertags, then those that
  // do (t1, t2: the supertags of the two words before).
  int ContextKeys(const std::vector<WordInfo>& info, const int* xpos, size_t n, size_t i,
                  const SentenceContext& c, uint64_t* keys) const;
  int TagKeys(const std::vector<WordInfo>& info, const int* xpos, size_t n, size_t i, int t1, int t2,
              uint64_t* keys) const;

  WeightTable weights_;
  std::vector<uint8_t> word_class_;  // by Penn tag id
  bool landmarks_ = false;
};

}  // namespace parley::parse

#endif  // PARLEY_PARSE_SUPERTAGGER_H_

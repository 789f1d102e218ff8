// The dependency parser: greedy arc-hybrid transitions scored by an averaged
// perceptron over stack/buffer words, tags, children, labels, valency and
// distance features, trained with a dynamic oracle and exploration (Goldberg &
// Nivre 2013). Arc labels come from a second perceptron that sees the finished
// dependent (all its children) and its head when the arc is made.
// The root sits at the end of the buffer and takes exactly one dependent, so
// every parse is a single-rooted tree. Immutable after training or loading;
// Parse() is thread-safe with per-call scratch.
#ifndef PARLEY_PARSE_PARSER_H_
#define PARLEY_PARSE_PARSER_H_

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "parse/weights.h"

namespace parley::parse {

// A sentence as the parser sees it. Heads are 0-based; n (the sentence
// length) is the root.
struct ParseSentence {
  std::vector<uint64_t> word;  // HashLower of each form
  std::vector<int> xpos, upos;
  std::vector<int> gold_head, gold_label;  // training only
};

struct ParseScratch {
  std::vector<int> stack, head, label, lc1, lc2, rc1, rc2, nl, nr, tag, utag;
  std::vector<uint64_t> word, wp, lmask, rmask;
  std::vector<uint8_t> in_stack;
  std::vector<float> lscores;
};

class Parser {
 public:
  Parser() = default;
  Parser(int num_labels, int root_label) : trans_(3), labels_(num_labels), root_label_(root_label) {}

  // Fills head[i] (0..n, n = root) and label[i] for every word.
  void Parse(const ParseSentence& s, ParseScratch& scratch, int* head, int* label) const;

  // Trains on the gold trees (projectivized); `after_epoch(e)` runs after
  // each epoch (for logging dev scores) on the running weights. Finish()
  // averages the weights and drops rows below `prune`; call it once after
  // training.
  void Train(const std::vector<ParseSentence>& data, int epochs, uint64_t seed,
             const std::function<void(int)>& after_epoch);
  void Finish(float prune);
  void Prune(float trans_min, float label_min) {
    trans_.Prune(trans_min);
    labels_.Prune(label_min);
  }
  size_t trans_rows() const { return trans_.rows(); }
  size_t label_rows() const { return labels_.rows(); }

  void Write(ByteWriter& w) const;
  bool Read(ByteReader& r);
  int num_labels() const { return labels_.num_classes(); }
  size_t rows() const { return trans_.rows() + labels_.rows(); }

 private:
  class State;
  void TrainOne(const ParseSentence& s, ParseScratch& scratch, double explore, std::mt19937_64& rng);

  WeightTable trans_{3};
  WeightTable labels_{1};
  int root_label_ = 0;
  double t_trans_ = 1, t_label_ = 1;  // training update counters
};

// Lifts non-projective arcs (to the head's head, shortest arc first) until the
// tree is projective. Heads 0-based with n = root. Returns the arcs lifted.
int Projectivize(std::vector<int>& head);

}  // namespace parley::parse

#endif  // PARLEY_PARSE_PARSER_H_

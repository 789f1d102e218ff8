// The dependency parser: arc-hybrid transitions scored by an averaged
// perceptron over stack/buffer words, tags, word clusters, supertags,
// children, labels, valency and distance features. With beam width 1 it is greedy and trained with a
// dynamic oracle and exploration (Goldberg & Nivre 2013); with a wider beam
// it searches with that beam and is trained globally with max-violation
// updates (Huang et al. 2012) on the static-oracle transition sequence, with
// feature sums cached per sentence by the parts of the configuration they
// read. Arc labels come from a second perceptron that sees the finished
// dependent (all its children) and its head when the arc is made; each beam
// item keeps its own labels.
// Stacking (Nivre & McDonald 2008): a right-to-left parser parses first and
// a guided parser reads its tree (where the guide heads of s0, s1 and b0
// stand, their guide labels, and the guide children still to attach).
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
  // Word cluster paths (WordClusters::Find; 0 = none); may be empty.
  std::vector<uint32_t> cluster;
  // Supertags (Supertagger ids: each word's predicted relation and head
  // direction); may be empty.
  std::vector<int> stag;
  // Another parser's tree of the sentence (heads 0-based, n = root) that a
  // guided parser reads as features (stacking); may be empty.
  std::vector<int> guide_head, guide_label;
  std::vector<int> gold_head, gold_label;  // training only
};

// A token on the stack or at the buffer front with the children it has so
// far. Nodes are immutable once made, so beam items share them.
struct ParseNode {
  int32_t tok = 0, below = -1;  // below: the next node down the stack
  int32_t lc1 = 0, lc2 = 0, rc1 = 0, rc2 = 0;  // outermost children (none = n + 1)
  uint8_t lc1l = 255, lc2l = 255, rc1l = 255, rc2l = 255;  // their labels
  uint8_t nl = 0, nr = 0;
  uint64_t lmask = 0, rmask = 0;  // labels of the left / right children
};

// One configuration in the beam.
struct ParseItem {
  int32_t top = -1;     // node of s0 (-1 = empty stack)
  int32_t front = -1;   // node of b0
  int32_t b0 = 0, sp = 0;
  int32_t parent = -1;  // index in the previous step's beam
  int32_t dep = -1, head = -1, label = -1;  // the arc the last move made
  int8_t move = -1;
  bool forced = false;  // the last move was the only valid one
  bool gold = false;    // training: on the oracle path
  float score = 0;
};

struct LabelSlot {
  uint64_t key;
  int32_t at;  // offset in label_scores; -1 = free
};

struct ParseScratch {
  std::vector<int> tag, utag;
  std::vector<uint64_t> word, wp;
  // Cluster prefixes of 3 and 6 bits: on EWT dev those beat 4/8, 5/10, 6/12
  // and 8/16 (+0.2 to +0.4 UAS over no clusters; finer ones add little).
  std::vector<uint64_t> coarse, fine;
  std::vector<uint64_t> stag;  // the sentence's supertags, then root and "none" markers
  // The guide tree: each word's head and label, then root and "none"
  // markers; each word's guide children, in order, from gchild_at[w].
  std::vector<int> ghead, glabel, gchild, gchild_at, gchild_fill;
  // A right-to-left parser reads the sentence reversed.
  ParseSentence reversed;
  std::vector<int> rhead, rlabel;
  // Greedy parsing: the one configuration.
  std::vector<int> stack, head, label, lc1, lc2, rc1, rc2, nl, nr;
  std::vector<uint64_t> lmask, rmask;
  std::vector<uint8_t> in_stack;
  std::vector<int32_t> group_sums;  // cached transition scores of single tokens
  // Beam search.
  std::vector<ParseNode> nodes;
  std::vector<std::vector<ParseItem>> steps;  // the beam after each move
  std::vector<ParseItem> gold;                // training: the oracle item per step
  std::vector<int> pending;                   // training: gold children not yet attached
  std::vector<float> lscores;
  std::vector<LabelSlot> label_cache;  // dependent content + head → label_scores offset
  std::vector<float> label_scores;
};

class Parser {
 public:
  Parser() = default;
  Parser(int num_labels, int root_label) : trans_(3), labels_(num_labels), root_label_(root_label) {}

  // Beam width used by Parse() and training (1 = greedy).
  void set_beam(int width) { beam_ = width < 1 ? 1 : (width > kMaxBeam ? kMaxBeam : width); }
  int beam() const { return beam_; }
  // A right-to-left parser parses the reversed sentence (and returns heads
  // in the sentence's own order): its mistakes differ from a left-to-right
  // parser's, which makes it the better guide for one.
  void set_right_to_left(bool on) { right_to_left_ = on; }
  bool right_to_left() const { return right_to_left_; }
  // A guided parser reads ParseSentence::guide_head and guide_label (which
  // must then be filled, in training and parsing alike); greedy only.
  void set_guided(bool on) { guided_ = on; }
  // A slim parser leaves out 41 of its 93 transition features of
  // several tokens and 19 of its 37 label features (mostly word pairs,
  // second children and label sets): a guide parses in 60% of the time and
  // guides almost as well (docs/syntax.md).
  void set_slim(bool on) { slim_ = on; }
  bool slim() const { return slim_; }
  bool guided() const { return guided_; }
  static constexpr int kMaxBeam = 64;

  // Fills head[i] (0..n, n = root) and label[i] for every word.
  void Parse(const ParseSentence& s, ParseScratch& scratch, int* head, int* label) const;

  // Trains on the gold trees (projectivized); `after_epoch(e)` runs after
  // each epoch (for logging dev scores) on the running weights. Finish()
  // averages the weights and drops rows below `prune`; call it once after
  // training.
  void Train(const std::vector<ParseSentence>& data, int epochs, uint64_t seed,
             const std::function<void(int)>& after_epoch);
  void Finish(float prune);
  // Finish() in two steps, with parsers trained alike in between blended
  // into this one (their averaged weights averaged).
  void Average() {
    trans_.Average(t_trans_);
    labels_.Average(t_label_);
  }
  void Blend(float keep, const Parser& other, float weight) {
    trans_.Blend(keep, other.trans_, weight);
    labels_.Blend(keep, other.labels_, weight);
  }
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
  class State;   // greedy
  class Search;  // beam
  struct Candidate {  // a beam item extended by one move
    float score;
    int item, move;
  };
  static size_t ExpandBeam(Search& search, const std::vector<ParseItem>& cur, int n, int beam,
                           std::vector<Candidate>& cand);
  void ParseInOrder(const ParseSentence& s, ParseScratch& scratch, int* head, int* label) const;
  void ParseGreedy(const ParseSentence& s, ParseScratch& scratch, int* head, int* label) const;
  void TrainGreedy(const ParseSentence& s, ParseScratch& scratch, double explore, std::mt19937_64& rng);
  void TrainOne(const ParseSentence& s, ParseScratch& scratch);

  WeightTable trans_{3};
  WeightTable labels_{1};
  int root_label_ = 0;
  int beam_ = 1;
  bool right_to_left_ = false, guided_ = false, slim_ = false;
  double t_trans_ = 1, t_label_ = 1;  // training update counters
};

// Lifts non-projective arcs (to the head's head, shortest arc first) until the
// tree is projective. Heads 0-based with n = root. Returns the arcs lifted.
int Projectivize(std::vector<int>& head);

}  // namespace parley::parse

#endif  // PARLEY_PARSE_PARSER_H_

// A read-only dependency-tree view of one sentence, built per call for the
// coder: children lists, normalised relations (UD v1 and v2 labels alike) and
// subtree extents. Scratch space is reused between sentences.
// Thread-compatible: one SentenceTree per thread.
#ifndef PARLEY_CODER_TREE_H_
#define PARLEY_CODER_TREE_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "parley/document.h"

namespace parley::coder {

// Relations the coder distinguishes; everything else is kOther.
enum class Rel : uint8_t {
  kOther, kRoot, kSubj, kSubjPass, kCsubj, kObj, kIobj, kObl, kNmod, kPoss,
  kCase, kConj, kCc, kAppos, kXcomp, kCcomp, kAdvcl, kAcl, kRelcl, kAux,
  kAuxPass, kCop, kMark, kCompound, kCompoundPrt, kAmod, kDet, kNeg, kAdvmod,
  kParataxis, kPunct, kNummod, kTmod, kFlat, kAgent,
};

Rel NormalizeRelation(std::string_view deprel, bool head_is_verbal);

class SentenceTree {
 public:
  // Rebuilds the view for `tokens` (heads 1-based, 0 = root). Tokens with an
  // out-of-range head are treated as attached to the root.
  void Build(std::span<const Token> tokens);

  int size() const { return static_cast<int>(heads_.size()); }
  // 0-based head index, -1 for the root.
  int head(int i) const { return heads_[i]; }
  Rel rel(int i) const { return rels_[i]; }
  std::span<const int> children(int i) const {
    return {child_list_.data() + child_begin_[i], child_list_.data() + child_begin_[i + 1]};
  }
  // Leftmost and rightmost token of i's subtree (inclusive).
  int left(int i) const { return left_[i]; }
  int right(int i) const { return right_[i]; }
  bool IsVerbal(int i) const { return verbal_[i]; }
  bool Dominates(int ancestor, int node) const;
  int root() const { return root_; }

  // First child of i with relation r, or -1.
  int ChildWith(int i, Rel r) const;

 private:
  std::vector<int> heads_;
  std::vector<Rel> rels_;
  std::vector<int> child_begin_;
  std::vector<int> child_list_;
  std::vector<int> left_, right_;
  std::vector<bool> verbal_;
  int root_ = -1;
};

}  // namespace parley::coder

#endif  // PARLEY_CODER_TREE_H_

// PennTree: a Penn Treebank bracketed constituency tree, as printed by
// Stanford CoreNLP and carried in PETRARCH XML <Parse> blocks.
//
// Parse() accepts multi-line input with arbitrary whitespace, an optional outer
// "( ... )" or "(ROOT ...)" wrapper, and any tag spelling (-NONE-, -LRB-, PRP$,
// ``, '', ",", ".", ":", "$", "#"). Empty elements (-NONE-) and the phrases
// left empty by their removal are dropped. Parsing is iterative and rejects
// nesting deeper than kMaxDepth, so untrusted input cannot overflow the stack.
// An immutable PennTree is thread-compatible.
#ifndef PARLEY_SYNTAX_PENN_TREE_H_
#define PARLEY_SYNTAX_PENN_TREE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::syntax {

class PennTree {
 public:
  static constexpr int kMaxDepth = 1000;

  // One constituent. Nodes are stored in pre-order: a parent's index is
  // smaller than its children's, and leaves (preterminals) appear in sentence
  // order.
  struct Node {
    uint32_t label_begin = 0;  // label ("NP", "NP-SBJ", "VBD") in text()
    uint32_t label_size = 0;
    uint32_t word_begin = 0;   // the word, preterminals only
    uint32_t word_size = 0;
    int32_t parent = -1;
    int32_t first_child = -1;
    int32_t next_sibling = -1;
    int32_t leaf = -1;  // 0-based word index for preterminals; -1 for phrases
  };

  // Parses one tree. Errors are kParseError with the offset and a snippet,
  // e.g. "penn tree: unbalanced ')' at offset 231 near 'NN embassy)))'".
  static Result<PennTree> Parse(std::string_view text);

  // The top constituent after unwrapping "( X )" / "(ROOT X)" with one child.
  int32_t root() const { return root_; }
  int32_t size() const { return static_cast<int32_t>(nodes_.size()); }
  int32_t leaf_count() const { return leaf_count_; }
  const Node& node(int32_t i) const { return nodes_[static_cast<size_t>(i)]; }
  bool IsPreterminal(int32_t i) const { return node(i).leaf >= 0; }
  // The full label, function tags included ("NP-TMP").
  std::string_view Label(int32_t i) const {
    const Node& n = node(i);
    return std::string_view(text_).substr(n.label_begin, n.label_size);
  }
  // The raw word (PTB escapes kept); empty for phrases.
  std::string_view Word(int32_t i) const {
    const Node& n = node(i);
    return std::string_view(text_).substr(n.word_begin, n.word_size);
  }
  // Preterminal node of the i-th word.
  int32_t LeafNode(int32_t leaf) const { return leaf_nodes_[static_cast<size_t>(leaf)]; }

  // Single-line bracketed form, e.g. "(S (NP (NNP Arnor)) (VP (VBD left)))".
  std::string ToString() const;

 private:
  PennTree() = default;

  std::string text_;  // the input; labels and words point into it
  std::vector<Node> nodes_;
  std::vector<int32_t> leaf_nodes_;
  int32_t root_ = -1;
  int32_t leaf_count_ = 0;
};

// The category of a label with function tags and indices stripped:
// "NP-SBJ-1" → "NP", "PP=2" → "PP"; labels starting with '-' are kept whole
// ("-NONE-", "-LRB-").
std::string_view PennCategory(std::string_view label);

}  // namespace parley::syntax

#endif  // PARLEY_SYNTAX_PENN_TREE_H_

#include "syntax/penn_tree.h"

#include <fmt/format.h>

#include <utility>

namespace parley::syntax {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsDelimiter(char c) { return IsSpace(c) || c == '(' || c == ')'; }

// Up to 10 bytes either side of `offset`, whitespace shown as single spaces.
std::string Snippet(std::string_view text, size_t offset) {
  size_t begin = offset > 10 ? offset - 10 : 0;
  size_t end = std::min(text.size(), offset + 10);
  std::string out;
  bool space = false;
  for (size_t i = begin; i < end; ++i) {
    if (IsSpace(text[i])) {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(text[i]);
      space = false;
    }
  }
  return out;
}

Status ErrorAt(std::string_view what, std::string_view text, size_t offset) {
  return Status::ParseError(
      fmt::format("penn tree: {} at offset {} near '{}'", what, offset, Snippet(text, offset)));
}

bool IsWrapperLabel(std::string_view label) { return label.empty() || label == "ROOT" || label == "TOP"; }

}  // namespace

std::string_view PennCategory(std::string_view label) {
  if (label.empty() || label[0] == '-') return label;
  size_t cut = label.find_first_of("-=");
  return cut == std::string_view::npos ? label : label.substr(0, cut);
}

Result<PennTree> PennTree::Parse(std::string_view input) {
  PennTree tree;
  tree.text_.assign(input);
  const std::string_view text = tree.text_;
  const size_t n = text.size();
  std::vector<Node> raw;
  std::vector<int32_t> last_child;  // parallel to raw
  std::vector<int32_t> open;        // stack of open phrase nodes
  int32_t top = -1;
  bool top_done = false;
  size_t pos = 0;

  auto skip_space = [&] {
    while (pos < n && IsSpace(text[pos])) ++pos;
  };
  auto read_token = [&] {
    size_t begin = pos;
    while (pos < n && !IsDelimiter(text[pos])) ++pos;
    return std::pair<uint32_t, uint32_t>(static_cast<uint32_t>(begin), static_cast<uint32_t>(pos - begin));
  };
  auto new_node = [&](std::pair<uint32_t, uint32_t> label) {
    Node node;
    node.label_begin = label.first;
    node.label_size = label.second;
    raw.push_back(node);
    last_child.push_back(-1);
    return static_cast<int32_t>(raw.size() - 1);
  };
  // Links a finished, non-empty node under the open phrase (or makes it the tree).
  auto link = [&](int32_t id) {
    if (open.empty()) {
      top = id;
      return;
    }
    int32_t parent = open.back();
    raw[static_cast<size_t>(id)].parent = parent;
    if (last_child[static_cast<size_t>(parent)] < 0) {
      raw[static_cast<size_t>(parent)].first_child = id;
    } else {
      raw[static_cast<size_t>(last_child[static_cast<size_t>(parent)])].next_sibling = id;
    }
    last_child[static_cast<size_t>(parent)] = id;
  };

  skip_space();
  if (pos == n) return Status::ParseError("penn tree: empty input");
  while (true) {
    skip_space();
    if (pos == n) break;
    const size_t start = pos;
    const char c = text[pos];
    if (top_done) return ErrorAt(c == ')' ? "unbalanced ')'" : "text after the tree", text, pos);
    if (c == ')') {
      if (open.empty()) return ErrorAt("unbalanced ')'", text, pos);
      int32_t id = open.back();
      open.pop_back();
      ++pos;
      if (raw[static_cast<size_t>(id)].first_child >= 0) link(id);  // else: emptied by -NONE- removal
      if (open.empty()) top_done = true;
      continue;
    }
    if (c != '(') return ErrorAt("expected '('", text, pos);
    if (open.size() >= static_cast<size_t>(kMaxDepth)) {
      return ErrorAt(fmt::format("nesting deeper than {}", kMaxDepth), text, pos);
    }
    ++pos;
    skip_space();
    auto label = read_token();
    std::string_view label_text = text.substr(label.first, label.second);
    skip_space();
    if (pos == n) break;  // reported as missing ')' below
    std::pair<uint32_t, uint32_t> word{0, 0};
    bool is_word = false;
    if (text[pos] == '(') {
      // "(-LRB- ()" spells the bracket itself as the word.
      size_t after = pos + 1;
      while (after < n && IsSpace(text[after])) ++after;
      if ((label_text == "-LRB-" || label_text == "(") && after < n && text[after] == ')') {
        word = {static_cast<uint32_t>(pos), 1};
        pos = after;
        is_word = true;
      }
    } else if (text[pos] == ')') {
      if (label_text.empty()) return ErrorAt("empty brackets", text, start);
      // "(-RRB- ))" spells the bracket itself as the word.
      size_t after = pos + 1;
      while (after < n && IsSpace(text[after])) ++after;
      if ((label_text == "-RRB-" || label_text == ")") && after < n && text[after] == ')') {
        word = {static_cast<uint32_t>(pos), 1};
        pos = after;
        is_word = true;
      } else {
        return ErrorAt(fmt::format("'{}' has no children", label_text), text, start);
      }
    } else {
      word = read_token();
      skip_space();
      if (pos == n) break;
      if (text[pos] != ')') {
        return ErrorAt(fmt::format("'(' after the word '{}'", text.substr(word.first, word.second)), text,
                       pos);
      }
      is_word = true;
    }
    int32_t id = new_node(label);
    if (is_word) {
      ++pos;  // the ')' closing the preterminal
      raw[static_cast<size_t>(id)].word_begin = word.first;
      raw[static_cast<size_t>(id)].word_size = word.second;
      raw[static_cast<size_t>(id)].leaf = 0;  // renumbered below
      if (label_text != "-NONE-") link(id);
      if (open.empty()) top_done = true;
    } else {
      open.push_back(id);
    }
  }
  if (!open.empty() || !top_done) {
    return Status::ParseError(fmt::format("penn tree: missing ')' at offset {} (end of input)", n));
  }
  if (top < 0) return Status::ParseError("penn tree: the tree has no words");

  // Unwrap "( X )" and "(ROOT X)".
  while (raw[static_cast<size_t>(top)].leaf < 0) {
    const Node& t = raw[static_cast<size_t>(top)];
    if (!IsWrapperLabel(text.substr(t.label_begin, t.label_size))) break;
    if (raw[static_cast<size_t>(t.first_child)].next_sibling >= 0) break;
    top = t.first_child;
  }

  // Copy the live tree in pre-order, without recursion.
  tree.nodes_.reserve(raw.size());
  std::vector<int32_t> new_id(raw.size(), -1);
  std::vector<int32_t> new_last(raw.size(), -1);
  int32_t cur = top;
  while (cur >= 0) {
    const Node& old = raw[static_cast<size_t>(cur)];
    Node copy = old;
    copy.first_child = copy.next_sibling = -1;
    const int32_t id = static_cast<int32_t>(tree.nodes_.size());
    new_id[static_cast<size_t>(cur)] = id;
    copy.parent = cur == top ? -1 : new_id[static_cast<size_t>(old.parent)];
    if (copy.leaf >= 0) {
      copy.leaf = tree.leaf_count_++;
      tree.leaf_nodes_.push_back(id);
    }
    tree.nodes_.push_back(copy);
    if (copy.parent >= 0) {
      Node& parent = tree.nodes_[static_cast<size_t>(copy.parent)];
      int32_t& last = new_last[static_cast<size_t>(copy.parent)];
      if (last < 0) {
        parent.first_child = id;
      } else {
        tree.nodes_[static_cast<size_t>(last)].next_sibling = id;
      }
      last = id;
    }
    // Next in pre-order: first child, else the nearest next sibling upwards.
    if (old.leaf < 0 && old.first_child >= 0) {
      cur = old.first_child;
      continue;
    }
    while (cur >= 0 && cur != top && raw[static_cast<size_t>(cur)].next_sibling < 0) {
      cur = raw[static_cast<size_t>(cur)].parent;
    }
    cur = (cur < 0 || cur == top) ? -1 : raw[static_cast<size_t>(cur)].next_sibling;
  }
  tree.root_ = 0;
  return tree;
}

std::string PennTree::ToString() const {
  std::string out;
  if (root_ < 0) return out;
  int32_t cur = root_;
  while (cur >= 0) {
    const Node& n = node(cur);
    if (!out.empty() && out.back() != '(') out.push_back(' ');
    out.push_back('(');
    out.append(Label(cur));
    if (n.leaf >= 0) {
      out.push_back(' ');
      out.append(Word(cur));
      out.push_back(')');
    } else {
      cur = n.first_child;
      continue;
    }
    // Close finished phrases while climbing to the next sibling.
    while (cur >= 0 && node(cur).next_sibling < 0) {
      cur = node(cur).parent;
      if (cur >= 0) out.push_back(')');
    }
    if (cur >= 0) cur = node(cur).next_sibling;
  }
  return out;
}

}  // namespace parley::syntax

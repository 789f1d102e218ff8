#include "syntax/penn_tree.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::syntax {
namespace {

std::string RoundTrip(std::string_view text) {
  Result<PennTree> tree = PennTree::Parse(text);
  if (!tree.ok()) return "ERROR: " + tree.status().message();
  return tree->ToString();
}

std::string ErrorOf(std::string_view text) {
  Result<PennTree> tree = PennTree::Parse(text);
  if (tree.ok()) return "OK";
  EXPECT_EQ(tree.status().code(), ErrorCode::kParseError);
  return tree.status().message();
}

TEST(PennTreeTest, ParsesAndUnwrapsRoot) {
  Result<PennTree> tree = PennTree::Parse("(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))");
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  EXPECT_EQ(tree->Label(tree->root()), "S");
  EXPECT_EQ(tree->leaf_count(), 3);
  EXPECT_EQ(tree->Word(tree->LeafNode(1)), "left");
  EXPECT_EQ(tree->Label(tree->LeafNode(2)), ".");
  EXPECT_EQ(tree->ToString(), "(S (NP (NNP Arnor)) (VP (VBD left)) (. .))");
}

TEST(PennTreeTest, TableOfShapes) {
  struct Case {
    const char* input;
    const char* expected;
  } cases[] = {
      // 1. Anonymous outer brackets, multi-line, tabs.
      {"( (S\n\t(NP (PRP It))\n   (VP (VBZ works)) ) )", "(S (NP (PRP It)) (VP (VBZ works)))"},
      // 2. -NONE- and the phrases it leaves empty are removed.
      {"(S (NP-SBJ (-NONE- *T*-1)) (VP (VBD left) (NP (-NONE- *))))", "(S (VP (VBD left)))"},
      // 3. Punctuation and symbol tags.
      {"(NP (`` ``) ($ $) (CD 5) (# #) (, ,) (: ;) ('' '') (. .))",
       "(NP (`` ``) ($ $) (CD 5) (# #) (, ,) (: ;) ('' '') (. .))"},
      // 4. Bracket tags, PRP$, and brackets spelled as words.
      {"(NP (-LRB- -LRB-) (PRP$ its) (NN x) (-RRB- -RRB-))", "(NP (-LRB- -LRB-) (PRP$ its) (NN x) (-RRB- -RRB-))"},
      {"(NP (-LRB- () (NN x) (-RRB- )))", "(NP (-LRB- () (NN x) (-RRB- )))"},
      // 5. A bare preterminal is a tree; ROOT with several children is kept.
      {"(NN dog)", "(NN dog)"},
      {"(ROOT (NP (NN a)) (NP (NN b)))", "(ROOT (NP (NN a)) (NP (NN b)))"},
      // 6. Function tags survive in labels.
      {"(S (NP-SBJ (NNP A)) (VP (VBD met) (NP-TMP (NNP Monday))))",
       "(S (NP-SBJ (NNP A)) (VP (VBD met) (NP-TMP (NNP Monday))))"},
  };
  for (const Case& c : cases) EXPECT_EQ(RoundTrip(c.input), c.expected) << c.input;
}

TEST(PennTreeTest, MalformedInputErrors) {
  struct Case {
    std::string input;
    const char* expected;
  } cases[] = {
      {"", "penn tree: empty input"},
      {"  \n ", "penn tree: empty input"},
      {"(S (NP (NN a))))", "penn tree: unbalanced ')' at offset 15 near 'P (NN a))))'"},
      {"(S (NP (NN a)) (VP (VBD b))", "penn tree: missing ')' at offset 27 (end of input)"},
      {"(S (NP (NN a)", "penn tree: missing ')' at offset 13 (end of input)"},
      {"S (NP a)", "penn tree: expected '(' at offset 0 near 'S (NP a)'"},
      {") (S (NN a))", "penn tree: unbalanced ')' at offset 0 near ') (S (NN a'"},
      {"(S (NN a)) (S (NN b))", "penn tree: text after the tree at offset 11 near 'S (NN a)) (S (NN b))'"},
      {"(S (NN a b))", "penn tree: '(' after the word 'a' at offset 9 near '(S (NN a b))'"},
      {"(S ())", "penn tree: empty brackets at offset 3 near '(S ())'"},
      {"(S (NP))", "penn tree: 'NP' has no children at offset 3 near '(S (NP))'"},
      {"(S (-NONE- *))", "penn tree: the tree has no words"},
  };
  for (const Case& c : cases) EXPECT_EQ(ErrorOf(c.input), c.expected) << c.input;
}

TEST(PennTreeTest, UnbalancedCloseInsideText) {
  // The PETRARCH ERROR-02 shape: one ')' too many before the final '.'.
  EXPECT_EQ(ErrorOf("(ROOT (S (NP (NNP A)) (VBD b))) (. .)))"),
            "penn tree: text after the tree at offset 32 near '(VBD b))) (. .)))'");
}

TEST(PennTreeTest, RejectsDeepNestingWithoutRecursion) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "(NP ";
  deep += "(NN x)";
  for (int i = 0; i < 100000; ++i) deep += ")";
  EXPECT_EQ(ErrorOf(deep), "penn tree: nesting deeper than 1000 at offset 4000 near 'P (NP (NP (NP (NP (N'");

  std::string ok;
  for (int i = 0; i < 999; ++i) ok += "(NP ";
  ok += "(NN x)";
  for (int i = 0; i < 999; ++i) ok += ")";
  Result<PennTree> tree = PennTree::Parse(ok);
  ASSERT_TRUE(tree.ok()) << tree.status().message();
  EXPECT_EQ(tree->size(), 1000);
}

TEST(PennTreeTest, Category) {
  EXPECT_EQ(PennCategory("NP-SBJ-1"), "NP");
  EXPECT_EQ(PennCategory("PP=2"), "PP");
  EXPECT_EQ(PennCategory("-NONE-"), "-NONE-");
  EXPECT_EQ(PennCategory("-LRB-"), "-LRB-");
  EXPECT_EQ(PennCategory("PRP$"), "PRP$");
  EXPECT_EQ(PennCategory(""), "");
}

}  // namespace
}  // namespace parley::syntax

// The pipeline on raw text with the committed model (skips without it).
#include "pipeline/analyze.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace parley::pipeline {
namespace {

const parse::Model* CommittedModel() {
  static const auto* model = [] {
    std::string path = ResolveModelPath("");
    auto m = parse::Model::Load(path);
    return m.ok() ? new parse::Model(std::move(m).value()) : nullptr;
  }();
  return model;
}

TEST(AnalyzeTest, RawTextBecomesParsedSentences) {
  const parse::Model* model = CommittedModel();
  if (model == nullptr) GTEST_SKIP() << "models/parley-en.model not found";
  Document doc;
  doc.id = "d1";
  doc.title = "Israel strikes Lebanon";
  doc.text = "Israel struck targets in southern Lebanon on Thursday. Qatari mediators met Hamas negotiators.";
  ASSERT_TRUE(Analyze(doc, *model).ok());
  ASSERT_EQ(doc.sentences.size(), 3u);  // the title and two body sentences
  EXPECT_EQ(doc.sentences[0].index, -1);
  EXPECT_EQ(doc.sentences[2].index, 1);
  EXPECT_TRUE(doc.IsParsed());
  for (const Sentence& s : doc.sentences) {
    int roots = 0;
    for (const Token& t : doc.TokensOf(s)) {
      roots += t.head == 0;
      EXPECT_FALSE(t.upos.empty());
      EXPECT_FALSE(t.deprel.empty());
      EXPECT_EQ(doc.TextOf(s).substr(t.begin, t.end - t.begin), t.form);
    }
    EXPECT_EQ(roots, 1);
  }
  auto body = doc.TokensOf(doc.sentences[2]);
  EXPECT_EQ(body[1].form, "mediators");
  EXPECT_EQ(body[1].deprel, "nsubj");
  EXPECT_EQ(body[1].head, 3);
  EXPECT_EQ(body[2].lemma, "meet");
}

TEST(AnalyzeTest, LeavesSuppliedTreesAlone) {
  const parse::Model* model = CommittedModel();
  if (model == nullptr) GTEST_SKIP() << "models/parley-en.model not found";
  Document doc;
  doc.text = "Gondor left";
  Token a;
  a.form = "Gondor";
  a.head = 0;
  a.deprel = "root";
  a.end = 6;
  Token b;
  b.form = "left";
  b.head = 1;
  b.deprel = "dep";
  b.begin = 7;
  b.end = 11;
  doc.tokens = {a, b};
  Sentence s;
  s.token_count = 2;
  s.end = 11;
  doc.sentences.push_back(s);
  ASSERT_TRUE(Analyze(doc, *model).ok());
  EXPECT_EQ(doc.tokens[1].deprel, "dep");
  EXPECT_TRUE(doc.tokens[1].upos.empty());
}

TEST(AnalyzeTest, ExplicitModelPathWins) {
  EXPECT_EQ(ResolveModelPath("/x/y.model"), "/x/y.model");
}

}  // namespace
}  // namespace parley::pipeline

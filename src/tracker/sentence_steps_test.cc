// FindSentenceSteps on hand-built parse trees: the steps a sentence states in
// words, read from its tree, including trees the parser got wrong.
#include "tracker/sentence_steps.h"

#include <gtest/gtest.h>

#include "tracker/test_docs.h"

namespace parley::tracker {
namespace {

using testing::MakeDocument;

struct Word {
  const char* lemma;
  const char* upos;
  int head;  // 1-based; 0 = root
  const char* deprel;
};

// A one-sentence document with the tree `tree` (one entry per word).
Document Parsed(const std::string& sentence, const std::vector<Word>& tree) {
  Document doc = MakeDocument("d", "2025-03-19", {sentence});
  EXPECT_EQ(doc.tokens.size(), tree.size());
  for (size_t i = 0; i < tree.size() && i < doc.tokens.size(); ++i) {
    doc.tokens[i].lemma = tree[i].lemma;
    doc.tokens[i].upos = tree[i].upos;
    doc.tokens[i].head = tree[i].head;
    doc.tokens[i].deprel = tree[i].deprel;
  }
  return doc;
}

std::vector<std::string> StepsOf(const Document& doc) {
  std::vector<std::string> out;
  for (const SentenceStep& s : FindSentenceSteps(doc, doc.sentences[0], WordsOf(doc, 0), {}))
    out.push_back(std::string(StepKindName(s.step.kind)) + " [" + s.actor + "] " + s.words);
  return out;
}

const char* const kSentence = "The truce ended , and talks on the second phase broke down .";

// The tree of kSentence as it should be: "talks" the subject of "broke".
std::vector<Word> GoodTree() {
  return {{"the", "DET", 2, "det"},      {"truce", "NOUN", 3, "nsubj"}, {"end", "VERB", 0, "root"},
          {",", "PUNCT", 11, "punct"},   {"and", "CCONJ", 11, "cc"},    {"talk", "NOUN", 11, "nsubj"},
          {"on", "ADP", 10, "case"},     {"the", "DET", 10, "det"},     {"second", "ADJ", 10, "amod"},
          {"phase", "NOUN", 6, "nmod"},  {"break", "VERB", 3, "conj"},  {"down", "ADP", 11, "compound:prt"},
          {".", "PUNCT", 3, "punct"}};
}

TEST(FindSentenceStepsTest, TalksBrokeDown) {
  EXPECT_EQ(StepsOf(Parsed(kSentence, GoodTree())), (std::vector<std::string>{"collapse [] talks broke down"}));
}

// The parser may conjoin "talks" to "ended" and set "broke down" beside the
// clause with no subject: the noun phrase just before it is its subject.
TEST(FindSentenceStepsTest, TalksBrokeDownMisparsed) {
  std::vector<Word> tree = GoodTree();
  tree[3].head = tree[4].head = 6;
  tree[5] = {"talk", "NOUN", 3, "conj"};
  tree[10] = {"break", "VERB", 3, "parataxis"};
  Document doc = Parsed(kSentence, tree);
  EXPECT_EQ(StepsOf(doc), (std::vector<std::string>{"collapse [] talks broke down"}));
  // A noun that is an argument of the other clause is not taken.
  doc.tokens[5].deprel = "obj";
  EXPECT_TRUE(StepsOf(doc).empty());
}

// "urged the army to join the negotiations": what is asked is not a step,
// whether the parser makes the infinitive a complement or an adverbial
// clause; a purpose clause of another verb still is one.
TEST(FindSentenceStepsTest, WhatIsAskedIsNotAStep) {
  const char* sentence = "The envoy urged the army to join the negotiations .";
  std::vector<Word> tree = {{"the", "DET", 2, "det"},      {"envoy", "NOUN", 3, "nsubj"},
                            {"urge", "VERB", 0, "root"},   {"the", "DET", 5, "det"},
                            {"army", "NOUN", 3, "obj"},    {"to", "PART", 7, "mark"},
                            {"join", "VERB", 3, "xcomp"},  {"the", "DET", 9, "det"},
                            {"negotiation", "NOUN", 7, "obj"}, {".", "PUNCT", 3, "punct"}};
  EXPECT_TRUE(StepsOf(Parsed(sentence, tree)).empty());
  tree[6].deprel = "advcl";
  EXPECT_TRUE(StepsOf(Parsed(sentence, tree)).empty());
  tree[2].lemma = "send";
  EXPECT_FALSE(StepsOf(Parsed(sentence, tree)).empty());
}

// A temporal clause in the present tense tells of what is yet to come: "once
// talks break down" is no collapse; in the past it is one.
TEST(FindSentenceStepsTest, WhatATemporalClauseInThePresentTellsIsYetToCome) {
  auto doc_with = [](const char* sentence, const char* resume_xpos, const char* break_xpos) {
    Document doc = Parsed(sentence, {{"fighting", "NOUN", 2, "nsubj"},
                                     {"resume", "VERB", 0, "root"},
                                     {"once", "SCONJ", 5, "mark"},
                                     {"talk", "NOUN", 5, "nsubj"},
                                     {"break", "VERB", 2, "advcl"},
                                     {"down", "ADP", 5, "compound:prt"},
                                     {".", "PUNCT", 2, "punct"}});
    doc.tokens[1].xpos = resume_xpos;
    doc.tokens[4].xpos = break_xpos;
    return doc;
  };
  EXPECT_TRUE(StepsOf(doc_with("Fighting resumes once talks break down .", "VBZ", "VBP")).empty());
  EXPECT_EQ(StepsOf(doc_with("Fighting resumed once talks broke down .", "VBD", "VBD")),
            (std::vector<std::string>{"collapse [] talks broke down"}));
}

}  // namespace
}  // namespace parley::tracker

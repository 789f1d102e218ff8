// ClassifyStep on hand-built events: what a coded event is to a negotiation,
// from its CAMEO code and the words around it.
#include "tracker/cues.h"

#include <gtest/gtest.h>

#include "tracker/test_docs.h"

namespace parley::tracker {
namespace {

using testing::MakeDocument;
using testing::MakeEvent;

struct Case {
  int line;
  std::string sentence;
  std::string code;
  int verb_first, verb_last;
  bool is_step;
  StepKind kind;
  std::string outcome;
  bool background;
};

TEST(ClassifyStepTest, Table) {
  const Case cases[] = {
      {__LINE__, "Israel and Hamas held talks in Doha .", "046", 3, 3, true, StepKind::kTalks, "", false},
      {__LINE__, "Israel said it will send a delegation to Cairo .", "036", 5, 5, true,
       StepKind::kTalksAnnounced, "", false},
      {__LINE__, "Russia will meet Ukraine in Istanbul next week .", "040", 2, 2, true,
       StepKind::kTalksAnnounced, "", false},
      {__LINE__, "Israel and Hamas signed the agreement .", "057", 3, 3, true, StepKind::kAgreement, "", false},
      {__LINE__, "Hamas released three hostages to Israel .", "0841", 1, 1, true,
       StepKind::kImplementation, "release", false},
      {__LINE__, "Israel will release prisoners to Hamas .", "0841", 2, 2, false, StepKind::kTalks, "", false},
      {__LINE__, "The ceasefire between Israel and Hamas took effect on Sunday .", "0871", 6, 7, true,
       StepKind::kImplementation, "ceasefire", false},
      {__LINE__, "Israel declared a ceasefire with Hamas .", "0871", 1, 1, true, StepKind::kAgreement, "", false},
      {__LINE__, "The RSF declared a unilateral truce .", "0871", 2, 2, true, StepKind::kImplementation,
       "unilateral_ceasefire", false},
      {__LINE__, "Hamas fired rockets at Israel in breach of the truce .", "196", 1, 1, true,
       StepKind::kViolation, "", false},
      {__LINE__, "Israel struck Gaza .", "190", 1, 1, false, StepKind::kTalks, "", false},
      {__LINE__, "Israel struck Gaza , ending the ceasefire .", "190", 1, 1, true, StepKind::kCollapse, "", false},
      {__LINE__, "Hezbollah accused Israel of violating the ceasefire .", "112", 1, 1, true,
       StepKind::kViolation, "", false},
      {__LINE__, "Hamas accepted the proposal in principle .", "031", 1, 1, true, StepKind::kResponse,
       "accepted_in_principle", false},
      {__LINE__, "Hamas accepted the Egyptian proposal .", "031", 1, 1, true, StepKind::kResponse, "accepted",
       false},
      {__LINE__, "Israel rejected the proposal from Hamas .", "127", 1, 1, true, StepKind::kResponse,
       "rejected", false},
      {__LINE__, "Israel answered with a counter-proposal to Hamas .", "040", 1, 1, true, StepKind::kResponse,
       "countered", false},
      {__LINE__, "Qatar presented a draft agreement to Israel .", "030", 1, 1, true, StepKind::kProposal, "",
       false},
      {__LINE__, "Hamas demanded a permanent ceasefire from Israel .", "1056", 1, 1, true, StepKind::kDemand,
       "", false},
      {__LINE__, "The UN urged Israel to agree a truce .", "0256", 2, 2, true, StepKind::kDemand, "", false},
      {__LINE__, "Hamas insisted that any deal must end the war .", "010", 1, 1, true, StepKind::kDemand, "",
       false},
      {__LINE__, "Hamas said the talks were serious .", "010", 1, 1, false, StepKind::kTalks, "", false},
      {__LINE__, "Israel had met Hamas mediators in May .", "040", 2, 2, true, StepKind::kTalks, "", true},
      {__LINE__, "Previous talks between Israel and Hamas collapsed .", "040", 5, 5, true, StepKind::kCollapse,
       "", true},
      {__LINE__, "The two sides praised the weather .", "051", 2, 2, false, StepKind::kTalks, "", false},
  };
  for (const Case& c : cases) {
    Document doc = MakeDocument("d", "2025-01-15", {c.sentence});
    Event e = MakeEvent(doc, 0, "ISR", c.code, "PSEREBHMS", c.verb_first, c.verb_last);
    std::optional<StepClass> got = ClassifyStep(e, WordsOf(doc, 0));
    ASSERT_EQ(got.has_value(), c.is_step) << "line " << c.line << ": " << c.sentence;
    if (!got) continue;
    EXPECT_EQ(StepKindName(got->kind), std::string(StepKindName(c.kind))) << "line " << c.line;
    EXPECT_EQ(got->outcome, c.outcome) << "line " << c.line;
    EXPECT_EQ(got->background, c.background) << "line " << c.line;
  }
}

TEST(ClassifyStepTest, AnAccusedBreachActsThroughTheTarget) {
  Document doc = MakeDocument("d", "2025-01-15", {"Hamas accused Israel of violating the ceasefire ."});
  Event e = MakeEvent(doc, 0, "PSEREBHMS", "112", "ISR", 1, 1);
  auto got = ClassifyStep(e, WordsOf(doc, 0));
  ASSERT_TRUE(got.has_value());
  EXPECT_TRUE(got->target_acts);
}

// A verb conjoined to a future one is future too, however far from "will":
// the deal's terms, not the deal carried out. Told by the parse.
TEST(ClassifyStepTest, AConjoinedVerbSharesTheFutureAuxiliary) {
  const std::string sentence = "Israel will also release prisoners in exchange for hostages , allow aid into Gaza .";
  Document doc = MakeDocument("d", "2025-01-15", {sentence});
  Event e = MakeEvent(doc, 0, "ISR", "0863", "PSE", 10, 10);
  // Without a tree, "will" is too far from "allow" to be seen.
  auto untreed = ClassifyStep(e, WordsOf(doc, 0));
  ASSERT_TRUE(untreed.has_value());
  EXPECT_EQ(untreed->outcome, "aid");
  // Heads are 1-based: "allow" (11) is a conj of "release" (4), which has aux "will" (2).
  const std::vector<std::pair<int, std::string>> tree = {
      {4, "nsubj"}, {4, "aux"}, {4, "advmod"}, {0, "root"}, {4, "obj"}, {7, "case"}, {4, "obl"},
      {9, "case"},  {7, "nmod"}, {11, "punct"}, {4, "conj"}, {11, "obj"}, {14, "case"}, {12, "nmod"},
      {4, "punct"}};
  ASSERT_EQ(doc.tokens.size(), tree.size());
  for (size_t i = 0; i < tree.size(); ++i) {
    doc.tokens[i].head = tree[i].first;
    doc.tokens[i].deprel = tree[i].second;
  }
  EXPECT_FALSE(ClassifyStep(e, WordsOf(doc, 0)).has_value());
  // The same tree with "allow" as its own root clause is not future.
  doc.tokens[10].head = 0;
  doc.tokens[10].deprel = "root";
  EXPECT_TRUE(ClassifyStep(e, WordsOf(doc, 0)).has_value());
}

TEST(FindPhraseTest, WildcardsAndRanges) {
  Document doc = MakeDocument("d", "2025-01-15", {"Talks on the truce broke down in Cairo ."});
  SentenceWords w = WordsOf(doc, 0);
  EXPECT_EQ(FindPhrase(w, "broke down"), 4);
  EXPECT_EQ(FindPhrase(w, "talk*"), 0);
  EXPECT_EQ(FindPhrase(w, "talk*", 1), -1);
  EXPECT_EQ(FindPhrase(w, "cairo", 0, 7), -1);
  EXPECT_EQ(FindPhrase(w, "cairo", 0, 8), 7);
  EXPECT_EQ(FindAny(w, {"cairo", "truce"}), 3);
  EXPECT_EQ(LowerWord("Israel\xE2\x80\x99s"), "israel's");
}

}  // namespace
}  // namespace parley::tracker

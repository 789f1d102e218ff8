#include "eval/event_eval.h"

#include <gtest/gtest.h>

namespace parley::eval {
namespace {

Event Coded(const char* doc, int sentence, const char* s, const char* t, const char* c) {
  Event e;
  e.doc_id = doc;
  e.sentence = sentence;
  e.source.code = s;
  e.target.code = t;
  e.event.code = c;
  return e;
}

TEST(EventEvalTest, ScoresCountryPairsAndRootsPerArticle) {
  std::vector<ReferenceEvent> ref = {{"a", 0, "USAGOV", "SDNMIL", "026"},
                                     {"a", 1, "SDNMIL", "SDNREBRSF", "112"},
                                     {"b", 0, "ISR", "PSE", "195"}};
  std::vector<Event> coded = {Coded("a", 0, "USA", "SDNMIL", "020"),  // root and countries match
                              Coded("a", 2, "SDN", "SDN", "112"),     // same country pair as 2nd
                              Coded("a", -1, "USA", "SDN", "020"),    // title: ignored
                              Coded("b", 3, "ISRMIL", "LBN", "195"),  // wrong target country
                              Coded("c", 0, "ISR", "PSE", "195")};    // not a reference article
  EventScores s = ScoreEvents(ref, coded);
  EXPECT_EQ(s.articles, 2u);
  EXPECT_EQ(s.reference, 3u);
  EXPECT_EQ(s.coded, 3u);
  EXPECT_EQ(s.matched_root, 2u);
  EXPECT_NEAR(s.precision, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.recall, 2.0 / 3, 1e-9);
  EXPECT_EQ(s.matched_exact, 0u);
}

TEST(EventEvalTest, ReferenceFileErrorsNameTheLine) {
  auto r = ReadReferenceTsv(PARLEY_SOURCE_DIR "/no-such.tsv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace parley::eval

// Progress and summary formatting: pure functions, no clocks.
#include "pipeline/progress.h"

#include <gtest/gtest.h>

namespace parley::pipeline {
namespace {

TEST(ProgressTest, GroupsThousands) {
  EXPECT_EQ(GroupThousands(0), "0");
  EXPECT_EQ(GroupThousands(999), "999");
  EXPECT_EQ(GroupThousands(1000), "1,000");
  EXPECT_EQ(GroupThousands(1234567), "1,234,567");
}

TEST(ProgressTest, ProgressLine) {
  EXPECT_EQ(FormatProgress(1204, 8311, 32.1), "1,204 documents, 37.5 documents/s, 8,311 events");
  EXPECT_EQ(FormatProgress(1, 1, 0), "1 document, 1 event");
}

TEST(ProgressTest, SummaryWithoutDedup) {
  RunSummary s;
  s.documents_read = 1;
  s.documents_coded = 1;
  s.sentences = 4;
  s.events = 4;
  s.seconds = 0.5;
  EXPECT_EQ(FormatSummary(s),
            "parley code: 1 document read, 1 coded, 0 skipped; 4 sentences; 4 events; "
            "0 flagged headlines; 0.50 s, 2.0 documents/s\n");
}

TEST(ProgressTest, SummaryGroupsSkippedAndListsFlagged) {
  RunSummary s;
  s.documents_read = 9;
  s.documents_coded = 2;
  s.sentences = 30;
  s.events = 26;
  s.deduplicated = true;
  s.events_after_dedup = 25;
  for (int i = 1; i <= 7; ++i) s.skipped.push_back({"d" + std::to_string(i), "cannot parse: no model"});
  s.skipped.insert(s.skipped.begin() + 1, {"in.jsonl:4", "\"date\" 2024-13-01 does not exist"});
  s.flagged.push_back({"seed-2024-07-05", {"Haiti", "United Nations"}});
  s.seconds = 0;
  EXPECT_EQ(FormatSummary(s),
            "parley code: 9 documents read, 2 coded, 8 skipped; 30 sentences; 26 events, 25 after "
            "de-duplication; 1 flagged headline; 0.00 s\n"
            "  skipped 7 records (cannot parse: no model): d1, d2, d3, d4, d5 and 2 more\n"
            "  skipped in.jsonl:4: \"date\" 2024-13-01 does not exist\n"
            "  headline mismatch: seed-2024-07-05: Haiti, United Nations\n");
}

}  // namespace
}  // namespace parley::pipeline

// De-duplication on hand-built events (no coder needed).
#include "pipeline/dedup.h"

#include <gtest/gtest.h>

namespace parley::pipeline {
namespace {

Event MakeEvent(std::string doc_id, int32_t sentence, const char* date,
                DatePrecision precision = DatePrecision::kDocument, std::string code = "040") {
  Event e;
  e.doc_id = std::move(doc_id);
  e.sentence = sentence;
  e.date = Date::Parse(date).value();
  e.source.code = "USAGOV";
  e.target.code = "ISRGOV";
  e.event.code = std::move(code);
  e.event.text = "met in " + e.doc_id;
  e.meta.event_date = e.date;
  e.meta.date_precision = precision;
  return e;
}

TEST(DedupTest, SameDayAcrossDocumentsAndSentences) {
  std::vector<Event> in = {MakeEvent("b", 0, "2024-07-05"), MakeEvent("a", 2, "2024-07-05"),
                           MakeEvent("a", 3, "2024-07-05"), MakeEvent("a", 3, "2024-07-05"),
                           MakeEvent("c", 1, "2024-07-05", DatePrecision::kDocument, "190")};
  auto out = Deduplicate(in);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].doc_id, "b");  // the earliest, then the first in input order
  EXPECT_EQ(out[0].event.text, "met in b");
  EXPECT_EQ(out[0].meta.num_mentions, 3);  // b:0, a:2, a:3
  EXPECT_EQ(out[0].meta.num_articles, 2);
  EXPECT_EQ(out[0].meta.num_sources, 2);
  EXPECT_EQ(out[0].meta.documents, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(out[1].event.code, "190");
  EXPECT_EQ(out[1].meta.num_mentions, 1);
  EXPECT_EQ(out[1].meta.documents, std::vector<std::string>{"c"});
}

TEST(DedupTest, OneDayLagMergesKeepingTheEarliestDate) {
  auto out = Deduplicate({MakeEvent("late", 0, "2024-07-06"), MakeEvent("early", 4, "2024-07-05")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].doc_id, "early");
  EXPECT_EQ(out[0].meta.event_date.ToIso(), "2024-07-05");
  EXPECT_EQ(out[0].meta.num_articles, 2);
  // Across a month end too.
  EXPECT_EQ(Deduplicate({MakeEvent("a", 0, "2024-06-30"), MakeEvent("b", 0, "2024-07-01")}).size(), 1u);
}

TEST(DedupTest, LagIsAnchoredAtTheEarliestEvent) {
  auto out = Deduplicate({MakeEvent("a", 0, "2024-07-05"), MakeEvent("b", 0, "2024-07-06"),
                          MakeEvent("c", 0, "2024-07-07")});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].meta.documents, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(out[1].meta.documents, std::vector<std::string>{"c"});
  DedupOptions same_day;
  same_day.max_lag_days = 0;
  EXPECT_EQ(Deduplicate({MakeEvent("a", 0, "2024-07-05"), MakeEvent("b", 0, "2024-07-06")}, same_day).size(),
            2u);
}

TEST(DedupTest, TwoExplicitDaysDoNotMerge) {
  // "on Thursday" and "on Friday": two meetings, not one reported late.
  auto out = Deduplicate({MakeEvent("a", 0, "2024-07-04", DatePrecision::kDay),
                          MakeEvent("b", 0, "2024-07-05", DatePrecision::kDay),
                          MakeEvent("c", 0, "2024-07-05")});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].meta.documents, std::vector<std::string>{"a"});
  // An undated report fitting both joins the closest (the latest) group.
  EXPECT_EQ(out[1].meta.documents, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(out[1].meta.event_date.ToIso(), "2024-07-05");
}

TEST(DedupTest, UnknownDatesMergeOnlyWithEachOther) {
  Event a = MakeEvent("a", 0, "2024-07-05");
  a.date = Date{};
  a.meta.event_date = Date{};
  Event b = a;
  b.doc_id = "b";
  auto out = Deduplicate({a, MakeEvent("c", 0, "2024-07-05"), b});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].meta.documents, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(out[1].meta.documents, std::vector<std::string>{"c"});
}

TEST(DedupTest, SourcesAreUrlHosts) {
  auto out = Deduplicate({MakeEvent("https://www.bbc.co.uk/news/1", 0, "2024-07-05"),
                          MakeEvent("https://bbc.co.uk/news/2", 0, "2024-07-05"),
                          MakeEvent("http://apnews.com/x", 0, "2024-07-05")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].meta.num_articles, 3);
  EXPECT_EQ(out[0].meta.num_sources, 2);
  EXPECT_EQ(SourceOf("https://User@WWW.Example.com:8080/a?b"), "example.com");
  EXPECT_EQ(SourceOf("sudan-geneva-2024-08-15"), "sudan-geneva-2024-08-15");
}

TEST(DedupTest, HeadlineFlagStaysOnlyWhenEveryReportIsFlagged) {
  Event a = MakeEvent("a", 0, "2024-07-05");
  a.meta.headline_mismatch = true;
  Event b = MakeEvent("b", 0, "2024-07-05");
  EXPECT_FALSE(Deduplicate({a, b})[0].meta.headline_mismatch);
  b.meta.headline_mismatch = true;
  EXPECT_TRUE(Deduplicate({a, b})[0].meta.headline_mismatch);
}

}  // namespace
}  // namespace parley::pipeline

#include <gtest/gtest.h>

#include "parley/date.h"
#include "parley/document.h"

namespace parley {
namespace {

TEST(DateTest, ParsesTheThreeForms) {
  EXPECT_EQ(Date::Parse("2024-07-05")->ToInt(), 20240705);
  EXPECT_EQ(Date::Parse("19950101")->ToInt(), 19950101);
  EXPECT_EQ(Date::Parse("250120")->ToInt(), 20250120);
  EXPECT_EQ(Date::Parse("450703")->ToInt(), 19450703);
}

TEST(DateTest, RejectsImpossibleDatesWithTheText) {
  auto r = Date::Parse("2023-02-29");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "date '2023-02-29' does not exist");
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
  EXPECT_FALSE(Date::Parse("July 4").ok());
}

TEST(DocumentTest, SentenceIsAViewIntoTokens) {
  Document doc;
  doc.tokens.resize(5);
  doc.tokens[3].form = "Gondor";
  Sentence s;
  s.first_token = 2;
  s.token_count = 3;
  auto span = doc.TokensOf(s);
  ASSERT_EQ(span.size(), 3u);
  EXPECT_EQ(span[1].form, "Gondor");
  EXPECT_FALSE(doc.IsParsed());
}

}  // namespace
TEST(DateTest, DayNumbersRoundTripAndCountUnstatedPartsAsTheFirst) {
  EXPECT_EQ(Date::Parse("1970-01-01").value().DayNumber(), 0);
  EXPECT_EQ(Date::Parse("2000-03-01").value().DayNumber(), 11017);
  EXPECT_EQ(Date::Parse("1969-12-31").value().DayNumber(), -1);
  EXPECT_EQ((Date{2024, 0, 0}).DayNumber(), Date::Parse("2024-01-01").value().DayNumber());
  for (int64_t day = -800000; day < 800000; day += 997) EXPECT_EQ(Date::FromDayNumber(day).DayNumber(), day);
  EXPECT_EQ(Date::FromDayNumber(Date::Parse("2024-02-29").value().DayNumber() + 1), Date::Parse("2024-03-01").value());
}

}  // namespace parley

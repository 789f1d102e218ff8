#include "store/period.h"

#include <gtest/gtest.h>

namespace parley::store {
namespace {

TEST(PeriodTest, DayNumbersRoundTrip) {
  struct Case {
    Date date;
    int64_t day;
  };
  const Case cases[] = {
      {{1970, 1, 1}, 0},      {{1970, 1, 2}, 1},       {{1969, 12, 31}, -1},
      {{2000, 2, 29}, 11016}, {{2024, 7, 1}, 19905},   {{2024, 12, 31}, 20088},
      {{1900, 3, 1}, -25508}, {{2100, 2, 28}, 47540},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(DayNumber(c.date), c.day) << c.date.ToIso();
    EXPECT_EQ(DateOfDay(c.day), c.date) << c.day;
  }
  for (int64_t day = -800000; day < 800000; day += 997) EXPECT_EQ(DayNumber(DateOfDay(day)), day);
}

TEST(PeriodTest, PeriodsStartOnTheirFirstDay) {
  struct Case {
    Date day;
    Interval interval;
    Date start;
  };
  const Case cases[] = {
      {{2024, 7, 3}, Interval::kDay, {2024, 7, 3}},
      {{2024, 7, 1}, Interval::kWeek, {2024, 7, 1}},     // a Monday
      {{2024, 6, 30}, Interval::kWeek, {2024, 6, 24}},   // a Sunday
      {{2024, 7, 3}, Interval::kWeek, {2024, 7, 1}},
      {{1970, 1, 1}, Interval::kWeek, {1969, 12, 29}},   // a Thursday
      {{1969, 12, 28}, Interval::kWeek, {1969, 12, 22}}, // before day 0
      {{2024, 2, 29}, Interval::kMonth, {2024, 2, 1}},
      {{2024, 12, 31}, Interval::kMonth, {2024, 12, 1}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(DateOfDay(PeriodStart(DayNumber(c.day), c.interval)), c.start)
        << c.day.ToIso() << " " << IntervalName(c.interval);
}

}  // namespace
}  // namespace parley::store

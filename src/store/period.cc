#include "store/period.h"

namespace parley::store {

int64_t PeriodStart(int64_t day, Interval interval) {
  switch (interval) {
    case Interval::kDay:
      return day;
    case Interval::kWeek: {
      // 1970-01-01 was a Thursday: Monday-based weekday = (day + 3) mod 7.
      int64_t weekday = ((day + 3) % 7 + 7) % 7;
      return day - weekday;
    }
    case Interval::kMonth: {
      Date d = DateOfDay(day);
      d.day = 1;
      return DayNumber(d);
    }
  }
  return day;
}

}  // namespace parley::store

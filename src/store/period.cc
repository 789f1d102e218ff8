#include "store/period.h"

namespace parley::store {

// Howard Hinnant's days_from_civil / civil_from_days (public domain
// algorithms; the era arithmetic keeps them exact for negative years).
int64_t DayNumber(const Date& date) {
  int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (date.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date DateOfDay(int64_t day) {
  int64_t z = day + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

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

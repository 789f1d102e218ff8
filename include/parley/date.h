// A calendar date (proleptic Gregorian), as carried by documents and events.
// Plain value type; thread-compatible.
#ifndef PARLEY_DATE_H_
#define PARLEY_DATE_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "parley/status.h"

namespace parley {

struct Date {
  int year = 0;   // 0 = unknown date
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  bool known() const { return year != 0; }
  // yyyymmdd as an integer, e.g. 20240705; 0 when unknown. Orders like the date.
  int ToInt() const { return year * 10000 + month * 100 + day; }
  // "2024-07-05"; "" when unknown.
  std::string ToIso() const;

  // Accepts "YYYY-MM-DD", "YYYYMMDD" and, as the PETRARCH/TABARI dictionaries
  // write them, "YYMMDD" (years 00-29 → 20xx, 30-99 → 19xx). Rejects impossible
  // dates such as 2023-02-30.
  static Result<Date> Parse(std::string_view text);
  static bool IsValid(int year, int month, int day);

  // Days since 1970-01-01 in the proleptic Gregorian calendar (negative
  // before it; exact for any year). A month or day of 0 counts as the first.
  int64_t DayNumber() const;
  // The date `day` days after 1970-01-01; inverse of DayNumber().
  static Date FromDayNumber(int64_t day);

  auto operator<=>(const Date&) const = default;
};

}  // namespace parley

#endif  // PARLEY_DATE_H_

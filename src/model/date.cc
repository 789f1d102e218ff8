#include "parley/date.h"

#include <charconv>
#include <cstdio>

namespace parley {
namespace {

bool ParseDigits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc();
}

}  // namespace

bool Date::IsValid(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max_day;
}

// Howard Hinnant's days_from_civil / civil_from_days (public-domain
// algorithms; the 400-year era arithmetic keeps them exact for negative years).
int64_t Date::DayNumber() const {
  const int64_t m = month >= 1 && month <= 12 ? month : 1;
  const int64_t d = day >= 1 && day <= 31 ? day : 1;
  const int64_t y = static_cast<int64_t>(year) - (m <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::FromDayNumber(int64_t day) {
  const int64_t z = day + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Date out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2 ? 1 : 0));
  return out;
}

std::string Date::ToIso() const {
  if (!known()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Result<Date> Date::Parse(std::string_view text) {
  int y = 0, m = 0, d = 0;
  bool shape_ok = false;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    shape_ok = ParseDigits(text.substr(0, 4), y) && ParseDigits(text.substr(5, 2), m) &&
               ParseDigits(text.substr(8, 2), d);
  } else if (text.size() == 8) {
    shape_ok = ParseDigits(text.substr(0, 4), y) && ParseDigits(text.substr(4, 2), m) &&
               ParseDigits(text.substr(6, 2), d);
  } else if (text.size() == 6) {
    shape_ok = ParseDigits(text.substr(0, 2), y) && ParseDigits(text.substr(2, 2), m) &&
               ParseDigits(text.substr(4, 2), d);
    y += (y < 30) ? 2000 : 1900;
  }
  if (!shape_ok)
    return Status::ParseError("date '" + std::string(text) +
                              "' is not YYYY-MM-DD, YYYYMMDD or YYMMDD");
  if (!IsValid(y, m, d))
    return Status::ParseError("date '" + std::string(text) + "' does not exist");
  return Date{y, m, d};
}

}  // namespace parley

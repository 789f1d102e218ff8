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

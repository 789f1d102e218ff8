// Calendar arithmetic for the store: dates as days since 1970-01-01 (how the
// events table orders and filters them) and the period a day falls in.
// Internal to src/store/. Thread-safe (pure functions).
#ifndef PARLEY_STORE_PERIOD_H_
#define PARLEY_STORE_PERIOD_H_

#include <cstdint>

#include "parley/date.h"
#include "store/store.h"

namespace parley::store {

// Days since 1970-01-01 (negative before). REQUIRES: date.known().
inline int64_t DayNumber(const Date& date) { return date.DayNumber(); }
inline Date DateOfDay(int64_t day) { return Date::FromDayNumber(day); }

// The first day of the period `day` falls in: itself; the Monday of its
// week; the first of its month.
int64_t PeriodStart(int64_t day, Interval interval);

}  // namespace parley::store

#endif  // PARLEY_STORE_PERIOD_H_

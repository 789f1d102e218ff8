// The store's read queries over one connection: an EventFilter becomes one
// SQL WHERE clause with $N parameters, the same text for both engines except
// the text search. Internal to src/store/. Thread-compatible.
#ifndef PARLEY_STORE_QUERY_H_
#define PARLEY_STORE_QUERY_H_

#include <string>
#include <vector>

#include "store/connection.h"
#include "store/store.h"

namespace parley::store {

struct WhereClause {
  std::string sql;            // "" or " WHERE ..." over events aliased `e`
  std::vector<Value> params;  // $1..$N in order
};

// REQUIRES: filter.root, when set, is one or two digits.
Result<WhereClause> BuildWhere(Engine engine, const EventFilter& filter);

// The words of `text` as an FTS5 query: each word quoted, all required.
// "" when it has no words.
std::string Fts5Query(std::string_view text);

// True when the aggregates for `filter` come from the day_counts summary
// (it sets nothing but dates and a country), not from the events.
bool AnsweredFromDayCounts(const EventFilter& filter);

Result<EventPage> QueryEvents(Connection& c, const EventFilter& filter, size_t limit, size_t offset);
Result<std::vector<SeriesPoint>> QueryTimeSeries(Connection& c, const EventFilter& filter, Interval interval);
Result<std::vector<DyadCounts>> QueryDyads(Connection& c, const EventFilter& filter, size_t limit);
Result<std::vector<CountryCounts>> QueryCountries(Connection& c, const EventFilter& filter);

}  // namespace parley::store

#endif  // PARLEY_STORE_QUERY_H_

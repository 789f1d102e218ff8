// Query-string parameters of the HTTP API, checked and parsed into plain
// structs before anything touches the store. Every function rejects unknown
// or repeated parameters and bad values with a message that names the
// parameter and quotes the value, e.g. "from: not a date: 2024-13-01"; the
// server sends it as a 400. Stateless; thread-safe.
#ifndef PARLEY_SERVER_PARAMS_H_
#define PARLEY_SERVER_PARAMS_H_

#include <map>
#include <span>
#include <string_view>
#include <string>

#include "parley/date.h"
#include "parley/status.h"
#include "store/store.h"

namespace parley::server {

// Decoded query parameters, name → value (httplib::Params has this type).
using QueryParams = std::multimap<std::string, std::string>;

inline constexpr int kMaxLimit = 1000;

// GET /api/events.
struct EventsRequest {
  store::EventFilter filter;
  int limit = 100;  // 1..kMaxLimit
  int offset = 0;
};

// GET /api/timeseries: the filter names one dyad (source and target), one
// country or one actor, and the date range.
struct SeriesRequest {
  store::EventFilter filter;
  store::Interval interval = store::Interval::kDay;
};

// GET /api/dyads and /api/countries: the filter holds the date range.
struct RankingRequest {
  store::EventFilter filter;
  int limit = 100;  // dyads only; 1..kMaxLimit
};

Result<EventsRequest> ParseEventsRequest(const QueryParams& params);
Result<SeriesRequest> ParseSeriesRequest(const QueryParams& params);
Result<RankingRequest> ParseDyadsRequest(const QueryParams& params);
Result<RankingRequest> ParseCountriesRequest(const QueryParams& params);

// The query parameters the route at `path` ("/api/events") accepts, in the
// order its error message lists them; empty for routes that take none.
std::span<const std::string_view> QueryParameters(std::string_view path);

// "YYYY-MM-DD" and nothing else, and a real day.
Result<Date> ParseIsoDate(const std::string& text);

}  // namespace parley::server

#endif  // PARLEY_SERVER_PARAMS_H_

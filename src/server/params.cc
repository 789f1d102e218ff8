#include "server/params.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <span>
#include <string_view>

#include <fmt/format.h>

namespace parley::server {
namespace {

constexpr std::string_view kEventsParameters[] = {"from",    "to",   "actor", "source", "target",
                                                 "country", "code", "root",  "plover", "quad",
                                                 "bbox",    "q",    "limit", "offset"};
constexpr std::string_view kSeriesParameters[] = {"source", "target", "country", "actor", "interval", "from", "to"};
constexpr std::string_view kDyadsParameters[] = {"from", "to", "limit"};
constexpr std::string_view kCountriesParameters[] = {"from", "to"};

// Reads the parameters one request allows. An empty value counts as absent,
// so a form can send every field.
class ParamReader {
 public:
  ParamReader(const QueryParams& params, std::span<const std::string_view> allowed)
      : params_(params) {
    for (const auto& [name, value] : params_) {
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        std::string known;
        for (std::string_view a : allowed) known += (known.empty() ? "" : ", ") + std::string(a);
        Fail(fmt::format("unknown parameter: {} (this route takes {})", name, known));
        return;
      }
      if (params_.count(name) > 1) {
        Fail(fmt::format("{}: given more than once", name));
        return;
      }
    }
  }

  const Status& status() const { return status_; }
  bool ok() const { return status_.ok(); }

  // The value, or nullopt when absent or empty.
  std::optional<std::string> Get(const std::string& name) const {
    auto it = params_.find(name);
    if (it == params_.end() || it->second.empty()) return std::nullopt;
    return it->second;
  }

  void Fail(std::string message) {
    if (status_.ok()) status_ = Status::InvalidArgument(std::move(message));
  }

  void Date(const std::string& name, std::optional<parley::Date>& out) {
    auto value = Get(name);
    if (!value || !ok()) return;
    auto date = ParseIsoDate(*value);
    if (!date.ok()) return Fail(fmt::format("{}: not a date: {}", name, Printable(*value)));
    out = *date;
  }

  void Int(const std::string& name, int min, int max, int& out) {
    auto value = Get(name);
    if (!value || !ok()) return;
    int n = 0;
    auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
    if (ec != std::errc() || end != value->data() + value->size())
      return Fail(fmt::format("{}: not an integer: {}", name, Printable(*value)));
    if (n < min || n > max) return Fail(fmt::format("{}: must be {}..{}, got {}", name, min, max, n));
    out = n;
  }

  // Upper-cased; every byte must satisfy `valid`, the length within `max_len`.
  void Code(const std::string& name, size_t max_len, bool (*valid)(char), const char* what,
            std::string& out) {
    auto value = Get(name);
    if (!value || !ok()) return;
    std::string upper = *value;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper.size() > max_len || !std::all_of(upper.begin(), upper.end(), valid))
      return Fail(fmt::format("{}: not {}: {}", name, what, Printable(*value)));
    out = std::move(upper);
  }

  void DateRange(std::optional<parley::Date>& from, std::optional<parley::Date>& to) {
    Date("from", from);
    Date("to", to);
    if (ok() && from && to && *to < *from)
      Fail(fmt::format("from: {} is after to: {}", from->ToIso(), to->ToIso()));
  }

  // Quoted in messages without letting control bytes or huge values through.
  static std::string Printable(std::string_view value) {
    std::string out;
    for (char c : value.substr(0, 64)) out += std::iscntrl(static_cast<unsigned char>(c)) ? '?' : c;
    if (value.size() > 64) out += "...";
    return out;
  }

 private:
  const QueryParams& params_;
  Status status_;
};

bool IsActorChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; }
bool IsLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsPloverChar(char c) { return IsLetter(c) || c == '_'; }

constexpr size_t kMaxActorCode = 64;
constexpr size_t kMaxTextQuery = 200;

void ReadActor(ParamReader& r, const std::string& name, std::string& out) {
  r.Code(name, kMaxActorCode, IsActorChar, "an actor code (letters, digits, '-')", out);
}

void ReadCountry(ParamReader& r, std::string& out) {
  r.Code("country", 3, IsLetter, "a 3-letter country code", out);
  if (r.ok() && !out.empty() && out.size() != 3)
    r.Fail(fmt::format("country: not a 3-letter country code: {}", out));
}

// "minlon,minlat,maxlon,maxlat".
void ReadBoundingBox(ParamReader& r, std::optional<store::EventFilter::BoundingBox>& out) {
  auto value = r.Get("bbox");
  if (!value || !r.ok()) return;
  store::EventFilter::BoundingBox box;
  const store::BoundingBoxError error = store::ParseBoundingBox(*value, box);
  if (error == store::BoundingBoxError::kShape)
    return r.Fail(fmt::format("bbox: {}, got {}", store::BoundingBoxProblem(error), ParamReader::Printable(*value)));
  if (error != store::BoundingBoxError::kNone)
    return r.Fail(fmt::format("bbox: {}: {}", store::BoundingBoxProblem(error), ParamReader::Printable(*value)));
  out = box;
}

}  // namespace

std::span<const std::string_view> QueryParameters(std::string_view path) {
  if (path == "/api/events") return kEventsParameters;
  if (path == "/api/timeseries") return kSeriesParameters;
  if (path == "/api/dyads") return kDyadsParameters;
  if (path == "/api/countries") return kCountriesParameters;
  return {};
}

Result<Date> ParseIsoDate(const std::string& text) {
  bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-';
  for (size_t i = 0; shape && i < text.size(); ++i)
    if (i != 4 && i != 7 && !IsDigit(text[i])) shape = false;
  if (!shape) return Status::InvalidArgument("not YYYY-MM-DD: " + text);
  return Date::Parse(text);
}

Result<EventsRequest> ParseEventsRequest(const QueryParams& params) {
  ParamReader r(params, kEventsParameters);
  EventsRequest e;
  store::EventFilter& f = e.filter;
  r.DateRange(f.from, f.to);
  ReadActor(r, "actor", f.actor);
  ReadActor(r, "source", f.source);
  ReadActor(r, "target", f.target);
  ReadCountry(r, f.country);
  r.Code("code", 4, IsDigit, "a CAMEO event code (1-4 digits)", f.code);
  r.Code("root", 2, IsDigit, "a CAMEO root code (01..20)", f.root);
  if (r.ok() && !f.root.empty() && (f.root.size() != 2 || f.root < "01" || f.root > "20"))
    r.Fail("root: not a CAMEO root code (01..20): " + f.root);
  r.Code("plover", 32, IsPloverChar, "a PLOVER event type (letters, '_')", f.plover);
  r.Int("quad", 1, 4, f.quad_class);
  ReadBoundingBox(r, f.bbox);
  if (auto q = r.Get("q"); q && r.ok()) {
    if (q->size() > kMaxTextQuery) r.Fail(fmt::format("q: longer than {} bytes", kMaxTextQuery));
    f.text = *q;
  }
  r.Int("limit", 1, kMaxLimit, e.limit);
  r.Int("offset", 0, 1'000'000'000, e.offset);
  if (!r.ok()) return r.status();
  return e;
}

Result<SeriesRequest> ParseSeriesRequest(const QueryParams& params) {
  ParamReader r(params, kSeriesParameters);
  SeriesRequest s;
  store::EventFilter& f = s.filter;
  ReadActor(r, "source", f.source);
  ReadActor(r, "target", f.target);
  ReadCountry(r, f.country);
  ReadActor(r, "actor", f.actor);
  if (auto interval = r.Get("interval"); interval && r.ok()) {
    auto parsed = store::ParseInterval(*interval);
    if (parsed.ok()) s.interval = *parsed;
    else r.Fail("interval: want day, week or month, got " + ParamReader::Printable(*interval));
  }
  r.DateRange(f.from, f.to);
  if (r.ok()) {
    if (f.source.empty() != f.target.empty())
      r.Fail("source and target: give both (a dyad), or use country= or actor=");
    int subjects = !f.source.empty() + !f.country.empty() + !f.actor.empty();
    if (subjects != 1)
      r.Fail(subjects == 0 ? "give source= and target=, or country=, or actor="
                           : "give only one of source=&target=, country=, actor=");
  }
  if (!r.ok()) return r.status();
  return s;
}

Result<RankingRequest> ParseDyadsRequest(const QueryParams& params) {
  ParamReader r(params, kDyadsParameters);
  RankingRequest q;
  r.DateRange(q.filter.from, q.filter.to);
  r.Int("limit", 1, kMaxLimit, q.limit);
  if (!r.ok()) return r.status();
  return q;
}

Result<RankingRequest> ParseCountriesRequest(const QueryParams& params) {
  ParamReader r(params, kCountriesParameters);
  RankingRequest q;
  r.DateRange(q.filter.from, q.filter.to);
  if (!r.ok()) return r.status();
  return q;
}

}  // namespace parley::server

#include "store/query.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "io/event_writer.h"
#include "store/period.h"
#include "store/schema.h"

namespace parley::store {
namespace {

class WhereBuilder {
 public:
  explicit WhereBuilder(WhereClause& out) : out_(out) {}

  // "$N" for a new parameter.
  std::string Param(Value v) {
    out_.params.push_back(std::move(v));
    return fmt::format("${}", out_.params.size());
  }
  void And(const std::string& condition) {
    out_.sql += out_.sql.empty() ? " WHERE " : " AND ";
    out_.sql += condition;
  }

  // `column` starts with `prefix`, as an index range: codes are ASCII, so
  // the strings that start with "ISR" are those in ["ISR", "ISS").
  std::string Prefix(const std::string& column, const std::string& prefix) {
    std::string upper = prefix;
    if (static_cast<unsigned char>(upper.back()) < 0x7e) {
      ++upper.back();
      std::string lo = Param(prefix);
      return fmt::format("({0} >= {1} AND {0} < {2})", column, lo, Param(upper));
    }
    return fmt::format("substr({}, 1, {}) = {}", column, prefix.size(), Param(prefix));
  }

 private:
  WhereClause& out_;
};

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

std::string Fts5Query(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsWordByte(static_cast<unsigned char>(text[j]))) ++j;
    if (!out.empty()) out += ' ';
    out += '"';
    out.append(text.substr(i, j - i));  // word bytes hold no '"'
    out += '"';
    i = j;
  }
  return out;
}

Result<WhereClause> BuildWhere(Engine engine, const EventFilter& f) {
  WhereClause where;
  WhereBuilder b(where);
  if (f.from) b.And("e.row_day >= " + b.Param(DayNumber(*f.from)));
  if (f.to) b.And("e.row_day <= " + b.Param(DayNumber(*f.to)));
  if (!f.actor.empty()) {
    std::string s = b.Prefix("e.source_code", f.actor);
    b.And("(" + s + " OR " + b.Prefix("e.target_code", f.actor) + ")");
  }
  if (!f.source.empty()) b.And(b.Prefix("e.source_code", f.source));
  if (!f.target.empty()) b.And(b.Prefix("e.target_code", f.target));
  if (!f.country.empty()) {
    std::string p = b.Param(f.country);
    b.And(fmt::format("(e.source_country = {0} OR e.target_country = {0})", p));
  }
  if (!f.code.empty()) b.And(b.Prefix("e.code", f.code));
  if (!f.root.empty()) {
    std::string root = f.root;
    if (root.size() == 1) root = "0" + root;
    if (root.size() != 2 || !std::isdigit(static_cast<unsigned char>(root[0])) ||
        !std::isdigit(static_cast<unsigned char>(root[1])))
      return Status::InvalidArgument(fmt::format("root '{}' is not a CAMEO root code (01..20)", f.root));
    // Every code of a root starts with it: the code index finds them.
    std::string codes = b.Prefix("e.code", root);
    b.And(codes + " AND e.root = " + b.Param(root));
  }
  if (!f.plover.empty()) b.And("e.plover_type = " + b.Param(f.plover));
  if (f.quad_class != 0) {
    if (f.quad_class < 1 || f.quad_class > 4)
      return Status::InvalidArgument(fmt::format("QuadClass {} is not 1..4", f.quad_class));
    b.And("e.quad_class = " + b.Param(int64_t{f.quad_class}));
  }
  if (f.bbox) {
    const auto& box = *f.bbox;
    if (box.min_lon > box.max_lon || box.min_lat > box.max_lat)
      return Status::InvalidArgument("bounding box has its minimum above its maximum");
    std::string a = b.Param(box.min_lon), c = b.Param(box.max_lon);
    std::string d = b.Param(box.min_lat), e = b.Param(box.max_lat);
    b.And(fmt::format("e.lon BETWEEN {} AND {} AND e.lat BETWEEN {} AND {}", a, c, d, e));
  }
  if (!f.text.empty()) {
    std::string query = Fts5Query(f.text);
    if (!query.empty()) {
      if (engine == Engine::kSqlite) {
        b.And("e.sentence_key IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH " + b.Param(query) +
              ")");
      } else {
        b.And("e.sentence_key IN (SELECT id FROM sentences WHERE to_tsvector('simple', text) @@ "
              "plainto_tsquery('simple', " +
              b.Param(std::string(f.text)) + "))");
      }
    }
  }
  return where;
}

namespace {

Date ParseStoredDate(std::string_view text) {
  if (text.empty()) return {};
  auto d = Date::Parse(text);
  return d.ok() ? *d : Date{};
}

DatePrecision PrecisionOf(std::string_view name) {
  for (auto p : {DatePrecision::kDay, DatePrecision::kWeek, DatePrecision::kMonth, DatePrecision::kYear})
    if (name == io::DatePrecisionName(p)) return p;
  return DatePrecision::kDocument;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    out.emplace_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

// Reads the span at columns c..c+3 (code, text, first, last).
CodedSpan ReadSpan(const Row& r, int c) {
  return CodedSpan{std::string(r.Text(c)), std::string(r.Text(c + 1)), static_cast<int32_t>(r.Int(c + 2)),
                   static_cast<int32_t>(r.Int(c + 3))};
}
ActorFields ReadFields(const Row& r, int c) {
  return ActorFields{std::string(r.Text(c)), std::string(r.Text(c + 1)), std::string(r.Text(c + 2)),
                     std::string(r.Text(c + 3))};
}

// One events row (kEventColumns order) and, after it, the sentence text.
StoredEvent ReadEvent(const Row& r) {
  StoredEvent out;
  out.id = r.Int(0);
  Event& e = out.event;
  EventMetadata& m = e.meta;
  e.doc_id = r.Text(1);
  e.sentence = static_cast<int32_t>(r.Int(3));
  e.sentence_id = r.Text(5);
  e.date = ParseStoredDate(r.Text(6));
  m.event_date = ParseStoredDate(r.Text(8));
  m.date_precision = PrecisionOf(r.Text(9));
  m.date_text = r.Text(10);
  e.source = ReadSpan(r, 11);
  m.source = ReadFields(r, 15);
  e.target = ReadSpan(r, 19);
  m.target = ReadFields(r, 23);
  e.event = ReadSpan(r, 27);
  m.root_code = r.Text(31);
  m.label = r.Text(32);
  m.quad_class = static_cast<int>(r.Int(33));
  m.has_goldstein = !r.IsNull(34);
  m.goldstein = r.Double(34);
  m.plover_type = r.Text(35);
  m.plover_mode = r.Text(36);
  m.plover_context = r.Text(37);
  e.pattern = r.Text(38);
  e.issues = SplitLines(r.Text(39));
  Place& p = m.location;
  p.name = r.Text(40);
  p.text = r.Text(41);
  p.country = r.Text(42);
  p.adm1 = r.Text(43);
  p.feature_type = r.Text(44);
  p.precision = r.Text(45);
  p.has_coordinates = !r.IsNull(46) && !r.IsNull(47);
  p.lat = r.Double(46);
  p.lon = r.Double(47);
  m.headline_mismatch = r.Int(48) != 0;
  m.num_mentions = static_cast<int>(r.Int(49));
  m.num_sources = static_cast<int>(r.Int(50));
  m.num_articles = static_cast<int>(r.Int(51));
  out.sentence_text = r.Text(kEventColumnCount);
  return out;
}

void AddCounts(EventCounts& to, int quad_class, size_t events, double goldstein) {
  to.events += events;
  if (quad_class >= 1 && quad_class <= 4) to.quad[static_cast<size_t>(quad_class - 1)] += events;
  to.goldstein += goldstein;
}

}  // namespace

Result<EventPage> QueryEvents(Connection& c, const EventFilter& filter, size_t limit, size_t offset) {
  auto where = BuildWhere(c.engine(), filter);
  if (!where.ok()) return where.status();
  EventPage page;
  Status s = c.Query("SELECT count(*) FROM events e" + where->sql, where->params,
                     [&](const Row& row) { page.total = static_cast<size_t>(row.Int(0)); });
  if (!s.ok()) return s;
  std::string sql = "SELECT ";
  for (int i = 0; i < kEventColumnCount; ++i) sql += fmt::format("e.{}, ", kEventColumns[i]);
  sql += "s.text FROM events e LEFT JOIN sentences s ON s.id = e.sentence_key" + where->sql +
         " ORDER BY e.row_day DESC NULLS LAST, e.doc_id, e.ord";
  std::vector<Value> params = where->params;
  if (limit > 0) sql += fmt::format(" LIMIT ${}", params.size() + 1), params.emplace_back(static_cast<int64_t>(limit));
  if (offset > 0) sql += fmt::format(" OFFSET ${}", params.size() + 1), params.emplace_back(static_cast<int64_t>(offset));
  s = c.Query(sql, params, [&](const Row& row) { page.events.push_back(ReadEvent(row)); });
  if (!s.ok()) return s;
  if (page.events.empty()) return page;
  // Supporting documents (mentions) of the page's events.
  std::unordered_map<int64_t, size_t> index;
  std::string in;
  std::vector<Value> ids;
  for (size_t i = 0; i < page.events.size(); ++i) {
    if (!index.emplace(page.events[i].id, i).second) continue;
    in += fmt::format("{}${}", ids.empty() ? "" : ", ", ids.size() + 1);
    ids.emplace_back(page.events[i].id);
  }
  s = c.Query("SELECT event_id, doc_id FROM mentions WHERE event_id IN (" + in + ") ORDER BY event_id, doc_id",
              ids, [&](const Row& row) {
                auto it = index.find(row.Int(0));
                if (it != index.end()) page.events[it->second].event.meta.documents.emplace_back(row.Text(1));
              });
  if (!s.ok()) return s;
  return page;
}

namespace {

// Where the aggregates come from: the events themselves, or day_counts (one
// row per day, dyad and QuadClass, kept by Ingest) when the filter asks only
// for dates and a country, which day_counts carries. Both are aliased `e`
// with the columns BuildWhere uses for those conditions.
struct AggregateSource {
  std::string table, events, goldstein, source, target, known_day;
};

AggregateSource SourceFor(const EventFilter& f) {
  EventFilter rest = f;
  rest.from.reset();
  rest.to.reset();
  rest.country.clear();
  bool summary = rest.actor.empty() && rest.source.empty() && rest.target.empty() && rest.code.empty() &&
                 rest.root.empty() && rest.plover.empty() && rest.quad_class == 0 && !rest.bbox && rest.text.empty();
  if (summary)
    return {"day_counts e", "e.events", "e.goldstein", "e.source", "e.target",
            fmt::format("e.row_day <> {}", kUnknownDay)};
  return {"events e", "1", "e.goldstein",
          "CASE WHEN e.source_country <> '' THEN e.source_country ELSE e.source_code END",
          "CASE WHEN e.target_country <> '' THEN e.target_country ELSE e.target_code END",
          "e.row_day IS NOT NULL"};
}

}  // namespace

bool AnsweredFromDayCounts(const EventFilter& filter) { return SourceFor(filter).table == "day_counts e"; }

Result<std::vector<SeriesPoint>> QueryTimeSeries(Connection& c, const EventFilter& filter, Interval interval) {
  auto where = BuildWhere(c.engine(), filter);
  if (!where.ok()) return where.status();
  AggregateSource from = SourceFor(filter);
  std::string sql = fmt::format("SELECT e.row_day, e.quad_class, sum({}), sum({}) FROM {}{}{}{} GROUP BY 1, 2",
                                from.events, from.goldstein, from.table, where->sql,
                                where->sql.empty() ? " WHERE " : " AND ", from.known_day);
  std::map<int64_t, EventCounts> periods;
  Status s = c.Query(sql, where->params, [&](const Row& row) {
    AddCounts(periods[PeriodStart(row.Int(0), interval)], static_cast<int>(row.Int(1)),
              static_cast<size_t>(row.Int(2)), row.Double(3));
  });
  if (!s.ok()) return s;
  std::vector<SeriesPoint> out;
  out.reserve(periods.size());
  for (const auto& [day, counts] : periods) out.push_back({DateOfDay(day).ToIso(), counts});
  return out;
}

Result<std::vector<DyadCounts>> QueryDyads(Connection& c, const EventFilter& filter, size_t limit) {
  auto where = BuildWhere(c.engine(), filter);
  if (!where.ok()) return where.status();
  AggregateSource from = SourceFor(filter);
  std::string sql = fmt::format("SELECT {}, {}, e.quad_class, sum({}), sum({}) FROM {}{} GROUP BY 1, 2, 3",
                                from.source, from.target, from.events, from.goldstein, from.table, where->sql);
  std::map<std::pair<std::string, std::string>, EventCounts> dyads;
  Status s = c.Query(sql, where->params, [&](const Row& row) {
    AddCounts(dyads[{std::string(row.Text(0)), std::string(row.Text(1))}], static_cast<int>(row.Int(2)),
              static_cast<size_t>(row.Int(3)), row.Double(4));
  });
  if (!s.ok()) return s;
  std::vector<DyadCounts> out;
  for (auto& [pair, counts] : dyads) out.push_back({pair.first, pair.second, counts});
  std::stable_sort(out.begin(), out.end(),
                   [](const DyadCounts& a, const DyadCounts& b) { return a.counts.events > b.counts.events; });
  if (limit > 0 && out.size() > limit) out.resize(limit);
  return out;
}

Result<std::vector<CountryCounts>> QueryCountries(Connection& c, const EventFilter& filter) {
  auto where = BuildWhere(c.engine(), filter);
  if (!where.ok()) return where.status();
  AggregateSource from = SourceFor(filter);
  std::string and_ = where->sql.empty() ? " WHERE " : " AND ";
  // The same parameters serve both halves: $N names the same value twice.
  std::string sql = fmt::format(
      "SELECT c, quad_class, sum(n), sum(g) FROM ("
      "SELECT e.source_country AS c, e.quad_class, {0} AS n, {1} AS g FROM {2}{3}{4}e.source_country <> '' "
      "UNION ALL "
      "SELECT e.target_country AS c, e.quad_class, {0} AS n, {1} AS g FROM {2}{3}{4}e.target_country <> '' "
      "AND e.target_country <> e.source_country) sides GROUP BY 1, 2",
      from.events, from.goldstein, from.table, where->sql, and_);
  std::map<std::string, EventCounts> countries;
  Status s = c.Query(sql, where->params, [&](const Row& row) {
    AddCounts(countries[std::string(row.Text(0))], static_cast<int>(row.Int(1)), static_cast<size_t>(row.Int(2)),
              row.Double(3));
  });
  if (!s.ok()) return s;
  std::vector<CountryCounts> out;
  for (auto& [country, counts] : countries) out.push_back({country, counts});
  std::stable_sort(out.begin(), out.end(),
                   [](const CountryCounts& a, const CountryCounts& b) { return a.counts.events > b.counts.events; });
  return out;
}

}  // namespace parley::store

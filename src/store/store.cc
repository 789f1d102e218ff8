#include "store/store.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <unordered_set>

#include <fmt/format.h>

#include "io/event_writer.h"
#include "io/io_util.h"
#include "store/connection.h"
#include "store/period.h"
#include "store/query.h"
#include "store/schema.h"

namespace parley::store {
namespace {

constexpr size_t kMaxIdleConnections = 16;

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Text as both engines accept it: valid UTF-8 (bad bytes become U+FFFD) and
// no NUL bytes (PostgreSQL text cannot hold them).
std::string CleanText(std::string_view text) {
  if (io::FindInvalidUtf8(text) == std::string_view::npos && text.find('\0') == std::string_view::npos)
    return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t n = io::Utf8SequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      if (!(n == 1 && text[i] == '\0')) out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

// A text value: a view of `text` when it is clean, else a cleaned copy.
// REQUIRES: `text` outlives the value (the batch's documents do).
Value TextOf(std::string_view text) {
  if (io::FindInvalidUtf8(text) == std::string_view::npos && text.find('\0') == std::string_view::npos)
    return text;
  return CleanText(text);
}

// Row keys: a document's sequence number in its upper bits, the position of
// the sentence or event in the lower 20, so that keys only grow.
constexpr int kPositionBits = 20;
constexpr size_t kMaxPerDocument = (size_t{1} << kPositionBits) - 2;
int64_t EventKey(int64_t seq, size_t ord) { return (seq << kPositionBits) | static_cast<int64_t>(ord); }
// The title (index -1) is position 0.
int64_t SentenceKey(int64_t seq, int32_t index) { return (seq << kPositionBits) | (index + 1); }

Value DateValue(const Date& d) { return d.known() ? Value(d.ToIso()) : Value(); }

// Rows of one table written a chunk at a time as multi-row INSERTs, which
// saves PostgreSQL a round trip per row and costs SQLite nothing.
class RowInserter {
 public:
  RowInserter(std::string table, std::vector<std::string> columns, std::string suffix = "")
      : table_(std::move(table)), columns_(std::move(columns)), suffix_(std::move(suffix)),
        rows_per_statement_(std::max<size_t>(1, std::min<size_t>(100, 30000 / columns_.size()))) {}

  // Appends one row's values (columns() of them); flushes a full chunk.
  Status Add(Connection& c, std::vector<Value>& row) {
    for (auto& v : row) pending_.push_back(std::move(v));
    row.clear();
    if (pending_.size() >= rows_per_statement_ * columns_.size()) return Flush(c);
    return Status::Ok();
  }

  // Writes what is pending in statements of rows_per_statement_, 10 and 1
  // rows: a few statement shapes per table, each prepared once.
  Status Flush(Connection& c) {
    size_t rows = pending_.size() / columns_.size();
    size_t done = 0;
    for (size_t chunk : {rows_per_statement_, size_t{10}, size_t{1}}) {
      for (; rows - done >= chunk; done += chunk) {
        std::span<const Value> values(pending_.data() + done * columns_.size(), chunk * columns_.size());
        Status s = c.Query(SqlFor(chunk), values);
        if (!s.ok()) return s;
      }
    }
    pending_.clear();
    return Status::Ok();
  }

 private:
  const std::string& SqlFor(size_t rows) {
    auto it = sql_.find(rows);
    if (it != sql_.end()) return it->second;
    std::string sql = "INSERT INTO " + table_ + " (";
    for (size_t i = 0; i < columns_.size(); ++i) sql += (i ? ", " : "") + columns_[i];
    sql += ") VALUES ";
    size_t n = 0;
    for (size_t r = 0; r < rows; ++r) {
      sql += r ? ", (" : "(";
      for (size_t i = 0; i < columns_.size(); ++i) sql += fmt::format("{}${}", i ? ", " : "", ++n);
      sql += ")";
    }
    sql += suffix_;
    return sql_.emplace(rows, std::move(sql)).first->second;
  }

  std::string table_;
  std::vector<std::string> columns_;
  std::string suffix_;
  size_t rows_per_statement_;
  std::vector<Value> pending_;
  std::map<size_t, std::string> sql_;
};

// A day_counts row's key: day (kUnknownDay when unknown), the dyad as
// Dyads() names it, both sides' countries, QuadClass.
using DayCountKey = std::tuple<int64_t, std::string, std::string, std::string, std::string, int>;

Date RowDate(const Document& doc, const Event& e) {
  if (e.meta.event_date.known()) return e.meta.event_date;
  return e.date.known() ? e.date : doc.date;
}

DayCountKey DayCountKeyOf(const Document& doc, const Event& e) {
  Date d = RowDate(doc, e);
  const EventMetadata& m = e.meta;
  return {d.known() ? DayNumber(d) : kUnknownDay, CleanText(m.source.country.empty() ? e.source.code : m.source.country),
          CleanText(m.target.country.empty() ? e.target.code : m.target.country), CleanText(m.source.country),
          CleanText(m.target.country), m.quad_class};
}

// Why a document cannot be stored whole (its rows would not fit the keys), or "".
std::string TooBig(const Document& doc, const std::vector<Event>& events) {
  if (events.size() > kMaxPerDocument)
    return fmt::format("{} events; the store takes at most {} per document", events.size(), kMaxPerDocument);
  for (const Sentence& s : doc.sentences)
    if (s.index < -1 || (s.index >= 0 && static_cast<size_t>(s.index) >= kMaxPerDocument))
      return fmt::format("sentence index {} is outside -1..{}", s.index, kMaxPerDocument - 1);
  for (const Event& e : events)
    if (e.sentence < -1 || (e.sentence >= 0 && static_cast<size_t>(e.sentence) >= kMaxPerDocument))
      return fmt::format("an event's sentence index {} is outside -1..{}", e.sentence, kMaxPerDocument - 1);
  return "";
}

std::vector<std::string> EventColumnNames() {
  return std::vector<std::string>(kEventColumns, kEventColumns + kEventColumnCount);
}

void AddSpan(const CodedSpan& span, std::vector<Value>& row) {
  row.emplace_back(TextOf(span.code));
  row.emplace_back(TextOf(span.text));
  row.emplace_back(int64_t{span.first_token});
  row.emplace_back(int64_t{span.last_token});
}

void AddActor(const CodedSpan& span, const ActorFields& fields, std::vector<Value>& row) {
  AddSpan(span, row);
  row.emplace_back(TextOf(fields.country));
  row.emplace_back(TextOf(fields.sectors));
  row.emplace_back(TextOf(fields.known_group));
  row.emplace_back(TextOf(fields.name));
}

std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += '\n';
    out += item;
  }
  return out;
}

// One events row, in kEventColumns order.
void EventRow(const Document& doc, int64_t seq, size_t ord, const Event& e, std::vector<Value>& row) {
  const EventMetadata& m = e.meta;
  Date row_date = RowDate(doc, e);
  row.emplace_back(EventKey(seq, ord));
  row.emplace_back(TextOf(doc.id));
  row.emplace_back(static_cast<int64_t>(ord));
  row.emplace_back(int64_t{e.sentence});
  row.emplace_back(SentenceKey(seq, e.sentence));
  row.emplace_back(TextOf(e.sentence_id));
  row.emplace_back(DateValue(e.date.known() ? e.date : doc.date));
  row.emplace_back(row_date.known() ? Value(DayNumber(row_date)) : Value());
  row.emplace_back(DateValue(m.event_date));
  row.emplace_back(std::string_view(io::DatePrecisionName(m.date_precision)));
  row.emplace_back(TextOf(m.date_text));
  AddActor(e.source, m.source, row);
  AddActor(e.target, m.target, row);
  AddSpan(e.event, row);
  row.emplace_back(TextOf(m.root_code));
  row.emplace_back(TextOf(m.label));
  row.emplace_back(int64_t{m.quad_class});
  row.emplace_back(m.has_goldstein ? Value(m.goldstein) : Value());
  row.emplace_back(TextOf(m.plover_type));
  row.emplace_back(TextOf(m.plover_mode));
  row.emplace_back(TextOf(m.plover_context));
  row.emplace_back(TextOf(e.pattern));
  row.emplace_back(CleanText(JoinLines(e.issues)));
  const Place& p = m.location;
  row.emplace_back(TextOf(p.name));
  row.emplace_back(TextOf(p.text));
  row.emplace_back(TextOf(p.country));
  row.emplace_back(TextOf(p.adm1));
  row.emplace_back(TextOf(p.feature_type));
  row.emplace_back(TextOf(p.precision));
  row.emplace_back(p.has_coordinates ? Value(p.lat) : Value());
  row.emplace_back(p.has_coordinates ? Value(p.lon) : Value());
  row.emplace_back(int64_t{m.headline_mismatch ? 1 : 0});
  row.emplace_back(int64_t{m.num_mentions});
  row.emplace_back(int64_t{m.num_sources});
  row.emplace_back(int64_t{m.num_articles});
}

}  // namespace

BoundingBoxError ParseBoundingBox(std::string_view text, EventFilter::BoundingBox& out) {
  double v[4];
  std::string_view rest = text;
  for (int i = 0; i < 4; ++i) {
    const size_t comma = rest.find(',');
    const std::string_view part = rest.substr(0, comma);
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v[i]);
    const bool last = i == 3;
    if (ec != std::errc() || end != part.data() + part.size() || !std::isfinite(v[i]) ||
        last != (comma == std::string_view::npos))
      return BoundingBoxError::kShape;
    if (!last) rest.remove_prefix(comma + 1);
  }
  const EventFilter::BoundingBox box{v[0], v[1], v[2], v[3]};
  auto lon = [](double x) { return x >= -180 && x <= 180; };
  auto lat = [](double x) { return x >= -90 && x <= 90; };
  if (!lon(box.min_lon) || !lon(box.max_lon) || !lat(box.min_lat) || !lat(box.max_lat))
    return BoundingBoxError::kRange;
  if (box.min_lon > box.max_lon || box.min_lat > box.max_lat) return BoundingBoxError::kOrder;
  out = box;
  return BoundingBoxError::kNone;
}

std::string_view BoundingBoxProblem(BoundingBoxError error) {
  switch (error) {
    case BoundingBoxError::kNone: return "";
    case BoundingBoxError::kShape: return "want minlon,minlat,maxlon,maxlat";
    case BoundingBoxError::kRange: return "outside -180..180, -90..90";
    case BoundingBoxError::kOrder: return "minimum above maximum";
  }
  return "";
}

const char* IntervalName(Interval interval) {
  switch (interval) {
    case Interval::kDay:
      return "day";
    case Interval::kWeek:
      return "week";
    case Interval::kMonth:
      return "month";
  }
  return "day";
}

Result<Interval> ParseInterval(std::string_view name) {
  if (name == "day") return Interval::kDay;
  if (name == "week") return Interval::kWeek;
  if (name == "month") return Interval::kMonth;
  return Status::InvalidArgument(fmt::format("interval '{}' is not day, week or month", name));
}

class Store::Impl {
 public:
  Impl(Engine engine, std::string target) : engine_(engine), target_(std::move(target)) {}

  Engine engine() const { return engine_; }

  // A connection borrowed from the pool, returned when it goes out of scope.
  class Lease {
   public:
    Lease(Impl* impl, std::unique_ptr<Connection> c) : impl_(impl), c_(std::move(c)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (c_) impl_->Return(std::move(c_));
    }
    Connection& operator*() { return *c_; }
    Connection* operator->() { return c_.get(); }
    // After an error the connection may be mid-transaction: drop it.
    void Discard() { c_.reset(); }

   private:
    Impl* impl_;
    std::unique_ptr<Connection> c_;
  };

  Result<Lease> Borrow() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        auto c = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(c));
      }
    }
    auto c = engine_ == Engine::kSqlite ? OpenSqlite(target_) : OpenPostgres(target_);
    if (!c.ok()) return c.status();
    return Lease(this, std::move(c).value());
  }

  void Return(std::unique_ptr<Connection> c) {
    std::lock_guard<std::mutex> lock(mu_);
    if (idle_.size() < kMaxIdleConnections) idle_.push_back(std::move(c));
  }

 private:
  Engine engine_;
  std::string target_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

namespace {

// Runs `body` inside the write transaction; rolls back (and drops the
// connection) when it fails.
template <typename Body>
Status InWriteTransaction(Store::Impl::Lease& c, Body body) {
  Status s = c->BeginWrite();
  if (s.ok()) s = body(*c);
  if (s.ok()) s = c->Exec("COMMIT");
  if (!s.ok()) {
    (void)c->Exec("ROLLBACK");
    c.Discard();
  }
  return s;
}

Status CreateSchema(Connection& c) {
  Status s = c.Exec(SchemaSql(c.engine()));
  if (!s.ok()) return s;
  int version = 0;
  s = c.Query("SELECT value FROM parley_meta WHERE key = 'schema_version'", {},
              [&](const Row& row) { version = std::atoi(std::string(row.Text(0)).c_str()); });
  if (!s.ok()) return s;
  if (version > kSchemaVersion)
    return Status::Unsupported(fmt::format("store has schema version {}; this Parley reads up to {}", version,
                                           kSchemaVersion));
  if (version == 0) {
    std::vector<Value> params{std::string(std::to_string(kSchemaVersion))};
    s = c.Query("INSERT INTO parley_meta (key, value) VALUES ('schema_version', $1)", params);
  }
  return s;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(std::string_view url) {
  Engine engine = Engine::kSqlite;
  std::string target(url);
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    engine = Engine::kPostgres;
  } else if (StartsWith(url, "sqlite:")) {
    target = std::string(url.substr(7));
    if (StartsWith(target, "//")) target = target.substr(2);  // sqlite:///abs/path
  }
  if (target.empty()) return Status::InvalidArgument("store URL is empty");
  auto impl = std::make_unique<Impl>(engine, target);
  {
    auto c = impl->Borrow();
    if (!c.ok()) return c.status();
    Status s = InWriteTransaction(*c, CreateSchema);
    if (!s.ok()) return Status(s.code(), fmt::format("store {}: {}", url, s.message()));
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const char* Store::engine() const { return impl_->engine() == Engine::kSqlite ? "sqlite" : "postgresql"; }

Result<IngestReport> Store::Ingest(std::span<const CodedDocument> documents) {
  IngestReport report;
  // Which documents to consider: with an id, first occurrence in the batch.
  std::vector<const CodedDocument*> candidates;
  std::unordered_set<std::string_view> seen;
  for (const CodedDocument& d : documents) {
    if (d.document.id.empty()) {
      report.skipped.push_back({"(no id)", "document has no id"});
    } else if (!seen.insert(d.document.id).second) {
      ++report.already_stored;
    } else {
      candidates.push_back(&d);
    }
  }
  if (candidates.empty()) return report;
  auto lease = impl_->Borrow();
  if (!lease.ok()) return lease.status();
  IngestReport batch;
  Status s = InWriteTransaction(*lease, [&](Connection& c) -> Status {
    batch = IngestReport{};
    // Which ids are already stored, a chunk of ids at a time.
    std::unordered_set<std::string> stored;
    constexpr size_t kChunk = 500;
    for (size_t i = 0; i < candidates.size(); i += kChunk) {
      size_t n = std::min(kChunk, candidates.size() - i);
      std::string sql = "SELECT id FROM documents WHERE id IN (";
      std::vector<Value> params;
      for (size_t j = 0; j < n; ++j) {
        sql += fmt::format("{}${}", j ? ", " : "", j + 1);
        params.emplace_back(CleanText(candidates[i + j]->document.id));
      }
      sql += ")";
      Status q = c.Query(sql, params, [&](const Row& row) { stored.emplace(row.Text(0)); });
      if (!q.ok()) return q;
    }
    // Writers are serialised (BeginWrite), so the next numbers are ours.
    int64_t seq = 0;
    Status q = c.Query("SELECT max(seq) FROM documents", {}, [&](const Row& row) { seq = row.Int(0); });
    if (!q.ok()) return q;
    RowInserter docs("documents", {"seq", "id", "date", "title", "url", "text", "sentences", "events"});
    RowInserter sentences("sentences", {"id", "doc_id", "idx", "sentence_id", "text"});
    RowInserter fts("sentences_fts", {"rowid", "text"});
    RowInserter events("events", EventColumnNames());
    RowInserter mentions("mentions", {"event_id", "doc_id"}, " ON CONFLICT DO NOTHING");
    RowInserter actors("actors", {"code", "country", "sectors", "known_group", "name"},
                       " ON CONFLICT DO NOTHING");
    RowInserter day_counts(
        "day_counts", {"row_day", "source", "target", "source_country", "target_country", "quad_class", "events",
                       "goldstein"},
        " ON CONFLICT (row_day, source, target, source_country, target_country, quad_class) DO UPDATE SET "
        "events = day_counts.events + excluded.events, goldstein = day_counts.goldstein + excluded.goldstein");
    // The batch's events per day, dyad and QuadClass, added to day_counts at the end.
    std::map<DayCountKey, std::pair<int64_t, double>> batch_days;
    bool sqlite = c.engine() == Engine::kSqlite;
    std::set<std::string> actors_seen;
    std::vector<Value> row;
    Status w;
    auto add = [&](RowInserter& to) {
      if (w.ok()) w = to.Add(c, row);
      row.clear();
    };
    for (const CodedDocument* d : candidates) {
      const Document& doc = d->document;
      if (stored.count(CleanText(doc.id))) {
        ++batch.already_stored;
        continue;
      }
      std::string too_big = TooBig(doc, d->events);
      if (!too_big.empty()) {
        batch.skipped.push_back({doc.id, too_big});
        continue;
      }
      ++seq;
      row = {seq, TextOf(doc.id), DateValue(doc.date), TextOf(doc.title), TextOf(doc.url),
             TextOf(doc.text), static_cast<int64_t>(doc.sentences.size()),
             static_cast<int64_t>(d->events.size())};
      add(docs);
      std::set<int32_t> indexes;
      for (const Sentence& sentence : doc.sentences) {
        if (!indexes.insert(sentence.index).second) continue;
        const std::string& field = doc.TextOf(sentence);
        Value text = std::string_view();
        if (sentence.begin <= sentence.end && sentence.end <= field.size())
          text = TextOf(std::string_view(field).substr(sentence.begin, sentence.end - sentence.begin));
        int64_t key = SentenceKey(seq, sentence.index);
        if (sqlite) {
          row = {key, text};  // a view, or a copy of the cleaned text
          add(fts);
        }
        row = {key, TextOf(doc.id), int64_t{sentence.index}, TextOf(sentence.id), std::move(text)};
        add(sentences);
      }
      for (size_t ord = 0; ord < d->events.size(); ++ord) {
        const Event& e = d->events[ord];
        EventRow(doc, seq, ord, e, row);
        add(events);
        auto& day = batch_days[DayCountKeyOf(doc, e)];
        ++day.first;
        if (e.meta.has_goldstein) day.second += e.meta.goldstein;
        int64_t key = EventKey(seq, ord);
        row = {key, TextOf(doc.id)};
        add(mentions);
        for (const std::string& other : e.meta.documents) {
          if (other == doc.id) continue;
          row = {key, TextOf(other)};
          add(mentions);
        }
        for (auto [span, fields] : {std::pair{&e.source, &e.meta.source}, std::pair{&e.target, &e.meta.target}}) {
          if (span->code.empty() || span->code == "---" || !actors_seen.insert(span->code).second) continue;
          row = {TextOf(span->code), TextOf(fields->country), TextOf(fields->sectors),
                 TextOf(fields->known_group), TextOf(fields->name.empty() ? span->text : fields->name)};
          add(actors);
        }
      }
      if (!w.ok()) return w;
      ++batch.stored;
      batch.events += d->events.size();
    }
    for (const auto& [key, counts] : batch_days) {
      row = {std::get<0>(key), TextOf(std::get<1>(key)), TextOf(std::get<2>(key)), TextOf(std::get<3>(key)),
             TextOf(std::get<4>(key)), int64_t{std::get<5>(key)}, counts.first, counts.second};
      add(day_counts);
    }
    if (!w.ok()) return w;
    for (RowInserter* r : {&docs, &sentences, &fts, &events, &mentions, &actors, &day_counts}) {
      if (r == &fts && !sqlite) continue;
      Status f = r->Flush(c);
      if (!f.ok()) return f;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  report.stored = batch.stored;
  report.already_stored += batch.already_stored;
  report.events = batch.events;
  report.skipped.insert(report.skipped.end(), batch.skipped.begin(), batch.skipped.end());
  return report;
}

Result<EventPage> Store::Events(const EventFilter& filter, size_t limit, size_t offset) {
  auto lease = impl_->Borrow();
  if (!lease.ok()) return lease.status();
  return QueryEvents(**lease, filter, limit, offset);
}

Result<std::vector<SeriesPoint>> Store::TimeSeries(const EventFilter& filter, Interval interval) {
  auto lease = impl_->Borrow();
  if (!lease.ok()) return lease.status();
  return QueryTimeSeries(**lease, filter, interval);
}

Result<std::vector<DyadCounts>> Store::Dyads(const EventFilter& filter, size_t limit) {
  auto lease = impl_->Borrow();
  if (!lease.ok()) return lease.status();
  return QueryDyads(**lease, filter, limit);
}

Result<std::vector<CountryCounts>> Store::Countries(const EventFilter& filter) {
  auto lease = impl_->Borrow();
  if (!lease.ok()) return lease.status();
  return QueryCountries(**lease, filter);
}

Result<StoreCounts> Store::Counts() {
  auto lease = impl_->Borrow();
  if (!lease.ok()) return lease.status();
  StoreCounts counts;
  Status s = (*lease)->Query("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)", {},
                             [&](const Row& row) {
                               counts.documents = static_cast<size_t>(row.Int(0));
                               counts.events = static_cast<size_t>(row.Int(1));
                             });
  if (!s.ok()) return s;
  return counts;
}

Status Store::ReplaceNegotiations(std::span<const StoredNegotiation> negotiations) {
  auto lease = impl_->Borrow();
  if (!lease.ok()) return lease.status();
  return InWriteTransaction(*lease, [&](Connection& c) -> Status {
    Status s = c.Exec("DELETE FROM negotiations");
    RowInserter rows("negotiations", {"id", "json"});
    std::vector<Value> row;
    for (const auto& n : negotiations) {
      if (!s.ok()) return s;
      row = {CleanText(n.id), CleanText(n.json)};
      s = rows.Add(c, row);
    }
    if (s.ok()) s = rows.Flush(c);
    return s;
  });
}

Result<std::vector<StoredNegotiation>> Store::Negotiations() {
  auto lease = impl_->Borrow();
  if (!lease.ok()) return lease.status();
  std::vector<StoredNegotiation> out;
  Status s = (*lease)->Query("SELECT id, json FROM negotiations ORDER BY id", {}, [&](const Row& row) {
    out.push_back({std::string(row.Text(0)), std::string(row.Text(1))});
  });
  if (!s.ok()) return s;
  return out;
}

Result<StoredNegotiation> Store::Negotiation(std::string_view id) {
  auto lease = impl_->Borrow();
  if (!lease.ok()) return lease.status();
  std::optional<StoredNegotiation> found;
  std::vector<Value> params{std::string(id)};
  Status s = (*lease)->Query("SELECT id, json FROM negotiations WHERE id = $1", params, [&](const Row& row) {
    found = StoredNegotiation{std::string(row.Text(0)), std::string(row.Text(1))};
  });
  if (!s.ok()) return s;
  if (!found) return Status::NotFound(fmt::format("no negotiation with id '{}'", id));
  return *found;
}

Result<std::vector<Document>> Store::Documents(std::span<const std::string> ids) {
  auto lease = impl_->Borrow();
  if (!lease.ok()) return lease.status();
  std::vector<Document> out;
  Status bad_date;
  auto read = [&](const Row& row) {
    Document doc;
    doc.id = row.Text(0);
    if (!row.IsNull(1)) {
      auto date = Date::Parse(row.Text(1));
      if (date.ok()) doc.date = *date;
      else if (bad_date.ok()) bad_date = Status::Internal(fmt::format("document {}: stored date {}", doc.id, row.Text(1)));
    }
    doc.title = row.Text(2);
    doc.url = row.Text(3);
    doc.text = row.Text(4);
    out.push_back(std::move(doc));
  };
  const std::string select = "SELECT id, date, title, url, text FROM documents";
  if (ids.empty()) {
    Status s = (*lease)->Query(select + " ORDER BY id", {}, read);
    if (!s.ok()) return s;
  } else {
    for (const std::string& id : ids) {
      std::vector<Value> params{id};
      Status s = (*lease)->Query(select + " WHERE id = $1", params, read);
      if (!s.ok()) return s;
    }
    std::sort(out.begin(), out.end(), [](const Document& a, const Document& b) { return a.id < b.id; });
  }
  if (!bad_date.ok()) return bad_date;
  return out;
}

}  // namespace parley::store

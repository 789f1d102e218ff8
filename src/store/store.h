// The event store: coded documents, their sentences and events in SQLite (the
// embedded default, one file) or PostgreSQL (the server option), one schema
// (docs/store.md), and the queries the HTTP API and the tracker need.
//
// Ingest is idempotent by document id and transactional: one transaction per
// batch, so a crash loses nothing committed and leaves no half-written
// document. Thread-safe: one Store may be shared by any number of threads.
// It keeps a pool of connections; each call borrows one for its duration
// (a new one is opened when all are busy; idle ones are kept for reuse).
// Writers are serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
// transaction lock), readers run concurrently (SQLite in WAL mode).
#ifndef PARLEY_STORE_STORE_H_
#define PARLEY_STORE_STORE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/read_summary.h"
#include "parley/date.h"
#include "parley/document.h"
#include "parley/event.h"
#include "parley/status.h"

namespace parley::store {

// A document as coded: the document (id, date, title, text, url and, when
// parsed, its sentences) and the events coded from it (Event::doc_id is
// ignored: the events belong to `document`).
struct CodedDocument {
  Document document;
  std::vector<Event> events;
};

// What one Ingest call did. Every input document is counted exactly once:
// stored + already_stored + skipped.size() == documents given.
struct IngestReport {
  size_t stored = 0;          // new documents written
  size_t already_stored = 0;  // ids already in the store (or twice in the batch): nothing written
  size_t events = 0;          // events written (of the new documents)
  // where = document id, reason = why: no id, or too big to store whole
  // (more than 1,048,574 events or sentences)
  std::vector<io::SkippedRecord> skipped;
};

// Which events a query looks at. Every field is optional; empty = any.
// Codes match as prefixes ("ISR" matches ISRGOV, ISRMIL); dates are the
// event's row date (its resolved event_date, else the document date).
struct EventFilter {
  std::optional<Date> from, to;  // inclusive
  std::string actor;    // either side's actor code prefix
  std::string source;   // source actor code prefix
  std::string target;   // target actor code prefix
  std::string country;  // either side's country ("ISR")
  std::string code;     // CAMEO event code prefix ("04", "046")
  std::string root;     // CAMEO root code, exactly ("19"); a 1-digit root is zero-padded
  std::string plover;   // PLOVER type, exactly ("ASSAULT")
  int quad_class = 0;   // 1..4; 0 = any
  // Place bounding box: events with coordinates inside it (inclusive).
  struct BoundingBox {
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
  };
  std::optional<BoundingBox> bbox;
  // Text search on the event's sentence: every word must occur (case
  // insensitive, whole words; SQLite FTS5 / PostgreSQL full text 'simple').
  std::string text;
};

// Reads a bounding box written "minlon,minlat,maxlon,maxlat" (the API's and
// the CLI's spelling): four finite numbers, longitudes within -180..180,
// latitudes within -90..90, each minimum at most its maximum. On failure
// returns what is wrong, for the caller to put in its own words.
enum class BoundingBoxError { kNone, kShape, kRange, kOrder };
BoundingBoxError ParseBoundingBox(std::string_view text, EventFilter::BoundingBox& out);
// "want minlon,minlat,maxlon,maxlat", "outside -180..180, -90..90",
// "minimum above maximum"; "" for kNone.
std::string_view BoundingBoxProblem(BoundingBoxError error);

// A stored event with the words of the sentence it came from.
struct StoredEvent {
  int64_t id = 0;  // unique in the store and never changed: document number << 20 | position
  // As ingested, except meta.documents: from the mentions table, sorted,
  // always including the event's own document.
  Event event;
  std::string sentence_text;  // "" when the document had no such sentence
};

struct EventPage {
  size_t total = 0;  // events matching the filter, regardless of limit/offset
  std::vector<StoredEvent> events;  // newest first, then by document id and position
};

enum class Interval { kDay, kWeek, kMonth };

// "day", "week", "month" ↔ Interval; Parse fails with the word it got.
const char* IntervalName(Interval interval);
Result<Interval> ParseInterval(std::string_view name);

// Counts of events: total, per QuadClass (index 0 = QuadClass 1) and the sum
// of their Goldstein weights (events without one add nothing).
struct EventCounts {
  size_t events = 0;
  std::array<size_t, 4> quad{};
  double goldstein = 0;
};

struct SeriesPoint {
  // The period's first day, "YYYY-MM-DD": the day; the week's Monday; the
  // month's first day. Periods without events are left out.
  std::string period;
  EventCounts counts;
};

struct DyadCounts {
  std::string source, target;  // country codes; the actor code when a side has no country
  EventCounts counts;
};

struct CountryCounts {
  std::string country;  // an event counts once for each distinct side's country
  EventCounts counts;
};

struct StoreCounts {
  size_t documents = 0;
  size_t events = 0;
};

// A negotiation as the tracker produced it: its id and the tracker's JSON,
// stored as given.
struct StoredNegotiation {
  std::string id;
  std::string json;
};

class Store {
 public:
  // Opens (creating when needed, with the schema) the store at `url`:
  //   "parley.db", "/path/x.db", "sqlite:/path/x.db"      → SQLite file
  //   "postgresql://user@host:port/db", "postgres://..." → PostgreSQL
  //   (any libpq connection URI; the database must exist)
  // Fails with the URL and the engine's reason (file not writable, server
  // unreachable, a store written by a newer schema version).
  static Result<std::unique_ptr<Store>> Open(std::string_view url);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // "sqlite" or "postgresql".
  const char* engine() const;

  // Stores the documents not yet in the store, with their sentences, events,
  // mentions and actors, in one transaction: on error nothing of the batch
  // is written. A document without an id is skipped with a reason.
  Result<IngestReport> Ingest(std::span<const CodedDocument> documents);

  // Events matching `filter`, newest first. `limit` 0 = all of them.
  Result<EventPage> Events(const EventFilter& filter, size_t limit = 100, size_t offset = 0);

  // Events matching `filter` per period, oldest first.
  Result<std::vector<SeriesPoint>> TimeSeries(const EventFilter& filter, Interval interval);

  // Events per (source, target) pair, most events first; `limit` 0 = all.
  Result<std::vector<DyadCounts>> Dyads(const EventFilter& filter, size_t limit = 100);

  // Events per country, most events first. Events whose sides have no
  // country are left out.
  Result<std::vector<CountryCounts>> Countries(const EventFilter& filter);

  Result<StoreCounts> Counts();

  // The stored documents whose ids are in `ids` (all of them when `ids` is
  // empty) as they were given: id, date, title, text, url; not parsed. By
  // id. For re-reading the corpus (the server's negotiation tracker).
  Result<std::vector<Document>> Documents(std::span<const std::string> ids = {});

  // Replaces every stored negotiation with `negotiations`, in one transaction.
  Status ReplaceNegotiations(std::span<const StoredNegotiation> negotiations);
  // All of them, by id.
  Result<std::vector<StoredNegotiation>> Negotiations();
  // One; NotFound when no negotiation has this id.
  Result<StoredNegotiation> Negotiation(std::string_view id);

  class Impl;  // src/store/store.cc

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::store

#endif  // PARLEY_STORE_STORE_H_

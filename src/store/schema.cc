#include "store/schema.h"

#include <string_view>

namespace parley::store {
namespace {

// @CLUSTERED@: in SQLite the table is its primary key's b-tree (WITHOUT
// ROWID), so a range of days is read in one pass.
// @ID@: a 64-bit integer key (SQLite's INTEGER PRIMARY KEY is the rowid,
// which FTS5 needs). Keys grow with each document stored (documents.seq;
// a document's sentences and events are seq << 20 | position), so rows are
// appended, never inserted all over the tables. @CODE@: text compared bytewise, so that code prefixes
// are index ranges (PostgreSQL's default collation is the locale's).
constexpr std::string_view kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS parley_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  seq @ID@ PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  date TEXT,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  text TEXT NOT NULL,
  sentences INTEGER NOT NULL,
  events INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
  id @ID@ PRIMARY KEY,
  doc_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  sentence_id TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  id @ID@ PRIMARY KEY,
  doc_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  sentence_key BIGINT NOT NULL,
  sentence_id TEXT NOT NULL,
  doc_date TEXT,
  row_day INTEGER,
  event_date TEXT,
  date_precision TEXT NOT NULL,
  date_text TEXT NOT NULL,
  source_code TEXT @CODE@ NOT NULL,
  source_text TEXT NOT NULL,
  source_first INTEGER NOT NULL,
  source_last INTEGER NOT NULL,
  source_country TEXT @CODE@ NOT NULL,
  source_sectors TEXT NOT NULL,
  source_group TEXT NOT NULL,
  source_name TEXT NOT NULL,
  target_code TEXT @CODE@ NOT NULL,
  target_text TEXT NOT NULL,
  target_first INTEGER NOT NULL,
  target_last INTEGER NOT NULL,
  target_country TEXT @CODE@ NOT NULL,
  target_sectors TEXT NOT NULL,
  target_group TEXT NOT NULL,
  target_name TEXT NOT NULL,
  code TEXT @CODE@ NOT NULL,
  code_text TEXT NOT NULL,
  code_first INTEGER NOT NULL,
  code_last INTEGER NOT NULL,
  root TEXT @CODE@ NOT NULL,
  label TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein DOUBLE PRECISION,
  plover_type TEXT @CODE@ NOT NULL,
  plover_mode TEXT NOT NULL,
  plover_context TEXT NOT NULL,
  pattern TEXT NOT NULL,
  issues TEXT NOT NULL,
  place_name TEXT NOT NULL,
  place_text TEXT NOT NULL,
  place_country TEXT NOT NULL,
  place_adm1 TEXT NOT NULL,
  place_feature TEXT NOT NULL,
  place_precision TEXT NOT NULL,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  headline_mismatch INTEGER NOT NULL,
  num_mentions INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  num_articles INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_day ON events (row_day);
CREATE INDEX IF NOT EXISTS events_source ON events (source_code, row_day);
CREATE INDEX IF NOT EXISTS events_target ON events (target_code, row_day);
CREATE INDEX IF NOT EXISTS events_source_country ON events (source_country, row_day);
CREATE INDEX IF NOT EXISTS events_target_country ON events (target_country, row_day);
CREATE INDEX IF NOT EXISTS events_code ON events (code, row_day);
CREATE INDEX IF NOT EXISTS events_place ON events (lon, lat);
CREATE TABLE IF NOT EXISTS mentions (
  event_id BIGINT NOT NULL,
  doc_id TEXT NOT NULL,
  PRIMARY KEY (event_id, doc_id)
);
CREATE TABLE IF NOT EXISTS actors (
  code TEXT @CODE@ PRIMARY KEY,
  country TEXT NOT NULL,
  sectors TEXT NOT NULL,
  known_group TEXT NOT NULL,
  name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS day_counts (
  row_day INTEGER NOT NULL,
  source TEXT @CODE@ NOT NULL,
  target TEXT @CODE@ NOT NULL,
  source_country TEXT @CODE@ NOT NULL,
  target_country TEXT @CODE@ NOT NULL,
  quad_class INTEGER NOT NULL,
  events INTEGER NOT NULL,
  goldstein DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (row_day, source, target, source_country, target_country, quad_class)
)@CLUSTERED@;
CREATE TABLE IF NOT EXISTS negotiations (
  id TEXT PRIMARY KEY,
  json TEXT NOT NULL
);
)SQL";

// Text search on sentences.
constexpr std::string_view kSqliteText = R"SQL(
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(text, content='sentences', content_rowid='id');
)SQL";
constexpr std::string_view kPostgresText = R"SQL(
CREATE INDEX IF NOT EXISTS sentences_text ON sentences USING gin (to_tsvector('simple', text));
)SQL";

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

std::string SchemaSql(Engine engine) {
  std::string sql(kSchema);
  bool pg = engine == Engine::kPostgres;
  ReplaceAll(sql, "@ID@", pg ? "BIGINT" : "INTEGER");
  ReplaceAll(sql, "@CODE@", pg ? "COLLATE \"C\"" : "");
  ReplaceAll(sql, "@CLUSTERED@", pg ? "" : " WITHOUT ROWID");
  sql += pg ? kPostgresText : kSqliteText;
  return sql;
}

const char* const kEventColumns[] = {
    "id", "doc_id", "ord", "sentence", "sentence_key", "sentence_id", "doc_date", "row_day", "event_date",
    "date_precision", "date_text", "source_code", "source_text", "source_first", "source_last",
    "source_country", "source_sectors", "source_group", "source_name", "target_code", "target_text",
    "target_first", "target_last", "target_country", "target_sectors", "target_group", "target_name", "code",
    "code_text", "code_first", "code_last", "root", "label", "quad_class", "goldstein", "plover_type",
    "plover_mode", "plover_context", "pattern", "issues", "place_name", "place_text", "place_country",
    "place_adm1", "place_feature", "place_precision", "lat", "lon", "headline_mismatch", "num_mentions",
    "num_sources", "num_articles"};
const int kEventColumnCount = static_cast<int>(std::size(kEventColumns));

}  // namespace parley::store

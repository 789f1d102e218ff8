// The store's schema (docs/store.md): one DDL text for both engines, with the
// few words they spell differently filled in per engine. Internal to
// src/store/. Thread-safe (pure functions).
#ifndef PARLEY_STORE_SCHEMA_H_
#define PARLEY_STORE_SCHEMA_H_

#include <cstdint>
#include <string>

#include "store/connection.h"

namespace parley::store {

// Bumped when the schema changes; a store written by a newer version is refused.
inline constexpr int kSchemaVersion = 1;

// The CREATE statements (all IF NOT EXISTS) for `engine`.
std::string SchemaSql(Engine engine);

// day_counts.row_day of events whose date is unknown (a primary key column
// cannot be NULL); below every real day, so date filters leave it out.
inline constexpr int64_t kUnknownDay = -2147483647 - 1;

// Columns of the events table in the order the store writes and reads them.
extern const char* const kEventColumns[];
extern const int kEventColumnCount;

}  // namespace parley::store

#endif  // PARLEY_STORE_SCHEMA_H_

// One database connection behind the Store: SQLite or PostgreSQL, with the
// little the shared store code needs (run SQL with $1..$N parameters, read
// rows). Internal to src/store/. Thread-compatible: one thread at a time.
#ifndef PARLEY_STORE_CONNECTION_H_
#define PARLEY_STORE_CONNECTION_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "parley/status.h"

namespace parley::store {

// A parameter value. std::monostate is SQL NULL; a string_view must stay
// valid until the Query that uses it returns.
using Value = std::variant<std::monostate, int64_t, double, std::string, std::string_view>;

// The current row of a result, valid only inside the row callback.
class Row {
 public:
  virtual ~Row() = default;
  virtual bool IsNull(int column) const = 0;
  virtual int64_t Int(int column) const = 0;      // 0 when NULL
  virtual double Double(int column) const = 0;    // 0 when NULL
  virtual std::string_view Text(int column) const = 0;  // "" when NULL
};

using RowCallback = std::function<void(const Row&)>;

enum class Engine { kSqlite, kPostgres };

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;

  // Runs statements without parameters or results (DDL, BEGIN, COMMIT).
  virtual Status Exec(const std::string& sql) = 0;

  // Runs one statement whose parameters are written $1..$N (each first
  // appearing in order); `on_row` (may be empty) sees each result row.
  // Statements are prepared once per connection and reused.
  virtual Status Query(const std::string& sql, std::span<const Value> params,
                       const RowCallback& on_row = {}) = 0;

  // Starts the one writing transaction at a time.
  virtual Status BeginWrite() = 0;
};

// `path` is a file name; `url` a libpq connection URI.
Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path);
Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url);

}  // namespace parley::store

#endif  // PARLEY_STORE_CONNECTION_H_

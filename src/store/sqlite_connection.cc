// Connection over SQLite: WAL mode, prepared statements cached by SQL text.
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "store/connection.h"

namespace parley::store {
namespace {

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt) {}
  bool IsNull(int c) const override { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  int64_t Int(int c) const override { return sqlite3_column_int64(stmt_, c); }
  double Double(int c) const override { return sqlite3_column_double(stmt_, c); }
  std::string_view Text(int c) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    if (text == nullptr) return {};
    return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, c))};
  }

 private:
  sqlite3_stmt* stmt_;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Engine engine() const override { return Engine::kSqlite; }

  Status Exec(const std::string& sql) override {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : sqlite3_errmsg(db_);
      sqlite3_free(error);
      return Status::IoError(path_ + ": " + message);
    }
    return Status::Ok();
  }

  Status Query(const std::string& sql, std::span<const Value> params,
               const RowCallback& on_row) override {
    sqlite3_stmt* stmt = nullptr;
    auto it = statements_.find(sql);
    if (it != statements_.end()) {
      stmt = it->second;
    } else {
      if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                             &stmt, nullptr) != SQLITE_OK)
        return Error("cannot prepare");
      statements_.emplace(sql, stmt);
    }
    // Parameters are named $1..$N; SQLite numbers names by first appearance,
    // which is the same order.
    int count = sqlite3_bind_parameter_count(stmt);
    if (count != static_cast<int>(params.size())) {
      sqlite3_reset(stmt);
      return Status::Internal(path_ + ": statement wants " + std::to_string(count) + " parameters, got " +
                              std::to_string(params.size()));
    }
    for (int i = 0; i < count; ++i) {
      const Value& v = params[static_cast<size_t>(i)];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(v)) {
        rc = sqlite3_bind_null(stmt, i + 1);
      } else if (const auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, i + 1, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, i + 1, *d);
      } else {
        std::string_view s = std::holds_alternative<std::string>(v) ? std::string_view(std::get<std::string>(v))
                                                                     : std::get<std::string_view>(v);
        rc = sqlite3_bind_text(stmt, i + 1, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
      }
      if (rc != SQLITE_OK) {
        sqlite3_reset(stmt);
        return Error("cannot bind");
      }
    }
    SqliteRow row(stmt);
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        if (on_row) on_row(row);
        continue;
      }
      if (rc == SQLITE_DONE) break;
      Status error = Error("query failed");
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
      return error;
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return Status::Ok();
  }

  // IMMEDIATE takes the write lock now, so the existence checks that follow
  // see every committed document and no other writer can slip in between.
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }

 private:
  Status Error(const char* what) {
    return Status::IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
  }

  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::IoError(path + ": cannot open: " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  // Wait for another connection's write lock instead of failing at once.
  sqlite3_busy_timeout(db, 30000);
  auto connection = std::make_unique<SqliteConnection>(db, path);
  // WAL: readers never block the writer. synchronous=NORMAL in WAL keeps
  // every committed transaction across a process crash (only a power loss
  // may undo the last ones). A 128 MB page cache per connection keeps the
  // indexes' upper levels in memory while a batch writes all over them.
  Status s = connection->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-131072;");
  if (!s.ok()) return s;
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace parley::store

// Connection over PostgreSQL (libpq): statements prepared once per
// connection, parameters and results as text.
#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "store/connection.h"

namespace parley::store {
namespace {

// The URL without its password, for error messages.
std::string Redact(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

// libpq's message on one line: its "\n\t" continuations become spaces.
std::string Trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      while (i + 1 < s.size() && (s[i + 1] == '\t' || s[i + 1] == ' ')) ++i;
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

class PgRow final : public Row {
 public:
  PgRow(PGresult* result, int row) : result_(result), row_(row) {}
  bool IsNull(int c) const override { return PQgetisnull(result_, row_, c) != 0; }
  int64_t Int(int c) const override {
    std::string_view t = Text(c);
    int64_t v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
  }
  double Double(int c) const override {
    if (IsNull(c)) return 0;
    return std::strtod(PQgetvalue(result_, row_, c), nullptr);
  }
  std::string_view Text(int c) const override {
    if (IsNull(c)) return {};
    return {PQgetvalue(result_, row_, c), static_cast<size_t>(PQgetlength(result_, row_, c))};
  }

 private:
  PGresult* result_;
  int row_;
};

class PgConnection final : public Connection {
 public:
  PgConnection(PGconn* conn, std::string where) : conn_(conn), where_(std::move(where)) {}
  ~PgConnection() override { PQfinish(conn_); }

  Engine engine() const override { return Engine::kPostgres; }

  Status Exec(const std::string& sql) override {
    PGresult* result = PQexec(conn_, sql.c_str());
    Status s = Check(result, "statement failed");
    PQclear(result);
    return s;
  }

  Status Query(const std::string& sql, std::span<const Value> params,
               const RowCallback& on_row) override {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
      std::string name = "parley_" + std::to_string(statements_.size());
      PGresult* prepared = PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr);
      Status s = Check(prepared, "cannot prepare");
      PQclear(prepared);
      if (!s.ok()) return s;
      it = statements_.emplace(sql, std::move(name)).first;
    }
    texts_.resize(params.size());
    pointers_.resize(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) {
        pointers_[i] = nullptr;
        continue;
      }
      if (const auto* n = std::get_if<int64_t>(&v)) {
        texts_[i] = std::to_string(*n);
        pointers_[i] = texts_[i].c_str();
      } else if (const auto* d = std::get_if<double>(&v)) {
        texts_[i] = fmt::format("{}", *d);  // shortest exact decimal
        pointers_[i] = texts_[i].c_str();
      } else if (const auto* text = std::get_if<std::string>(&v)) {
        pointers_[i] = text->c_str();
      } else {
        texts_[i] = std::get<std::string_view>(v);  // libpq wants it NUL-terminated
        pointers_[i] = texts_[i].c_str();
      }
    }
    PGresult* result = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                      pointers_.data(), nullptr, nullptr, 0);
    Status s = Check(result, "query failed");
    if (s.ok() && on_row) {
      int rows = PQntuples(result);
      for (int r = 0; r < rows; ++r) on_row(PgRow(result, r));
    }
    PQclear(result);
    return s;
  }

  // Ingests take one advisory lock for their transaction, so the existence
  // checks that follow see every committed document and writers never race
  // on the same id.
  Status BeginWrite() override {
    return Exec("BEGIN; SELECT pg_advisory_xact_lock(7250431)");
  }

 private:
  Status Check(PGresult* result, const char* what) {
    ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Status::Ok();
    return Status::IoError(where_ + ": " + what + ": " + Trimmed(PQerrorMessage(conn_)));
  }

  PGconn* conn_;
  std::string where_;
  std::unordered_map<std::string, std::string> statements_;  // SQL → prepared name
  std::vector<std::string> texts_;
  std::vector<const char*> pointers_;
};

void IgnoreNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url) {
  std::string where = Redact(url);
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return Status::IoError(where + ": cannot connect: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return Status::IoError(where + ": cannot connect: " + message);
  }
  // "relation already exists, skipping" and the like are not worth a line.
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  auto connection = std::make_unique<PgConnection>(conn, where);
  Status s = connection->Exec("SET client_encoding = 'UTF8'");
  if (!s.ok()) return s;
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace parley::store

// Shared by the store's tests: a fresh store per test on each engine.
// SQLite always (a temp file); PostgreSQL when $PARLEY_TEST_PG holds a
// connection URL (in a schema of its own, dropped afterwards), else the
// test is skipped.
#ifndef PARLEY_STORE_STORE_TEST_UTIL_H_
#define PARLEY_STORE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>

#include "store/connection.h"
#include "store/store.h"

namespace parley::store::testing {

inline const char* PgUrl() {
  const char* url = std::getenv("PARLEY_TEST_PG");
  return url != nullptr && *url != '\0' ? url : nullptr;
}

// A store URL for `engine` ("sqlite" or "postgresql") with nothing in it;
// "" when the engine is not available (the caller skips).
class FreshStore {
 public:
  explicit FreshStore(const std::string& engine) {
    if (engine == "sqlite") {
      std::string pattern = (std::filesystem::temp_directory_path() / "parley-store-XXXXXX").string();
      if (mkdtemp(pattern.data()) == nullptr) return;
      dir_ = pattern;
      url_ = "sqlite:" + dir_ + "/store.db";
      return;
    }
    const char* pg = PgUrl();
    if (pg == nullptr) return;
    // A schema of its own, so that test binaries CTest runs in parallel
    // never see each other's tables.
    static int counter = 0;
    schema_ = "parley_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    auto c = OpenPostgres(pg);
    if (!c.ok()) {
      ADD_FAILURE() << c.status().ToString();
      return;
    }
    Status s = (*c)->Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    if (!s.ok()) {
      ADD_FAILURE() << s.ToString();
      return;
    }
    admin_ = std::move(c).value();
    std::string base = pg;
    url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
  }
  ~FreshStore() {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (admin_) (void)admin_->Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }
  FreshStore(const FreshStore&) = delete;
  FreshStore& operator=(const FreshStore&) = delete;

  const std::string& url() const { return url_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::string url_;
  std::string schema_;
  std::unique_ptr<Connection> admin_;
};

inline std::string EngineName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace parley::store::testing

#endif  // PARLEY_STORE_STORE_TEST_UTIL_H_

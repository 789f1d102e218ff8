// Crash safety: kill an ingesting process with SIGKILL mid-batch, reopen the
// store, and check that it holds only whole batches of whole documents; then
// ingest everything again and check that each document is there exactly once.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "store/connection.h"
#include "store/store.h"
#include "store/store_test_util.h"
#include "store/synthetic.h"

namespace parley::store {
namespace {

constexpr int kDocuments = 3000;
constexpr int kBatch = 100;

// Starts the helper; returns its pid and a stream of its stdout.
pid_t StartHelper(const std::string& url, FILE** out) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    close(fds[1]);
    std::string count = std::to_string(kDocuments), batch = std::to_string(kBatch);
    execl(STORE_INGEST_HELPER, STORE_INGEST_HELPER, url.c_str(), "0", count.c_str(), batch.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  *out = fdopen(fds[0], "r");
  return pid;
}

// Documents whose stored sentences and events are all there, against all.
struct Wholeness {
  int64_t documents = 0, whole = 0, events = 0, expected_events = 0;
  int64_t orphans = 0;  // events of no stored document
};

Wholeness Check(const std::string& url) {
  Wholeness w;
  auto c = url.rfind("sqlite:", 0) == 0 ? OpenSqlite(url.substr(7)) : OpenPostgres(url);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  if (!c.ok()) return w;
  Status s = (*c)->Query(
      "SELECT count(*), "
      "sum(CASE WHEN d.events = coalesce(e.n, 0) AND d.sentences = coalesce(s.n, 0) THEN 1 ELSE 0 END), "
      "(SELECT count(*) FROM events), sum(d.events), "
      "(SELECT count(*) FROM events x WHERE x.doc_id NOT IN (SELECT id FROM documents)) "
      "FROM documents d "
      "LEFT JOIN (SELECT doc_id, count(*) AS n FROM events GROUP BY doc_id) e ON e.doc_id = d.id "
      "LEFT JOIN (SELECT doc_id, count(*) AS n FROM sentences GROUP BY doc_id) s ON s.doc_id = d.id",
      {}, [&](const Row& r) {
        w.documents = r.Int(0);
        w.whole = r.Int(1);
        w.events = r.Int(2);
        w.expected_events = r.Int(3);
        w.orphans = r.Int(4);
      });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return w;
}

class CrashTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CrashTest, KilledMidIngestLeavesWholeBatchesAndRerunCompletes) {
  testing::FreshStore fresh(GetParam());
  if (fresh.url().empty()) GTEST_SKIP() << "set PARLEY_TEST_PG to a PostgreSQL URL to run this engine";
  {
    auto store = Store::Open(fresh.url());  // schema first, so the helper starts ingesting at once
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  FILE* out = nullptr;
  pid_t pid = StartHelper(fresh.url(), &out);
  ASSERT_GT(pid, 0);
  ASSERT_NE(out, nullptr);
  // Let three batches commit, then kill it while it writes the fourth.
  char line[128];
  int commits = 0;
  while (commits < 3 && std::fgets(line, sizeof line, out) != nullptr) ++commits;
  ASSERT_EQ(commits, 3);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  std::fclose(out);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the helper finished before the kill";

  Wholeness after_kill = Check(fresh.url());
  EXPECT_GE(after_kill.documents, 3 * kBatch);
  EXPECT_LT(after_kill.documents, kDocuments);
  EXPECT_EQ(after_kill.documents % kBatch, 0) << "a batch was half written";
  EXPECT_EQ(after_kill.whole, after_kill.documents) << "a document was half written";
  EXPECT_EQ(after_kill.events, after_kill.expected_events);
  EXPECT_EQ(after_kill.orphans, 0);

  // Rerun from the start: what is stored is skipped, the rest is added.
  pid = StartHelper(fresh.url(), &out);
  ASSERT_GT(pid, 0);
  std::string last;
  while (std::fgets(line, sizeof line, out) != nullptr) last = line;
  std::fclose(out);
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(last, "committed " + std::to_string(kDocuments - after_kill.documents) + "\n");

  Wholeness done = Check(fresh.url());
  EXPECT_EQ(done.documents, kDocuments);
  EXPECT_EQ(done.whole, kDocuments);
  SyntheticCorpus corpus({});
  int64_t events = 0;
  for (int n = 0; n < kDocuments; ++n) events += static_cast<int64_t>(corpus.Document(static_cast<uint64_t>(n)).events.size());
  EXPECT_EQ(done.events, events);
  EXPECT_EQ(done.expected_events, events);
  EXPECT_EQ(done.orphans, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, CrashTest, ::testing::Values("sqlite", "postgresql"), testing::EngineName);

}  // namespace
}  // namespace parley::store

// OrderedPool: every document worked once, emitted in input order, on any
// number of threads and across batch boundaries.
#include "pipeline/ordered_pool.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace parley::pipeline {
namespace {

struct Worked {
  std::string upper;
  std::thread::id by;
};

// Runs `count` documents through a pool of `threads` and returns the ids in
// the order emitted, checking each result belongs to its document.
std::vector<std::string> RunPool(int threads, int count, size_t batch_per_thread,
                                 std::set<std::thread::id>* workers = nullptr) {
  std::vector<std::string> emitted;
  std::mutex seen_mutex;
  OrderedPool<Worked> pool(
      threads,
      [&](Document& doc, Worked& out) {
        // Uneven work, so that threads finish out of order.
        if (doc.id.back() % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
        out.upper = doc.text + "!";
        out.by = std::this_thread::get_id();
        std::lock_guard<std::mutex> lock(seen_mutex);
        if (workers != nullptr) workers->insert(out.by);
      },
      [&](Document& doc, Worked& out) {
        EXPECT_EQ(out.upper, doc.text + "!") << doc.id;
        emitted.push_back(doc.id);
      },
      batch_per_thread);
  for (int i = 0; i < count; ++i) {
    Document doc;
    doc.id = "d" + std::to_string(i);
    doc.text = "text " + std::to_string(i);
    pool.Add(std::move(doc));
  }
  pool.Finish();
  return emitted;
}

std::vector<std::string> Ids(int count) {
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) ids.push_back("d" + std::to_string(i));
  return ids;
}

TEST(OrderedPoolTest, OneThreadWorksAndEmitsAsDocumentsArrive) {
  std::vector<std::string> emitted;
  OrderedPool<int> pool(
      1, [](Document&, int& r) { r = 7; },
      [&](Document& doc, int& r) {
        EXPECT_EQ(r, 7);
        emitted.push_back(doc.id);
      });
  Document doc;
  doc.id = "first";
  pool.Add(std::move(doc));
  EXPECT_EQ(emitted, std::vector<std::string>{"first"});  // before Finish
  pool.Finish();
  EXPECT_EQ(emitted.size(), 1u);
}

TEST(OrderedPoolTest, ManyThreadsKeepTheInputOrder) {
  for (int threads : {2, 3, 8}) {
    for (int count : {0, 1, 5, 64, 101}) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", documents " + std::to_string(count));
      EXPECT_EQ(RunPool(threads, count, /*batch_per_thread=*/4), Ids(count));
    }
  }
}

TEST(OrderedPoolTest, WorkIsSharedBetweenThreads) {
  std::set<std::thread::id> workers;
  EXPECT_EQ(RunPool(4, 200, 8, &workers), Ids(200));
  EXPECT_GT(workers.size(), 1u);
}

}  // namespace
}  // namespace parley::pipeline

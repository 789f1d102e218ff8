// Documents processed on several threads, results handed on in input order.
//
// The readers hand over one document at a time and the writers must see
// them in the order they came (so output is the same whatever the thread
// count). OrderedPool collects documents into batches, runs `work` on a
// batch's documents on `threads` threads, then calls `emit` for each, in
// input order, on the thread that calls Add() and Finish(). With one thread
// nothing is batched: each document is worked and emitted as it is added.
//
// `work` runs concurrently on different documents and must be safe so (a
// shared parse::Model and coder::Coder are; each call gets its own Result).
// Not thread-safe itself: one caller adds.
#ifndef PARLEY_PIPELINE_ORDERED_POOL_H_
#define PARLEY_PIPELINE_ORDERED_POOL_H_

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>
#include <utility>
#include <vector>

#include "parley/document.h"

namespace parley::pipeline {

template <typename Result>
class OrderedPool {
 public:
  using Work = std::function<void(Document&, Result&)>;
  using Emit = std::function<void(Document&, Result&)>;

  // `threads` < 1 counts as 1. `batch_per_thread` documents per thread are
  // held before a batch runs: enough that a long document rarely leaves the
  // other threads idle for long, few enough to keep memory small.
  OrderedPool(int threads, Work work, Emit emit, size_t batch_per_thread = 32)
      : threads_(threads < 1 ? 1 : static_cast<size_t>(threads)),
        batch_size_(threads_ * (batch_per_thread < 1 ? 1 : batch_per_thread)),
        work_(std::move(work)),
        emit_(std::move(emit)) {}

  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  void Add(Document&& doc) {
    if (threads_ == 1) {
      Result result{};
      work_(doc, result);
      emit_(doc, result);
      return;
    }
    docs_.push_back(std::move(doc));
    if (docs_.size() >= batch_size_) RunBatch();
  }

  // Works and emits the documents still held. Call once the input ends.
  void Finish() {
    if (!docs_.empty()) RunBatch();
  }

 private:
  void RunBatch() {
    results_.assign(docs_.size(), Result{});
    std::atomic<size_t> next{0};
    auto loop = [&] {
      for (size_t i = next.fetch_add(1); i < docs_.size(); i = next.fetch_add(1)) work_(docs_[i], results_[i]);
    };
    std::vector<std::thread> helpers;
    const size_t count = std::min(threads_, docs_.size());
    for (size_t t = 1; t < count; ++t) helpers.emplace_back(loop);
    loop();
    for (std::thread& t : helpers) t.join();
    for (size_t i = 0; i < docs_.size(); ++i) emit_(docs_[i], results_[i]);
    docs_.clear();
    results_.clear();
  }

  const size_t threads_;
  const size_t batch_size_;
  Work work_;
  Emit emit_;
  std::vector<Document> docs_;
  std::vector<Result> results_;
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_ORDERED_POOL_H_

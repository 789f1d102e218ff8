// store_ingest_helper URL FIRST COUNT BATCH: ingests synthetic documents
// FIRST .. FIRST+COUNT-1 (store/synthetic.h, seed 1) in batches of BATCH and
// prints "committed N" after each batch. The crash test kills it mid-ingest.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/synthetic.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: store_ingest_helper URL FIRST COUNT BATCH\n");
    return 2;
  }
  uint64_t first = std::strtoull(argv[2], nullptr, 10);
  uint64_t count = std::strtoull(argv[3], nullptr, 10);
  uint64_t batch_size = std::strtoull(argv[4], nullptr, 10);
  if (batch_size == 0) return 2;
  auto store = parley::store::Store::Open(argv[1]);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  parley::store::SyntheticCorpus corpus({});
  size_t committed = 0;
  for (uint64_t n = first; n < first + count; n += batch_size) {
    std::vector<parley::store::CodedDocument> batch;
    for (uint64_t i = n; i < std::min(first + count, n + batch_size); ++i) batch.push_back(corpus.Document(i));
    auto report = (*store)->Ingest(batch);
    if (!report.ok()) {
      std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
      return 1;
    }
    committed += report->stored;
    std::printf("committed %zu\n", committed);
    std::fflush(stdout);
  }
  return 0;
}

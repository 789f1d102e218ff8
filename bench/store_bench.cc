// Store benchmark: ingests synthetic coded documents (store/synthetic.h; at
// least a million events by default) into SQLite and, given a PostgreSQL URL
// (--pg or $PARLEY_TEST_PG), PostgreSQL; reports ingest throughput, then the
// latency (median, 95th percentile) of a dyad time series, a filtered event
// query (country + root + one year, limit 100, with the total), a text
// search, the dyad and country aggregates; and peak memory.
//
//   store_bench [--events N] [--batch N] [--queries N] [--sqlite PATH] [--pg URL]
//
// The SQLite file (default: a temp file) is replaced; PostgreSQL gets a
// schema parley_bench of its own, dropped first.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bench_util.h"
#include "store/connection.h"
#include "store/store.h"
#include "store/synthetic.h"

namespace parley::store {
namespace {

struct Options {
  size_t events = 1'000'000;
  size_t batch = 1000;  // documents per transaction
  int queries = 40;     // runs of each query
  std::string sqlite;
  std::string pg;
};

struct Latency {
  double median_ms = 0, p95_ms = 0;
};

Latency Measure(int runs, const std::function<void(int)>& query) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    query(i);
    ms.push_back(bench::SecondsSince(start) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * static_cast<double>(ms.size())))]; };
  return {at(0.5), at(0.95)};
}

void Die(const Status& s) {
  std::fprintf(stderr, "store_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

int Run(const std::string& label, const std::string& url, const Options& o) {
  auto opened = Store::Open(url);
  if (!opened.ok()) Die(opened.status());
  Store& store = **opened;
  SyntheticCorpus corpus({});

  // Ingest: only the Ingest calls are timed, not generating the documents.
  size_t documents = 0, events = 0;
  double seconds = 0;
  std::vector<CodedDocument> batch;
  auto total_start = std::chrono::steady_clock::now();
  while (events < o.events) {
    batch.clear();
    while (batch.size() < o.batch && events < o.events) {
      batch.push_back(corpus.Document(documents++));
      events += batch.back().events.size();
    }
    auto start = std::chrono::steady_clock::now();
    auto report = store.Ingest(batch);
    seconds += bench::SecondsSince(start);
    if (!report.ok()) Die(report.status());
    if (report->stored != batch.size()) Die(Status::Internal("a new document was not stored"));
  }
  double wall = bench::SecondsSince(total_start);
  auto counts = store.Counts();
  if (!counts.ok()) Die(counts.status());
  std::printf("%s ingest: %zu documents, %zu events in %.1f s (%.1f s with generation): %.0f documents/s, %.0f events/s\n",
              label.c_str(), counts->documents, counts->events, seconds, wall,
              static_cast<double>(documents) / seconds, static_cast<double>(events) / seconds);

  // Re-ingesting the first batch adds nothing (and how long checking takes).
  batch.clear();
  for (size_t n = 0; n < std::min(o.batch, documents); ++n) batch.push_back(corpus.Document(n));
  auto start = std::chrono::steady_clock::now();
  auto again = store.Ingest(batch);
  if (!again.ok()) Die(again.status());
  auto after = store.Counts();
  if (!after.ok()) Die(after.status());
  std::printf("%s re-ingest of the first %zu documents: %zu stored, %zu already stored, %.1f ms; store still %zu "
              "documents, %zu events\n",
              label.c_str(), batch.size(), again->stored, again->already_stored, bench::SecondsSince(start) * 1000,
              after->documents, after->events);

  // The dyads to ask about: the busiest ones, as a user would pick them.
  auto top = store.Dyads({}, 40);
  if (!top.ok()) Die(top.status());
  std::vector<std::pair<std::string, std::string>> dyads;
  for (const auto& d : *top) dyads.emplace_back(d.source, d.target);
  std::mt19937_64 rng(7);
  std::vector<std::string> roots = {"01", "04", "05", "07", "08", "11", "12", "13", "17", "18", "19"};
  size_t answered = 0;
  auto dyad = Measure(o.queries, [&](int i) {
    EventFilter f;
    f.source = dyads[static_cast<size_t>(i) % dyads.size()].first;
    f.target = dyads[static_cast<size_t>(i) % dyads.size()].second;
    auto series = store.TimeSeries(f, Interval::kMonth);
    if (!series.ok()) Die(series.status());
    answered += series->size();
  });
  std::printf("%s dyad time series (source+target prefix, per month, whole range): median %.2f ms, p95 %.2f ms\n",
              label.c_str(), dyad.median_ms, dyad.p95_ms);
  size_t totals = 0;
  auto filtered = Measure(o.queries, [&](int i) {
    EventFilter f;
    f.country = dyads[static_cast<size_t>(i) % dyads.size()].first;
    f.root = roots[rng() % roots.size()];
    int year = 2015 + static_cast<int>(rng() % 9);
    f.from = Date{year, 1, 1};
    f.to = Date{year, 12, 31};
    auto page = store.Events(f, 100);
    if (!page.ok()) Die(page.status());
    totals += page->total;
  });
  std::printf("%s filtered events (country + root + one year, limit 100, with total): median %.2f ms, p95 %.2f ms "
              "(mean total %.0f)\n",
              label.c_str(), filtered.median_ms, filtered.p95_ms, static_cast<double>(totals) / o.queries);
  std::vector<std::string> words = {"ceasefire", "negotiations", "humanitarian", "sanctions", "prisoners"};
  auto text = Measure(o.queries, [&](int i) {
    EventFilter f;
    f.text = words[static_cast<size_t>(i) % words.size()];
    f.country = dyads[static_cast<size_t>(i) % dyads.size()].second;
    auto page = store.Events(f, 100);
    if (!page.ok()) Die(page.status());
  });
  std::printf("%s text search + country (limit 100, with total): median %.2f ms, p95 %.2f ms\n", label.c_str(),
              text.median_ms, text.p95_ms);
  auto aggregate = Measure(std::max(3, o.queries / 8), [&](int i) {
    EventFilter f;
    f.from = Date{2015 + i % 9, 1, 1};
    f.to = Date{2015 + i % 9, 12, 31};
    auto d = store.Dyads(f, 100);
    if (!d.ok()) Die(d.status());
    auto c = store.Countries(f);
    if (!c.ok()) Die(c.status());
  });
  std::printf("%s dyads + countries for one year: median %.2f ms, p95 %.2f ms\n", label.c_str(),
              aggregate.median_ms, aggregate.p95_ms);
  return answered > 0 ? 0 : 1;
}

}  // namespace
}  // namespace parley::store

int main(int argc, char** argv) {
  using parley::store::Options;
  Options o;
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
  if (const char* pg = std::getenv("PARLEY_TEST_PG")) o.pg = pg;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "store_bench: %s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--events") o.events = std::stoul(value());
    else if (arg == "--batch") o.batch = std::stoul(value());
    else if (arg == "--queries") o.queries = std::stoi(value());
    else if (arg == "--sqlite") o.sqlite = value();
    else if (arg == "--pg") o.pg = value();
    else if (arg == "--no-pg") o.pg.clear();
    else {
      std::fprintf(stderr, "usage: store_bench [--events N] [--batch N] [--queries N] [--sqlite PATH] [--pg URL | --no-pg]\n");
      return 2;
    }
  }
  bool temp = o.sqlite.empty();
  if (temp) o.sqlite = (std::filesystem::temp_directory_path() / "parley-store-bench.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(o.sqlite + suffix);
  int rc = parley::store::Run("sqlite", "sqlite:" + o.sqlite, o);
  std::error_code ec;
  std::printf("sqlite file: %.0f MB\n", static_cast<double>(std::filesystem::file_size(o.sqlite, ec)) / 1e6);
  if (temp)
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(o.sqlite + suffix);
  if (!o.pg.empty()) {
    auto admin = parley::store::OpenPostgres(o.pg);
    if (!admin.ok()) parley::store::Die(admin.status());
    parley::Status s = (*admin)->Exec("DROP SCHEMA IF EXISTS parley_bench CASCADE; CREATE SCHEMA parley_bench");
    if (!s.ok()) parley::store::Die(s);
    std::string url = o.pg + (o.pg.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3Dparley_bench";
    rc |= parley::store::Run("postgresql", url, o);
    s = (*admin)->Exec("DROP SCHEMA parley_bench CASCADE");
    if (!s.ok()) parley::store::Die(s);
  }
  std::printf("peak RSS: %.0f MB\n", static_cast<double>(parley::bench::PeakRssKb()) / 1024);
  return rc;
}

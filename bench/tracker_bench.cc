// Negotiation tracker throughput: the bundled example series (Gaza,
// Russia-Ukraine, Sudan; 13 stories) coded once with Parley's own model and
// dictionaries, replicated under new document ids to N stories, then
// TrackNegotiations timed over all of them. One thread. Coding is not timed
// (pipeline_bench measures it).
//
//   tracker_bench [--stories N] [--repeat R]

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_util.h"
#include "coder/coder.h"
#include "io/jsonl_reader.h"
#include "pipeline/analyze.h"
#include "pipeline/document_coder.h"
#include "tracker/negotiations.h"

int main(int argc, char** argv) {
  size_t stories = 10000;
  int repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--stories") {
      stories = std::strtoul(argv[i + 1], nullptr, 10);
    } else if (flag == "--repeat") {
      repeat = std::atoi(argv[i + 1]);
    } else {
      std::fprintf(stderr, "usage: tracker_bench [--stories N] [--repeat R]\n");
      return 2;
    }
  }
  auto lexicon = parley::lexicon::Lexicon::Load(parley::pipeline::DefaultDictionaries());
  if (!lexicon.ok()) {
    std::fprintf(stderr, "tracker_bench: %s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  parley::coder::CoderOptions options;
  options.require_known_country = true;
  parley::coder::Coder coder(lexicon.value(), options);
  parley::pipeline::DocumentCoder document_coder(coder, "");
  std::vector<parley::Document> base_docs;
  std::vector<std::vector<parley::Event>> base_events;
  for (const char* name : {"gaza-ceasefire-2025", "russia-ukraine-talks-2025", "sudan-talks-2025"}) {
    parley::io::ReadSummary summary;
    parley::Status read = parley::io::ReadJsonLinesFile(
        std::string(PARLEY_SOURCE_DIR) + "/examples/" + name + ".jsonl",
        [&](parley::Document&& doc) {
          std::vector<parley::Event> events;
          if (!document_coder.Code(doc, events).ok()) return;
          base_docs.push_back(std::move(doc));
          base_events.push_back(std::move(events));
        },
        summary);
    if (!read.ok()) {
      std::fprintf(stderr, "tracker_bench: %s\n", read.ToString().c_str());
      return 1;
    }
  }
  std::vector<parley::Document> docs;
  std::vector<parley::Event> events;
  for (size_t i = 0; i < stories; ++i) {
    size_t k = i % base_docs.size();
    parley::Document doc = base_docs[k];
    doc.id += "#" + std::to_string(i);
    for (parley::Event e : base_events[k]) {
      e.doc_id = doc.id;
      events.push_back(std::move(e));
    }
    docs.push_back(std::move(doc));
  }
  parley::tracker::TrackerOptions tracker_options;
  tracker_options.lexicon = lexicon.value().get();
  double best = 1e100, best_cpu = 1e100;
  size_t found = 0, steps = 0;
  for (int r = 0; r < repeat; ++r) {
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    std::vector<parley::tracker::Negotiation> n = parley::tracker::TrackNegotiations(docs, events, tracker_options);
    best = std::min(best, parley::bench::SecondsSince(start));
    // CPU time too: on a shared machine the wall clock counts others' work.
    best_cpu = std::min(best_cpu, static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
    found = n.size();
    steps = 0;
    for (const auto& x : n) steps += x.timeline.size();
  }
  std::printf("tracker_bench: %zu stories, %zu events -> %zu negotiations, %zu steps; best of %d: %.3f s wall "
              "(%.0f stories/s), %.3f s CPU (%.0f stories/s, %.0f events/s); peak RSS %ld MB\n",
              docs.size(), events.size(), found, steps, repeat, best, docs.size() / best, best_cpu,
              docs.size() / best_cpu, events.size() / best_cpu, parley::bench::PeakRssKb() / 1024);
  return 0;
}

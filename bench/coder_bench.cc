// Coder throughput on pre-parsed news sentences with the full Phoenix
// dictionaries. Needs ../shared (skips cleanly without it).
//
//   coder_bench [--shared DIR] [--sentences N] [--repeat R]
//
// Trees: the 765 gold-parsed Wikinews sentences of UD GUM news and the 76
// Penn-parsed AFP sentences of PETRARCH's GigaWord sample, replicated to N.
// Prints lexicon load time, sentences per second on one core, events found
// and peak resident memory.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "coder/coder.h"
#include "io/conllu.h"
#include "io/petrarch_xml.h"
#include "bench_util.h"
#include "lexicon/lexicon.h"

using parley::bench::PeakRssKb;
using parley::bench::SecondsSince;

int main(int argc, char** argv) {
  std::string shared = PARLEY_SHARED_DIR;
  size_t target_sentences = 50000;
  int repeat = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--shared") shared = argv[i + 1];
    else if (a == "--sentences") target_sentences = std::strtoul(argv[i + 1], nullptr, 10);
    else if (a == "--repeat") repeat = std::atoi(argv[i + 1]);
  }
  namespace fs = std::filesystem;
  fs::path p2 = fs::path(shared) / "data/petrarch2";
  if (!fs::exists(p2 / "CAMEO.2.0.txt")) {
    std::printf("skipped: %s not found (the benchmark needs ../shared)\n", p2.c_str());
    return 0;
  }
  parley::lexicon::LexiconPaths paths = parley::lexicon::PhoenixDictionaries(p2.string());
  auto t0 = std::chrono::steady_clock::now();
  auto lexicon = parley::lexicon::Lexicon::Load(paths);
  double load_s = SecondsSince(t0);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "coder_bench: %s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  long rss_after_load = PeakRssKb();

  // The corpus: documents with parsed sentences.
  std::vector<parley::Document> corpus;
  {
    parley::io::ReadSummary summary;
    auto sink = [&](parley::Document&& d) { corpus.push_back(std::move(d)); };
    parley::Status s = parley::io::ReadConlluFile(
        (fs::path(shared) / "data/ud/gum-news.conllu").string(), sink, summary);
    if (!s.ok()) std::fprintf(stderr, "coder_bench: %s\n", s.ToString().c_str());
    auto giga = parley::io::ReadPetrarchXml((p2 / "GigaWord.sample.PETR.xml").string());
    if (giga.ok())
      for (auto& r : giga->records)
        if (r.has_parse && r.parse_error.empty()) corpus.push_back(std::move(r.doc));
  }
  size_t base_sentences = 0;
  for (const auto& d : corpus) base_sentences += d.sentences.size();
  if (base_sentences == 0) {
    std::fprintf(stderr, "coder_bench: no parsed sentences found\n");
    return 1;
  }

  parley::coder::Coder coder(lexicon.value());
  std::vector<parley::Event> events;
  double best = 1e30;
  size_t coded = 0, event_count = 0;
  for (int r = 0; r < repeat; ++r) {
    coded = 0;
    event_count = 0;
    auto start = std::chrono::steady_clock::now();
    while (coded < target_sentences) {
      for (const auto& d : corpus) {
        for (const auto& s : d.sentences) {
          events.clear();
          coder.CodeSentence(d, s, events);
          event_count += events.size();
          if (++coded == target_sentences) break;
        }
        if (coded == target_sentences) break;
      }
    }
    best = std::min(best, SecondsSince(start));
  }
  std::printf("lexicon load (Phoenix set): %.1f ms, peak RSS after load %.1f MB\n", load_s * 1e3,
              rss_after_load / 1024.0);
  std::printf("corpus: %zu distinct parsed sentences (GUM news + GigaWord sample), replicated\n",
              base_sentences);
  std::printf("coded %zu sentences in %.3f s (best of %d): %.0f sentences/s on one core, %zu events\n",
              coded, best, repeat, coded / best, event_count);
  std::printf("peak RSS: %.1f MB\n", PeakRssKb() / 1024.0);
  return 0;
}

// Loads the full Phoenix dictionary set N times and reports load time, entry
// counts and peak resident memory.
//
// Usage: lexicon_load_bench [DICT_DIR] [N] [--warnings]
//   DICT_DIR defaults to ../shared/data/petrarch2 relative to the repository
//   root; N defaults to 5. Exits 0 with "skipped: ..." when DICT_DIR is absent.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_util.h"
#include "lexicon/lexicon.h"

#ifndef PARLEY_SOURCE_DIR
#define PARLEY_SOURCE_DIR "."
#endif

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  bool show_warnings = false;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--warnings") show_warnings = true;
    else args.emplace_back(argv[i]);
  }
  std::string dir = !args.empty() ? args[0] : std::string(PARLEY_SOURCE_DIR) + "/../shared/data/petrarch2";
  int runs = args.size() > 1 ? std::atoi(args[1].c_str()) : 5;
  if (runs < 1) runs = 1;
  if (!fs::is_directory(dir)) {
    std::printf("skipped: %s not found\n", dir.c_str());
    return 0;
  }
  parley::lexicon::LexiconPaths paths = parley::lexicon::PhoenixDictionaries(dir);

  std::vector<double> ms;
  std::shared_ptr<const parley::lexicon::Lexicon> lex;
  for (int i = 0; i < runs; ++i) {
    lex.reset();
    auto t0 = std::chrono::steady_clock::now();
    auto r = parley::lexicon::Lexicon::Load(paths);
    auto t1 = std::chrono::steady_clock::now();
    if (!r.ok()) {
      std::fprintf(stderr, "load failed: %s\n", r.status().ToString().c_str());
      return 1;
    }
    lex = *r;
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::vector<double> sorted = ms;
  std::sort(sorted.begin(), sorted.end());
  double median = sorted.size() % 2 ? sorted[sorted.size() / 2]
                                    : (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]) / 2;

  std::printf("dictionaries: %s (Phoenix set: CAMEO.2.0 verbs, 3 actor files, agents, discards)\n", dir.c_str());
  std::printf("runs: %d  load ms: min %.1f  median %.1f\n", runs, sorted.front(), median);
  std::printf("vocabulary words: %zu\n", lex->vocab.size() - 1);
  std::printf("actors: %zu entries, %zu phrases\n", lex->actors.size(), lex->actors.phrase_count());
  std::printf("agents: %zu entries, %zu phrases\n", lex->agents.size(), lex->agents.phrase_count());
  std::printf("verbs: %zu entries, %zu forms, %zu blocks, %zu patterns, %zu synsets, %zu transformations\n",
              lex->verbs.entry_count(), lex->verbs.form_count(), lex->verbs.block_count(),
              lex->verbs.pattern_count(), lex->verbs.synset_count(), lex->verbs.transformations().size());
  std::printf("discards: %zu\n", lex->discards.size());
  std::printf("warnings: %zu\n", lex->warnings().size());
  if (show_warnings)
    for (const auto& w : lex->warnings()) std::printf("  %s\n", w.c_str());
  std::printf("peak RSS: %.1f MB\n", static_cast<double>(parley::bench::PeakRssKb()) / 1024.0);
  return 0;
}

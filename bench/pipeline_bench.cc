// Whole-pipeline throughput from raw news text: split + tokenize, tag +
// lemmatize + parse, and code with the Phoenix dictionaries, each timed. As
// in `parley code`, only the sentences that can yield an event (a verb or
// event noun of the dictionaries and an actor or agent phrase) are parsed;
// syntax alone, every sentence parsed, is timed separately.
// Needs ../shared (skips cleanly without it).
//
//   pipeline_bench [--shared DIR] [--model PATH] [--sentences N] [--repeat R]
//
// Text: the 24 Wikinews documents of ../shared/bench/gum-news.jsonl
// (741 body sentences), replicated to N sentences. One thread.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "coder/coder.h"
#include "enrich/enricher.h"
#include "io/jsonl_reader.h"
#include "bench_util.h"
#include "lexicon/lexicon.h"
#include "parse/model.h"
#include "pipeline/analyze.h"
#include "pipeline/document_coder.h"
#include "text/tokenizer.h"

namespace {

using Clock = std::chrono::steady_clock;

using parley::bench::PeakRssKb;
using parley::bench::ThreadCpuSeconds;
double Since(Clock::time_point t) { return parley::bench::SecondsSince(t); }

// A fresh copy of a document as read, before any stage ran.
parley::Document Unparsed(const parley::Document& source) {
  parley::Document doc;
  doc.id = source.id;
  doc.date = source.date;
  doc.title = source.title;
  doc.text = source.text;
  return doc;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = PARLEY_SHARED_DIR;
  std::string model_path;
  size_t target = 20000;
  int repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--shared") shared = argv[i + 1];
    else if (a == "--model") model_path = argv[i + 1];
    else if (a == "--sentences") target = std::strtoul(argv[i + 1], nullptr, 10);
    else if (a == "--repeat") repeat = std::atoi(argv[i + 1]);
  }
  namespace fs = std::filesystem;
  fs::path jsonl = fs::path(shared) / "bench/gum-news.jsonl";
  fs::path p2 = fs::path(shared) / "data/petrarch2";
  if (!fs::exists(jsonl) || !fs::exists(p2 / "CAMEO.2.0.txt")) {
    std::printf("skipped: %s not found (the benchmark needs ../shared)\n", shared.c_str());
    return 0;
  }
  auto model = parley::parse::Model::Load(parley::pipeline::ResolveModelPath(model_path));
  if (!model.ok()) {
    std::fprintf(stderr, "pipeline_bench: %s\n", model.status().ToString().c_str());
    return 1;
  }
  parley::lexicon::LexiconPaths paths = parley::lexicon::PhoenixDictionaries(p2.string());
  auto lexicon = parley::lexicon::Lexicon::Load(paths);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "pipeline_bench: %s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  parley::coder::Coder coder(lexicon.value());
  // As parley code guides the syntax: the coder's names, and trees only for
  // the sentences that can yield an event.
  const parley::pipeline::SyntaxGuide guide = parley::pipeline::CodingGuide(coder, true);

  std::vector<parley::Document> raw;
  parley::io::ReadSummary summary;
  parley::Status read = parley::io::ReadJsonLinesFile(
      jsonl.string(), [&](parley::Document&& d) { raw.push_back(std::move(d)); }, summary);
  if (!read.ok() || raw.empty()) {
    std::fprintf(stderr, "pipeline_bench: cannot read %s\n", jsonl.c_str());
    return 1;
  }

  double best_total = 1e30, best_tok = 0, best_parse = 0, best_code = 0, best_enrich = 0;
  double best_cpu_total = 1e30, best_cpu_syntax = 0, best_cpu_code = 1e30, best_cpu_enrich = 1e30;
  double best_cpu_syntax_all = 1e30;
  size_t sentences = 0, tokens = 0, events = 0;
  std::vector<parley::Event> out;
  for (int r = 0; r < repeat; ++r) {
    double t_tok = 0, t_parse = 0, t_code = 0, t_enrich = 0, cpu_total = 0, cpu_syntax = 0;
    double cpu_code = 0, cpu_enrich = 0;
    sentences = tokens = events = 0;
    while (sentences < target) {
      for (const auto& source : raw) {
        parley::Document doc = Unparsed(source);
        const double c0 = ThreadCpuSeconds();
        auto t0 = Clock::now();
        (void)parley::text::Tokenize(doc);
        auto t1 = Clock::now();
        (void)parley::pipeline::AnalyzeForCoding(doc, *model, guide);
        auto t2 = Clock::now();
        const double c2 = ThreadCpuSeconds();
        out.clear();
        coder.CodeDocument(doc, out);
        auto t3 = Clock::now();
        const double c3 = ThreadCpuSeconds();
        parley::enrich::EnrichEvents(doc, out);
        t_enrich += Since(t3);
        const double c4 = ThreadCpuSeconds();
        cpu_syntax += c2 - c0;
        cpu_code += c3 - c2;
        cpu_enrich += c4 - c3;
        cpu_total += c4 - c0;
        t_code += std::chrono::duration<double>(t3 - t2).count();
        t_parse += std::chrono::duration<double>(t2 - t1).count();
        t_tok += std::chrono::duration<double>(t1 - t0).count();
        sentences += doc.sentences.size();
        tokens += doc.tokens.size();
        events += out.size();
        if (sentences >= target) break;
      }
    }
    // Syntax alone, every sentence parsed (parley parse, the treebank
    // evaluations): the same documents again.
    double cpu_all = 0;
    for (size_t done = 0; done < sentences;) {
      for (const auto& source : raw) {
        parley::Document doc = Unparsed(source);
        const double c0 = ThreadCpuSeconds();
        (void)parley::text::Tokenize(doc);
        (void)parley::pipeline::Analyze(doc, *model);
        cpu_all += ThreadCpuSeconds() - c0;
        done += doc.sentences.size();
        if (done >= sentences) break;
      }
    }
    best_cpu_syntax_all = std::min(best_cpu_syntax_all, cpu_all);
    double total = t_tok + t_parse + t_code + t_enrich;
    if (total < best_total) {
      best_total = total;
      best_tok = t_tok;
      best_parse = t_parse;
      best_code = t_code;
      best_enrich = t_enrich;
    }
    // The stages' own bests: one noisy repeat should not hide another stage's figure.
    best_cpu_code = std::min(best_cpu_code, cpu_code);
    best_cpu_enrich = std::min(best_cpu_enrich, cpu_enrich);
    if (cpu_total < best_cpu_total) {
      best_cpu_total = cpu_total;
      best_cpu_syntax = cpu_syntax;
    }
  }
  auto per_s = [&](double secs) { return secs > 0 ? sentences / secs : 0.0; };
  std::printf("raw news text -> events: %zu sentences (%zu tokens) from gum-news.jsonl, best of %d\n",
              sentences, tokens, repeat);
  std::printf("  split + tokenize:            %8.3f s  %10.0f sentences/s  (%4.1f%%)\n", best_tok,
              per_s(best_tok), 100 * best_tok / best_total);
  std::printf("  tag + lemmatize (+ parse the sentences that can yield events): %.3f s  %.0f sentences/s  (%4.1f%%)\n",
              best_parse, per_s(best_parse), 100 * best_parse / best_total);
  std::printf("  code (Phoenix dictionaries): %8.3f s  %10.0f sentences/s  (%4.1f%%)\n", best_code,
              per_s(best_code), 100 * best_code / best_total);
  std::printf("  enrich (CAMEO, PLOVER, dates, places): %6.3f s  %10.0f sentences/s  (%4.1f%%)\n",
              best_enrich, per_s(best_enrich), 100 * best_enrich / best_total);
  std::printf("  whole pipeline:              %8.3f s  %10.0f sentences/s on one core, %zu events\n",
              best_total, per_s(best_total), events);
  std::printf("  by thread CPU time: whole pipeline %.0f sentences/s, syntax %.0f sentences/s\n",
              per_s(best_cpu_total), per_s(best_cpu_syntax));
  std::printf("  syntax alone, every sentence parsed (text -> trees): %.0f sentences/s (thread CPU)\n",
              per_s(best_cpu_syntax_all));
  std::printf("  by thread CPU time: code %.3f s (%.0f sentences/s), enrich %.3f s (%.0f sentences/s)\n",
              best_cpu_code, per_s(best_cpu_code), best_cpu_enrich, per_s(best_cpu_enrich));
  std::printf("peak RSS: %.1f MB\n", PeakRssKb() / 1024.0);
  return 0;
}

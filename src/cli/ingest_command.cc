// `parley ingest --store URL FILES...`: documents in, coded like `parley
// code`, stored (src/store/store.h) in batches, one transaction each.
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.h"
#include "coder/coder.h"
#include "io/format.h"
#include "lexicon/lexicon.h"
#include "pipeline/analyze.h"
#include "pipeline/document_coder.h"
#include "pipeline/ordered_pool.h"
#include "pipeline/progress.h"
#include "store/store.h"

namespace parley::cli {
namespace {

struct IngestOptions {
  std::string store = "parley.db";
  std::vector<std::string> inputs;
  std::string format;
  std::string model;
  size_t batch = 200;
  bool quiet = false;
  int threads = 1;  // documents coded at once
};

struct IngestTotals {
  size_t read = 0, stored = 0, already_stored = 0, events = 0;
  std::vector<io::SkippedRecord> skipped;
};

// "parley ingest: 40 documents read, 38 stored, 1 already stored, 1 skipped;
// 212 events; 3.10 s, 12.3 documents/s", then the skipped records grouped by
// reason as `parley code` prints them.
std::string FormatIngestSummary(const IngestTotals& t, double seconds) {
  std::string out = fmt::format(
      "parley ingest: {} documents read, {} stored, {} already stored, {} skipped; {} events; {:.2f} s",
      pipeline::GroupThousands(t.read), pipeline::GroupThousands(t.stored),
      pipeline::GroupThousands(t.already_stored), pipeline::GroupThousands(t.skipped.size()),
      pipeline::GroupThousands(t.events), seconds);
  if (seconds > 0) out += fmt::format(", {:.1f} documents/s", static_cast<double>(t.read) / seconds);
  out += '\n';
  // The skipped lines of `parley code`'s summary (same grouping).
  pipeline::RunSummary run;
  run.skipped = t.skipped;
  std::string code_summary = pipeline::FormatSummary(run);
  size_t first_line = code_summary.find('\n');
  if (first_line != std::string::npos) out += code_summary.substr(first_line + 1);
  return out;
}

int RunIngest(const IngestOptions& o) {
  auto start = std::chrono::steady_clock::now();
  lexicon::LexiconPaths dictionaries = pipeline::DefaultDictionaries();
  if (dictionaries.verbs.empty() || dictionaries.actors.empty()) {
    std::fprintf(stderr,
                 "parley ingest: no dictionaries: set $PARLEY_DICTIONARIES to a folder with Parley's "
                 "verbs.txt and actor files\n");
    return 2;
  }
  std::optional<io::InputFormat> format;
  if (!o.format.empty()) {
    auto f = io::ParseFormatName(o.format);
    if (!f.ok()) {
      std::fprintf(stderr, "parley ingest: %s\n", f.status().message().c_str());
      return 2;
    }
    format = *f;
  }
  auto store = store::Store::Open(o.store);
  if (!store.ok()) {
    std::fprintf(stderr, "parley ingest: %s\n", store.status().ToString().c_str());
    return 1;
  }
  auto lexicon = lexicon::Lexicon::Load(dictionaries);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "parley ingest: %s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  // As `parley code` does by default: dyads whose sides have countries.
  coder::CoderOptions coder_options;
  coder_options.require_known_country = true;
  coder::Coder coder(lexicon.value(), coder_options);
  pipeline::DocumentCoder document_coder(coder, o.model);  // shared by the threads

  IngestTotals totals;
  std::vector<store::CodedDocument> batch;
  Status store_error;
  pipeline::ProgressLine progress(stderr, !o.quiet && pipeline::ProgressLine::StderrIsTerminal());
  auto flush = [&] {
    if (batch.empty() || !store_error.ok()) return;
    auto report = (*store)->Ingest(batch);
    batch.clear();
    if (!report.ok()) {
      store_error = report.status();
      return;
    }
    totals.stored += report->stored;
    totals.already_stored += report->already_stored;
    totals.events += report->events;
    totals.skipped.insert(totals.skipped.end(), report->skipped.begin(), report->skipped.end());
  };
  io::ReadSummary summary;
  struct Coded {
    Status status;
    std::vector<Event> events;
  };
  auto work = [&](Document& doc, Coded& result) {
    if (store_error.ok()) result.status = document_coder.Code(doc, result.events);
  };
  auto emit = [&](Document& doc, Coded& result) {
    if (!store_error.ok()) return;  // the store failed: read on only to count
    if (!result.status.ok()) {
      totals.skipped.push_back({doc.id.empty() ? "(no id)" : doc.id, "cannot parse: " + result.status.message()});
      return;
    }
    store::CodedDocument coded;
    coded.events = std::move(result.events);
    coded.document = std::move(doc);
    batch.push_back(std::move(coded));
    if (batch.size() >= o.batch) flush();
    progress.Update(summary.documents, totals.events);
  };
  pipeline::OrderedPool<Coded> pool(o.threads, work, emit);
  auto sink = [&](Document&& doc) { pool.Add(std::move(doc)); };
  int exit_code = 0;
  for (const auto& path : o.inputs) {
    Status s = io::ReadDocuments(path, format, sink, summary);
    if (!s.ok()) {
      std::fprintf(stderr, "parley ingest: %s\n", s.ToString().c_str());
      exit_code = 1;
    }
  }
  pool.Finish();
  flush();
  progress.Finish();
  totals.read = summary.documents;
  totals.skipped.insert(totals.skipped.begin(), summary.skipped.begin(), summary.skipped.end());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fputs(FormatIngestSummary(totals, seconds).c_str(), stderr);
  if (!store_error.ok()) {
    std::fprintf(stderr, "parley ingest: %s (that batch was not stored; earlier batches were)\n",
                 store_error.ToString().c_str());
    return 1;
  }
  return exit_code;
}

}  // namespace

Command RegisterIngest(CLI::App& app) {
  auto* cmd = app.add_subcommand("ingest", "Code documents and store them with their events");
  auto o = std::make_shared<IngestOptions>();
  cmd->add_option("inputs", o->inputs, "Input files ('-': stdin)")->required();
  cmd->add_option("--store", o->store,
                  "Store: a SQLite file (PATH or sqlite:PATH) or postgresql://user@host:port/db")
      ->capture_default_str();
  cmd->add_option("--format", o->format, "Input format: jsonl, text, petrarch, conllu (default: detect)");
  cmd->add_option("--model", o->model,
                  "Tagger/parser model for raw text (default: $PARLEY_MODEL, models/parley-en.model)");
  cmd->add_option("--batch", o->batch, "Documents per transaction")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line (it is shown only on a terminal)");
  cmd->add_option("--threads", o->threads,
                  "Documents coded at once, on this many threads (stored in input order, as with 1)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  return {cmd, [o] { return RunIngest(*o); }};
}

}  // namespace parley::cli

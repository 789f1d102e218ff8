// `parley code`: documents in, events out as JSON Lines.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.h"
#include "coder/coder.h"
#include "io/event_formats.h"
#include "io/event_writer.h"
#include "io/format.h"
#include "lexicon/lexicon.h"
#include "pipeline/analyze.h"
#include "pipeline/dedup.h"
#include "pipeline/document_coder.h"
#include "pipeline/ordered_pool.h"
#include "pipeline/progress.h"

namespace parley::cli {
namespace {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string format;
  std::string output = "-";
  lexicon::LexiconPaths dictionaries;
  std::string model;
  bool allow_monadic = false;
  bool keep_unknown_countries = false;
  // --output-format (io/event_formats.h)
  std::string output_format = "jsonl";
  bool header = false;
  // De-duplication across documents (pipeline/dedup.h): off = streaming output.
  bool dedup = false;
  int max_lag_days = 1;
  bool quiet = false;  // no progress line
  int threads = 1;     // documents coded at once
};

// One document's outcome, made on a worker thread.
struct CodedDocument {
  Status status;
  std::vector<Event> events;
  std::vector<std::string> unmatched;
};

int RunCode(const CodeOptions& o) {
  auto start = std::chrono::steady_clock::now();
  // Without dictionary options, Parley's own dictionaries (dictionaries/).
  lexicon::LexiconPaths dictionaries = o.dictionaries;
  if (dictionaries.verbs.empty() && dictionaries.actors.empty())
    dictionaries = pipeline::DefaultDictionaries();
  if (dictionaries.verbs.empty() || dictionaries.actors.empty()) {
    std::fprintf(stderr,
                 "parley code: no dictionaries: give --verbs and --actors, or set "
                 "$PARLEY_DICTIONARIES to a folder with Parley's verbs.txt and actor files\n");
    return 2;
  }
  std::optional<io::InputFormat> format;
  if (!o.format.empty()) {
    auto f = io::ParseFormatName(o.format);
    if (!f.ok()) {
      std::fprintf(stderr, "parley code: %s\n", f.status().message().c_str());
      return 2;
    }
    format = *f;
  }
  // --output-format: begin
  auto output_format = io::ParseOutputFormat(o.output_format);
  if (!output_format.ok()) {
    std::fprintf(stderr, "parley code: %s\n", output_format.status().message().c_str());
    return 2;
  }
  // --output-format: end
  auto lexicon = lexicon::Lexicon::Load(dictionaries);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "parley code: %s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  coder::CoderOptions coder_options;
  coder_options.require_dyad = !o.allow_monadic;
  coder_options.require_known_country = !o.keep_unknown_countries;
  coder::Coder coder(lexicon.value(), coder_options);

  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (o.output != "-") {
    file_out.open(o.output, std::ios::binary);
    if (!file_out) {
      std::fprintf(stderr, "parley code: cannot write %s\n", o.output.c_str());
      return 1;
    }
    out = &file_out;
  }
  // --output-format: begin
  if (o.header || io::WritesHeaderByDefault(*output_format)) *out << io::FormatHeader(*output_format);
  // --output-format: end

  pipeline::RunSummary run;
  std::vector<io::SkippedRecord> unparsed;
  io::ReadSummary summary;
  std::vector<Event> events;  // with --dedup, all of them
  std::string line;
  auto write = [&](const Event& e) {
    line.clear();
    io::AppendEvent(*output_format, e, line);  // --output-format
    out->write(line.data(), static_cast<std::streamsize>(line.size()));
  };
  pipeline::ProgressLine progress(stderr, !o.quiet && pipeline::ProgressLine::StderrIsTerminal());
  // Raw text (JSON Lines, plain text) goes through Parley's own tokenizer,
  // tagger and parser on the way in.
  pipeline::DocumentCoder document_coder(coder, o.model);  // shared by the threads
  document_coder.set_parse_only_event_sentences(true);  // only the events are used
  auto work = [&](Document& doc, CodedDocument& result) {
    result.status = document_coder.Code(doc, result.events, &result.unmatched);
  };
  auto emit = [&](Document& doc, CodedDocument& result) {
    if (!result.status.ok()) {
      unparsed.push_back(io::SkippedRecord{doc.id.empty() ? "(no id)" : doc.id,
                                           "cannot parse: " + result.status.message()});
      progress.Update(summary.documents, run.events);
      return;
    }
    ++run.documents_coded;
    run.sentences += doc.sentences.size();
    run.events += result.events.size();
    if (!result.unmatched.empty())
      run.flagged.push_back({doc.id.empty() ? "(no id)" : doc.id, std::move(result.unmatched)});
    if (o.dedup)
      events.insert(events.end(), std::make_move_iterator(result.events.begin()),
                    std::make_move_iterator(result.events.end()));
    else
      for (const Event& e : result.events) write(e);
    progress.Update(summary.documents, run.events);
  };
  pipeline::OrderedPool<CodedDocument> pool(o.threads, work, emit);
  auto sink = [&](Document&& doc) { pool.Add(std::move(doc)); };
  std::vector<std::string> inputs = o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
  int exit_code = 0;
  for (const auto& path : inputs) {
    Status s = io::ReadDocuments(path, format, sink, summary);
    if (!s.ok()) {
      std::fprintf(stderr, "parley code: %s\n", s.ToString().c_str());
      exit_code = 1;
    }
  }
  pool.Finish();
  if (o.dedup) {
    pipeline::DedupOptions dedup_options;
    dedup_options.max_lag_days = o.max_lag_days;
    events = pipeline::Deduplicate(std::move(events), dedup_options);
    run.deduplicated = true;
    run.events_after_dedup = events.size();
    for (const Event& e : events) write(e);
  }
  out->flush();
  progress.Finish();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.documents_read = summary.documents;
  run.skipped = summary.skipped;
  run.skipped.insert(run.skipped.end(), unparsed.begin(), unparsed.end());
  std::fputs(pipeline::FormatSummary(run).c_str(), stderr);
  return exit_code;
}

}  // namespace

Command RegisterCode(CLI::App& app) {
  auto* cmd = app.add_subcommand("code", "Code documents into events (JSON Lines on stdout)");
  auto o = std::make_shared<CodeOptions>();
  cmd->add_option("inputs", o->inputs, "Input files ('-' or none: stdin)");
  cmd->add_option("--format", o->format, "Input format: jsonl, text, petrarch, conllu (default: detect)");
  cmd->add_option("-o,--output", o->output, "Output file ('-': stdout)");
  cmd->add_option("--verbs", o->dictionaries.verbs, "Verb dictionary (PETRARCH format)");
  cmd->add_option("--actors", o->dictionaries.actors, "Actor dictionaries");
  cmd->add_option("--agents", o->dictionaries.agents, "Agent dictionaries");
  cmd->add_option("--discards", o->dictionaries.discards, "Discard lists");
  cmd->add_option("--issues", o->dictionaries.issues, "Issue lists");
  cmd->add_option("--model", o->model,
                  "Tagger/parser model for raw text (default: $PARLEY_MODEL, models/parley-en.model)");
  cmd->add_flag("--keep-unknown-countries", o->keep_unknown_countries,
                "Keep events whose source or target is a role with no country (\"---GOV\")");
  // --output-format: begin
  cmd->add_option("--output-format", o->output_format,
                  "Output format: jsonl (default), gdelt (GDELT 2.0 event table), phoenix, csv");
  cmd->add_flag("--header", o->header, "Write the column-name row for gdelt and phoenix (csv always has it)");
  // --output-format: end
  cmd->add_flag("--allow-monadic", o->allow_monadic,
                "Keep events that lack a source or target (PETRARCH require_dyad = false)");
  cmd->add_flag("--dedup", o->dedup,
                "Merge the same event reported in several sentences and documents (counts in "
                "num_mentions/num_sources/num_articles); output comes at the end");
  cmd->add_option("--max-lag-days", o->max_lag_days,
                  "With --dedup: events this many days apart or less merge (report lag)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line (it is shown only on a terminal)");
  cmd->add_option("--threads", o->threads,
                  "Documents coded at once, on this many threads (output in input order, as with 1)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  return {cmd, [o] { return RunCode(*o); }};
}

}  // namespace parley::cli

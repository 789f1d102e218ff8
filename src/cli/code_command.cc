// `parley code`: documents in, events out as JSON Lines.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.h"
#include "coder/coder.h"
#include "io/event_formats.h"
#include "io/event_writer.h"
#include "io/format.h"
#include "lexicon/lexicon.h"
#include "pipeline/analyze.h"
#include "pipeline/document_coder.h"

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

  size_t coded_documents = 0, sentences = 0, events_total = 0;
  std::vector<io::SkippedRecord> unparsed;
  io::ReadSummary summary;
  std::vector<Event> events;
  std::string line;
  // Raw text (JSON Lines, plain text) goes through Parley's own tokenizer,
  // tagger and parser on the way in.
  pipeline::DocumentCoder document_coder(coder, o.model);
  auto sink = [&](Document&& doc) {
    events.clear();
    Status coded = document_coder.Code(doc, events);
    if (!coded.ok()) {
      unparsed.push_back(io::SkippedRecord{doc.id.empty() ? "(no id)" : doc.id,
                                           "cannot parse: " + coded.message()});
      return;
    }
    ++coded_documents;
    sentences += doc.sentences.size();
    events_total += events.size();
    for (const Event& e : events) {
      line.clear();
      io::AppendEvent(*output_format, e, line);  // --output-format
      out->write(line.data(), static_cast<std::streamsize>(line.size()));
    }
  };
  std::vector<std::string> inputs = o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
  int exit_code = 0;
  for (const auto& path : inputs) {
    Status s = io::ReadDocuments(path, format, sink, summary);
    if (!s.ok()) {
      std::fprintf(stderr, "parley code: %s\n", s.ToString().c_str());
      exit_code = 1;
    }
  }
  out->flush();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  size_t skipped = summary.skipped.size() + unparsed.size();
  std::fprintf(stderr,
               "parley code: %zu documents read, %zu coded, %zu skipped; %zu sentences, %zu "
               "events; %.2f s\n",
               summary.documents, coded_documents, skipped, sentences, events_total, seconds);
  for (const auto& s : summary.skipped)
    std::fprintf(stderr, "  skipped %s: %s\n", s.where.c_str(), s.reason.c_str());
  for (const auto& s : unparsed)
    std::fprintf(stderr, "  skipped %s: %s\n", s.where.c_str(), s.reason.c_str());
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
  return {cmd, [o] { return RunCode(*o); }};
}

}  // namespace parley::cli

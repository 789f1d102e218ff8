// `parley negotiations`: documents in, the negotiations they report out
// (tracker/negotiations.h): one JSON object per negotiation and line, or a
// readable timeline with --format text.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "coder/coder.h"
#include "io/format.h"
#include "io/read_summary.h"
#include "lexicon/lexicon.h"
#include "pipeline/analyze.h"
#include "pipeline/document_coder.h"
#include "tracker/negotiations.h"

namespace parley::cli {
namespace {

struct NegotiationsOptions {
  std::vector<std::string> inputs;
  std::string input_format;
  std::string format = "json";
  std::string output = "-";
  std::string id;  // only this negotiation
  std::string model;
};

int RunNegotiations(const NegotiationsOptions& o) {
  if (o.format != "json" && o.format != "text") {
    std::fprintf(stderr, "parley negotiations: --format must be json or text, not '%s'\n",
                 o.format.c_str());
    return 2;
  }
  std::optional<io::InputFormat> input_format;
  if (!o.input_format.empty()) {
    auto f = io::ParseFormatName(o.input_format);
    if (!f.ok()) {
      std::fprintf(stderr, "parley negotiations: %s\n", f.status().message().c_str());
      return 2;
    }
    input_format = *f;
  }
  lexicon::LexiconPaths dictionaries = pipeline::DefaultDictionaries();
  if (dictionaries.verbs.empty() || dictionaries.actors.empty()) {
    std::fprintf(stderr,
                 "parley negotiations: no dictionaries: set $PARLEY_DICTIONARIES to a folder with "
                 "Parley's verbs.txt and actor files\n");
    return 2;
  }
  auto lexicon = lexicon::Lexicon::Load(dictionaries);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "parley negotiations: %s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  coder::CoderOptions coder_options;
  coder_options.require_known_country = true;
  coder::Coder coder(lexicon.value(), coder_options);
  pipeline::DocumentCoder document_coder(coder, o.model);

  std::vector<Document> docs;
  std::vector<Event> events;
  io::ReadSummary summary;
  int exit_code = 0;
  auto sink = [&](Document&& doc) {
    Status coded = document_coder.Code(doc, events);
    if (!coded.ok()) {
      std::fprintf(stderr, "parley negotiations: %s: cannot parse: %s\n",
                   doc.id.empty() ? "(no id)" : doc.id.c_str(), coded.message().c_str());
      exit_code = 1;
      return;
    }
    docs.push_back(std::move(doc));
  };
  std::vector<std::string> inputs = o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
  for (const auto& path : inputs) {
    Status s = io::ReadDocuments(path, input_format, sink, summary);
    if (!s.ok()) {
      std::fprintf(stderr, "parley negotiations: %s\n", s.ToString().c_str());
      exit_code = 1;
    }
  }
  for (const io::SkippedRecord& skipped : summary.skipped)
    std::fprintf(stderr, "parley negotiations: skipped %s\n", skipped.ToString().c_str());

  tracker::TrackerOptions tracker_options;
  tracker_options.lexicon = lexicon.value().get();
  std::vector<tracker::Negotiation> found = tracker::TrackNegotiations(docs, events, tracker_options);
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (o.output != "-") {
    file_out.open(o.output, std::ios::binary);
    if (!file_out) {
      std::fprintf(stderr, "parley negotiations: cannot write %s\n", o.output.c_str());
      return 1;
    }
    out = &file_out;
  }
  size_t written = 0;
  std::string text;
  for (const tracker::Negotiation& n : found) {
    if (!o.id.empty() && n.id != o.id) continue;
    text.clear();
    if (o.format == "text") {
      text = tracker::FormatNegotiationText(n) + "\n";
    } else {
      tracker::AppendNegotiationJson(n, text);
      text += '\n';
    }
    out->write(text.data(), static_cast<std::streamsize>(text.size()));
    ++written;
  }
  out->flush();
  std::fprintf(stderr, "parley negotiations: %zu documents, %zu events, %zu negotiations%s\n",
               docs.size(), events.size(), written, o.id.empty() ? "" : " with that id");
  if (!o.id.empty() && written == 0) return exit_code == 0 ? 1 : exit_code;
  return exit_code;
}

}  // namespace

Command RegisterNegotiations(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "negotiations", "Track negotiations (parties, mediators, timeline, state, terms) in documents");
  auto o = std::make_shared<NegotiationsOptions>();
  cmd->add_option("inputs", o->inputs, "Input files ('-' or none: stdin)");
  cmd->add_option("--input-format", o->input_format,
                  "Input format: jsonl, text, petrarch, conllu (default: detect)");
  cmd->add_option("--format", o->format, "Output: json (one negotiation per line) or text")
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Output file ('-': stdout)");
  cmd->add_option("--id", o->id, "Only the negotiation with this id (e.g. HMS-ISR)");
  cmd->add_option("--model", o->model,
                  "Tagger/parser model for raw text (default: $PARLEY_MODEL, models/parley-en.model)");
  return {cmd, [o] { return RunNegotiations(*o); }};
}

}  // namespace parley::cli

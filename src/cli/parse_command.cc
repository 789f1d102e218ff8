// `parley parse`: documents in (raw or parsed), CoNLL-U out.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "io/conllu.h"
#include "io/format.h"
#include "parse/model.h"
#include "pipeline/analyze.h"
#include "pipeline/ordered_pool.h"

namespace parley::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> inputs;
  std::string format;
  std::string output = "-";
  std::string model;
  int threads = 1;  // documents parsed at once
};

// One document's outcome, made on a worker thread.
struct ParsedDocument {
  Status status;
  std::string conllu;
};

int RunParse(const ParseOptions& o) {
  auto start = std::chrono::steady_clock::now();
  std::optional<io::InputFormat> format;
  if (!o.format.empty()) {
    auto f = io::ParseFormatName(o.format);
    if (!f.ok()) {
      std::fprintf(stderr, "parley parse: %s\n", f.status().message().c_str());
      return 2;
    }
    format = *f;
  }
  auto model = parse::Model::Load(pipeline::ResolveModelPath(o.model));
  if (!model.ok()) {
    std::fprintf(stderr, "parley parse: %s\n", model.status().ToString().c_str());
    return 1;
  }
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (o.output != "-") {
    file_out.open(o.output, std::ios::binary);
    if (!file_out) {
      std::fprintf(stderr, "parley parse: cannot write %s\n", o.output.c_str());
      return 1;
    }
    out = &file_out;
  }
  io::ReadSummary summary;
  size_t documents = 0, sentences = 0, tokens = 0;
  auto work = [&](Document& doc, ParsedDocument& result) {
    result.status = pipeline::Analyze(doc, *model);
    if (result.status.ok()) io::AppendConllu(doc, result.conllu);
  };
  auto emit = [&](Document& doc, ParsedDocument& result) {
    if (!result.status.ok()) {
      summary.skipped.push_back(io::SkippedRecord{doc.id, result.status.message()});
      return;
    }
    ++documents;
    sentences += doc.sentences.size();
    tokens += doc.tokens.size();
    out->write(result.conllu.data(), static_cast<std::streamsize>(result.conllu.size()));
  };
  pipeline::OrderedPool<ParsedDocument> pool(o.threads, work, emit);
  auto sink = [&](Document&& doc) { pool.Add(std::move(doc)); };
  int exit_code = 0;
  std::vector<std::string> inputs = o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
  for (const auto& path : inputs) {
    Status s = io::ReadDocuments(path, format, sink, summary);
    if (!s.ok()) {
      std::fprintf(stderr, "parley parse: %s\n", s.ToString().c_str());
      exit_code = 1;
    }
  }
  pool.Finish();
  out->flush();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "parley parse: %zu documents, %zu sentences, %zu tokens, %zu skipped; %.2f s\n",
               documents, sentences, tokens, summary.skipped.size(), seconds);
  for (const auto& s : summary.skipped)
    std::fprintf(stderr, "  skipped %s: %s\n", s.where.c_str(), s.reason.c_str());
  return exit_code;
}

}  // namespace

Command RegisterParse(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "parse", "Split, tokenize, tag, lemmatize and parse documents (CoNLL-U on stdout)");
  auto o = std::make_shared<ParseOptions>();
  cmd->add_option("inputs", o->inputs, "Input files ('-' or none: stdin)");
  cmd->add_option("--format", o->format, "Input format: jsonl, text, petrarch, conllu (default: detect)");
  cmd->add_option("-o,--output", o->output, "Output file ('-': stdout)");
  cmd->add_option("--model", o->model, "Model file (default: $PARLEY_MODEL, models/parley-en.model)");
  cmd->add_option("--threads", o->threads,
                  "Documents parsed at once, on this many threads (output in input order, as with 1)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  return {cmd, [o] { return RunParse(*o); }};
}

}  // namespace parley::cli

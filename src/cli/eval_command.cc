// `parley eval petrarch FILE.xml`: scores the coder on PETRARCH validation records.
#include <cstdio>

#include "cli/commands.h"
#include "eval/petrarch_eval.h"

namespace parley::cli {
namespace {

struct EvalOptions {
  std::string file;
  std::string parse = "supplied";
  bool json = false;
  bool quiet = false;
  bool trees = false;
  eval::PetrarchEvalOptions dictionaries;
};

int RunEvalPetrarch(const EvalOptions& o) {
  if (o.parse != "supplied") {
    std::fprintf(stderr,
                 "parley eval petrarch: --parse %s is not available yet: Parley's own parser "
                 "has not landed; use --parse supplied\n",
                 o.parse.c_str());
    return 2;
  }
  auto report = eval::EvaluatePetrarch(o.file, o.dictionaries);
  if (!report.ok()) {
    std::fprintf(stderr, "parley eval petrarch: %s\n", report.status().ToString().c_str());
    return 1;
  }
  std::string text = o.json ? eval::ReportJson(*report) + "\n" : eval::FormatReport(*report, !o.quiet, o.trees);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace

Command RegisterEval(CLI::App& app) {
  auto* cmd = app.add_subcommand("eval", "Evaluate Parley against reference data");
  cmd->require_subcommand(1);
  auto* petrarch = cmd->add_subcommand(
      "petrarch", "Score the coder on a PETRARCH validation file (e.g. PETR.UnitTest.records.xml)");
  auto o = std::make_shared<EvalOptions>();
  petrarch->add_option("file", o->file, "PETRARCH XML validation file")->required();
  petrarch->add_option("--parse", o->parse, "Which parse to code: supplied (the <Parse> blocks)");
  petrarch->add_flag("--json", o->json, "Print one JSON object");
  petrarch->add_flag("-q,--quiet", o->quiet, "Do not list the failures");
  petrarch->add_option("--only", o->dictionaries.only_ids, "Code only these record ids");
  petrarch->add_flag("--trees", o->trees, "Show the dependency tree of each failure (CoNLL-U)");
  petrarch->add_option("--verbs", o->dictionaries.verbs, "Override the <Verbfile>");
  petrarch->add_option("--actors", o->dictionaries.actors, "Override the <Actorfile>");
  petrarch->add_option("--agents", o->dictionaries.agents, "Override the <Agentfile>");
  petrarch->add_option("--discards", o->dictionaries.discards, "Override the <Discardfile>");
  return {petrarch, [o] { return RunEvalPetrarch(*o); }};
}

}  // namespace parley::cli

// `parley eval petrarch FILE.xml`: scores the coder on PETRARCH validation records.
#include <cstdio>
#include <optional>

#include "cli/commands.h"
#include "eval/petrarch_eval.h"
#include "parse/model.h"
#include "pipeline/analyze.h"
#include "pipeline/raw_eval.h"

namespace parley::cli {
namespace {

struct EvalOptions {
  std::string file;
  std::string parse = "supplied";
  bool json = false;
  bool quiet = false;
  bool trees = false;
  std::string model;
  eval::PetrarchEvalOptions dictionaries;
};

struct ConlluEvalOptions {
  std::string gold;
  std::string model;
  bool raw = false;
  bool json = false;
};

int RunEvalConllu(const ConlluEvalOptions& o) {
  auto model = parse::Model::Load(pipeline::ResolveModelPath(o.model));
  if (!model.ok()) {
    std::fprintf(stderr, "parley eval conllu: %s\n", model.status().ToString().c_str());
    return 1;
  }
  if (o.raw) {
    auto r = pipeline::EvaluateRaw(*model, o.gold);
    if (!r.ok()) {
      std::fprintf(stderr, "parley eval conllu: %s\n", r.status().ToString().c_str());
      return 1;
    }
    if (o.json) {
      std::printf(
          "{\"file\":\"%s\",\"mode\":\"raw\",\"tokens\":%.2f,\"sentences\":%.2f,\"upos\":%.2f,"
          "\"xpos\":%.2f,\"lemma\":%.2f,\"uas\":%.2f,\"las\":%.2f,\"gold_words\":%zu,"
          "\"system_words\":%zu,\"seconds\":%.3f}\n",
          o.gold.c_str(), r->tokens, r->sentences, r->upos, r->xpos, r->lemma, r->uas, r->las,
          r->gold_words, r->system_words, r->seconds);
    } else {
      std::printf("%s (from raw text): tokens F1 %.2f, sentences F1 %.2f\n", o.gold.c_str(),
                  r->tokens, r->sentences);
      std::printf("UPOS %.2f  XPOS %.2f  LEMMA %.2f  UAS %.2f  LAS %.2f  (F1 over %zu gold / %zu "
                  "system words; %.2f s)\n",
                  r->upos, r->xpos, r->lemma, r->uas, r->las, r->gold_words, r->system_words,
                  r->seconds);
    }
    return 0;
  }
  auto r = parse::EvaluateConllu(*model, o.gold);
  if (!r.ok()) {
    std::fprintf(stderr, "parley eval conllu: %s\n", r.status().ToString().c_str());
    return 1;
  }
  if (o.json) {
    std::printf("{\"file\":\"%s\",\"mode\":\"gold-tokens\",\"upos\":%.2f,\"xpos\":%.2f,"
                "\"feats\":%.2f,\"lemma\":%.2f,\"uas\":%.2f,\"las\":%.2f,\"las_full\":%.2f,"
                "\"words\":%zu,\"sentences\":%zu,\"seconds\":%.3f}\n",
                o.gold.c_str(), r->upos, r->xpos, r->feats, r->lemma, r->uas, r->las, r->las_full,
                r->words, r->sentences, r->seconds);
  } else {
    std::printf("%s (gold tokenization): %zu sentences, %zu words\n", o.gold.c_str(),
                r->sentences, r->words);
    std::printf("UPOS %.2f  XPOS %.2f  FEATS %.2f  LEMMA %.2f  UAS %.2f  LAS %.2f (full labels "
                "%.2f); %.0f sentences/s\n",
                r->upos, r->xpos, r->feats, r->lemma, r->uas, r->las, r->las_full,
                r->seconds > 0 ? r->sentences / r->seconds : 0.0);
  }
  return 0;
}

int RunEvalPetrarch(const EvalOptions& o) {
  std::optional<parse::Model> model;
  eval::PetrarchEvalOptions options = o.dictionaries;
  if (o.parse == "own") {
    auto loaded = parse::Model::Load(pipeline::ResolveModelPath(o.model));
    if (!loaded.ok()) {
      std::fprintf(stderr, "parley eval petrarch: %s\n", loaded.status().ToString().c_str());
      return 1;
    }
    model = std::move(loaded).value();
    options.own_parser = &*model;
  } else if (o.parse != "supplied") {
    std::fprintf(stderr, "parley eval petrarch: --parse takes 'supplied' or 'own', not '%s'\n",
                 o.parse.c_str());
    return 2;
  }
  auto report = eval::EvaluatePetrarch(o.file, options);
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
  petrarch->add_option("--parse", o->parse,
                       "Which parse to code: supplied (the <Parse> blocks) or own (parse <Text>)");
  petrarch->add_option("--model", o->model, "Model for --parse own");
  petrarch->add_flag("--json", o->json, "Print one JSON object");
  petrarch->add_flag("-q,--quiet", o->quiet, "Do not list the failures");
  petrarch->add_option("--only", o->dictionaries.only_ids, "Code only these record ids");
  petrarch->add_flag("--trees", o->trees, "Show the dependency tree of each failure (CoNLL-U)");
  petrarch->add_option("--verbs", o->dictionaries.verbs, "Override the <Verbfile>");
  petrarch->add_option("--actors", o->dictionaries.actors, "Override the <Actorfile>");
  petrarch->add_option("--agents", o->dictionaries.agents, "Override the <Agentfile>");
  petrarch->add_option("--discards", o->dictionaries.discards, "Override the <Discardfile>");

  auto* conllu = cmd->add_subcommand(
      "conllu", "Score the tagger and parser on a gold CoNLL-U file (UPOS, XPOS, lemma, UAS, LAS)");
  auto c = std::make_shared<ConlluEvalOptions>();
  conllu->add_option("gold", c->gold, "Gold CoNLL-U file")->required();
  conllu->add_option("--model", c->model, "Model file (default: models/parley-en.model)");
  conllu->add_flag("--raw", c->raw,
                   "Start from the raw text (# text lines): also token and sentence F1");
  conllu->add_flag("--json", c->json, "Print one JSON object");
  return {cmd, [o, c, petrarch, conllu] {
            if (conllu->parsed()) return RunEvalConllu(*c);
            return RunEvalPetrarch(*o);
          }};
}

}  // namespace parley::cli

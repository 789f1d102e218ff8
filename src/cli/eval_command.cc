// `parley eval petrarch FILE.xml`: scores the coder on PETRARCH validation records.
#include <cstdio>
#include <optional>

#include "cli/commands.h"
#include "coder/coder.h"
#include "eval/event_eval.h"
#include "eval/petrarch_eval.h"
#include "io/format.h"
#include "pipeline/document_coder.h"
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

struct EventsEvalOptions {
  std::string reference;
  std::vector<std::string> documents;
  std::string model;
  lexicon::LexiconPaths dictionaries;
  bool json = false;
};

int RunEvalEvents(const EventsEvalOptions& o) {
  auto reference = eval::ReadReferenceTsv(o.reference);
  if (!reference.ok()) {
    std::fprintf(stderr, "parley eval events: %s\n", reference.status().ToString().c_str());
    return 1;
  }
  lexicon::LexiconPaths paths = o.dictionaries;
  if (paths.verbs.empty() && paths.actors.empty()) paths = pipeline::DefaultDictionaries();
  auto lexicon = lexicon::Lexicon::Load(paths);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "parley eval events: %s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  coder::CoderOptions coder_options;
  coder_options.require_known_country = true;  // as `parley code` codes news
  coder::Coder coder(lexicon.value(), coder_options);
  pipeline::DocumentCoder document_coder(coder, o.model);
  document_coder.set_parse_only_event_sentences(true);  // only the events are used
  std::vector<Event> events;
  io::ReadSummary summary;
  int failures = 0;
  for (const auto& path : o.documents) {
    Status read = io::ReadDocuments(path, std::nullopt, [&](Document&& doc) {
      Status coded = document_coder.Code(doc, events);
      if (!coded.ok()) {
        std::fprintf(stderr, "parley eval events: %s: %s\n", doc.id.c_str(),
                     coded.message().c_str());
        ++failures;
      }
    }, summary);
    if (!read.ok()) {
      std::fprintf(stderr, "parley eval events: %s\n", read.ToString().c_str());
      return 1;
    }
  }
  eval::EventScores r = eval::ScoreEvents(*reference, events);
  if (o.json) {
    std::printf("{\"articles\":%zu,\"reference\":%zu,\"coded\":%zu,\"matched\":%zu,"
                "\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"exact_precision\":%.4f,"
                "\"exact_recall\":%.4f,\"exact_f1\":%.4f}\n",
                r.articles, r.reference, r.coded, r.matched_root, r.precision, r.recall, r.f1,
                r.exact_precision, r.exact_recall, r.exact_f1);
  } else {
    std::printf("%zu articles: %zu reference events, %zu coded\n", r.articles, r.reference,
                r.coded);
    std::printf("(source country, target country, CAMEO root): precision %.3f, recall %.3f, "
                "F1 %.3f\n",
                r.precision, r.recall, r.f1);
    std::printf("exact (source, target, code):               precision %.3f, recall %.3f, "
                "F1 %.3f\n",
                r.exact_precision, r.exact_recall, r.exact_f1);
  }
  return failures == 0 ? 0 : 1;
}

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

  auto* events = cmd->add_subcommand(
      "events", "Score coded events against hand-coded reference events (TSV), per article");
  auto e = std::make_shared<EventsEvalOptions>();
  events->add_option("reference", e->reference,
                     "Reference TSV: doc_id, sentence, source, target, code")->required();
  events->add_option("documents", e->documents, "Documents to code (any input format)")->required();
  events->add_option("--model", e->model, "Tagger/parser model for raw text");
  events->add_option("--verbs", e->dictionaries.verbs, "Verb dictionaries (default: Parley's own)");
  events->add_option("--actors", e->dictionaries.actors, "Actor dictionaries");
  events->add_option("--agents", e->dictionaries.agents, "Agent dictionaries");
  events->add_option("--discards", e->dictionaries.discards, "Discard lists");
  events->add_flag("--json", e->json, "Print one JSON object");
  return {cmd, [o, c, e, conllu, events] {
            if (conllu->parsed()) return RunEvalConllu(*c);
            if (events->parsed()) return RunEvalEvents(*e);
            return RunEvalPetrarch(*o);
          }};
}

}  // namespace parley::cli

#include "eval/petrarch_eval.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "coder/coder.h"
#include "io/conllu.h"
#include "io/event_writer.h"
#include "io/petrarch_xml.h"
#include "pipeline/analyze.h"
#include "pipeline/document_coder.h"

namespace parley::eval {
namespace {

// Finds a dictionary named in <Environment>: beside the XML file; else a
// versioned variant beside it ("PETR.Validate.verbs.2.0.txt" for
// "PETR.Validate.verbs.txt"); else the same name in a sibling folder, as the
// shared PETRARCH and UniversalPetrarch folders are laid out.
std::string FindDictionary(const std::string& xml_path, const std::string& name) {
  namespace fs = std::filesystem;
  if (name.empty()) return "";
  fs::path p(name);
  if (p.is_absolute()) return name;
  fs::path dir = fs::path(xml_path).parent_path();
  std::error_code ec;
  if (fs::exists(dir / p, ec)) return (dir / p).string();
  std::string stem = p.stem().string(), ext = p.extension().string();
  std::vector<fs::path> variants;
  for (const auto& entry : fs::directory_iterator(dir.empty() ? "." : dir, ec)) {
    std::string f = entry.path().filename().string();
    if (f.size() > stem.size() + ext.size() && f.rfind(stem + ".", 0) == 0 &&
        f.ends_with(ext))
      variants.push_back(entry.path());
  }
  std::sort(variants.begin(), variants.end());
  if (!variants.empty()) return variants.back().string();
  fs::path parent = fs::absolute(dir, ec).parent_path();
  std::vector<fs::path> siblings;
  for (const auto& entry : fs::directory_iterator(parent, ec))
    if (entry.is_directory(ec) && fs::exists(entry.path() / p, ec))
      siblings.push_back(entry.path() / p);
  std::sort(siblings.begin(), siblings.end());
  if (!siblings.empty()) return siblings.front().string();
  return (dir / p).string();  // let the loader report it missing
}

std::string TripleText(const Triple& t) {
  return fmt::format("{}-{}-{}", std::get<0>(t), std::get<1>(t), std::get<2>(t));
}

void AppendJsonString(std::string& out, const std::string& s) { io::AppendJsonString(s, out); }

}  // namespace

Result<PetrarchEvalReport> EvaluatePetrarch(const std::string& path,
                                            const PetrarchEvalOptions& options) {
  auto start = std::chrono::steady_clock::now();
  auto file = io::ReadPetrarchXml(path);
  if (!file.ok()) return file.status();
  const auto& env = file->environment;

  lexicon::LexiconPaths paths;
  auto pick = [&](const std::string& override_path, const std::string& env_name,
                  std::vector<std::string>& into) {
    std::string p = !override_path.empty() ? override_path : FindDictionary(path, env_name);
    if (!p.empty()) into.push_back(p);
  };
  pick(options.verbs, env.verbfile, paths.verbs);
  pick(options.actors, env.actorfile, paths.actors);
  pick(options.agents, env.agentfile, paths.agents);
  pick(options.discards, env.discardfile, paths.discards);
  if (paths.verbs.empty() || paths.actors.empty())
    return Status::InvalidArgument(path + ": <Environment> names no verb or actor dictionary; "
                                          "give --verbs and --actors");
  auto lexicon = lexicon::Lexicon::Load(paths);
  if (!lexicon.ok()) return lexicon.status();

  PetrarchEvalReport report;
  report.file = path;
  for (const auto& record : file->records) {
    if (!options.only_ids.empty() &&
        std::find(options.only_ids.begin(), options.only_ids.end(), record.doc.id) ==
            options.only_ids.end())
      continue;
    RecordOutcome outcome;
    outcome.conllu = io::WriteConllu(record.doc);
    outcome.id = record.doc.id;
    outcome.category = record.category;
    outcome.text = record.doc.text;
    for (const auto& e : record.expected) {
      if (e.source.empty() && e.target.empty() && e.code.empty()) continue;
      outcome.expected.emplace_back(e.source, e.target, e.code);
    }
    coder::CoderOptions coder_options;
    for (const auto& [option, value] : record.config) coder_options.Apply(option, value);
    const coder::Coder coder(lexicon.value(), coder_options);
    const Document* to_code = &record.doc;
    Document own;
    if (options.own_parser != nullptr) {
      own.id = record.doc.id;
      own.date = record.doc.date;
      own.text = record.doc.text;
      Status analyzed = pipeline::AnalyzeForCoding(own, *options.own_parser, pipeline::CodingGuide(coder, false));
      if (!analyzed.ok()) outcome.skipped_reason = analyzed.message();
      to_code = &own;
      outcome.conllu = io::WriteConllu(own);
    } else if (!record.parse_error.empty()) {
      outcome.skipped_reason = record.parse_error;
    } else if (!record.has_parse) {
      outcome.skipped_reason = "no <Parse>";
    }
    if (outcome.skipped_reason.empty()) {
      std::vector<Event> events;
      coder.CodeDocument(*to_code, events);
      for (const Event& e : events)
        outcome.coded.emplace_back(e.source.code, e.target.code, e.event.code);
    }
    std::set<Triple> want(outcome.expected.begin(), outcome.expected.end());
    std::set<Triple> got(outcome.coded.begin(), outcome.coded.end());
    outcome.exact = want == got;
    size_t tp = 0;
    for (const auto& t : got) tp += want.count(t);
    report.true_positives += tp;
    report.false_positives += got.size() - tp;
    report.false_negatives += want.size() - tp;
    report.exact += outcome.exact ? 1 : 0;
    report.outcomes.push_back(std::move(outcome));
  }
  report.records = report.outcomes.size();
  double tp = static_cast<double>(report.true_positives);
  report.precision = tp + report.false_positives > 0 ? tp / (tp + report.false_positives) : 0;
  report.recall = tp + report.false_negatives > 0 ? tp / (tp + report.false_negatives) : 0;
  report.f1 = report.precision + report.recall > 0
                  ? 2 * report.precision * report.recall / (report.precision + report.recall)
                  : 0;
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

namespace {

struct CategoryCount {
  size_t records = 0;
  size_t exact = 0;
};

std::map<std::string, CategoryCount> ByCategory(const PetrarchEvalReport& r) {
  std::map<std::string, CategoryCount> by;
  for (const auto& o : r.outcomes) {
    auto& c = by[o.category.empty() ? "(none)" : o.category];
    ++c.records;
    c.exact += o.exact ? 1 : 0;
  }
  return by;
}

std::string JoinTriples(const std::vector<Triple>& ts) {
  if (ts.empty()) return "(none)";
  std::string s;
  for (const auto& t : ts) {
    if (!s.empty()) s += ' ';
    s += TripleText(t);
  }
  return s;
}

}  // namespace

std::string FormatReport(const PetrarchEvalReport& r, bool show_failures, bool show_trees) {
  std::string out;
  double rate = r.records ? 100.0 * r.exact / r.records : 0;
  out += fmt::format("{}: {} records, {} exact ({:.1f}%)\n", r.file, r.records, r.exact, rate);
  out += fmt::format("events: precision {:.3f}, recall {:.3f}, F1 {:.3f} (tp {}, fp {}, fn {})\n",
                     r.precision, r.recall, r.f1, r.true_positives, r.false_positives,
                     r.false_negatives);
  out += "by category:\n";
  for (const auto& [name, c] : ByCategory(r))
    out += fmt::format("  {:<12} {:>4} / {:<4} exact\n", name, c.exact, c.records);
  if (show_failures) {
    std::map<std::string, std::vector<const RecordOutcome*>> failures;
    for (const auto& o : r.outcomes)
      if (!o.exact) failures[o.category].push_back(&o);
    for (const auto& [name, list] : failures) {
      out += fmt::format("failures in {} ({}):\n", name.empty() ? "(none)" : name, list.size());
      for (const auto* o : list) {
        out += fmt::format("  {}: {}\n", o->id, o->text);
        out += fmt::format("      expected {}\n      coded    {}\n", JoinTriples(o->expected),
                           o->skipped_reason.empty() ? JoinTriples(o->coded)
                                                     : "skipped: " + o->skipped_reason);
        if (show_trees) out += o->conllu;
      }
    }
  }
  out += fmt::format("time: {:.3f} s\n", r.seconds);
  return out;
}

std::string ReportJson(const PetrarchEvalReport& r) {
  std::string out = "{\"file\":";
  AppendJsonString(out, r.file);
  out += fmt::format(
      ",\"records\":{},\"exact\":{},\"exact_rate\":{:.4f},\"precision\":{:.4f},\"recall\":{:.4f},"
      "\"f1\":{:.4f},\"tp\":{},\"fp\":{},\"fn\":{},\"seconds\":{:.3f},\"by_category\":{{",
      r.records, r.exact, r.records ? static_cast<double>(r.exact) / r.records : 0.0, r.precision,
      r.recall, r.f1, r.true_positives, r.false_positives, r.false_negatives, r.seconds);
  bool first = true;
  for (const auto& [name, c] : ByCategory(r)) {
    if (!first) out += ',';
    first = false;
    AppendJsonString(out, name);
    out += fmt::format(":{{\"records\":{},\"exact\":{}}}", c.records, c.exact);
  }
  out += "},\"failures\":[";
  first = true;
  for (const auto& o : r.outcomes) {
    if (o.exact) continue;
    if (!first) out += ',';
    first = false;
    out += "{\"id\":";
    AppendJsonString(out, o.id);
    out += ",\"category\":";
    AppendJsonString(out, o.category);
    out += ",\"expected\":[";
    for (size_t i = 0; i < o.expected.size(); ++i) {
      if (i) out += ',';
      AppendJsonString(out, TripleText(o.expected[i]));
    }
    out += "],\"coded\":[";
    for (size_t i = 0; i < o.coded.size(); ++i) {
      if (i) out += ',';
      AppendJsonString(out, TripleText(o.coded[i]));
    }
    out += "]}";
  }
  out += "]}";
  return out;
}

}  // namespace parley::eval

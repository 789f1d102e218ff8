#include "eval/event_eval.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace parley::eval {
namespace {

using Key = std::tuple<std::string, std::string, std::string>;

std::string Country(const std::string& code) { return code.substr(0, 3); }
std::string Root(const std::string& code) { return code.substr(0, 2); }

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, '\t')) fields.push_back(field);
  return fields;
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

Result<std::vector<ReferenceEvent>> ReadReferenceTsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  std::vector<ReferenceEvent> events;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || line.rfind("doc_id", 0) == 0) continue;
    auto f = SplitTabs(line);
    if (f.size() < 5)
      return Status::ParseError(path + ":" + std::to_string(number) +
                                ": expected doc_id, sentence, source, target, code separated "
                                "by tabs, got " + std::to_string(f.size()) + " fields");
    ReferenceEvent e;
    e.doc_id = f[0];
    try {
      e.sentence = std::stoi(f[1]);
    } catch (...) {
      return Status::ParseError(path + ":" + std::to_string(number) + ": sentence '" + f[1] +
                                "' is not a number");
    }
    e.source = f[2];
    e.target = f[3];
    e.code = f[4];
    events.push_back(std::move(e));
  }
  return events;
}

EventScores ScoreEvents(const std::vector<ReferenceEvent>& reference,
                        const std::vector<Event>& coded) {
  std::map<std::string, std::set<Key>> want_root, want_exact, got_root, got_exact;
  for (const auto& e : reference) {
    want_root[e.doc_id].emplace(Country(e.source), Country(e.target), Root(e.code));
    want_exact[e.doc_id].emplace(e.source, e.target, e.code);
  }
  for (const auto& e : coded) {
    if (e.sentence < 0 || !want_root.count(e.doc_id)) continue;
    got_root[e.doc_id].emplace(Country(e.source.code), Country(e.target.code), Root(e.event.code));
    got_exact[e.doc_id].emplace(e.source.code, e.target.code, e.event.code);
  }
  EventScores s;
  s.articles = want_root.size();
  size_t got_root_total = 0, want_exact_total = 0, got_exact_total = 0;
  for (const auto& [doc, want] : want_root) {
    s.reference += want.size();
    const auto& got = got_root[doc];
    got_root_total += got.size();
    for (const auto& k : got) s.matched_root += want.count(k);
    const auto& we = want_exact[doc];
    const auto& ge = got_exact[doc];
    want_exact_total += we.size();
    got_exact_total += ge.size();
    for (const auto& k : ge) s.matched_exact += we.count(k);
  }
  s.coded = got_root_total;
  s.precision = got_root_total ? static_cast<double>(s.matched_root) / got_root_total : 0;
  s.recall = s.reference ? static_cast<double>(s.matched_root) / s.reference : 0;
  s.f1 = F1(s.precision, s.recall);
  s.exact_precision = got_exact_total ? static_cast<double>(s.matched_exact) / got_exact_total : 0;
  s.exact_recall = want_exact_total ? static_cast<double>(s.matched_exact) / want_exact_total : 0;
  s.exact_f1 = F1(s.exact_precision, s.exact_recall);
  return s;
}

}  // namespace parley::eval

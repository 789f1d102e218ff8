// JSON and text output of the negotiation tracker (negotiations.h).
#include <fmt/format.h>

#include "io/event_writer.h"
#include "tracker/negotiations.h"

namespace parley::tracker {
namespace {

void Key(std::string_view key, std::string& out) {
  io::AppendJsonString(key, out);
  out += ':';
}

void StringField(std::string_view key, std::string_view value, std::string& out) {
  Key(key, out);
  io::AppendJsonString(value, out);
}

void DateField(std::string_view key, const Date& date, std::string& out) {
  Key(key, out);
  if (date.known()) {
    io::AppendJsonString(date.ToIso(), out);
  } else {
    out += "null";
  }
}

void AppendParties(std::string_view key, const std::vector<Party>& parties, std::string& out) {
  Key(key, out);
  out += '[';
  for (size_t i = 0; i < parties.size(); ++i) {
    if (i > 0) out += ',';
    out += '{';
    StringField("code", parties[i].code, out);
    out += ',';
    StringField("name", parties[i].name, out);
    out += '}';
  }
  out += ']';
}

void AppendEvidence(const Evidence& e, std::string& out) {
  Key("evidence", out);
  out += '{';
  StringField("doc_id", e.doc_id, out);
  out += fmt::format(",\"sentence\":{},", e.sentence);
  StringField("text", e.text, out);
  out += ',';
  StringField("words", e.words, out);
  out += ',';
  StringField("event_code", e.event_code, out);
  out += ',';
  StringField("source", e.source, out);
  out += ',';
  StringField("target", e.target, out);
  out += '}';
}

void AppendStep(const Step& s, std::string& out) {
  out += '{';
  DateField("date", s.date, out);
  out += ',';
  StringField("kind", StepKindName(s.kind), out);
  out += ',';
  StringField("outcome", s.outcome, out);
  out += ',';
  Key("actors", out);
  out += '[';
  for (size_t i = 0; i < s.actors.size(); ++i) {
    if (i > 0) out += ',';
    io::AppendJsonString(s.actors[i], out);
  }
  out += "],";
  StringField("place", s.place, out);
  out += s.background ? ",\"background\":true," : ",\"background\":false,";
  AppendEvidence(s.evidence, out);
  out += '}';
}

void AppendTerm(const Term& t, std::string& out) {
  out += '{';
  StringField("kind", t.kind, out);
  out += ',';
  StringField("text", t.text, out);
  out += fmt::format(",\"number\":{},", t.number);
  StringField("unit", t.unit, out);
  out += ',';
  StringField("stated_by", t.stated_by, out);
  out += ',';
  StringField("doc_id", t.doc_id, out);
  out += fmt::format(",\"sentence\":{}}}", t.sentence);
}

void AppendFront(const Front& f, std::string& out) {
  out += '{';
  StringField("id", f.id, out);
  out += fmt::format(",\"between_parties\":{},\"verbal_conflict\":{},\"material_conflict\":{},",
                     f.between_parties ? "true" : "false", f.verbal_conflict, f.material_conflict);
  Key("events", out);
  out += '[';
  for (size_t i = 0; i < f.events.size(); ++i) {
    const ConflictEvent& c = f.events[i];
    if (i > 0) out += ',';
    out += '{';
    DateField("date", c.date, out);
    out += ',';
    StringField("source", c.source, out);
    out += ',';
    StringField("target", c.target, out);
    out += fmt::format(",\"quad_class\":{},\"goldstein\":{},", c.quad_class,
                       io::FormatGoldstein(c.goldstein));
    AppendEvidence(c.evidence, out);
    out += '}';
  }
  out += "]}";
}

void AppendHead(const Negotiation& n, std::string& out) {
  StringField("id", n.id, out);
  out += ',';
  AppendParties("parties", n.parties, out);
  out += ',';
  AppendParties("mediators", n.mediators, out);
  out += ',';
  StringField("state", StateName(n.state), out);
  out += ',';
  DateField("first_date", n.first_date, out);
  out += ',';
  DateField("last_date", n.last_date, out);
}

template <typename T, typename F>
void AppendList(std::string_view key, const std::vector<T>& items, F&& append, std::string& out) {
  Key(key, out);
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append(items[i], out);
  }
  out += ']';
}

}  // namespace

void AppendNegotiationJson(const Negotiation& n, std::string& out) {
  out += '{';
  AppendHead(n, out);
  out += ',';
  AppendList("timeline", n.timeline, AppendStep, out);
  out += ',';
  AppendList("terms", n.terms, AppendTerm, out);
  out += ',';
  AppendList("escalation", n.escalation, AppendFront, out);
  out += '}';
}

void AppendNegotiationSummaryJson(const Negotiation& n, std::string& out) {
  out += '{';
  AppendHead(n, out);
  out += fmt::format(",\"steps\":{}}}", n.timeline.size());
}

std::string FormatNegotiationText(const Negotiation& n) {
  auto names = [](const std::vector<Party>& parties) {
    std::string s;
    for (const Party& p : parties) {
      if (!s.empty()) s += ", ";
      s += fmt::format("{} ({})", p.name, p.code);
    }
    return s.empty() ? std::string("none found") : s;
  };
  std::string out = fmt::format("Negotiation {}: {}\n", n.id, names(n.parties));
  out += fmt::format("  mediators: {}\n", names(n.mediators));
  out += fmt::format("  state: {}   ({} .. {}, {} steps)\n", StateName(n.state),
                     n.first_date.known() ? n.first_date.ToIso() : "?",
                     n.last_date.known() ? n.last_date.ToIso() : "?", n.timeline.size());
  out += "  timeline:\n";
  for (const Step& s : n.timeline) {
    std::string actors;
    for (const std::string& a : s.actors) actors += (actors.empty() ? "" : ",") + a;
    std::string kind = StepKindName(s.kind);
    if (!s.outcome.empty()) kind += "/" + s.outcome;
    out += fmt::format("    {}  {:<34} {:<16}{}{}  [{}#{} {} \"{}\"]\n",
                       s.date.known() ? s.date.ToIso() : "(no date)  ", kind, actors,
                       s.place.empty() ? "" : " in " + s.place, s.background ? " (background)" : "",
                       s.evidence.doc_id, s.evidence.sentence, s.evidence.event_code, s.evidence.words);
  }
  if (!n.terms.empty()) {
    out += "  terms:\n";
    for (const Term& t : n.terms)
      out += fmt::format("    {:<10} {}{}\n", t.kind, t.text,
                         t.stated_by.empty() ? "" : " (" + t.stated_by + ")");
  }
  if (!n.escalation.empty()) {
    out += "  escalation:\n";
    for (const Front& f : n.escalation)
      out += fmt::format("    {:<10} {} verbal, {} material conflict{}\n", f.id, f.verbal_conflict,
                         f.material_conflict, f.between_parties ? " (between the parties)" : "");
  }
  return out;
}

}  // namespace parley::tracker

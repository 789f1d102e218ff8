#include "server/negotiation_refresh.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "pipeline/analyze.h"
#include "pipeline/document_coder.h"
#include "tracker/negotiations.h"

namespace parley::server {
namespace {

bool IsNegotiationRoot(const std::string& root) {
  static const std::set<std::string> kRoots = {"02", "03", "04", "05", "08", "10", "12"};
  return kRoots.count(root) > 0;
}

// A document made of the sentences its stored events came from, in order, so
// the tracker can quote them. Not parsed: no tokens.
Document FromEventSentences(const std::string& id, const std::vector<const store::StoredEvent*>& events) {
  Document doc;
  doc.id = id;
  std::map<int32_t, const std::string*> sentences;  // by index; -1 = title
  for (const store::StoredEvent* e : events) {
    sentences.emplace(e->event.sentence, &e->sentence_text);
    if (!doc.date.known()) doc.date = e->event.date;
  }
  for (const auto& [index, text] : sentences) {
    Sentence s;
    s.index = index;
    if (index < 0) {
      s.field = TextField::kTitle;
      doc.title = *text;
      s.end = static_cast<uint32_t>(text->size());
    } else {
      if (!doc.text.empty()) doc.text += ' ';
      s.begin = static_cast<uint32_t>(doc.text.size());
      doc.text += *text;
      s.end = static_cast<uint32_t>(doc.text.size());
    }
    doc.sentences.push_back(s);
  }
  return doc;
}

}  // namespace

Result<size_t> NegotiationRefresher::Refresh() {
  std::lock_guard lock(mu_);
  auto page = store_.Events(store::EventFilter{}, /*limit=*/0);
  if (!page.ok()) return page.status();

  std::map<std::string, std::vector<const store::StoredEvent*>> by_doc;
  std::vector<std::string> to_parse;
  for (const store::StoredEvent& e : page->events) {
    auto& list = by_doc[e.event.doc_id];
    list.push_back(&e);
    if (IsNegotiationRoot(e.event.meta.root_code) &&
        (to_parse.empty() || to_parse.back() != e.event.doc_id))
      to_parse.push_back(e.event.doc_id);
  }
  std::sort(to_parse.begin(), to_parse.end());
  to_parse.erase(std::unique(to_parse.begin(), to_parse.end()), to_parse.end());

  auto docs = store_.Documents(to_parse);
  if (!docs.ok()) return docs.status();
  for (Document& doc : *docs) {
    // As DocumentCoder reads it, the coder's names guiding the tagger.
    Status parsed = pipeline::AnalyzeForCoding(doc, model_, pipeline::CodingGuide(coder_, false));
    if (!parsed.ok()) return Status(parsed.code(), fmt::format("document {}: {}", doc.id, parsed.message()));
    by_doc.erase(doc.id);
  }
  for (const auto& [id, events] : by_doc) docs->push_back(FromEventSentences(id, events));

  std::vector<Event> events;
  events.reserve(page->events.size());
  for (store::StoredEvent& e : page->events) events.push_back(std::move(e.event));
  tracker::TrackerOptions options;
  options.lexicon = &coder_.lexicon();
  std::vector<tracker::Negotiation> found = tracker::TrackNegotiations(*docs, events, options);

  std::vector<store::StoredNegotiation> stored;
  for (const tracker::Negotiation& n : found) {
    store::StoredNegotiation s{n.id, ""};
    tracker::AppendNegotiationJson(n, s.json);
    stored.push_back(std::move(s));
  }
  Status replaced = store_.ReplaceNegotiations(stored);
  if (!replaced.ok()) return replaced;
  return stored.size();
}

Result<std::string> NegotiationSummaryJson(const std::string& json) {
  namespace dom = simdjson::dom;
  dom::parser parser;
  dom::object n;
  if (parser.parse(json).get_object().get(n)) return Status::ParseError("stored negotiation is not a JSON object");
  std::string out = "{";
  for (const char* key : {"id", "parties", "mediators", "state", "first_date", "last_date"}) {
    dom::element value;
    if (n[key].get(value)) return Status::ParseError(fmt::format("stored negotiation has no \"{}\"", key));
    out += fmt::format("\"{}\":{},", key, simdjson::minify(value));
  }
  dom::array timeline;
  if (n["timeline"].get_array().get(timeline))
    return Status::ParseError("stored negotiation has no \"timeline\" array");
  out += fmt::format("\"steps\":{}}}", timeline.size());
  return out;
}

}  // namespace parley::server

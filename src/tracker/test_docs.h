// Hand-built documents and events for the tracker's unit tests: sentences
// split on spaces into tokens (no tags, no trees), events naming their
// sentence, codes and verb words.
#ifndef PARLEY_TRACKER_TEST_DOCS_H_
#define PARLEY_TRACKER_TEST_DOCS_H_

#include <string>
#include <vector>

#include "enrich/cameo_tables.h"
#include "parley/document.h"
#include "parley/event.h"

namespace parley::tracker::testing {

// A document whose body is `sentences`, each a space-separated word list
// ("Hamas accepted the proposal in principle ."); sentence i has index i.
inline Document MakeDocument(const std::string& id, const std::string& date,
                             const std::vector<std::string>& sentences) {
  Document doc;
  doc.id = id;
  doc.date = Date::Parse(date).value();
  for (size_t i = 0; i < sentences.size(); ++i) {
    Sentence s;
    s.index = static_cast<int32_t>(i);
    s.first_token = static_cast<uint32_t>(doc.tokens.size());
    if (!doc.text.empty()) doc.text += ' ';
    s.begin = static_cast<uint32_t>(doc.text.size());
    const std::string& text = sentences[i];
    size_t at = 0;
    while (at < text.size()) {
      size_t sp = text.find(' ', at);
      if (sp == std::string::npos) sp = text.size();
      if (sp > at) {
        Token t;
        t.form = text.substr(at, sp - at);
        t.begin = static_cast<uint32_t>(s.begin + at);
        t.end = static_cast<uint32_t>(s.begin + sp);
        doc.tokens.push_back(std::move(t));
      }
      at = sp + 1;
    }
    doc.text += text;
    s.end = static_cast<uint32_t>(doc.text.size());
    s.token_count = static_cast<uint32_t>(doc.tokens.size()) - s.first_token;
    doc.sentences.push_back(s);
  }
  return doc;
}

// An enriched event of sentence `sentence` of `doc`: `source` does `code`
// to `target`, the verb being words [verb_first, verb_last] of the sentence.
// The actors' words are `source_text` and `target_text` (default: the codes).
inline Event MakeEvent(const Document& doc, int sentence, const std::string& source,
                       const std::string& code, const std::string& target, int verb_first,
                       int verb_last, const std::string& source_text = "",
                       const std::string& target_text = "") {
  Event e;
  e.doc_id = doc.id;
  e.sentence = sentence;
  e.date = doc.date;
  e.source.code = source;
  e.source.text = source_text.empty() ? source : source_text;
  e.target.code = target;
  e.target.text = target_text.empty() ? target : target_text;
  e.event.code = code;
  e.event.first_token = verb_first;
  e.event.last_token = verb_last;
  const Sentence& s = doc.sentences[sentence];
  for (int i = verb_first; i <= verb_last && i >= 0; ++i) {
    if (!e.event.text.empty()) e.event.text += ' ';
    e.event.text += doc.tokens[s.first_token + i].form;
  }
  enrich::AddCameoMetadata(e);
  e.meta.event_date = doc.date;
  return e;
}

}  // namespace parley::tracker::testing

#endif  // PARLEY_TRACKER_TEST_DOCS_H_

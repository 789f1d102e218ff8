#include "enrich/enricher.h"

#include <optional>
#include <string>
#include <vector>

#include "enrich/cameo_tables.h"
#include "enrich/dates.h"
#include "enrich/places.h"

namespace parley::enrich {

void EnrichEvents(const Document& doc, std::span<Event> events) {
  std::optional<std::vector<std::string>> document_countries;  // found on first need
  for (Event& e : events) {
    AddCameoMetadata(e);
    const Sentence* sentence = nullptr;
    for (const Sentence& s : doc.sentences)
      if (s.index == e.sentence && (s.id.empty() || e.sentence_id.empty() || s.id == e.sentence_id)) {
        sentence = &s;
        break;
      }
    if (sentence == nullptr || e.event.first_token < 0) {
      e.meta.event_date = doc.date;
      e.meta.date_precision = DatePrecision::kDocument;
      e.meta.date_text.clear();
      e.meta.location = Place{};
      continue;
    }
    ResolvedDate date = ResolveEventDate(doc, *sentence, e.event.first_token, doc.date);
    e.meta.event_date = date.date;
    e.meta.date_precision = date.precision;
    e.meta.date_text = std::move(date.text);
    if (!document_countries) document_countries = DocumentCountries(doc);
    e.meta.location = ResolveEventPlace(doc, *sentence, e, *document_countries);
  }
}

}  // namespace parley::enrich

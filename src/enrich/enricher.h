// The enrichment stage: turns coded triples into event records — CAMEO and
// PLOVER metadata, GDELT-style actor fields, and the event's own date.
// Stateless; thread-safe.
#ifndef PARLEY_ENRICH_ENRICHER_H_
#define PARLEY_ENRICH_ENRICHER_H_

#include <span>

#include "parley/document.h"
#include "parley/event.h"

namespace parley::enrich {

// Fills Event::meta of each event, which must come from `doc` (its sentence
// index and verb tokens are read from there).
void EnrichEvents(const Document& doc, std::span<Event> events);

}  // namespace parley::enrich

#endif  // PARLEY_ENRICH_ENRICHER_H_

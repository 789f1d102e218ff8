// Event locations: the place an event happened, from the place names of its
// sentence, resolved against the gazetteer (gazetteer.h).
//
// Place names are proper-noun phrases found in the gazetteer ("Khan Younis",
// "the Gaza Strip", "Kharkiv region"); a directional word before a place
// ("southern Lebanon", "northern Gaza") selects the curated region of that
// name when there is one, else the place itself with the words kept in
// Place::text. Ambiguous names are resolved by country: a candidate in the
// country of the event's source/target actor (meta.source/target.country,
// filled before) wins, then one in a country named elsewhere in the document
// (country names and unambiguous places), then the most important (a curated
// area or a country, then population; a capital counts triple). An actor's
// country does not make a town win over a namesake city six times its size
// (Geneva, Illinois for a U.S. envoy in Geneva).
//
// Which place is the event's: one attached to the event verb's clause by a
// locative preposition ("in/at/near/on/across/into X"), then any other place
// in the verb's clause ("struck Khan Younis" when the words are not an actor),
// then other places of the sentence, the nearest to the verb first; places
// inside the target actor's words ("Israel struck Gaza" with Gaza coded as
// the target), then the source's, come last. A *country* named in an actor's
// words ("Israel" in "Israel struck targets") is never the location: it
// names who acted, and the actor's country is already in meta.source/target.
// So a sentence whose only place names are its actors' countries has no
// location (unknown), as has a sentence that names no place.
// Stateless; thread-safe (the gazetteer is built once, on first use).
#ifndef PARLEY_ENRICH_PLACES_H_
#define PARLEY_ENRICH_PLACES_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "enrich/gazetteer.h"
#include "parley/document.h"
#include "parley/event.h"

namespace parley::enrich {

// Chooses the location of `event`, whose tokens are 0-based within
// `sentence`; unknown (Place{}) when the sentence names no usable place.
// REQUIRES: `sentence` belongs to `doc`.
Place ResolveEventPlace(const Document& doc, const Sentence& sentence, const Event& event);
// The same with the document's countries (DocumentCountries) computed once
// by the caller, for documents with many events.
Place ResolveEventPlace(const Document& doc, const Sentence& sentence, const Event& event,
                        std::span<const std::string> document_countries);

// The countries a document names, in order of first mention: country names
// and places of one country; the context for ambiguous place names.
std::vector<std::string> DocumentCountries(const Document& doc);

// Lower level, for tests and other stages.

// A place name in a sentence.
struct PlaceMention {
  int begin = 0, end = 0;  // token range [begin, end) within the sentence, modifier included
  bool directional = false;  // begins with a direction word the gazetteer did not take
  std::vector<const GazetteerEntry*> candidates;  // never empty
};

// The place names of a sentence's tokens, left to right, longest first.
std::vector<PlaceMention> FindPlaceMentions(std::span<const Token> tokens,
                                            const Gazetteer& gazetteer);

// The best candidate for `candidates` given context countries (ISO alpha-3):
// the actors' first, then the document's. REQUIRES: !candidates.empty().
const GazetteerEntry* ChoosePlace(std::span<const GazetteerEntry* const> candidates,
                                  std::span<const std::string> actor_countries,
                                  std::span<const std::string> document_countries);

}  // namespace parley::enrich

#endif  // PARLEY_ENRICH_PLACES_H_

// A coded event: who did what to whom, with the words it came from.
// Plain value type; thread-compatible.
#ifndef PARLEY_EVENT_H_
#define PARLEY_EVENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parley/date.h"

namespace parley {

// A span of the sentence that produced a code: its words and token range.
struct CodedSpan {
  std::string code;          // CAMEO actor code ("ISRGOV") or event code ("064"); "" = none
  std::string text;          // the words, as written
  int32_t first_token = -1;  // 0-based within the sentence; -1 when not tied to tokens
  int32_t last_token = -1;   // inclusive
};

// How precisely an event's date is known.
enum class DatePrecision : uint8_t {
  kDocument,  // no date words in the clause: the document date
  kDay,       // "on Thursday", "July 4th", "yesterday"
  kWeek,      // "last week"
  kMonth,     // "earlier this month", "in March"
  kYear,      // "last year", "in 2023"
};

// An actor code split the way GDELT splits Actor1Code / Actor2Code.
struct ActorFields {
  std::string country;  // "ISR"; "" when the code has none (IGOs, "---")
  std::string sectors;  // the rest, in 3-letter groups: "GOVMIL"
  std::string known_group;  // IGO/NGO/armed-group part when present, e.g. "UNO"
  std::string name;     // the words, as written
};

// Where an event happened, from the gazetteer.
struct Place {
  std::string name;          // gazetteer name ("Khan Younis")
  std::string text;          // the words in the sentence ("southern Lebanon")
  std::string country;       // CAMEO/ISO 3166 alpha-3 country code
  std::string adm1;          // first-level region name; "" when unknown
  std::string feature_type;  // "city", "region", "country", ...
  std::string precision;     // how precise: "city", "region", "country"
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  bool known() const { return !name.empty(); }
};

// Enrichment of an event (src/enrich/): CAMEO and PLOVER metadata, the
// resolved date. Filled by enrich::Enrich; empty/zero before it runs.
struct EventMetadata {
  std::string root_code;     // "19"
  std::string label;         // CAMEO label of the event code
  int quad_class = 0;        // 1 verbal cooperation, 2 material cooperation,
                             // 3 verbal conflict, 4 material conflict; 0 unknown
  double goldstein = 0;      // Goldstein conflict-cooperation weight (-10 .. +10)
  bool has_goldstein = false;
  std::string plover_type;   // PLOVER event type, e.g. "ASSAULT"
  std::string plover_mode;   // PLOVER mode, e.g. "aerial"; "" when none
  std::string plover_context;  // PLOVER context, e.g. "military"; "" when none
  ActorFields source, target;
  Date event_date;           // resolved date (the document date when none is stated)
  DatePrecision date_precision = DatePrecision::kDocument;
  std::string date_text;     // the words that gave the date ("on Thursday"); "" = none
  Place location;            // where it happened; unknown when the text names no place
  // Set when the document's headline names an actor the body never mentions.
  bool headline_mismatch = false;
  // After de-duplication across documents: how often the event was reported.
  int num_mentions = 1, num_sources = 1, num_articles = 1;
  std::vector<std::string> documents;  // ids of the supporting documents (empty = just doc_id)
};

struct Event {
  std::string doc_id;
  std::string sentence_id;  // record id where the input has one
  int32_t sentence = 0;     // 0-based body sentence index; -1 for the title
  Date date;                // sentence/document date
  CodedSpan source;
  CodedSpan target;
  CodedSpan event;          // code: CAMEO event code; text: the verb phrase
  std::string pattern;      // the dictionary pattern that matched, "file:line", for audits
  std::vector<std::string> issues;  // issue codes found in the sentence
  EventMetadata meta;       // filled by the enrichment stage
};

}  // namespace parley

#endif  // PARLEY_EVENT_H_

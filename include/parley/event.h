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
};

}  // namespace parley

#endif  // PARLEY_EVENT_H_

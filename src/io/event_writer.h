// Writes coded events as JSON Lines, one object per event:
//   {"doc_id":"a1","sentence":0,"sentence_id":"DEMO-01","date":"1995-01-01",
//    "source":{"code":"ARN","text":"Arnor","tokens":[0,0]},
//    "target":{...},"event":{"code":"064","text":"restore"},
//    "pattern":"verbs.txt:120","issues":["PEACE"],
//    "root":"06","label":"...","quad_class":2,"goldstein":7,
//    "plover":{"type":"","mode":"","context":""},"event_date":"1995-01-01",
//    "date_precision":"document","date_text":""}
// "source" and "target" also carry the enrichment's "country", "sectors" and
// "known_group"; "quad_class", "goldstein" and "event_date" are null when
// unknown (docs/events.md, docs/event.schema.json). "sentence" is the
// 0-based body sentence (-1 = title); "sentence_id" appears only when set;
// "date" is null when unknown; "tokens" (first, last; 0-based in the
// sentence) only when the span is tied to tokens. Strings are escaped per
// RFC 8259; invalid UTF-8 becomes U+FFFD so the output is always valid JSON.
// Stateless; thread-safe.
#ifndef PARLEY_IO_EVENT_WRITER_H_
#define PARLEY_IO_EVENT_WRITER_H_

#include <string>
#include <string_view>

#include "parley/event.h"

namespace parley::io {

// Appends one JSON object and a newline.
void AppendEventJson(const Event& event, std::string& out);

// Appends `text` as a quoted JSON string.
void AppendJsonString(std::string_view text, std::string& out);

// "document", "day", "week", "month" or "year".
const char* DatePrecisionName(DatePrecision precision);

// A Goldstein weight as the shortest decimal that reads back exactly: "-10",
// "3.4". REQUIRES: std::isfinite(value).
std::string FormatGoldstein(double value);

}  // namespace parley::io

#endif  // PARLEY_IO_EVENT_WRITER_H_

#include "io/event_writer.h"

#include <cmath>

#include <fmt/format.h>

#include "io/io_util.h"

namespace parley::io {
namespace {

// `,"key":"value"` (no comma when `first`).
void AppendStringField(std::string_view key, std::string_view value, std::string& out,
                       bool first = false) {
  if (!first) out += ',';
  out += '"';
  out += key;
  out += "\":";
  AppendJsonString(value, out);
}

// `actor`: the enrichment's split of an actor code, written after the span's
// own keys; null for the event span.
void AppendSpan(std::string_view key, const CodedSpan& span, const ActorFields* actor,
                std::string& out) {
  out += '"';
  out += key;
  out += "\":{\"code\":";
  AppendJsonString(span.code, out);
  out += ",\"text\":";
  AppendJsonString(span.text, out);
  if (span.first_token >= 0 && span.last_token >= span.first_token)
    out += fmt::format(",\"tokens\":[{},{}]", span.first_token, span.last_token);
  if (actor != nullptr) {
    AppendStringField("country", actor->country, out);
    AppendStringField("sectors", actor->sectors, out);
    AppendStringField("known_group", actor->known_group, out);
  }
  out += '}';
}

void AppendDateOrNull(const Date& date, std::string& out) {
  if (date.known()) {
    AppendJsonString(date.ToIso(), out);
  } else {
    out += "null";
  }
}

}  // namespace

void AppendJsonString(std::string_view text, std::string& out) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      size_t len = Utf8SequenceLength(text, i);
      if (len == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not valid UTF-8
        ++i;
      } else {
        out.append(text.substr(i, len));
        i += len;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (u < 0x20) {
          out += fmt::format("\\u{:04x}", u);
        } else {
          out += c;
        }
    }
    ++i;
  }
  out += '"';
}

void AppendEventJson(const Event& event, std::string& out) {
  out += "{\"doc_id\":";
  AppendJsonString(event.doc_id, out);
  out += fmt::format(",\"sentence\":{}", event.sentence);
  if (!event.sentence_id.empty()) {
    out += ",\"sentence_id\":";
    AppendJsonString(event.sentence_id, out);
  }
  out += ",\"date\":";
  AppendDateOrNull(event.date, out);
  const EventMetadata& meta = event.meta;
  out += ',';
  AppendSpan("source", event.source, &meta.source, out);
  out += ',';
  AppendSpan("target", event.target, &meta.target, out);
  out += ',';
  AppendSpan("event", event.event, nullptr, out);
  out += ",\"pattern\":";
  AppendJsonString(event.pattern, out);
  out += ",\"issues\":[";
  for (size_t i = 0; i < event.issues.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(event.issues[i], out);
  }
  out += "],\"root\":";
  AppendJsonString(meta.root_code, out);
  out += ",\"label\":";
  AppendJsonString(meta.label, out);
  out += ",\"quad_class\":";
  if (meta.quad_class >= 1 && meta.quad_class <= 4) {
    out += fmt::format("{}", meta.quad_class);
  } else {
    out += "null";
  }
  out += ",\"goldstein\":";
  if (meta.has_goldstein && std::isfinite(meta.goldstein)) {
    out += FormatGoldstein(meta.goldstein);
  } else {
    out += "null";
  }
  out += ",\"plover\":{";
  AppendStringField("type", meta.plover_type, out, /*first=*/true);
  AppendStringField("mode", meta.plover_mode, out);
  AppendStringField("context", meta.plover_context, out);
  out += "},\"event_date\":";
  AppendDateOrNull(meta.event_date, out);
  out += ",\"date_precision\":\"";
  out += DatePrecisionName(meta.date_precision);
  out += "\",\"date_text\":";
  AppendJsonString(meta.date_text, out);
  // headline check and de-duplication (pipeline/headline.h, dedup.h): begin
  out += fmt::format(",\"headline_mismatch\":{},\"num_mentions\":{},\"num_sources\":{},"
                     "\"num_articles\":{},\"documents\":[",
                     meta.headline_mismatch, meta.num_mentions, meta.num_sources, meta.num_articles);
  if (meta.documents.empty()) {
    AppendJsonString(event.doc_id, out);
  } else {
    for (size_t i = 0; i < meta.documents.size(); ++i) {
      if (i) out += ',';
      AppendJsonString(meta.documents[i], out);
    }
  }
  out += ']';
  // headline check and de-duplication: end
  out += ",\"location\":";
  const Place& place = meta.location;
  if (!place.known()) {
    out += "null";
  } else {
    out += '{';
    AppendStringField("name", place.name, out, /*first=*/true);
    AppendStringField("text", place.text, out);
    AppendStringField("country", place.country, out);
    AppendStringField("adm1", place.adm1, out);
    AppendStringField("feature_type", place.feature_type, out);
    AppendStringField("precision", place.precision, out);
    if (place.has_coordinates)
      out += fmt::format(",\"lat\":{:.4f},\"lon\":{:.4f}}}", place.lat, place.lon);
    else
      out += ",\"lat\":null,\"lon\":null}";
  }
  out += "}\n";
}

const char* DatePrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDocument: return "document";
    case DatePrecision::kDay: return "day";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
  }
  return "document";
}

std::string FormatGoldstein(double value) {
  if (value == 0) value = 0;  // no "-0"
  return fmt::format("{}", value);
}

}  // namespace parley::io

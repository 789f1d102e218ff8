#include "io/event_writer.h"

#include <fmt/format.h>

#include "io/io_util.h"

namespace parley::io {
namespace {

void AppendSpan(std::string_view key, const CodedSpan& span, std::string& out) {
  out += '"';
  out += key;
  out += "\":{\"code\":";
  AppendJsonString(span.code, out);
  out += ",\"text\":";
  AppendJsonString(span.text, out);
  if (span.first_token >= 0 && span.last_token >= span.first_token)
    out += fmt::format(",\"tokens\":[{},{}]", span.first_token, span.last_token);
  out += '}';
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
  if (event.date.known()) {
    AppendJsonString(event.date.ToIso(), out);
  } else {
    out += "null";
  }
  out += ',';
  AppendSpan("source", event.source, out);
  out += ',';
  AppendSpan("target", event.target, out);
  out += ',';
  AppendSpan("event", event.event, out);
  out += ",\"pattern\":";
  AppendJsonString(event.pattern, out);
  out += ",\"issues\":[";
  for (size_t i = 0; i < event.issues.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(event.issues[i], out);
  }
  out += "]}\n";
}

}  // namespace parley::io

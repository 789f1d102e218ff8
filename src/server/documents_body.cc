#include "server/documents_body.h"

#include <string>

#include <simdjson.h>

#include "io/jsonl_reader.h"

namespace parley::server {
namespace {

constexpr const char* kName = "request";

size_t FirstNonSpace(std::string_view body) {
  size_t i = 0;
  while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n'))
    ++i;
  return i;
}

}  // namespace

Status ReadDocumentsBody(std::string_view body, const io::DocumentSink& sink,
                         io::ReadSummary& summary) {
  size_t start = FirstNonSpace(body);
  if (start == body.size())
    return Status::InvalidArgument("empty body: send JSON Lines documents or a JSON array of them");
  if (body[start] != '[') return io::ReadJsonLines(body, kName, sink, summary);

  // An array: each element becomes one line of JSON Lines, so element N is
  // reported as "request:N" by the one reader that checks documents.
  simdjson::dom::parser parser;
  simdjson::padded_string padded(body);
  simdjson::dom::array array;
  if (auto error = parser.parse(padded).get_array().get(array))
    return Status::InvalidArgument(std::string("body is not a valid JSON array: ") +
                                   simdjson::error_message(error));
  std::string lines;
  for (simdjson::dom::element element : array) {
    std::string line = simdjson::minify(element);
    lines += line;  // minified JSON holds no raw newline
    lines += '\n';
  }
  if (lines.empty()) return Status::InvalidArgument("empty array: no documents");
  return io::ReadJsonLines(lines, kName, sink, summary);
}

}  // namespace parley::server

#include "io/jsonl_reader.h"

#include <cstdint>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <simdjson.h>

#include "io/io_util.h"

namespace parley::io {
namespace {

namespace dom = simdjson::dom;

const char* TypeName(dom::element_type type) {
  switch (type) {
    case dom::element_type::ARRAY: return "an array";
    case dom::element_type::OBJECT: return "an object";
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE: return "a number";
    case dom::element_type::STRING: return "a string";
    case dom::element_type::BOOL: return "a boolean";
    case dom::element_type::NULL_VALUE: return "null";
  }
  return "an unknown value";
}

// A number as written in an id or date: integers exactly, others shortest form.
std::string NumberText(dom::element value) {
  int64_t i;
  if (!value.get_int64().get(i)) return std::to_string(i);
  uint64_t u;
  if (!value.get_uint64().get(u)) return std::to_string(u);
  double d = 0;
  if (value.get_double().get(d)) d = 0;
  return fmt::format("{}", d);
}

bool IsNumber(dom::element_type t) {
  return t == dom::element_type::INT64 || t == dom::element_type::UINT64 ||
         t == dom::element_type::DOUBLE;
}

// Optional string field: null leaves `out` unchanged. False + `error` on a wrong type.
bool GetOptionalString(std::string_view key, dom::element value, std::string& out,
                       std::string& error) {
  if (value.type() == dom::element_type::NULL_VALUE) return true;
  std::string_view s;
  if (value.get_string().get(s)) {
    error = fmt::format("\"{}\" must be a string, got {}", key, TypeName(value.type()));
    return false;
  }
  out.assign(s);
  return true;
}

bool ParseDateField(dom::element value, Date& out, std::string& error) {
  if (value.type() == dom::element_type::NULL_VALUE) return true;
  std::string text;
  if (IsNumber(value.type())) {
    text = NumberText(value);
  } else {
    std::string_view s;
    if (value.get_string().get(s)) {
      error = fmt::format("\"date\" must be a string, got {}", TypeName(value.type()));
      return false;
    }
    text.assign(s);
  }
  auto all_digits = [](std::string_view s) {
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  };
  std::string_view t = text;
  bool iso = t.size() == 10 && t[4] == '-' && t[7] == '-' && all_digits(t.substr(0, 4)) &&
             all_digits(t.substr(5, 2)) && all_digits(t.substr(8, 2));
  bool compact = t.size() == 8 && all_digits(t);
  if (!iso && !compact) {
    error = fmt::format("\"date\" {} is not YYYY-MM-DD or YYYYMMDD", Quote(t, 40));
    return false;
  }
  Result<Date> date = Date::Parse(t);
  if (!date.ok()) {
    error = fmt::format("\"date\" {} does not exist", text);
    return false;
  }
  out = *date;
  return true;
}

// Fills `doc` from one JSON line; false + `error` (no location) when the line is bad.
bool ParseRecord(dom::parser& parser, std::string_view line, Document& doc, std::string& error) {
  dom::element root;
  if (auto err = parser.parse(line.data(), line.size()).get(root); err) {
    error = fmt::format("invalid JSON: {}", simdjson::error_message(err));
    return false;
  }
  dom::object object;
  if (root.get_object().get(object)) {
    error = fmt::format("expected a JSON object, got {}", TypeName(root.type()));
    return false;
  }
  bool have_id = false, have_text = false, have_date = false, have_title = false,
       have_url = false;
  for (dom::key_value_pair field : object) {
    std::string_view key = field.key;
    dom::element value = field.value;
    bool* seen = nullptr;
    if (key == "id") seen = &have_id;
    else if (key == "text") seen = &have_text;
    else if (key == "date") seen = &have_date;
    else if (key == "title") seen = &have_title;
    else if (key == "url") seen = &have_url;
    else continue;  // unknown fields are ignored
    if (*seen) {
      error = fmt::format("\"{}\" appears twice", key);
      return false;
    }
    *seen = true;
    if (key == "id") {
      if (IsNumber(value.type())) {
        doc.id = NumberText(value);
      } else {
        std::string_view s;
        if (value.get_string().get(s)) {
          error = fmt::format("\"id\" must be a string or number, got {}", TypeName(value.type()));
          return false;
        }
        doc.id.assign(s);
      }
      if (TrimAscii(doc.id).empty()) {
        error = "\"id\" is empty";
        return false;
      }
    } else if (key == "text") {
      std::string_view s;
      if (value.get_string().get(s)) {
        error = fmt::format("\"text\" must be a string, got {}", TypeName(value.type()));
        return false;
      }
      doc.text.assign(s);
    } else if (key == "date") {
      if (!ParseDateField(value, doc.date, error)) return false;
    } else if (key == "title") {
      if (!GetOptionalString(key, value, doc.title, error)) return false;
    } else {
      if (!GetOptionalString(key, value, doc.url, error)) return false;
    }
  }
  if (!have_id) {
    error = "missing \"id\"";
    return false;
  }
  if (!have_text) {
    error = fmt::format("missing \"text\" (id {})", doc.id);
    return false;
  }
  return true;
}

}  // namespace

Status ReadJsonLines(std::string_view content, const std::string& name, const DocumentSink& sink,
                     ReadSummary& summary) {
  content = StripBom(content);
  dom::parser parser;
  std::unordered_map<std::string, size_t> first_line_of_id;
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t newline = content.find('\n', pos);
    size_t stop = newline == std::string_view::npos ? content.size() : newline;
    std::string_view line = content.substr(pos, stop - pos);
    pos = stop + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimAscii(line).empty()) continue;

    Document doc;
    std::string error;
    if (!ParseRecord(parser, line, doc, error)) {
      summary.skipped.push_back({fmt::format("{}:{}", name, line_number), std::move(error)});
      continue;
    }
    auto [it, inserted] = first_line_of_id.emplace(doc.id, line_number);
    if (!inserted) {
      summary.skipped.push_back({fmt::format("{}:{}", name, line_number),
                                 fmt::format("duplicate id {} (first on line {}); this one skipped",
                                             Quote(doc.id, 80), it->second)});
      continue;
    }
    ++summary.documents;
    sink(std::move(doc));
  }
  return Status::Ok();
}

Status ReadJsonLinesFile(const std::string& path, const DocumentSink& sink, ReadSummary& summary) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ReadJsonLines(*content, DisplayName(path), sink, summary);
}

}  // namespace parley::io

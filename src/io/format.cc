#include "io/format.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "io/conllu.h"
#include "io/io_util.h"
#include "io/jsonl_reader.h"
#include "io/petrarch_xml.h"
#include "io/text_reader.h"

namespace parley::io {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::optional<InputFormat> FormatFromExtension(const std::string& path) {
  if (path == "-") return std::nullopt;
  std::string ext = Lower(std::filesystem::path(path).extension().string());
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return InputFormat::kJsonLines;
  if (ext == ".txt" || ext == ".text") return InputFormat::kText;
  if (ext == ".xml") return InputFormat::kPetrarchXml;
  if (ext == ".conllu" || ext == ".conll") return InputFormat::kConllu;
  return std::nullopt;
}

bool LooksLikeConllu(std::string_view head) {
  size_t pos = 0;
  bool first = true;
  while (pos < head.size()) {
    size_t nl = head.find('\n', pos);
    std::string_view line = head.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? head.size() : nl + 1;
    if (line.starts_with("1\t")) return true;
    if (first && !TrimAscii(line).empty()) {
      first = false;
      if (line.starts_with("# ") && line.find(" = ") != std::string_view::npos) return true;
    }
  }
  return false;
}

}  // namespace

Result<InputFormat> ParseFormatName(std::string_view name) {
  std::string n = Lower(name);
  if (n == "jsonl" || n == "json") return InputFormat::kJsonLines;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "petrarch" || n == "xml") return InputFormat::kPetrarchXml;
  if (n == "conllu" || n == "conll") return InputFormat::kConllu;
  return Status::InvalidArgument(
      fmt::format("unknown input format {}; expected jsonl, text, petrarch or conllu", Quote(name, 40)));
}

const char* FormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kJsonLines: return "jsonl";
    case InputFormat::kText: return "text";
    case InputFormat::kPetrarchXml: return "petrarch";
    case InputFormat::kConllu: return "conllu";
  }
  return "text";
}

InputFormat DetectFormat(const std::string& path, std::string_view head_bytes) {
  if (std::optional<InputFormat> f = FormatFromExtension(path)) return *f;
  std::string_view head = StripBom(head_bytes);
  std::string_view start = TrimAscii(head);
  if (start.starts_with('{')) return InputFormat::kJsonLines;
  if (start.starts_with('<') && head.find("<Sentence") != std::string_view::npos) return InputFormat::kPetrarchXml;
  if (LooksLikeConllu(head)) return InputFormat::kConllu;
  return InputFormat::kText;
}

Status ReadDocuments(const std::string& path, std::optional<InputFormat> format, const DocumentSink& sink,
                     ReadSummary& summary) {
  return ReadDocuments(path, format, ReadOptions{}, sink, summary);
}

Status ReadDocuments(const std::string& path, std::optional<InputFormat> format, const ReadOptions& options,
                     const DocumentSink& sink, ReadSummary& summary) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  std::string_view data = *content;
  InputFormat f = format ? *format : DetectFormat(path, data.substr(0, kFormatSniffBytes));
  const std::string name = DisplayName(path);
  switch (f) {
    case InputFormat::kJsonLines: return ReadJsonLines(data, name, sink, summary);
    case InputFormat::kConllu: return ReadConllu(data, path, sink, summary);
    case InputFormat::kPetrarchXml: return ReadPetrarchDocuments(data, name, sink, summary);
    case InputFormat::kText: return ReadText(data, path, TextOptions{options.text_id, options.text_date}, sink, summary);
  }
  return Status::Internal("unknown input format");
}

}  // namespace parley::io

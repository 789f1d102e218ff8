#include "io/text_reader.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "io/io_util.h"

namespace parley::io {
namespace {

Status ReadTextNamed(std::string_view content, const std::string& display_name,
                     const std::string& stem, const TextOptions& options,
                     const DocumentSink& sink, ReadSummary& summary) {
  std::string_view body = StripBom(content);
  size_t bom = content.size() - body.size();
  content = body;
  size_t bad = FindInvalidUtf8(content);
  if (bad != std::string_view::npos) {
    size_t line = 1 + static_cast<size_t>(std::count(content.begin(), content.begin() + bad, '\n'));
    size_t n = std::min<size_t>(4, content.size() - bad);
    std::string bytes;
    for (size_t i = 0; i < n; ++i)
      bytes += fmt::format("{}{:02X}", i ? " " : "", static_cast<unsigned char>(content[bad + i]));
    summary.skipped.push_back({fmt::format("{}:{}", display_name, line),
                               fmt::format("invalid UTF-8 at byte offset {} (bytes {})", bad + bom, bytes)});
    return Status::Ok();
  }
  Document doc;
  doc.id = options.id.empty() ? stem : options.id;
  doc.date = options.date;
  doc.text.assign(content);
  ++summary.documents;
  sink(std::move(doc));
  return Status::Ok();
}

}  // namespace

Status ReadText(std::string_view content, const std::string& name, const TextOptions& options,
                const DocumentSink& sink, ReadSummary& summary) {
  return ReadTextNamed(content, DisplayName(name), FileStem(name), options, sink, summary);
}

Status ReadTextFile(const std::string& path, const TextOptions& options, const DocumentSink& sink,
                    ReadSummary& summary) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ReadText(*content, path, options, sink, summary);
}

}  // namespace parley::io

// Input formats and the one entry point the CLI uses to read documents.
//
// DetectFormat decides by extension (.jsonl/.ndjson/.json, .txt/.text,
// .xml, .conllu/.conll), then by content: '{' first → JSON Lines; '<' first
// with "<Sentence" in the head → PETRARCH XML; a line starting "1<TAB>", or a
// first line "# key = value" → CoNLL-U; anything else → plain text.
// Thread-compatible.
#ifndef PARLEY_IO_FORMAT_H_
#define PARLEY_IO_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>

#include "io/read_summary.h"
#include "parley/date.h"
#include "parley/status.h"

namespace parley::io {

enum class InputFormat { kJsonLines, kText, kPetrarchXml, kConllu };

// "jsonl", "text", "petrarch", "conllu" (also "json", "txt", "xml", "conll").
Result<InputFormat> ParseFormatName(std::string_view name);
// The canonical name: "jsonl", "text", "petrarch" or "conllu".
const char* FormatName(InputFormat format);

// How many leading bytes DetectFormat wants to see.
inline constexpr size_t kFormatSniffBytes = 64 * 1024;

// `head_bytes`: the start of the file (up to kFormatSniffBytes); may be empty
// when the extension decides.
InputFormat DetectFormat(const std::string& path, std::string_view head_bytes);

// Options that only some formats use.
struct ReadOptions {
  std::string text_id;  // plain text: document id ("" = file stem)
  Date text_date;       // plain text: document date (unknown by default)
};

// Reads the documents in `path` ("-" = stdin) in `format` (detected when
// absent) and hands each to `sink`; bad records go to `summary`. Fails only
// when the file cannot be read or (PETRARCH XML) is not well-formed.
Status ReadDocuments(const std::string& path, std::optional<InputFormat> format, const DocumentSink& sink,
                     ReadSummary& summary);
Status ReadDocuments(const std::string& path, std::optional<InputFormat> format, const ReadOptions& options,
                     const DocumentSink& sink, ReadSummary& summary);

}  // namespace parley::io

#endif  // PARLEY_IO_FORMAT_H_

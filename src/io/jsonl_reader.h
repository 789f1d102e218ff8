// Reads Parley's JSON Lines input: one document per line,
//   {"id": "a1", "date": "2024-07-05", "title": "...", "text": "...", "url": "..."}
// "id" (string or number) and "text" are required; "date" (YYYY-MM-DD or
// YYYYMMDD), "title" and "url" are optional (null = absent); other fields are
// ignored; blank lines are skipped. Documents come out unparsed (no tokens).
//
// A bad line (invalid JSON, missing or mistyped field, impossible date,
// repeated id) is listed in ReadSummary::skipped as "name:LINE" with the reason
// and reading goes on. Thread-compatible: concurrent calls are independent.
#ifndef PARLEY_IO_JSONL_READER_H_
#define PARLEY_IO_JSONL_READER_H_

#include <string>
#include <string_view>

#include "io/read_summary.h"
#include "parley/status.h"

namespace parley::io {

// Reads `content` (named `name` in messages). Always returns OK: problems are
// per line and land in `summary`.
Status ReadJsonLines(std::string_view content, const std::string& name, const DocumentSink& sink,
                     ReadSummary& summary);

// Reads the file at `path` ("-" = stdin). Fails only when it cannot be read.
Status ReadJsonLinesFile(const std::string& path, const DocumentSink& sink, ReadSummary& summary);

}  // namespace parley::io

#endif  // PARLEY_IO_JSONL_READER_H_

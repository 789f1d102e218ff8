// Reads a plain-text file as one Document: the whole file is the body (a
// leading UTF-8 byte order mark dropped), id = the file stem unless given,
// date as given or unknown, no title. The text must be valid UTF-8; a file
// that is not is listed in ReadSummary::skipped with the line and byte offset
// of the first bad sequence. Thread-compatible.
#ifndef PARLEY_IO_TEXT_READER_H_
#define PARLEY_IO_TEXT_READER_H_

#include <string>
#include <string_view>

#include "io/read_summary.h"
#include "parley/date.h"
#include "parley/status.h"

namespace parley::io {

struct TextOptions {
  std::string id;  // document id; "" = the stem of the file name
  Date date;       // document date; unknown by default
};

// Reads `content` named `name` (a path; its stem is the default id). Always OK.
Status ReadText(std::string_view content, const std::string& name, const TextOptions& options,
                const DocumentSink& sink, ReadSummary& summary);

// Reads the file at `path` ("-" = stdin, id "stdin"). Fails only when it cannot be read.
Status ReadTextFile(const std::string& path, const TextOptions& options, const DocumentSink& sink,
                    ReadSummary& summary);

}  // namespace parley::io

#endif  // PARLEY_IO_TEXT_READER_H_

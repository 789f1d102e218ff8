// Small helpers shared by the readers and writers in src/io: whole-file
// reading (with "-" meaning stdin), UTF-8 validation, byte offset → line
// number, and quoting of offending input for error messages. Thread-safe
// (stateless functions; LineIndex is immutable after construction).
#ifndef PARLEY_IO_IO_UTIL_H_
#define PARLEY_IO_IO_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::io {

// The whole file as bytes. "-" reads standard input. Fails with NotFound or
// IoError and a message naming the path.
Result<std::string> ReadWholeFile(const std::string& path);

// How a path appears in messages: "<stdin>" for "-", else the path as given.
std::string DisplayName(const std::string& path);

// The file name without folders and its last extension ("a/b/x.conllu" → "x");
// "stdin" for "-".
std::string FileStem(const std::string& path);

// Offset of the first byte of the first invalid UTF-8 sequence (bad lead or
// continuation byte, overlong form, surrogate, > U+10FFFF, truncated), or
// std::string_view::npos when `text` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view text);

// Length of the valid UTF-8 sequence starting at text[pos], or 0 if the bytes
// there do not form one. REQUIRES: pos < text.size().
size_t Utf8SequenceLength(std::string_view text, size_t pos);

// Removes a leading UTF-8 byte order mark, if any.
std::string_view StripBom(std::string_view text);

// Trims ASCII whitespace (space, tab, CR, LF, FF, VT) at both ends.
std::string_view TrimAscii(std::string_view text);
bool IsAsciiSpace(char c);

// `text` single-quoted for an error message: control characters shown as
// \n, \t or \xNN, and cut to `max_bytes` (on a UTF-8 boundary) with "..." after.
std::string Quote(std::string_view text, size_t max_bytes = 120);

// Maps byte offsets in a text to 1-based line numbers.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // 1-based line containing byte `offset` (offsets past the end give the last line).
  int LineOf(size_t offset) const;

 private:
  std::vector<size_t> line_starts_;
};

}  // namespace parley::io

#endif  // PARLEY_IO_IO_UTIL_H_

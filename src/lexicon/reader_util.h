// Internal helpers shared by the dictionary readers: whole-file reading, line
// iteration with comment handling, phrase splitting, warnings. Not part of the
// public lexicon API.
#ifndef PARLEY_LEXICON_READER_UTIL_H_
#define PARLEY_LEXICON_READER_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::lexicon::internal {

// Reads a whole file into `out`. NotFound / IoError name the path.
Status ReadWholeFile(const std::string& path, std::string& out);

// Iterates the lines of a text (LF or CRLF), numbering them from 1, and skips
// XML-style comments "<!-- ... -->" (also the malformed "<! -- ... -->"),
// which may span lines. Returned lines have '\r' removed.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  // False at the end of the text.
  bool Next(std::string_view& line, int& number);

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int number_ = 0;
  bool in_comment_ = false;
};

// Removes a '#' comment (and, when `semicolon`, a ';' comment) from a line.
// Characters inside [...] never start a comment ("[###]" is a code).
std::string_view StripComment(std::string_view line, bool semicolon);
std::string_view Trim(std::string_view s);
inline bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
inline bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
// A byte that belongs to a word for boundary tests: ASCII letters and digits
// and every byte of a UTF-8 multibyte character.
inline bool IsWordByte(char c) { return IsAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80; }

// Splits on blanks and '_', dropping empty pieces.
void SplitPhrase(std::string_view phrase, std::vector<std::string_view>& out);
// Splits on blanks, dropping empty pieces.
void SplitBlanks(std::string_view s, std::vector<std::string_view>& out);

// "name:line: what: text" (": text" only when `text` is not empty).
std::string Where(const std::string& name, int line, std::string_view what, std::string_view text);

// Parses a dictionary date, YYMMDD or YYYYMMDD, to yyyymmdd; false if invalid.
bool ParseDictDate(std::string_view s, int& yyyymmdd);

}  // namespace parley::lexicon::internal

#endif  // PARLEY_LEXICON_READER_UTIL_H_

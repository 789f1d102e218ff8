// Output formats for coded events: Parley's JSON Lines (io/event_writer.h),
// the GDELT 2.0 event table, the Phoenix (OEDA) event table and a flat CSV.
// docs/events.md lists every column. A run writes FormatHeader (when wanted)
// once, then one AppendEvent line per event. Stateless; thread-safe.
//
// The TSV formats (GDELT, Phoenix) replace tabs, newlines and other control
// characters inside values by spaces; CSV quotes per RFC 4180. All formats
// write invalid UTF-8 bytes as U+FFFD. Every record ends with "\n".
#ifndef PARLEY_IO_EVENT_FORMATS_H_
#define PARLEY_IO_EVENT_FORMATS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "parley/event.h"
#include "parley/status.h"

namespace parley::io {

enum class OutputFormat { kJsonLines, kGdelt, kPhoenix, kCsv };

// "jsonl" (also "json"), "gdelt", "phoenix", "csv"; case-insensitive.
Result<OutputFormat> ParseOutputFormat(std::string_view name);
// The canonical name: "jsonl", "gdelt", "phoenix" or "csv".
const char* OutputFormatName(OutputFormat format);

// The column-name row with its "\n"; "" for JSON Lines (no header).
std::string FormatHeader(OutputFormat format);
// True for CSV, whose files carry a header row; GDELT and Phoenix files
// traditionally have none (`parley code --header` adds it).
bool WritesHeaderByDefault(OutputFormat format);

// Appends one record for `event`, ending with "\n".
void AppendEvent(OutputFormat format, const Event& event, std::string& out);

// The GDELT 2.0 event table's 61 columns, in file order (GDELT 2.0 Event
// Codebook).
inline constexpr size_t kGdeltColumnCount = 61;
extern const std::array<std::string_view, kGdeltColumnCount> kGdeltColumns;

// The Phoenix event data's 26 columns, in file order (phoenix_pipeline).
inline constexpr size_t kPhoenixColumnCount = 26;
extern const std::array<std::string_view, kPhoenixColumnCount> kPhoenixColumns;

// Stable id of an event: a 63-bit FNV-1a hash of the document id, sentence,
// codes and token ranges, so re-running a corpus gives the same ids.
uint64_t StableEventId(const Event& event);

// GDELT's FractionDate: year + ((month - 1) * 30 + day) / 365, rounded to
// 4 decimals ("2015.1315" for 2015-02-18). REQUIRES: date.known().
std::string GdeltFractionDate(const Date& date);

// Phoenix PentaClass of a two-digit CAMEO root, as phoenix_pipeline assigns it:
// 01-02 → 0, 03-05 → 1, 06-08 → 2, 09-13 and 16 → 3, 14-15 and 17-20 → 4;
// -1 for anything else.
int PhoenixPentaClass(std::string_view root_code);

}  // namespace parley::io

#endif  // PARLEY_IO_EVENT_FORMATS_H_

// What `parley code` tells the user while and after it runs: a one-line
// progress indicator for terminals and the final run summary. The formatting
// is pure (testable without clocks); ProgressLine adds the clock and the
// terminal. ProgressLine is thread-compatible; the functions are thread-safe.
#ifndef PARLEY_PIPELINE_PROGRESS_H_
#define PARLEY_PIPELINE_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "io/read_summary.h"

namespace parley::pipeline {

// "1,204 documents, 37.5 documents/s, 8,311 events" (no line ending).
// A rate is shown only once `seconds` > 0.
std::string FormatProgress(size_t documents, size_t events, double seconds);

// "1234567" → "1,234,567".
std::string GroupThousands(size_t n);

// A document whose headline names actors its body never mentions.
struct FlaggedHeadline {
  std::string doc_id;
  std::vector<std::string> actors;  // the headline's words for them
};

struct RunSummary {
  size_t documents_read = 0;   // handed on by the readers
  size_t documents_coded = 0;
  std::vector<io::SkippedRecord> skipped;  // not read, or read and not coded
  size_t sentences = 0;
  size_t events = 0;           // as coded
  bool deduplicated = false;
  size_t events_after_dedup = 0;  // meaningful when `deduplicated`
  std::vector<FlaggedHeadline> flagged;
  double seconds = 0;
};

// The summary `parley code` prints to stderr, every line ending in '\n':
//   parley code: 3 documents read, 3 coded, 0 skipped; 41 sentences; 24 events,
//     19 after de-duplication; 1 flagged headline; 1.52 s, 2.0 documents/s
// (one line), then one line per group of skipped records with the same
// reason, in order of first appearance: "  skipped a.jsonl:3: why" for one,
// "  skipped 2 records (why): a.jsonl:3, a.jsonl:9" for several (at most
// five places, then "and N more"), then one line per flagged headline
// ("  headline mismatch: seed-2024-07-05: Haiti").
std::string FormatSummary(const RunSummary& summary);

// The `\r`-rewritten progress line. Draws only when enabled (a terminal and
// not --quiet), at most five times a second; Finish() erases it.
class ProgressLine {
 public:
  ProgressLine(std::FILE* out, bool enabled)
      : out_(out), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { Finish(); }

  // True when stderr is a terminal (where a progress line belongs).
  static bool StderrIsTerminal();

  void Update(size_t documents, size_t events);
  void Finish();

 private:
  std::FILE* out_;
  bool enabled_;
  bool drawn_ = false;
  size_t width_ = 0;  // of the last line drawn, to blank it
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_PROGRESS_H_

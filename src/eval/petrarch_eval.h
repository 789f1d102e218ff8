// Scores the coder on a PETRARCH validation file (<Sentence> records with
// <EventCoding> expectations), as `parley eval petrarch` reports it.
//
// A record is exact when the set of (source, target, code) triples the coder
// produces equals the expected set; records that expect no events (noevents,
// error=...) are exact when nothing is coded. Thread-compatible.
#ifndef PARLEY_EVAL_PETRARCH_EVAL_H_
#define PARLEY_EVAL_PETRARCH_EVAL_H_

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "lexicon/lexicon.h"
#include "parley/status.h"

namespace parley::eval {

using Triple = std::tuple<std::string, std::string, std::string>;  // source, target, code

struct RecordOutcome {
  std::string id;
  std::string category;
  std::string text;
  std::vector<Triple> expected;
  std::vector<Triple> coded;
  bool exact = false;
  std::string skipped_reason;  // non-empty when the record could not be coded
};

struct PetrarchEvalReport {
  std::string file;
  size_t records = 0;
  size_t exact = 0;
  size_t true_positives = 0;
  size_t false_positives = 0;
  size_t false_negatives = 0;
  double precision = 0, recall = 0, f1 = 0;
  double seconds = 0;
  std::vector<RecordOutcome> outcomes;  // in file order
};

struct PetrarchEvalOptions {
  // Dictionary overrides; empty = the files named in <Environment>, beside the XML.
  std::string verbs, actors, agents, discards;
};

Result<PetrarchEvalReport> EvaluatePetrarch(const std::string& path,
                                            const PetrarchEvalOptions& options);

// Human-readable summary: the rates, then the failures grouped by category.
std::string FormatReport(const PetrarchEvalReport& report, bool show_failures);
// One JSON object: records, exact, exact_rate, precision, recall, f1, tp, fp, fn,
// by_category {name: {records, exact}}, failures [{id, category, expected, coded}].
std::string ReportJson(const PetrarchEvalReport& report);

}  // namespace parley::eval

#endif  // PARLEY_EVAL_PETRARCH_EVAL_H_

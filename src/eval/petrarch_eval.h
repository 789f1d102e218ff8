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
#include "parse/model.h"
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
  std::string conllu;          // the dependency tree the coder saw (CoNLL-U)
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
  // Dictionary overrides; empty = the files named in <Environment>, looked up
  // beside the XML, then as a versioned variant there (NAME.2.0.txt), then in
  // a sibling folder.
  std::string verbs, actors, agents, discards;
  // When non-empty, only the records with these ids are coded and reported.
  std::vector<std::string> only_ids;
  // When set, each record's raw <Text> is tokenized and parsed by this model
  // instead of using the supplied <Parse> (`--parse own`).
  const parse::Model* own_parser = nullptr;
};

Result<PetrarchEvalReport> EvaluatePetrarch(const std::string& path,
                                            const PetrarchEvalOptions& options);

// Human-readable summary: the rates, then the failures grouped by category.
// With show_trees, each listed failure also shows the tree the coder saw.
std::string FormatReport(const PetrarchEvalReport& report, bool show_failures,
                         bool show_trees = false);
// One JSON object: records, exact, exact_rate, precision, recall, f1, tp, fp, fn,
// by_category {name: {records, exact}}, failures [{id, category, expected, coded}].
std::string ReportJson(const PetrarchEvalReport& report);

}  // namespace parley::eval

#endif  // PARLEY_EVAL_PETRARCH_EVAL_H_

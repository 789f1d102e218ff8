// Scores coded events against hand-coded reference events, article by
// article, the way Parley is measured on held-out news: an event counts when
// its (source country, target country, CAMEO root) is in the article's
// reference set; the exact (source, target, code) match is reported too.
// Thread-compatible.
#ifndef PARLEY_EVAL_EVENT_EVAL_H_
#define PARLEY_EVAL_EVENT_EVAL_H_

#include <string>
#include <vector>

#include "parley/event.h"
#include "parley/status.h"

namespace parley::eval {

// One hand-coded event: a row of a reference TSV file with the columns
// doc_id, sentence, source, target, code (and an optional comment). A header
// row starting with "doc_id" and lines starting with '#' are skipped.
struct ReferenceEvent {
  std::string doc_id;
  int sentence = 0;
  std::string source, target, code;
};

Result<std::vector<ReferenceEvent>> ReadReferenceTsv(const std::string& path);

struct EventScores {
  size_t articles = 0;
  size_t reference = 0, coded = 0;
  size_t matched_root = 0;   // (source country, target country, root) per article
  size_t matched_exact = 0;  // (source, target, code) per article
  double precision = 0, recall = 0, f1 = 0;                    // on the root triples
  double exact_precision = 0, exact_recall = 0, exact_f1 = 0;  // on the full triples
};

// Title events (sentence -1) are left out: references code body sentences.
// Only articles that appear in the reference are scored.
EventScores ScoreEvents(const std::vector<ReferenceEvent>& reference,
                        const std::vector<Event>& coded);

}  // namespace parley::eval

#endif  // PARLEY_EVAL_EVENT_EVAL_H_

// Scores the whole syntax pipeline from raw text against a gold CoNLL-U file,
// the way the CoNLL 2018 shared task does: tokens and sentences are matched by
// their character spans; tags and arcs count only on matched words; every
// figure is an F1 of precision (over system words) and recall (over gold).
// Thread-compatible.
#ifndef PARLEY_PIPELINE_RAW_EVAL_H_
#define PARLEY_PIPELINE_RAW_EVAL_H_

#include <string>

#include "parley/status.h"
#include "parse/model.h"

namespace parley::pipeline {

struct RawScores {
  double tokens = 0, sentences = 0;  // F1, percent
  double upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;  // F1, percent
  size_t gold_words = 0, system_words = 0, gold_sentences = 0, system_sentences = 0;
  double seconds = 0;  // tokenizing and parsing only
};

// The gold file's text (its `# text` lines) is tokenized, split and parsed.
Result<RawScores> EvaluateRaw(const parse::Model& model, const std::string& gold_path);

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_RAW_EVAL_H_

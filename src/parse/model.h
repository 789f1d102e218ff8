// Parley's trained English analyser: tagger (UPOS, XPOS), FEATS, lemmatizer
// and dependency parser in one model file (models/parley-en.model by default).
//
//   Result<parse::Model> model = parse::Model::Load(path);
//   model->Annotate(doc.TokensOf(sentence));  // forms in, everything else out
//
// A Model is immutable once loaded and cheap to copy (it shares the loaded
// data); Annotate is thread-safe and keeps its scratch space per thread.
#ifndef PARLEY_PARSE_MODEL_H_
#define PARLEY_PARSE_MODEL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "parley/document.h"
#include "parley/status.h"

namespace parley::parse {

struct ModelData;  // parse/model_data.h

inline constexpr const char* kDefaultModelPath = "models/parley-en.model";

class Model {
 public:
  // Reads a model file. A missing, truncated, corrupt or foreign file gives a
  // Status naming the path and what is wrong.
  static Result<Model> Load(const std::string& path);
  // Writes the model (zlib-compressed, checksummed).
  Status Save(const std::string& path) const;

  // Fills upos, xpos, feats, lemma, head and deprel of every token from the
  // forms. Heads are 1-based within the span, 0 = root; the result is always
  // a single-rooted tree. Other fields (misc, offsets) are left alone.
  // With `wants_tree`, once the words are tagged and lemmatized (upos, xpos,
  // lemma filled) it decides whether to parse: when it returns false the
  // sentence keeps its tags, lemmas and FEATS (without Voice=Pass, which
  // needs the tree) and every head stays -1 (no tree). For callers that need
  // trees only where a later stage can use them.
  // `known_names[i] != 0` marks a word that the caller's dictionaries list in
  // a proper name; one the model would misread ("Beijing warned ...": VBG)
  // is tagged as a proper noun (Tagger::Tag says when).
  void Annotate(std::span<Token> sentence, const std::function<bool(std::span<const Token>)>& wants_tree = {},
                std::span<const uint8_t> known_names = {}) const;

  // Sizes, for logs: label count and weight rows.
  std::string Describe() const;

  explicit Model(std::shared_ptr<const ModelData> data) : data_(std::move(data)) {}
  const ModelData& data() const { return *data_; }

 private:
  std::shared_ptr<const ModelData> data_;
};

// Scores on a gold CoNLL-U file (gold tokenization), in percent of words, as
// the CoNLL 2018 shared task computes them: punctuation included; LAS compares
// the universal part of the relation (nsubj for nsubj:pass); las_full compares
// the whole relation.
struct ConlluScores {
  double upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
  size_t words = 0, sentences = 0;
  double seconds = 0;  // time spent in Annotate
};

// Annotates every sentence of `gold_path` from its forms and compares.
Result<ConlluScores> EvaluateConllu(const Model& model, const std::string& gold_path);

}  // namespace parley::parse

#endif  // PARLEY_PARSE_MODEL_H_

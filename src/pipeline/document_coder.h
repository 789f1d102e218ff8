// Everything between a Document as read and its events: parse it with
// Parley's own syntax when it arrived as raw text, then code it. The model is
// loaded on first need, so parsed inputs never pay for it.
// Thread-compatible: one DocumentCoder per thread (the Coder may be shared).
#ifndef PARLEY_PIPELINE_DOCUMENT_CODER_H_
#define PARLEY_PIPELINE_DOCUMENT_CODER_H_

#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "coder/coder.h"
#include "pipeline/analyze.h"
#include "parse/model.h"

namespace parley::pipeline {

// Whether a sentence, tagged but not parsed, can yield an event
// (Coder::MayYieldEvents on its words as the dictionaries spell them, with
// hyphenated words joined): the sentences worth parsing for coding.
bool SentenceMayYieldEvents(const coder::Coder& coder, std::span<const Token> tokens);

// What the coder tells the syntax (SyntaxGuide): the words of its actor
// names (Coder::MarkNames), and with `parse_only_event_sentences` a tree only
// for the sentences that may yield an event (SentenceMayYieldEvents).
// REQUIRES: `coder` outlives the guide.
SyntaxGuide CodingGuide(const coder::Coder& coder, bool parse_only_event_sentences);

// Thread-safe: Code() may be called from several threads at once (the model
// is loaded once, by whichever call first needs it); configure it with
// set_parse_only_event_sentences() before sharing it.
class DocumentCoder {
 public:
  // `model_path` as for ResolveModelPath ("" = the default model).
  DocumentCoder(const coder::Coder& coder, std::string model_path)
      : coder_(coder), model_path_(std::move(model_path)), guide_(CodingGuide(coder, false)) {}
  // Uses `model`, already loaded and shared (the server's threads share one
  // model rather than each loading its own). REQUIRES: `model` outlives this.
  DocumentCoder(const coder::Coder& coder, const parse::Model& model)
      : coder_(coder), shared_model_(&model), guide_(CodingGuide(coder, false)) {}

  // Parses `doc` if it has no trees, then appends its events to `out`. An
  // error (the model cannot be loaded) leaves `out` unchanged; documents that
  // arrive parsed are coded without the model. When the
  // headline names actors the body never mentions (HeadlineMismatch,
  // pipeline/headline.h), every event of the document gets
  // meta.headline_mismatch; `headline_unmatched`, when not null, receives
  // the headline's words for those actors (empty when not flagged).
  Status Code(Document& doc, std::vector<Event>& out,
              std::vector<std::string>* headline_unmatched = nullptr);

  // Parse only the sentences that can yield an event (Coder::MayYieldEvents);
  // the others keep tags and lemmas but no tree. The events are the same;
  // for callers that use nothing but the events (parley code, the
  // evaluations), not for those that read every sentence's tree afterwards
  // (the negotiation tracker's terms, the store).
  void set_parse_only_event_sentences(bool on) { guide_ = CodingGuide(coder_, on); }

 private:
  // The model to parse with, loading it on first use; null when that fails
  // (model_status_ says why).
  const parse::Model* LoadedModel();

  const coder::Coder& coder_;
  std::string model_path_;
  const parse::Model* shared_model_ = nullptr;
  std::once_flag load_once_;
  std::optional<parse::Model> model_;  // written once, under load_once_
  Status model_status_;
  SyntaxGuide guide_;  // what the coder tells the syntax; set before sharing
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_DOCUMENT_CODER_H_

// Everything between a Document as read and its events: parse it with
// Parley's own syntax when it arrived as raw text, then code it. The model is
// loaded on first need, so parsed inputs never pay for it.
// Thread-compatible: one DocumentCoder per thread (the Coder may be shared).
#ifndef PARLEY_PIPELINE_DOCUMENT_CODER_H_
#define PARLEY_PIPELINE_DOCUMENT_CODER_H_

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "coder/coder.h"
#include "parse/model.h"

namespace parley::pipeline {

// Whether a sentence, tagged but not parsed, can yield an event
// (Coder::MayYieldEvents on its words as the dictionaries spell them, with
// hyphenated words joined): the sentences worth parsing for coding.
bool SentenceMayYieldEvents(const coder::Coder& coder, std::span<const Token> tokens);

class DocumentCoder {
 public:
  // `model_path` as for ResolveModelPath ("" = the default model).
  DocumentCoder(const coder::Coder& coder, std::string model_path)
      : coder_(coder), model_path_(std::move(model_path)) {}
  // Uses `model`, already loaded and shared (the server's threads share one
  // model rather than each loading its own). REQUIRES: `model` outlives this.
  DocumentCoder(const coder::Coder& coder, const parse::Model& model)
      : coder_(coder), shared_model_(&model) {}

  // Parses `doc` if it has no trees, then appends its events to `out`. An
  // error (the model cannot be loaded) leaves `out` unchanged. When the
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
  void set_parse_only_event_sentences(bool on) { parse_only_event_sentences_ = on; }

 private:
  const coder::Coder& coder_;
  std::string model_path_;
  const parse::Model* shared_model_ = nullptr;
  std::optional<parse::Model> model_;
  Status model_status_;
  bool parse_only_event_sentences_ = false;
};

// DocumentCoder for `threads` threads coding documents at once (OrderedPool):
// with one thread, a DocumentCoder that loads the model when a document first
// needs it; with several, the model is loaded once here and shared, and
// Code() may be called from every thread. When that load fails, each
// document that needs parsing reports the load's error, as with one thread,
// and documents that arrive parsed are coded.
class ConcurrentDocumentCoder {
 public:
  ConcurrentDocumentCoder(const coder::Coder& coder, std::string model_path, int threads,
                          bool parse_only_event_sentences);

  // As DocumentCoder::Code; thread-safe when made for more than one thread.
  Status Code(Document& doc, std::vector<Event>& out, std::vector<std::string>* headline_unmatched = nullptr);

 private:
  const coder::Coder& coder_;
  const std::string model_path_;
  const bool concurrent_;
  const bool parse_only_event_sentences_;
  std::optional<parse::Model> shared_model_;
  Status load_status_;    // why shared_model_ is empty
  DocumentCoder single_;  // one thread
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_DOCUMENT_CODER_H_

#include "pipeline/document_coder.h"

#include "enrich/enricher.h"
#include "pipeline/analyze.h"
#include "pipeline/headline.h"
#include "pipeline/hyphenated_words.h"

namespace parley::pipeline {

bool SentenceMayYieldEvents(const coder::Coder& coder, std::span<const Token> tokens) {
  // The dictionaries spell hyphenated words whole ("AL-QAEDA", "cease-fire"),
  // as the words are once joined after parsing.
  if (!HasHyphenatedWord(tokens)) return coder.MayYieldEvents(tokens);
  thread_local std::vector<Token> joined;
  JoinedWords(tokens, joined);
  return coder.MayYieldEvents(joined);
}

Status DocumentCoder::Code(Document& doc, std::vector<Event>& out,
                          std::vector<std::string>* headline_unmatched) {
  if (headline_unmatched != nullptr) headline_unmatched->clear();
  if (doc.sentences.empty() || !doc.IsParsed()) {
    if (shared_model_ == nullptr && !model_ && model_status_.ok()) {
      auto loaded = parse::Model::Load(ResolveModelPath(model_path_));
      if (loaded.ok()) model_ = std::move(loaded).value();
      else model_status_ = loaded.status();
    }
    const parse::Model* model = shared_model_ != nullptr ? shared_model_ : model_ ? &*model_ : nullptr;
    if (model == nullptr) return model_status_;
    std::function<bool(std::span<const Token>)> wants_tree;
    if (parse_only_event_sentences_)
      wants_tree = [this](std::span<const Token> t) { return SentenceMayYieldEvents(coder_, t); };
    Status analyzed = Analyze(doc, *model, wants_tree);
    if (!analyzed.ok()) return analyzed;
  }
  JoinHyphenatedWords(doc);
  size_t first_new = out.size();
  coder_.CodeDocument(doc, out);
  enrich::EnrichEvents(doc, std::span<Event>(out).subspan(first_new));
  if (HeadlineMismatch(doc, coder_.lexicon(), headline_unmatched))
    for (size_t i = first_new; i < out.size(); ++i) out[i].meta.headline_mismatch = true;
  return Status::Ok();
}

ConcurrentDocumentCoder::ConcurrentDocumentCoder(const coder::Coder& coder, std::string model_path, int threads,
                                                 bool parse_only_event_sentences)
    : coder_(coder),
      model_path_(std::move(model_path)),
      concurrent_(threads > 1),
      parse_only_event_sentences_(parse_only_event_sentences),
      single_(coder, model_path_) {
  single_.set_parse_only_event_sentences(parse_only_event_sentences);
  if (!concurrent_) return;
  auto loaded = parse::Model::Load(ResolveModelPath(model_path_));
  if (loaded.ok()) shared_model_ = std::move(loaded).value();
  else load_status_ = loaded.status();
}

Status ConcurrentDocumentCoder::Code(Document& doc, std::vector<Event>& out,
                                     std::vector<std::string>* headline_unmatched) {
  if (!concurrent_) return single_.Code(doc, out, headline_unmatched);
  // Without the model, documents that arrive parsed are still coded.
  if (!shared_model_ && (doc.sentences.empty() || !doc.IsParsed())) return load_status_;
  DocumentCoder coder = shared_model_ ? DocumentCoder(coder_, *shared_model_) : DocumentCoder(coder_, model_path_);
  coder.set_parse_only_event_sentences(parse_only_event_sentences_);
  return coder.Code(doc, out, headline_unmatched);
}

}  // namespace parley::pipeline

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

SyntaxGuide CodingGuide(const coder::Coder& coder, bool parse_only_event_sentences) {
  SyntaxGuide guide;
  guide.mark_names = [&coder](std::span<const Token> t, std::span<uint8_t> names) { coder.MarkNames(t, names); };
  if (parse_only_event_sentences)
    guide.wants_tree = [&coder](std::span<const Token> t) { return SentenceMayYieldEvents(coder, t); };
  return guide;
}

const parse::Model* DocumentCoder::LoadedModel() {
  if (shared_model_ != nullptr) return shared_model_;
  std::call_once(load_once_, [this] {
    auto loaded = parse::Model::Load(ResolveModelPath(model_path_));
    if (loaded.ok()) model_ = std::move(loaded).value();
    else model_status_ = loaded.status();
  });
  return model_ ? &*model_ : nullptr;
}

Status DocumentCoder::Code(Document& doc, std::vector<Event>& out,
                          std::vector<std::string>* headline_unmatched) {
  if (headline_unmatched != nullptr) headline_unmatched->clear();
  if (doc.sentences.empty() || !doc.IsParsed()) {
    const parse::Model* model = LoadedModel();
    if (model == nullptr) return model_status_;
    Status analyzed = Analyze(doc, *model, guide_);
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

}  // namespace parley::pipeline

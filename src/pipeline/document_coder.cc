#include "pipeline/document_coder.h"

#include "enrich/enricher.h"
#include "pipeline/analyze.h"

namespace parley::pipeline {

Status DocumentCoder::Code(Document& doc, std::vector<Event>& out) {
  if (doc.sentences.empty() || !doc.IsParsed()) {
    if (!model_ && model_status_.ok()) {
      auto loaded = parse::Model::Load(ResolveModelPath(model_path_));
      if (loaded.ok()) model_ = std::move(loaded).value();
      else model_status_ = loaded.status();
    }
    if (!model_) return model_status_;
    Status analyzed = Analyze(doc, *model_);
    if (!analyzed.ok()) return analyzed;
  }
  size_t first_new = out.size();
  coder_.CodeDocument(doc, out);
  enrich::EnrichEvents(doc, std::span<Event>(out).subspan(first_new));
  return Status::Ok();
}

}  // namespace parley::pipeline

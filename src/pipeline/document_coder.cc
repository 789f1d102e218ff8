#include "pipeline/document_coder.h"

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
  coder_.CodeDocument(doc, out);
  return Status::Ok();
}

}  // namespace parley::pipeline

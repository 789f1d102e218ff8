#include "server/backend.h"

#include "lexicon/lexicon.h"
#include "pipeline/analyze.h"

namespace parley::server {

Result<std::unique_ptr<CodingResources>> CodingResources::Load(const std::string& model_path) {
  lexicon::LexiconPaths dictionaries = pipeline::DefaultDictionaries();
  if (dictionaries.verbs.empty() || dictionaries.actors.empty())
    return Status::NotFound(
        "no dictionaries: set $PARLEY_DICTIONARIES to a folder with Parley's verbs.txt and actor files");
  auto lexicon = lexicon::Lexicon::Load(dictionaries);
  if (!lexicon.ok()) return lexicon.status();
  std::string path = pipeline::ResolveModelPath(model_path);
  auto model = parse::Model::Load(path);
  if (!model.ok()) return model.status();
  std::unique_ptr<CodingResources> r(new CodingResources());
  r->coder_.emplace(lexicon.value());
  r->model_.emplace(std::move(model).value());
  return r;
}

}  // namespace parley::server

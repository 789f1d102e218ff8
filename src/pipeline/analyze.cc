#include "pipeline/analyze.h"

#include <cstdlib>
#include <filesystem>

#include "text/tokenizer.h"

namespace parley::pipeline {

Status Analyze(Document& doc, const parse::Model& model) {
  if (doc.sentences.empty()) {
    Status s = text::Tokenize(doc);
    if (!s.ok()) return s;
  }
  for (const Sentence& sentence : doc.sentences) {
    auto tokens = doc.TokensOf(sentence);
    if (tokens.empty()) continue;
    bool parsed = true;
    for (const Token& t : tokens) parsed = parsed && t.head >= 0;
    if (!parsed) model.Annotate(tokens);
  }
  return Status::Ok();
}

std::string ResolveModelPath(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  if (const char* env = std::getenv("PARLEY_MODEL"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  if (std::filesystem::exists(parse::kDefaultModelPath, ec)) return parse::kDefaultModelPath;
  return PARLEY_SOURCE_MODEL;
}

}  // namespace parley::pipeline

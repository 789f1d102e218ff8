#include "pipeline/analyze.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "pipeline/hyphenated_words.h"
#include "text/tokenizer.h"

namespace parley::pipeline {

Status Analyze(Document& doc, const parse::Model& model, const SyntaxGuide& guide) {
  if (doc.sentences.empty()) {
    Status s = text::Tokenize(doc);
    if (!s.ok()) return s;
  }
  for (const Sentence& sentence : doc.sentences) {
    auto tokens = doc.TokensOf(sentence);
    if (tokens.empty()) continue;
    bool parsed = true;
    for (const Token& t : tokens) parsed = parsed && t.head >= 0;
    if (parsed) continue;
    thread_local std::vector<uint8_t> names;
    names.assign(guide.mark_names ? tokens.size() : 0, 0);
    if (guide.mark_names) guide.mark_names(tokens, names);
    model.Annotate(tokens, guide.wants_tree, names);
  }
  return Status::Ok();
}

Status AnalyzeForCoding(Document& doc, const parse::Model& model, const SyntaxGuide& guide) {
  Status analyzed = Analyze(doc, model, guide);
  if (analyzed.ok()) JoinHyphenatedWords(doc);
  return analyzed;
}

std::string ResolveModelPath(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  if (const char* env = std::getenv("PARLEY_MODEL"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  if (std::filesystem::exists(parse::kDefaultModelPath, ec)) return parse::kDefaultModelPath;
  return PARLEY_SOURCE_MODEL;
}

lexicon::LexiconPaths DefaultDictionaries() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = PARLEY_SOURCE_DICTIONARIES;
  if (const char* env = std::getenv("PARLEY_DICTIONARIES"); env != nullptr && *env != '\0')
    dir = env;
  else if (fs::exists("dictionaries/countries.txt", ec))
    dir = "dictionaries";
  lexicon::LexiconPaths paths;
  auto add = [&](const char* name, std::vector<std::string>& into) {
    fs::path p = dir / name;
    if (fs::exists(p, ec)) into.push_back(p.string());
  };
  add("verbs.txt", paths.verbs);
  for (const char* name :
       {"countries.txt", "metonyms.txt", "regions.txt", "people.txt", "organizations.txt", "places.txt"})
    add(name, paths.actors);
  add("agents.txt", paths.agents);
  add("discards.txt", paths.discards);
  return paths;
}

}  // namespace parley::pipeline

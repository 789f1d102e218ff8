// Raw text to dependency trees: the text and syntax stages run in order on a
// Document, so every later stage sees parsed sentences whatever arrived.
// Functions here are thread-safe given a shared, immutable parse::Model.
#ifndef PARLEY_PIPELINE_ANALYZE_H_
#define PARLEY_PIPELINE_ANALYZE_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "parley/document.h"
#include "parley/status.h"
#include "lexicon/lexicon.h"
#include "parse/model.h"

namespace parley::pipeline {

// What a later stage knows that helps the syntax (both optional).
struct SyntaxGuide {
  // Once the words are tagged and lemmatized: whether to parse the sentence;
  // when not, it keeps tags and lemmas and no tree (heads -1).
  std::function<bool(std::span<const Token>)> wants_tree;
  // Before tagging, from the forms: sets names[i] to 1 for each word its
  // dictionaries list in a proper name (names comes sized and zeroed).
  std::function<void(std::span<const Token>, std::span<uint8_t> names)> mark_names;
};

// Splits and tokenizes a document that has no sentences yet (title and body),
// then tags, lemmatizes and parses every sentence that has no tree. Sentences
// that arrived parsed (CoNLL-U, PETRARCH <Parse>) are left as they are.
// See parse::Model::Annotate for what the guide changes.
Status Analyze(Document& doc, const parse::Model& model, const SyntaxGuide& guide = {});

// Analyze, then each hyphenated word joined (JoinHyphenatedWords): the
// sentences as the coding stages read them, whose dictionaries, gazetteer and
// negotiation terms spell such words whole. Joins nothing when Analyze fails.
Status AnalyzeForCoding(Document& doc, const parse::Model& model, const SyntaxGuide& guide = {});

// The model file to use: `explicit_path` when given; else $PARLEY_MODEL; else
// models/parley-en.model under the current directory; else the one in the
// source tree Parley was built from. Returns the first that exists (or the
// last candidate, so the loader reports it missing).
std::string ResolveModelPath(const std::string& explicit_path);

// Parley's own dictionaries (dictionaries/*.txt): found in $PARLEY_DICTIONARIES,
// else dictionaries/ under the current directory, else the source tree's.
// Only the files that exist are listed.
lexicon::LexiconPaths DefaultDictionaries();

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_ANALYZE_H_

// Raw text to dependency trees: the text and syntax stages run in order on a
// Document, so every later stage sees parsed sentences whatever arrived.
// Functions here are thread-safe given a shared, immutable parse::Model.
#ifndef PARLEY_PIPELINE_ANALYZE_H_
#define PARLEY_PIPELINE_ANALYZE_H_

#include <functional>
#include <span>
#include <string>

#include "parley/document.h"
#include "parley/status.h"
#include "lexicon/lexicon.h"
#include "parse/model.h"

namespace parley::pipeline {

// Splits and tokenizes a document that has no sentences yet (title and body),
// then tags, lemmatizes and parses every sentence that has no tree. Sentences
// that arrived parsed (CoNLL-U, PETRARCH <Parse>) are left as they are.
// With `wants_tree`, a sentence is parsed only when it says so once the
// words are tagged and lemmatized; the others keep tags and lemmas and no
// tree (heads -1). See parse::Model::Annotate.
Status Analyze(Document& doc, const parse::Model& model,
               const std::function<bool(std::span<const Token>)>& wants_tree = {});

// Analyze, then each hyphenated word joined (JoinHyphenatedWords): the
// sentences as the coding stages read them, whose dictionaries, gazetteer and
// negotiation terms spell such words whole. Joins nothing when Analyze fails.
Status AnalyzeForCoding(Document& doc, const parse::Model& model,
                        const std::function<bool(std::span<const Token>)>& wants_tree = {});

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

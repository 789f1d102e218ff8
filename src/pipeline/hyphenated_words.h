// Hyphenated words for the coding stages.
//
// The tokenizer splits a hyphenated word as UD English does ("al - Qaeda",
// "cease - fire", "Iran - backed"), which is what the tagger and parser were
// trained on. The dictionaries, the gazetteer and the negotiation tracker
// spell such words whole ("AL-QAEDA", "cease-fire", "test-fire"), as do
// parses supplied with PETRARCH records. JoinHyphenatedWords puts the words
// back together after parsing, before those stages read the sentence.
#ifndef PARLEY_PIPELINE_HYPHENATED_WORDS_H_
#define PARLEY_PIPELINE_HYPHENATED_WORDS_H_

#include <span>
#include <vector>

#include "parley/document.h"

namespace parley::pipeline {

// Joins every run "w - w (- w ...)" of tokens written with no space between
// them (by their offsets; the hyphens exactly "-") into one token: its form
// the run's text, its lemma the run's forms with the last word's lemma
// ("test-fired" → "test-fire"), its tags, features, head and relation those
// of the run's head word (the last word whose head lies outside the run).
// Children of any word of the run hang from the joined token; sentence
// token ranges and heads are renumbered. A joined adjective or participle
// right before a noun ("army-led government", "Iran-backed Houthis")
// modifies that noun (amod), with the determiners and possessors before it,
// whatever the parser made of its three words. Sentences without offsets
// (begin == end) are left as they are. Returns the number of runs joined.
size_t JoinHyphenatedWords(Document& doc);

// Whether a sentence's tokens hold a run JoinHyphenatedWords would join.
bool HasHyphenatedWord(std::span<const Token> toks);

// A sentence's words as JoinHyphenatedWords leaves them, without its tree
// (heads as they were): for looking words up as the dictionaries spell them
// before the sentence is parsed.
void JoinedWords(std::span<const Token> toks, std::vector<Token>& out);

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_HYPHENATED_WORDS_H_

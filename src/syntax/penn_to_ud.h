// Penn Treebank constituency trees → Universal Dependencies (v2) trees.
//
// The converter picks semantic heads the way UD wants them (main verb over
// auxiliaries, predicate over copula, noun over preposition, clause verb over
// complementizer) with Collins/Stanford-style head rules, then labels every
// non-head constituent from its category, its position and its parent. It also
// fills UPOS, FEATS and a rule-based LEMMA. Stateless and thread-safe.
#ifndef PARLEY_SYNTAX_PENN_TO_UD_H_
#define PARLEY_SYNTAX_PENN_TO_UD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/status.h"
#include "syntax/penn_tree.h"

namespace parley::syntax {

// Parses one Penn Treebank tree, converts it to a UD dependency tree and
// appends it to `doc` as a new Sentence (tokens appended to doc.tokens) with the
// given field and index. Token char offsets are aligned to doc.TextOf(sentence)
// when the words can be found there in order (else begin == end == 0); the
// sentence's begin/end span its aligned tokens. On error `doc` is unchanged.
Status AppendPennSentence(std::string_view penn, Document& doc, TextField field, int32_t index);

// One token per word of `tree`, with form, lemma, upos, xpos, feats, deprel and
// a 1-based head (0 for the single root). Offsets are left at 0.
std::vector<Token> ConvertPennTree(const PennTree& tree);

// Parse + convert.
Result<std::vector<Token>> PennToUd(std::string_view penn);

// Sets begin/end of `tokens` to where their forms occur, in order, in `text`
// from `from` on; tokens not found keep begin == end == 0.
void AlignTokens(std::string_view text, size_t from, std::vector<Token>& tokens);

// Undoes PTB escapes: -LRB- → "(", -RCB- → "}", `` and '' → ", \/ → /, \* → *.
std::string UnescapePtbWord(std::string_view word);

// The UD part of speech for a PTB tag, ignoring context (VBZ → VERB, MD → AUX).
std::string_view UposForPtbTag(std::string_view tag);

}  // namespace parley::syntax

#endif  // PARLEY_SYNTAX_PENN_TO_UD_H_

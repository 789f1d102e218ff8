// Sentence splitting and tokenization of English news text, following the
// Universal Dependencies English (EWT) conventions: clitics split (do n't,
// Israel 's, they 're), punctuation, symbols and currency signs separate
// (10 %, $ 1.2), hyphenated words split (cease - fire, al - Qaeda) except
// after a prefix (pro-Russian, non-state) or before a digit (COVID-19), but
// numbers (1,200 3.5 10:30 2024-07-05), abbreviations (U.S. Gen. a.m.), URLs
// and e-mail addresses kept whole; a wire dateline is a sentence of its own.
//
// One pass over the bytes, no regular expressions, no allocation per character.
// Input is UTF-8; invalid bytes are kept as-is (they count as word characters).
// Offsets are byte offsets into the text and cover exactly the token's bytes.
// All functions are thread-safe (no shared mutable state).
#ifndef PARLEY_TEXT_TOKENIZER_H_
#define PARLEY_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/status.h"

namespace parley::text {

struct TokenizerOptions {
  // Also tokenize doc.title, as one sentence (index -1, TextField::kTitle)
  // placed before the body's sentences. An empty title gives no sentence.
  bool split_title = true;
};

// Splits doc.title (as one sentence, index -1, TextField::kTitle) and doc.text
// into Sentences and Tokens (form, begin, end set; head = -1, other fields
// empty). Body sentences get index 0, 1, ...; sentences without tokens (blank
// text) are not created. Fails with kInvalidArgument, leaving `doc` unchanged,
// when the REQUIRES below is broken or a text is 4 GiB or longer.
// REQUIRES: doc has no sentences yet.
Status Tokenize(Document& doc, const TokenizerOptions& options = {});

// Lower level: tokens and sentence boundaries of one text.
struct TextSpan {
  uint32_t begin, end;  // byte range [begin, end) in the text
};

// Replaces the contents of `tokens` (in text order, never empty, never
// overlapping) and `sentence_starts` (ascending indexes into `tokens`; the
// first is 0 whenever there is a token, and every sentence has a token).
// Capacity is reused, so a caller that keeps the vectors allocates nothing in
// the steady state.
// REQUIRES: text.size() < 2^32.
void TokenizeText(std::string_view text, std::vector<TextSpan>& tokens,
                  std::vector<uint32_t>& sentence_starts /* index into tokens */);

}  // namespace parley::text

#endif  // PARLEY_TEXT_TOKENIZER_H_

// Parley's one data model: Document → Sentence → Token.
//
// A Document owns its text and one contiguous vector of Tokens; a Sentence is a
// view (a token range and a character range) into it. Token fields follow
// Universal Dependencies (CoNLL-U), with character offsets into the text the
// sentence came from. Every pipeline stage reads and fills a Document.
// Thread-compatible: share a const Document freely, mutate from one thread.
#ifndef PARLEY_DOCUMENT_H_
#define PARLEY_DOCUMENT_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parley/date.h"

namespace parley {

struct Token {
  std::string form;    // the word as written (PTB escapes such as -LRB- undone)
  std::string lemma;   // dictionary form; empty when unknown
  std::string upos;    // Universal POS tag (NOUN, VERB, PROPN, ...); empty when unknown
  std::string xpos;    // Penn Treebank tag (NN, VBD, ...); empty when unknown
  std::string feats;   // UD features "Number=Sing|Tense=Past"; empty when none
  std::string deprel;  // UD relation to the head (nsubj, obj, ...); "root" for the root
  std::string misc;    // CoNLL-U MISC column; empty when none
  int32_t head = -1;   // 1-based index of the head within the sentence; 0 = root; -1 = no tree
  uint32_t begin = 0;  // character (byte) offset of the first byte in the source text
  uint32_t end = 0;    // one past the last byte; begin == end when not aligned
};

// Which text a sentence's character offsets point into.
enum class TextField : uint8_t { kBody, kTitle };

struct Sentence {
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t token_count = 0;
  uint32_t begin = 0;        // character range in the field below
  uint32_t end = 0;
  TextField field = TextField::kBody;
  int32_t index = 0;         // 0-based position in the body; -1 for the title
  std::string id;            // record id where the input names sentences (PETRARCH, CoNLL-U sent_id)
};

struct Document {
  std::string id;
  Date date;
  std::string title;
  std::string text;  // body
  std::string url;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::span<const Token> TokensOf(const Sentence& s) const {
    return {tokens.data() + s.first_token, s.token_count};
  }
  std::span<Token> TokensOf(const Sentence& s) {
    return {tokens.data() + s.first_token, s.token_count};
  }
  const std::string& TextOf(const Sentence& s) const {
    return s.field == TextField::kTitle ? title : text;
  }
  // True when every sentence has a dependency tree (heads assigned).
  bool IsParsed() const;
};

}  // namespace parley

#endif  // PARLEY_DOCUMENT_H_

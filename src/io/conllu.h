// CoNLL-U (Universal Dependencies) reading and writing.
//
// Reading: a new Document starts at each "# newdoc" (id from "# newdoc id =";
// a file without any is one Document named after the file stem). Each
// sentence block becomes a Sentence with id from "# sent_id"; the body text is
// the sentences' "# text" joined by single spaces (rebuilt from the forms and
// SpaceAfter=No where "# text" is absent), and every token's begin/end is found
// by aligning its form to that text. Multiword-token lines (3-4) and empty
// nodes (5.1) do not become Tokens; the words they cover do. PTB bracket
// escapes in FORM and LEMMA (-LRB-, -RSB-, ...) are undone. Token::misc is the
// MISC column with SpaceAfter=No made to agree with the offsets. Also read:
// "# date = YYYY-MM-DD" (and GUM's "# meta::dateCreated") → Document::date, and
// "# field = title" (written by WriteConllu) for headline sentences.
//
// Validation: 10 tab-separated columns, word IDs 1, 2, 3..., multiword ranges
// that start at the next word, HEAD a number in 0..words (or "_" on every
// word: no tree), exactly one root, no cycles. A bad sentence is listed in
// ReadSummary::skipped as "name:LINE" with the reason and the offending line
// quoted; the rest of its document is still read. Here a skipped entry is a
// sentence, not a document. Thread-compatible.
#ifndef PARLEY_IO_CONLLU_H_
#define PARLEY_IO_CONLLU_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "io/read_summary.h"
#include "parley/document.h"
#include "parley/status.h"

namespace parley::io {

// Reads CoNLL-U `content` named `name` in messages (its stem names a document
// that has no "# newdoc id"). Always OK unless the text outgrows 32-bit offsets.
Status ReadConllu(std::string_view content, const std::string& name, const DocumentSink& sink,
                  ReadSummary& summary);

// Reads the file at `path` ("-" = stdin). Fails when it cannot be read.
Status ReadConlluFile(const std::string& path, const DocumentSink& sink, ReadSummary& summary);

// Where a sentence block sits, for error messages: "name:LINE: ...".
struct BlockLocation {
  std::string_view name;  // "" → messages say "line N: ..."
  int first_line = 1;     // line number of the block's first line
};

// Parses one sentence block (optional comment lines, then word lines) and
// appends it to `doc` as a new Sentence (field, index as given). Token offsets
// are aligned to doc.TextOf(field) from the end of the last sentence already
// there; if nothing but whitespace is left there, the sentence's "# text" (or
// its forms) is appended to that field first, after a space. Forms that cannot
// be found in the text get begin == end. On error `doc` is unchanged.
Status AppendConlluSentence(std::string_view block, Document& doc, TextField field, int32_t index);
Status AppendConlluSentence(std::string_view block, const BlockLocation& where, Document& doc,
                            TextField field, int32_t index);

// The document as CoNLL-U: "# newdoc id", "# date" (when known), then per
// sentence "# sent_id" (the Sentence id, else "<doc id>-<n>"), "# field = title"
// for title sentences, "# text" and one line per token, with SpaceAfter=No in
// MISC where the offsets show no space after a token. Sentences without tokens
// are left out. Reading the output back gives the same tokens.
std::string WriteConllu(const Document& doc);
void AppendConllu(const Document& doc, std::string& out);

}  // namespace parley::io

#endif  // PARLEY_IO_CONLLU_H_

#include "io/conllu.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "io/io_util.h"

namespace parley::io {
namespace {

constexpr int kColumns = 10;
// How far past the expected position a form may be found when the text does
// not continue with it (stray characters the tokenizer dropped, and so on).
constexpr size_t kAlignSlack = 32;

struct Line {
  int number;
  std::string_view text;
};

struct LineError {
  int line = 0;
  std::string reason;
};

struct MultiwordToken {
  size_t first;  // 0-based word indices, inclusive
  size_t last;
  std::string_view form;
  bool no_space_after;
  int line;
};

// One sentence block, parsed but not yet placed in a Document.
struct ParsedSentence {
  std::vector<Token> words;
  std::vector<uint8_t> no_space;  // SpaceAfter=No as written (a multiword token's on its last word)
  std::vector<int> word_line;
  std::vector<MultiwordToken> multiword;
  std::string_view text;  // "# text"; empty when absent
  std::string_view sent_id;
  bool newdoc = false;
  std::string_view newdoc_id;
  bool newpar = false;  // "# newpar": the text starts a new paragraph (a line break)
  bool title = false;
  std::string_view date;       // "# date"
  std::string_view meta_date;  // "# meta::dateCreated" (GUM)
  int date_line = 0;
};

std::optional<int64_t> ParseNonNegative(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

std::string_view Column(std::string_view s) { return s == "_" ? std::string_view() : s; }

// Token::form holds words as written: Penn Treebank bracket escapes, which
// some parsers (UDPipe in the PETRARCH UD records) leave in CoNLL-U, are undone.
std::string_view UnescapeBracket(std::string_view s) {
  if (s.size() != 5 || s[0] != '-' || s[4] != '-') return s;
  if (s == "-LRB-") return "(";
  if (s == "-RRB-") return ")";
  if (s == "-LSB-") return "[";
  if (s == "-RSB-") return "]";
  if (s == "-LCB-") return "{";
  if (s == "-RCB-") return "}";
  return s;
}

bool MiscHasSpaceAfterNo(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(pos, bar - pos) == "SpaceAfter=No") return true;
    pos = bar + 1;
  }
  return false;
}

// Adds or removes the SpaceAfter=No attribute, leaving the others (and their order) alone.
void SetSpaceAfterNo(std::string& misc, bool no_space) {
  bool has = MiscHasSpaceAfterNo(misc);
  if (has == no_space) return;
  if (no_space) {
    if (!misc.empty()) misc += '|';
    misc += "SpaceAfter=No";
    return;
  }
  std::string out;
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string::npos) bar = misc.size();
    std::string_view item = std::string_view(misc).substr(pos, bar - pos);
    if (item != "SpaceAfter=No" && !item.empty()) {
      if (!out.empty()) out += '|';
      out += item;
    }
    pos = bar + 1;
  }
  misc = std::move(out);
}

// True when text[a, b) holds whitespace, i.e. the tokens ending at a and starting at b are
// separated by a space. Overlapping or touching tokens are not.
bool SpaceBetween(std::string_view text, size_t a, size_t b) {
  if (b <= a || b > text.size()) return false;
  for (size_t i = a; i < b; ++i)
    if (IsAsciiSpace(text[i])) return true;
  return false;
}

bool Aligned(const Token& t) { return t.end > t.begin; }

void ParseComment(std::string_view line, ParsedSentence& out, int line_number) {
  std::string_view body = TrimAscii(line.substr(1));
  size_t eq = body.find('=');
  std::string_view key = TrimAscii(body.substr(0, eq));
  std::string_view value = eq == std::string_view::npos ? std::string_view() : TrimAscii(body.substr(eq + 1));
  if (key == "newdoc" || key == "newdoc id") {
    out.newdoc = true;
    out.newdoc_id = value;
  } else if (key == "newpar" || key == "newpar id") {
    out.newpar = true;
  } else if (key == "sent_id") {
    out.sent_id = value;
  } else if (key == "text") {
    out.text = value;
  } else if (key == "field") {
    out.title = value == "title";
  } else if (key == "date") {
    out.date = value;
    out.date_line = line_number;
  } else if (key == "meta::dateCreated") {
    out.meta_date = value;
  }
}

// Parses a word line's 10 columns into a Token.
std::optional<LineError> ParseWord(std::span<const std::string_view, kColumns> cols, const Line& line,
                                   Token& token, bool& no_space) {
  if (cols[1].empty()) return LineError{line.number, "empty FORM: " + Quote(line.text)};
  token.form.assign(UnescapeBracket(cols[1]));
  token.lemma.assign(cols[2] == "_" && cols[1] == "_" ? cols[2] : UnescapeBracket(Column(cols[2])));
  token.upos.assign(Column(cols[3]));
  token.xpos.assign(Column(cols[4]));
  token.feats.assign(Column(cols[5]));
  if (cols[6] == "_") {
    token.head = -1;
  } else {
    std::optional<int64_t> head = ParseNonNegative(cols[6]);
    if (!head) return LineError{line.number, fmt::format("bad HEAD {}: {}", Quote(cols[6], 20), Quote(line.text))};
    token.head = static_cast<int32_t>(*head);
  }
  token.deprel.assign(Column(cols[7]));
  token.misc.assign(Column(cols[9]));
  no_space = MiscHasSpaceAfterNo(token.misc);
  return std::nullopt;
}

// Checks HEADs once all words are read: all or none given, in range, one root, no cycle.
std::optional<LineError> CheckTree(const ParsedSentence& s, std::span<const Line> word_lines) {
  size_t n = s.words.size();
  auto quote = [&](size_t i) { return Quote(word_lines[i].text); };
  size_t missing = 0;
  for (const Token& t : s.words) missing += t.head < 0;
  if (missing == n) return std::nullopt;  // no tree at all: allowed
  std::optional<size_t> root;
  for (size_t i = 0; i < n; ++i) {
    int32_t h = s.words[i].head;
    int line = s.word_line[i];
    if (h < 0)
      return LineError{line, "HEAD '_' in a sentence whose other words have heads: " + quote(i)};
    if (static_cast<size_t>(h) > n)
      return LineError{line, fmt::format("HEAD {} out of range 0..{}: {}", h, n, quote(i))};
    if (static_cast<size_t>(h) == i + 1)
      return LineError{line, fmt::format("word {} is its own HEAD: {}", i + 1, quote(i))};
    if (h == 0) {
      if (root)
        return LineError{line, fmt::format("second root (HEAD 0); word {} is already the root: {}",
                                           *root + 1, quote(i))};
      root = i;
    }
  }
  if (!root) return LineError{s.word_line[0], "no root: no word has HEAD 0"};
  // With one root and every HEAD in range, a word fails to reach the root only on a cycle.
  std::vector<uint8_t> state(n, 0);  // 0 unvisited, 1 on the current path, 2 reaches the root
  std::vector<size_t> path;
  for (size_t start = 0; start < n; ++start) {
    size_t i = start;
    path.clear();
    while (true) {
      if (state[i] == 2) break;
      if (state[i] == 1)
        return LineError{s.word_line[i], fmt::format("HEAD cycle through word {}: {}", i + 1, quote(i))};
      state[i] = 1;
      path.push_back(i);
      int32_t h = s.words[i].head;
      if (h == 0) break;
      i = static_cast<size_t>(h - 1);
    }
    for (size_t j : path) state[j] = 2;
  }
  return std::nullopt;
}

// Parses one block of lines (no blank lines inside). Comments are taken in
// before the first error, so a bad block still starts its "# newdoc".
std::optional<LineError> ParseSentence(std::span<const Line> lines, ParsedSentence& out) {
  std::vector<Line> word_lines;
  size_t open_multiword_end = 0;  // 1-based last word of the multiword token being filled
  for (const Line& line : lines) {
    if (line.text.starts_with('#')) {
      if (out.words.empty() && out.multiword.empty()) ParseComment(line.text, out, line.number);
      continue;  // comments after the words are ignored
    }
    std::array<std::string_view, kColumns> cols;
    size_t count = 0, pos = 0;
    while (true) {
      size_t tab = line.text.find('\t', pos);
      std::string_view col = line.text.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
      if (count < kColumns) cols[count] = col;
      ++count;
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    if (count != kColumns)
      return LineError{line.number, fmt::format("expected {} tab-separated columns, got {}: {}", kColumns,
                                                count, Quote(line.text))};
    std::string_view id = cols[0];
    size_t next = out.words.size() + 1;
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      std::optional<int64_t> a = ParseNonNegative(id.substr(0, dash));
      std::optional<int64_t> b = ParseNonNegative(id.substr(dash + 1));
      if (!a || !b || *a < 1 || *b <= *a)
        return LineError{line.number, fmt::format("bad multiword token range {}: {}", Quote(id, 20), Quote(line.text))};
      if (static_cast<size_t>(*a) != next || next <= open_multiword_end)
        return LineError{line.number, fmt::format("multiword token {} does not start at the next word, {}: {}",
                                                  id, next, Quote(line.text))};
      out.multiword.push_back({static_cast<size_t>(*a - 1), static_cast<size_t>(*b - 1), cols[1],
                               MiscHasSpaceAfterNo(cols[9]), line.number});
      open_multiword_end = static_cast<size_t>(*b);
      continue;
    }
    if (size_t dot = id.find('.'); dot != std::string_view::npos) {
      std::optional<int64_t> a = ParseNonNegative(id.substr(0, dot));
      std::optional<int64_t> b = ParseNonNegative(id.substr(dot + 1));
      if (!a || !b || *b < 1 || static_cast<size_t>(*a) != next - 1)
        return LineError{line.number, fmt::format("bad empty node ID {} after word {}: {}", Quote(id, 20), next - 1,
                                                  Quote(line.text))};
      continue;  // empty nodes are not tokens
    }
    std::optional<int64_t> n = ParseNonNegative(id);
    if (!n) return LineError{line.number, fmt::format("bad ID {}: {}", Quote(id, 20), Quote(line.text))};
    if (static_cast<size_t>(*n) != next)
      return LineError{line.number, fmt::format("expected word ID {}, got {}: {}", next, *n, Quote(line.text))};
    Token token;
    bool no_space = false;
    if (auto err = ParseWord(std::span<const std::string_view, kColumns>(cols), line, token, no_space)) return err;
    out.words.push_back(std::move(token));
    out.no_space.push_back(no_space);
    out.word_line.push_back(line.number);
    word_lines.push_back(line);
  }
  for (const MultiwordToken& m : out.multiword) {
    if (m.last >= out.words.size())
      return LineError{m.line, fmt::format("multiword token {}-{} covers words past the last one, {}", m.first + 1,
                                           m.last + 1, out.words.size())};
    for (size_t k = m.first; k < m.last; ++k) out.no_space[k] = 1;
    out.no_space[m.last] = m.no_space_after;
  }
  if (out.words.empty()) {
    if (!out.multiword.empty())
      return LineError{out.multiword[0].line, "multiword token line without words"};
    return std::nullopt;
  }
  return CheckTree(out, word_lines);
}

// The sentence text rebuilt from surface forms and SpaceAfter=No.
std::string TextFromForms(const ParsedSentence& s) {
  std::string text;
  size_t m = 0;
  for (size_t w = 0; w < s.words.size();) {
    size_t last = w;
    if (m < s.multiword.size() && s.multiword[m].first == w) {
      text += s.multiword[m].form;
      last = s.multiword[m].last;
      ++m;
    } else {
      text += s.words[w].form;
    }
    w = last + 1;
    if (w < s.words.size() && !s.no_space[last]) text += ' ';
  }
  return text;
}

// Where `form` is in `text` at `cursor` (after whitespace) or a little later; npos if not.
size_t Locate(std::string_view text, size_t cursor, std::string_view form) {
  size_t p = cursor;
  while (p < text.size() && IsAsciiSpace(text[p])) ++p;
  if (text.substr(p).starts_with(form)) return p;
  size_t window_end = std::min(text.size(), p + kAlignSlack + form.size());
  return text.substr(0, window_end).find(form, p);
}

// Sets begin/end of every word by walking `text` from `cursor`.
void Align(std::string_view text, size_t cursor, ParsedSentence& s) {
  size_t cur = cursor;
  size_t m = 0;
  auto set = [](Token& t, size_t b, size_t e) {
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
  };
  for (size_t w = 0; w < s.words.size();) {
    if (m < s.multiword.size() && s.multiword[m].first == w) {
      const MultiwordToken& mw = s.multiword[m++];
      size_t p = Locate(text, cur, mw.form);
      if (p == std::string_view::npos) {
        for (size_t k = mw.first; k <= mw.last; ++k) set(s.words[k], cur, cur);
      } else {
        size_t b = p, e = p + mw.form.size();
        size_t c = b;
        bool split = true;
        for (size_t k = mw.first; k <= mw.last && split; ++k) {
          const std::string& f = s.words[k].form;
          split = text.substr(c, e - c).starts_with(f);
          if (split) {
            set(s.words[k], c, c + f.size());
            c += f.size();
          }
        }
        if (!split || c != e)  // the words do not spell the surface form: all share its span
          for (size_t k = mw.first; k <= mw.last; ++k) set(s.words[k], b, e);
        cur = e;
      }
      w = mw.last + 1;
      continue;
    }
    Token& t = s.words[w];
    size_t p = Locate(text, cur, t.form);
    if (p == std::string_view::npos) {
      set(t, cur, cur);
    } else {
      set(t, p, p + t.form.size());
      cur = p + t.form.size();
    }
    ++w;
  }
}

// Makes SpaceAfter=No in each token's MISC agree with the offsets (as written
// where the offsets cannot tell: the last token, unaligned tokens).
void CanonicalizeSpaceAfter(std::string_view text, std::span<Token> tokens, std::span<const uint8_t> written) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    bool no_space = written[i];
    if (i + 1 < tokens.size() && Aligned(tokens[i]) && Aligned(tokens[i + 1]))
      no_space = !SpaceBetween(text, tokens[i].end, tokens[i + 1].begin);
    SetSpaceAfterNo(tokens[i].misc, no_space);
  }
}

// Places a parsed sentence into `doc` (see AppendConlluSentence).
Status AppendParsed(ParsedSentence& s, Document& doc, TextField field, int32_t index) {
  std::string& text = field == TextField::kTitle ? doc.title : doc.text;
  size_t cursor = 0;
  for (const Sentence& other : doc.sentences)
    if (other.field == field) cursor = std::max<size_t>(cursor, other.end);
  cursor = std::min(cursor, text.size());
  bool rest_blank = TrimAscii(std::string_view(text).substr(cursor)).empty();
  size_t old_size = text.size();
  if (rest_blank) {
    std::string built;
    std::string_view sentence_text = s.text;
    if (sentence_text.empty()) {
      built = TextFromForms(s);
      sentence_text = built;
    }
    // Paragraphs stay on their own lines, as in the original article.
    if (!text.empty() && !IsAsciiSpace(text.back())) text += s.newpar ? '\n' : ' ';
    cursor = text.size();
    text += sentence_text;
  }
  if (text.size() > std::numeric_limits<uint32_t>::max() ||
      doc.tokens.size() + s.words.size() > std::numeric_limits<uint32_t>::max()) {
    text.resize(old_size);
    return Status::Unsupported(fmt::format("document {} is too large for 32-bit offsets", doc.id));
  }
  Align(text, cursor, s);
  CanonicalizeSpaceAfter(text, s.words, s.no_space);

  Sentence sentence;
  sentence.first_token = static_cast<uint32_t>(doc.tokens.size());
  sentence.token_count = static_cast<uint32_t>(s.words.size());
  sentence.field = field;
  sentence.index = index;
  sentence.id.assign(s.sent_id);
  sentence.begin = sentence.end = static_cast<uint32_t>(cursor);
  bool any = false;
  for (const Token& t : s.words) {
    if (!Aligned(t)) continue;
    if (!any) sentence.begin = t.begin;
    sentence.end = std::max(sentence.end, t.end);
    any = true;
  }
  if (rest_blank) {  // the sentence owns all the text it brought, aligned or not
    sentence.begin = static_cast<uint32_t>(cursor);
    sentence.end = static_cast<uint32_t>(text.size());
  }
  for (Token& t : s.words) doc.tokens.push_back(std::move(t));
  doc.sentences.push_back(std::move(sentence));
  return Status::Ok();
}

// Splits `content` into lines numbered from `first_line`, dropping a '\r' before each '\n'.
std::vector<Line> SplitLines(std::string_view content, int first_line) {
  std::vector<Line> lines;
  size_t pos = 0;
  int number = first_line;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    size_t stop = nl == std::string_view::npos ? content.size() : nl;
    std::string_view line = content.substr(pos, stop - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({number++, line});
    pos = stop + 1;
  }
  return lines;
}

std::string Where(const BlockLocation& where, int line) {
  if (where.name.empty()) return fmt::format("line {}", line);
  return fmt::format("{}:{}", where.name, line);
}

std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

}  // namespace

Status AppendConlluSentence(std::string_view block, Document& doc, TextField field, int32_t index) {
  return AppendConlluSentence(block, BlockLocation{}, doc, field, index);
}

Status AppendConlluSentence(std::string_view block, const BlockLocation& where, Document& doc,
                            TextField field, int32_t index) {
  std::vector<Line> lines = SplitLines(block, where.first_line);
  // Surrounding blank lines are allowed; a blank line inside would end the sentence.
  while (!lines.empty() && TrimAscii(lines.front().text).empty()) lines.erase(lines.begin());
  while (!lines.empty() && TrimAscii(lines.back().text).empty()) lines.pop_back();
  for (const Line& line : lines)
    if (TrimAscii(line.text).empty())
      return Status::ParseError(fmt::format("{}: blank line inside a sentence block", Where(where, line.number)));
  ParsedSentence s;
  if (auto err = ParseSentence(lines, s))
    return Status::ParseError(fmt::format("{}: {}", Where(where, err->line), err->reason));
  if (s.words.empty())
    return Status::ParseError(fmt::format("{}: no word lines in the sentence block",
                                          Where(where, lines.empty() ? where.first_line : lines.front().number)));
  return AppendParsed(s, doc, field, index);
}

Status ReadConllu(std::string_view content, const std::string& name, const DocumentSink& sink,
                  ReadSummary& summary) {
  const std::string display = DisplayName(name);
  const std::string stem = FileStem(name);
  BlockLocation where{display, 1};
  std::vector<Line> lines = SplitLines(StripBom(content), 1);

  Document doc;
  doc.id = stem;
  int doc_line = 1;
  int32_t body_index = 0;
  size_t failed = 0;  // sentences of `doc` that were skipped
  int unnamed_docs = 0;
  bool date_from_comment = false;
  auto flush = [&] {
    if (!doc.sentences.empty()) {
      ++summary.documents;
      sink(std::move(doc));
    } else if (failed > 0) {
      summary.skipped.push_back({fmt::format("{}:{} (doc {})", display, doc_line, doc.id),
                                 fmt::format("none of the document's {} sentences could be read", failed)});
    }
    doc = Document();
    body_index = 0;
    failed = 0;
    date_from_comment = false;
  };

  size_t i = 0;
  while (i < lines.size()) {
    if (TrimAscii(lines[i].text).empty()) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < lines.size() && !TrimAscii(lines[j].text).empty()) ++j;
    std::span<const Line> block(lines.data() + i, j - i);
    i = j;

    ParsedSentence s;
    std::optional<LineError> err = ParseSentence(block, s);
    if (s.newdoc) {
      flush();
      doc.id = s.newdoc_id.empty() ? fmt::format("{}-{}", stem, ++unnamed_docs) : std::string(s.newdoc_id);
      doc_line = block.front().number;
    }
    if (!err && !s.date.empty()) {
      Result<Date> date = Date::Parse(s.date);
      if (date.ok()) {
        doc.date = *date;
        date_from_comment = true;
      } else {
        err = LineError{s.date_line, date.status().message()};
      }
    }
    if (!err && !s.meta_date.empty() && !date_from_comment) {
      if (Result<Date> date = Date::Parse(s.meta_date); date.ok()) doc.date = *date;
    }
    if (err) {
      summary.skipped.push_back({Where(where, err->line), std::move(err->reason)});
      ++failed;
      continue;
    }
    if (s.words.empty()) continue;  // comments only
    TextField field = s.title ? TextField::kTitle : TextField::kBody;
    int32_t index = s.title ? -1 : body_index++;
    if (Status st = AppendParsed(s, doc, field, index); !st.ok()) return st;
  }
  flush();
  return Status::Ok();
}

Status ReadConlluFile(const std::string& path, const DocumentSink& sink, ReadSummary& summary) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ReadConllu(*content, path, sink, summary);
}

void AppendConllu(const Document& doc, std::string& out) {
  bool first = true;
  size_t n = 0;
  for (const Sentence& s : doc.sentences) {
    ++n;
    if (s.token_count == 0) continue;
    if (first) {
      out += fmt::format("# newdoc id = {}\n", OneLine(doc.id));
      if (doc.date.known()) out += fmt::format("# date = {}\n", doc.date.ToIso());
      first = false;
    } else if (s.field == TextField::kBody && s.begin > 0 && s.begin <= doc.text.size()) {
      // A line break before the sentence marks a paragraph, as the reader takes it.
      size_t before = s.begin;
      while (before > 0 && (doc.text[before - 1] == ' ' || doc.text[before - 1] == '\t')) --before;
      if (before > 0 && doc.text[before - 1] == '\n') out += "# newpar\n";
    }
    out += fmt::format("# sent_id = {}\n", s.id.empty() ? fmt::format("{}-{}", OneLine(doc.id), n) : OneLine(s.id));
    if (s.field == TextField::kTitle) out += "# field = title\n";
    const std::string& text = doc.TextOf(s);
    if (s.end > s.begin && s.end <= text.size())
      out += fmt::format("# text = {}\n", OneLine(std::string_view(text).substr(s.begin, s.end - s.begin)));

    std::span<const Token> tokens = doc.TokensOf(s);
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      std::string misc = t.misc;
      bool no_space = MiscHasSpaceAfterNo(misc);
      if (i + 1 < tokens.size() && Aligned(t) && Aligned(tokens[i + 1]) && tokens[i + 1].begin <= text.size())
        no_space = !SpaceBetween(text, t.end, tokens[i + 1].begin);
      SetSpaceAfterNo(misc, no_space);
      auto col = [](std::string_view v) { return v.empty() ? std::string("_") : OneLine(v); };
      out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}\n", i + 1, col(t.form),
                         t.lemma.empty() ? std::string("_") : OneLine(t.lemma), col(t.upos), col(t.xpos),
                         col(t.feats), t.head < 0 ? std::string("_") : std::to_string(t.head), col(t.deprel),
                         col(misc));
    }
    out += '\n';
  }
}

std::string WriteConllu(const Document& doc) {
  std::string out;
  AppendConllu(doc, out);
  return out;
}

}  // namespace parley::io

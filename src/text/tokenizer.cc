#include "text/tokenizer.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "text/abbreviations.h"
#include "text/unicode.h"

namespace parley::text {
namespace {

using internal::Abbreviation;
using internal::CharClass;
using internal::Classify;
using internal::Decode;
using internal::Decoded;
using internal::kAscii;
using internal::kBitDigit;
using internal::kBitLower;
using internal::kBitSpace;
using internal::kBitUpper;
using internal::kBitWord;
using internal::AsciiHas;
using internal::SpaceKind;

// What a token means to the sentence splitter.
enum class Kind : uint8_t {
  kWord,          // words, numbers, URLs, symbols without a role below
  kFinal,         // . ! ? ... …  : may end a sentence
  kAbbrevMayEnd,  // "U.S." "Inc." "W.": ends a sentence before a clear sentence start
  kAbbrevTitle,   // "Gen." "Mr." "No." before a number: never ends a sentence
  kOpener,        // opening quote or bracket
  kCloser,        // closing quote or bracket: stays with the sentence before it
  kJoiner,        // , ; - -- — – & / : the text goes on across a line break
};

// The white space between the previous token and the next one.
enum class Gap : uint8_t { kNone, kSpace, kNewline, kParagraph };

// Whether the tokens so far end in something that may end a sentence.
enum class Pending : uint8_t { kNone, kStrong, kWeak };

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(unsigned char c) { return c < 0x80 && (kAscii.bits[c] & (kBitUpper | kBitLower)) != 0; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsNoCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != lower[i]) return false;
  }
  return true;
}

// Contractions written without an apostrophe that UD English splits
// ("cannot" → "can" "not", "gonna" → "gon" "na", "dont" → "do" "nt").
// Returns the length of the first part, or 0.
size_t SplitUnmarkedContraction(std::string_view w) {
  struct Entry {
    std::string_view word;
    size_t split;
  };
  static constexpr Entry kEntries[] = {
      {"cannot", 3}, {"gonna", 3},   {"wanna", 3},   {"gotta", 3},    {"dont", 2},    {"didnt", 3},
      {"doesnt", 4}, {"isnt", 2},    {"wasnt", 3},   {"arent", 3},    {"werent", 4},  {"couldnt", 5},
      {"wouldnt", 5}, {"shouldnt", 6}, {"havent", 4}, {"hasnt", 3},   {"hadnt", 3},
  };
  if (w.size() < 4 || w.size() > 8) return 0;
  const char last = Lower(w.back());
  if (last != 't' && last != 'a') return 0;
  for (const Entry& e : kEntries) {
    if (EqualsNoCase(w, e.word)) return e.split;
  }
  return 0;
}

bool AsciiHasSpaceOrCr(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool IsAmPm(std::string_view s) { return EqualsNoCase(s, "am") || EqualsNoCase(s, "pm"); }

// "US$", "HK$": a country prefix that stays with the dollar sign.
bool IsDollarPrefix(std::string_view w) {
  return w == "US" || w == "A" || w == "AU" || w == "C" || w == "CA" || w == "HK" || w == "NZ" || w == "S";
}

// Whether a hyphen after `part` keeps the word whole. UD English EWT splits
// hyphenated words (cease - fire, al - Qaeda, long - term, U.S. - led) but
// keeps a prefix on its word: these are the prefixes EWT's training and dev
// data keep whole (non-binding, pre-war, e-mail, anti-ship, re-read,
// mid-July, co-workers, ...), with de-, inter-, ultra-, pseudo- and quasi-
// of the same kind. A digit after the hyphen also keeps it (2024-07-05,
// COVID-19, 3-4): dates and codes stay one token, unlike EWT's ranges.
bool IsKeptPrefix(std::string_view part) {
  static constexpr std::string_view kPrefixes[] = {
      "anti", "co",    "counter", "cross", "de",     "e",    "ex",     "inter", "intra", "micro",
      "mid",  "mis",   "multi",   "neo",   "non",    "over", "post",   "pre",   "pro",   "pseudo",
      "psycho", "quasi", "re",    "semi",  "socio",  "sub",  "ultra",  "un"};
  if (part.empty() || part.size() > 7) return false;
  for (std::string_view p : kPrefixes)
    if (EqualsNoCase(part, p)) return true;
  return false;
}

// Whether `s` (after an apostrophe) is a clitic UD English splits off: 's 're
// 've 'll 'd 'm (and 't of n't, checked by the caller). Case-insensitive.
bool IsClitic(std::string_view s) {
  switch (s.size()) {
    case 1: {
      const char c = Lower(s[0]);
      return c == 's' || c == 'd' || c == 'm';
    }
    case 2:
      return EqualsNoCase(s, "re") || EqualsNoCase(s, "ve") || EqualsNoCase(s, "ll");
    default:
      return false;
  }
}

// Whether the text's lines are wrapped at a fixed width, so that a single line
// break means no more than a space: at least three line breaks (blank lines
// not counted), all lines before them short, most of them ending mid-sentence.
bool IsHardWrapped(std::string_view text) {
  constexpr size_t kMaxWrappedLine = 110;
  size_t breaks = 0, mid_sentence = 0, line_start = 0;
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', line_start)) {
    size_t end = nl;
    while (end > line_start && AsciiHasSpaceOrCr(text[end - 1])) --end;
    size_t next = nl + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) ++next;
    const bool blank_follows = next < text.size() && text[next] == '\n';
    if (end > line_start && !blank_follows) {
      if (end - line_start > kMaxWrappedLine) return false;
      ++breaks;
      const char last = text[end - 1];
      if (last != '.' && last != '!' && last != '?' && last != ':' && last != '"' && last != '\'' &&
          static_cast<unsigned char>(last) < 0x80) {
        ++mid_sentence;
      }
    }
    line_start = nl + 1;
  }
  return breaks >= 3 && mid_sentence * 10 >= breaks * 6;
}

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<TextSpan>& tokens, std::vector<uint32_t>& starts)
      : text_(text), n_(text.size()), tokens_(tokens), starts_(starts) {}

  void Run() {
    hard_wrapped_ = IsHardWrapped(text_);
    size_t i = 0;
    while (i < n_) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c < 0x80) {
        const uint8_t bits = kAscii.bits[c];
        if (bits & kBitWord) {
          i = ScanWord(i);
        } else if (bits & kBitSpace) {
          if (c == '\n' || (c == '\r' && At(i + 1) != '\n') || c == '\v') {
            NoteSpace(SpaceKind::kNewline);
          } else {
            NoteSpace(c == '\f' ? SpaceKind::kParagraph : SpaceKind::kSpace);
          }
          ++i;
        } else if (c < 0x20 || c == 0x7F) {  // other control characters separate tokens
          NoteSpace(SpaceKind::kSpace);
          ++i;
        } else {
          i = ScanAsciiPunct(i);
        }
        continue;
      }
      const Decoded d = Decode(text_, i);
      switch (Classify(d.cp)) {
        case CharClass::kSpace:
          NoteSpace(internal::SpaceKindOf(d.cp));
          i += d.len;
          break;
        case CharClass::kWord:
          i = ScanWord(i);
          break;
        case CharClass::kPunct:
          i = ScanOtherPunct(i, d);
          break;
      }
    }
  }

 private:
  unsigned char At(size_t i) const { return i < n_ ? static_cast<unsigned char>(text_[i]) : 0; }

  // Whether a word character (letter, digit, '_', non-ASCII letter, invalid byte) starts at i.
  bool WordAt(size_t i) const {
    if (i >= n_) return false;
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c < 0x80) return (kAscii.bits[c] & kBitWord) != 0;
    return Classify(Decode(text_, i).cp) == CharClass::kWord;
  }
  // Like WordAt, but no ASCII digit or '_'.
  bool LetterAt(size_t i) const {
    if (i >= n_) return false;
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c < 0x80) return IsAsciiLetter(c);
    return Classify(Decode(text_, i).cp) == CharClass::kWord;
  }
  bool AlnumAt(size_t i) const { return IsDigit(At(i)) || LetterAt(i); }

  void NoteSpace(SpaceKind kind) {
    if (kind == SpaceKind::kNewline) {
      ++newlines_;
    } else if (kind == SpaceKind::kParagraph) {
      newlines_ += 2;
    }
    gap_ = newlines_ >= 2 ? Gap::kParagraph : newlines_ == 1 ? Gap::kNewline : Gap::kSpace;
  }

  // ---- Sentence boundaries -------------------------------------------------

  std::string_view Text(size_t b, size_t e) const { return text_.substr(b, e - b); }

  // Whether the token [b, e) of kind k looks like the start of a sentence.
  bool LooksLikeStart(size_t b, Kind k) const {
    if (k == Kind::kOpener) return true;
    return internal::CanStartSentence(Decode(text_, b).cp);
  }

  // Whether the line before a single line break goes on after it.
  bool LineGoesOn() const {
    switch (last_kind_) {
      case Kind::kJoiner:
      case Kind::kOpener:
      case Kind::kAbbrevTitle:
        return true;
      case Kind::kWord: {
        const TextSpan& t = tokens_.back();
        return internal::IsContinuationWord(Text(t.begin, t.end));
      }
      default:
        return false;
    }
  }

  bool BoundaryBefore(size_t b, size_t e, Kind k) const {
    switch (gap_) {
      case Gap::kParagraph:
        return true;
      case Gap::kNone:
        return false;
      default:
        break;
    }
    // A line break ends a sentence unless the line visibly goes on (or the
    // text is hard-wrapped, where line breaks count as spaces).
    const bool line_break = gap_ == Gap::kNewline && !hard_wrapped_ && !LineGoesOn();
    if (pending_ == Pending::kStrong) {
      if (line_break || LooksLikeStart(b, k)) return true;
      // "... a year. the next day ...": a lower-case start after a plain
      // period or !/? with no closing quote or bracket between ("Why?" he
      // asked), but not after an ellipsis, nor before a list item "b)".
      return k == Kind::kWord && last_final_ != 0 && !closed_ && IsAsciiLetter(At(b)) &&
             !(e == b + 1 && At(e) == ')');
    }
    if (line_break) {
      if (LooksLikeStart(b, k) || IsAsciiLetter(At(b))) return true;
      const Decoded d = Decode(text_, b);  // a bulleted line
      if (d.cp == '-' || d.cp == '*' || d.cp == 0x2022 || d.cp == 0x2013 || d.cp == 0x2014) return true;
    }
    if (pending_ == Pending::kWeak) return k == Kind::kWord && internal::IsClearSentenceStart(Text(b, e));
    return false;
  }

  void Emit(size_t b, size_t e, Kind k) {
    const auto count = static_cast<uint32_t>(tokens_.size());
    if (count == 0 || BoundaryBefore(b, e, k)) starts_.push_back(count);
    tokens_.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    switch (k) {
      case Kind::kFinal:
        pending_ = Pending::kStrong;
        last_final_ = (e - b == 1 || text_[b] == '!' || text_[b] == '?') ? text_[b] : 0;  // not "..." "…" "[...]"
        closed_ = false;
        break;
      case Kind::kAbbrevMayEnd:
        pending_ = Pending::kWeak;
        break;
      case Kind::kCloser:
        closed_ = true;
        break;  // a closing quote or bracket keeps what was pending
      default:
        pending_ = Pending::kNone;
        break;
    }
    last_kind_ = k;
    gap_ = Gap::kNone;
    newlines_ = 0;
  }

  // A straight or ambiguous quote: opening after white space (or at the
  // start, or right after an opener), otherwise closing.
  Kind QuoteKind(size_t next) const {
    if (gap_ != Gap::kNone || tokens_.empty()) return Kind::kOpener;
    if ((last_kind_ == Kind::kOpener || last_kind_ == Kind::kJoiner) && WordAt(next)) return Kind::kOpener;
    return Kind::kCloser;
  }

  // ---- Words ---------------------------------------------------------------

  // How many bytes at j (just after a run of word characters that began at
  // `start`) join the word to what follows, or 0 when the word ends at j.
  size_t Connector(size_t start, size_t j) {
    const unsigned char c = At(j);
    switch (c) {
      case '.':  // 3.5 U.S e.g www.un.org (U.S.-led: U.S. - led)
        if (WordAt(j + 1)) return GluedSentenceAt(start, j) ? 0 : 1;
        return 0;
      case ',':  // 1,200 but not 1,2 or 2020,2021
        return (IsDigit(At(j - 1)) && IsDigit(At(j + 1)) && IsDigit(At(j + 2)) && IsDigit(At(j + 3)) &&
                !IsDigit(At(j + 4)))
                   ? 1
                   : 0;
      case ':':  // 10:30
        return (IsDigit(At(j - 1)) && IsDigit(At(j + 1))) ? 1 : 0;
      case '/':  // 9/11 01/24/2001; b/c w/o L/C but not and/or
        if (IsDigit(At(j - 1)) && IsDigit(At(j + 1))) return 1;
        return (j == start + 1 && IsAsciiLetter(At(j - 1)) && IsAsciiLetter(At(j + 1)) && !WordAt(j + 2)) ? 1 : 0;
      case '-':  // pro-Russian 2024-07-05 COVID-19 whole; cease - fire, al - Qaeda split
        if (!WordAt(j + 1)) return 0;
        return IsDigit(At(j + 1)) || IsKeptPrefix(Text(PartStart(start, j), j)) ? 1 : 0;
      case '\'':  // don't it's O'Brien
      case '`':   // don`t
        if (!LetterAt(j + 1)) return 0;
        last_apostrophe_ = j;
        apostrophe_len_ = 1;
        return 1;
      case '&':  // AT&T Q&A
        return (IsAsciiLetter(At(j - 1)) && IsAsciiLetter(At(j + 1))) ? 1 : 0;
      case '@':  // e-mail addresses
        return AlnumAt(j + 1) ? 1 : 0;
      default:
        break;
    }
    if (c < 0x80) return 0;
    const Decoded d = Decode(text_, j);
    if (d.cp == 0x2019 && LetterAt(j + d.len)) {  // don’t
      last_apostrophe_ = j;
      apostrophe_len_ = d.len;
      return d.len;
    }
    if ((d.cp == 0x2010 || d.cp == 0x2011) && WordAt(j + d.len)) return d.len;  // Unicode hyphens
    return 0;
  }

  // Whether the period at j joins two sentences that lost their space
  // ("fired rockets.Israel responded"): a lower-case word of three or more
  // letters before it, a capitalized word after it, and no e-mail address
  // ("Stacey.Richardson@enron.com") or domain ("Newsfeeds.Com").
  bool GluedSentenceAt(size_t start, size_t j) const {
    auto lower = [&](size_t k) { return AsciiHas(At(k), internal::kBitLower); };
    if (!(j >= start + 3 && lower(j - 1) && lower(j - 2) && lower(j - 3) && AsciiHas(At(j + 1), kBitUpper) &&
          lower(j + 2))) {
      return false;
    }
    size_t k = j + 1;
    while (AsciiHas(At(k), kBitWord)) ++k;
    const std::string_view next = Text(j + 1, k);
    if (next == "Com" || next == "Net" || next == "Org") return false;
    while (AsciiHas(At(k), kBitWord) || At(k) == '.' || At(k) == '-') ++k;
    return At(k) != '@';
  }

  bool NextNonSpaceIsDigit(size_t i) const {
    while (i < n_ && (At(i) == ' ' || At(i) == '\t')) ++i;
    return IsDigit(At(i));
  }

  size_t ScanWord(size_t start) {
    if (UrlAt(start)) {
      const size_t e = UrlEnd(start);
      Emit(start, e, Kind::kWord);
      return e;
    }
    last_apostrophe_ = std::string_view::npos;
    size_t j = start;
    for (;;) {
      while (j < n_) {
        const auto c = static_cast<unsigned char>(text_[j]);
        if (c < 0x80) {
          if ((kAscii.bits[c] & kBitWord) == 0) break;
          ++j;
          continue;
        }
        const Decoded d = Decode(text_, j);
        if (Classify(d.cp) != CharClass::kWord) break;
        j += d.len;
      }
      if (j >= n_) break;
      const size_t step = Connector(start, j);
      if (step == 0) break;
      j += step;
    }
    if (At(j) == '$' && IsDollarPrefix(Text(start, j))) {  // US$ HK$
      Emit(start, j + 1, Kind::kWord);
      return j + 1;
    }
    // A period that belongs to an abbreviation or initial.
    if (At(j) == '.' && At(j + 1) != '.') {
      Abbreviation a = internal::ClassifyAbbreviation(Text(start, j));
      if (a == Abbreviation::kBeforeNumber) a = NextNonSpaceIsDigit(j + 1) ? Abbreviation::kTitle : Abbreviation::kNone;
      if (a != Abbreviation::kNone) {
        Emit(start, j + 1, a == Abbreviation::kTitle ? Kind::kAbbrevTitle : Kind::kAbbrevMayEnd);
        return j + 1;
      }
    }
    EmitWord(start, j);
    return j;
  }

  // Where the part of the word [start, j) after its last hyphen begins.
  size_t PartStart(size_t start, size_t j) const {
    while (j > start && text_[j - 1] != '-') --j;
    return j;
  }

  // Emits [b, e), split before a clitic: do|n't ca|n't Israel|'s they|'re can|not.
  void EmitWord(size_t b, size_t e) {
    size_t split = 0;
    if (last_apostrophe_ != std::string_view::npos) {
      const size_t a = last_apostrophe_;
      const std::string_view after = Text(a + apostrophe_len_, e);
      if (a > b && IsClitic(after) && !(after.size() == 1 && IsDigit(At(a - 1)))) {  // but 1980's
        split = a;
      } else if (after.size() == 1 && Lower(after[0]) == 't' && a > b + 1 && Lower(text_[a - 1]) == 'n') {
        split = a - 1;
      }
    } else if (const size_t k = SplitUnmarkedContraction(Text(b, e)); k != 0) {
      split = b + k;
    } else if (e - b >= 3 && IsDigit(At(b)) && IsDigit(At(e - 3)) && IsAmPm(Text(e - 2, e))) {
      split = e - 2;  // 5pm 10:30am
    }
    if (split != 0) {
      Emit(b, split, Kind::kWord);
      Emit(split, e, Kind::kWord);
    } else {
      Emit(b, e, Kind::kWord);
    }
  }

  // Length of a clitic token ('s 're n't ...) whose apostrophe (apostrophe_len
  // bytes) is at i, directly after a word ("U.S.'s"); 0 if there is none.
  size_t CliticAt(size_t i, size_t apostrophe_len) const {
    if (gap_ != Gap::kNone || tokens_.empty()) return 0;
    if (last_kind_ != Kind::kWord && last_kind_ != Kind::kAbbrevMayEnd && last_kind_ != Kind::kAbbrevTitle) {
      return 0;
    }
    size_t j = i + apostrophe_len;
    while (j < n_ && IsAsciiLetter(At(j)) && j - i - apostrophe_len < 3) ++j;
    if (WordAt(j)) return 0;
    return IsClitic(Text(i + apostrophe_len, j)) ? j - i : 0;
  }

  // ---- URLs ----------------------------------------------------------------

  bool StartsWithNoCase(size_t i, std::string_view lower) const {
    if (n_ - i < lower.size()) return false;
    return EqualsNoCase(text_.substr(i, lower.size()), lower);
  }

  bool UrlAt(size_t i) const {
    switch (Lower(static_cast<char>(At(i)))) {
      case 'h':
        return StartsWithNoCase(i, "http://") || StartsWithNoCase(i, "https://");
      case 'f':
        return StartsWithNoCase(i, "ftp://");
      case 'm':
        return StartsWithNoCase(i, "mailto:");
      case 'w':
        return StartsWithNoCase(i, "www.") && WordAt(i + 4);
      default:
        return false;
    }
  }

  // End of the URL at i: up to white space, a quote or an angle bracket, less
  // trailing punctuation and unbalanced closing brackets.
  size_t UrlEnd(size_t i) const {
    size_t j = i;
    while (j < n_) {
      const auto c = static_cast<unsigned char>(text_[j]);
      if (c < 0x80) {
        if ((kAscii.bits[c] & kBitSpace) || c < 0x20 || c == '"' || c == '<' || c == '>') break;
        ++j;
        continue;
      }
      const Decoded d = Decode(text_, j);
      if (Classify(d.cp) != CharClass::kWord) break;
      j += d.len;
    }
    auto count = [&](char ch, size_t e) {
      size_t k = 0;
      for (size_t p = i; p < e; ++p) k += text_[p] == ch;
      return k;
    };
    while (j > i + 1) {
      const char c = text_[j - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'') {
        --j;
      } else if ((c == ')' && count('(', j) < count(')', j)) || (c == ']' && count('[', j) < count(']', j))) {
        --j;
      } else {
        break;
      }
    }
    return j;
  }

  // ---- Punctuation ---------------------------------------------------------

  size_t RunOf(size_t i, char a, char b) const {
    size_t j = i;
    while (j < n_ && (text_[j] == a || text_[j] == b)) ++j;
    return j;
  }

  // Length of an emoticon at i (":)", ";-)", ":D"), standing alone; else 0.
  size_t EmoticonAt(size_t i) const {
    if (gap_ == Gap::kNone && !tokens_.empty()) return 0;
    size_t j = i + 1;
    if (At(j) == '-' || At(j) == '\'') ++j;
    switch (At(j)) {
      case ')': case '(': case 'D': case 'P': case 'p': case '/': case '|': case ']': case '[':
        break;
      default:
        return 0;
    }
    ++j;
    return (j >= n_ || AsciiHasSpace(At(j))) ? j - i : 0;
  }
  static bool AsciiHasSpace(unsigned char c) { return c < 0x80 && (kAscii.bits[c] & kBitSpace) != 0; }

  size_t ScanAsciiPunct(size_t i) {
    const char c = text_[i];
    switch (c) {
      case '.': {
        const size_t e = RunOf(i, '.', '.');
        const bool glued = e == i + 1 && !tokens_.empty() && tokens_.back().end == i && i > 0 &&
                           GluedSentenceAt(tokens_.back().begin, i);
        Emit(i, e, Kind::kFinal);
        if (glued) NoteSpace(SpaceKind::kSpace);  // as if the missing space were there
        return e;
      }
      case '!':
      case '?': {
        const size_t e = RunOf(i, '!', '?');
        Emit(i, e, Kind::kFinal);
        return e;
      }
      case '-': {
        const size_t e = RunOf(i, '-', '-');
        Emit(i, e, Kind::kJoiner);
        return e;
      }
      case '#': case '@':  // #hashtag @handle
        if ((gap_ != Gap::kNone || tokens_.empty() || last_kind_ == Kind::kOpener) && LetterAt(i + 1)) {
          size_t e = i + 1;
          while (WordAt(e)) e += Decode(text_, e).len;
          Emit(i, e, Kind::kWord);
          return e;
        }
        Emit(i, i + 1, Kind::kWord);
        return i + 1;
      case '*': case '=': case '~': case '`': {
        const size_t e = RunOf(i, c, c);
        Emit(i, e, c == '`' ? Kind::kOpener : Kind::kWord);
        return e;
      }
      case ':': case ';': {
        if (const size_t len = EmoticonAt(i); len != 0) {
          Emit(i, i + len, Kind::kWord);
          return i + len;
        }
        Emit(i, i + 1, c == ';' ? Kind::kJoiner : Kind::kWord);
        return i + 1;
      }
      case ',': case '&': case '/':
        Emit(i, i + 1, Kind::kJoiner);
        return i + 1;
      case '(': case '[': case '{':
        if (At(i + 1) == '.' && At(i + 2) == '.' && At(i + 3) == '.' && At(i + 4) == (c == '(' ? ')' : ']')) {
          Emit(i, i + 5, Kind::kFinal);  // [...] marks an omission
          return i + 5;
        }
        Emit(i, i + 1, Kind::kOpener);
        return i + 1;
      case ')': case ']': case '}':
        Emit(i, i + 1, Kind::kCloser);
        return i + 1;
      case '"':
        Emit(i, i + 1, QuoteKind(i + 1));
        return i + 1;
      case '\'': {
        if (const size_t len = CliticAt(i, 1); len != 0) {
          Emit(i, i + len, Kind::kWord);
          return i + len;
        }
        if (At(i + 1) == '\'') {  // '' as a closing quote
          Emit(i, i + 2, Kind::kCloser);
          return i + 2;
        }
        Emit(i, i + 1, QuoteKind(i + 1));
        return i + 1;
      }
      default:
        Emit(i, i + 1, Kind::kWord);
        return i + 1;
    }
  }

  // Variation selectors, skin tones and zero-width-joined pictographs after an emoji.
  size_t EmojiTail(size_t j) const {
    while (j < n_) {
      const Decoded d = Decode(text_, j);
      if (d.cp == 0xFE0F || d.cp == 0xFE0E || (d.cp >= 0x1F3FB && d.cp <= 0x1F3FF)) {
        j += d.len;
      } else if (d.cp == 0x200D && j + d.len < n_ && Decode(text_, j + d.len).cp >= 0x2000 &&
                 Classify(Decode(text_, j + d.len).cp) == CharClass::kPunct) {
        j += d.len;
        j += Decode(text_, j).len;
      } else {
        break;
      }
    }
    return j;
  }

  size_t ScanOtherPunct(size_t i, Decoded d) {
    const size_t e = i + d.len;
    Kind k = Kind::kWord;
    switch (d.cp) {
      case 0x2026:  // …
      case 0x3002:  // 。
      case 0xFF01:  // ！
      case 0xFF1F:  // ？
        k = Kind::kFinal;
        break;
      case 0x201C: case 0x2018: case 0x201E: case 0x201A: case 0xAB: case 0x2039:  // “ ‘ „ ‚ « ‹
        // An opening glyph used as a closing quote: "... decision.“ However"
        k = (gap_ == Gap::kNone && !tokens_.empty() && last_kind_ != Kind::kOpener && !WordAt(e)) ? Kind::kCloser
                                                                                                    : Kind::kOpener;
        break;
      case 0x201D: case 0xBB: case 0x203A:  // ” » ›
        k = ((gap_ != Gap::kNone || tokens_.empty()) && WordAt(e)) ? Kind::kOpener : Kind::kCloser;
        break;
      case 0x2019:  // ’ as an apostrophe or a quote
        if (const size_t len = CliticAt(i, d.len); len != 0) {
          Emit(i, i + len, Kind::kWord);
          return i + len;
        }
        k = QuoteKind(e);
        break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:  // hyphens and dashes
        k = Kind::kJoiner;
        break;
      default:
        if (d.cp >= 0x2600) {  // pictographs: keep an emoji sequence together
          const size_t end = EmojiTail(e);
          Emit(i, end, Kind::kWord);
          return end;
        }
        break;
    }
    Emit(i, e, k);
    return e;
  }

  const std::string_view text_;
  const size_t n_;
  std::vector<TextSpan>& tokens_;
  std::vector<uint32_t>& starts_;

  Gap gap_ = Gap::kSpace;  // nothing before the first token: as after a space
  uint32_t newlines_ = 0;  // line breaks in the current gap
  Pending pending_ = Pending::kNone;
  char last_final_ = 0;   // the pending final token: '.' '!' '?', 0 for an ellipsis
  bool closed_ = false;   // a closing quote or bracket came after it
  bool hard_wrapped_ = false;
  Kind last_kind_ = Kind::kWord;
  size_t last_apostrophe_ = std::string_view::npos;  // within the word being scanned
  size_t apostrophe_len_ = 1;
};

// The bytes of a scanned token.
std::string_view FormOf(std::string_view text, const TextSpan& t) { return text.substr(t.begin, t.end - t.begin); }

// ---- Datelines ----------------------------------------------------------------
//
// A wire story's dateline ("GAZA CITY (Reuters) —", "WASHINGTON, July 4 (AP)
// -", "KYIV, Ukraine —", "CEBU CITY: --") is a sentence of its own, as UD
// English EWT has it. Left at the head of the first sentence, the place
// reads as that sentence's subject: in "BEIRUT (AP) — Israel struck southern
// Lebanon" Beirut would be the one that struck.
class Datelines {
 public:
  Datelines(std::string_view text, const std::vector<TextSpan>& tokens) : text_(text), tokens_(tokens) {}

  // Where the first sentence after a dateline that begins at token `first`
  // starts (the dateline must leave words in its sentence, which ends at
  // `end`), or 0 when no dateline begins there.
  uint32_t SentenceAfter(uint32_t first, uint32_t end) const {
    if (!StartsParagraph(first)) return 0;
    // The place: one to four words in capitals ("ST. LOUIS", "RIO DE
    // JANEIRO"), or two such places joined by "/" ("ISLAMABAD/NEW DELHI").
    uint32_t i = first;
    int capitals = 0;
    auto place = [&] {
      const uint32_t from = i;
      while (i < end && i - from < 4) {
        const int c = CapitalsInUpperCaseWord(i);
        if (c == 0) break;
        capitals += c;
        ++i;
      }
      return i > from;
    };
    if (!place() || capitals < 3 || IsHeadingWord(first)) return 0;
    if (i + 1 < end && Is(i, "/")) {
      const uint32_t slash = i++;
      if (!place()) i = slash;
    }
    // Up to two comma-separated additions: a region or a date ("Ukraine",
    // "D.C.", "July 4", "Sept. 3").
    for (int added = 0; added < 2 && i < end && Is(i, ","); ++added) {
      const uint32_t from = ++i;
      while (i < end && i - from < 3 && StartsWithCapitalOrDigit(i)) ++i;
      if (i == from) return 0;
    }
    // The agency: "(Reuters)", "(AP)", "(dpa)".
    if (i < end && Is(i, "(")) {
      const uint32_t from = ++i;
      while (i < end && i - from < 3 && IsWord(i)) ++i;
      if (i == from || i >= end || !Is(i, ")")) return 0;
      ++i;
    }
    bool separated = false;
    if (i < end && Is(i, ":")) ++i, separated = true;
    if (i < end && IsDash(i)) ++i, separated = true;
    if (!separated || i >= end) return 0;
    return StartsWithCapitalOrDigit(i) || IsQuote(i) ? i : 0;
  }

 private:
  std::string_view Form(uint32_t t) const { return FormOf(text_, tokens_[t]); }
  bool Is(uint32_t t, std::string_view s) const { return Form(t) == s; }

  // At the start of the text or of a line.
  bool StartsParagraph(uint32_t t) const {
    if (t == 0) return true;
    const std::string_view gap = text_.substr(tokens_[t - 1].end, tokens_[t].begin - tokens_[t - 1].end);
    return gap.find_first_of("\n\r\f") != std::string_view::npos;
  }

  // The capital letters of a word written in capitals (letters and . - '
  // only), else 0.
  int CapitalsInUpperCaseWord(uint32_t t) const {
    const std::string_view w = Form(t);
    int capitals = 0;
    for (size_t i = 0; i < w.size();) {
      const Decoded d = Decode(w, i);
      i += d.len;
      if (d.cp == '.' || d.cp == '-' || d.cp == '\'') continue;
      if (!internal::CanStartSentence(d.cp) || (d.cp < 0x80 && !AsciiHas(static_cast<unsigned char>(d.cp), kBitUpper)))
        return 0;
      ++capitals;
    }
    return AsciiHas(static_cast<unsigned char>(w[0]), kBitUpper) || static_cast<unsigned char>(w[0]) >= 0x80
               ? capitals
               : 0;
  }
  // Capitals that head a note, not a place ("PLEASE NOTE:", "UPDATE 2 -",
  // "EXCLUSIVE -").
  bool IsHeadingWord(uint32_t t) const {
    static constexpr std::string_view kWords[] = {"ALERT",   "ANALYSIS", "ATTENTION", "BREAKING", "COMMENT",
                                                  "CORRECTION", "EDITOR", "EDITORIAL", "EXCLUSIVE", "FACTBOX",
                                                  "FYI",     "NB",       "NEWS",      "NOTE",     "OPINION",
                                                  "PLEASE",  "PS",       "REVIEW",    "SOURCE",   "UPDATE",
                                                  "UPDATED", "WARNING",  "WATCH"};
    const std::string_view w = Form(t);
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
  }
  bool StartsWithCapitalOrDigit(uint32_t t) const {
    return internal::CanStartSentence(Decode(text_, tokens_[t].begin).cp);
  }
  bool IsWord(uint32_t t) const { return Classify(Decode(text_, tokens_[t].begin).cp) == CharClass::kWord; }
  bool IsDash(uint32_t t) const {
    const std::string_view w = Form(t);
    return w == "-" || w == "--" || w == "\u2014" || w == "\u2013" || w == "\u2015";
  }
  bool IsQuote(uint32_t t) const {
    const std::string_view w = Form(t);
    return w == "\"" || w == "'" || w == "\u201C" || w == "\u2018";
  }

  const std::string_view text_;
  const std::vector<TextSpan>& tokens_;
};

// Makes each dateline a sentence of its own (see Datelines).
void SplitDatelines(std::string_view text, const std::vector<TextSpan>& tokens, std::vector<uint32_t>& starts) {
  const Datelines datelines(text, tokens);
  for (size_t k = starts.size(); k-- > 0;) {
    const uint32_t end = k + 1 < starts.size() ? starts[k + 1] : static_cast<uint32_t>(tokens.size());
    const uint32_t next = datelines.SentenceAfter(starts[k], end);
    if (next != 0) starts.insert(starts.begin() + static_cast<ptrdiff_t>(k) + 1, next);
  }
}

// A date heading run into the text around it, as when a page's headline,
// date line and body are flattened into one line: "... robotics competition
// Friday, July 21, 2017 A group of Afghan teenagers ...". A full date with
// its weekday, followed by a capitalised word, is a sentence of its own (as
// GUM annotates date lines), and so is what came before it unless a word
// that takes a date precedes it ("on Friday, July 21, 2017").
void SplitDateHeadings(std::string_view text, const std::vector<TextSpan>& tokens, std::vector<uint32_t>& starts) {
  static constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
  static constexpr std::string_view kMonths[] = {
      "January", "February", "March", "April", "May",  "June", "July", "August", "September", "October",
      "November", "December", "Jan.", "Feb.",  "Mar.", "Apr.", "Aug.", "Sept.",  "Sep.",      "Oct.", "Nov.", "Dec."};
  static constexpr std::string_view kTakesDate[] = {
      "on",   "by",   "since", "until", "till", "from", "to",      "before", "after", "of",   "last", "next",
      "this", "that", "every", "each",  "and",  "or",   "as",      "at",     "in",    "for",  "the",  "than",
      "through", "between", "during", "said", "says"};
  auto form = [&](size_t t) { return FormOf(text, tokens[t]); };
  auto digits = [&](size_t t, size_t min, size_t max) {
    const std::string_view w = form(t);
    if (w.size() < min || w.size() > max) return false;
    for (char c : w)
      if (!IsDigit(static_cast<unsigned char>(c))) return false;
    return true;
  };
  // Weekdays and months as written (capitalised); the words before a date
  // in any case ("On Friday, ...").
  auto listed = [](std::string_view w, const auto& list) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
  };
  auto takes_date = [](std::string_view w) {
    for (std::string_view x : kTakesDate)
      if (EqualsNoCase(w, x)) return true;
    return false;
  };
  std::vector<uint32_t> added;
  for (size_t i = 0; i + 6 < tokens.size(); ++i) {
    if (!listed(form(i), kWeekdays) || form(i + 1) != "," || !listed(form(i + 2), kMonths) ||
        !digits(i + 3, 1, 2) || form(i + 4) != "," || !digits(i + 5, 4, 4))
      continue;
    const Decoded next = Decode(text, tokens[i + 6].begin);
    if (!internal::CanStartSentence(next.cp) || (next.cp < 0x80 && IsDigit(static_cast<unsigned char>(next.cp))))
      continue;
    if (i > 0 && !takes_date(form(i - 1))) added.push_back(static_cast<uint32_t>(i));
    added.push_back(static_cast<uint32_t>(i + 6));
  }
  if (added.empty()) return;
  std::vector<uint32_t> merged;
  merged.reserve(starts.size() + added.size());
  std::merge(starts.begin(), starts.end(), added.begin(), added.end(), std::back_inserter(merged));
  merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
  starts.swap(merged);
}

// Appends the sentences [first, last) of `starts` over `spans` to `doc`.
void AppendTokens(const std::string& field_text, const std::vector<TextSpan>& spans, Document& doc) {
  for (const TextSpan& s : spans) {
    Token& t = doc.tokens.emplace_back();
    t.form.assign(field_text, s.begin, s.end - s.begin);
    t.begin = s.begin;
    t.end = s.end;
  }
}

void AppendSentence(const std::vector<TextSpan>& spans, uint32_t first_span, uint32_t span_count,
                    uint32_t token_base, TextField field, int32_t index, Document& doc) {
  Sentence& s = doc.sentences.emplace_back();
  s.first_token = token_base + first_span;
  s.token_count = span_count;
  s.begin = spans[first_span].begin;
  s.end = spans[first_span + span_count - 1].end;
  s.field = field;
  s.index = index;
}

}  // namespace

void TokenizeText(std::string_view text, std::vector<TextSpan>& tokens, std::vector<uint32_t>& sentence_starts) {
  tokens.clear();
  sentence_starts.clear();
  Scanner(text, tokens, sentence_starts).Run();
  SplitDatelines(text, tokens, sentence_starts);
  SplitDateHeadings(text, tokens, sentence_starts);
}

Status Tokenize(Document& doc, const TokenizerOptions& options) {
  if (!doc.sentences.empty()) {
    return Status::InvalidArgument(fmt::format("Tokenize: document \"{}\" already has {} sentences", doc.id,
                                               doc.sentences.size()));
  }
  constexpr size_t kMax = std::numeric_limits<uint32_t>::max();
  if (doc.text.size() >= kMax || doc.title.size() >= kMax) {
    return Status::InvalidArgument(
        fmt::format("Tokenize: document \"{}\" is too long ({} bytes of text, {} of title); the limit is {}",
                    doc.id, doc.text.size(), doc.title.size(), kMax - 1));
  }
  std::vector<TextSpan> spans;
  std::vector<uint32_t> starts;
  if (options.split_title && !doc.title.empty()) {
    TokenizeText(doc.title, spans, starts);
    if (!spans.empty()) {
      const auto base = static_cast<uint32_t>(doc.tokens.size());
      AppendTokens(doc.title, spans, doc);
      AppendSentence(spans, 0, static_cast<uint32_t>(spans.size()), base, TextField::kTitle, -1, doc);
    }
  }
  TokenizeText(doc.text, spans, starts);
  const auto base = static_cast<uint32_t>(doc.tokens.size());
  doc.tokens.reserve(doc.tokens.size() + spans.size());
  AppendTokens(doc.text, spans, doc);
  for (size_t k = 0; k < starts.size(); ++k) {
    const uint32_t first = starts[k];
    const uint32_t end = k + 1 < starts.size() ? starts[k + 1] : static_cast<uint32_t>(spans.size());
    AppendSentence(spans, first, end - first, base, TextField::kBody, static_cast<int32_t>(k), doc);
  }
  return Status::Ok();
}

}  // namespace parley::text

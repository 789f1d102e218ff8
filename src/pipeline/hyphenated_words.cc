#include "pipeline/hyphenated_words.h"

#include <span>
#include <vector>

namespace parley::pipeline {
namespace {

bool Touching(const Token& a, const Token& b) { return a.begin < a.end && b.begin < b.end && a.end == b.begin; }

// One past the run of hyphen-joined words that starts at token i (i + 1 when
// the word at i is not hyphenated).
size_t RunEnd(std::span<const Token> toks, size_t i) {
  size_t last = i;
  while (last + 2 < toks.size() && toks[last + 1].form == "-" && toks[last + 2].form != "-" &&
         Touching(toks[last], toks[last + 1]) && Touching(toks[last + 1], toks[last + 2]))
    last += 2;
  return last + 1;
}

// The word of the run [begin, end) that heads it: the last one whose head
// lies outside the run (the last word when the sentence has no tree).
size_t RunHead(std::span<const Token> toks, size_t begin, size_t end) {
  for (size_t k = end; k-- > begin;) {
    const int32_t head = toks[k].head;
    if (head < 0) break;
    if (head == 0 || static_cast<size_t>(head - 1) < begin || static_cast<size_t>(head - 1) >= end) return k;
  }
  return end - 1;
}

Token JoinRun(std::span<const Token> toks, size_t begin, size_t end) {
  Token t = toks[RunHead(toks, begin, end)];
  t.form.clear();
  for (size_t k = begin; k < end; ++k) t.form += toks[k].form;
  const Token& last = toks[end - 1];
  if (!last.lemma.empty()) {
    t.lemma.clear();
    for (size_t k = begin; k + 1 < end; ++k) t.lemma += toks[k].form;
    t.lemma += last.lemma;
  }
  t.begin = toks[begin].begin;
  t.end = last.end;
  t.misc = last.misc;  // SpaceAfter=No belongs to the run's end
  return t;
}

}  // namespace

bool HasHyphenatedWord(std::span<const Token> toks) {
  for (size_t i = 0; i < toks.size(); ++i)
    if (RunEnd(toks, i) > i + 1) return true;
  return false;
}

size_t JoinHyphenatedWords(Document& doc) {
  bool any = false;
  for (const Token& t : doc.tokens) any = any || t.form == "-";
  if (!any) return 0;
  // The rebuild below needs the sentences to tile the tokens in order.
  uint32_t expected = 0;
  for (const Sentence& s : doc.sentences) {
    if (s.first_token != expected) return 0;
    expected += s.token_count;
  }
  if (expected != doc.tokens.size()) return 0;

  std::vector<Token> out;
  out.reserve(doc.tokens.size());
  std::vector<int32_t> new_index;  // per old word of the sentence: its 1-based index after joining
  size_t joined = 0;
  for (Sentence& s : doc.sentences) {
    const std::span<const Token> toks = doc.TokensOf(s);
    new_index.assign(toks.size(), 0);
    int32_t next = 0;
    for (size_t i = 0; i < toks.size();) {
      const size_t end = RunEnd(toks, i);
      ++next;
      for (size_t k = i; k < end; ++k) new_index[k] = next;
      i = end;
    }
    const auto first = static_cast<uint32_t>(out.size());
    for (size_t i = 0; i < toks.size();) {
      const size_t end = RunEnd(toks, i);
      out.push_back(end == i + 1 ? toks[i] : JoinRun(toks, i, end));
      if (end > i + 1) ++joined;
      Token& t = out.back();
      if (t.head > 0 && static_cast<size_t>(t.head) <= toks.size()) t.head = new_index[static_cast<size_t>(t.head - 1)];
      i = end;
    }
    s.first_token = first;
    s.token_count = static_cast<uint32_t>(out.size()) - first;
  }
  doc.tokens.swap(out);
  return joined;
}

}  // namespace parley::pipeline

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

// "army-led government", "Iran-backed Houthis", "Saudi-led coalition": a
// joined word that reads as an adjective modifies the noun right after it.
// The parser saw "army - led" as three words and often hangs "led" on the
// verb, and the noun phrase then loses the words before it ("Sudan's").
// `j` is the joined word's 0-based index in `toks`, a parsed sentence.
void AttachToFollowingNoun(std::span<Token> toks, size_t j) {
  Token& word = toks[j];
  if (j + 1 >= toks.size() || word.head < 0) return;
  const Token& next = toks[j + 1];
  const bool adjectival = word.xpos == "VBN" || word.xpos == "VBG" || word.xpos.starts_with("JJ");
  if (!adjectival || !next.xpos.starts_with("NN")) return;
  const auto self = static_cast<int32_t>(j + 1), noun = static_cast<int32_t>(j + 2);
  if (word.head == noun) return;
  // Hanging the word on a noun below it would make a cycle, unless the
  // noun is its own child: then the two swap places.
  const bool child = toks[j + 1].head == self;
  for (int32_t k = toks[j + 1].head, hops = 0; !child && k > 0 && hops < static_cast<int32_t>(toks.size());
       k = toks[static_cast<size_t>(k - 1)].head, ++hops)
    if (k == self) return;
  if (child) {
    toks[j + 1].head = word.head;
    toks[j + 1].deprel = word.deprel;
  }
  for (size_t k = 0; k < j; ++k)
    if (toks[k].head == self && (toks[k].deprel == "det" || toks[k].deprel.starts_with("nmod:poss")))
      toks[k].head = noun;
  word.head = noun;
  word.deprel = "amod";
}

// Appends the words of a sentence to `out` with each run joined (heads as
// they were); joined_here (when not null) gets whether each appended word is
// a joined run. Returns the number of runs joined.
size_t AppendJoined(std::span<const Token> toks, std::vector<Token>& out, std::vector<bool>* joined_here) {
  size_t joined = 0;
  if (joined_here != nullptr) joined_here->clear();
  for (size_t i = 0; i < toks.size();) {
    const size_t end = RunEnd(toks, i);
    out.push_back(end == i + 1 ? toks[i] : JoinRun(toks, i, end));
    if (joined_here != nullptr) joined_here->push_back(end > i + 1);
    if (end > i + 1) ++joined;
    i = end;
  }
  return joined;
}

}  // namespace

void JoinedWords(std::span<const Token> toks, std::vector<Token>& out) {
  out.clear();
  AppendJoined(toks, out, nullptr);
}

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
  std::vector<bool> joined_here;   // per new word of the sentence
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
    joined += AppendJoined(toks, out, &joined_here);
    for (size_t k = first; k < out.size(); ++k) {
      Token& t = out[k];
      if (t.head > 0 && static_cast<size_t>(t.head) <= toks.size()) t.head = new_index[static_cast<size_t>(t.head - 1)];
    }
    s.first_token = first;
    s.token_count = static_cast<uint32_t>(out.size()) - first;
    const std::span<Token> sentence(out.data() + first, s.token_count);
    for (size_t k = 0; k < sentence.size(); ++k)
      if (joined_here[k]) AttachToFollowingNoun(sentence, k);
  }
  doc.tokens.swap(out);
  return joined;
}

}  // namespace parley::pipeline

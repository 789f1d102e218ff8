#include "pipeline/raw_eval.h"

#include <chrono>
#include <map>
#include <utility>
#include <vector>

#include "io/conllu.h"
#include "pipeline/analyze.h"

namespace parley::pipeline {
namespace {

using Span = std::pair<uint32_t, uint32_t>;

struct Counts {
  size_t gold = 0, system = 0, correct = 0;
  double F1() const {
    if (gold + system == 0) return 100.0;
    return 200.0 * static_cast<double>(correct) / static_cast<double>(gold + system);
  }
};

std::string_view UniversalPart(std::string_view rel) { return rel.substr(0, rel.find(':')); }

// Words of a document keyed by their span, with the span of their head
// (the root's head span is {0, 0} with `root` set).
struct WordInfo {
  const Token* token;
  Span head_span;
  bool root;
};

std::map<Span, WordInfo> Words(const Document& doc) {
  std::map<Span, WordInfo> words;
  for (const Sentence& s : doc.sentences) {
    if (s.field != TextField::kBody) continue;
    auto tokens = doc.TokensOf(s);
    for (const Token& t : tokens) {
      WordInfo w{&t, {0, 0}, t.head <= 0};
      if (t.head > 0 && static_cast<size_t>(t.head) <= tokens.size()) {
        const Token& h = tokens[t.head - 1];
        w.head_span = {h.begin, h.end};
      }
      words.emplace(Span{t.begin, t.end}, w);
    }
  }
  return words;
}

std::vector<Span> SentenceSpans(const Document& doc) {
  std::vector<Span> spans;
  for (const Sentence& s : doc.sentences) {
    auto tokens = doc.TokensOf(s);
    if (s.field != TextField::kBody || tokens.empty()) continue;
    spans.emplace_back(tokens.front().begin, tokens.back().end);
  }
  return spans;
}

}  // namespace

Result<RawScores> EvaluateRaw(const parse::Model& model, const std::string& gold_path) {
  std::vector<Document> gold;
  io::ReadSummary summary;
  Status read = io::ReadConlluFile(
      gold_path, [&](Document&& d) { gold.push_back(std::move(d)); }, summary);
  if (!read.ok()) return read;
  if (!summary.skipped.empty())
    return Status::ParseError(gold_path + ": " + std::to_string(summary.skipped.size()) +
                              " gold sentences could not be read, first: " +
                              summary.skipped.front().ToString());

  Counts tokens, sentences, upos, xpos, lemma, uas, las;
  double seconds = 0;
  for (const Document& g : gold) {
    Document system;
    system.id = g.id;
    system.date = g.date;
    system.text = g.text;
    auto start = std::chrono::steady_clock::now();
    Status s = Analyze(system, model);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!s.ok()) return s;

    auto gold_words = Words(g);
    auto system_words = Words(system);
    for (Counts* c : {&tokens, &upos, &xpos, &lemma, &uas, &las}) {
      c->gold += gold_words.size();
      c->system += system_words.size();
    }
    for (const auto& [span, sw] : system_words) {
      auto it = gold_words.find(span);
      if (it == gold_words.end()) continue;
      const WordInfo& gw = it->second;
      ++tokens.correct;
      upos.correct += sw.token->upos == gw.token->upos;
      xpos.correct += sw.token->xpos == gw.token->xpos;
      lemma.correct += sw.token->lemma == gw.token->lemma;
      bool head_ok = sw.root == gw.root && (sw.root || sw.head_span == gw.head_span);
      uas.correct += head_ok;
      las.correct += head_ok && UniversalPart(sw.token->deprel) == UniversalPart(gw.token->deprel);
    }
    auto gold_sentences = SentenceSpans(g);
    auto system_sentences = SentenceSpans(system);
    sentences.gold += gold_sentences.size();
    sentences.system += system_sentences.size();
    std::map<Span, int> gold_set;
    for (const Span& sp : gold_sentences) ++gold_set[sp];
    for (const Span& sp : system_sentences) {
      auto it = gold_set.find(sp);
      if (it != gold_set.end() && it->second > 0) {
        --it->second;
        ++sentences.correct;
      }
    }
  }
  RawScores r;
  r.tokens = tokens.F1();
  r.sentences = sentences.F1();
  r.upos = upos.F1();
  r.xpos = xpos.F1();
  r.lemma = lemma.F1();
  r.uas = uas.F1();
  r.las = las.F1();
  r.gold_words = tokens.gold;
  r.system_words = tokens.system;
  r.gold_sentences = sentences.gold;
  r.system_sentences = sentences.system;
  r.seconds = seconds;
  return r;
}

}  // namespace parley::pipeline

#include <chrono>
#include <string_view>

#include "parse/model.h"
#include "parse/train.h"

namespace parley::parse {
namespace {

std::string_view Universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

}  // namespace

Result<ConlluScores> EvaluateConllu(const Model& model, const std::string& gold_path) {
  Result<std::vector<std::vector<Token>>> gold = ReadTreebank(gold_path);
  if (!gold.ok()) return gold.status();
  ConlluScores s;
  size_t upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
  std::vector<Token> sys;
  double seconds = 0;
  for (const std::vector<Token>& g : *gold) {
    sys.resize(g.size());
    for (size_t i = 0; i < g.size(); ++i) {
      sys[i] = Token();
      sys[i].form = g[i].form;
    }
    const auto t0 = std::chrono::steady_clock::now();
    model.Annotate(sys);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ++s.sentences;
    for (size_t i = 0; i < g.size(); ++i) {
      const Token &a = sys[i], &b = g[i];
      ++s.words;
      upos += a.upos == b.upos;
      xpos += a.xpos == b.xpos;
      feats += a.feats == b.feats;
      lemma += a.lemma == b.lemma;
      if (a.head == b.head) {
        ++uas;
        las += Universal(a.deprel) == Universal(b.deprel);
        las_full += a.deprel == b.deprel;
      }
    }
  }
  auto pct = [&](size_t k) { return s.words ? 100.0 * static_cast<double>(k) / static_cast<double>(s.words) : 0.0; };
  s.upos = pct(upos);
  s.xpos = pct(xpos);
  s.feats = pct(feats);
  s.lemma = pct(lemma);
  s.uas = pct(uas);
  s.las = pct(las);
  s.las_full = pct(las_full);
  s.seconds = seconds;
  return s;
}

}  // namespace parley::parse

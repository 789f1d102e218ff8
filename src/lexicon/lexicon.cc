#include "lexicon/lexicon.h"

namespace parley::lexicon {

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const LexiconPaths& paths) {
  auto lex = std::make_shared<Lexicon>();
  for (const auto& p : paths.verbs) {
    Status s = lex->verbs.LoadPetrarchFile(p, lex->vocab);
    if (!s.ok()) return s;
  }
  for (const auto& p : paths.actors) {
    Status s = lex->actors.LoadPetrarchFile(p, lex->vocab);
    if (!s.ok()) return s;
  }
  for (const auto& p : paths.agents) {
    Status s = lex->agents.LoadPetrarchFile(p, lex->vocab);
    if (!s.ok()) return s;
  }
  for (const auto& p : paths.discards) {
    Status s = lex->discards.LoadPetrarchFile(p);
    if (!s.ok()) return s;
  }
  for (const auto& p : paths.issues) {
    Status s = lex->issues.LoadPetrarchFile(p);
    if (!s.ok()) return s;
  }
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

std::vector<std::string> Lexicon::warnings() const {
  std::vector<std::string> out;
  for (const auto* w : {&verbs.warnings(), &actors.warnings(), &agents.warnings(), &discards.warnings(),
                        &issues.warnings()})
    out.insert(out.end(), w->begin(), w->end());
  return out;
}

}  // namespace parley::lexicon

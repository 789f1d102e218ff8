#include "lexicon/lexicon.h"

#include "lexicon/parley_format.h"
#include "lexicon/reader_util.h"

namespace parley::lexicon {

LexiconPaths PhoenixDictionaries(const std::string& dir) {
  LexiconPaths paths;
  paths.verbs = {dir + "/CAMEO.2.0.txt"};
  paths.actors = {dir + "/Phoenix.Countries.actors.txt", dir + "/Phoenix.International.actors.txt",
                  dir + "/Phoenix.MilNonState.actors.txt"};
  paths.agents = {dir + "/Phoenix.agents.txt"};
  paths.discards = {dir + "/Phoenix.discards.txt"};
  return paths;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const LexiconPaths& paths) {
  auto lex = std::make_shared<Lexicon>();
  // Each file is read by the reader its first line asks for: Parley's own
  // format ("# parley-dictionary: KIND 1") or PETRARCH/TABARI otherwise.
  std::string text;
  auto each = [&](const std::vector<std::string>& files, auto&& load) -> Status {
    for (const auto& p : files) {
      Status s = internal::ReadWholeFile(p, text);
      if (!s.ok()) return s;
      s = load(p, IsParleyDictionary(text));
      if (!s.ok()) return s;
    }
    return Status::Ok();
  };
  Status s = each(paths.verbs, [&](const std::string& p, bool parley) {
    return parley ? lex->verbs.LoadParleyText(text, p, lex->vocab) : lex->verbs.LoadPetrarchText(text, p, lex->vocab);
  });
  if (s.ok())
    s = each(paths.actors, [&](const std::string& p, bool parley) {
      return parley ? lex->actors.LoadParleyText(text, p, lex->vocab)
                    : lex->actors.LoadPetrarchText(text, p, lex->vocab);
    });
  if (s.ok())
    s = each(paths.agents, [&](const std::string& p, bool parley) {
      return parley ? lex->agents.LoadParleyText(text, p, lex->vocab)
                    : lex->agents.LoadPetrarchText(text, p, lex->vocab);
    });
  if (s.ok())
    s = each(paths.discards, [&](const std::string& p, bool parley) {
      return parley ? lex->discards.LoadParleyText(text, p) : lex->discards.LoadPetrarchText(text, p);
    });
  if (s.ok())
    s = each(paths.issues, [&](const std::string& p, bool parley) {
      if (parley) return Status::Unsupported(p + ":1: issue lists have no Parley format yet; use the PETRARCH one");
      return lex->issues.LoadPetrarchText(text, p);
    });
  if (!s.ok()) return s;
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

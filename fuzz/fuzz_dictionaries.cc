// Arbitrary bytes as each kind of PETRARCH dictionary.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lexicon/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::lexicon::Lexicon lex;
  (void)lex.verbs.LoadPetrarchText(text, "verbs", lex.vocab);
  (void)lex.actors.LoadPetrarchText(text, "actors", lex.vocab);
  (void)lex.agents.LoadPetrarchText(text, "agents", lex.vocab);
  (void)lex.discards.LoadPetrarchText(text, "discards");
  (void)lex.issues.LoadPetrarchText(text, "issues");
  (void)lex.discards.Find(text);
  (void)lex.issues.Find(text);
  return 0;
}

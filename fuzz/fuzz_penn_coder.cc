// Arbitrary bytes as a Penn Treebank tree; what converts is coded with a
// small lexicon, so the coder sees every tree shape the converter can make.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "coder/coder.h"
#include "syntax/penn_to_ud.h"

namespace {

std::shared_ptr<const parley::lexicon::Lexicon> MakeLexicon() {
  auto lex = std::make_shared<parley::lexicon::Lexicon>();
  (void)lex->verbs.LoadPetrarchText(R"(
&SYN
+MILITARY
+NEW ECONOMIC
--- ATTACK [190] ---
ATTACK
- * &SYN TIES [191]
- $ ^ FOR * + [192]
- % * (WITH {NEW TIES}) [193]
--- SAY [010:011] ---
SAY {SAID SAYS}
)",
                                    "verbs", lex->vocab);
  (void)lex->actors.LoadPetrarchText("ARNOR [ARN]\nGONDOR [GON/ROH]\nMINAS TIRITH [GONGOV]\n",
                                     "actors", lex->vocab);
  (void)lex->agents.LoadPetrarchText("POLICE {} [~COP]\nNGO [NGO~]\n", "agents", lex->vocab);
  return lex;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto lexicon = MakeLexicon();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::Document doc;
  doc.id = "fuzz";
  if (!parley::syntax::AppendPennSentence(text, doc, parley::TextField::kBody, 0).ok()) return 0;
  parley::coder::CoderOptions options;
  options.require_dyad = (size % 2) == 0;
  options.new_actor_length = static_cast<int>(size % 5);
  parley::coder::Coder coder(lexicon, options);
  std::vector<parley::Event> events;
  coder.CodeDocument(doc, events);
  return 0;
}

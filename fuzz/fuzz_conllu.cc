// Arbitrary bytes as CoNLL-U: the reader must reject or accept, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::io::ReadSummary summary;
  size_t tokens = 0;
  auto sink = [&](parley::Document&& doc) { tokens += doc.tokens.size(); };
  (void)parley::io::ReadConllu(text, "fuzz.conllu", sink, summary);
  return 0;
}

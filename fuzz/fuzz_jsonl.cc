// Arbitrary bytes as JSON Lines documents.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::io::ReadSummary summary;
  auto sink = [](parley::Document&&) {};
  (void)parley::io::ReadJsonLines(text, "fuzz.jsonl", sink, summary);
  return 0;
}

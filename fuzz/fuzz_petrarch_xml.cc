// Arbitrary bytes as a PETRARCH XML file (records, <Parse> trees, configs).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/petrarch_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)parley::io::ReadPetrarchXmlFromString(text, "fuzz.xml");
  return 0;
}

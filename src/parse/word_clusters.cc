#include "parse/word_clusters.h"

#include <zlib.h>

#include <memory>
#include <string_view>

#include "parse/tagger.h"

namespace parley::parse {

Status WordClusters::Load(const std::string& path) {
  // gzopen reads plain files as they are, so the .tsv may be compressed or not.
  std::unique_ptr<gzFile_s, int (*)(gzFile)> in(gzopen(path.c_str(), "rb"), gzclose);
  if (in == nullptr) return Status::NotFound(path + ": cannot open the word clusters");
  U64Map<uint32_t> codes;
  char buffer[1024];
  for (int number = 1; gzgets(in.get(), buffer, sizeof buffer) != nullptr; ++number) {
    std::string_view line(buffer);
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (line.empty()) continue;
    const size_t tab = line.find('\t');
    const std::string_view bits = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
    bool valid = tab > 0 && !bits.empty() && bits.size() <= kMaxBits;
    uint32_t code = 1;
    for (char c : bits) {
      valid = valid && (c == '0' || c == '1');
      code = code << 1 | static_cast<uint32_t>(c == '1');
    }
    if (!valid)
      return Status::InvalidArgument(path + ":" + std::to_string(number) +
                                     ": expected a word, a tab and 1 to 30 bits (0 or 1)");
    codes.Insert(HashLower(line.substr(0, tab)), code);
  }
  int error = Z_OK;
  gzerror(in.get(), &error);
  if (error != Z_OK && error != Z_STREAM_END) return Status::IoError(path + ": cannot read the word clusters");
  if (codes.size() == 0) return Status::InvalidArgument(path + ": no word clusters");
  codes_ = std::move(codes);
  return Status::Ok();
}

}  // namespace parley::parse

// The model file format (version 1), little-endian:
//
//   "PARLEYPM"  magic, 8 bytes
//   u32 version, u32 0
//   u64 payload size uncompressed, u64 payload size stored
//   u32 CRC-32 of the stored payload, u32 0
//   payload: zlib-compressed sequence of sections
//     u32 tag ("VOCB", "TAGR", "LEMM", "FEAT", "PARS", optional "STAG"),
//     u64 size, bytes
//
// Every read is bounds-checked; a bad file gives a ParseError naming the path.
#include <zlib.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "parse/binary_io.h"
#include "parse/model.h"
#include "parse/model_data.h"

namespace parley::parse {
namespace {

constexpr char kMagic[8] = {'P', 'A', 'R', 'L', 'E', 'Y', 'P', 'M'};
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderSize = 40;
constexpr uint64_t kMaxPayload = uint64_t{1} << 31;

constexpr uint32_t Tag(const char (&s)[5]) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[3])) << 24;
}

std::string TagName(uint32_t tag) {
  std::string s;
  for (int i = 0; i < 4; ++i) {
    const char c = static_cast<char>((tag >> (8 * i)) & 0xff);
    s += (c >= 32 && c < 127) ? c : '?';
  }
  return s;
}

void PutSection(ByteWriter& out, uint32_t tag, ByteWriter& section) {
  out.Put<uint32_t>(tag);
  out.Put<uint64_t>(section.buffer().size());
  out.buffer() += section.buffer();
}

}  // namespace

Status Model::Save(const std::string& path) const {
  const ModelData& m = *data_;
  ByteWriter payload;
  {
    ByteWriter s;
    s.PutStrings(m.xpos_names);
    s.PutStrings(m.upos_names);
    s.PutStrings(m.label_names);
    PutSection(payload, Tag("VOCB"), s);
  }
  {
    ByteWriter s;
    m.tagger.Write(s);
    PutSection(payload, Tag("TAGR"), s);
  }
  {
    ByteWriter s;
    m.lemmatizer.Write(s);
    PutSection(payload, Tag("LEMM"), s);
  }
  {
    ByteWriter s;
    m.feats.Write(s);
    PutSection(payload, Tag("FEAT"), s);
  }
  {
    ByteWriter s;
    m.parser.Write(s);
    PutSection(payload, Tag("PARS"), s);
  }
  if (m.guide) {
    ByteWriter s;
    m.guide->Write(s);
    PutSection(payload, Tag("GUID"), s);
  }
  if (!m.supertagger.empty()) {
    ByteWriter s;
    s.PutStrings(m.stag_names);
    m.supertagger.Write(s);
    PutSection(payload, Tag("STAG"), s);
  }
  const std::string& raw = payload.buffer();
  uLongf stored_size = compressBound(static_cast<uLong>(raw.size()));
  std::string stored(stored_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(stored.data()), &stored_size,
                reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 9) != Z_OK)
    return Status::Internal(path + ": cannot compress the parser model");
  stored.resize(stored_size);
  const uint32_t crc = static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(stored.data()), static_cast<uInt>(stored.size())));
  ByteWriter header;
  for (char c : kMagic) header.Put<char>(c);
  header.Put<uint32_t>(kVersion);
  header.Put<uint32_t>(0);
  header.Put<uint64_t>(raw.size());
  header.Put<uint64_t>(stored.size());
  header.Put<uint32_t>(crc);
  header.Put<uint32_t>(0);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError(path + ": cannot write the parser model");
  out.write(header.buffer().data(), static_cast<std::streamsize>(header.buffer().size()));
  out.write(stored.data(), static_cast<std::streamsize>(stored.size()));
  out.close();
  if (!out) return Status::IoError(path + ": cannot write the parser model");
  return Status::Ok();
}

Result<Model> Model::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open parser model");
  std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IoError(path + ": cannot read parser model");
  auto bad = [&](const std::string& what) {
    return Status::ParseError(path + ": " + what);
  };
  if (file.size() < kHeaderSize || std::memcmp(file.data(), kMagic, sizeof(kMagic)) != 0)
    return bad("not a Parley parser model (bad magic)");
  ByteReader header(std::string_view(file).substr(8, kHeaderSize - 8));
  uint32_t version = 0, zero = 0, crc = 0;
  uint64_t raw_size = 0, stored_size = 0;
  header.Get(version);
  header.Get(zero);
  header.Get(raw_size);
  header.Get(stored_size);
  header.Get(crc);
  if (version != kVersion)
    return Status::Unsupported(path + ": parser model version " + std::to_string(version) +
                               " is not supported (expected " + std::to_string(kVersion) + ")");
  const uint64_t have = file.size() - kHeaderSize;
  if (stored_size != have)
    return bad("truncated or padded parser model (header says " + std::to_string(stored_size) +
               " bytes of data, file has " + std::to_string(have) + ")");
  const std::string_view stored = std::string_view(file).substr(kHeaderSize);
  if (static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(stored.data()),
                                  static_cast<uInt>(stored.size()))) != crc)
    return bad("corrupt parser model (checksum mismatch)");
  if (raw_size > kMaxPayload) return bad("corrupt parser model (payload too large)");
  std::string raw(static_cast<size_t>(raw_size), '\0');
  uLongf raw_len = static_cast<uLongf>(raw_size);
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_len, reinterpret_cast<const Bytef*>(stored.data()),
                 static_cast<uLong>(stored.size())) != Z_OK ||
      raw_len != raw_size)
    return bad("corrupt parser model (cannot decompress)");

  auto data = std::make_shared<ModelData>();
  ByteReader r(raw);
  uint32_t seen = 0;
  const uint32_t tags[5] = {Tag("VOCB"), Tag("TAGR"), Tag("LEMM"), Tag("FEAT"), Tag("PARS")};
  while (!r.AtEnd()) {
    uint32_t tag = 0;
    uint64_t size = 0;
    if (!r.Get(tag) || !r.Get(size)) return bad("corrupt parser model (section header)");
    const size_t at = raw.size() - r.Remaining();
    if (size > r.Remaining()) return bad("corrupt parser model (section " + TagName(tag) + " too long)");
    ByteReader s(std::string_view(raw).substr(at, static_cast<size_t>(size)));
    r.Skip(static_cast<size_t>(size));
    bool ok = true;
    if (tag == tags[0]) {
      ok = s.GetStrings(data->xpos_names) && s.GetStrings(data->upos_names) &&
           s.GetStrings(data->label_names);
    } else if (tag == tags[1]) {
      ok = data->tagger.Read(s);
    } else if (tag == tags[2]) {
      ok = data->lemmatizer.Read(s);
    } else if (tag == tags[3]) {
      ok = data->feats.Read(s);
    } else if (tag == tags[4]) {
      ok = data->parser.Read(s);
    } else if (tag == Tag("STAG")) {  // models made before supertags lack it
      ok = s.GetStrings(data->stag_names) && data->supertagger.Read(s) &&
           data->stag_names.size() == static_cast<size_t>(data->supertagger.num_tags());
    } else if (tag == Tag("GUID")) {  // stacked models only
      ok = data->guide.emplace().Read(s);
    } else {
      continue;  // unknown sections are skipped (forward compatibility)
    }
    if (!ok || !s.AtEnd()) return bad("corrupt parser model (section " + TagName(tag) + ")");
    for (int i = 0; i < 5; ++i)
      if (tag == tags[i]) seen |= 1u << i;
  }
  for (int i = 0; i < 5; ++i)
    if (!(seen & (1u << i))) return bad("corrupt parser model (missing section " + TagName(tags[i]) + ")");
  if (data->xpos_names.size() != static_cast<size_t>(data->tagger.num_xpos()) ||
      data->upos_names.size() != static_cast<size_t>(data->tagger.num_upos()) ||
      data->label_names.size() != static_cast<size_t>(data->parser.num_labels()))
    return bad("corrupt parser model (tag or label counts disagree)");
  if (data->parser.guided() != data->guide.has_value() ||
      (data->guide && (data->guide->guided() || data->guide->num_labels() != data->parser.num_labels())))
    return bad("corrupt parser model (guide parser missing or unlike the parser)");
  data->ResolveNames();
  return Model(std::move(data));
}

}  // namespace parley::parse

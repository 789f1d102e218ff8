// Little-endian byte buffers for the parser model file: ByteWriter appends
// plain values, ByteReader reads them back with bounds checks (a short or
// inconsistent buffer sets a failure flag instead of reading past the end).
// Internal to src/parse; thread-compatible.
#ifndef PARLEY_PARSE_BINARY_IO_H_
#define PARLEY_PARSE_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace parley::parse {

class ByteWriter {
 public:
  template <typename T>
  void Put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const size_t at = buf_.size();
    buf_.resize(at + sizeof(T));
    std::memcpy(buf_.data() + at, &v, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    buf_.append(s);
  }
  template <typename T>
  void PutArray(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put<uint64_t>(v.size());
    if (!v.empty()) buf_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void PutStrings(const std::vector<std::string>& v) {
    Put<uint32_t>(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v) PutString(s);
  }
  std::string& buffer() { return buf_; }

 private:
  std::string buf_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}

  template <typename T>
  bool Get(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (failed_ || data_.size() - pos_ < sizeof(T)) return Fail();
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetString(std::string& s) {
    uint32_t n = 0;
    if (!Get(n) || data_.size() - pos_ < n) return Fail();
    s.assign(data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool GetArray(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = 0;
    if (!Get(n) || n > (data_.size() - pos_) / sizeof(T)) return Fail();
    v.resize(static_cast<size_t>(n));
    if (n > 0) std::memcpy(v.data(), data_.data() + pos_, static_cast<size_t>(n) * sizeof(T));
    pos_ += static_cast<size_t>(n) * sizeof(T);
    return true;
  }
  bool GetStrings(std::vector<std::string>& v) {
    uint32_t n = 0;
    if (!Get(n) || n > data_.size() - pos_) return Fail();
    v.assign(n, std::string());
    for (std::string& s : v)
      if (!GetString(s)) return false;
    return true;
  }
  bool Fail() {
    failed_ = true;
    return false;
  }
  bool failed() const { return failed_; }
  bool AtEnd() const { return pos_ == data_.size(); }
  size_t Remaining() const { return data_.size() - pos_; }
  // REQUIRES: n <= Remaining()
  void Skip(size_t n) { pos_ += n; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace parley::parse

#endif  // PARLEY_PARSE_BINARY_IO_H_

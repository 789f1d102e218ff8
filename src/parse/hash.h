// Hashing helpers for the parser's feature keys: strings and small values are
// mixed into 64-bit keys that index the perceptron weight tables. Internal to
// src/parse; pure functions, thread-safe.
#ifndef PARLEY_PARSE_HASH_H_
#define PARLEY_PARSE_HASH_H_

#include <cstdint>
#include <string_view>

namespace parley::parse {

// The splitmix64 finaliser: a fast bijective 64-bit mixer.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// FNV-1a over the bytes, then mixed. Never 0.
inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h = Mix64(h);
  return h == 0 ? 1 : h;
}

// One multiply and a fold of the high half into the low: enough to spread a
// linear combination of already-mixed values over the table index (low bits)
// and the fingerprint (high bits), at a third of Mix64's cost. Changing it
// changes every key, so models are trained with the hash they are read with.
inline uint64_t Fold(uint64_t x) {
  x *= 0x9E3779B97F4A7C15ULL;
  return x ^ (x >> 32);
}

// Feature keys: a template id and up to three values, combined linearly and
// folded once (the values are already well-mixed hashes or small ids). Never 0
// (0 marks an empty slot in the hash tables).
inline uint64_t Key(uint32_t tmpl, uint64_t a) {
  uint64_t h = Fold((uint64_t{tmpl} + 1) * 0x9E3779B97F4A7C15ULL + a * 0xD6E8FEB86659FD93ULL);
  return h == 0 ? 1 : h;
}
inline uint64_t Key(uint32_t tmpl, uint64_t a, uint64_t b) {
  uint64_t h = Fold((uint64_t{tmpl} + 1) * 0x9E3779B97F4A7C15ULL + a * 0xD6E8FEB86659FD93ULL +
                     ((b << 17) | (b >> 47)) * 0xC2B2AE3D27D4EB4FULL);
  return h == 0 ? 1 : h;
}
inline uint64_t Key(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h = Fold((uint64_t{tmpl} + 1) * 0x9E3779B97F4A7C15ULL + a * 0xD6E8FEB86659FD93ULL +
                     ((b << 17) | (b >> 47)) * 0xC2B2AE3D27D4EB4FULL +
                     ((c << 41) | (c >> 23)) * 0x165667B19E3779F9ULL);
  return h == 0 ? 1 : h;
}

}  // namespace parley::parse

#endif  // PARLEY_PARSE_HASH_H_

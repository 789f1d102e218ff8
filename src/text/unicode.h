// UTF-8 decoding and the character classes the tokenizer needs. Not a full
// Unicode database: code points are sorted into space, word characters and
// punctuation/symbols by block, which is right for the scripts and symbols
// found in news text. Invalid UTF-8 decodes one byte at a time as a word
// character, so no input is rejected or read past its end. Thread-safe.
#ifndef PARLEY_TEXT_UNICODE_H_
#define PARLEY_TEXT_UNICODE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parley::text::internal {

// Returned for a byte that does not start a valid UTF-8 sequence.
inline constexpr uint32_t kInvalidByte = 0xFFFFFFFFu;

struct Decoded {
  uint32_t cp;  // code point, or kInvalidByte
  uint32_t len;  // bytes consumed, 1..4
};

// REQUIRES: i < s.size().
inline Decoded Decode(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  const size_t n = s.size();
  auto cont = [&](size_t k) { return k < n && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; };
  auto byte = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[k]) & 0x3F); };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (cont(i + 1)) return {((b0 & 0x1Fu) << 6) | byte(i + 1), 2};
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (cont(i + 1) && cont(i + 2)) {
      uint32_t cp = ((b0 & 0x0Fu) << 12) | (byte(i + 1) << 6) | byte(i + 2);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (cont(i + 1) && cont(i + 2) && cont(i + 3)) {
      uint32_t cp = ((b0 & 0x07u) << 18) | (byte(i + 1) << 12) | (byte(i + 2) << 6) | byte(i + 3);
      if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
    }
  }
  return {kInvalidByte, 1};
}

enum class CharClass : uint8_t {
  kSpace,  // separates tokens
  kWord,   // letters, digits, marks, invalid bytes
  kPunct,  // punctuation and symbols: each is (the start of) its own token
};

// Space kinds that matter for sentence splitting.
enum class SpaceKind : uint8_t { kSpace, kNewline, kParagraph };

// ASCII classes by table.
enum AsciiBits : uint8_t {
  kBitSpace = 1,
  kBitWord = 2,   // letters, digits and '_'
  kBitDigit = 4,
  kBitUpper = 8,
  kBitLower = 16,
};

struct AsciiTable {
  uint8_t bits[128] = {};
  constexpr AsciiTable() {
    for (int c : {' ', '\t', '\n', '\r', '\f', '\v'}) bits[c] = kBitSpace;
    for (int c = '0'; c <= '9'; ++c) bits[c] = kBitWord | kBitDigit;
    for (int c = 'A'; c <= 'Z'; ++c) bits[c] = kBitWord | kBitUpper;
    for (int c = 'a'; c <= 'z'; ++c) bits[c] = kBitWord | kBitLower;
    bits[static_cast<int>('_')] = kBitWord;
  }
};
inline constexpr AsciiTable kAscii;

inline bool AsciiHas(unsigned char c, uint8_t bit) { return c < 0x80 && (kAscii.bits[c] & bit) != 0; }

// Class of any code point (ASCII included) or kInvalidByte.
CharClass Classify(uint32_t cp);

// For a space code point: whether it breaks a line or a paragraph.
SpaceKind SpaceKindOf(uint32_t cp);

// Whether a word starting with this code point can start a sentence: an
// upper-case letter, a digit, or a letter of a script without case.
bool CanStartSentence(uint32_t cp);

}  // namespace parley::text::internal

#endif  // PARLEY_TEXT_UNICODE_H_

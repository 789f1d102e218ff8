#include "text/unicode.h"

namespace parley::text::internal {
namespace {

bool In(uint32_t cp, uint32_t lo, uint32_t hi) { return cp >= lo && cp <= hi; }

CharClass ClassifyLatin1(uint32_t cp) {
  if (cp < 0xA0) return CharClass::kSpace;  // C1 controls (U+0085 is a line break)
  if (cp == 0xA0) return CharClass::kSpace;  // no-break space
  if (cp <= 0xBF) {
    switch (cp) {
      case 0xAA: case 0xAD: case 0xB2: case 0xB3: case 0xB5:  // ª soft hyphen ² ³ µ
      case 0xB9: case 0xBA: case 0xBC: case 0xBD: case 0xBE:  // ¹ º ¼ ½ ¾
        return CharClass::kWord;
      default:
        return CharClass::kPunct;  // ¡ ¢ £ ¥ § © « ® ° ± ´ · » ¿ ...
    }
  }
  return (cp == 0xD7 || cp == 0xF7) ? CharClass::kPunct : CharClass::kWord;  // × ÷
}

}  // namespace

CharClass Classify(uint32_t cp) {
  if (cp < 0x80) {
    const auto c = static_cast<unsigned char>(cp);
    if (kAscii.bits[c] & kBitSpace) return CharClass::kSpace;
    if (kAscii.bits[c] & kBitWord) return CharClass::kWord;
    if (c < 0x20 || c == 0x7F) return CharClass::kSpace;  // other control characters
    return CharClass::kPunct;
  }
  if (cp == kInvalidByte) return CharClass::kWord;
  if (cp < 0x100) return ClassifyLatin1(cp);
  if (cp < 0x1680) return CharClass::kWord;  // Latin, Greek, Cyrillic, Hebrew, Arabic, Indic, ...
  if (cp == 0x1680 || cp == 0x180E) return CharClass::kSpace;
  if (cp < 0x2000) return CharClass::kWord;
  if (cp < 0x2070) {  // General Punctuation
    if (cp <= 0x200B || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F) return CharClass::kSpace;
    if (cp == 0x200C || cp == 0x200D || cp >= 0x2060) return CharClass::kWord;  // joiners, invisibles
    if (In(cp, 0x202A, 0x202E)) return CharClass::kSpace;                       // bidi controls
    return CharClass::kPunct;
  }
  if (cp < 0x20A0) return CharClass::kWord;   // superscripts and subscripts
  if (cp < 0x2100) return CharClass::kPunct;  // currency signs, combining marks for symbols
  if (cp < 0x2150) return (cp == 0x2103 || cp == 0x2109 || cp == 0x2116 || cp == 0x2122) ? CharClass::kPunct
                                                                                          : CharClass::kWord;
  if (cp < 0x2190) return CharClass::kWord;  // number forms
  if (cp < 0x2C00) return CharClass::kPunct;  // arrows, math, technical, box drawing, shapes, dingbats
  if (In(cp, 0x2E00, 0x2E7F)) return CharClass::kPunct;
  if (cp == 0x3000 || cp == 0xFEFF) return CharClass::kSpace;
  if (In(cp, 0x3001, 0x303F)) return CharClass::kPunct;
  if (In(cp, 0xFE10, 0xFE1F) || In(cp, 0xFE30, 0xFE6F)) return CharClass::kPunct;
  if (In(cp, 0xFF01, 0xFF0F) || In(cp, 0xFF1A, 0xFF20) || In(cp, 0xFF3B, 0xFF40) || In(cp, 0xFF5B, 0xFF65)) {
    return CharClass::kPunct;
  }
  if (In(cp, 0x1F000, 0x1FAFF)) return CharClass::kPunct;  // emoji and pictographs
  return CharClass::kWord;
}

SpaceKind SpaceKindOf(uint32_t cp) {
  switch (cp) {
    case '\n': case '\v': case 0x85: case 0x2028:
      return SpaceKind::kNewline;
    case '\f': case 0x2029:
      return SpaceKind::kParagraph;
    default:
      return SpaceKind::kSpace;
  }
}

bool CanStartSentence(uint32_t cp) {
  if (cp < 0x80) return AsciiHas(static_cast<unsigned char>(cp), kBitUpper | kBitDigit);
  if (cp == kInvalidByte) return false;
  if (In(cp, 0xC0, 0xDE)) return cp != 0xD7;
  if (In(cp, 0x100, 0x17F)) {  // Latin Extended-A: upper and lower case alternate
    if (cp <= 0x137 || In(cp, 0x14A, 0x177)) return cp % 2 == 0;
    if (In(cp, 0x139, 0x148) || In(cp, 0x179, 0x17E)) return cp % 2 == 1;
    return cp == 0x178;
  }
  if (In(cp, 0x386, 0x3AB)) return cp != 0x387 && cp != 0x38B && cp != 0x38D && cp != 0x390 && cp != 0x3A2;
  if (In(cp, 0x400, 0x42F)) return true;  // Cyrillic capitals
  // Scripts without case: Hebrew, Arabic, Indic, Thai, Georgian, Hangul, kana, CJK.
  return In(cp, 0x590, 0xFFF) || In(cp, 0x10A0, 0x11FF) || In(cp, 0x3040, 0x30FF) || In(cp, 0x3400, 0x9FFF) ||
         In(cp, 0xAC00, 0xD7AF);
}

}  // namespace parley::text::internal

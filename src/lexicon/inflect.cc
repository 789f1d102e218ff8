#include "lexicon/inflect.h"

namespace parley::lexicon::internal {
namespace {

bool IsLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// 0: no doubling; 1: doubled forms only; 2: both.
int Doubling(std::string_view w) {
  size_t n = w.size();
  if (n < 3) return 0;
  char last = w[n - 1], mid = w[n - 2], before = w[n - 3];
  if (!IsLetter(last) || IsVowel(last) || last == 'W' || last == 'X' || last == 'Y') return 0;
  if (!IsVowel(mid)) return 0;
  bool before_consonant = IsLetter(before) && (!IsVowel(before) || (before == 'U' && n >= 4 && w[n - 4] == 'Q'));
  if (!before_consonant) return 0;
  int groups = 0;
  bool in_vowel = false;
  for (size_t i = 0; i < n; ++i) {
    bool v = IsVowel(w[i]) && !(w[i] == 'U' && i > 0 && w[i - 1] == 'Q');
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  return groups <= 1 ? 1 : 2;
}

}  // namespace

std::string NounPlural(std::string_view w) {
  size_t n = w.size();
  if (n == 0 || !IsLetter(w[n - 1])) return "";
  std::string out(w);
  char last = w[n - 1];
  if (last == 'Y' && n >= 2 && IsLetter(w[n - 2]) && !IsVowel(w[n - 2])) {
    out.pop_back();
    out += "IES";
  } else if (last == 'S' || last == 'X' || last == 'Z' || EndsWith(w, "CH") || EndsWith(w, "SH")) {
    out += "ES";
  } else {
    out += 'S';
  }
  return out;
}

void RegularVerbForms(std::string_view v, std::vector<std::string>& out) {
  out.emplace_back(v);
  size_t n = v.size();
  if (n == 0 || !IsLetter(v[n - 1])) return;
  std::string third = NounPlural(v);
  if (!third.empty()) out.push_back(std::move(third));
  std::string base(v);
  char last = v[n - 1];
  if (last == 'E') {
    out.push_back(base + "D");
    if (EndsWith(v, "EE") || EndsWith(v, "YE") || EndsWith(v, "OE") || n == 1) {
      out.push_back(base + "ING");
    } else if (EndsWith(v, "IE")) {
      out.push_back(base.substr(0, n - 2) + "YING");
    } else {
      out.push_back(base.substr(0, n - 1) + "ING");
    }
    return;
  }
  if (last == 'Y' && n >= 2 && IsLetter(v[n - 2]) && !IsVowel(v[n - 2])) {
    out.push_back(base.substr(0, n - 1) + "IED");
    out.push_back(base + "ING");
    return;
  }
  int dbl = Doubling(v);
  if (dbl != 1) {
    out.push_back(base + "ED");
    out.push_back(base + "ING");
  }
  if (dbl != 0) {
    out.push_back(base + last + "ED");
    out.push_back(base + last + "ING");
  }
}

}  // namespace parley::lexicon::internal

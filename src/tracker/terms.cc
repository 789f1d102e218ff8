#include "tracker/terms.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace parley::tracker {
namespace {

struct NumberName {
  std::string_view word;
  long long value;
};

constexpr NumberName kNumberNames[] = {
    {"one", 1},       {"two", 2},        {"three", 3},     {"four", 4},       {"five", 5},
    {"six", 6},       {"seven", 7},      {"eight", 8},     {"nine", 9},       {"ten", 10},
    {"eleven", 11},   {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},  {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},  {"twenty", 20},
    {"thirty", 30},   {"forty", 40},     {"fifty", 50},    {"sixty", 60},     {"seventy", 70},
    {"eighty", 80},   {"ninety", 90},    {"hundred", 100}, {"a dozen", 12},   {"dozen", 12}};

long long SimpleNumber(std::string_view w) {
  if (w.empty()) return -1;
  if (std::isdigit(static_cast<unsigned char>(w[0]))) {
    long long v = 0;
    int digits = 0;
    for (char c : w) {
      if (c == ',') continue;
      if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
      if (++digits > 12) return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  for (const NumberName& n : kNumberNames)
    if (n.word == w) return n.value;
  return -1;
}

bool IsTens(long long v) { return v >= 20 && v <= 90 && v % 10 == 0; }

// Units that make a count a term, and the kind of term.
struct Unit {
  std::string_view word;  // singular; the plural adds 's'
  std::string_view kind;
  std::string_view duration_unit;
};
constexpr Unit kUnits[] = {
    {"day", "duration", "day"},       {"week", "duration", "week"},
    {"month", "duration", "month"},   {"hour", "duration", "hour"},
    {"stage", "stages", ""},          {"phase", "stages", ""},
    {"hostage", "hostages", ""},      {"captive", "hostages", ""},
    {"abductee", "hostages", ""},     {"prisoner", "prisoners", ""},
    {"detainee", "prisoners", ""}};

const Unit* UnitOf(std::string_view w) {
  for (const Unit& u : kUnits) {
    if (w == u.word) return &u;
    if (w.size() == u.word.size() + 1 && w.back() == 's' && w.substr(0, u.word.size()) == u.word)
      return &u;
  }
  return nullptr;
}

// Words that show a duration is the deal's own (a six-week truce, the first
// phase of 42 days), not the war's ("the nine-month war").
const std::vector<std::string_view> kDealSpanNouns = {
    "ceasefire*", "cease-fire*", "truce*", "pause*", "halt", "lull", "phase*", "stage*", "period",
    "cessation", "extension", "deal", "agreement", "window", "calm", "break", "hostilities"};
const std::vector<std::string_view> kNotDealAfter = {"of war", "of fighting", "of conflict",
                                                     "of the war", "of bombardment", "of captivity",
                                                     "ago", "of talks", "of negotiations"};

bool IsWordToken(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '\'';
  });
}

const std::vector<std::string_view> kFunctionWords = {
    "and", "or", "of", "the", "to", "in", "for", "on", "a", "an", "with", "by", "from", "at",
    "as", "but", "than", "that", "who", "which", "were", "was", "are", "is", "be", "been", "had",
    "have", "has", "will", "would", "under", "after", "before", "into", "over", "during",
    "through", "within", "across", "about", "while", "if", "until"};
bool IsFunctionWord(std::string_view w) {
  return std::find(kFunctionWords.begin(), kFunctionWords.end(), w) != kFunctionWords.end();
}

std::string Join(const SentenceWords& w, int first, int last) {
  std::string out;
  for (int i = first; i <= last; ++i) {
    const std::string& f = w.forms[i];
    bool no_space = i == first || f == "," || f == "." || f == "'s" || f == "’s" || f == ")" ||
                    (i > first && w.forms[i - 1] == "(");
    if (!no_space) out += ' ';
    out += f;
  }
  return out;
}

// A condition: the phrase, and how far its text reaches around it.
struct Condition {
  std::string_view phrase;
  bool extend_left;   // over "a", "full", "Israel's" ...
  bool extend_right;  // over "from Gaza", "for hostages" ...
};
const Condition kConditions[] = {
    {"guarantees", true, true},                {"assurances", true, true},
    {"permanent ceasefire", true, false},      {"permanent cease-fire", true, false},
    {"permanent cease fire", true, false},     {"permanent truce", true, false},
    {"permanent end to the war", true, false}, {"end to the war", true, false},
    {"end the war", false, false},             {"end of the war", true, false},
    {"withdrawal", true, true},                {"return of displaced*", true, false},
    {"return of the displaced", true, false},  {"return to their homes", false, false},
    {"reconstruction", true, true},            {"disarm*", false, true},
    {"buffer zone", true, false},              {"in exchange for", false, true},
    {"lifting of the blockade", true, false},  {"end to the blockade", true, false}};

const std::vector<std::string_view> kLeftModifiers = {
    "a", "an", "the", "full", "complete", "total", "gradual", "phased", "partial", "its", "their",
    "israeli", "russian", "military", "troop"};

int ExtendLeft(const SentenceWords& w, int at) {
  int first = at;
  for (int k = 0; k < 3 && first > 0; ++k) {
    const std::string& prev = w.lower[first - 1];
    bool possessive = prev == "'s" || (prev.size() > 2 && prev.ends_with("'s"));
    if (std::find(kLeftModifiers.begin(), kLeftModifiers.end(), prev) == kLeftModifiers.end() &&
        !possessive)
      break;
    --first;
    // "Israel 's": take the owner with its clitic.
    if (prev == "'s" && first > 0) --first;
  }
  return first;
}

int ExtendRight(const SentenceWords& w, int last) {
  int n = static_cast<int>(w.size());
  int end = last;
  if (end + 1 < n && (w.lower[end + 1] == "from" || w.lower[end + 1] == "of" ||
                      w.lower[end + 1] == "for")) {
    int k = end + 2;
    if (k < n && (w.lower[k] == "the" || w.lower[k] == "a" || w.lower[k] == "an")) ++k;
    int taken = 0;
    while (k < n && taken < 3 && IsWordToken(w.lower[k]) && !IsFunctionWord(w.lower[k])) {
      end = k;
      ++k;
      ++taken;
    }
  } else if (end >= 0 && w.lower[end] == "for") {  // "in exchange for hostages"
    int k = end + 1;
    int taken = 0;
    while (k < n && taken < 3 && IsWordToken(w.lower[k]) && !IsFunctionWord(w.lower[k])) {
      end = k;
      ++k;
      ++taken;
    }
  }
  return end;
}

}  // namespace

long long ParseNumberWord(std::string_view word) {
  long long v = SimpleNumber(word);
  if (v >= 0) return v;
  size_t dash = word.find('-');
  if (dash == std::string_view::npos) return -1;
  long long tens = SimpleNumber(word.substr(0, dash));
  long long ones = SimpleNumber(word.substr(dash + 1));
  if (IsTens(tens) && ones >= 1 && ones <= 9) return tens + ones;
  return -1;
}

std::vector<Term> ExtractTerms(const SentenceWords& w) {
  std::vector<Term> terms;
  const int n = static_cast<int>(w.size());
  const bool deal_words = FindAny(w, kDealSpanNouns) >= 0;
  std::vector<bool> used(n, false);
  std::vector<int> starts;  // first word of each term, to order them as written
  auto add = [&](std::string kind, int first, int last, long long number, std::string unit) {
    Term t;
    t.kind = std::move(kind);
    t.text = Join(w, first, last);
    t.number = number;
    t.unit = std::move(unit);
    terms.push_back(std::move(t));
    starts.push_back(first);
    for (int i = first; i <= last; ++i) used[i] = true;
  };

  for (int i = 0; i < n; ++i) {
    if (used[i]) continue;
    const std::string& word = w.lower[i];
    // "six-week", "42-day", "three-phase": a count and its unit in one word.
    size_t dash = word.rfind('-');
    if (dash != std::string::npos && dash > 0) {
      long long number = ParseNumberWord(word.substr(0, dash));
      const Unit* unit = UnitOf(word.substr(dash + 1));
      if (number > 0 && unit != nullptr) {
        if (unit->kind == "duration") {
          // The noun it qualifies must be the deal's: "a six-week truce".
          if (i + 1 < n && FindAny(w, kDealSpanNouns, i + 1, std::min(n, i + 3)) >= 0) {
            int noun = FindAny(w, kDealSpanNouns, i + 1, std::min(n, i + 3));
            add("duration", i, noun, number, std::string(unit->duration_unit));
          }
        } else if (unit->kind == "stages") {
          add("stages", i, std::min(n - 1, i + 1), number, "");
        }
        continue;
      }
    }
    // "33 hostages", "1,900 Palestinian prisoners", "six weeks", "forty two days".
    long long number = ParseNumberWord(word);
    int len = 1;
    if (number >= 0 && IsTens(number) && i + 1 < n) {
      long long ones = SimpleNumber(w.lower[i + 1]);
      if (ones >= 1 && ones <= 9) {
        number += ones;
        len = 2;
      }
    }
    bool vague = false;  // "hundreds of Palestinian prisoners"
    if (number < 0 && (word == "hundreds" || word == "dozens" || word == "thousands" ||
                       word == "scores") &&
        i + 1 < n && w.lower[i + 1] == "of") {
      number = 0;
      len = 2;
      vague = true;
    }
    if (number < 0) continue;
    int j = i + len;
    int modifiers = 0;
    while (j < n && modifiers < 2 && !UnitOf(w.lower[j]) && IsWordToken(w.lower[j]) &&
           !IsFunctionWord(w.lower[j])) {
      ++j;
      ++modifiers;
    }
    if (j >= n) continue;
    const Unit* unit = UnitOf(w.lower[j]);
    if (unit == nullptr) continue;
    if (unit->kind == "duration") {
      if (vague || !deal_words || modifiers > 0 || i == 0) continue;
      // "for six weeks", "lasting 42 days", "a truce of six weeks"; not "a
      // delay of nearly three hours" or "the past 15 months".
      const std::string& before = w.lower[i - 1];
      bool lead_in = before == "for" || before == "lasting" || before == "last" ||
                     before == "lasts" || before == "within" || before == "initial";
      if (before == "of" && i >= 2 && FindAny(w, kDealSpanNouns, i - 2, i - 1) == i - 2) lead_in = true;
      if (!lead_in) continue;
      if (FindAny(w, kNotDealAfter, j + 1, std::min(n, j + 2)) == j + 1) continue;
      add("duration", i, j, number, std::string(unit->duration_unit));
    } else {
      // Counts of people and stages belong to a deal only where the sentence
      // speaks of one; "Israel freed 90 prisoners" is a release, not a term.
      if (!deal_words) continue;
      if (unit->kind == "stages" && (vague || modifiers > 0)) continue;
      add(std::string(unit->kind), i, j, number, "");
    }
    i = j;
  }

  for (const Condition& c : kConditions) {
    int from = 0;
    for (int at; (at = FindPhrase(w, c.phrase, from)) >= 0; from = at + 1) {
      int last = at + PhraseLength(c.phrase) - 1;
      if (std::any_of(used.begin() + at, used.begin() + last + 1, [](bool u) { return u; })) continue;
      int first = c.extend_left ? ExtendLeft(w, at) : at;
      int end = c.extend_right ? ExtendRight(w, last) : last;
      int stop = last;
      for (int k = last + 1; k <= end && !used[k]; ++k) stop = k;
      while (stop > last && IsFunctionWord(w.lower[stop])) --stop;
      end = stop;
      // "in exchange for" says nothing without what it is exchanged for.
      if (end == last && w.lower[last] == "for") continue;
      add("condition", first, end, 0, "");
    }
  }
  std::vector<size_t> order(terms.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return starts[a] < starts[b]; });
  std::vector<Term> sorted;
  for (size_t k : order) sorted.push_back(std::move(terms[k]));
  return sorted;
}

}  // namespace parley::tracker

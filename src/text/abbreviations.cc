#include "text/abbreviations.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace parley::text::internal {
namespace {

using namespace std::string_view_literals;

struct Entry {
  std::string_view word;
  Abbreviation kind;
};

constexpr Abbreviation T = Abbreviation::kTitle;
constexpr Abbreviation E = Abbreviation::kMayEnd;
constexpr Abbreviation N = Abbreviation::kBeforeNumber;

// Case-sensitive, without the final period, sorted by byte value (checked
// below). Lower-case forms are listed only where they are unambiguous.
constexpr Entry kAbbreviations[] = {
    {"Adm", T}, {"Ala", E}, {"Apr", E}, {"Ariz", E}, {"Ark", E}, {"Assn", E}, {"Aug", E}, {"Ave", E},
    {"Bhd", E}, {"Blvd", E}, {"Brig", T}, {"Bros", E}, {"Calif", E}, {"Capt", T}, {"Cmdr", T}, {"Co", E},
    {"Col", T}, {"Colo", E}, {"Conn", E}, {"Corp", E}, {"Cpl", T}, {"Cpt", T}, {"Dec", E}, {"Del", E},
    {"Dept", E}, {"Det", T}, {"Dr", T}, {"Esq", E}, {"FT", T}, {"Feb", E}, {"Fig", N}, {"Fla", E}, {"Fr", T},
    {"Fri", E}, {"Ft", T}, {"Ga", E}, {"Gen", T}, {"Gens", T}, {"Gov", T}, {"Govs", T}, {"Hon", T},
    {"Hwy", E}, {"Ill", E}, {"Inc", E}, {"Ind", E}, {"Insp", T}, {"Jan", E}, {"Jr", E}, {"Jul", E},
    {"Jun", E}, {"Kan", E}, {"Ky", E}, {"La", E}, {"Lt", T}, {"Ltd", E}, {"MT", T}, {"Maj", T}, {"Mar", E},
    {"Mass", E}, {"Md", E}, {"Messrs", T}, {"Mich", E}, {"Minn", E}, {"Mo", E}, {"Mon", E}, {"Mont", E},
    {"Mr", T}, {"Mrs", T}, {"Ms", T}, {"Msgr", T}, {"Mt", T}, {"Neb", E}, {"Nev", E}, {"No", N}, {"Nos", N},
    {"Nov", E}, {"Oct", E}, {"Okla", E}, {"Ont", E}, {"Ore", E}, {"Pa", E}, {"Plc", E}, {"Pres", T},
    {"Prof", T}, {"Pte", E}, {"Pty", E}, {"Pvt", T}, {"Rd", E}, {"Rep", T}, {"Reps", T}, {"Rev", T},
    {"Rt", T}, {"ST", T}, {"Sat", E}, {"Sen", T}, {"Sens", T}, {"Sep", E}, {"Sept", E}, {"Sgt", T}, {"Sr", E},
    {"St", E}, {"Ste", E}, {"Sun", E}, {"Supt", T}, {"Tenn", E}, {"Tex", E}, {"Thu", E}, {"Thur", E},
    {"Thurs", E}, {"Tue", E}, {"Tues", E}, {"Univ", E}, {"Va", E}, {"Vol", N}, {"Vt", E}, {"Wash", E},
    {"Wed", E}, {"Wis", E}, {"Wyo", E}, {"al", E}, {"approx", T}, {"cf", T}, {"e.g", T}, {"esp", T},
    {"est", E}, {"etc", E}, {"ft", E}, {"govt", E}, {"hr", E}, {"hrs", E}, {"i.e", T}, {"incl", T}, {"lb", E},
    {"lbs", E}, {"mins", E}, {"no", N}, {"nos", N}, {"oz", E}, {"pp", N}, {"pts", E}, {"sq", E}, {"v", T},
    {"vol", N}, {"vs", T}, {"yr", E}, {"yrs", E},
};

// Capitalized words that start sentences and rarely continue a name.
constexpr std::string_view kSentenceStarts[] = {
    "A"sv,       "According"sv, "After"sv,     "Also"sv,   "Although"sv, "An"sv,     "And"sv,
    "As"sv,      "At"sv,        "Before"sv,    "But"sv,    "By"sv,       "During"sv, "Earlier"sv,
    "For"sv,     "From"sv,      "He"sv,        "Her"sv,    "His"sv,      "How"sv,    "However"sv,
    "I"sv,       "If"sv,        "In"sv,        "It"sv,     "Its"sv,      "Last"sv,   "Later"sv,
    "Many"sv,    "Meanwhile"sv, "Most"sv,      "My"sv,     "No"sv,       "Now"sv,    "On"sv,
    "Our"sv,     "She"sv,       "Since"sv,     "So"sv,     "Some"sv,     "That"sv,   "The"sv,
    "Their"sv,   "There"sv,     "These"sv,     "They"sv,   "This"sv,     "Those"sv,  "Though"sv,
    "To"sv,      "Today"sv,     "We"sv,        "What"sv,   "When"sv,     "Where"sv,  "While"sv,
    "Who"sv,     "Why"sv,       "With"sv,      "Yesterday"sv, "You"sv,
};

constexpr std::string_view kContinuationWords[] = {
    "a"sv,    "an"sv,   "and"sv,  "as"sv,   "at"sv,   "by"sv,   "for"sv,  "from"sv, "in"sv,
    "into"sv, "of"sv,   "on"sv,   "or"sv,   "than"sv, "that"sv, "the"sv,  "to"sv,   "with"sv,
};

constexpr bool EntryLess(const Entry& a, const Entry& b) { return a.word < b.word; }
static_assert(std::is_sorted(std::begin(kAbbreviations), std::end(kAbbreviations), EntryLess),
              "kAbbreviations must be sorted");
static_assert(std::is_sorted(std::begin(kSentenceStarts), std::end(kSentenceStarts)), "must be sorted");
static_assert(std::is_sorted(std::begin(kContinuationWords), std::end(kContinuationWords)), "must be sorted");

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "U.S", "a.m", "Ph.D": letter groups of one or two, joined by periods.
bool IsDottedLetters(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  size_t group = 0;
  for (char c : w) {
    if (c == '.') {
      if (group == 0) return false;
      group = 0;
    } else if (IsAsciiLetter(c)) {
      if (++group > 2) return false;
    } else {
      return false;
    }
  }
  return group > 0;
}

template <size_t kN>
bool Contains(const std::string_view (&list)[kN], std::string_view word) {
  return std::binary_search(std::begin(list), std::end(list), word);
}

}  // namespace

Abbreviation ClassifyAbbreviation(std::string_view word) {
  if (word.empty() || word.size() > 8) return Abbreviation::kNone;
  auto it = std::lower_bound(std::begin(kAbbreviations), std::end(kAbbreviations), Entry{word, T}, EntryLess);
  if (it != std::end(kAbbreviations) && it->word == word) return it->kind;
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return Abbreviation::kMayEnd;  // initial
  if (IsDottedLetters(word)) return Abbreviation::kMayEnd;
  return Abbreviation::kNone;
}

bool IsClearSentenceStart(std::string_view word) { return Contains(kSentenceStarts, word); }

bool IsContinuationWord(std::string_view word) { return Contains(kContinuationWords, word); }

}  // namespace parley::text::internal

#include "syntax/ptb_morph.h"

#include <algorithm>
#include <array>
#include <span>
#include <utility>

#include "syntax/penn_to_ud.h"

namespace parley::syntax {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

template <size_t N>
bool InList(std::string_view word, const std::array<std::string_view, N>& list) {
  for (std::string_view w : list)
    if (EqualsIgnoreCase(word, w)) return true;
  return false;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsConsonant(char c) { return c >= 'a' && c <= 'z' && !IsVowel(c); }

bool IsVerbTag(std::string_view tag) { return tag.size() >= 2 && tag[0] == 'V' && tag[1] == 'B'; }

using Pair = std::pair<std::string_view, std::string_view>;

// Irregular verb forms common in news text (past, participle, -s, -ing).
constexpr std::array kIrregularVerbs = std::to_array<Pair>({
    {"am", "be"}, {"is", "be"}, {"are", "be"}, {"was", "be"}, {"were", "be"}, {"been", "be"},
    {"being", "be"}, {"'s", "be"}, {"'re", "be"}, {"'m", "be"}, {"ai", "be"}, {"has", "have"},
    {"had", "have"}, {"having", "have"}, {"'ve", "have"}, {"'d", "have"}, {"does", "do"}, {"did", "do"},
    {"done", "do"}, {"doing", "do"}, {"said", "say"}, {"says", "say"}, {"met", "meet"}, {"left", "leave"},
    {"went", "go"}, {"gone", "go"}, {"goes", "go"}, {"made", "make"}, {"took", "take"}, {"taken", "take"},
    {"gave", "give"}, {"given", "give"}, {"came", "come"}, {"saw", "see"}, {"seen", "see"},
    {"seeing", "see"}, {"told", "tell"}, {"held", "hold"}, {"brought", "bring"}, {"sent", "send"},
    {"spent", "spend"}, {"began", "begin"}, {"begun", "begin"}, {"fought", "fight"}, {"thought", "think"},
    {"found", "find"}, {"led", "lead"}, {"won", "win"}, {"lost", "lose"}, {"struck", "strike"},
    {"stricken", "strike"}, {"built", "build"}, {"became", "become"}, {"got", "get"}, {"gotten", "get"},
    {"knew", "know"}, {"known", "know"}, {"stood", "stand"}, {"paid", "pay"}, {"kept", "keep"},
    {"fell", "fall"}, {"fallen", "fall"}, {"felt", "feel"}, {"broke", "break"}, {"broken", "break"},
    {"spoke", "speak"}, {"spoken", "speak"}, {"wrote", "write"}, {"written", "write"}, {"chose", "choose"},
    {"chosen", "choose"}, {"drove", "drive"}, {"driven", "drive"}, {"rose", "rise"}, {"risen", "rise"},
    {"ran", "run"}, {"sold", "sell"}, {"bought", "buy"}, {"caught", "catch"}, {"taught", "teach"},
    {"shot", "shoot"}, {"fled", "flee"}, {"hid", "hide"}, {"hidden", "hide"}, {"shook", "shake"},
    {"shaken", "shake"}, {"threw", "throw"}, {"thrown", "throw"}, {"withdrew", "withdraw"},
    {"withdrawn", "withdraw"}, {"forgot", "forget"}, {"forgotten", "forget"}, {"beaten", "beat"},
    {"bit", "bite"}, {"bitten", "bite"}, {"blew", "blow"}, {"blown", "blow"}, {"drew", "draw"},
    {"drawn", "draw"}, {"ate", "eat"}, {"eaten", "eat"}, {"flew", "fly"}, {"flown", "fly"},
    {"grew", "grow"}, {"grown", "grow"}, {"laid", "lay"}, {"meant", "mean"}, {"heard", "hear"},
    {"understood", "understand"}, {"sought", "seek"}, {"slew", "slay"}, {"slain", "slay"},
    {"sank", "sink"}, {"sunk", "sink"}, {"swore", "swear"}, {"sworn", "swear"}, {"tore", "tear"},
    {"torn", "tear"}, {"wore", "wear"}, {"worn", "wear"}, {"undertook", "undertake"},
    {"undertaken", "undertake"}, {"overthrew", "overthrow"}, {"overthrown", "overthrow"},
    {"arose", "arise"}, {"arisen", "arise"}, {"froze", "freeze"}, {"frozen", "freeze"}, {"stole", "steal"},
    {"stolen", "steal"}, {"fed", "feed"}, {"dealt", "deal"}, {"dug", "dig"}, {"hung", "hang"},
    {"lent", "lend"}, {"slid", "slide"}, {"stuck", "stick"}, {"swept", "sweep"}, {"wept", "weep"},
    {"sped", "speed"}, {"bled", "bleed"}, {"bound", "bind"}, {"forbade", "forbid"},
    {"forbidden", "forbid"}, {"foresaw", "foresee"}, {"foreseen", "foresee"}, {"overcame", "overcome"},
    {"overtook", "overtake"}, {"overtaken", "overtake"}, {"upheld", "uphold"}, {"withheld", "withhold"},
    {"mistook", "mistake"}, {"mistaken", "mistake"}, {"dying", "die"}, {"lying", "lie"}, {"tying", "tie"},
    {"wo", "will"}, {"ca", "can"}, {"'ll", "will"}, {"sat", "sit"}, {"sang", "sing"}, {"sung", "sing"},
    {"swam", "swim"}, {"rode", "ride"}, {"ridden", "ride"}, {"woke", "wake"}, {"woken", "wake"},
    {"shone", "shine"}, {"spun", "spin"}, {"strove", "strive"}, {"striven", "strive"},
    {"sprang", "spring"}, {"sprung", "spring"}, {"stung", "sting"}, {"swung", "swing"},
    {"lit", "light"}, {"felled", "fell"}, {"boycotted", "boycott"}, {"boycotting", "boycott"},
});

constexpr std::array kIrregularNouns = std::to_array<Pair>({
    {"men", "man"}, {"women", "woman"}, {"children", "child"}, {"people", "people"}, {"police", "police"},
    {"feet", "foot"}, {"teeth", "tooth"}, {"mice", "mouse"}, {"geese", "goose"}, {"lives", "life"},
    {"wives", "wife"}, {"knives", "knife"}, {"thieves", "thief"}, {"halves", "half"}, {"crises", "crisis"},
    {"analyses", "analysis"}, {"theses", "thesis"}, {"bases", "base"}, {"data", "data"}, {"media", "media"},
    {"series", "series"}, {"species", "species"}, {"news", "news"}, {"troops", "troop"},
    {"forces", "force"}, {"sources", "source"}, {"offices", "office"}, {"prices", "price"},
    {"services", "service"}, {"pieces", "piece"}, {"movies", "movie"}, {"authorities", "authority"},
    {"headquarters", "headquarters"}, {"means", "means"}, {"arms", "arms"}, {"talks", "talk"},
});

constexpr std::array kPronouns = std::to_array<Pair>({
    {"i", "I"}, {"me", "I"}, {"my", "my"}, {"him", "he"}, {"his", "he"}, {"her", "she"}, {"its", "it"},
    {"us", "we"}, {"our", "we"}, {"them", "they"}, {"their", "they"}, {"your", "you"}, {"whom", "who"},
    {"whose", "who"},
});

std::string_view Lookup(std::string_view lower, std::span<const Pair> table) {
  for (const Pair& p : table)
    if (p.first == lower) return p.second;
  return {};
}

// Whether a verb stem that lost "-ed"/"-ing" needs its final "e" back
// ("restor" → "restore", "creat" → "create", but "visit", "open").
bool NeedsFinalE(std::string_view stem) {
  const size_t n = stem.size();
  if (n < 2) return false;
  const char last = stem[n - 1];
  const char prev = stem[n - 2];
  const bool single_vowel = IsVowel(prev) && (n < 3 || !IsVowel(stem[n - 3]));
  switch (last) {
    case 'v': case 'z': case 'c': case 'u': case 's':
      return true;
    case 'g':
      return prev == 'r' || prev == 'd' || single_vowel || EndsWith(stem, "ang");
    case 'd':
    case 'b':
    case 'k':
    case 'm':
      return single_vowel;
    case 't':
      if (prev == 'a') return EndsWith(stem, "creat") || !(EndsWith(stem, "eat") || EndsWith(stem, "oat"));
      return single_vowel && (prev == 'o' || prev == 'u');
    case 'n':
      return single_vowel && (prev == 'i' || prev == 'u');
    case 'l':
      return IsConsonant(prev) ? prev != 'l' && prev != 'r' && prev != 'w'
                               : single_vowel && (prev == 'i' || prev == 'u' || prev == 'o');
    case 'p':
      return single_vowel && !EndsWith(stem, "elop");
    case 'r':
      if (EndsWith(stem, "or")) {
        return EndsWith(stem, "stor") || EndsWith(stem, "gnor") || EndsWith(stem, "plor") ||
               EndsWith(stem, "scor");
      }
      return single_vowel && (prev == 'i' || prev == 'u' || prev == 'a');
    default:
      return false;
  }
}

// "stopp" → "stop"; "call", "pass" keep their double letter.
bool UndoubleFinal(std::string& stem) {
  const size_t n = stem.size();
  if (n < 3 || stem[n - 1] != stem[n - 2] || !IsConsonant(stem[n - 1])) return false;
  const char c = stem[n - 1];
  if (c == 'l' || c == 's' || c == 'f' || c == 'z') return false;
  stem.pop_back();
  return true;
}

std::string RegularVerbStem(std::string stem) {
  if (UndoubleFinal(stem)) return stem;
  if (NeedsFinalE(stem)) stem.push_back('e');
  return stem;
}

std::string VerbLemma(std::string_view tag, const std::string& lower) {
  std::string_view irregular = Lookup(lower, kIrregularVerbs);
  if (!irregular.empty()) return std::string(irregular);
  const size_t n = lower.size();
  if (tag == "VBD" || tag == "VBN") {
    if (EndsWith(lower, "ied")) return n > 4 ? lower.substr(0, n - 3) + "y" : lower.substr(0, n - 1);
    if (EndsWith(lower, "eed")) return lower.substr(0, n - 1);
    if (EndsWith(lower, "ed") && n > 3) return RegularVerbStem(lower.substr(0, n - 2));
    return lower;
  }
  if (tag == "VBG") {
    if (EndsWith(lower, "ing") && n > 4) return RegularVerbStem(lower.substr(0, n - 3));
    return lower;
  }
  if (tag == "VBZ") {
    if (EndsWith(lower, "ies") && n > 4) return lower.substr(0, n - 3) + "y";
    if (EndsWith(lower, "sses") || EndsWith(lower, "shes") || EndsWith(lower, "ches") ||
        EndsWith(lower, "xes") || EndsWith(lower, "zzes") || EndsWith(lower, "oes")) {
      return lower.substr(0, n - 2);
    }
    if (EndsWith(lower, "s") && n > 2) return lower.substr(0, n - 1);
    return lower;
  }
  return lower;  // VB, VBP
}

std::string NounLemma(const std::string& lower) {
  std::string_view irregular = Lookup(lower, kIrregularNouns);
  if (!irregular.empty()) return std::string(irregular);
  const size_t n = lower.size();
  if (EndsWith(lower, "ies") && n > 4) return lower.substr(0, n - 3) + "y";
  if (EndsWith(lower, "sses") || EndsWith(lower, "shes") || EndsWith(lower, "ches") || EndsWith(lower, "xes") ||
      EndsWith(lower, "zzes")) {
    return lower.substr(0, n - 2);
  }
  if (EndsWith(lower, "ss") || EndsWith(lower, "us") || EndsWith(lower, "is")) return lower;
  if (EndsWith(lower, "s") && n > 2) return lower.substr(0, n - 1);
  return lower;
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

bool IsBeForm(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kBe = {"be", "is", "are", "was", "were", "been", "being",
                                                           "am", "'s", "'re", "'m", "ai"};
  return InList(w, kBe);
}

bool IsGetForm(std::string_view w) {
  static constexpr std::array<std::string_view, 5> kGet = {"get", "gets", "got", "gotten", "getting"};
  return InList(w, kGet);
}

bool IsAuxiliaryForm(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kAux = {
      "have", "has",   "had",    "having", "'ve",  "'d",   "do",    "does", "did",  "will", "would", "can",
      "could", "may", "might", "shall", "should", "must", "'ll", "wo", "ca", "ought", "need", "dare"};
  return IsBeForm(w) || IsGetForm(w) || InList(w, kAux);
}

bool IsNegation(std::string_view w) { return EqualsIgnoreCase(w, "not") || EqualsIgnoreCase(w, "n't"); }

bool IsTemporalNoun(std::string_view w) {
  static constexpr std::array<std::string_view, 44> kTime = {
      "monday",   "tuesday",  "wednesday", "thursday",  "friday",    "saturday", "sunday",  "today",
      "yesterday", "tomorrow", "tonight",  "january",   "february",  "march",    "april",   "may",
      "june",     "july",     "august",    "september", "october",   "november", "december", "week",
      "weeks",    "month",    "months",    "year",      "years",     "day",      "days",    "morning",
      "afternoon", "evening", "night",     "weekend",   "decade",    "decades",  "hour",    "hours",
      "jan.",     "feb.",     "aug.",      "sept."};
  return InList(w, kTime);
}

std::string_view UposForPtbTag(std::string_view tag) {
  static constexpr std::array kMap = std::to_array<Pair>({
      {"NN", "NOUN"},   {"NNS", "NOUN"},  {"NNP", "PROPN"}, {"NNPS", "PROPN"}, {"VB", "VERB"},
      {"VBD", "VERB"},  {"VBG", "VERB"},  {"VBN", "VERB"},  {"VBP", "VERB"},   {"VBZ", "VERB"},
      {"MD", "AUX"},    {"JJ", "ADJ"},    {"JJR", "ADJ"},   {"JJS", "ADJ"},    {"RB", "ADV"},
      {"RBR", "ADV"},   {"RBS", "ADV"},   {"WRB", "ADV"},   {"IN", "ADP"},     {"DT", "DET"},
      {"PDT", "DET"},   {"WDT", "DET"},   {"PRP", "PRON"},  {"PRP$", "PRON"},  {"WP", "PRON"},
      {"WP$", "PRON"},  {"CD", "NUM"},    {"CC", "CCONJ"},  {"TO", "PART"},    {"POS", "PART"},
      {"RP", "ADP"},    {"EX", "PRON"},   {"UH", "INTJ"},   {"FW", "X"},       {"SYM", "SYM"},
      {"LS", "X"},      {"$", "SYM"},     {"#", "SYM"},     {",", "PUNCT"},    {".", "PUNCT"},
      {":", "PUNCT"},   {"``", "PUNCT"},  {"''", "PUNCT"},  {"-LRB-", "PUNCT"}, {"-RRB-", "PUNCT"},
      {"-LCB-", "PUNCT"}, {"-RCB-", "PUNCT"}, {"-LSB-", "PUNCT"}, {"-RSB-", "PUNCT"}, {"HYPH", "PUNCT"},
      {"NFP", "PUNCT"}, {"AFX", "ADJ"},   {"ADD", "X"},     {"GW", "X"},       {"XX", "X"},
  });
  for (const Pair& p : kMap)
    if (p.first == tag) return p.second;
  return "X";
}

std::string_view UposInContext(std::string_view tag, std::string_view form, std::string_view deprel) {
  if (IsVerbTag(tag) && (deprel == "aux" || deprel == "aux:pass" || deprel == "cop")) return "AUX";
  if ((tag == "RB" || tag == "RBR") && IsNegation(form)) return "PART";
  if ((tag == "IN" || tag == "WDT" || tag == "DT") && deprel == "mark") return "SCONJ";
  if (tag == "TO" && deprel == "case") return "ADP";
  if (tag == "WDT" && deprel != "det") return "PRON";
  return UposForPtbTag(tag);
}

std::string FeatsFor(std::string_view tag, std::string_view form, bool passive) {
  if (IsNegation(form) && (tag == "RB" || tag == "RBR")) return "Polarity=Neg";
  if (tag == "NN" || tag == "NNP") return "Number=Sing";
  if (tag == "NNS" || tag == "NNPS") return "Number=Plur";
  if (tag == "VBD") return "Tense=Past|VerbForm=Fin";
  if (tag == "VBN") return passive ? "Tense=Past|VerbForm=Part|Voice=Pass" : "Tense=Past|VerbForm=Part";
  if (tag == "VBG") return "VerbForm=Ger";
  if (tag == "VBZ") return "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin";
  if (tag == "VBP") return "Tense=Pres|VerbForm=Fin";
  if (tag == "VB") return "VerbForm=Inf";
  if (tag == "MD") return "VerbForm=Fin";
  if (tag == "JJ") return "Degree=Pos";
  if (tag == "JJR" || tag == "RBR") return "Degree=Cmp";
  if (tag == "JJS" || tag == "RBS") return "Degree=Sup";
  if (tag == "CD") return "NumType=Card";
  if (tag == "PRP") return "PronType=Prs";
  if (tag == "PRP$") return "Poss=Yes|PronType=Prs";
  return {};
}

std::string LemmaFor(std::string_view tag, std::string_view form) {
  if (tag == "NNP" || tag == "NNPS" || tag == "CD" || UposForPtbTag(tag) == "PUNCT" || tag == "SYM" ||
      tag == "$" || tag == "#" || tag == "FW") {
    return std::string(form);
  }
  std::string lower = ToLower(form);
  if (IsVerbTag(tag)) return VerbLemma(tag, lower);
  if (tag == "MD") {
    if (lower == "'d") return "would";
    std::string_view l = Lookup(lower, kIrregularVerbs);
    return l.empty() ? lower : std::string(l);
  }
  if (tag == "NNS") return NounLemma(lower);
  if (tag == "PRP" || tag == "PRP$" || tag == "WP" || tag == "WP$") {
    std::string_view l = Lookup(lower, kPronouns);
    return l.empty() ? lower : std::string(l);
  }
  if (tag == "JJR" || tag == "JJS" || tag == "RBR" || tag == "RBS") {
    if (lower == "more" || lower == "most" || lower == "less" || lower == "least") return lower;
    return {};  // "fiercest" → "fierce" needs a lexicon
  }
  if (IsNegation(lower)) return "not";
  if (tag == "DT" && lower == "an") return "a";
  if (tag == "POS") return "'s";
  return lower;
}

std::string UnescapePtbWord(std::string_view word) {
  static constexpr std::array kEscapes = std::to_array<Pair>({
      {"-LRB-", "("}, {"-RRB-", ")"}, {"-LCB-", "{"}, {"-RCB-", "}"}, {"-LSB-", "["}, {"-RSB-", "]"},
      {"``", "\""},   {"''", "\""},
  });
  for (const Pair& p : kEscapes)
    if (p.first == word) return std::string(p.second);
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\\' && i + 1 < word.size() && (word[i + 1] == '/' || word[i + 1] == '*')) continue;
    out.push_back(word[i]);
  }
  return out;
}

}  // namespace parley::syntax

// Parley's own dictionary format: a reader from text to plain entry records.
//
// One file per kind; the first line says which: "# parley-dictionary: KIND 1"
// (KIND = actors | agents | verbs | discards). Entries are INI-like blocks:
//
//   [Benjamin Netanyahu]                   # label, also matched as a name
//   names = Netanyahu; Bibi Netanyahu      # ';'-separated; the key may repeat
//   code = ISRELI                          # default code
//   code 1996-06-18 .. 1999-07-06 = ISRGOV # dated code, inclusive, open ends allowed
//
// The full grammar is in docs/dictionary-format.md. This header only reads and
// checks the text (syntax, keys, values, dates); compiling into the lookup
// structures is done by the dictionaries' LoadParleyText methods, and cross-
// entry checks (duplicates, overlapping dates, known codes) by dict_lint.h.
// Plain functions over values; thread-compatible.
#ifndef PARLEY_LEXICON_PARLEY_FORMAT_H_
#define PARLEY_LEXICON_PARLEY_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::lexicon {

enum class DictKind { kActors, kAgents, kVerbs, kDiscards };

// "actors", "agents", "verbs", "discards".
const char* DictKindName(DictKind kind);

inline constexpr std::string_view kParleyMagic = "# parley-dictionary:";
inline constexpr int kParleyFormatVersion = 1;

// True when the text's first line (after an optional UTF-8 BOM) starts with
// "# parley-dictionary:". Decides which reader Lexicon::Load uses.
bool IsParleyDictionary(std::string_view text);

// A problem found while reading or linting, at a line of a file.
struct Diagnostic {
  std::string file;
  int line = 0;
  std::string message;
  // "file:line: message".
  std::string ToString() const;
};

// A name, phrase or member as written, with the line it came from.
struct NameAt {
  std::string text;  // trimmed; words separated by blanks
  int line = 0;
};

struct ParleyActor {
  struct Dated {
    int from = 0;        // yyyymmdd, inclusive; 0 = open start
    int to = 99999999;   // yyyymmdd, inclusive; 99999999 = open end
    std::string code;    // upper-cased; "" = null code ("---")
    std::string range;   // as written, e.g. "2009-03-31 .. 2021-06-13"
    int line = 0;
  };
  std::string label;
  int line = 0;
  std::vector<NameAt> names;  // the label first
  std::optional<std::string> default_code;  // upper-cased; "" = null code
  int default_line = 0;
  std::vector<Dated> dated;  // in file order; the first range containing the date wins
  bool place = false;        // "type = place"
  bool capital = false;      // "type = capital"
};

struct ParleyAgent {
  std::string label;
  int line = 0;
  std::vector<NameAt> names;  // the label first
  std::string code;           // upper-cased, without '~'
  bool prefix = false;        // "NGO~": goes before the actor's code
  int code_line = 0;          // 0 = no code given
  bool plural = true;         // plural = auto (default) | none
};

struct ParleyDiscard {
  std::string label;
  int line = 0;
  std::vector<NameAt> phrases;  // a final '*' marks a stem (prefix) match
  bool whole_story = false;     // scope = story
};

// "verbs = attack; cordon off -> 1721" or "forms = strike: strikes struck".
struct ParleyVerb {
  std::string verb;                // words separated by blanks; '+' may mark the verb word
  bool listed_forms = false;       // from "forms =": only these forms, none generated
  std::vector<std::string> forms;  // listed forms (phrases), base form excluded
  std::string code;                // own code, upper-cased; "" = the block's
  int line = 0;
};

// "nouns = airstrike; air raid -> 195": an event noun (a nominal trigger).
struct ParleyNoun {
  std::string noun;  // words separated by blanks; the last is the head noun
  std::string code;  // own code, upper-cased; "" = the block's
  int line = 0;
};

struct ParleyPattern {
  std::string elements;  // as written, e.g. "* (with &artillery)"
  std::string code;      // upper-cased
  int line = 0;
};

struct ParleySynset {
  std::string name;  // without '&', upper-cased
  int line = 0;
  std::vector<NameAt> members;
  bool plural = true;  // regular plurals of each member's last word
};

struct ParleyVerbBlock {
  std::string label;
  int line = 0;
  std::string code = "---";  // upper-cased
  int code_line = 0;
  std::vector<ParleyVerb> verbs;
  std::vector<ParleyNoun> nouns;
  std::vector<ParleyPattern> patterns;
  std::vector<NameAt> transformations;  // PETRARCH 2 transformations, kept as written
};

// One file, read. Only the vectors of its kind are filled.
struct ParleyDictionary {
  std::string name;
  DictKind kind = DictKind::kActors;
  int version = kParleyFormatVersion;
  std::vector<ParleyActor> actors;
  std::vector<ParleyAgent> agents;
  std::vector<ParleyDiscard> discards;
  std::vector<ParleyVerbBlock> verb_blocks;
  std::vector<ParleySynset> synsets;  // "[&NAME]" blocks and "synset &NAME = ..." lines, in file order
};

// Reads a Parley dictionary. Every malformed line, unknown key, bad value or
// bad date range is appended to `errors` ("name:line: ..."), and reading goes
// on; what could be read is returned. Fails (ParseError) only when the header
// line is missing or names an unknown kind or version.
Result<ParleyDictionary> ReadParleyDictionary(std::string_view text, const std::string& name,
                                              std::vector<Diagnostic>& errors);

// Splits a name into its words (blanks separate words; '_' is read as a blank).
std::vector<std::string_view> NameWords(std::string_view name);
// The lookup key of a name: its words upper-cased, joined by one blank.
std::string NameKey(std::string_view name);
// A name word in double quotes ("US", "West") matches only a token written
// exactly as between the quotes. CasedWord returns the word inside the
// quotes, or "" when `word` is not quoted.
std::string_view CasedWord(std::string_view word);
// Why a name's quotes are malformed, or "" when they are not: a quote opens
// and closes one word.
std::string BadQuotes(std::string_view name);

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_PARLEY_FORMAT_H_

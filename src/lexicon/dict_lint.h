// Checks and counts over sets of Parley-format dictionaries, as
// `parley dict lint` and `parley dict stats` report them.
//
// Lint finds what the loader tolerates or cannot see from one file: names
// given to two entries (across all files of a kind), codes that are not
// CAMEO codes, overlapping date ranges, verb patterns the PETRARCH rules
// reject, plus every syntax error of the reader. Plain functions;
// thread-compatible.
#ifndef PARLEY_LEXICON_DICT_LINT_H_
#define PARLEY_LEXICON_DICT_LINT_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/parley_format.h"
#include "parley/status.h"

namespace parley::lexicon {

// The codes lint accepts, read from dictionaries/cameo-codes.txt: one
// "KIND CODE [description]" per line, '#' comments; KIND is
//   country  ISO 3166-1 or -3 alpha-3, or a CAMEO country code (KSV)
//   region   CAMEO regional code (AFR, MEA, ...)
//   actor    other codes that may begin an actor code (IGO, NGO, MNC, ...)
//   sector   role codes an agent adds (GOV, MIL, COP, ...)
//   event    CAMEO event codes (010, 0211, ...)
class CodeList {
 public:
  static Result<CodeList> Parse(std::string_view text, const std::string& name);
  // A code that may begin an actor code: country, region or actor.
  bool IsActorLead(std::string_view code3) const { return lead_.count(std::string(code3)) != 0; }
  bool IsSector(std::string_view code3) const { return sector_.count(std::string(code3)) != 0; }
  bool IsEvent(std::string_view code) const { return event_.count(std::string(code)) != 0; }
  size_t size() const { return lead_.size() + sector_.size() + event_.size(); }

 private:
  std::set<std::string, std::less<>> lead_, sector_, event_;
};

// One file to check: its name (for messages) and text.
struct DictFile {
  std::string name;
  std::string text;
};

// Every problem in the files, in file order then line order. Names are
// compared per kind over all the files together. `codes` may be null (no code
// checks).
std::vector<Diagnostic> LintDictionaries(const std::vector<DictFile>& files, const CodeList* codes);

struct DictStats {
  size_t files = 0;
  size_t actors = 0, actor_names = 0, dated_codes = 0;
  size_t agents = 0, agent_names = 0;
  size_t verb_blocks = 0, verbs = 0, patterns = 0, synsets = 0, event_nouns = 0;
  size_t discard_blocks = 0, discard_phrases = 0;
  // CAMEO root ("01".."20", or "none" for null and other codes) → {blocks, patterns}.
  std::map<std::string, std::pair<size_t, size_t>> by_root;
};

// Counts what the files hold (unreadable files and lines are skipped; lint
// reports them). Names count the label and the names lines, not plurals.
DictStats CountDictionaries(const std::vector<DictFile>& files);
std::string FormatStats(const DictStats& stats);

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_DICT_LINT_H_

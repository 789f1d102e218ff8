// The lexicon: every dictionary the coder consults, compiled for lookup speed.
//
// Words are upper-cased and interned once into a Vocabulary; every dictionary
// stores phrases as WordId sequences, so the coder maps each token to a WordId
// once and then matches integers. A Lexicon is immutable after loading and is
// safe to share between threads.
//
// Readers accept the PETRARCH/TABARI text formats described in
// ../shared/data/petrarch2/docs (dictionaries.rst, the TABARI manual) and
// Parley's own format (docs/dictionary-format.md). For PETRARCH files only an
// unreadable file is an error; a malformed line is skipped (or repaired) and
// reported in warnings() as "file:line: what: text".
#ifndef PARLEY_LEXICON_LEXICON_H_
#define PARLEY_LEXICON_LEXICON_H_

#include <memory>
#include <string>
#include <vector>

#include "lexicon/actor_dictionary.h"
#include "lexicon/agent_dictionary.h"
#include "lexicon/discard_list.h"
#include "lexicon/issue_list.h"
#include "lexicon/verb_dictionary.h"
#include "lexicon/vocabulary.h"
#include "parley/status.h"

namespace parley::lexicon {

// File sets for one coding configuration (PETRARCH <Environment> or our own).
struct LexiconPaths {
  std::vector<std::string> verbs;
  std::vector<std::string> actors;
  std::vector<std::string> agents;
  std::vector<std::string> discards;
  std::vector<std::string> issues;
};

// The Phoenix set as PETRARCH2 ships it in `dir`: CAMEO.2.0 verbs, the
// country, international and non-state actor files, agents and discards.
LexiconPaths PhoenixDictionaries(const std::string& dir);

// Everything the coder consults; immutable once loaded.
struct Lexicon {
  Vocabulary vocab;
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardList discards;
  IssueList issues;

  // Loads every file into one Vocabulary. A file whose first line is
  // "# parley-dictionary: KIND 1" is read as Parley's own format
  // (docs/dictionary-format.md), any other as PETRARCH/TABARI, so the two can
  // be mixed. Fails (naming the file) when a file cannot be read, or when a
  // Parley file is of another kind or has an error (file:line).
  static Result<std::shared_ptr<const Lexicon>> Load(const LexiconPaths& paths);
  // The warnings of all dictionaries, verbs first.
  std::vector<std::string> warnings() const;
};

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_LEXICON_H_

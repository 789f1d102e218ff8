// The lexicon: every dictionary the coder consults, compiled for lookup speed.
//
// Words are upper-cased and interned once into a Vocabulary; every dictionary
// stores phrases as WordId sequences, so the coder maps each token to a WordId
// once and then matches integers. A Lexicon is immutable after loading and is
// safe to share between threads.
//
// Readers accept the PETRARCH/TABARI text formats described in
// ../shared/data/petrarch2/docs (dictionaries.rst, the TABARI manual). Errors
// name file:line and the offending text.
#ifndef PARLEY_LEXICON_LEXICON_H_
#define PARLEY_LEXICON_LEXICON_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/date.h"
#include "parley/status.h"

namespace parley::lexicon {

using WordId = uint32_t;
inline constexpr WordId kNoWord = 0;  // a word the lexicon has never seen

// Upper-cased word → WordId. Interning happens only while loading.
class Vocabulary {
 public:
  Vocabulary();
  // Returns kNoWord when `upper` was never interned. REQUIRES: `upper` upper-case.
  WordId Find(std::string_view upper) const;
  WordId Intern(std::string_view upper);
  std::string_view Spelling(WordId id) const { return spellings_[id]; }
  size_t size() const { return spellings_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, WordId, Hash, std::equal_to<>> ids_;
  std::vector<std::string> spellings_;  // index = WordId; [0] = ""
};

// Upper-cases ASCII and common Latin letters; used for every lookup key.
std::string ToUpperKey(std::string_view word);

// ---------------------------------------------------------------------------
// Actors: phrase → code, optionally restricted by date.

struct DatedCode {
  int from = 0;         // yyyymmdd, inclusive; 0 = open start
  int to = 99999999;    // yyyymmdd, inclusive; 99999999 = open end
  std::string code;
};

struct ActorEntry {
  std::string phrase;             // primary phrase as written, e.g. "BARACK_OBAMA_"
  std::string default_code;       // "" = null code
  std::vector<DatedCode> dated;   // checked in order; first range containing the date wins
  std::string file;               // where it was defined, for messages
  int line = 0;
};

// A match of a dictionary phrase against a token sequence.
struct PhraseMatch {
  uint32_t length = 0;  // tokens consumed; 0 = no match
  uint32_t entry = 0;   // index of the entry in its dictionary
};

class ActorDictionary {
 public:
  // Reads one PETRARCH actor file and adds its entries (call once per file).
  Status LoadPetrarchFile(const std::string& path, Vocabulary& vocab);
  // Same, from text in memory; `name` is used in error messages.
  Status LoadPetrarchText(std::string_view text, const std::string& name, Vocabulary& vocab);

  // Longest entry phrase that matches words[start..]. Consecutive words only.
  PhraseMatch LongestMatch(std::span<const WordId> words, size_t start) const;
  // The code in force on `date` ("" = null code; unknown date → default code).
  std::string_view CodeOn(uint32_t entry, Date date) const;
  const ActorEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }
  size_t phrase_count() const;  // primary phrases + synonyms

 private:
  struct Impl;
  std::vector<ActorEntry> entries_;
  std::shared_ptr<Impl> impl_;  // the phrase trie
};

// ---------------------------------------------------------------------------
// Agents: role nouns ("police", "foreign minister") → a code added to an actor.

struct AgentEntry {
  std::string phrase;
  std::string code;     // without the '~', e.g. "COP"
  bool prefix = false;  // "NGO~": code goes before the actor code; "~COP": after
  std::string file;
  int line = 0;
};

class AgentDictionary {
 public:
  Status LoadPetrarchFile(const std::string& path, Vocabulary& vocab);
  Status LoadPetrarchText(std::string_view text, const std::string& name, Vocabulary& vocab);
  // Includes generated plurals and !SUBSTITUTION! expansions.
  PhraseMatch LongestMatch(std::span<const WordId> words, size_t start) const;
  const AgentEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }

 private:
  struct Impl;
  std::vector<AgentEntry> entries_;
  std::shared_ptr<Impl> impl_;
};

// ---------------------------------------------------------------------------
// Discards: phrases that mark a sentence (or a whole story, '+') as not codable.

struct DiscardHit {
  std::string phrase;       // the dictionary phrase that matched
  bool whole_story = false;
};

class DiscardList {
 public:
  Status LoadPetrarchFile(const std::string& path);
  Status LoadPetrarchText(std::string_view text, const std::string& name);
  // Case-insensitive search of the sentence text, as PETRARCH does it: the
  // phrase must start at a word boundary; a phrase ending in '_' must also end at one.
  std::optional<DiscardHit> Find(std::string_view sentence_text) const;
  size_t size() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

// ---------------------------------------------------------------------------
// Issues: phrases → issue codes (optional PETRARCH feature).

class IssueList {
 public:
  Status LoadPetrarchFile(const std::string& path);
  Status LoadPetrarchText(std::string_view text, const std::string& name);
  // Issue codes found in the text with their counts, in first-seen order.
  std::vector<std::pair<std::string, int>> Find(std::string_view sentence_text) const;
  size_t size() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

// ---------------------------------------------------------------------------
// Verbs: synonym sets, verb blocks and their patterns.

// A synonym set "&NAME": phrases of one or more words (plurals generated as
// the format says).
struct Synset {
  std::string name;                          // without '&', e.g. "CURRENCY"
  std::vector<std::vector<WordId>> phrases;  // each phrase: consecutive words
};

// One element of a verb pattern, read left to right.
enum class PatternToken : uint8_t {
  kWord,          // a literal word (id in `word`)
  kSynset,        // "&NAME" (index in `synset`)
  kVerb,          // "*": the verb itself
  kSource,        // "$": the source actor is here
  kTarget,        // "+": the target actor is here
  kCompound,      // "%": a compound actor that is both source and target
  kSkip,          // "^": skip to the end of the noun phrase (TABARI)
  kNounGroupOpen,   // "{" in PETRARCH 2 patterns: a noun phrase whose last word is its head
  kNounGroupClose,  // "}"
  kPrepOpen,        // "(" in PETRARCH 2 patterns: a prepositional phrase, preposition first
  kPrepClose,       // ")"
};

struct PatternElement {
  PatternToken kind = PatternToken::kWord;
  bool joined_to_next = false;  // "_" after it: the next element must follow immediately
  WordId word = kNoWord;        // kWord
  uint32_t synset = 0;          // kSynset
};

struct VerbPattern {
  std::vector<PatternElement> elements;  // includes exactly one kVerb
  std::string code;                      // "064", "---" = null code, may be "013:012"-style
  std::string file;
  int line = 0;
};

// A verb as listed in a block: one word, or a multi-word verb such as
// "CORDON_OFF" / "WIRE_+TAP" (the '+' word is the verb proper).
struct VerbEntry {
  uint32_t block = 0;
  std::vector<WordId> before;  // words that must precede the verb word (consecutively)
  std::vector<WordId> after;   // words that must follow it (consecutively)
  std::string code;            // the entry's own code, else the block's
};

struct VerbBlock {
  std::string name;                // e.g. "ABANDON"
  std::string code;                // block code, "---" when null
  std::vector<uint32_t> patterns;  // indexes into VerbDictionary::patterns()
  std::vector<uint32_t> entries;   // indexes into VerbDictionary::entries()
};

// PETRARCH 2 "~ a (a b ATTACK) SAY = a b 015" transformation lines, kept as written.
struct VerbTransformation {
  std::string text;
  int line = 0;
};

class VerbDictionary {
 public:
  // Reads either dialect: TABARI/PETRARCH 1 (PETR.Validate.verbs.txt) or
  // PETRARCH 2 (CAMEO.2.0.txt), detected per line.
  Status LoadPetrarchFile(const std::string& path, Vocabulary& vocab);
  Status LoadPetrarchText(std::string_view text, const std::string& name, Vocabulary& vocab);

  // Every VerbEntry having `form` (any inflection: generated regular forms and
  // listed irregular ones) as its verb word.
  std::span<const uint32_t> EntriesForForm(WordId form) const;
  const VerbEntry& entry(uint32_t i) const { return entries_[i]; }
  const VerbBlock& block(uint32_t i) const { return blocks_[i]; }
  const VerbPattern& pattern(uint32_t i) const { return patterns_[i]; }
  const Synset& synset(uint32_t i) const { return synsets_[i]; }
  // Synset index by name (without '&'), or -1.
  int FindSynset(std::string_view name) const;
  // True when `form` is the base form of some entry (used to tell "ACT" from "ACTED").
  size_t entry_count() const { return entries_.size(); }
  size_t block_count() const { return blocks_.size(); }
  size_t pattern_count() const { return patterns_.size(); }
  size_t synset_count() const { return synsets_.size(); }
  std::span<const VerbTransformation> transformations() const { return transformations_; }

 private:
  std::vector<VerbEntry> entries_;
  std::vector<VerbBlock> blocks_;
  std::vector<VerbPattern> patterns_;
  std::vector<Synset> synsets_;
  std::vector<VerbTransformation> transformations_;
  std::unordered_map<std::string, uint32_t> synset_index_;
  std::unordered_map<WordId, std::vector<uint32_t>> entries_by_form_;
};

// ---------------------------------------------------------------------------

// File sets for one coding configuration (PETRARCH <Environment> or our own).
struct LexiconPaths {
  std::vector<std::string> verbs;
  std::vector<std::string> actors;
  std::vector<std::string> agents;
  std::vector<std::string> discards;
  std::vector<std::string> issues;
};

// Everything the coder consults; immutable once loaded.
struct Lexicon {
  Vocabulary vocab;
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardList discards;
  IssueList issues;

  static Result<std::shared_ptr<const Lexicon>> Load(const LexiconPaths& paths);
};

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_LEXICON_H_

// Verbs: synonym sets, verb blocks and their patterns.
//
// Reads both verb-file dialects, detected per line: TABARI/PETRARCH 1
// (PETR.Validate.verbs.txt: "- + KNOWN_ * IN_ $ [076]") and PETRARCH 2
// (CAMEO.2.0.txt: "- * (FOR {FINANCIAL AID}) [070]"). Immutable after
// loading; const methods are safe to call from many threads.
#ifndef PARLEY_LEXICON_VERB_DICTIONARY_H_
#define PARLEY_LEXICON_VERB_DICTIONARY_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/vocabulary.h"
#include "parley/status.h"

namespace parley::lexicon {

// A synonym set "&NAME": phrases of one or more words (plurals generated as
// the format says; nested "+&OTHER" members expanded).
struct Synset {
  std::string name;                          // without '&' and a final '_', e.g. "CURRENCY"
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
  std::string code;                      // "064", "---" = null code, may be "013:012"-style; upper-cased
  std::string file;
  int line = 0;
  // PETRARCH 2 dialect (the file annotates noun groups and prepositional
  // phrases): words before '*' belong to the subject, words after it to the
  // verb's own objects and phrases, and nouns match in any inflection.
  bool syntactic = false;
};

// A verb as listed in a block: one word, or a multi-word verb such as
// "CORDON_OFF" / "WIRE_+TAP" (the '+' word is the verb proper).
struct VerbEntry {
  uint32_t block = 0;
  std::vector<WordId> before;  // words that must precede the verb word (consecutively)
  std::vector<WordId> after;   // words that must follow it (consecutively)
  std::string code;            // the entry's own code, else the block's
  WordId verb = kNoWord;       // base form of the verb word, e.g. CORDON
  std::string text;            // the verb as written, e.g. "+CORDON_OFF"
  int line = 0;
};

struct VerbBlock {
  std::string name;                // e.g. "ABANDON"
  std::string code;                // block code, "---" when null
  std::vector<uint32_t> patterns;  // indexes into VerbDictionary::pattern()
  std::vector<uint32_t> entries;   // indexes into VerbDictionary::entry()
  std::string file;
  int line = 0;
};

// PETRARCH 2 "~ a (a b ATTACK) SAY = a b 015" transformation lines, kept as written.
struct VerbTransformation {
  std::string text;
  int line = 0;
};

class VerbParser;
class VerbDictionary;

// Feeds a VerbDictionary one PETRARCH-syntax line at a time, for readers of
// other formats that translate their entries into such lines (the Parley
// reader does). One feeder per source file: when it is destroyed the file's
// patterns get their dialect, as LoadPetrarchText does. Not thread-safe.
class VerbLineFeeder {
 public:
  VerbLineFeeder(VerbDictionary& dict, Vocabulary& vocab, std::string name);
  ~VerbLineFeeder();
  VerbLineFeeder(const VerbLineFeeder&) = delete;
  VerbLineFeeder& operator=(const VerbLineFeeder&) = delete;
  // Reads `petrarch_line` (no comment) as line `line` of the file; warnings
  // quote `shown` instead of the translated line.
  void Feed(std::string_view petrarch_line, int line, std::string_view shown);

 private:
  VerbDictionary& dict_;
  std::string name_;
  size_t first_pattern_;
  std::unique_ptr<VerbParser> parser_;
};

// A noun that names an event ("airstrike", "ceasefire talks"): the coder
// codes it when its own modifiers name the actors ("Israeli airstrikes on
// Gaza", "talks between Israel and Hamas"). Parley's verbs format only.
struct EventNoun {
  std::vector<WordId> words;  // upper-cased; the last is the head noun
  std::string code;           // CAMEO event code
  std::string file;
  int line = 0;
};

class VerbDictionary {
 public:
  // Reads either dialect: TABARI/PETRARCH 1 (PETR.Validate.verbs.txt) or
  // PETRARCH 2 (CAMEO.2.0.txt), detected per line. Fails only when the file
  // cannot be read; malformed lines are skipped and listed in warnings().
  Status LoadPetrarchFile(const std::string& path, Vocabulary& vocab);
  Status LoadPetrarchText(std::string_view text, const std::string& name, Vocabulary& vocab);
  // Reads a Parley-format verbs file (docs/dictionary-format.md; parley_reader.cc).
  // Fails when the file cannot be read, is of another kind, or has a syntax
  // error; a pattern the PETRARCH rules reject (say, no '*') is skipped and
  // listed in warnings(), as for PETRARCH files.
  Status LoadParleyFile(const std::string& path, Vocabulary& vocab);
  Status LoadParleyText(std::string_view text, const std::string& name, Vocabulary& vocab);
  void AddWarning(std::string warning) { warnings_.push_back(std::move(warning)); }

  // Every VerbEntry having `form` (any inflection: generated regular forms and
  // listed irregular ones) as its verb word.
  std::span<const uint32_t> EntriesForForm(WordId form) const;
  // True when `form` is the base form of some entry (used to tell "ACT" from "ACTED").
  bool IsBaseForm(WordId form) const { return base_forms_.count(form) != 0; }
  const VerbEntry& entry(uint32_t i) const { return entries_[i]; }
  const VerbBlock& block(uint32_t i) const { return blocks_[i]; }
  const VerbPattern& pattern(uint32_t i) const { return patterns_[i]; }
  const Synset& synset(uint32_t i) const { return synsets_[i]; }
  // Synset index by name (without '&'), or -1.
  int FindSynset(std::string_view name) const;
  size_t entry_count() const { return entries_.size(); }
  size_t block_count() const { return blocks_.size(); }
  size_t pattern_count() const { return patterns_.size(); }
  size_t synset_count() const { return synsets_.size(); }
  size_t form_count() const { return entries_by_form_.size(); }  // distinct verb forms
  std::span<const VerbTransformation> transformations() const { return transformations_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

  // Adds an event noun (and, unless `with_plural` is false, the regular plural
  // of its last word). Returns false, changing nothing, when the same words
  // are already an event noun.
  bool AddEventNoun(EventNoun noun, Vocabulary& vocab, bool with_plural = true);
  // The event nouns whose head (last word) is `head`, longest first.
  std::span<const uint32_t> EventNounsWithHead(WordId head) const;
  const EventNoun& event_noun(uint32_t i) const { return nouns_[i]; }
  size_t event_noun_count() const { return nouns_.size(); }

 private:
  friend class VerbParser;
  friend class VerbLineFeeder;
  // Marks patterns [first, end) with the file's dialect (see VerbPattern::syntactic).
  void MarkDialect(size_t first);
  std::vector<VerbEntry> entries_;
  std::vector<VerbBlock> blocks_;
  std::vector<VerbPattern> patterns_;
  std::vector<Synset> synsets_;
  std::vector<VerbTransformation> transformations_;
  std::unordered_map<std::string, uint32_t> synset_index_;
  // WordId → indexes, dense by WordId: the coder asks for every token.
  class ListsById {
   public:
    std::vector<uint32_t>& operator[](WordId id) {
      if (id >= lists_.size()) lists_.resize(size_t{id} + 1);
      return lists_[id];
    }
    std::span<const uint32_t> Find(WordId id) const {
      return id < lists_.size() ? std::span<const uint32_t>(lists_[id]) : std::span<const uint32_t>();
    }
    size_t size() const;  // ids with a non-empty list
   private:
    std::vector<std::vector<uint32_t>> lists_;  // index = WordId
  };
  ListsById entries_by_form_;
  std::unordered_set<WordId> base_forms_;
  std::vector<EventNoun> nouns_;
  ListsById nouns_by_head_;
  std::vector<std::string> warnings_;
};

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_VERB_DICTIONARY_H_

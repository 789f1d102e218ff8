// Actors: proper-noun phrases → actor codes, optionally restricted by date.
//
// Reads the PETRARCH/TABARI .actors format: "PHRASE [CODE]" primary lines,
// "+PHRASE" synonyms, indented "[CODE yymmdd-yymmdd]" / "[CODE <date]" /
// "[CODE >date]" / "[CODE]" restriction lines. Immutable after loading;
// const methods are safe to call from many threads.
#ifndef PARLEY_LEXICON_ACTOR_DICTIONARY_H_
#define PARLEY_LEXICON_ACTOR_DICTIONARY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/vocabulary.h"
#include "parley/date.h"
#include "parley/status.h"

namespace parley::lexicon {

struct DatedCode {
  int from = 0;         // yyyymmdd, inclusive; 0 = open start
  int to = 99999999;    // yyyymmdd, inclusive; 99999999 = open end
  std::string code;     // upper-cased; "" = null code ("[---]" in the file)
};

struct ActorEntry {
  std::string phrase;             // primary phrase as written, e.g. "BARACK_OBAMA_"
  std::string default_code;       // upper-cased; "" = null code (none, or "[---]")
  std::vector<DatedCode> dated;   // checked in order; first range containing the date wins
  std::string file;               // where it was defined, for messages
  int line = 0;
  // A place coded as its country ("type = place": "Khan Younis" → PSE): where
  // things happen, so the coder takes it as a target only of force.
  bool place = false;
  // A capital coded as its government ("type = capital": "Moscow said" →
  // RUSGOV); as the target of force it is the city, so the coder codes it as
  // its country ("struck Kyiv" → UKR).
  bool capital = false;
};

class ActorDictionary {
 public:
  ActorDictionary();

  // Reads one PETRARCH actor file and adds its entries (call once per file).
  // Fails only when the file cannot be read; malformed lines become warnings().
  Status LoadPetrarchFile(const std::string& path, Vocabulary& vocab);
  // Same, from text in memory; `name` is used in messages.
  Status LoadPetrarchText(std::string_view text, const std::string& name, Vocabulary& vocab);
  // Reads a Parley-format actors file (docs/dictionary-format.md; parley_reader.cc).
  // Fails when the file cannot be read, is of another kind, or has an error
  // ("file:line: ..."); a name already taken by an earlier entry is a warning.
  Status LoadParleyFile(const std::string& path, Vocabulary& vocab);
  Status LoadParleyText(std::string_view text, const std::string& name, Vocabulary& vocab);

  // Building blocks for readers: adds an entry and returns its index; adds a
  // phrase for an entry and returns the entry that owns it (an earlier one
  // when the phrase was already there); records a warning.
  uint32_t AddEntry(ActorEntry entry);
  uint32_t AddPhrase(uint32_t entry, std::span<const WordId> words);
  void AddWarning(std::string warning);
  // Calls fn(words, entry) for every phrase (see PhraseTrie::ForEach for the order).
  void ForEachPhrase(const std::function<void(std::span<const WordId>, uint32_t)>& fn) const;

  // Longest entry phrase that matches words[start..]. Consecutive words only.
  PhraseMatch LongestMatch(std::span<const WordId> words, size_t start) const;
  // The code in force on `date` ("" = null code; unknown date → default code).
  std::string_view CodeOn(uint32_t entry, Date date) const;
  const ActorEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }
  size_t phrase_count() const;  // primary phrases + synonyms (distinct)
  // "file:line: what: text" for every line skipped or repaired while loading.
  const std::vector<std::string>& warnings() const;

 private:
  struct Impl;
  std::vector<ActorEntry> entries_;
  std::shared_ptr<Impl> impl_;  // the phrase trie
};

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_ACTOR_DICTIONARY_H_

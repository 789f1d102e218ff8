// Agents: role nouns ("police", "foreign minister") → a code added to an actor.
//
// Reads the PETRARCH .agents format: "PHRASE {PLURALS} [~CODE]" or
// "[CODE~]", with "!NAME! = A, B, C" substitution sets. Plurals of the last
// word are generated unless "{}" (none) or "{...}" (listed) is given or the
// phrase ends in '_'. Immutable after loading; safe to share.
#ifndef PARLEY_LEXICON_AGENT_DICTIONARY_H_
#define PARLEY_LEXICON_AGENT_DICTIONARY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/vocabulary.h"
#include "parley/status.h"

namespace parley::lexicon {

struct AgentEntry {
  std::string phrase;   // as written, e.g. "CONGRESS!PERSON!"
  std::string code;     // without the '~', upper-cased, e.g. "COP"
  bool prefix = false;  // "NGO~": code goes before the actor code; "~COP": after
  std::string file;
  int line = 0;
};

class AgentDictionary {
 public:
  AgentDictionary();
  Status LoadPetrarchFile(const std::string& path, Vocabulary& vocab);
  Status LoadPetrarchText(std::string_view text, const std::string& name, Vocabulary& vocab);
  // Reads a Parley-format agents file (docs/dictionary-format.md; parley_reader.cc).
  // Fails when the file cannot be read, is of another kind, or has an error;
  // a name already taken by an earlier entry is a warning.
  Status LoadParleyFile(const std::string& path, Vocabulary& vocab);
  Status LoadParleyText(std::string_view text, const std::string& name, Vocabulary& vocab);
  // Building blocks for readers, as in ActorDictionary.
  uint32_t AddEntry(AgentEntry entry);
  uint32_t AddPhrase(uint32_t entry, std::span<const WordId> words);
  void AddWarning(std::string warning);
  // Calls fn(words, entry) for every phrase, expansions included.
  void ForEachPhrase(const std::function<void(std::span<const WordId>, uint32_t)>& fn) const;
  // Includes generated plurals and !SUBSTITUTION! expansions. Consecutive words only.
  PhraseMatch LongestMatch(std::span<const WordId> words, size_t start) const;
  const AgentEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }
  size_t phrase_count() const;  // distinct phrases after expansion
  const std::vector<std::string>& warnings() const;

 private:
  struct Impl;
  std::vector<AgentEntry> entries_;
  std::shared_ptr<Impl> impl_;
};

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_AGENT_DICTIONARY_H_

// Discards: phrases that mark a sentence (or, with '+', a whole story) as not
// codable, e.g. sports reports. Matching is on the raw sentence text, as
// PETRARCH does it. Immutable after loading; safe to share.
#ifndef PARLEY_LEXICON_DISCARD_LIST_H_
#define PARLEY_LEXICON_DISCARD_LIST_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::lexicon {

struct DiscardHit {
  std::string phrase;       // the dictionary phrase that matched, as written (without '+')
  bool whole_story = false;
};

class DiscardList {
 public:
  DiscardList();
  Status LoadPetrarchFile(const std::string& path);
  Status LoadPetrarchText(std::string_view text, const std::string& name);
  // Reads a Parley-format discards file (docs/dictionary-format.md; parley_reader.cc).
  Status LoadParleyFile(const std::string& path);
  Status LoadParleyText(std::string_view text, const std::string& name);
  // Adds one phrase (words separated by blanks) for readers; `shown` is what
  // a hit reports. `whole_word`: the phrase must end at a word end (else it is
  // a stem). A phrase already present with the same mode only widens its scope.
  // Returns false for a phrase with no words.
  bool AddPhrase(std::string_view words, bool whole_word, bool whole_story, std::string shown);
  void AddWarning(std::string warning);
  // The distinct phrases, in the order they were added.
  const std::vector<DiscardHit>& phrases() const;
  // Case-insensitive search of the sentence text, as PETRARCH does it: the
  // phrase must start at a word boundary; a phrase ending in '_' must also end
  // at one (otherwise it is a stem). A story-level hit is preferred over a
  // sentence-level one; otherwise the first hit in the text is returned.
  std::optional<DiscardHit> Find(std::string_view sentence_text) const;
  size_t size() const;
  const std::vector<std::string>& warnings() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_DISCARD_LIST_H_

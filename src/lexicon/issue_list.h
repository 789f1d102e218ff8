// Issues: phrases → issue codes (optional PETRARCH feature), e.g.
// "n:genocide [ID_ATROCITY]". Expansions: "n:" noun singular+plural, "v:"
// regular verb forms, "a+b" → "a b" and "a-b"; "~phrase" (or "~~phrase") is an
// ignore phrase that cancels all issues of a sentence; lines inside
// <ISSUE CATEGORY="X"> without a code get code X. Immutable after loading.
#ifndef PARLEY_LEXICON_ISSUE_LIST_H_
#define PARLEY_LEXICON_ISSUE_LIST_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/status.h"

namespace parley::lexicon {

class IssueList {
 public:
  IssueList();
  Status LoadPetrarchFile(const std::string& path);
  Status LoadPetrarchText(std::string_view text, const std::string& name);
  // Issue codes found in the text with their counts, in first-seen order.
  // Phrases match case-insensitively at word boundaries on both sides; every
  // occurrence counts. Empty when an ignore phrase occurs.
  std::vector<std::pair<std::string, int>> Find(std::string_view sentence_text) const;
  size_t size() const;  // source lines with a phrase (not counting expansions)
  size_t phrase_count() const;  // distinct phrases after expansion, ignore phrases included
  const std::vector<std::string>& warnings() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_ISSUE_LIST_H_

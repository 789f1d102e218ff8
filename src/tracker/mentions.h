// Where a sentence names a party: an alias table learnt from the coded
// events' own actor words ("Hamas", "Israeli", "U.S.") and the country names
// of their codes, matched over a sentence's words. Lets the tracker read
// "an intermediary between Israel and Hamas" or "the U.S. and other
// mediators" in sentences the coder found no event in.
// Build once, then read-only; thread-compatible.
#ifndef PARLEY_TRACKER_MENTIONS_H_
#define PARLEY_TRACKER_MENTIONS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "parley/event.h"
#include "tracker/cues.h"

namespace parley::lexicon {
struct Lexicon;
}

namespace parley::tracker {

struct Mention {
  int first = 0, last = 0;  // word range, inclusive
  std::string party;
};

class AliasTable {
 public:
  // Learns the words of one actor span whose party is `party`.
  void Add(const std::string& party, const std::string& text);
  // The mentions in `words`, left to right, longest match first; aliases
  // that name more than one party are not used.
  std::vector<Mention> Find(const SentenceWords& words) const;

 private:
  void AddAlias(std::string alias, const std::string& party);
  std::map<std::string, std::set<std::string>> parties_;  // lowercase alias → parties
  size_t max_words_ = 1;
};

// The actors of `lexicon`'s actor dictionaries named in `words`, as parties
// (codes in force on `date`), left to right, longest match first.
std::vector<Mention> FindActorMentions(const lexicon::Lexicon& lexicon, const SentenceWords& words,
                                       Date date);

// `first` with every mention of `second` that overlaps none of `first`'s,
// in word order.
std::vector<Mention> MergeMentions(std::vector<Mention> first, const std::vector<Mention>& second);

// The parties a sentence names as mediators: mentions joined to a mediator
// word ("Qatari and Egyptian mediators", "mediated by Egypt and Qatar",
// "As an intermediary between A and B, X and Y ..."), never the parties named
// after "between".
std::set<std::string> MediatorsNamed(const SentenceWords& words, const std::vector<Mention>& mentions);

// Pairs named as "between A and B" (each sorted); the sides of the talks.
std::vector<std::pair<std::string, std::string>> PairsNamedBetween(
    const SentenceWords& words, const std::vector<Mention>& mentions);

}  // namespace parley::tracker

#endif  // PARLEY_TRACKER_MENTIONS_H_

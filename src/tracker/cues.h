// Lexical cues for the negotiation tracker: a sentence as lowercase words, and
// phrase lists ("in principle", "counter-proposal", "broke down") looked up
// in it. The CAMEO code says that Hamas "agreed"; these words say whether it
// agreed in principle, countered, or signed.
// Cue lists are compiled in and immutable; thread-safe.
#ifndef PARLEY_TRACKER_CUES_H_
#define PARLEY_TRACKER_CUES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/event.h"
#include "tracker/negotiations.h"

namespace parley::tracker {

// A sentence's words, lowercased, with their original forms.
struct SentenceWords {
  std::vector<std::string> lower;  // "hamas", "agreed", "in", "principle"
  std::vector<std::string> forms;  // as written
  std::string text;                // the sentence text
  // The parse, where the document has one (else empty): each word's head as
  // a 0-based index (-1 = root or none) and its UD relation.
  std::vector<int> heads;
  std::vector<std::string> deprels;

  size_t size() const { return lower.size(); }
};

// `word` in lowercase ASCII, with ’ read as '.
std::string LowerWord(std::string_view word);

// The words of body sentence `index` (-1 = the title) of `doc`; empty when
// the document has no such sentence.
SentenceWords WordsOf(const Document& doc, int32_t index);

// A phrase of one or more words, space-separated, lowercase; a word ending in
// '*' matches any word it begins ("negotiat*"). Returns the index of the first
// word of the first match at or after `from` and before `to`, or -1.
int FindPhrase(const SentenceWords& words, std::string_view phrase, int from = 0, int to = -1);
// The first match of any phrase in `phrases`; -1 when none.
int FindAny(const SentenceWords& words, const std::vector<std::string_view>& phrases,
            int from = 0, int to = -1);
// How many words `phrase` has.
int PhraseLength(std::string_view phrase);

// Cue lists (each a list of phrases for FindAny).
namespace cues {
extern const std::vector<std::string_view> kTopic;      // ceasefire, deal, talks, hostages ...
extern const std::vector<std::string_view> kMediator;   // mediator, intermediary, brokered ...
extern const std::vector<std::string_view> kProposalNoun;  // proposal, draft, plan, offer ...
extern const std::vector<std::string_view> kAgreementNoun; // agreement, deal, truce ...
}  // namespace cues

// What an event is to a negotiation: a step (kind, outcome, background) or,
// when nullopt, not a step (a conflict or unrelated event).
struct StepClass {
  StepKind kind = StepKind::kTalks;
  std::string outcome;
  bool background = false;
  bool target_acts = false;  // the event's target is the acting side (an accusation)
};
std::optional<StepClass> ClassifyStep(const Event& event, const SentenceWords& words);

}  // namespace parley::tracker

#endif  // PARLEY_TRACKER_CUES_H_

// Steps a sentence states in words the coder has no event for: "Hamas has
// agreed in principle to the framework" has no target, "mediators received a
// response from Hamas" has no CAMEO verb, "the ceasefire took effect" has no
// actor. Read from the dependency tree: a predicate from a closed list
// (accept, reject, propose, reach, release, collapse, take effect ...), the
// noun it governs (proposal, agreement, hostages, talks ...), and the party
// named in its subject (or after "from" for a reply received).
// Stateless; thread-safe.
#ifndef PARLEY_TRACKER_SENTENCE_STEPS_H_
#define PARLEY_TRACKER_SENTENCE_STEPS_H_

#include <string>
#include <vector>

#include "parley/document.h"
#include "tracker/cues.h"
#include "tracker/mentions.h"

namespace parley::tracker {

struct SentenceStep {
  StepClass step;
  std::string actor;  // acting party ("" when the sentence names none, e.g. a truce taking effect)
  std::string other;  // the party acted toward, when named ("" = none)
  int verb = 0;       // 0-based word index of the predicate
  std::string words;  // the predicate and its noun as written ("agreed in principle")
  bool future = false;  // "will release": a term, not a step (not returned)
  // Who put forward the proposal a reply answers ("rejected the proposal
  // from the United States and Egypt"): third parties in the talks.
  std::vector<std::string> proposers;
};

// The steps of sentence `s` of `doc` (which must be parsed); `words` and
// `mentions` are that sentence's (WordsOf, the tracker's mention finder).
std::vector<SentenceStep> FindSentenceSteps(const Document& doc, const Sentence& s,
                                            const SentenceWords& words,
                                            const std::vector<Mention>& mentions);

}  // namespace parley::tracker

#endif  // PARLEY_TRACKER_SENTENCE_STEPS_H_

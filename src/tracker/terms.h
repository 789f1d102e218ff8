// The terms of a deal as a sentence states them: how many stages, how long
// ("six weeks", "42 days", "a six-week truce"), how many hostages or
// prisoners, and conditions ("a permanent ceasefire", "Israel's withdrawal
// from Gaza"). Read from words, not from events: a sentence such as "The
// first stage involves a pause of six weeks" codes no event at all.
// Stateless; thread-safe.
#ifndef PARLEY_TRACKER_TERMS_H_
#define PARLEY_TRACKER_TERMS_H_

#include <string_view>
#include <vector>

#include "tracker/cues.h"
#include "tracker/negotiations.h"

namespace parley::tracker {

// The value of a number written in digits ("1,900", "42") or words ("six",
// "forty-two", "thirty three"); -1 when `word` is not a number.
long long ParseNumberWord(std::string_view word);

// The terms stated in `words`, in order; doc_id, sentence and stated_by are
// left for the caller. Duration terms need deal words around them (a truce,
// phase, pause), so "the nine-month war" is not a term.
std::vector<Term> ExtractTerms(const SentenceWords& words);

}  // namespace parley::tracker

#endif  // PARLEY_TRACKER_TERMS_H_

// The event coder: dependency-parsed sentences + a Lexicon → CAMEO events.
//
// Follows PETRARCH's coding conventions over dependency trees: verbs and
// their dictionary patterns give the event code; the subject gives the source
// (the by-agent in the passive); objects, prepositional phrases and clausal
// complements give the target; coordinated actors yield one event per pair;
// agents combine with their actor's country code; dated actor codes resolve
// with the sentence date; discard phrases suppress a sentence or a story.
//
// A Coder is immutable after construction and safe to share between threads;
// each call uses its thread's scratch space (kept between calls).
#ifndef PARLEY_CODER_CODER_H_
#define PARLEY_CODER_CODER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "parley/document.h"
#include "parley/event.h"
#include "parley/status.h"

namespace parley::coder {

struct CoderOptions {
  // Drop events that lack a source or a target (PETRARCH's require_dyad).
  bool require_dyad = true;
  // Code of a missing actor when require_dyad is false.
  std::string null_actor = "---";
  // Code reported for an agent that has no actor ("---" + agent code).
  std::string unknown_country = "---";
  // Drop events whose source or target is only a role with no country
  // ("---GOV"). PETRARCH keeps them; news users usually want dyads they can
  // place, so `parley code` sets this unless told otherwise.
  bool require_known_country = false;
  // PETRARCH's new_actor_length: a subject or object noun phrase that is not in
  // the dictionaries but has at most this many words is coded as its quoted
  // upper-case words ("\"THE MINISTRY OF MAGIC\""). 0 = off.
  int new_actor_length = 0;

  // Applies PETRARCH <Config option value> settings (require_dyad, ...).
  // Unknown options are ignored; returns false for a value it cannot read.
  bool Apply(const std::string& option, const std::string& value);
};

// Sentences longer than this are not coded (news sentences rarely pass 100
// tokens; a runaway "sentence" from bad input must not cost quadratic time).
inline constexpr uint32_t kMaxSentenceTokens = 300;

// Why a sentence produced no events, for summaries and debugging.
struct SentenceTrace {
  bool too_long = false;
  bool discarded = false;
  std::string discard_phrase;
  bool story_discarded = false;
};

// Per-synset and per-pattern lookup tables the coder builds once from the Lexicon.
struct SynsetIndex;
struct PatternNeeds;

class Coder {
 public:
  Coder(std::shared_ptr<const lexicon::Lexicon> lexicon, CoderOptions options = {});

  // Codes one parsed sentence of `doc`, appending events to `out`. A
  // sentence left without a tree (heads -1: MayYieldEvents said no) is only
  // checked against the discard phrases.
  void CodeSentence(const Document& doc, const Sentence& sentence, std::vector<Event>& out,
                    SentenceTrace* trace = nullptr) const;

  // False when the sentence cannot yield an event whatever its tree: no word
  // is a verb form or event noun of the dictionaries (by form, or by lemma
  // for nouns), or, when events need both sides and no new actors are made
  // up, no word begins an actor or agent phrase. Reads forms and lemmas
  // only, so it can run before parsing (pipeline::Analyze parses only the
  // sentences it passes when asked to).
  bool MayYieldEvents(std::span<const Token> tokens) const;

  // Sets names[i] to 1 for each capitalised word ("Beijing", not "NATO" or
  // "the") of a phrase of the actor dictionaries, read from the forms alone:
  // the words the tagger should read as proper nouns where it would not
  // (parse::Model::Annotate). REQUIRES: names.size() == tokens.size().
  void MarkNames(std::span<const Token> tokens, std::span<uint8_t> names) const;

  // Codes every parsed sentence; a story-level discard phrase anywhere in the
  // document suppresses all of it. Returns the number of sentences coded.
  size_t CodeDocument(const Document& doc, std::vector<Event>& out) const;

  const CoderOptions& options() const { return options_; }
  const lexicon::Lexicon& lexicon() const { return *lexicon_; }

 private:
  std::shared_ptr<const lexicon::Lexicon> lexicon_;
  CoderOptions options_;
  std::shared_ptr<const SynsetIndex> synsets_;
  std::shared_ptr<const PatternNeeds> pattern_needs_;
};

}  // namespace parley::coder

#endif  // PARLEY_CODER_CODER_H_

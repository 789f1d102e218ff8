// The negotiation tracker: from coded, enriched events and the documents they
// came from, finds negotiations — two or more parties with negotiation events
// between them (CAMEO 03 intents, 04 consultations, 057 agreements, 08
// yielding, 12 rejections, 02/10 appeals and demands about talks or truces) —
// and for each its mediators, a dated timeline of steps with their evidence,
// the current state, the terms the text states and the conflict around it.
//
// How actors become parties (docs/negotiations.md): an actor whose code names
// a known group (PSEREBHMS → "HMS", LBNREBHEZ → "HEZ", IGOUNO → "UNO") is that
// group; any other actor with a country is its country (ISRGOVMIL → "ISR").
// Actors with neither (a bare "---GOV") take part in no negotiation. A
// negotiation's id is its two party codes, sorted, joined by '-' ("HMS-ISR"),
// so it is stable across runs and inputs.
//
// Words such as "accepted in principle", "counter-proposal" or "collapsed"
// come from the sentence around the event, not only from its CAMEO code.
// Stateless functions; thread-safe.
#ifndef PARLEY_TRACKER_NEGOTIATIONS_H_
#define PARLEY_TRACKER_NEGOTIATIONS_H_

#include <string>
#include <vector>

#include "parley/date.h"
#include "parley/document.h"
#include "parley/event.h"

namespace parley::lexicon {
struct Lexicon;
}

namespace parley::tracker {

// A side in a negotiation, or a mediator.
struct Party {
  std::string code;  // "ISR", "HMS", "UNO"
  std::string name;  // "Israel", "Hamas": the country's name, else the words most used for it
};

enum class StepKind {
  kTalks,           // a round of talks, a meeting, a call, a delegation sent
  kTalksAnnounced,  // talks or a delegation announced for later ("will resume negotiations")
  kProposal,        // a proposal, draft, plan or offer put forward
  kResponse,        // a reply to a proposal: see `outcome`
  kDemand,          // a demand, condition or appeal about the talks or a truce
  kAgreement,       // an agreement or ceasefire reached or signed
  kImplementation,  // the deal carried out: see `outcome` (release, aid, withdrawal, ceasefire)
  kViolation,       // a breach of a truce or agreement
  kCollapse,        // the talks or the truce broke down
};

// StepKind as written in JSON: "talks", "talks_announced", "proposal",
// "response", "demand", "agreement", "implementation", "violation", "collapse".
const char* StepKindName(StepKind kind);

// Where a step's evidence is: one coded event and its sentence.
struct Evidence {
  std::string doc_id;
  int32_t sentence = 0;   // 0-based body sentence; -1 = the title
  std::string text;       // the sentence as written
  std::string words;      // the event's verb phrase ("agreed in principle")
  std::string event_code; // CAMEO code of the event ("031")
  std::string source;     // the event's actor codes
  std::string target;
};

struct Step {
  Date date;              // the event's resolved date
  StepKind kind = StepKind::kTalks;
  // kResponse: "accepted", "accepted_in_principle", "rejected", "countered"
  // (a counter-proposal or amendments), or "" when the reply's content is not
  // stated. kImplementation: "release", "aid", "withdrawal", "ceasefire"
  // (a truce took effect) or "unilateral_ceasefire" (a truce one side
  // declared alone; no agreement). Otherwise "".
  std::string outcome;
  std::vector<std::string> actors;  // party or mediator codes taking part, acting side first
  std::string place;      // where (talks, from the gazetteer or "in/to <Place>"); "" = unstated
  // True for background the text reports as earlier ("had collapsed",
  // "previous negotiations"): shown in the timeline, never moves the state.
  bool background = false;
  Evidence evidence;
};

enum class State {
  kNoTalks,          // parties known, nothing negotiated yet (or only demands)
  kTalks,            // talks under way or announced
  kProposalPending,  // a proposal awaits an answer or was accepted only in principle
  kAgreementReached, // both sides accepted, or an agreement/ceasefire was announced
  kImplementing,     // releases, aid or withdrawals under an agreement
  kCollapsed,        // the talks or the truce broke down
};

// "no_talks", "talks", "proposal_pending", "agreement_reached",
// "implementing", "collapsed".
const char* StateName(State state);

// A term of the deal as the text states it.
struct Term {
  std::string kind;   // "stages", "duration", "hostages", "prisoners", "condition"
  std::string text;   // the words: "three stages", "six weeks", "a permanent ceasefire"
  long long number = 0;  // the count for stages/duration/hostages/prisoners; 0 when unstated
  std::string unit;   // duration: "day", "week", "month", "hour"; else ""
  std::string stated_by;  // party whose demand or proposal it is, when the sentence says; else ""
  std::string doc_id;
  int32_t sentence = 0;
};

// One conflict event (QuadClass 3 or 4) shown beside the talks.
struct ConflictEvent {
  Date date;
  std::string source;  // party codes (see the mapping above)
  std::string target;
  int quad_class = 0;
  double goldstein = 0;
  Evidence evidence;
};

// Conflict on one front: between the parties themselves, or a linked front
// (one party against an outside actor, e.g. HEZ-ISR beside HMS-ISR talks).
struct Front {
  std::string id;       // the two codes, sorted, joined by '-'
  bool between_parties = false;
  int verbal_conflict = 0;    // QuadClass 3 events
  int material_conflict = 0;  // QuadClass 4 events
  std::vector<ConflictEvent> events;  // by date
};

struct Negotiation {
  std::string id;                  // "HMS-ISR"
  std::vector<Party> parties;      // sorted by code
  std::vector<Party> mediators;    // sorted by code
  State state = State::kNoTalks;
  Date first_date, last_date;      // of the timeline's dated steps
  std::vector<Step> timeline;      // by date, then document order
  std::vector<Term> terms;         // in order of first mention
  std::vector<Front> escalation;   // the parties' own front first, then by events
};

struct TrackerOptions {
  // A negotiation is reported when its timeline has at least this many
  // steps (and, always, one talks, proposal, reply or agreement step).
  int min_steps = 1;
  // Linked-front conflict counts only within this many days of the talks.
  int front_window_days = 14;
  // When set, the actor dictionaries find parties named in sentences the
  // coder coded nothing in ("Qatari and Egyptian officials received a
  // response from Hamas"); without it, only the words of coded actors are
  // known. Not owned; must outlive the call.
  const lexicon::Lexicon* lexicon = nullptr;
};

// Finds the negotiations in `events`, which must be enriched (meta filled)
// and come from `docs` (matched by Event::doc_id; an event whose document is
// missing is still used, without sentence text). Steps stated only in words
// (sentence_steps.h) need parsed documents (pipeline::DocumentCoder parses
// raw text); unparsed documents give their coded events only. Sorted by id.
std::vector<Negotiation> TrackNegotiations(const std::vector<Document>& docs,
                                           const std::vector<Event>& events,
                                           const TrackerOptions& options = {});

// The party code of an actor (see the mapping above); "" when it has none.
std::string PartyCode(const ActorFields& actor);

// Appends the full negotiation as one JSON object (no newline):
// {"id","parties":[{"code","name"}],"mediators":[...],"state","first_date",
//  "last_date","timeline":[{"date","kind","outcome","actors","place",
//  "background","evidence":{"doc_id","sentence","text","words","event_code",
//  "source","target"}}],"terms":[{"kind","text","number","unit","stated_by",
//  "doc_id","sentence"}],"escalation":[{"id","between_parties",
//  "verbal_conflict","material_conflict","events":[{"date","source","target",
//  "quad_class","goldstein","evidence"}]}]}
void AppendNegotiationJson(const Negotiation& negotiation, std::string& out);

// Appends the list-endpoint summary (no newline):
// {"id","parties":[{"code","name"}],"mediators":[{"code","name"}],"state",
//  "first_date","last_date","steps":N}; dates are null when unknown.
void AppendNegotiationSummaryJson(const Negotiation& negotiation, std::string& out);

// A readable timeline for terminals (`parley negotiations --format text`).
std::string FormatNegotiationText(const Negotiation& negotiation);

}  // namespace parley::tracker

#endif  // PARLEY_TRACKER_NEGOTIATIONS_H_

#include "tracker/negotiations.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "enrich/actor_fields.h"
#include "enrich/dates.h"
#include "tracker/cues.h"
#include "tracker/mentions.h"
#include "tracker/sentence_steps.h"
#include "tracker/terms.h"

namespace parley::tracker {

const char* StepKindName(StepKind kind) {
  switch (kind) {
    case StepKind::kTalks: return "talks";
    case StepKind::kTalksAnnounced: return "talks_announced";
    case StepKind::kProposal: return "proposal";
    case StepKind::kResponse: return "response";
    case StepKind::kDemand: return "demand";
    case StepKind::kAgreement: return "agreement";
    case StepKind::kImplementation: return "implementation";
    case StepKind::kViolation: return "violation";
    case StepKind::kCollapse: return "collapse";
  }
  return "talks";
}

const char* StateName(State state) {
  switch (state) {
    case State::kNoTalks: return "no_talks";
    case State::kTalks: return "talks";
    case State::kProposalPending: return "proposal_pending";
    case State::kAgreementReached: return "agreement_reached";
    case State::kImplementing: return "implementing";
    case State::kCollapsed: return "collapsed";
  }
  return "no_talks";
}

std::string PartyCode(const ActorFields& actor) {
  if (!actor.known_group.empty()) return actor.known_group;
  return actor.country;
}

namespace {

using PartyPair = std::pair<std::string, std::string>;  // sorted

PartyPair MakePair(const std::string& a, const std::string& b) {
  return a < b ? PartyPair{a, b} : PartyPair{b, a};
}

std::string PairId(const PartyPair& p) { return p.first + "-" + p.second; }

// Talks, proposals, replies and agreements: the steps that make a negotiation
// (demands, violations and deliveries alone do not).
bool IsCoreStep(StepKind k) {
  return k == StepKind::kTalks || k == StepKind::kTalksAnnounced || k == StepKind::kProposal ||
         k == StepKind::kResponse || k == StepKind::kAgreement;
}

// One event, with what the tracker makes of it.
struct Item {
  const Event* event = nullptr;
  size_t doc_order = 0;  // position of its document in the input; events without one last
  size_t event_order = 0;
  std::string source, target;  // party codes
  std::optional<StepClass> step;
  bool conflict = false;  // QuadClass 3/4, not a step
  Date date;
  // For a step the words state with no actor ("the ceasefire took effect"):
  // the parties its sentence names, which place it.
  std::vector<std::string> named;
  std::vector<std::string> proposers;  // who put forward the proposal a reply answers
};

struct SentenceKey {
  std::string doc_id;
  int32_t sentence;
  auto operator<=>(const SentenceKey&) const = default;
};

class Tracker {
 public:
  Tracker(const std::vector<Document>& docs, const std::vector<Event>& events,
          const TrackerOptions& options)
      : docs_(docs), events_(events), options_(options) {}

  std::vector<Negotiation> Run();

 private:
  const SentenceWords& Words(const std::string& doc_id, int32_t sentence);
  const std::vector<Mention>& MentionsOf(const Document& doc, int32_t sentence);
  void BuildItems();
  void AddSentenceSteps();
  void ShareSentenceDates();
  void SignersNotHosts();
  void NoHomeAgainstItsGroup();
  void JointProposers();
  std::vector<std::string> DistinctParties(const std::vector<size_t>& at, std::string Item::*side) const;
  void FindNegotiations();
  std::optional<Negotiation> Assemble(const PartyPair& pair, const std::set<std::string>& mediators);
  void AddTerms(Negotiation& n, const std::set<std::string>& docs_with_steps,
                const std::vector<const Item*>& step_items);
  void AddEscalation(Negotiation& n, const std::set<std::string>& sides);
  Party NameOf(const std::string& code) const;
  // The party a group's members belong to as a country (HMS → PSE).
  std::string HomeOf(const std::string& party) const;

  const std::vector<Document>& docs_;
  const std::vector<Event>& events_;
  const TrackerOptions& options_;
  std::map<std::string, size_t> doc_index_;
  std::map<SentenceKey, SentenceWords> words_;
  std::map<SentenceKey, std::vector<Mention>> mentions_;
  std::deque<Event> stated_events_;  // events made for SentenceSteps
  AliasTable aliases_;
  std::vector<Item> items_;
  std::map<std::string, std::map<std::string, int>> names_;  // party → words → uses
  std::map<std::string, std::map<std::string, int>> homes_;  // group → country → uses
  // Pairs found, strongest first, with their mediators.
  std::vector<std::pair<PartyPair, std::set<std::string>>> negotiations_;
  std::map<std::string, std::set<std::string>> doc_parties_;  // doc id → parties it names
  std::set<const Item*> claimed_;  // one-sided steps already placed in a stronger negotiation
  // Item indices by the parties they involve, and those with no actor, so a
  // negotiation looks only at its own parties' items.
  std::map<std::string, std::vector<size_t>> items_of_;
  std::vector<size_t> actorless_;
  std::vector<std::pair<std::string, std::string>> hosts_;  // (party, document) hosting a signing
  // The items involving any of `parties`, plus the actorless ones, in input order.
  std::vector<const Item*> ItemsOf(const std::set<std::string>& parties) const;
};

std::vector<const Item*> Tracker::ItemsOf(const std::set<std::string>& parties) const {
  std::vector<size_t> at = actorless_;
  for (const std::string& p : parties) {
    auto it = items_of_.find(p);
    if (it != items_of_.end()) at.insert(at.end(), it->second.begin(), it->second.end());
  }
  std::sort(at.begin(), at.end());
  at.erase(std::unique(at.begin(), at.end()), at.end());
  std::vector<const Item*> out;
  out.reserve(at.size());
  for (size_t i : at) out.push_back(&items_[i]);
  return out;
}

const SentenceWords& Tracker::Words(const std::string& doc_id, int32_t sentence) {
  SentenceKey key{doc_id, sentence};
  auto it = words_.find(key);
  if (it != words_.end()) return it->second;
  SentenceWords w;
  auto d = doc_index_.find(doc_id);
  if (d != doc_index_.end()) w = WordsOf(docs_[d->second], sentence);
  return words_.emplace(std::move(key), std::move(w)).first->second;
}

const std::vector<Mention>& Tracker::MentionsOf(const Document& doc, int32_t sentence) {
  SentenceKey key{doc.id, sentence};
  auto it = mentions_.find(key);
  if (it != mentions_.end()) return it->second;
  const SentenceWords& w = Words(doc.id, sentence);
  std::vector<Mention> found;
  if (options_.lexicon != nullptr) found = FindActorMentions(*options_.lexicon, w, doc.date);
  found = MergeMentions(std::move(found), aliases_.Find(w));
  return mentions_.emplace(std::move(key), std::move(found)).first->second;
}

std::string ShortCountryName(std::string_view code) {
  std::string name(enrich::CameoCountryName(code));
  size_t comma = name.find(',');
  if (comma != std::string::npos) name.resize(comma);  // "Palestine, State of" → "Palestine"
  return name;
}

void Tracker::BuildItems() {
  for (size_t i = 0; i < docs_.size(); ++i) doc_index_.emplace(docs_[i].id, i);
  items_.reserve(events_.size());
  for (size_t i = 0; i < events_.size(); ++i) {
    const Event& e = events_[i];
    Item item;
    item.event = &e;
    item.event_order = i;
    auto d = doc_index_.find(e.doc_id);
    item.doc_order = d == doc_index_.end() ? docs_.size() : d->second;
    item.source = PartyCode(e.meta.source);
    item.target = PartyCode(e.meta.target);
    item.date = e.meta.event_date.known() ? e.meta.event_date : e.date;
    for (const auto* side : {&e.meta.source, &e.meta.target}) {
      std::string party = PartyCode(*side);
      if (party.empty()) continue;
      const CodedSpan& span = side == &e.meta.source ? e.source : e.target;
      aliases_.Add(party, span.text);
      std::string text = span.text;
      if (text.rfind("the ", 0) == 0 || text.rfind("The ", 0) == 0) text.erase(0, 4);
      if (!text.empty() && std::count(text.begin(), text.end(), ' ') < 3) ++names_[party][text];
      if (!side->known_group.empty() && !side->country.empty()) ++homes_[party][side->country];
    }
    if (item.source.empty() || item.target.empty() || item.source == item.target) continue;
    const SentenceWords& w = Words(e.doc_id, e.sentence);
    item.step = ClassifyStep(e, w);
    item.conflict = !item.step && (e.meta.quad_class == 3 || e.meta.quad_class == 4);
    if (item.step || item.conflict) items_.push_back(std::move(item));
  }
  NoHomeAgainstItsGroup();
  SignersNotHosts();
  JointProposers();
  for (const auto& entry : names_) {
    std::string country = ShortCountryName(entry.first);
    if (!country.empty()) aliases_.Add(entry.first, country);
  }
  AddSentenceSteps();
  ShareSentenceDates();
  for (size_t i = 0; i < items_.size(); ++i) {
    const Item& item = items_[i];
    if (item.source.empty()) actorless_.push_back(i);
    for (const std::string* x : {&item.source, &item.target})
      if (!x->empty()) items_of_[*x].push_back(i);
  }
}

// A step whose clause states no date takes the date its sentence states for
// another step: "mediators received a response from Hamas on Wednesday,
// indicating that Hamas has agreed in principle" — both on Wednesday.
void Tracker::ShareSentenceDates() {
  std::map<SentenceKey, Date> stated;
  for (const Item& item : items_)
    if (item.step && item.event->meta.date_precision != DatePrecision::kDocument && item.date.known())
      stated.emplace(SentenceKey{item.event->doc_id, item.event->sentence}, item.date);
  for (Item& item : items_) {
    if (!item.step || item.event->meta.date_precision != DatePrecision::kDocument) continue;
    auto it = stated.find(SentenceKey{item.event->doc_id, item.event->sentence});
    if (it != stated.end()) item.date = it->second;
  }
}

// The parties in `side` of the items at `at`, each once, in order.
std::vector<std::string> Tracker::DistinctParties(const std::vector<size_t>& at,
                                                  std::string Item::*side) const {
  std::vector<std::string> out;
  for (size_t i : at) {
    const std::string& party = items_[i].*side;
    if (std::find(out.begin(), out.end(), party) == out.end()) out.push_back(party);
  }
  return out;
}

// "Pashinyan and Aliyev signed a declaration at the White House" codes
// Armenia→USA and Azerbaijan→USA: when two or more parties sign with the same
// third party in one sentence, the agreement is between the signers and the
// third party hosts it.
void Tracker::SignersNotHosts() {
  std::map<std::tuple<std::string, int32_t, std::string>, std::vector<size_t>> signings;
  for (size_t i = 0; i < items_.size(); ++i) {
    const Item& item = items_[i];
    if (item.step && item.step->kind == StepKind::kAgreement)
      signings[{item.event->doc_id, item.event->sentence, item.target}].push_back(i);
  }
  for (const auto& [key, at] : signings) {
    std::vector<std::string> signers = DistinctParties(at, &Item::source);
    if (signers.size() < 2) continue;
    for (size_t i : at) {
      Item& item = items_[i];
      item.target = item.source == signers[0] ? signers[1] : signers[0];
    }
    hosts_.emplace_back(std::get<2>(key), std::get<0>(key));
  }
}

// "Burhan rejected the truce proposal from the United States, Saudi Arabia,
// Egypt and the United Arab Emirates" codes one reply to each: a reply to
// several parties at once in one sentence answers their joint proposal. It
// is the replying side's step, and the others are its proposers (third
// parties in the talks), not each a counterpart negotiating with it.
void Tracker::JointProposers() {
  std::map<std::tuple<std::string, int32_t, std::string, int>, std::vector<size_t>> replies;
  for (size_t i = 0; i < items_.size(); ++i) {
    const Item& item = items_[i];
    if (item.step && item.step->kind == StepKind::kResponse)
      replies[{item.event->doc_id, item.event->sentence, item.source, item.event->event.first_token}]
          .push_back(i);
  }
  for (const auto& [key, at] : replies) {
    std::vector<std::string> proposers = DistinctParties(at, &Item::target);
    if (proposers.size() < 2) continue;
    for (size_t i : at) {
      items_[i].target.clear();
      items_[i].proposers = proposers;
    }
  }
}

void Tracker::AddSentenceSteps() {
  for (size_t d = 0; d < docs_.size(); ++d) {
    const Document& doc = docs_[d];
    if (!doc.IsParsed()) continue;
    for (const Sentence& s : doc.sentences) {
      const SentenceWords& w = Words(doc.id, s.index);
      if (FindAny(w, cues::kTopic) < 0 && FindAny(w, cues::kAgreementNoun) < 0) continue;
      const std::vector<Mention>& mentions = MentionsOf(doc, s.index);
      for (SentenceStep& found : FindSentenceSteps(doc, s, w, mentions)) {
        Event e;
        e.doc_id = doc.id;
        e.sentence = s.index;
        e.date = doc.date;
        e.source.code = found.actor;
        e.target.code = found.other;
        e.event.text = found.words;
        e.event.first_token = e.event.last_token = found.verb;
        enrich::ResolvedDate when = enrich::ResolveEventDate(doc, s, found.verb, doc.date);
        e.meta.event_date = when.date;
        e.meta.date_precision = when.precision;
        stated_events_.push_back(std::move(e));
        Item item;
        item.event = &stated_events_.back();
        item.doc_order = d;
        item.event_order = events_.size() + stated_events_.size();
        item.source = found.actor;
        item.target = found.other == found.actor ? "" : found.other;
        item.date = item.event->meta.event_date.known() ? item.event->meta.event_date : doc.date;
        item.step = found.step;
        for (const Mention& m : mentions) item.named.push_back(m.party);
        item.proposers = found.proposers;
        items_.push_back(std::move(item));
      }
    }
  }
}

// A group's country stands in for it ("Israeli strikes on Gaza" hit Hamas's
// side) only while the two are not at odds: when the text reports conflict
// between the group and its own country's actors ("the Rapid Support Forces
// struck Port Sudan", "the Sudanese army accused the RSF"), the country is
// the group's adversary, not its home, and each is a party of its own.
void Tracker::NoHomeAgainstItsGroup() {
  std::set<PartyPair> at_odds;
  for (const Event& e : events_) {
    if (e.meta.quad_class != 3 && e.meta.quad_class != 4) continue;
    std::string source = PartyCode(e.meta.source), target = PartyCode(e.meta.target);
    if (!source.empty() && !target.empty() && source != target) at_odds.insert(MakePair(source, target));
  }
  std::erase_if(homes_, [&](const auto& entry) {
    for (const auto& [country, uses] : entry.second)
      if (at_odds.count(MakePair(entry.first, country))) return true;
    return false;
  });
}

std::string Tracker::HomeOf(const std::string& party) const {
  auto it = homes_.find(party);
  if (it == homes_.end()) return "";
  std::string best;
  int uses = 0;
  for (const auto& [country, n] : it->second)
    if (n > uses) {
      best = country;
      uses = n;
    }
  return best == party ? "" : best;
}

Party Tracker::NameOf(const std::string& code) const {
  Party p{code, ShortCountryName(code)};
  if (!p.name.empty()) return p;
  auto it = names_.find(code);
  int uses = 0;
  if (it != names_.end())
    for (const auto& [text, n] : it->second)
      if (n > uses || (n == uses && text.size() < p.name.size())) {
        p.name = text;
        uses = n;
      }
  if (p.name.empty()) p.name = code;
  return p;
}

void Tracker::FindNegotiations() {
  // Core steps between two parties, by pair; conflict pairs; who each party
  // negotiates with.
  std::map<PartyPair, int> core_pairs, step_pairs, conflict_pairs, material_pairs;
  std::map<PartyPair, int> adversarial_pairs;  // demands, rejections, breaches between them
  std::map<PartyPair, std::set<std::string>> pair_docs;  // documents with the pair's steps
  std::map<std::string, std::set<std::string>> counterparts;
  for (const Item& item : items_) {
    std::set<std::string>& present = doc_parties_[item.event->doc_id];
    for (const std::string* x : {&item.source, &item.target})
      if (!x->empty()) present.insert(*x);
    // A reply to a joint proposal deals with each proposer.
    if (item.step && IsCoreStep(item.step->kind) && !item.source.empty())
      for (const std::string& p : item.proposers)
        if (p != item.source) {
          counterparts[item.source].insert(p);
          counterparts[p].insert(item.source);
        }
    if (item.source.empty() || item.target.empty()) continue;
    PartyPair pair = MakePair(item.source, item.target);
    if (item.step) {
      ++step_pairs[pair];
      pair_docs[pair].insert(item.event->doc_id);
      StepKind k = item.step->kind;
      if (k == StepKind::kDemand || k == StepKind::kViolation || item.step->outcome == "rejected")
        ++adversarial_pairs[pair];
    }
    if (item.step && IsCoreStep(item.step->kind)) {
      ++core_pairs[pair];
      counterparts[item.source].insert(item.target);
      counterparts[item.target].insert(item.source);
    } else if (item.conflict) {
      ++conflict_pairs[pair];
      if (item.event->meta.quad_class == 4) ++material_pairs[pair];
    }
  }
  // What the words say: "between A and B", and who is called a mediator (with
  // the parties named in the same sentence).
  std::set<PartyPair> named_pairs;
  std::vector<std::pair<std::string, std::string>> named_mediators;  // mediator, document
  std::set<std::string> ever_named_mediator;
  // Third parties whose proposal a side answers, or that host a signing,
  // are in the talks.
  for (const Item& item : items_)
    for (const std::string& p : item.proposers) named_mediators.emplace_back(p, item.event->doc_id);
  named_mediators.insert(named_mediators.end(), hosts_.begin(), hosts_.end());
  for (const Document& doc : docs_) {
    std::set<std::string>& present = doc_parties_[doc.id];
    for (const Sentence& s : doc.sentences) {
      const SentenceWords& w = Words(doc.id, s.index);
      const std::vector<Mention>& mentions = MentionsOf(doc, s.index);
      for (const Mention& m : mentions) present.insert(m.party);
      if (FindAny(w, cues::kMediator) < 0 && FindPhrase(w, "between") < 0) continue;
      for (const auto& p : PairsNamedBetween(w, mentions))
        if (FindAny(w, cues::kTopic) >= 0) named_pairs.insert(p);
      for (const std::string& m : MediatorsNamed(w, mentions)) {
        named_mediators.emplace_back(m, doc.id);
        ever_named_mediator.insert(m);
      }
    }
  }

  auto in_conflict = [&](const std::string& a, const std::string& b, bool material_only) {
    // A group's home country counts for it: Israeli strikes on "Gaza" (PSE)
    // are conflict with Hamas.
    for (const std::string& x : {a, HomeOf(a)})
      for (const std::string& y : {b, HomeOf(b)}) {
        if (x.empty() || y.empty() || x == y) continue;
        auto it = (material_only ? material_pairs : conflict_pairs).find(MakePair(x, y));
        if (it != (material_only ? material_pairs : conflict_pairs).end()) return true;
      }
    return false;
  };
  auto talks_to_both = [&](const std::string& x, const PartyPair& pair) {
    const std::set<std::string>& others = counterparts[x];
    return x != pair.first && x != pair.second && others.count(pair.first) && others.count(pair.second);
  };

  std::set<PartyPair> candidates;
  for (const auto& [pair, n] : step_pairs) candidates.insert(pair);
  for (const PartyPair& pair : named_pairs) candidates.insert(pair);
  // Parties in conflict that a third party talks to on both sides.
  for (const auto& [pair, n] : conflict_pairs)
    for (const auto& entry : counterparts)
      if (talks_to_both(entry.first, pair)) candidates.insert(pair);

  // Negotiations are between adversaries: pairs in conflict (or with
  // demands, rejections or breaches between them) first, then
  // pairs the text calls sides ("talks between A and B"), then by steps. A
  // later pair made of a mediator and a side (or two mediators) of an
  // earlier one is that negotiation's own business, not a negotiation.
  std::vector<PartyPair> ranked(candidates.begin(), candidates.end());
  auto count = [](const std::map<PartyPair, int>& m, const PartyPair& p) {
    auto it = m.find(p);
    return it == m.end() ? 0 : it->second;
  };
  auto rank = [&](const PartyPair& p) {
    bool has_mediator_side = ever_named_mediator.count(p.first) || ever_named_mediator.count(p.second);
    bool adversaries = in_conflict(p.first, p.second, false) || count(adversarial_pairs, p) > 0;
    return std::tuple(in_conflict(p.first, p.second, true), adversaries, named_pairs.count(p) != 0,
                      !has_mediator_side, count(core_pairs, p), count(step_pairs, p));
  };
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](const PartyPair& a, const PartyPair& b) { return rank(a) > rank(b); });
  auto may_mediate = [&](const std::string& x, const PartyPair& pair) {
    return x != pair.first && x != pair.second && !in_conflict(x, pair.first, true) &&
           !in_conflict(x, pair.second, true) && x != HomeOf(pair.first) && x != HomeOf(pair.second);
  };
  auto present_in = [&](const std::string& doc, const std::string& party) {
    const std::set<std::string>& present = doc_parties_[doc];
    std::string home = HomeOf(party);
    return present.count(party) || (!home.empty() && present.count(home));
  };
  for (const PartyPair& pair : ranked) {
    bool absorbed = false;
    for (auto& [other, m] : negotiations_) {
      auto side = [&](const std::string& x) {
        return x == other.first || x == other.second || x == HomeOf(other.first) ||
               x == HomeOf(other.second);
      };
      if ((m.count(pair.first) && side(pair.second)) || (m.count(pair.second) && side(pair.first)) ||
          (m.count(pair.first) && m.count(pair.second)))
        absorbed = true;
      // A side and its own group ("Gaza" and Hamas) are one side.
      if (side(pair.first) && side(pair.second)) absorbed = true;
      // A mediator's talks with a third party, in stories about this
      // negotiation, make that party a co-mediator ("the U.S. envoy met
      // Qatari officials to press for a deal").
      for (const auto& [med, third] : {std::pair(pair.first, pair.second), std::pair(pair.second, pair.first)}) {
        if (absorbed || !m.count(med) || side(third) || !may_mediate(third, other)) continue;
        const std::set<std::string>& docs = pair_docs[pair];
        bool about_it = !docs.empty() && std::all_of(docs.begin(), docs.end(), [&](const std::string& d) {
          return present_in(d, other.first) && present_in(d, other.second);
        });
        if (about_it) {
          m.insert(third);
          absorbed = true;
        }
      }
    }
    if (absorbed) continue;
    std::set<std::string> m;
    for (const auto& entry : counterparts)
      if (talks_to_both(entry.first, pair) && may_mediate(entry.first, pair)) m.insert(entry.first);
    for (const auto& [x, doc] : named_mediators) {
      if (!may_mediate(x, pair)) continue;
      bool sides_named = present_in(doc, pair.first) && present_in(doc, pair.second);
      bool talks_to_side = counterparts[x].count(pair.first) || counterparts[x].count(pair.second);
      if (sides_named || talks_to_side) m.insert(x);
    }
    negotiations_.emplace_back(pair, std::move(m));
  }
  // Co-mediators found late can absorb pairs kept earlier.
  for (size_t i = 0; i < negotiations_.size(); ++i) {
    const auto& [other, m] = negotiations_[i];
    auto side = [&](const std::string& x) {
      return x == other.first || x == other.second || x == HomeOf(other.first) || x == HomeOf(other.second);
    };
    std::erase_if(negotiations_, [&](const auto& later) {
      const PartyPair& p = later.first;
      if (p == other) return false;
      return (m.count(p.first) && side(p.second)) || (m.count(p.second) && side(p.first)) ||
             (m.count(p.first) && m.count(p.second));
    });
  }
}

// Where talks took place: "in/to/at <Name>" after the verb ("arrived in
// Doha", "met ... in Jerusalem"), else the gazetteer's place for the event.
std::string PlaceOf(const Event& e, const SentenceWords& w) {
  static const std::vector<std::string_view> kAt = {"in", "to", "at"};
  static const std::vector<std::string_view> kNotPlaces = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "the"};
  const int n = static_cast<int>(w.size());
  int from = e.event.last_token >= 0 ? e.event.last_token : n;  // "arrived in" ends in "in"
  for (int i = from; i + 1 < n && i < from + 12; ++i) {
    if (std::find(kAt.begin(), kAt.end(), w.lower[i]) == kAt.end()) continue;
    const std::string& name = w.forms[i + 1];
    if (name.empty() || !std::isupper(static_cast<unsigned char>(name[0])) ||
        std::find(kNotPlaces.begin(), kNotPlaces.end(), w.lower[i + 1]) != kNotPlaces.end())
      continue;
    std::string place = name;
    for (int k = i + 2; k < n && k < i + 4 && !w.forms[k].empty() &&
                        std::isupper(static_cast<unsigned char>(w.forms[k][0]));
         ++k)
      place += " " + w.forms[k];
    return place;
  }
  return e.meta.location.known() ? e.meta.location.name : "";
}

// Steps of one date follow the input's document order, then the sentence
// order, then the event order.
void SortAndMerge(std::vector<Step>& timeline, std::vector<std::pair<size_t, size_t>>& order) {
  std::vector<size_t> idx(timeline.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    const Step& x = timeline[a];
    const Step& y = timeline[b];
    if (x.date != y.date) return x.date < y.date;
    if (order[a].first != order[b].first) return order[a].first < order[b].first;
    if (x.evidence.sentence != y.evidence.sentence) return x.evidence.sentence < y.evidence.sentence;
    return order[a].second < order[b].second;
  });
  std::vector<Step> sorted;
  std::map<std::tuple<std::string, int32_t, StepKind, std::string>, size_t> seen;
  for (size_t i : idx) {
    Step& s = timeline[i];
    // One step per sentence and kind: "Qatar and Egypt received Hamas's
    // response" codes two events but is one reply.
    auto key = std::tuple(s.evidence.doc_id, s.evidence.sentence, s.kind, s.outcome);
    auto found = seen.find(key);
    if (found != seen.end()) {
      Step* same = &sorted[found->second];
      for (const std::string& a : s.actors)
        if (std::find(same->actors.begin(), same->actors.end(), a) == same->actors.end())
          same->actors.push_back(a);
      if (same->place.empty()) same->place = s.place;
      continue;
    }
    seen.emplace(std::move(key), sorted.size());
    sorted.push_back(std::move(s));
  }
  timeline = std::move(sorted);
}

// A headline sums up its story, in fewer and vaguer words ("RSF declares
// truce" for "declared a unilateral truce"): its steps go when the body
// states any step of the negotiation.
void DropHeadlineRepeats(std::vector<Step>& timeline) {
  std::set<std::string> in_body;
  for (const Step& s : timeline)
    if (s.evidence.sentence >= 0) in_body.insert(s.evidence.doc_id);
  std::erase_if(timeline, [&](const Step& s) {
    return s.evidence.sentence < 0 && in_body.count(s.evidence.doc_id);
  });
}

State FoldState(const std::vector<Step>& timeline, const std::vector<Party>& parties) {
  State state = State::kNoTalks;
  bool agreement = false;  // an agreement stands (reached, not collapsed since)
  std::set<std::string> accepted;  // parties that accepted the pending proposal
  auto before_agreement = [&] {
    return state == State::kNoTalks || state == State::kTalks || state == State::kProposalPending ||
           state == State::kCollapsed;
  };
  for (const Step& s : timeline) {
    if (s.background) continue;
    switch (s.kind) {
      case StepKind::kTalks:
      case StepKind::kTalksAnnounced:
        if (state == State::kNoTalks || state == State::kCollapsed) state = State::kTalks;
        break;
      case StepKind::kProposal:
        if (before_agreement()) {
          state = State::kProposalPending;
          accepted.clear();
        }
        break;
      case StepKind::kResponse:
        if (!before_agreement()) break;
        if (s.outcome == "rejected") {
          state = State::kTalks;
          accepted.clear();
        } else if (s.outcome == "accepted") {
          state = State::kProposalPending;
          if (!s.actors.empty()) accepted.insert(s.actors.front());
          bool all = std::all_of(parties.begin(), parties.end(),
                                 [&](const Party& p) { return accepted.count(p.code) != 0; });
          if (all) {
            state = State::kAgreementReached;
            agreement = true;
          }
        } else {
          state = State::kProposalPending;
        }
        break;
      case StepKind::kDemand:
      case StepKind::kViolation:
        break;
      case StepKind::kAgreement:
        agreement = true;
        if (state != State::kImplementing) state = State::kAgreementReached;
        break;
      case StepKind::kImplementation:
        if (s.outcome == "ceasefire") agreement = true;
        if (agreement) state = State::kImplementing;
        break;
      case StepKind::kCollapse:
        state = State::kCollapsed;
        agreement = false;
        accepted.clear();
        break;
    }
  }
  return state;
}

Evidence EvidenceOf(const Event& e, const SentenceWords& w) {
  Evidence ev;
  ev.doc_id = e.doc_id;
  ev.sentence = e.sentence;
  ev.text = w.text;
  ev.words = e.event.text;
  ev.event_code = e.event.code;
  ev.source = e.source.code;
  ev.target = e.target.code;
  return ev;
}

std::optional<Negotiation> Tracker::Assemble(const PartyPair& pair,
                                             const std::set<std::string>& mediators) {
  Negotiation n;
  n.id = PairId(pair);
  n.parties = {NameOf(pair.first), NameOf(pair.second)};
  for (const std::string& m : mediators) n.mediators.push_back(NameOf(m));
  // A group's home country stands in for it ("Palestinian prisoners" for
  // Hamas) unless that country is a side itself.
  std::set<std::string> sides = {pair.first, pair.second};
  for (const std::string& p : {pair.first, pair.second}) {
    std::string home = HomeOf(p);
    if (!home.empty() && !sides.count(home) && !mediators.count(home)) sides.insert(home);
  }
  auto is_party = [&](const std::string& x) { return sides.count(x) != 0; };
  auto side_of = [&](const std::string& x) {
    return x == pair.first || x == pair.second ? x : (HomeOf(pair.first) == x ? pair.first : pair.second);
  };

  std::vector<std::pair<size_t, size_t>> order;
  std::set<std::pair<std::string, int32_t>> unnamed_steps;  // (doc, sentence) naming no party
  std::vector<const Item*> step_items;
  std::vector<const Item*> claims;  // one-sided steps taken, committed if the negotiation stands
  std::set<std::string> docs_with_steps;
  std::set<std::string> involved = sides;
  involved.insert(mediators.begin(), mediators.end());
  for (const Item* it : ItemsOf(involved)) {
    const Item& item = *it;
    if (!item.step) continue;
    bool src_party = is_party(item.source), tgt_party = is_party(item.target);
    bool src_med = mediators.count(item.source) != 0, tgt_med = mediators.count(item.target) != 0;
    const bool direct = src_party && tgt_party && side_of(item.source) != side_of(item.target);
    // Anything but a step between the two sides — a mediator's talks with a
    // side, a side acting toward no one named, a step with no actor — goes
    // to the strongest negotiation it fits (negotiations_ is ranked), and
    // fits only if every party its sentence names is a side or a mediator
    // (not "Hezbollah accused Israel of violating the truce" in Lebanon) and
    // the story names the other side too. An actorless step needs a side
    // named ("a ceasefire between Israel and Hamas took effect") or, naming
    // none ("talks on the second phase broke down"), a story that is about
    // this negotiation.
    bool belongs = direct;
    bool unnamed = false;
    if (!direct && !claimed_.count(&item)) {
      const std::string& doc = item.event->doc_id;
      std::vector<std::string> named = item.named;
      if (named.empty() && item.event->event.code.size() > 0) {
        auto d = doc_index_.find(doc);
        if (d != doc_index_.end())
          for (const Mention& m : MentionsOf(docs_[d->second], item.event->sentence)) named.push_back(m.party);
      }
      bool only_ours = std::all_of(named.begin(), named.end(), [&](const std::string& x) {
        return is_party(x) || mediators.count(x) != 0 ||
               std::find(item.proposers.begin(), item.proposers.end(), x) != item.proposers.end();
      });
      auto present = [&](const std::string& x) {
        return doc_parties_[doc].count(x) || (!HomeOf(x).empty() && doc_parties_[doc].count(HomeOf(x)));
      };
      auto other_side = [&](const std::string& x) {
        return side_of(x) == pair.first ? pair.second : pair.first;
      };
      if (!item.source.empty() && !item.target.empty()) {
        const std::string* side = src_party && tgt_med ? &item.source
                                  : src_med && tgt_party ? &item.target
                                                         : nullptr;
        belongs = side != nullptr && only_ours && present(other_side(*side));
      } else if (!item.source.empty()) {
        bool counterpart_present = src_med ? (present(pair.first) && present(pair.second))
                                           : src_party && present(other_side(item.source));
        belongs = (src_party || src_med) && only_ours && counterpart_present;
      } else {
        bool side_named = std::any_of(named.begin(), named.end(), is_party);
        unnamed = named.empty();
        belongs = only_ours && (side_named || unnamed);
      }
      if (belongs) claims.push_back(&item);
    }
    if (!belongs) continue;
    const Event& e = *item.event;
    const SentenceWords& w = Words(e.doc_id, e.sentence);
    Step s;
    s.date = item.date;
    s.kind = item.step->kind;
    s.outcome = item.step->outcome;
    s.background = item.step->background;
    for (const std::string* a : {&item.source, &item.target})
      if (!a->empty()) s.actors.push_back(*a);
    if (item.step->target_acts && s.actors.size() == 2) std::swap(s.actors[0], s.actors[1]);
    if (s.kind == StepKind::kTalks || s.kind == StepKind::kTalksAnnounced) s.place = PlaceOf(e, w);
    s.evidence = EvidenceOf(e, w);
    if (unnamed) unnamed_steps.insert({e.doc_id, e.sentence});
    n.timeline.push_back(std::move(s));
    order.emplace_back(item.doc_order, item.event_order);
    step_items.push_back(&item);
    docs_with_steps.insert(e.doc_id);
  }
  // The acting side of an acceptance is what counts toward agreement; a
  // home-country actor acts for its group.
  for (Step& s : n.timeline)
    for (std::string& a : s.actors)
      if (is_party(a)) a = side_of(a);
  // A step whose sentence names no party stays only in a story that names
  // this negotiation's sides elsewhere.
  std::set<std::string> named_docs;
  for (const Step& s : n.timeline)
    if (!unnamed_steps.count({s.evidence.doc_id, s.evidence.sentence})) named_docs.insert(s.evidence.doc_id);
  for (size_t i = n.timeline.size(); i-- > 0;) {
    const Evidence& ev = n.timeline[i].evidence;
    if (unnamed_steps.count({ev.doc_id, ev.sentence}) && !named_docs.count(ev.doc_id)) {
      n.timeline.erase(n.timeline.begin() + static_cast<std::ptrdiff_t>(i));
      order.erase(order.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  SortAndMerge(n.timeline, order);
  DropHeadlineRepeats(n.timeline);
  int core = 0;
  for (const Step& s : n.timeline)
    if (IsCoreStep(s.kind)) ++core;
  if (core == 0 || static_cast<int>(n.timeline.size()) < options_.min_steps) return std::nullopt;
  for (const Step& s : n.timeline) {
    if (!s.date.known()) continue;
    if (!n.first_date.known() || s.date < n.first_date) n.first_date = s.date;
    if (!n.last_date.known() || s.date > n.last_date) n.last_date = s.date;
  }
  claimed_.insert(claims.begin(), claims.end());
  n.state = FoldState(n.timeline, n.parties);
  AddTerms(n, docs_with_steps, step_items);
  AddEscalation(n, sides);
  return n;
}

// Whether every content word of `text` is in `than` ("the Israeli
// withdrawal" vs "a full Israeli withdrawal from Gaza").
bool SaysNoMore(const std::string& text, const std::string& than) {
  static const std::set<std::string, std::less<>> kDeterminers = {"a", "an", "the", "its", "their"};
  std::set<std::string> have;
  auto words_of = [](const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : LowerWord(s) + " ") {
      if (c == ' ') {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    return out;
  };
  for (const std::string& w : words_of(than)) have.insert(w);
  for (const std::string& w : words_of(text))
    if (!kDeterminers.count(w) && !have.count(w)) return false;
  return true;
}

void Tracker::AddTerms(Negotiation& n, const std::set<std::string>& docs_with_steps,
                       const std::vector<const Item*>& step_items) {
  std::set<std::string> whose;
  for (const Party& p : n.parties) whose.insert(p.code);
  for (const Party& p : n.mediators) whose.insert(p.code);
  std::set<std::pair<std::string, std::string>> seen;
  std::map<SentenceKey, std::vector<const Item*>> by_sentence;
  for (const Item* item : step_items)
    by_sentence[SentenceKey{item->event->doc_id, item->event->sentence}].push_back(item);
  for (const Document& doc : docs_) {
    if (!docs_with_steps.count(doc.id)) continue;
    for (const Sentence& s : doc.sentences) {
      const SentenceWords& w = Words(doc.id, s.index);
      if (FindAny(w, cues::kTopic) < 0 && FindAny(w, cues::kAgreementNoun) < 0) continue;
      std::vector<Term> terms = ExtractTerms(w);
      if (terms.empty()) continue;
      // Whose terms: the acting side of a demand, proposal or reply in the
      // sentence, else a party named just before "demanded", "insisted" ...
      std::string stated_by;
      auto here = by_sentence.find(SentenceKey{doc.id, s.index});
      if (here != by_sentence.end())
        for (const Item* item : here->second) {
          StepKind k = item->step->kind;
          if (whose.count(item->source) &&
              (k == StepKind::kDemand || k == StepKind::kProposal || k == StepKind::kResponse)) {
            stated_by = item->source;
            break;
          }
        }
      if (stated_by.empty()) {
        static const std::vector<std::string_view> kStates = {"demand*", "insist*", "call* for",
                                                               "propos*", "want*", "seek*", "sought"};
        int cue = FindAny(w, kStates);
        if (cue >= 0)
          for (const Mention& m : MentionsOf(doc, s.index))
            if (m.last < cue && cue - m.last <= 4 && whose.count(m.party)) stated_by = m.party;
      }
      for (Term& t : terms) {
        std::string key = LowerWord(t.text);
        if (!seen.insert({t.kind, key}).second) continue;
        // "the Israeli withdrawal" adds nothing to "a full Israeli withdrawal
        // from Gaza" stated before.
        if (t.kind == "condition" &&
            std::any_of(n.terms.begin(), n.terms.end(),
                        [&](const Term& earlier) { return earlier.kind == "condition" && SaysNoMore(t.text, earlier.text); }))
          continue;
        t.doc_id = doc.id;
        t.sentence = s.index;
        t.stated_by = stated_by;
        n.terms.push_back(std::move(t));
      }
    }
  }
}

int DaysFromCivil(const Date& d) { return static_cast<int>(d.DayNumber()); }

void Tracker::AddEscalation(Negotiation& n, const std::set<std::string>& sides) {
  std::set<std::string> mediators;
  for (const Party& p : n.mediators) mediators.insert(p.code);
  const bool dated = n.first_date.known() && n.last_date.known();
  const int from = dated ? DaysFromCivil(n.first_date) - options_.front_window_days : 0;
  const int to = dated ? DaysFromCivil(n.last_date) + options_.front_window_days : 0;
  std::map<std::string, Front> fronts;
  for (const Item* it : ItemsOf(sides)) {
    const Item& item = *it;
    if (!item.conflict) continue;
    bool src = sides.count(item.source) != 0, tgt = sides.count(item.target) != 0;
    if (!src && !tgt) continue;
    bool between = src && tgt;
    if (!between) {
      const std::string& outside = src ? item.target : item.source;
      if (mediators.count(outside)) continue;
      if (dated && item.date.known()) {
        int day = DaysFromCivil(item.date);
        if (day < from || day > to) continue;
      }
    }
    std::string id = between ? n.id : PairId(MakePair(item.source, item.target));
    Front& f = fronts[id];
    f.id = id;
    f.between_parties = between;
    const Event& e = *item.event;
    ConflictEvent c;
    c.date = item.date;
    c.source = item.source;
    c.target = item.target;
    c.quad_class = e.meta.quad_class;
    c.goldstein = e.meta.goldstein;
    c.evidence = EvidenceOf(e, Words(e.doc_id, e.sentence));
    (c.quad_class == 3 ? f.verbal_conflict : f.material_conflict) += 1;
    f.events.push_back(std::move(c));
  }
  for (auto& [id, f] : fronts) {
    std::stable_sort(f.events.begin(), f.events.end(),
                     [](const ConflictEvent& a, const ConflictEvent& b) { return a.date < b.date; });
    n.escalation.push_back(std::move(f));
  }
  std::stable_sort(n.escalation.begin(), n.escalation.end(), [](const Front& a, const Front& b) {
    if (a.between_parties != b.between_parties) return a.between_parties;
    return a.events.size() > b.events.size();
  });
}

std::vector<Negotiation> Tracker::Run() {
  BuildItems();
  FindNegotiations();
  // Assembled strongest first (one-sided steps go to the first that fits),
  // returned by id.
  std::vector<Negotiation> out;
  for (const auto& [pair, mediators] : negotiations_)
    if (auto n = Assemble(pair, mediators)) out.push_back(std::move(*n));
  std::sort(out.begin(), out.end(), [](const Negotiation& a, const Negotiation& b) { return a.id < b.id; });
  return out;
}

}  // namespace

std::vector<Negotiation> TrackNegotiations(const std::vector<Document>& docs,
                                           const std::vector<Event>& events,
                                           const TrackerOptions& options) {
  Tracker tracker(docs, events, options);
  return tracker.Run();
}

}  // namespace parley::tracker

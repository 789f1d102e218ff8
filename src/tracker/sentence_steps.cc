#include "tracker/sentence_steps.h"

#include <algorithm>
#include <set>

namespace parley::tracker {
namespace {

using Lemmas = std::set<std::string, std::less<>>;

const Lemmas kProposalNouns = {"proposal", "plan", "draft", "offer", "framework", "initiative", "memorandum",
                               "blueprint", "roadmap", "terms", "text", "counter-proposal",
                               "counterproposal", "idea", "formula"};
const Lemmas kAgreementNouns = {"agreement", "deal", "accord", "truce", "ceasefire", "cease-fire",
                                "armistice", "pact", "treaty", "declaration"};
const Lemmas kTalksNouns = {"talks", "talk", "negotiation", "negotiations", "dialogue"};
const Lemmas kResponseNouns = {"response", "reply", "answer"};
const Lemmas kCounterNouns = {"counter-proposal", "counterproposal", "counteroffer",
                              "counter-offer", "amendment", "amendments"};
const Lemmas kPeopleHeld = {"hostage", "prisoner", "captive", "detainee", "abductee"};
const Lemmas kAidNouns = {"aid", "truck", "convoy", "supply", "supplies"};
// Verbs whose complement clause is intended, not done ("plans to release").
const Lemmas kIntendVerbs = {"plan", "expect", "want", "threaten", "aim", "hope", "seek", "try",
                            "prepare", "agree", "offer", "propose", "refuse", "promise", "vow",
                            "pledge", "intend", "demand", "urge", "call", "ask", "decide"};
const Lemmas kModals = {"will", "would", "shall", "could", "may", "might", "should", "must", "'ll",
                        "can"};
const Lemmas kAccuse = {"accuse", "blame", "charge"};
const Lemmas kDealActs = {"exchange", "swap", "release", "free", "return", "halt", "stop", "end",
                          "extend", "withdraw", "open", "cease", "pause", "implement"};
const Lemmas kExchangeNouns = {"exchange", "swap", "release", "handover"};
const Lemmas kTruceNouns = {"truce", "ceasefire", "cease-fire", "armistice"};
const Lemmas kAskVerbs = {"urge", "ask", "call", "demand", "press", "invite", "appeal",
                          "encourage", "push", "request", "want"};
const Lemmas kDelegationNouns = {"delegation", "negotiator", "envoy", "team"};
const Lemmas kHypothetical = {"if", "unless", "whether", "until", "lest"};
const Lemmas kPurpose = {"for", "toward", "towards", "without"};
// Temporal conjunctions: with a verb in the present tense, the clause tells
// of what is yet to come ("before the treaty is signed", "once the hostages
// are freed"); in the past, of what happened ("after the truce took hold").
const Lemmas kWhen = {"before", "after", "once", "when"};

struct Tree {
  std::vector<int> head;             // 0-based; -1 = root or none
  std::vector<std::string> lemma;    // lowercase
  std::vector<std::string> deprel;
  std::vector<std::string> upos;
  std::vector<std::vector<int>> children;
};

Tree BuildTree(std::span<const Token> tokens) {
  Tree t;
  const int n = static_cast<int>(tokens.size());
  t.children.resize(n);
  for (int i = 0; i < n; ++i) {
    const Token& tok = tokens[i];
    int h = tok.head - 1;
    if (h < 0 || h >= n || h == i) h = -1;
    t.head.push_back(h);
    t.lemma.push_back(LowerWord(tok.lemma.empty() ? tok.form : tok.lemma));
    t.deprel.push_back(tok.deprel);
    t.upos.push_back(tok.upos);
  }
  for (int i = 0; i < n; ++i)
    if (t.head[i] >= 0) t.children[t.head[i]].push_back(i);
  return t;
}

bool RelIs(const std::string& rel, std::string_view base) {
  return rel == base || (rel.size() > base.size() && rel.compare(0, base.size(), base) == 0 &&
                         rel[base.size()] == ':');
}

// The words under `node` (itself included), not entering nested clauses.
// Iterative, with a visit guard, so a malformed tree cannot loop.
std::vector<int> Phrase(const Tree& t, int node) {
  std::vector<int> out;
  std::vector<int> stack = {node};
  std::vector<bool> seen(t.head.size(), false);
  while (!stack.empty()) {
    int i = stack.back();
    stack.pop_back();
    if (i < 0 || seen[i]) continue;
    seen[i] = true;
    out.push_back(i);
    for (int c : t.children[i]) {
      const std::string& r = t.deprel[c];
      if (RelIs(r, "acl") || RelIs(r, "ccomp") || RelIs(r, "advcl") || RelIs(r, "parataxis")) continue;
      stack.push_back(c);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<int> ChildrenWith(const Tree& t, int node, std::initializer_list<std::string_view> rels) {
  std::vector<int> out;
  for (int c : t.children[node])
    for (std::string_view r : rels)
      if (RelIs(t.deprel[c], r)) {
        out.push_back(c);
        break;
      }
  return out;
}

// An auxiliary child written `word` ("had": the lemma would be "have").
bool HasAuxWord(const Tree& t, const SentenceWords& w, int node, std::string_view word) {
  for (int c : t.children[node])
    if (RelIs(t.deprel[c], "aux") && w.lower[c] == word) return true;
  return false;
}

// The verb, or an auxiliary of it, is in the past tense (VBD): "took",
// "was signed", "had agreed".
bool PastTense(std::span<const Token> tokens, const Tree& t, int node) {
  if (tokens[static_cast<size_t>(node)].xpos == "VBD") return true;
  for (int c : t.children[node])
    if (RelIs(t.deprel[c], "aux") && tokens[static_cast<size_t>(c)].xpos == "VBD")  // aux:pass too
      return true;
  return false;
}

bool HasMark(const Tree& t, int node) {
  for (int c : t.children[node])
    if (RelIs(t.deprel[c], "mark")) return true;
  return false;
}

bool IsNoun(const Tree& t, int i) { return t.upos[i] == "NOUN" || t.upos[i] == "PROPN"; }

// The subject of `verb`, inherited from the clause it hangs on for xcomp,
// conj and adverbial participles ("Israel launched strikes, shattering ...").
int SubjectOf(const Tree& t, int verb) {
  for (int hop = 0; hop < 6 && verb >= 0; ++hop) {
    for (int c : t.children[verb])
      if (RelIs(t.deprel[c], "nsubj") && !RelIs(t.deprel[c], "nsubj:pass")) return c;
    const std::string& r = t.deprel[verb];
    // A finite verb the parser hung on the noun before it ("Russian and
    // Ukrainian delegations met ..." as acl): that noun is its subject.
    if (r == "acl" && t.head[verb] >= 0 && t.upos[t.head[verb]] == "NOUN" &&
        !HasMark(t, verb) && t.head[verb] < verb)
      return t.head[verb];
    // A finite verb the parser set beside the clause (parataxis) after a
    // noun phrase it conjoined to that clause ("the truce ended, and talks
    // on the second phase broke down" with "talks" a conj of "ended"): that
    // phrase is its subject.
    if (RelIs(r, "parataxis") && verb > 0 && IsNoun(t, verb - 1)) {
      int noun = verb - 1;
      for (int hop = 0; hop < 8 && t.head[noun] >= 0 && t.head[noun] < verb && IsNoun(t, t.head[noun]); ++hop)
        noun = t.head[noun];
      if (RelIs(t.deprel[noun], "conj")) return noun;
    }
    if (!(RelIs(r, "xcomp") || RelIs(r, "conj") || RelIs(r, "advcl"))) return -1;
    verb = t.head[verb];
  }
  return -1;
}

// The nouns of the verb's arguments (object, obliques, passive subject).
std::vector<int> ArgumentWords(const Tree& t, int verb) {
  std::vector<int> out;
  for (int c : ChildrenWith(t, verb, {"obj", "obl", "iobj", "nsubj:pass", "xcomp", "nmod"})) {
    std::vector<int> p = Phrase(t, c);
    out.insert(out.end(), p.begin(), p.end());
  }
  return out;
}

bool AnyLemmaIn(const Tree& t, const std::vector<int>& words, const Lemmas& set, int* at = nullptr) {
  for (int i : words)
    if (set.count(t.lemma[i])) {
      if (at) *at = i;
      return true;
    }
  return false;
}

// Mentions inside the phrase of `node`, in order.
std::vector<std::string> PartiesIn(const Tree& t, int node, const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  if (node < 0) return out;
  std::vector<int> words = Phrase(t, node);
  for (const Mention& m : mentions) {
    bool inside = std::binary_search(words.begin(), words.end(), m.first);
    if (inside && std::find(out.begin(), out.end(), m.party) == out.end()) out.push_back(m.party);
  }
  return out;
}

// The party of an oblique "from X" / "to X" / "with X" under `node`.
std::string ObliqueParty(const Tree& t, int node, std::string_view preposition,
                         const std::vector<Mention>& mentions) {
  std::vector<int> words = Phrase(t, node);
  for (int i : words) {
    if (!(RelIs(t.deprel[i], "obl") || RelIs(t.deprel[i], "nmod"))) continue;
    bool has_case = false;
    for (int c : t.children[i])
      if (t.deprel[c] == "case" && t.lemma[c] == preposition) has_case = true;
    if (!has_case) continue;
    std::vector<std::string> parties = PartiesIn(t, i, mentions);
    if (!parties.empty()) return parties.front();
  }
  return "";
}

bool HasChild(const Tree& t, int node, std::string_view rel, const Lemmas& lemmas) {
  for (int c : t.children[node])
    if (RelIs(t.deprel[c], rel) && lemmas.count(t.lemma[c])) return true;
  return false;
}

// The parties of "from X" under a proposal noun: "the latest truce proposal
// from the United States, Saudi Arabia and Egypt".
std::vector<std::string> Proposers(const Tree& t, int noun, const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  if (noun < 0) return out;
  // Every party after "from" in the noun's phrase: parses of such lists
  // differ (nmod, appos, conj), the words do not.
  std::vector<int> phrase = Phrase(t, noun);
  int from = -1;
  for (int i : phrase)
    if (i > noun && t.lemma[i] == "from" && t.deprel[i] == "case") {
      from = i;
      break;
    }
  if (from < 0) return out;
  for (const Mention& m : mentions)
    if (m.first > from && std::binary_search(phrase.begin(), phrase.end(), m.first) &&
        std::find(out.begin(), out.end(), m.party) == out.end())
      out.push_back(m.party);
  return out;
}

// A subject naming both sides: two parties ("Russia and Ukraine"), or "the
// two sides", "both sides", "the parties", "the two countries".
bool BothSides(const Tree& t, int subject, const std::vector<std::string>& subjects) {
  if (subjects.size() >= 2) return true;
  if (subject < 0) return false;
  static const Lemmas kSides = {"side", "sides", "party", "parties", "country", "countries",
                                "government", "governments", "delegation", "delegations"};
  bool both = false, sides = kSides.count(t.lemma[subject]) != 0;
  for (int c : t.children[subject])
    if (t.lemma[c] == "two" || t.lemma[c] == "both") both = true;
  return both && sides;
}

// "agreed in principle", "accepted the draft agreement in principle": the
// phrase in the verb's clause, before any comma.
bool InPrinciple(const Tree& t, const SentenceWords& w, int verb) {
  if (HasChild(t, verb, "obl", {"principle"})) return true;
  const int n = static_cast<int>(w.size());
  for (int i = verb + 1; i + 1 < n && i <= verb + 8; ++i) {
    if (w.lower[i] == "," || w.lower[i] == ";") return false;
    if (w.lower[i] == "in" && w.lower[i + 1] == "principle") return true;
  }
  return false;
}

}  // namespace

std::vector<SentenceStep> FindSentenceSteps(const Document& doc, const Sentence& s,
                                            const SentenceWords& words,
                                            const std::vector<Mention>& mentions) {
  std::vector<SentenceStep> out;
  std::span<const Token> tokens = doc.TokensOf(s);
  if (tokens.empty() || tokens.size() != words.size() || tokens.front().head < 0) return out;
  const Tree t = BuildTree(tokens);
  const int n = static_cast<int>(tokens.size());

  for (int v = 0; v < n; ++v) {
    if (t.upos[v] != "VERB") continue;
    const std::string& lemma = t.lemma[v];
    if (HasChild(t, v, "advmod", {"not", "n't", "never"}) || HasChild(t, v, "aux", {"not"})) continue;
    // Conditions, hypotheses and purposes are not steps: "if the talks
    // failed", "the basis for reaching an agreement".
    if (HasChild(t, v, "mark", kHypothetical) || HasChild(t, v, "mark", kPurpose) ||
        HasChild(t, v, "case", kPurpose))
      continue;
    // Told as earlier background: "had collapsed", "previous talks ...
    // collapsed", or a conjunct of a past-perfect verb ("had shown progress
    // but collapsed").
    bool background = HasAuxWord(t, words, v, "had");
    if (RelIs(t.deprel[v], "conj") && t.head[v] >= 0 && HasAuxWord(t, words, t.head[v], "had"))
      background = true;
    bool future = HasChild(t, v, "aux", kModals) || HasChild(t, v, "mark", {"to"});
    if (HasChild(t, v, "mark", kWhen) && !PastTense(tokens, t, v)) future = true;
    if (RelIs(t.deprel[v], "xcomp") && t.head[v] >= 0 && kIntendVerbs.count(t.lemma[t.head[v]]))
      future = true;
    // What someone is asked to do is the request, not a step: "urged the
    // army to join the negotiations" is a demand (coded 026), not talks
    // (also when the parser makes the infinitive an adverbial clause).
    if ((RelIs(t.deprel[v], "xcomp") || RelIs(t.deprel[v], "ccomp") ||
         (RelIs(t.deprel[v], "advcl") && HasChild(t, v, "mark", {"to"}))) &&
        t.head[v] >= 0 && kAskVerbs.count(t.lemma[t.head[v]]))
      continue;
    // A conjunct shares its head's tense: "proposals to extend the truce and
    // release more hostages".
    if (RelIs(t.deprel[v], "conj") && t.head[v] >= 0 && !future) {
      int h = t.head[v];
      future = HasChild(t, h, "aux", kModals) || HasChild(t, h, "mark", {"to"});
    }
    const int subject = SubjectOf(t, v);
    if (subject >= 0)
      for (int i : Phrase(t, subject))
        if (t.lemma[i] == "previous" || t.lemma[i] == "earlier" || t.lemma[i] == "former") background = true;
    std::vector<std::string> subjects = PartiesIn(t, subject, mentions);
    // "Hamas accused Israel of violating the ceasefire": the accused acts,
    // whether the parse hangs the clause on the verb or on its object.
    if (int h = t.head[v]; h >= 0) {
      if (kAccuse.count(t.lemma[h])) {
        subjects.clear();
        for (int c : ChildrenWith(t, h, {"obj"})) subjects = PartiesIn(t, c, mentions);
      } else if (RelIs(t.deprel[h], "obj") && t.head[h] >= 0 && kAccuse.count(t.lemma[t.head[h]])) {
        subjects = PartiesIn(t, h, mentions);
      }
    }
    const std::vector<int> args = ArgumentWords(t, v);
    int noun = -1;
    SentenceStep step;
    step.verb = v;
    step.step.background = background;
    step.future = future;
    step.actor = subjects.empty() ? "" : subjects.front();
    auto emit = [&](StepKind kind, std::string outcome, int noun_at) {
      step.step.kind = kind;
      step.step.outcome = std::move(outcome);
      step.words = words.forms[v];
      if (noun_at >= 0 && noun_at != v) step.words += " " + words.forms[noun_at];
      out.push_back(step);
    };
    auto subject_is = [&](const Lemmas& set) { return subject >= 0 && set.count(t.lemma[subject]); };

    if (lemma == "accept" || lemma == "agree" || lemma == "approve" || lemma == "endorse") {
      if (InPrinciple(t, words, v)) {
        emit(StepKind::kResponse, "accepted_in_principle", -1);
        out.back().words = words.forms[v] + " in principle";
      } else if (subjects.size() >= 2 && AnyLemmaIn(t, args, kAgreementNouns, &noun)) {
        step.other = subjects[1];
        emit(StepKind::kAgreement, "", noun);
      } else if (AnyLemmaIn(t, args, kProposalNouns, &noun) || AnyLemmaIn(t, args, kAgreementNouns, &noun)) {
        step.proposers = Proposers(t, noun, mentions);
        emit(StepKind::kResponse, "accepted", noun);
      } else if (lemma == "agree" && BothSides(t, subject, subjects)) {
        // "The two sides agreed to exchange prisoners": a deal on that act.
        // "agreed to exchange prisoners": xcomp, or an oblique when the
        // parser takes "exchange" for a noun.
        for (int c : ChildrenWith(t, v, {"xcomp", "obl"}))
          if (kDealActs.count(t.lemma[c])) {
            if (subjects.size() >= 2) step.other = subjects[1];
            emit(StepKind::kAgreement, "", c);
            break;
          }
      }
    } else if (lemma == "reject" || lemma == "refuse" || lemma == "dismiss" || lemma == "rebuff" ||
               lemma == "spurn" || (lemma == "turn" && HasChild(t, v, "compound:prt", {"down"}))) {
      if (AnyLemmaIn(t, args, kProposalNouns, &noun) || AnyLemmaIn(t, args, kAgreementNouns, &noun)) {
        step.proposers = Proposers(t, noun, mentions);
        emit(StepKind::kResponse, "rejected", noun);
      } else if (AnyLemmaIn(t, args, kTalksNouns, &noun) || AnyLemmaIn(t, args, kDelegationNouns, &noun)) {
        // "refused to send a delegation", "rejected talks": talks declined.
        emit(StepKind::kResponse, "rejected", noun);
      }
    } else if (lemma == "respond" || lemma == "reply" || lemma == "answer") {
      if (AnyLemmaIn(t, args, kCounterNouns, &noun)) {
        emit(StepKind::kResponse, "countered", noun);
      } else {
        emit(StepKind::kResponse, "", -1);
      }
    } else if (lemma == "receive" || lemma == "get") {
      if (AnyLemmaIn(t, args, kResponseNouns, &noun)) {
        step.other = step.actor;  // the receiver
        step.actor = ObliqueParty(t, v, "from", mentions);
        emit(StepKind::kResponse, "", noun);
      } else if (AnyLemmaIn(t, args, kCounterNouns, &noun)) {
        step.other = step.actor;
        step.actor = ObliqueParty(t, v, "from", mentions);
        emit(StepKind::kResponse, "countered", noun);
      }
    } else if (lemma == "propose" || lemma == "present" || lemma == "submit" || lemma == "table" ||
               lemma == "offer" || lemma == "unveil" || lemma == "put" || lemma == "hand" ||
               lemma == "send" || lemma == "deliver" || lemma == "give") {
      if (AnyLemmaIn(t, args, kCounterNouns, &noun)) {
        emit(StepKind::kResponse, "countered", noun);
      } else if (AnyLemmaIn(t, args, kResponseNouns, &noun)) {
        step.other = ObliqueParty(t, v, "to", mentions);
        emit(StepKind::kResponse, "", noun);
      } else if (AnyLemmaIn(t, args, kProposalNouns, &noun) && !step.actor.empty()) {
        std::vector<std::string> to;
        for (int c : ChildrenWith(t, v, {"obj", "iobj"})) to = PartiesIn(t, c, mentions);
        step.other = !to.empty() ? to.front() : ObliqueParty(t, v, "to", mentions);
        emit(StepKind::kProposal, "", noun);
      }
    } else if (lemma == "reach" || lemma == "strike" || lemma == "sign" || lemma == "clinch" ||
               lemma == "seal" || lemma == "conclude" || lemma == "finalize" || lemma == "finalise") {
      if (AnyLemmaIn(t, args, kAgreementNouns, &noun)) {
        if (subjects.size() >= 2) step.other = subjects[1];
        if (step.other.empty()) step.other = ObliqueParty(t, v, "with", mentions);
        emit(StepKind::kAgreement, "", noun);
      }
    } else if ((lemma == "take" && FindPhrase(words, "effect", v + 1, v + 3) >= 0) ||
               ((lemma == "come" || lemma == "go" || lemma == "enter") &&
                (FindPhrase(words, "into force", v + 1, v + 3) >= 0 ||
                 FindPhrase(words, "into effect", v + 1, v + 3) >= 0))) {
      if (subject_is(kAgreementNouns)) {
        step.actor.clear();  // the truce, not a side, took effect
        emit(StepKind::kImplementation, "ceasefire", -1);
        out.back().words = words.forms[subject] + " " + words.forms[v] + " effect";
      }
    } else if (lemma == "collapse" || lemma == "fail" || lemma == "falter" || lemma == "stall" ||
               (lemma == "break" && HasChild(t, v, "compound:prt", {"down"}))) {
      if (subject >= 0 && (AnyLemmaIn(t, Phrase(t, subject), kTalksNouns, &noun) ||
                           AnyLemmaIn(t, Phrase(t, subject), kAgreementNouns, &noun))) {
        step.actor.clear();
        emit(StepKind::kCollapse, "", -1);
        out.back().words = words.forms[noun] + " " + words.forms[v];
        if (lemma == "break") out.back().words += " down";
      }
    } else if (lemma == "shatter" || lemma == "end" || lemma == "overturn" || lemma == "abandon" ||
               lemma == "scrap" || lemma == "wreck" || lemma == "torpedo") {
      if (AnyLemmaIn(t, ChildrenWith(t, v, {"obj"}).empty() ? std::vector<int>{}
                                                             : Phrase(t, ChildrenWith(t, v, {"obj"})[0]),
                     kAgreementNouns, &noun))
        emit(StepKind::kCollapse, "", noun);
    } else if (lemma == "declare" || lemma == "announce" || lemma == "proclaim") {
      // "X and Y declared a truce" is an agreement; one side's truce is not.
      if (AnyLemmaIn(t, ChildrenWith(t, v, {"obj"}).empty() ? std::vector<int>{}
                                                             : Phrase(t, ChildrenWith(t, v, {"obj"})[0]),
                     kTruceNouns, &noun)) {
        if (subjects.size() >= 2) {
          step.other = subjects[1];
          emit(StepKind::kAgreement, "", noun);
        } else {
          emit(StepKind::kImplementation, "unilateral_ceasefire", noun);
        }
      }
    } else if (lemma == "violate" || lemma == "breach") {
      if (AnyLemmaIn(t, args, kAgreementNouns, &noun)) emit(StepKind::kViolation, "", noun);
    } else if (lemma == "release" || lemma == "free") {
      if (AnyLemmaIn(t, args, kPeopleHeld, &noun)) {
        std::vector<std::string> held;
        for (int c : ChildrenWith(t, v, {"obj", "nsubj:pass"})) held = PartiesIn(t, c, mentions);
        if (!held.empty() && held.front() != step.actor) step.other = held.front();
        emit(StepKind::kImplementation, "release", noun);
      }
    } else if (lemma == "withdraw" ||
               (lemma == "pull" && HasChild(t, v, "compound:prt", {"back", "out"}))) {
      emit(StepKind::kImplementation, "withdrawal", -1);
    } else if (lemma == "enter" || lemma == "cross") {
      if (subject_is(kAidNouns) || (subject >= 0 && AnyLemmaIn(t, Phrase(t, subject), kAidNouns, &noun))) {
        step.actor.clear();
        emit(StepKind::kImplementation, "aid", subject);
      }
    } else if ((lemma == "meet" || lemma == "negotiate" || lemma == "talk") && ChildrenWith(t, v, {"obj"}).empty()) {
      // "Russian and Ukrainian delegations met in Istanbul", "X met with Y".
      std::string with = ObliqueParty(t, v, "with", mentions);
      if (subjects.size() >= 2 || !with.empty()) {
        step.other = subjects.size() >= 2 ? subjects[1] : with;
        step.future = false;
        emit(future ? StepKind::kTalksAnnounced : StepKind::kTalks, "", -1);
      }
    } else if (lemma == "complete" || lemma == "conduct" || lemma == "carry" || lemma == "finish") {
      // "completed the exchange of 1,000 prisoners"
      if (AnyLemmaIn(t, ChildrenWith(t, v, {"obj"}).empty() ? std::vector<int>{}
                                                             : Phrase(t, ChildrenWith(t, v, {"obj"})[0]),
                     kExchangeNouns, &noun)) {
        if (subjects.size() >= 2) step.other = subjects[1];
        emit(StepKind::kImplementation, "release", noun);
      }
    } else if (lemma == "resume" || lemma == "hold" || lemma == "open" || lemma == "begin" ||
               lemma == "start" || lemma == "launch" || lemma == "join") {
      std::vector<int> objects;
      for (int c : ChildrenWith(t, v, {"obj"})) {
        std::vector<int> p = Phrase(t, c);
        objects.insert(objects.end(), p.begin(), p.end());
      }
      if (AnyLemmaIn(t, objects, kTalksNouns, &noun)) {
        if (subjects.size() >= 2) step.other = subjects[1];
        if (step.other.empty()) step.other = ObliqueParty(t, v, "with", mentions);
        if (future) {
          step.future = false;
          emit(StepKind::kTalksAnnounced, "", noun);
        } else {
          emit(StepKind::kTalks, "", noun);
        }
        step.future = future;
      }
    }
  }
  // Intended acts are terms of a deal, not steps.
  out.erase(std::remove_if(out.begin(), out.end(), [](const SentenceStep& s) { return s.future; }),
            out.end());
  return out;
}

}  // namespace parley::tracker

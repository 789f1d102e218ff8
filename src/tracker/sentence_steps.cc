#include "tracker/sentence_steps.h"

#include <algorithm>
#include <set>

namespace parley::tracker {
namespace {

using Lemmas = std::set<std::string, std::less<>>;

const Lemmas kProposalNouns = {"proposal", "plan", "draft", "offer", "framework", "initiative",
                               "blueprint", "roadmap", "terms", "text", "counter-proposal",
                               "counterproposal", "idea", "formula"};
const Lemmas kAgreementNouns = {"agreement", "deal", "accord", "truce", "ceasefire", "cease-fire",
                                "armistice", "pact"};
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
const Lemmas kHypothetical = {"if", "unless", "whether", "until", "lest"};
const Lemmas kPurpose = {"for", "toward", "towards", "without"};

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

// The subject of `verb`, inherited from the clause it hangs on for xcomp,
// conj and adverbial participles ("Israel launched strikes, shattering ...").
int SubjectOf(const Tree& t, int verb) {
  for (int hop = 0; hop < 6 && verb >= 0; ++hop) {
    for (int c : t.children[verb])
      if (RelIs(t.deprel[c], "nsubj") && !RelIs(t.deprel[c], "nsubj:pass")) return c;
    const std::string& r = t.deprel[verb];
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
    bool background = HasChild(t, v, "aux", {"had"});
    if (RelIs(t.deprel[v], "conj") && t.head[v] >= 0 && HasChild(t, t.head[v], "aux", {"had"}))
      background = true;
    bool future = HasChild(t, v, "aux", kModals) || HasChild(t, v, "mark", {"to"});
    if (RelIs(t.deprel[v], "xcomp") && t.head[v] >= 0 && kIntendVerbs.count(t.lemma[t.head[v]]))
      future = true;
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
        emit(StepKind::kResponse, "accepted", noun);
      }
    } else if (lemma == "reject" || lemma == "refuse" || lemma == "dismiss" || lemma == "rebuff" ||
               lemma == "spurn" || (lemma == "turn" && HasChild(t, v, "compound:prt", {"down"}))) {
      if (AnyLemmaIn(t, args, kProposalNouns, &noun) || AnyLemmaIn(t, args, kAgreementNouns, &noun))
        emit(StepKind::kResponse, "rejected", noun);
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
    } else if (lemma == "resume" || lemma == "hold" || lemma == "open" || lemma == "begin" ||
               lemma == "start" || lemma == "launch" || lemma == "join") {
      std::vector<int> objects;
      for (int c : ChildrenWith(t, v, {"obj"})) {
        std::vector<int> p = Phrase(t, c);
        objects.insert(objects.end(), p.begin(), p.end());
      }
      if (AnyLemmaIn(t, objects, kTalksNouns, &noun)) {
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

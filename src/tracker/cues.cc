#include "tracker/cues.h"

#include <algorithm>
#include <cctype>

namespace parley::tracker {

std::string LowerWord(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    // Curly apostrophes read as straight ones ("Israel’s").
    if (word.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
  }
  return out;
}

SentenceWords WordsOf(const Document& doc, int32_t index) {
  SentenceWords words;
  for (const Sentence& s : doc.sentences) {
    if (s.index != index) continue;
    const std::string& field = doc.TextOf(s);
    if (s.begin <= s.end && s.end <= field.size()) words.text = field.substr(s.begin, s.end - s.begin);
    for (const Token& t : doc.TokensOf(s)) {
      words.lower.push_back(LowerWord(t.form));
      words.forms.push_back(t.form);
      words.heads.push_back(t.head - 1);
      words.deprels.push_back(t.deprel);
    }
    break;
  }
  return words;
}

namespace {

bool WordMatches(std::string_view pattern, std::string_view word) {
  if (!pattern.empty() && pattern.back() == '*') {
    pattern.remove_suffix(1);
    return word.size() >= pattern.size() && word.substr(0, pattern.size()) == pattern;
  }
  return pattern == word;
}

std::vector<std::string_view> SplitWords(std::string_view phrase) {
  std::vector<std::string_view> out;
  while (!phrase.empty()) {
    size_t sp = phrase.find(' ');
    if (sp != 0) out.push_back(phrase.substr(0, sp));
    if (sp == std::string_view::npos) break;
    phrase.remove_prefix(sp + 1);
  }
  return out;
}

}  // namespace

int PhraseLength(std::string_view phrase) { return static_cast<int>(SplitWords(phrase).size()); }

int FindPhrase(const SentenceWords& words, std::string_view phrase, int from, int to) {
  std::vector<std::string_view> parts = SplitWords(phrase);
  int n = static_cast<int>(words.size());
  if (to < 0 || to > n) to = n;
  if (from < 0) from = 0;
  int len = static_cast<int>(parts.size());
  if (len == 0) return -1;
  for (int i = from; i + len <= n && i < to; ++i) {
    bool all = true;
    for (int k = 0; k < len && all; ++k) all = WordMatches(parts[k], words.lower[i + k]);
    if (all) return i;
  }
  return -1;
}

int FindAny(const SentenceWords& words, const std::vector<std::string_view>& phrases, int from,
            int to) {
  int best = -1;
  for (std::string_view p : phrases) {
    int at = FindPhrase(words, p, from, to);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

namespace cues {

const std::vector<std::string_view> kTopic = {
    "ceasefire*", "cease-fire*", "cease fire", "truce*", "deal*", "agreement*", "accord",
    "talks", "negotiat*", "proposal*", "hostage*", "prisoner*", "captive*", "detainee*",
    "exchange", "swap", "mediat*", "intermediar*", "release*", "withdraw*", "plan", "framework",
    "response", "peace", "delegation*", "counter-proposal*", "counterproposal*", "hostilities",
    "memorandum*", "treaty", "treaties"};
const std::vector<std::string_view> kMediator = {"mediat*", "intermediar*", "broker*", "go-between*",
                                                 "go - between", "host", "hosted", "hosting", "hosts",
                                                 "co-host*", "facilitat*", "co-organi*"};
const std::vector<std::string_view> kProposalNoun = {
    "proposal*", "counter-proposal*", "counterproposal*", "draft*", "plan", "plans", "framework",
    "memorandum*",
    "offer", "offers", "initiative", "blueprint", "roadmap", "road map", "terms"};
const std::vector<std::string_view> kAgreementNoun = {
    "agreement*", "deal", "deals", "accord*", "truce*", "ceasefire*", "cease-fire*", "cease fire",
    "armistice", "pact", "treaty", "treaties"};

}  // namespace cues

namespace {

using Phrases = std::vector<std::string_view>;

const Phrases kInPrinciple = {"in principle"};
const Phrases kCounter = {"counter-proposal*", "counterproposal*", "counter proposal*",
                          "counter - proposal*", "counter-offer*", "counteroffer*",
                          "countered", "amendments", "counter"};
const Phrases kReject = {"reject*", "refus*", "turned down", "turns down", "turn down", "dismiss*",
                         "spurn*", "denounced the proposal"};
const Phrases kAccept = {"accept*", "approv*", "endors*", "signed off", "agreed to the",
                         "agreed to a proposal", "agreed to an", "positively", "positive response",
                         "said yes", "backed the"};
const Phrases kResponseNoun = {"response", "reply", "responded", "replied", "answer", "answered"};
const Phrases kPropose = {"propos*", "put forward", "presented", "present", "presents", "submitted",
                          "submit", "tabled", "handed", "offered", "offer", "offers", "drafted",
                          "unveiled", "sent"};
const Phrases kReached = {"reached", "reach", "struck", "clinched", "sealed", "signed", "concluded",
                          "announced", "finalized", "finalised", "secured", "agreed on", "agreed to",
                          "agreed a", "agreed an"};
const Phrases kCollapse = {"collaps*", "broke down", "broken down", "break down", "breaks down",
                           "breakdown", "fell apart", "falls apart", "shattered", "walked out",
                           "ended the ceasefire", "ended the truce", "ending the ceasefire",
                           "ending the truce", "abandoned the ceasefire", "abandoned the talks",
                           "called off", "suspended the talks", "suspended talks", "pulled out of"};
const Phrases kViolation = {"violat*", "breach*"};
const Phrases kDemand = {"demand*", "insist*", "call* for", "urg*", "press* for", "condition*",
                         "appeal*"};
const Phrases kRelease = {"releas*", "freed", "free", "frees", "handed over", "hand over", "set free",
                          "returned", "swap*", "exchange*"};
const Phrases kAid = {"aid", "trucks", "humanitarian", "supplies", "food", "fuel"};
const Phrases kWithdrawal = {"withdr*", "pull* out", "pulled back", "pull back", "retreat*",
                             "redeploy*"};
const Phrases kTookEffect = {"took effect", "take effect", "takes effect", "came into force",
                             "came into effect", "went into effect", "go into effect", "took hold",
                             "began", "begun", "held", "holding", "in force"};
const Phrases kUnilateral = {"unilateral*", "one-sided"};
const Phrases kFuture = {"will", "would", "'ll", "shall", "plans", "planned", "planning",
                         "expected", "scheduled", "due", "set", "going", "intends", "ready"};
const Phrases kBackground = {"had", "previous", "previously", "earlier talks", "last round",
                             "former", "months ago", "in may", "last year"};
const Phrases kTalksNoun = {"talks", "negotiat*", "round", "delegation*", "meeting", "met",
                            "consultation*", "discuss*", "summit"};

// The event's verb, as a token range of the sentence; the whole sentence when
// the event is not tied to tokens.
struct Verb {
  int first = 0, last = 0;
};

Verb VerbOf(const Event& e, const SentenceWords& w) {
  int n = static_cast<int>(w.size());
  if (e.event.first_token >= 0 && e.event.last_token >= e.event.first_token &&
      e.event.last_token < n)
    return {e.event.first_token, e.event.last_token};
  return {0, n > 0 ? n - 1 : 0};
}

bool Has(const SentenceWords& w, const Phrases& p) { return FindAny(w, p) >= 0; }

// A cue within `before` words before the verb or `after` words after it.
bool Near(const SentenceWords& w, const Phrases& p, const Verb& v, int before, int after) {
  return FindAny(w, p, v.first - before, v.last + after + 1) >= 0;
}

// A verb conjoined to a future one shares its auxiliary: "Israel will
// release prisoners ..., allow more aid into Gaza" — "allow" is future too,
// however far from "will".
bool SharesFutureAuxiliary(const SentenceWords& w, const Verb& v) {
  const int n = static_cast<int>(w.size());
  if (static_cast<int>(w.heads.size()) != n || static_cast<int>(w.deprels.size()) != n) return false;
  int verb = v.first;
  for (int hops = 0; hops < n && verb >= 0 && verb < n && w.deprels[verb] == "conj"; ++hops) verb = w.heads[verb];
  if (verb < 0 || verb >= n) return false;
  static const Phrases kFutureAux = {"will", "would", "'ll", "shall"};
  for (int i = 0; i < n; ++i)
    if (w.heads[i] == verb && w.deprels[i].starts_with("aux") && FindAny(w, kFutureAux, i, i + 1) == i)
      return true;
  return false;
}

bool IsFuture(const Event& e, const SentenceWords& w, const Verb& v) {
  if (e.meta.event_date.known() && e.date.known() && e.meta.event_date > e.date) return true;
  return FindAny(w, kFuture, v.first - 4, v.first) >= 0 || SharesFutureAuxiliary(w, v);
}

// The text reports the event as earlier background: a past-perfect verb
// ("had collapsed") or "previous talks".
bool IsBackground(const SentenceWords& w, const Verb& v) {
  if (FindPhrase(w, "had", v.first - 3, v.first) >= 0) return true;
  int at = FindAny(w, kBackground);
  return at >= 0 && at < v.first && w.lower[at] != "had";
}

std::string RootOf(const std::string& code) { return code.substr(0, std::min<size_t>(2, code.size())); }

}  // namespace

std::optional<StepClass> ClassifyStep(const Event& e, const SentenceWords& w) {
  const std::string& code = e.event.code;
  if (code.size() < 2) return std::nullopt;
  const std::string root = RootOf(code);
  const int quad = e.meta.quad_class;
  const Verb v = VerbOf(e, w);
  const bool topic = Has(w, cues::kTopic);
  const bool background = IsBackground(w, v);
  auto step = [&](StepKind kind, std::string outcome = "") {
    return StepClass{kind, std::move(outcome), background};
  };

  // Material conflict: a step only as a breach or the end of a truce.
  if (code.starts_with("196")) return step(StepKind::kViolation);
  if (quad == 4 || root == "18" || root == "19" || root == "20") {
    if (Has(w, kCollapse) && Has(w, cues::kAgreementNoun)) return step(StepKind::kCollapse);
    if (Has(w, kViolation) && Has(w, cues::kAgreementNoun)) return step(StepKind::kViolation);
    return std::nullopt;
  }
  // Codes that are about talks or truces whatever the words; the rest count
  // only in a sentence about talks, deals, truces or hostages.
  const bool talks_code = root == "04" || code.starts_with("036") || code.starts_with("057") ||
                          code.starts_with("087") || code.starts_with("084");
  if (!topic && !talks_code) return std::nullopt;
  // A statement's content has its own verb ("Netanyahu said Hamas had
  // rejected ..."); FindSentenceSteps reads it from there.
  // Only a statement that is itself a demand ("Hamas insisted that ...")
  // is a step.
  if (root == "01") {
    if (Near(w, kDemand, v, 0, 0)) return step(StepKind::kDemand);
    return std::nullopt;
  }
  if (Has(w, kCollapse) && (Has(w, kTalksNoun) || Has(w, cues::kAgreementNoun)))
    return step(StepKind::kCollapse);
  // "X accused Y of violating the truce" (112): Y is the one in breach.
  if (Has(w, kViolation) && Has(w, cues::kAgreementNoun) && root == "11") {
    StepClass c = step(StepKind::kViolation);
    c.target_acts = true;
    return c;
  }

  // Replies to a proposal, told by their words.
  const bool proposal_context = Has(w, cues::kProposalNoun) || Has(w, kResponseNoun) ||
                                Has(w, cues::kAgreementNoun);
  if (proposal_context && root != "02" && root != "10") {
    if (Has(w, kInPrinciple)) return step(StepKind::kResponse, "accepted_in_principle");
    if (Has(w, kCounter)) return step(StepKind::kResponse, "countered");
    if (Near(w, kReject, v, 2, 3) || root == "12") return step(StepKind::kResponse, "rejected");
    if (Near(w, kAccept, v, 2, 3)) return step(StepKind::kResponse, "accepted");
  }
  if (root == "12") return topic ? std::optional(step(StepKind::kResponse, "rejected")) : std::nullopt;

  // Demands, conditions and appeals.
  if (root == "02" || root == "10") return step(StepKind::kDemand);
  if (Near(w, kDemand, v, 1, 1) && root != "04") return step(StepKind::kDemand);

  // Agreements and truces.
  const bool future = IsFuture(e, w, v);
  if (code.starts_with("087") && !code.starts_with("0874")) {
    // A truce one side declares alone is not an agreement.
    if (Has(w, kUnilateral)) return step(StepKind::kImplementation, "unilateral_ceasefire");
    if (Has(w, kTookEffect) && !future) return step(StepKind::kImplementation, "ceasefire");
    return step(StepKind::kAgreement);
  }
  if (code.starts_with("057")) return step(StepKind::kAgreement);
  if (Has(w, cues::kAgreementNoun) && Near(w, kReached, v, 1, 2) && !future &&
      !Has(w, cues::kProposalNoun))
    return step(StepKind::kAgreement);

  // Proposals.
  if (Has(w, cues::kProposalNoun) && Near(w, kPropose, v, 1, 2) && quad <= 2)
    return step(StepKind::kProposal);
  if (Has(w, kResponseNoun) && quad <= 2 && root != "08" && root != "07")
    return step(StepKind::kResponse);

  // The deal carried out.
  if ((root == "08" || root == "07" || root == "06") && !future) {
    if (code.starts_with("084") || Near(w, kRelease, v, 1, 2)) return step(StepKind::kImplementation, "release");
    if (code.starts_with("0874") || Near(w, kWithdrawal, v, 1, 3))
      return step(StepKind::kImplementation, "withdrawal");
    if (root == "07" || code.starts_with("0861") || code.starts_with("0872") || Has(w, kAid))
      return step(StepKind::kImplementation, "aid");
  }

  // Talks.
  if (root == "04" || code.starts_with("036")) {
    if (code.starts_with("036") || future) return step(StepKind::kTalksAnnounced);
    return step(StepKind::kTalks);
  }
  if (root == "03" && Has(w, kTalksNoun) && future) return step(StepKind::kTalksAnnounced);
  return std::nullopt;
}

}  // namespace parley::tracker

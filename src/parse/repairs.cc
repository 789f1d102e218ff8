#include "parse/repairs.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <iterator>
#include <string_view>

namespace parley::parse {
namespace {

// The word whose head is the sentence's root, or -1.
int RootOf(const Analysis& x) {
  const int n = static_cast<int>(x.head.size());
  for (int i = 0; i < n; ++i)
    if (x.head[static_cast<size_t>(i)] < 0 || x.head[static_cast<size_t>(i)] >= n) return i;
  return -1;
}

// Whether word i is h or lies below it.
bool Dominates(const Analysis& x, int h, int i) {
  const int n = static_cast<int>(x.head.size());
  for (int step = 0; step <= n && i >= 0 && i < n; ++step) {
    if (i == h) return true;
    i = x.head[static_cast<size_t>(i)];
  }
  return false;
}

// Whether Penn tag `tag` is a finite verb's: VBD, VBZ, VBP, and MD when
// `modal`.
bool IsFinite(const ModelData& m, int tag, bool modal) {
  return tag == m.vbd || tag == m.vbz || tag == m.vbp || (modal && tag == m.md);
}

// Whether word i is a noun or a name, or (when `pronoun`) a pronoun.
bool IsNominal(const ModelData& m, const Analysis& x, int i, bool pronoun) {
  const int u = x.upos[static_cast<size_t>(i)];
  return u == m.noun || u == m.propn || (pronoun && u == m.pron);
}

// Whether word v's lemma is one of `lemmas` (lemmatized into x.lemma).
template <size_t N>
bool LemmaIn(const ModelData& m, Analysis& x, int v, const std::array<std::string_view, N>& lemmas) {
  const size_t k = static_cast<size_t>(v);
  m.lemmatizer.Lemmatize(x.forms[k], x.info[k + Tagger::kPad].lower, x.xpos[k], x.lemma);
  return std::find(lemmas.begin(), lemmas.end(), x.lemma) != lemmas.end();
}

// Gives word i Penn tag `xpos` (and UPOS `upos` unless -1) and marks it
// repaired, so that Annotate writes its new tags and lemma.
void Retag(Analysis& x, int i, int xpos, int upos = -1) {
  const size_t k = static_cast<size_t>(i);
  x.xpos[k] = xpos;
  if (upos >= 0) x.upos[k] = upos;
  x.repaired[k] = 1;
}

// Whether word h has a child whose relation is one of `labels`.
bool HasChildLabelled(const Analysis& x, int h, std::initializer_list<int> labels) {
  for (size_t c = 0; c < x.head.size(); ++c)
    if (x.head[c] == h && std::find(labels.begin(), labels.end(), x.label[c]) != labels.end()) return true;
  return false;
}


// Verbs that report a clause ("the ministry said", "officials believe").
constexpr std::array<std::string_view, 13> kSaying = {"say",    "report", "announce", "claim",  "state",
                                                      "confirm", "add",   "believe",  "think",  "know",
                                                      "insist", "allege", "admit"};

// Whether some word from `first` to `last` is "by".
bool ByBetween(const Analysis& x, int first, int last) {
  static const uint64_t kBy = HashLower("by");
  for (int i = std::max(first, 0); i <= last && i < static_cast<int>(x.forms.size()); ++i)
    if (x.info[static_cast<size_t>(i) + Tagger::kPad].lower == kBy) return true;
  return false;
}

// Marks each word's aux, aux:pass, obj and subject children. An "agent"
// with no "by" before it ("Putin hosted Indian Prime Minister Narendra
// Modi", "hosted" read as a participle) is an object the parser misread.
void MarkChildren(const ModelData& m, const Analysis& x, ChildFlags& f) {
  const size_t n = x.head.size();
  f.aux.assign(n, 0);
  f.aux_pass.assign(n, 0);
  f.obj.assign(n, 0);
  f.subj.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const int h = x.head[i];
    if (h < 0 || static_cast<size_t>(h) >= n) continue;
    const size_t hk = static_cast<size_t>(h);
    const int l = x.label[i];
    if (l == m.aux) f.aux[hk] = 1;
    if (l == m.aux_pass) f.aux_pass[hk] = 1;
    if (l == m.obj || (l == m.obl_agent && h < static_cast<int>(i) && !ByBetween(x, h + 1, static_cast<int>(i))))
      f.obj[hk] = 1;
    if (l == m.nsubj || l == m.nsubj_pass) f.subj[hk] = 1;
  }
}

// A participle with a subject and a direct object of its own but no
// auxiliary heads a finite clause: it is a simple past the tagger misread
// ("North Korea on Thursday fired two shells at Seoul", "On Monday, Israel
// struck targets in Gaza": after a proper noun, "fired"/"struck" read like
// reduced passives). Retags those as VBD and returns whether any changed.
// Conjuncts (they may share the first verb's auxiliary) and adjectival
// participles are left alone. On EWT dev this fires 8 times, each on a gold
// VBD; never on EWT test.
bool RetagFiniteParticiples(const ModelData& m, Analysis& x, const ChildFlags& f) {
  if (m.vbn < 0 || m.vbd < 0) return false;
  bool changed = false;
  for (size_t i = 0; i < x.xpos.size(); ++i) {
    if (x.xpos[i] != m.vbn || f.aux[i] || f.aux_pass[i] || !f.obj[i] || !f.subj[i]) continue;
    if (x.label[i] == m.conj || x.label[i] == m.amod) continue;
    Retag(x, static_cast<int>(i), m.vbd);
    changed = true;
  }
  return changed;
}

// A clause with no finite verb whose head is a noun, the verb read as a
// participle. The clause is the sentence, or a clausal complement or
// parataxis headed by a noun ("Turkish police detained dozens of protesters,
// the ministry said": "police detained dozens" read as one noun phrase, the
// complement of "said"). Its participle is the simple past it is when it
// modifies the head's direct object ("Turkish police detained dozens of
// protesters": "police" the root with "detained dozens" its object, which UD
// never gives a noun), hangs on the head right after it with an object of
// its own ("Egyptian mediators proposed a truce": a reduced relative), or
// stands between the head (or the head's premodifiers) and a noun that
// hangs on it too ("The Turkish air force struck targets": "force struck
// targets" with "struck" an adjective of "targets"; UD gives that shape to
// 2 words of EWT train and to none of EWT dev or GUM news). A clause with a finite verb keeps its participles
// ("... was the print called 'Cowboys and Indians'"). Fires on no sentence
// of EWT train, dev or test or GUM news; the wire copy it is for has no
// treebank here.
bool RetagVerblessParticiples(const ModelData& m, Analysis& x, const ChildFlags& f) {
  if (m.vbn < 0 || m.vbd < 0) return false;
  const int n = static_cast<int>(x.xpos.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  auto bare_participle = [&](int i) { return x.xpos[at(i)] == m.vbn && !f.aux[at(i)] && !f.aux_pass[at(i)]; };
  bool changed = false;
  auto retag = [&](int i, int upos = -1) {
    Retag(x, i, m.vbd, upos);
    changed = true;
  };
  for (int r = 0; r < n; ++r) {
    const int h = x.head[at(r)], l = x.label[at(r)];
    const bool clause = h < 0 || h >= n || (l >= 0 && (l == m.ccomp || l == m.parataxis));
    if (!clause || !IsNominal(m, x, r, false)) continue;
    bool verbless = true;
    for (int i = 0; i < n && verbless; ++i) verbless = !(IsFinite(m, x.xpos[at(i)], true) && Dominates(x, r, i));
    if (!verbless) continue;
    int end = r;  // the head's last word ("Vladimir Putin")
    while (end + 1 < n && x.head[at(end + 1)] == r && x.label[at(end + 1)] == m.flat) ++end;
    // With an object, or a name right after a preposition right after it
    // ("Germany's chancellor called on China to use its influence"; a
    // passive's stranded preposition would have no name after it, and its
    // agent comes after "by").
    auto names_after_preposition = [&](int v) {
      if (v + 2 >= n || x.upos[at(v + 1)] != m.adp || x.head[at(v + 1)] <= v + 1 || ByBetween(x, v + 1, v + 1))
        return false;
      const int object = x.head[at(v + 1)];
      return x.head[at(object)] == v && x.upos[at(object)] == m.propn;
    };
    if (end + 1 < n && x.head[at(end + 1)] == r && bare_participle(end + 1) &&
        (f.obj[at(end + 1)] || names_after_preposition(end + 1))) {
      retag(end + 1);
      continue;
    }
    // The participle may stand before the head's own premodifiers
    // ("The World Food Programme delivered food aid": "delivered" an
    // adjective of "aid", before "food").
    int p = r - 1;
    while (p > 0 && x.head[at(p)] == r && x.xpos[at(p)] != m.vbn &&
           (IsNominal(m, x, p, false) || x.upos[at(p)] == m.adj || x.upos[at(p)] == m.num))
      --p;
    // The word before it ends a phrase on the head: the subject, with its
    // name's own apposition ("Recep Tayyip Erdogan hosted Hamas leader
    // Ismail Haniyeh": "Erdogan" an apposition of "Recep").
    int before = p - 1;
    for (int step = 0; step < n && before >= 0 && x.head[at(before)] != r && x.head[at(before)] < p; ++step)
      before = x.head[at(before)];
    if (p >= 1 && x.head[at(p)] == r && x.label[at(p)] == m.amod && bare_participle(p) && before >= 0 &&
        before < p && x.head[at(before)] == r && IsNominal(m, x, before, false)) {
      bool leaf = true;
      for (int i = 0; i < n && leaf; ++i) leaf = x.head[at(i)] != p;
      if (leaf) {
        retag(p);
        continue;
      }
    }
    for (int o = r + 1; o < n; ++o) {
      if (x.head[at(o)] != r) continue;
      if (x.label[at(o)] == m.obj) {
        for (int i = r + 1; i < o; ++i)
          if (bare_participle(i)) {
            retag(i);
            break;
          }
        continue;
      }
      // Or an "apposition" right after the participle that follows the
      // head's name, with no punctuation between: "Recep Tayyip Erdogan
      // hosted Hamas leader Ismail Haniyeh", "hosted" an adjective of
      // "leader", and the guest's name an apposition of the host's; or a
      // "conjunct" with no conjunction, the participle read as an adjective
      // ("Hamas fighters wounded two Israeli soldiers").
      const bool appos = x.label[at(o)] == m.appos;
      const bool bare_conj = x.label[at(o)] == m.conj && !HasChildLabelled(x, o, {m.cc});
      const int w = end + 1;
      const bool ed_adjective = x.xpos[at(w)] == m.name_tags.jj && x.forms[at(w)].ends_with("ed") && !f.aux[at(w)];
      if (!(appos || bare_conj) || !(bare_participle(w) || (bare_conj && ed_adjective)) || w >= o) continue;
      bool plain = true;
      for (int i = w; i < o && plain; ++i) plain = x.upos[at(i)] != m.punct && Dominates(x, o, i);
      if (plain) retag(w, m.verb);
      break;
    }
  }
  return changed;
}

// Wire copy opens with what happened and ends with who says so ("Israeli
// strikes killed at least 30 people in Gaza, health officials said"). When
// the words before the comma that precedes the reporting verb have no finite
// verb, open with a noun phrase and go on with a participle, that participle
// is the reported clause's simple past, whatever the parser made of it (it
// read "killed" as a reduced relative on "strikes", and "strikes" as a
// compound of "officials"), if it is the only participle there. The
// reporting verb must have its subject after
// the comma ("..., health officials said", "..., said the ministry"), so a
// subject with a reduced relative and an apposition ("The man arrested
// yesterday, John Smith, was released") is left alone. Fires on no sentence
// of EWT train, dev or test, GUM news (gold tokens or raw text) or the
// PETRARCH records, and on two of the examples' sentences ("Israeli
// airstrikes killed at least 20 people in central Gaza on Monday, the
// enclave's health ministry said": "killed at" read like a passive), whose
// events stay as they were.
bool RetagReportedParticiples(const ModelData& m, Analysis& x, const ChildFlags& f) {
  if (m.vbn < 0 || m.vbd < 0) return false;
  const int n = static_cast<int>(x.xpos.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  auto finite = [&](int i) { return IsFinite(m, x.xpos[at(i)], true); };
  const int root = RootOf(x);
  if (root < 3 || !finite(root)) return false;
  int comma = root - 1;
  while (comma > 0 && x.forms[at(comma)] != ",") --comma;
  if (comma < 2) return false;
  bool subject_after_comma = false;
  for (int i = comma + 1; i < n; ++i)
    if (x.head[at(i)] == root && (x.label[at(i)] == m.nsubj || x.label[at(i)] == m.nsubj_pass))
      subject_after_comma = subject_after_comma || i < root || root == comma + 1;
  if (!subject_after_comma) return false;
  int participles = 0;
  for (int i = 0; i < comma; ++i) {
    if (finite(i)) return false;
    participles += x.xpos[at(i)] == m.vbn;
  }
  // "Drones launched by the RSF struck Port Sudan, the army said": which of
  // two participles is the verb is not for this rule to say.
  if (participles != 1) return false;
  auto in_noun_phrase = [&](int i) {
    const int u = x.upos[at(i)];
    return u == m.det || u == m.adj || u == m.noun || u == m.propn || u == m.num || x.forms[at(i)] == "'s";
  };
  int p = 0;
  while (p < comma && in_noun_phrase(p)) ++p;
  const int before = p - 1;
  if (p == 0 || p + 1 >= comma || !IsNominal(m, x, before, false)) return false;
  if (x.xpos[at(p)] != m.vbn || f.aux[at(p)] || f.aux_pass[at(p)]) return false;
  Retag(x, p, m.vbd);
  return true;
}

// The object of a reported clause hung on the reporting verb as a second
// subject: in "Israeli strikes killed at least 30 people in Gaza, officials
// said" the parser made "people" a subject of "said" beside "officials",
// leaving "killed" (a clausal complement of "said") without its object. A
// reporting verb with two nominal subjects, the first before a comma that
// precedes the second, and a verb of its complement before the first with
// no object and no verb between them: the first is that verb's object. It
// fires on no sentence of EWT train, dev or test or GUM news.
void AttachReportedObjects(const ModelData& m, Analysis& x) {
  if (m.obj < 0 || m.ccomp < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  auto verbal = [&](int i) { return x.upos[at(i)] == m.verb || x.upos[at(i)] == m.aux_upos; };
  for (int r = 0; r < n; ++r) {
    if (x.upos[at(r)] != m.verb) continue;
    int first = -1, second = -1;
    for (int i = 0; i < r; ++i)
      if (x.head[at(i)] == r && x.label[at(i)] == m.nsubj) (first < 0 ? first : second) = i;
    if (first < 0 || second < 0) continue;
    bool comma = false;
    for (int i = first + 1; i < second && !comma; ++i) comma = x.forms[at(i)] == ",";
    if (!comma || !IsNominal(m, x, first, false)) continue;
    int verb = -1;
    for (int v = first - 1; v >= 0 && verb < 0; --v) {
      if (!verbal(v)) continue;
      if (x.head[at(v)] != r || (x.label[at(v)] != m.ccomp && x.label[at(v)] != m.parataxis)) break;
      verb = v;
    }
    if (verb < 0) continue;
    if (HasChildLabelled(x, verb, {m.obj})) continue;
    x.head[at(first)] = verb;
    x.label[at(first)] = m.obj;
  }
}

// A sentence that opens with a phrase and a comma ("According to the army,
// the militants fled across the border") is rooted in its clause, but the
// parser sometimes roots it in the phrase and hangs the clause on it as a
// modifier. A root noun with a case marker before it and no subject,
// copula, auxiliary or expletive of its own, with a verb after a comma that
// hangs on it, has a subject of its own and no subordinator or wh-word:
// the verb becomes the root and the phrase its oblique. On GUM news it
// fires twice ("In March, a bundle of blueprints ... were found"), both
// times rightly; never on EWT train, dev or test.
// The root when it is a noun (or pronoun) with no subject, copula,
// auxiliary or expletive of its own, so heads no clause; else -1.
int ClauselessNounRoot(const ModelData& m, const Analysis& x) {
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  const int r = RootOf(x);
  if (r < 0 || !IsNominal(m, x, r, true)) return -1;
  for (int i = 0; i < n; ++i) {
    if (x.head[at(i)] != r) continue;
    const int l = x.label[at(i)];
    if (l == m.nsubj || l == m.nsubj_pass || l == m.cop || l == m.aux || l == m.aux_pass || l == m.csubj ||
        l == m.expl)
      return -1;
  }
  return r;
}

// Whether word `r` has a child labelled `label` before it.
bool HasChildBefore(const Analysis& x, int r, int label) {
  for (int i = 0; i < r; ++i)
    if (x.head[static_cast<size_t>(i)] == r && x.label[static_cast<size_t>(i)] == label) return true;
  return false;
}

// The subject relation a new subject of verb v takes: nsubj:pass when v has
// a passive auxiliary ("was caused"), else nsubj.
int SubjectLabelFor(const ModelData& m, const Analysis& x, int v) {
  return HasChildLabelled(x, v, {m.aux_pass}) ? m.nsubj_pass : m.nsubj;
}

void RootTheClauseAfterAFrontedPhrase(const ModelData& m, Analysis& x) {
  if (m.root < 0 || m.obl < 0 || m.case_label < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  const int r = ClauselessNounRoot(m, x);
  if (r < 0 || !HasChildBefore(x, r, m.case_label)) return;
  bool comma = false;
  for (int v = r + 1; v < n; ++v) {
    comma = comma || x.forms[at(v)] == ",";
    if (!comma || x.head[at(v)] != r || x.upos[at(v)] != m.verb) continue;
    const int l = x.label[at(v)];
    if (l != m.acl && l != m.acl_relcl && l != m.advcl && l != m.parataxis && l != m.ccomp) continue;
    bool subject = false, subordinate = false;
    for (int c = 0; c < n; ++c) {
      if (x.head[at(c)] != v) continue;
      const int cl = x.label[at(c)];
      subject = subject || cl == m.nsubj || cl == m.nsubj_pass;
      const int tag = x.xpos[at(c)];
      subordinate = subordinate || cl == m.mark || tag == m.wdt || tag == m.wp || tag == m.wp_poss || tag == m.wrb;
    }
    if (!subject || subordinate) continue;
    x.head[at(v)] = n;
    x.label[at(v)] = m.root;
    x.head[at(r)] = v;
    x.label[at(r)] = m.obl;
    for (int c = v + 1; c < n; ++c)  // the clause's end (its final stop) hangs on it too
      if (x.head[at(c)] == r) x.head[at(c)] = v;
    return;
  }
}

// "The president, who took office in January, vowed to end the war": the
// parser sometimes roots such a sentence in its subject and hangs the main
// verb inside the relative clause ("vowed" an adverbial clause of "took").
// A root noun with no subject, copula, auxiliary or case marker of its own,
// a relative clause on it closed by a comma, and after that comma a finite
// verb with no subject or subordinator that the parser put inside the
// relative clause: the verb is the root and the noun its subject. Fires on
// no sentence of EWT train, dev or test or GUM news.
void RootTheVerbAfterARelativeClause(const ModelData& m, Analysis& x) {
  if (m.root < 0 || m.acl_relcl < 0 || m.nsubj < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  const int r = ClauselessNounRoot(m, x);
  if (r < 0 || HasChildBefore(x, r, m.case_label)) return;
  int relative = -1;
  for (int i = r + 1; i < n && relative < 0; ++i)
    if (x.head[at(i)] == r && x.label[at(i)] == m.acl_relcl) relative = i;
  if (relative < 0) return;
  int comma = relative + 1;
  while (comma < n && x.forms[at(comma)] != ",") ++comma;
  for (int v = comma + 1; v < n; ++v) {
    const int tag = x.xpos[at(v)];
    // "The general, who led the coup, promised elections": the tagger read
    // "promised" as a participle. One with an object of its own and no
    // auxiliary is the simple past a reduced relative cannot be.
    const bool misread_past = tag == m.vbn && HasChildLabelled(x, v, {m.obj}) &&
                              !HasChildLabelled(x, v, {m.aux, m.aux_pass});
    if (x.upos[at(v)] != m.verb || !(IsFinite(m, tag, false) || misread_past)) continue;
    if (v == relative || !Dominates(x, relative, v)) return;
    if (HasChildLabelled(x, v, {m.nsubj, m.nsubj_pass, m.mark})) return;
    if (misread_past) Retag(x, v, m.vbd);
    x.head[at(v)] = n;
    x.label[at(v)] = m.root;
    x.head[at(r)] = v;
    x.label[at(r)] = SubjectLabelFor(m, x, v);
    for (int c = v + 1; c < n; ++c)  // the sentence's final stop
      if (x.head[at(c)] == r) x.head[at(c)] = v;
    return;
  }
}

// "The UN envoy urged both parties to return to the negotiating table": after
// a verb that tells its object to do something, the infinitive right after
// the object is the verb's complement (xcomp, the object its understood
// subject), but the parser sometimes hangs it on the object as a modifier
// ("parties to return") or on the verb as an adverbial clause of purpose
// ("pressed Israel to allow"). The object keeps the parser's obj or iobj
// (EWT and GUM give "ask", "tell" and "urge" an iobj there and "order",
// "force" and "encourage" an obj). The verbs are those of telling, asking and
// making someone act; "press" (a button) and verbs whose object often takes
// an infinitive of its own ("need a place to stay") are not among them. On
// EWT test and GUM news it moves 3 infinitives, all to the gold head, and 1
// of EWT train, wrongly.
void AttachControlledInfinitives(const ModelData& m, Analysis& x) {
  if (m.xcomp < 0 || m.vb < 0 || m.obj < 0) return;
  static const std::array<std::string_view, 14> kVerbs = {"urge",    "ask",     "tell",     "order",  "encourage",
                                                          "invite",  "persuade", "warn",     "advise", "instruct",
                                                          "compel",  "request",  "pressure", "force"};
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  static const uint64_t kTo = HashLower("to");
  for (int inf = 0; inf < n; ++inf) {
    const int l = x.label[at(inf)], h = x.head[at(inf)];
    if (x.xpos[at(inf)] != m.vb || h < 0 || h >= inf || (l != m.acl && l != m.advcl)) continue;
    int to = -1;
    for (int c = h + 1; c < inf; ++c)
      if (x.head[at(c)] == inf && x.info[at(c) + Tagger::kPad].lower == kTo) to = c;
    if (to < 0) continue;
    // The verb and its object: the head's head for "parties to return", the
    // head's last object before "to" for "pressed Israel to allow".
    int v = -1, o = -1;
    auto object = [&](int c) { return x.label[at(c)] == m.obj || x.label[at(c)] == m.iobj; };
    if (l == m.acl && object(h)) {
      o = h;
      v = x.head[at(h)];
    } else if (l == m.advcl) {
      v = h;
      for (int c = h + 1; c < to; ++c)
        if (x.head[at(c)] == v && object(c)) o = c;
    }
    if (o < 0 || v < 0 || v >= o || x.upos[at(v)] != m.verb) continue;
    bool adjacent = true;  // nothing but the object's own words before "to"
    for (int k = o + 1; k < to && adjacent; ++k) adjacent = Dominates(x, o, k) && !Dominates(x, inf, k);
    if (!adjacent) continue;
    if (!LemmaIn(m, x, v, kVerbs)) continue;
    x.head[at(inf)] = v;
    x.label[at(inf)] = m.xcomp;
  }
}

// "Egypt and Qatar, which have mediated between the two sides, welcomed the
// agreement": the parser sometimes roots such a sentence in the relative
// clause ("mediated", with both "which" and "Egypt" its subjects, or with
// "Qatar, which has mediated ..." a vocative) and makes the main verb its
// conjunct, or hangs the relative clause, with the phrase as its subject, on
// a main verb left with none. A verb whose subject is "which" or "who" right
// after a comma, with a noun phrase before the comma, and either (as the
// root) a later finite verb conjoined to it after a comma with no subject or
// conjunction of its own, or (hung on the root verb, with the phrase its
// subject) a root verb with no subject: that verb is the root, the phrase
// its subject, and the relative clause hangs on the phrase. On GUM news it
// fires once, rightly ("The accident, which occurred yesterday afternoon,
// was caused by ..."); never on EWT train, dev or test.
void RootTheVerbAfterAWhClause(const ModelData& m, Analysis& x) {
  if (m.root < 0 || m.acl_relcl < 0 || m.conj < 0 || m.cc < 0) return;
  static const uint64_t kWhich = HashLower("which"), kWho = HashLower("who");
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  const int root = RootOf(x);
  auto is_root = [&](int i) { return i == root; };
  for (int w = 2; w < n; ++w) {
    const uint64_t word = x.info[at(w) + Tagger::kPad].lower;
    const int r = x.head[at(w)];
    if ((word != kWhich && word != kWho) || (x.label[at(w)] != m.nsubj && x.label[at(w)] != m.nsubj_pass) ||
        r <= w || r >= n || x.upos[at(r)] != m.verb || x.forms[at(w - 1)] != ",")
      continue;
    int phrase = w - 2;  // the head of the phrase before the comma
    for (int hop = 0; hop < n; ++hop) {
      const int h = x.head[at(phrase)];
      if (h < 0 || h >= w - 1) break;
      phrase = h;
    }
    if (!IsNominal(m, x, phrase, true)) return;
    auto reattach = [&](int v) {
      x.head[at(phrase)] = v;
      x.label[at(phrase)] = SubjectLabelFor(m, x, v);
      x.head[at(r)] = phrase;
      x.label[at(r)] = m.acl_relcl;
    };
    if (!is_root(r)) {
      // The main verb is right, with the relative clause and its antecedent
      // hung on it ("France and Germany, which brokered the Minsk accords,
      // urged ...": "brokered" an adverbial clause of "urged" with "France"
      // its subject, "urged" none).
      const int v = x.head[at(r)];
      if (v <= r || !is_root(v) || x.upos[at(v)] != m.verb || x.head[at(phrase)] != r) return;
      if (HasChildLabelled(x, v, {m.nsubj, m.nsubj_pass})) return;
      reattach(v);
      return;
    }
    bool comma = false;
    for (int v = r + 1; v < n; ++v) {
      comma = comma || x.forms[at(v)] == ",";
      const int tag = x.xpos[at(v)];
      if (!comma || x.head[at(v)] != r || x.label[at(v)] != m.conj || x.upos[at(v)] != m.verb ||
          !IsFinite(m, tag, false))
        continue;
      // A subject or conjunction of its own: a true conjunct.
      if (HasChildLabelled(x, v, {m.nsubj, m.nsubj_pass, m.cc})) return;
      x.head[at(v)] = n;
      x.label[at(v)] = m.root;
      reattach(v);
      for (int c = v + 1; c < n; ++c)  // the sentence's final stop
        if (x.head[at(c)] == r) x.head[at(c)] = v;
      return;
    }
    return;
  }
}

// "The Pentagon said U.S. forces shot down three drones": after a verb of
// saying, the tagger sometimes reads the reported clause's verb as a
// participle, and the parser makes its subject the object of "said" with the
// participle (and its own object) a reduced relative on it. A participle with
// no auxiliary that hangs right after the object of such a verb and has an
// object of its own is a simple past (a reduced relative takes no object but
// for the rare double-object passive, "the weight given it"). Returns whether
// any was retagged. Fires on no sentence of EWT train, dev or test or GUM
// news.
bool RetagParticiplesOfReportedSubjects(const ModelData& m, Analysis& x, const ChildFlags& f) {
  if (m.vbn < 0 || m.vbd < 0 || m.acl < 0) return false;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  bool changed = false;
  for (int p = 1; p < n; ++p) {
    const int object = p - 1;
    if (x.xpos[at(p)] != m.vbn || f.aux[at(p)] || f.aux_pass[at(p)] || !f.obj[at(p)]) continue;
    if (x.label[at(object)] != m.obj) continue;
    const int verb = x.head[at(object)];
    // On the object as a reduced relative, or on the verb of saying as a
    // subjectless complement ("the air force said it shot down 40 drones").
    const bool relative = x.head[at(p)] == object && x.label[at(p)] == m.acl;
    const bool complement = m.ccomp >= 0 && x.head[at(p)] == verb && x.label[at(p)] == m.ccomp && !f.subj[at(p)];
    if (!relative && !complement) continue;
    if (verb < 0 || verb >= object || x.upos[at(verb)] != m.verb) continue;
    if (!LemmaIn(m, x, verb, kSaying)) continue;
    Retag(x, p, m.vbd);
    changed = true;
  }
  return changed;
}

// "Britain imposed sanctions on six Israeli settlers accused of violence
// against Palestinians": the tagger read "accused" as a simple past and the
// parser made "settlers" its subject, though "settlers" has a preposition of
// its own, which no subject has. A simple past with no auxiliary right
// after its subject's phrase, when that subject has a preposition before
// it, is a reduced relative's participle: retagged VBN, parsed again
// (a regular verb's: the two forms are one). Returns whether any changed.
bool RetagReducedRelatives(const ModelData& m, Analysis& x, const ChildFlags& f) {
  if (m.vbd < 0 || m.vbn < 0 || m.case_label < 0 || m.adp < 0) return false;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  bool changed = false;
  for (int s = 1; s + 1 < n; ++s) {
    const int v = x.head[at(s)];
    if (v != s + 1 || x.xpos[at(v)] != m.vbd || f.aux[at(v)] || f.aux_pass[at(v)]) continue;
    if (x.label[at(s)] != m.nsubj || !IsNominal(m, x, s, /*pronoun=*/false)) continue;
    bool preposition = false;
    for (int c = 0; c < s && !preposition; ++c)
      preposition = x.head[at(c)] == s && x.label[at(c)] == m.case_label && x.upos[at(c)] == m.adp;
    if (!preposition) continue;
    // Only a regular verb, whose past and participle are one form
    // ("accused"; not "knew").
    if (!x.forms[at(v)].ends_with("ed")) continue;
    Retag(x, v, m.vbn);
    changed = true;
  }
  return changed;
}

// "Mexican authorities extradited 29 cartel figures to the United States":
// the tagger read "figures" as a verb (VBZ) and "extradited" as a
// participle, and the parser gave "figures" a plural subject, which a VBZ
// never has. A VBZ ending in "s" with a plural subject (NNS, NNPS) and a
// bare participle before it, with only a noun's premodifiers between them,
// is a plural noun, the participle the verb: retagged NNS and VBD, parsed
// again. Returns whether any changed. Fires on no sentence of EWT train,
// dev or test or GUM news.
bool RetagPluralsReadAsVerbs(const ModelData& m, Analysis& x, const ChildFlags& f) {
  if (m.vbz < 0 || m.vbn < 0 || m.vbd < 0 || m.nns < 0 || m.noun < 0 || m.nsubj < 0) return false;
  const int nnps = m.name_tags.nnps;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  bool changed = false;
  for (int w = 2; w < n; ++w) {
    if (x.xpos[at(w)] != m.vbz || f.aux[at(w)] || x.forms[at(w)].empty() || x.forms[at(w)].back() != 's') continue;
    int subject = -1;
    for (int c = 0; c < w && subject < 0; ++c)
      if (x.head[at(c)] == w && x.label[at(c)] == m.nsubj && (x.xpos[at(c)] == m.nns || x.xpos[at(c)] == nnps))
        subject = c;
    if (subject < 0) continue;
    int participle = -1;
    for (int i = subject + 1; i < w && participle < 0; ++i)
      if (x.xpos[at(i)] == m.vbn && !f.aux[at(i)] && !f.aux_pass[at(i)]) participle = i;
    if (participle < 0) continue;
    // Only the premodifiers of a noun between them: "extradited 29 cartel
    // figures", not "Parents prosecuted after homeopathic treatment leads".
    bool premodifiers = true;
    for (int i = participle + 1; i < w && premodifiers; ++i) {
      const int u = x.upos[at(i)];
      premodifiers = u == m.noun || u == m.propn || u == m.adj || u == m.num || u == m.det;
    }
    if (!premodifiers) continue;
    Retag(x, w, m.nns, m.noun);
    Retag(x, participle, m.vbd);
    changed = true;
  }
  return changed;
}

// "Kenyan police fired tear gas at protesters": the tagger read "tear" as a
// present-tense verb, and the parser made "tear gas at protesters" a clause
// under "fired". A present-tense verb with no subject, auxiliary or marker
// right after a verb that has no object, hanging on it, with a common noun
// right after it as its object, is the first word of a compound noun (a
// finite verb follows another verb only with a subject of its own). Retags
// it NN and returns whether any changed. Fires on no sentence of EWT train,
// dev or test or GUM news.
bool RetagVerbsInNounCompounds(const ModelData& m, Analysis& x, const ChildFlags& f) {
  if (m.vbp < 0 || m.vbz < 0 || m.nn < 0 || m.nns < 0 || m.noun < 0 || m.mark < 0) return false;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  bool changed = false;
  for (int w = 1; w + 1 < n; ++w) {
    const int verb = w - 1, noun = w + 1;
    if (x.xpos[at(w)] != m.vbp && x.xpos[at(w)] != m.vbz) continue;
    if (x.head[at(w)] != verb || x.upos[at(verb)] != m.verb || f.obj[at(verb)]) continue;
    if (f.subj[at(w)] || f.aux[at(w)] || f.aux_pass[at(w)] || HasChildLabelled(x, w, {m.mark})) continue;
    if (x.head[at(noun)] != w || x.label[at(noun)] != m.obj) continue;
    if (x.xpos[at(noun)] != m.nn && x.xpos[at(noun)] != m.nns) continue;
    Retag(x, w, m.nn, m.noun);
    changed = true;
  }
  return changed;
}

// "The ministry said Israeli jets struck a convoy": a reported clause with
// no "that" whose subject the parser hung on the verb of saying (as its
// object or a second complement) and whose finite verb is left without one.
// A finite verb that is a clausal complement with no subject, right after a
// noun that hangs on the same verb as its object, indirect object or
// complement: the noun is the finite verb's subject. On EWT test it fires
// once, rightly ("I do believe some Koreans reside in ..."); never on EWT
// train or dev or GUM news.
void AttachReportedSubjects(const ModelData& m, Analysis& x) {
  if (m.ccomp < 0 || m.nsubj < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  for (int v = 1; v < n; ++v) {
    const int tag = x.xpos[at(v)], noun = v - 1, l = x.label[at(noun)];
    if (!IsFinite(m, tag, false) || x.label[at(v)] != m.ccomp) continue;
    if (x.head[at(noun)] != x.head[at(v)] || (l != m.obj && l != m.iobj && l != m.ccomp)) continue;
    if (!IsNominal(m, x, noun, true)) continue;
    if (HasChildLabelled(x, v, {m.nsubj, m.nsubj_pass})) continue;
    x.head[at(noun)] = v;
    x.label[at(noun)] = m.nsubj;
  }
}

// A predicate has one subject in UD. When the parser gives one two nominal
// subjects with a coordinating conjunction and no verb, punctuation or
// preposition between them ("Armenian Prime Minister Nikol Pashinyan and
// Azerbaijani President Ilham Aliyev signed ..."), they are one coordinated
// subject: the second becomes a conjunct of the first and takes the
// conjunction. The parser gives a predicate two subjects 66 times on EWT dev
// and 54 on GUM news; this fires once, rightly ("Israelis and the
// Palestinian leadership can ..."); wider versions of it (any subjects, any
// words between) fired 3 times there, once rightly.
void JoinCoordinatedSubjects(const ModelData& m, Analysis& x) {
  if (m.cc < 0 || m.conj < 0 || m.cconj < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  auto nominal_subject = [&](int i) {
    const int l = x.label[at(i)], up = x.upos[at(i)];
    return (l == m.nsubj || l == m.nsubj_pass) && (up == m.noun || up == m.propn || up == m.pron);
  };
  for (int a = 0; a < n; ++a) {
    if (!nominal_subject(a)) continue;
    int conjunction = -1, b = -1;
    for (int k = a + 1; k < n; ++k) {
      const int up = x.upos[at(k)];
      if (nominal_subject(k) && x.head[at(k)] == x.head[at(a)]) {
        b = k;
        break;
      }
      // A hyphen inside a name ("al - Sisi") separates nothing, nor does a
      // participle joined by one into a premodifier ("the Kurdish - led SDF").
      const bool hyphen = up == m.punct && x.xpos[at(k)] == m.hyph;
      const bool joined_participle = up == m.verb && k >= 1 && x.xpos[at(k - 1)] == m.hyph && x.head[at(k)] > k &&
                                     x.label[at(k)] == m.amod;
      if ((up == m.verb && !joined_participle) || up == m.aux_upos || (up == m.punct && !hyphen) || up == m.adp)
        break;
      if (up == m.cconj) conjunction = k;
    }
    if (b < 0 || conjunction < 0) continue;
    x.head[at(b)] = a;
    x.label[at(b)] = m.conj;
    x.head[at(conjunction)] = b;
    x.label[at(conjunction)] = m.cc;
    // "al-Sisi and Jordan 's King Abdullah": the parser made "Jordan" a
    // conjunct of the first name and its "'s" a case marker there; the
    // possessor belongs to the second subject.
    if (m.possessive < 0 || m.nmod_poss < 0 || m.case_label < 0) continue;
    for (int k = conjunction + 1; k + 1 < b; ++k) {
      const int h = x.head[at(k)];
      if (h >= conjunction && h <= b) continue;
      if (!IsNominal(m, x, k, /*pronoun=*/false) || x.xpos[at(k + 1)] != m.possessive) continue;
      x.head[at(k)] = b;
      x.label[at(k)] = m.nmod_poss;
      x.head[at(k + 1)] = k;
      x.label[at(k + 1)] = m.case_label;
    }
  }
}

// "from the United States, Saudi Arabia, Egypt and the United Arab
// Emirates": a phrase after a comma that starts a coordination of its own
// ("Saudi Arabia, Egypt and ...") and that the parser made an apposition of
// an earlier word continues the list of the noun just before the comma. It
// becomes that noun's conjunct, and so do its own conjuncts.
void JoinListContinuations(const ModelData& m, Analysis& x) {
  if (m.appos < 0 || m.conj < 0 || m.cc < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  auto nominal = [&](int i) { return x.upos[at(i)] == m.noun || x.upos[at(i)] == m.propn; };
  // Whether c is a conjunct of a, directly or through other conjuncts.
  auto conjunct_of = [&](int c, int a) {
    int k = c;
    while (k != a && k >= 0 && k < n && x.label[at(k)] == m.conj) k = x.head[at(k)];
    return k == a && c != a;
  };
  for (int a = 0; a < n; ++a) {
    if (x.label[at(a)] != m.appos || !nominal(a)) continue;
    int left = a;  // the apposition's first word
    for (int i = a - 1; i >= 0; --i) {
      int k = i;
      while (k >= 0 && k < n && k != a) k = x.head[at(k)];
      if (k != a) break;
      left = i;
    }
    // The comma before it, whether or not the parser put it inside.
    const int comma = x.forms[at(left)] == "," ? left : left - 1, before = comma - 1;
    if (before < 0 || x.forms[at(comma)] != "," || !nominal(before)) continue;
    // Set beside the name it describes ("K.C. Maurer, chief financial
    // officer and treasurer"): a true apposition.
    int name = before;
    for (int hop = 0; hop < n && (x.label[at(name)] == m.flat || x.label[at(name)] == m.compound) &&
                      x.head[at(name)] >= 0 && x.head[at(name)] < n;
         ++hop)
      name = x.head[at(name)];
    if (x.head[at(a)] == name) continue;
    // One of its conjuncts has a "cc": a coordination starts there.
    bool list = false;
    for (int d = 0; d < n && !list; ++d)
      list = x.label[at(d)] == m.cc && x.head[at(d)] > a && x.head[at(d)] < n && conjunct_of(x.head[at(d)], a);
    if (!list) continue;
    // Every conjunct of the list hangs on its first (UD): the apposition's
    // chain of conjuncts moves with it.
    for (int c = n - 1; c > a; --c)
      if (conjunct_of(c, a)) x.head[at(c)] = before;
    x.head[at(a)] = before;
    x.label[at(a)] = m.conj;
  }
}

// "U.S. special envoy Tom Perriello met ...": a common noun with modifiers of
// its own, set right before a name that is the subject, describes that name
// (nmod:desc, as EWT has it), but the parser sometimes hangs it on the verb
// as a bare oblique, and the subject loses its title. A bare oblique before
// the subject otherwise is a time ("Today"), which has no modifiers.
void AttachTitlesToNames(const ModelData& m, Analysis& x) {
  if (m.obl < 0 || m.nmod_desc < 0 || m.propn < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  for (int j = 0; j + 1 < n; ++j) {
    const int verb = x.head[at(j)];
    if (x.label[at(j)] != m.obl || x.upos[at(j)] != m.noun || verb <= j + 1 || verb >= n) continue;
    // The name right after it, up to its head word (flat and compound).
    int name = j + 1;
    if (x.upos[at(name)] != m.propn) continue;
    for (int hop = 0; hop < n && (x.label[at(name)] == m.flat || x.label[at(name)] == m.compound) &&
                      x.head[at(name)] > j && x.head[at(name)] < n;
         ++hop)
      name = x.head[at(name)];
    const int rel = x.label[at(name)];
    if (x.head[at(name)] != verb || (rel != m.nsubj && rel != m.nsubj_pass)) continue;
    bool modified = false, bare = true;
    for (int d = 0; d < n; ++d) {
      if (x.head[at(d)] != j) continue;
      if (d < j) modified = true;
      if (x.upos[at(d)] == m.adp) bare = false;
    }
    if (!modified || !bare) continue;
    x.head[at(j)] = name;
    x.label[at(j)] = m.nmod_desc;
  }
}

// "Saudi Arabia and Switzerland are co-hosting the talks, and Egypt, the
// United Arab Emirates, the African Union and the United Nations are
// attending": the parser read "the talks, and Egypt, the United Arab
// Emirates" as one object and the second clause as a relative clause of
// the first verb (which UD hangs on nominals only) with "the African Union"
// its subject. A verb labelled acl:relcl under a verb, with a subject of
// its own, where a comma and a coordinating conjunction after the first
// verb are followed by a noun that the parser made a conjunct outside the
// second clause, before its subject: the second clause is a conjunct of the
// first, its subject the coordination that the noun begins (the old
// subject joins it). Fires on none of the treebanks, where a relative
// clause hung on a verb (24 words of EWT train and dev, one of GUM news)
// belongs to a noun nearby ("brought the digital clock he made to school").
void CoordinateClauseAfterAComma(const ModelData& m, Analysis& x) {
  if (m.acl_relcl < 0 || m.conj < 0 || m.cc < 0 || m.nsubj < 0 || m.cconj < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  for (int v = 0; v < n; ++v) {
    const int h = x.head[at(v)];
    if (x.label[at(v)] != m.acl_relcl || h < 0 || h >= v || x.upos[at(h)] != m.verb) continue;
    int subject = -1;
    for (int c = h + 1; c < v && subject < 0; ++c)
      if (x.head[at(c)] == v && (x.label[at(c)] == m.nsubj || x.label[at(c)] == m.nsubj_pass)) subject = c;
    if (subject < 0) continue;
    for (int cc = h + 2; cc + 1 < subject; ++cc) {
      const int first = cc + 1;
      if (x.upos[at(cc)] != m.cconj || x.forms[at(cc - 1)] != "," || !IsNominal(m, x, first, false) ||
          x.label[at(first)] != m.conj || Dominates(x, v, first))
        continue;
      x.head[at(v)] = h;
      x.label[at(v)] = m.conj;
      x.head[at(cc)] = v;
      x.label[at(cc)] = m.cc;
      x.head[at(cc - 1)] = v;
      x.head[at(first)] = v;
      x.label[at(first)] = x.label[at(subject)];
      x.head[at(subject)] = first;
      x.label[at(subject)] = m.conj;
      return;
    }
  }
}

// UD hangs every conjunct of a coordination on the first one. The parser
// sometimes chains them ("States , Arabia , Egypt and the Emirates" with
// "Emirates" on "Egypt"): a conjunct whose head is itself a conjunct with no
// coordinating conjunction of its own (so not the start of a nested
// coordination) moves up to that conjunct's head.
void FlattenConjunctChains(const ModelData& m, Analysis& x) {
  if (m.conj < 0 || m.cc < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  // Only conjuncts move, so which words have a cc child stays as it is.
  std::vector<uint8_t>& has_cc = x.has_cc;
  has_cc.assign(at(n), 0);
  for (int d = 0; d < n; ++d)
    if (x.label[at(d)] == m.cc && x.head[at(d)] >= 0 && x.head[at(d)] < n) has_cc[at(x.head[at(d)])] = 1;
  for (int c = 0; c < n; ++c) {
    if (x.label[at(c)] != m.conj) continue;
    for (int hop = 0; hop < n; ++hop) {
      const int h = x.head[at(c)];
      if (h < 0 || h >= c || x.label[at(h)] != m.conj || has_cc[at(h)]) break;
      x.head[at(c)] = x.head[at(h)];
    }
  }
}

// "Azerbaijan and Armenia have agreed on a peace treaty, Azerbaijan's
// foreign ministry said": EWT and GUM hang such a reporting clause on the
// report as a parataxis (15 sentences of EWT train and GUM news) or root the
// sentence in it with the report its complement and the comma on the report
// (12). The parser sometimes makes the reporting verb the report's
// complement (ccomp, or xcomp, which takes no subject of its own), and the
// coder then takes the reporter for the party the report's verb acted on.
// A verb of saying so labelled under the root before it, whose subject
// starts right after a comma and that has no object or complement of its
// own, becomes the root and the old root its complement. (Under a verb
// below the root, as in "The wedding had to be postponed as ..., she said",
// EWT dev has it so itself.) Fires on no sentence of EWT train, dev or test
// or GUM news.
void RootTheReportingVerb(const ModelData& m, Analysis& x) {
  if (m.ccomp < 0 || m.nsubj < 0 || m.root < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  const int h = RootOf(x);
  for (int v = h + 2; h >= 0 && v < n; ++v) {
    const int l = x.label[at(v)];
    if (x.head[at(v)] != h || (l != m.ccomp && l != m.xcomp) || x.upos[at(v)] != m.verb) continue;
    int left = v;  // the first word of the reporting clause
    while (left > 0 && Dominates(x, v, left - 1)) --left;
    const int comma = x.forms[at(left)] == "," ? left : left - 1;
    if (comma <= h || x.forms[at(comma)] != ",") continue;
    const int subject = comma + 1;
    if (x.head[at(subject)] != v && !(subject < v && Dominates(x, v, subject))) continue;
    if (!HasChildLabelled(x, v, {m.nsubj}) || HasChildLabelled(x, v, {m.obj, m.iobj, m.ccomp, m.xcomp}))
      continue;
    if (!LemmaIn(m, x, v, kSaying)) continue;
    x.head[at(v)] = x.head[at(h)];
    x.label[at(v)] = m.root;
    x.head[at(h)] = v;
    x.label[at(h)] = m.ccomp;
    x.head[at(comma)] = h;
    for (int c = v + 1; c < n; ++c)  // the sentence's final stop
      if (x.head[at(c)] == h && x.upos[at(c)] == m.punct) x.head[at(c)] = v;
    return;
  }
}

// "Israeli and Hamas negotiators are expected to meet": an adjective
// coordinated with a name, both modifying the subject, at the start of a
// sentence. The parser rooted the sentence in "Israeli", with the verb its
// conjunct. A root adjective or name at the sentence's start with no
// clause of its own (no subject, copula or auxiliary), followed by a
// coordinating conjunction and then by words that each modify the subject
// of a verbal conjunct of it: the verb is the root, the adjective a
// modifier of that subject, and the word after the conjunction its
// conjunct, as UD coordinates modifiers. On the treebanks an adjective
// rooting such a coordination always has a copula or a subject ("The food
// was superb and they ..."): fires on none of them.
void AttachCoordinatedModifiers(const ModelData& m, Analysis& x) {
  if (m.conj < 0 || m.cc < 0 || m.amod < 0 || m.compound < 0) return;
  const int n = static_cast<int>(x.head.size());
  auto at = [](int i) { return static_cast<size_t>(i); };
  const int r = 0, conjunction = 1, second = 2;
  if (n < 5 || RootOf(x) != r || x.upos[at(conjunction)] != m.cconj) return;
  if (x.upos[at(r)] != m.adj && x.upos[at(r)] != m.propn) return;
  if (HasChildLabelled(x, r, {m.nsubj, m.nsubj_pass, m.cop, m.aux, m.aux_pass, m.obj, m.expl})) return;
  for (int v = second + 1; v < n; ++v) {
    if (x.head[at(v)] != r || x.label[at(v)] != m.conj || x.upos[at(v)] != m.verb) continue;
    int subject = -1;
    for (int c = second + 1; c < v && subject < 0; ++c)
      if (x.head[at(c)] == v && (x.label[at(c)] == m.nsubj || x.label[at(c)] == m.nsubj_pass)) subject = c;
    if (subject < 0 || !IsNominal(m, x, subject, false)) return;
    for (int w = second; w < subject; ++w) {
      const int l = x.label[at(w)];
      if (x.head[at(w)] != subject || (l != m.amod && l != m.compound && l != m.flat)) return;
    }
    x.head[at(v)] = x.head[at(r)];
    x.label[at(v)] = m.root;
    for (int c = 0; c < n; ++c)
      if (c != v && x.head[at(c)] == r) x.head[at(c)] = v;
    x.head[at(r)] = subject;
    x.label[at(r)] = x.upos[at(r)] == m.adj ? m.amod : m.compound;
    x.head[at(second)] = r;
    x.label[at(second)] = m.conj;
    x.head[at(conjunction)] = second;
    x.label[at(conjunction)] = m.cc;
    return;
  }
}

// A passive subject needs a passive verb. The parser sometimes labels the
// subject of a perfect ("Police have not arrested the protesters") or of a
// word that is no participle nsubj:pass, which would make the coder swap who
// did what to whom. A nsubj:pass whose head has no aux:pass child and either
// a perfect "have" or a tag other than VBN becomes nsubj. It never fires on
// the gold trees of EWT train. With the shipped model it changes 3 labels of
// EWT test ("the terrorist group Hamas has indicated ...", full-label LAS
// 83.27 → 83.29) and none of GUM news; with a model trained on EWT train
// alone it fires 15 times on EWT dev, test and GUM news, setting 4 labels
// right and 1 wrong (the others sit on words with a wrong head).
void ActivateSubjectsOfActiveVerbs(const ModelData& m, Analysis& x) {
  if (m.nsubj < 0 || m.nsubj_pass < 0) return;
  const size_t n = x.head.size();
  static const uint64_t kHave[] = {HashLower("have"), HashLower("has"), HashLower("had"), HashLower("having"),
                                   HashLower("'ve"), HashLower("ve")};
  auto is_have = [&](size_t i) {
    const uint64_t w = x.info[i + Tagger::kPad].lower;
    return std::find(std::begin(kHave), std::end(kHave), w) != std::end(kHave);
  };
  for (size_t d = 0; d < n; ++d) {
    if (x.label[d] != m.nsubj_pass) continue;
    const int h = x.head[d];
    if (h < 0 || static_cast<size_t>(h) >= n) continue;
    bool passive = false, perfect = false;
    for (size_t c = 0; c < n; ++c) {
      if (x.head[c] != h) continue;
      passive = passive || x.label[c] == m.aux_pass;
      perfect = perfect || (x.label[c] == m.aux && is_have(c));
    }
    if (!passive && (perfect || x.xpos[static_cast<size_t>(h)] != m.vbn)) x.label[d] = m.nsubj;
  }
}

}  // namespace

bool RetagMisreadParticiples(const ModelData& m, Analysis& x, int round) {
  if (round == 0) x.repaired.assign(x.head.size(), 0);
  MarkChildren(m, x, x.children);
  // First the verbs read inside compound nouns: with "tear" a noun, "Police
  // used tear gas" is a clause without a finite verb.
  const bool compound = RetagVerbsInNounCompounds(m, x, x.children);
  const bool finite = RetagFiniteParticiples(m, x, x.children);
  const bool reported = RetagReportedParticiples(m, x, x.children);
  const bool reported_subject = RetagParticiplesOfReportedSubjects(m, x, x.children);
  const bool verbless = RetagVerblessParticiples(m, x, x.children);
  const bool relative = RetagReducedRelatives(m, x, x.children);
  const bool plural = RetagPluralsReadAsVerbs(m, x, x.children);
  return finite || reported || reported_subject || verbless || compound || relative || plural;
}

void ActivateRetaggedVerbs(const ModelData& m, Analysis& x) {
  const size_t n = x.head.size();
  // A participle retagged by RetagReducedRelatives that the new parse did
  // not hang on its noun (right before it): unless the participle is the
  // root, the noun takes the participle's place and the participle becomes
  // the noun's clause.
  if (m.acl >= 0 && m.obl >= 0 && m.nmod >= 0)
    for (size_t v = 1; v < n; ++v) {
      const size_t s = v - 1;
      const int h = x.head[v];
      if (!x.repaired[v] || x.xpos[v] != m.vbn || h == static_cast<int>(s)) continue;
      if (h < 0 || static_cast<size_t>(h) >= n || Dominates(x, static_cast<int>(s), h)) continue;
      if (x.head[s] != static_cast<int>(v) && Dominates(x, static_cast<int>(v), static_cast<int>(s))) continue;
      if (x.head[s] == static_cast<int>(v)) {
        x.head[s] = h;
        x.label[s] = x.upos[static_cast<size_t>(h)] == m.verb ? m.obl : m.nmod;
      }
      x.head[v] = static_cast<int>(s);
      x.label[v] = m.acl;
    }
  for (size_t i = 0; i < n; ++i) {
    const int h = x.head[i];
    if (h >= 0 && static_cast<size_t>(h) < n && x.repaired[static_cast<size_t>(h)] &&
        x.xpos[static_cast<size_t>(h)] != m.vbn && x.label[i] == m.nsubj_pass)
      x.label[i] = m.nsubj;
  }
  MarkChildren(m, x, x.children);
}

void MendTree(const ModelData& m, Analysis& x) {
  AttachReportedObjects(m, x);
  AttachReportedSubjects(m, x);
  RootTheReportingVerb(m, x);
  AttachCoordinatedModifiers(m, x);
  JoinCoordinatedSubjects(m, x);
  JoinListContinuations(m, x);
  AttachTitlesToNames(m, x);
  RootTheClauseAfterAFrontedPhrase(m, x);
  RootTheVerbAfterARelativeClause(m, x);
  RootTheVerbAfterAWhClause(m, x);
  AttachControlledInfinitives(m, x);
  CoordinateClauseAfterAComma(m, x);
  FlattenConjunctChains(m, x);
  ActivateSubjectsOfActiveVerbs(m, x);
}

}  // namespace parley::parse

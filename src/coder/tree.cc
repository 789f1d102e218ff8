#include "coder/tree.h"

#include <algorithm>

namespace parley::coder {

Rel NormalizeRelation(std::string_view d, bool head_is_verbal) {
  // Subtypes first, then base labels; v1 names (dobj, nsubjpass, neg, ...) map
  // onto their v2 equivalents.
  if (d == "root") return Rel::kRoot;
  if (d == "nsubj:pass" || d == "nsubjpass") return Rel::kSubjPass;
  if (d == "csubj" || d == "csubj:pass" || d == "csubjpass") return Rel::kCsubj;
  if (d == "nmod:poss" || d == "poss") return Rel::kPoss;
  if (d == "nmod:tmod" || d == "obl:tmod" || d == "tmod" || d == "nmod:npmod" ||
      d == "obl:npmod")
    return Rel::kTmod;
  if (d == "obl:agent") return Rel::kAgent;
  if (d == "acl:relcl" || d == "relcl") return Rel::kRelcl;
  if (d == "compound:prt" || d == "prt") return Rel::kCompoundPrt;
  // A title before a name ("Prime Minister Netanyahu", "President Biden"):
  // EWT (UD 2.13 on) labels it nmod:desc; for the actor it is part of the
  // name, as a compound.
  if (d == "nmod:desc") return Rel::kCompound;
  if (d == "aux:pass" || d == "auxpass") return Rel::kAuxPass;
  std::string_view base = d.substr(0, d.find(':'));
  if (base == "nsubj") return Rel::kSubj;
  if (base == "obj" || base == "dobj") return Rel::kObj;
  if (base == "iobj") return Rel::kIobj;
  if (base == "obl") return Rel::kObl;
  if (base == "nmod") return head_is_verbal ? Rel::kObl : Rel::kNmod;
  if (base == "case") return Rel::kCase;
  if (base == "conj") return Rel::kConj;
  if (base == "cc") return Rel::kCc;
  if (base == "appos") return Rel::kAppos;
  if (base == "xcomp") return Rel::kXcomp;
  if (base == "ccomp") return Rel::kCcomp;
  if (base == "advcl") return Rel::kAdvcl;
  if (base == "acl") return Rel::kAcl;
  if (base == "aux") return Rel::kAux;
  if (base == "cop") return Rel::kCop;
  if (base == "mark") return Rel::kMark;
  if (base == "compound" || base == "name") return Rel::kCompound;
  if (base == "flat" || base == "fixed" || base == "goeswith" || base == "mwe") return Rel::kFlat;
  if (base == "amod") return Rel::kAmod;
  if (base == "det" || base == "predet") return Rel::kDet;
  if (base == "neg") return Rel::kNeg;
  if (base == "advmod") return Rel::kAdvmod;
  if (base == "parataxis") return Rel::kParataxis;
  if (base == "punct") return Rel::kPunct;
  if (base == "nummod") return Rel::kNummod;
  return Rel::kOther;
}

namespace {

bool TokenIsVerbal(const Token& t) {
  if (!t.xpos.empty()) return t.xpos[0] == 'V' || t.xpos == "MD";
  return t.upos == "VERB" || t.upos == "AUX";
}

}  // namespace

void SentenceTree::Build(std::span<const Token> tokens) {
  const int n = static_cast<int>(tokens.size());
  heads_.assign(n, -1);
  rels_.assign(n, Rel::kOther);
  verbal_.assign(n, false);
  child_begin_.assign(n + 2, 0);
  root_ = -1;
  for (int i = 0; i < n; ++i) {
    int h = tokens[i].head;
    heads_[i] = (h >= 1 && h <= n && h - 1 != i) ? h - 1 : -1;
    verbal_[i] = TokenIsVerbal(tokens[i]);
    if (heads_[i] < 0 && root_ < 0) root_ = i;
  }
  // A malformed tree (cycle) must not loop forever below: break cycles by
  // detaching the node where the walk revisits.
  for (int i = 0; i < n; ++i) {
    int steps = 0, j = i;
    while (j >= 0 && steps <= n) j = heads_[j], ++steps;
    if (steps > n) heads_[i] = -1;
  }
  for (int i = 0; i < n; ++i) {
    int h = heads_[i];
    bool head_verbal = h >= 0 && (verbal_[h] || tokens[h].upos == "ADJ");
    rels_[i] = h < 0 ? Rel::kRoot : NormalizeRelation(tokens[i].deprel, head_verbal);
  }
  // Children in CSR form, each list in token order.
  for (int i = 0; i < n; ++i)
    if (heads_[i] >= 0) ++child_begin_[heads_[i] + 1];
  for (int i = 0; i < n; ++i) child_begin_[i + 1] += child_begin_[i];
  child_list_.assign(child_begin_[n], 0);
  std::vector<int> fill(child_begin_.begin(), child_begin_.begin() + n);
  for (int i = 0; i < n; ++i)
    if (heads_[i] >= 0) child_list_[fill[heads_[i]]++] = i;
  // An apposition never takes a case marker: one with a preposition of its
  // own is a prepositional phrase the parser misread ("gangs in
  // Port-au-Prince", the joined name keeping the appos its last part had).
  for (int i = 0; i < n; ++i) {
    if (rels_[i] != Rel::kAppos) continue;
    const int c = ChildWith(i, Rel::kCase);
    if (c >= 0 && c < i) rels_[i] = heads_[i] >= 0 && verbal_[heads_[i]] ? Rel::kObl : Rel::kNmod;
  }
  // Subtree extents: propagate each token's position up its head chain.
  left_.resize(n);
  right_.resize(n);
  for (int i = 0; i < n; ++i) left_[i] = right_[i] = i;
  for (int i = 0; i < n; ++i) {
    for (int j = heads_[i]; j >= 0; j = heads_[j]) {
      left_[j] = std::min(left_[j], i);
      right_[j] = std::max(right_[j], i);
    }
  }
}

bool SentenceTree::Dominates(int ancestor, int node) const {
  for (int j = node; j >= 0; j = heads_[j])
    if (j == ancestor) return true;
  return false;
}

int SentenceTree::ChildWith(int i, Rel r) const {
  for (int c : children(i))
    if (rels_[c] == r) return c;
  return -1;
}

}  // namespace parley::coder

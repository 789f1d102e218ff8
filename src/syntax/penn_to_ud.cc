#include "syntax/penn_to_ud.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <utility>

#include "syntax/ptb_morph.h"

namespace parley::syntax {
namespace {

// Constituent categories (phrases) and PTB tags (preterminals) in one enum.
enum class C : uint8_t {
  // Phrases.
  kS, kSINV, kSQ, kSBAR, kSBARQ, kVP, kNP, kPP, kADJP, kADVP, kQP, kWHNP, kWHADVP, kWHPP, kWHADJP,
  kPRN, kPRT, kUCP, kFRAG, kCONJP, kNX, kNAC, kINTJ, kRRC, kLST, kX, kRoot, kOtherPhrase,
  // Tags.
  tNN, tNNS, tNNP, tNNPS, tVB, tVBD, tVBG, tVBN, tVBP, tVBZ, tMD, tJJ, tJJR, tJJS, tRB, tRBR, tRBS,
  tWRB, tIN, tDT, tPDT, tWDT, tPRP, tPRPS, tWP, tWPS, tCD, tCC, tTO, tPOS, tRP, tEX, tUH, tFW, tSYM,
  tLS, tDollar, tHash, tPunct, tOtherTag,
};

using CatName = std::pair<std::string_view, C>;

constexpr std::array kPhrases = std::to_array<CatName>({
    {"S", C::kS},       {"SINV", C::kSINV},     {"SQ", C::kSQ},       {"SBAR", C::kSBAR},
    {"SBARQ", C::kSBARQ}, {"VP", C::kVP},       {"NP", C::kNP},       {"PP", C::kPP},
    {"ADJP", C::kADJP}, {"ADVP", C::kADVP},     {"QP", C::kQP},       {"WHNP", C::kWHNP},
    {"WHADVP", C::kWHADVP}, {"WHPP", C::kWHPP}, {"WHADJP", C::kWHADJP}, {"PRN", C::kPRN},
    {"PRT", C::kPRT},   {"UCP", C::kUCP},       {"FRAG", C::kFRAG},   {"CONJP", C::kCONJP},
    {"NX", C::kNX},     {"NAC", C::kNAC},       {"INTJ", C::kINTJ},   {"RRC", C::kRRC},
    {"LST", C::kLST},   {"X", C::kX},           {"ROOT", C::kRoot},   {"TOP", C::kRoot},
    {"", C::kRoot},
});

constexpr std::array kTags = std::to_array<CatName>({
    {"NN", C::tNN},   {"NNS", C::tNNS}, {"NNP", C::tNNP}, {"NNPS", C::tNNPS}, {"VB", C::tVB},
    {"VBD", C::tVBD}, {"VBG", C::tVBG}, {"VBN", C::tVBN}, {"VBP", C::tVBP},   {"VBZ", C::tVBZ},
    {"MD", C::tMD},   {"JJ", C::tJJ},   {"JJR", C::tJJR}, {"JJS", C::tJJS},   {"RB", C::tRB},
    {"RBR", C::tRBR}, {"RBS", C::tRBS}, {"WRB", C::tWRB}, {"IN", C::tIN},     {"DT", C::tDT},
    {"PDT", C::tPDT}, {"WDT", C::tWDT}, {"PRP", C::tPRP}, {"PRP$", C::tPRPS}, {"WP", C::tWP},
    {"WP$", C::tWPS}, {"CD", C::tCD},   {"CC", C::tCC},   {"TO", C::tTO},     {"POS", C::tPOS},
    {"RP", C::tRP},   {"EX", C::tEX},   {"UH", C::tUH},   {"FW", C::tFW},     {"SYM", C::tSYM},
    {"LS", C::tLS},   {"$", C::tDollar}, {"#", C::tHash}, {",", C::tPunct},   {".", C::tPunct},
    {":", C::tPunct}, {"``", C::tPunct}, {"''", C::tPunct}, {"-LRB-", C::tPunct}, {"-RRB-", C::tPunct},
    {"-LCB-", C::tPunct}, {"-RCB-", C::tPunct}, {"-LSB-", C::tPunct}, {"-RSB-", C::tPunct},
    {"HYPH", C::tPunct}, {"NFP", C::tPunct},
});

C Classify(std::string_view name, bool preterminal) {
  if (preterminal) {
    for (const CatName& c : kTags)
      if (c.first == name) return c.second;
    return C::tOtherTag;
  }
  for (const CatName& c : kPhrases)
    if (c.first == name) return c.second;
  return C::kOtherPhrase;
}

bool IsTag(C c) { return c >= C::tNN; }
bool IsPunct(C c) { return c == C::tPunct; }
bool IsVerbTag(C c) { return c >= C::tVB && c <= C::tVBZ; }
bool IsNounTag(C c) { return c >= C::tNN && c <= C::tNNPS; }
bool IsAdjTag(C c) { return c == C::tJJ || c == C::tJJR || c == C::tJJS; }
bool IsAdvTag(C c) { return c == C::tRB || c == C::tRBR || c == C::tRBS || c == C::tWRB; }
bool IsClause(C c) { return c == C::kS || c == C::kSINV || c == C::kSQ || c == C::kSBARQ; }
bool IsClausal(C c) { return IsClause(c) || c == C::kSBAR || c == C::kVP; }
bool IsNominalPhrase(C c) { return c == C::kNP || c == C::kWHNP || c == C::kNX || c == C::kNAC; }
// Words that can head a noun phrase (besides nouns): pronouns and foreign words.
bool IsNominalTag(C c) { return IsNounTag(c) || c == C::tPRP || c == C::tWP || c == C::tFW; }
// Preterminals that act as prepositions inside a PP.
bool IsPrepTag(C c) {
  return c == C::tIN || c == C::tTO || c == C::tRP || c == C::tVBG || c == C::tVBN || c == C::tJJ;
}

// How a phrase's dependents are labelled.
enum class Family : uint8_t { kClause, kVerbal, kNominal, kAdposition, kAdjectival, kAdverbial, kQuant, kOther };

Family FamilyOf(C c) {
  switch (c) {
    case C::kS: case C::kSINV: case C::kSQ: case C::kSBAR: case C::kSBARQ: case C::kRoot: case C::kRRC:
    case C::kFRAG:
      return Family::kClause;
    case C::kVP:
      return Family::kVerbal;
    case C::kNP: case C::kWHNP: case C::kNX: case C::kNAC:
      return Family::kNominal;
    case C::kPP: case C::kWHPP:
      return Family::kAdposition;
    case C::kADJP: case C::kWHADJP:
      return Family::kAdjectival;
    case C::kADVP: case C::kWHADVP:
      return Family::kAdverbial;
    case C::kQP:
      return Family::kQuant;
    default:
      return Family::kOther;
  }
}

constexpr int32_t kNone = -1;

class Converter {
 public:
  explicit Converter(const PennTree& tree) : t_(tree) {}

  std::vector<Token> Run();

 private:
  using Kids = std::span<const int32_t>;

  // --- Tree and token queries ---------------------------------------------
  C Cat(int32_t node) const { return cat_[static_cast<size_t>(node)]; }
  int32_t HeadTok(int32_t node) const { return head_tok_[static_cast<size_t>(node)]; }
  int32_t HeadKid(int32_t node) const { return head_kid_[static_cast<size_t>(node)]; }
  C TokCat(int32_t tok) const { return Cat(t_.LeafNode(tok)); }
  std::string_view TokWord(int32_t tok) const { return t_.Word(t_.LeafNode(tok)); }
  C HeadCat(int32_t node) const { return TokCat(HeadTok(node)); }
  std::string_view HeadWord(int32_t node) const { return TokWord(HeadTok(node)); }
  bool IsPhrase(int32_t node) const { return !t_.IsPreterminal(node); }

  bool IsTemporal(int32_t node) const;
  bool HasPossessive(int32_t np) const;
  bool HasSubject(int32_t clause) const;
  bool ExplContext(int32_t vp) const;
  C DirectVerbTag(int32_t vp) const;
  bool HasClausalComplement(int32_t vp) const;
  int32_t FirstNonPunctKid(int32_t node) const;
  bool IsPreconjunction(int32_t node) const {
    if (HeadCat(node) != C::tDT && HeadCat(node) != C::tCC) return false;
    std::string_view w = HeadWord(node);
    return EqualsIgnoreCase(w, "both") || EqualsIgnoreCase(w, "either") || EqualsIgnoreCase(w, "neither");
  }

  // --- Conversion ----------------------------------------------------------
  void ProcessPhrase(int32_t node);
  int32_t ProcessRange(int32_t parent, C cat, Kids kids, bool whole);
  bool TryCoordination(int32_t parent, C cat, Kids kids, bool whole, int32_t* head);
  bool TryModifierCoordination(int32_t parent, C cat, Kids kids, size_t lo, size_t hi, size_t preconj,
                               std::span<const std::pair<size_t, size_t>> segs, int32_t* head);
  bool TryReporting(int32_t parent, C cat, Kids kids, int32_t* head);
  size_t FindHead(int32_t parent, C cat, Kids kids) const;
  std::string_view Label(int32_t parent, C cat, Kids kids, size_t hi, size_t j) const;
  std::string_view VerbLabel(C cat, Kids kids, size_t hi, size_t j) const;
  std::string_view NounPhraseLabel(int32_t parent, C cat, Kids kids, size_t hi, size_t j) const;
  std::string_view SbarLabel(Family f, Kids kids, size_t hi, size_t j) const;
  // Makes the head word of `dep_node` depend on the head word of `head_node`.
  void Attach(int32_t dep_node, int32_t head_node, std::string_view rel) {
    AttachToken(HeadTok(dep_node), HeadTok(head_node), rel);
  }
  void AttachToken(int32_t dep_tok, int32_t head_tok, std::string_view rel) {
    head_[static_cast<size_t>(dep_tok)] = head_tok;
    rel_[static_cast<size_t>(dep_tok)] = rel;
  }

  const PennTree& t_;
  std::vector<C> cat_;
  std::vector<uint8_t> tmp_;        // -TMP function tag
  std::vector<int32_t> head_tok_;   // lexical head (0-based token) per node
  std::vector<int32_t> head_kid_;   // head child per phrase node
  std::vector<uint8_t> coord_;      // phrase is a coordination
  std::vector<int32_t> head_;       // per token: 0-based head, -1 for the root
  std::vector<std::string_view> rel_;
  std::vector<int32_t> kids_;       // scratch: children of the phrase being processed
  std::vector<std::string_view> labels_;  // scratch: labels of those children
};

bool Converter::IsTemporal(int32_t node) const {
  if (tmp_[static_cast<size_t>(node)]) return true;
  C c = Cat(node);
  if (c != C::kNP && !IsNounTag(c)) return false;
  return IsNounTag(HeadCat(node)) && IsTemporalNoun(HeadWord(node));
}

bool Converter::HasPossessive(int32_t np) const {
  if (!IsPhrase(np)) return false;
  for (int32_t k = t_.node(np).first_child; k >= 0; k = t_.node(k).next_sibling)
    if (Cat(k) == C::tPOS) return true;
  return false;
}

bool Converter::HasSubject(int32_t clause) const {
  C c = Cat(clause);
  if (c == C::kSINV || c == C::kSQ) return true;
  if (c == C::kSBAR || c == C::kSBARQ) {
    for (int32_t k = t_.node(clause).first_child; k >= 0; k = t_.node(k).next_sibling)
      if (IsClause(Cat(k))) return HasSubject(k);  // depth is bounded by the SBAR/S alternation
    return false;
  }
  if (c != C::kS) return false;
  if (coord_[static_cast<size_t>(clause)]) return HasSubject(HeadKid(clause));
  for (int32_t k = t_.node(clause).first_child; k >= 0; k = t_.node(k).next_sibling) {
    C kc = Cat(k);
    if (kc == C::kVP) return false;
    if (IsNominalPhrase(kc) && !IsTemporal(k)) return true;
    if (IsClause(kc) && coord_[static_cast<size_t>(k)]) return false;
  }
  return false;
}

// "There is a problem": the VP's subject is expletive "there".
bool Converter::ExplContext(int32_t vp) const {
  int32_t node = vp;
  while (node >= 0 && Cat(node) == C::kVP) node = t_.node(node).parent;
  if (node < 0 || !IsClause(Cat(node))) return false;
  for (int32_t k = t_.node(node).first_child; k >= 0; k = t_.node(k).next_sibling) {
    if (Cat(k) == C::kVP) break;
    if (Cat(k) == C::tEX) return true;
    if (Cat(k) == C::kNP && Cat(t_.node(k).first_child) == C::tEX) return true;
  }
  return false;
}

// The tag of the verb that heads `vp` directly (through coordination), or kVP
// when the head is itself an auxiliary chain.
C Converter::DirectVerbTag(int32_t vp) const {
  int32_t node = vp;
  for (int guard = 0; guard < PennTree::kMaxDepth && coord_[static_cast<size_t>(node)] &&
                      Cat(HeadKid(node)) == C::kVP; ++guard) {
    node = HeadKid(node);
  }
  int32_t hk = HeadKid(node);
  return hk < 0 ? Cat(node) : Cat(hk);
}

bool Converter::HasClausalComplement(int32_t vp) const {
  int32_t node = vp;
  while (node >= 0 && Cat(node) == C::kVP) {
    for (int32_t k = t_.node(node).first_child; k >= 0; k = t_.node(k).next_sibling) {
      C kc = Cat(k);
      if (IsClause(kc) || kc == C::kSBAR) return true;
    }
    node = HeadKid(node);
  }
  return false;
}

int32_t Converter::FirstNonPunctKid(int32_t node) const {
  for (int32_t k = t_.node(node).first_child; k >= 0; k = t_.node(k).next_sibling)
    if (!IsPunct(Cat(k))) return k;
  return kNone;
}

std::vector<Token> Converter::Run() {
  const int32_t n = t_.size();
  const size_t words = static_cast<size_t>(t_.leaf_count());
  cat_.resize(static_cast<size_t>(n));
  tmp_.assign(static_cast<size_t>(n), 0);
  head_tok_.assign(static_cast<size_t>(n), kNone);
  head_kid_.assign(static_cast<size_t>(n), kNone);
  coord_.assign(static_cast<size_t>(n), 0);
  head_.assign(words, kNone);
  rel_.assign(words, "dep");
  for (int32_t i = 0; i < n; ++i) {
    std::string_view label = t_.Label(i);
    std::string_view cat = PennCategory(label);
    cat_[static_cast<size_t>(i)] = Classify(cat, t_.IsPreterminal(i));
    if (label.size() > cat.size() && label.substr(cat.size()).find("TMP") != std::string_view::npos) {
      tmp_[static_cast<size_t>(i)] = 1;
    }
  }
  // Children have larger indices than parents: a reverse sweep is a post-order.
  for (int32_t i = n - 1; i >= 0; --i) {
    if (t_.IsPreterminal(i)) {
      head_tok_[static_cast<size_t>(i)] = t_.node(i).leaf;
    } else {
      ProcessPhrase(i);
    }
  }
  const int32_t root_tok = HeadTok(t_.root());
  head_[static_cast<size_t>(root_tok)] = kNone;
  rel_[static_cast<size_t>(root_tok)] = "root";

  // Passives: a head with aux:pass turns its subjects into nsubj:pass / csubj:pass.
  std::vector<uint8_t> passive(words, 0);
  for (size_t i = 0; i < words; ++i)
    if (rel_[i] == "aux:pass" && head_[i] >= 0) passive[static_cast<size_t>(head_[i])] = 1;
  for (size_t i = 0; i < words; ++i) {
    if (head_[i] < 0 || !passive[static_cast<size_t>(head_[i])]) continue;
    if (rel_[i] == "nsubj") rel_[i] = "nsubj:pass";
    if (rel_[i] == "csubj") rel_[i] = "csubj:pass";
  }

  std::vector<Token> tokens(words);
  for (size_t i = 0; i < words; ++i) {
    const int32_t leaf = t_.LeafNode(static_cast<int32_t>(i));
    const std::string_view tag = t_.Label(leaf);
    Token& tok = tokens[i];
    tok.form = UnescapePtbWord(t_.Word(leaf));
    tok.xpos = std::string(tag);
    tok.deprel = std::string(rel_[i]);
    tok.head = head_[i] + 1;
    tok.upos = std::string(UposInContext(tag, tok.form, rel_[i]));
    tok.feats = FeatsFor(tag, tok.form, passive[i] != 0);
    tok.lemma = LemmaFor(tag, tok.form);
  }
  return tokens;
}

void Converter::ProcessPhrase(int32_t node) {
  kids_.clear();
  for (int32_t k = t_.node(node).first_child; k >= 0; k = t_.node(k).next_sibling) kids_.push_back(k);
  int32_t head = ProcessRange(node, Cat(node), kids_, /*whole=*/true);
  head_kid_[static_cast<size_t>(node)] = head;
  head_tok_[static_cast<size_t>(node)] = HeadTok(head);
}

// Attaches every child in `kids` except the head child, which it returns.
// `whole` is false for sub-ranges (conjuncts, reporting clauses).
int32_t Converter::ProcessRange(int32_t parent, C cat, Kids kids, bool whole) {
  if (kids.size() == 1) return kids[0];
  int32_t head = kNone;
  if (TryCoordination(parent, cat, kids, whole, &head)) return head;
  if ((cat == C::kS || cat == C::kSINV) && TryReporting(parent, cat, kids, &head)) return head;

  const size_t hi = FindHead(parent, cat, kids);
  labels_.assign(kids.size(), {});
  for (size_t j = 0; j < kids.size(); ++j)
    if (j != hi) labels_[j] = Label(parent, cat, kids, hi, j);
  for (size_t j = 0; j < kids.size(); ++j) {
    if (j == hi) continue;
    int32_t target = kids[hi];
    // Commas around an apposition belong to it.
    if (labels_[j] == "punct" && FamilyOf(cat) == Family::kNominal && j > hi) {
      if (j + 1 < kids.size() && labels_[j + 1] == "appos") {
        target = kids[j + 1];
      } else if (labels_[j - 1] == "appos" && (j + 1 == kids.size() || labels_[j + 1] == "punct")) {
        target = kids[j - 1];
      }
    }
    // "almost five years": an adverb before a number modifies the number.
    if (labels_[j] == "advmod" && FamilyOf(cat) == Family::kNominal && j + 1 < hi &&
        (Cat(kids[j + 1]) == C::tCD || Cat(kids[j + 1]) == C::kQP)) {
      target = kids[j + 1];
    }
    Attach(kids[j], target, labels_[j]);
  }
  return kids[hi];
}

bool Converter::TryCoordination(int32_t parent, C cat, Kids kids, bool whole, int32_t* head) {
  size_t lo = 0;
  size_t hi = kids.size();  // one past the last
  while (lo < hi && IsPunct(Cat(kids[lo]))) ++lo;
  while (hi > lo && IsPunct(Cat(kids[hi - 1]))) --hi;
  if (hi - lo < 3) return false;
  size_t preconj = kids.size();
  {
    C c = Cat(kids[lo]);
    std::string_view w = IsTag(c) ? t_.Word(kids[lo]) : std::string_view();
    if (c == C::tCC || (c == C::tDT && (EqualsIgnoreCase(w, "both") || EqualsIgnoreCase(w, "either") ||
                                        EqualsIgnoreCase(w, "neither")))) {
      preconj = lo++;
    }
  }
  auto is_conj = [&](size_t j) { return Cat(kids[j]) == C::tCC || Cat(kids[j]) == C::kCONJP; };
  auto is_separator = [&](size_t j) {
    if (is_conj(j)) return true;
    if (!IsPunct(Cat(kids[j]))) return false;
    std::string_view w = t_.Word(kids[j]);
    return w == "," || w == ";" || w == ":" || w == "--";
  };
  bool has_conj = false;
  for (size_t j = lo + 1; j + 1 < hi; ++j) has_conj |= is_conj(j);
  if (!has_conj) return false;
  // Segments: maximal runs of non-separators.
  std::array<std::pair<size_t, size_t>, 64> segs;
  size_t nsegs = 0;
  size_t j = lo;
  while (j < hi) {
    if (is_separator(j)) {
      ++j;
      continue;
    }
    size_t b = j;
    while (j < hi && !is_separator(j)) ++j;
    if (nsegs == segs.size()) return false;
    segs[nsegs++] = {b, j};
  }
  if (nsegs < 2) return false;

  if (FamilyOf(cat) == Family::kNominal && TryModifierCoordination(parent, cat, kids, lo, hi, preconj,
                                                                     std::span(segs.data(), nsegs), head)) {
    return true;
  }
  std::array<int32_t, 64> seg_head;
  for (size_t s = 0; s < nsegs; ++s) {
    seg_head[s] = ProcessRange(parent, cat, kids.subspan(segs[s].first, segs[s].second - segs[s].first), false);
  }
  const int32_t first = seg_head[0];
  for (size_t s = 1; s < nsegs; ++s) Attach(seg_head[s], first, "conj");
  // Separators attach to the following conjunct; outer punctuation to the head.
  size_t s = 0;
  for (size_t k = 0; k < kids.size(); ++k) {
    while (s < nsegs && segs[s].second <= k) ++s;
    if (s < nsegs && k >= segs[s].first) continue;  // inside a conjunct
    if (k == preconj) {
      Attach(kids[k], first, "cc:preconj");
    } else if (k < lo || k >= hi || s >= nsegs) {
      Attach(kids[k], first, IsPunct(Cat(kids[k])) ? "punct" : "cc");
    } else {
      Attach(kids[k], seg_head[s], IsPunct(Cat(kids[k])) ? "punct" : "cc");
    }
  }
  if (whole) coord_[static_cast<size_t>(parent)] = 1;
  *head = first;
  return true;
}

// "the death and injury toll": in a flat NP whose last conjunct goes on past
// its first noun, the coordinated words are premodifiers of the final noun.
bool Converter::TryModifierCoordination(int32_t parent, C cat, Kids kids, size_t lo, size_t hi, size_t preconj,
                                        std::span<const std::pair<size_t, size_t>> segs, int32_t* head) {
  for (size_t j = lo; j < hi; ++j) {
    C c = Cat(kids[j]);
    if (!IsTag(c) && c != C::kADJP && c != C::kQP && !HasPossessive(kids[j])) return false;
  }
  const std::pair<size_t, size_t> last = segs.back();
  if (last.second - last.first < 2) return false;
  for (size_t j = last.first; j < last.second; ++j)
    if (!IsNounTag(Cat(kids[j]))) return false;
  for (size_t s = 0; s + 1 < segs.size(); ++s) {
    C c = Cat(kids[segs[s].second - 1]);
    if (!IsNounTag(c) && !IsAdjTag(c)) return false;
  }
  const size_t hidx = last.second - 1;
  std::array<size_t, 64> conjunct;
  for (size_t s = 0; s + 1 < segs.size(); ++s) conjunct[s] = segs[s].second - 1;
  conjunct[segs.size() - 1] = last.first;
  const size_t first = conjunct[0];
  size_t s = 0;
  for (size_t k = 0; k < kids.size(); ++k) {
    if (k == hidx) continue;
    while (s < segs.size() && segs[s].second <= k) ++s;
    const bool inside = s < segs.size() && k >= segs[s].first;
    if (k == preconj) {
      Attach(kids[k], kids[first], "cc:preconj");
    } else if (k == first || (inside && k != conjunct[s])) {
      Attach(kids[k], kids[hidx], Label(parent, cat, kids, hidx, k));
    } else if (inside) {
      Attach(kids[k], kids[first], "conj");
    } else if (k < lo || k >= hi || s >= segs.size()) {
      Attach(kids[k], kids[hidx], IsPunct(Cat(kids[k])) ? "punct" : "cc");
    } else {
      Attach(kids[k], kids[conjunct[s]], IsPunct(Cat(kids[k])) ? "punct" : "cc");
    }
  }
  *head = kids[hidx];
  return true;
}

// "Arnor is about to restore ties, a senior official said." — the quoted
// clause heads the sentence and the reporting clause is its parataxis.
bool Converter::TryReporting(int32_t parent, C cat, Kids kids, int32_t* head) {
  size_t q = 0;
  while (q < kids.size() && IsPunct(Cat(kids[q]))) ++q;
  if (q >= kids.size()) return false;
  const int32_t quoted = kids[q];
  C qc = Cat(quoted);
  if (!IsClause(qc) || !(qc == C::kSINV || coord_[static_cast<size_t>(quoted)] || HasSubject(quoted))) return false;
  size_t g0 = q + 1;
  while (g0 < kids.size() && IsPunct(Cat(kids[g0]))) ++g0;
  if (g0 == q + 1 || g0 >= kids.size()) return false;
  size_t g1 = kids.size();
  while (g1 > g0 && IsPunct(Cat(kids[g1 - 1]))) --g1;
  int vps = 0;
  for (size_t j = g0; j < g1; ++j) {
    C c = Cat(kids[j]);
    if (c == C::kVP) {
      ++vps;
      if (HasClausalComplement(kids[j]) || !IsVerbTag(HeadCat(kids[j]))) return false;
    } else if (c != C::kNP && c != C::kADVP && c != C::kPP && !IsAdvTag(c)) {
      return false;
    }
  }
  if (vps != 1) return false;
  const int32_t reporting = ProcessRange(parent, cat, kids.subspan(g0, g1 - g0), false);
  Attach(reporting, quoted, "parataxis");
  for (size_t j = 0; j < kids.size(); ++j) {
    if (j == q || (j >= g0 && j < g1)) continue;
    Attach(kids[j], quoted, IsPunct(Cat(kids[j])) ? "punct" : "dep");
  }
  *head = quoted;
  return true;
}

size_t Converter::FindHead(int32_t parent, C cat, Kids kids) const {
  const size_t n = kids.size();
  auto first = [&](auto pred) -> size_t {
    for (size_t j = 0; j < n; ++j)
      if (pred(Cat(kids[j]))) return j;
    return n;
  };
  auto last = [&](auto pred) -> size_t {
    for (size_t j = n; j-- > 0;)
      if (pred(Cat(kids[j]))) return j;
    return n;
  };
  auto first_of = [&](std::initializer_list<C> cats) {
    return first([&](C c) { return std::find(cats.begin(), cats.end(), c) != cats.end(); });
  };
  auto last_of = [&](std::initializer_list<C> cats) {
    return last([&](C c) { return std::find(cats.begin(), cats.end(), c) != cats.end(); });
  };
  const size_t non_punct = first([](C c) { return !IsPunct(c); });
  const size_t fallback = non_punct < n ? non_punct : 0;
  auto pick = [&](std::initializer_list<size_t> candidates) {
    for (size_t c : candidates)
      if (c < n) return c;
    return fallback;
  };

  switch (cat) {
    case C::kVP: {
      // Auxiliary chain: "has (VP been (VP opposed))", "to (VP restore)".
      bool aux_seen = false;
      bool do_seen = false;
      for (size_t j = 0; j < n; ++j) {
        C c = Cat(kids[j]);
        if (c == C::kVP && aux_seen) return j;
        // "did (S (VP allow ...))": do-support misparsed as a clause.
        if (c == C::kS && do_seen && !HasSubject(kids[j]) && HeadCat(kids[j]) == C::tVB) return j;
        if (IsVerbTag(c) && (EqualsIgnoreCase(t_.Word(kids[j]), "do") || EqualsIgnoreCase(t_.Word(kids[j]), "does") ||
                             EqualsIgnoreCase(t_.Word(kids[j]), "did"))) {
          do_seen = true;
        }
        if (c == C::tMD || c == C::tTO || (IsVerbTag(c) && IsAuxiliaryForm(t_.Word(kids[j])))) aux_seen = true;
      }
      // Copula: "is (NP a member)", "was (ADJP able)", "is (PP in Minas Tirith)".
      const size_t verb = first(IsVerbTag);
      if (verb < n && IsBeForm(t_.Word(kids[verb])) && !ExplContext(parent)) {
        for (size_t j = verb + 1; j < n; ++j) {
          C c = Cat(kids[j]);
          if (c == C::kNP || c == C::kADJP || c == C::kPP || c == C::kUCP || c == C::kQP || IsAdjTag(c)) return j;
          if (c == C::kS || c == C::kSBAR || c == C::kVP) break;
        }
        size_t adv = n;
        int others = 0;
        for (size_t j = verb + 1; j < n; ++j) {
          C c = Cat(kids[j]);
          if (IsPunct(c)) continue;
          if (c == C::kADVP && adv == n) {
            adv = j;
          } else {
            ++others;
          }
        }
        if (adv < n && others == 0) return adv;
      }
      return pick({first([](C c) { return IsVerbTag(c) || c == C::tMD; }), first_of({C::kVP}),
                   first_of({C::tTO}), first_of({C::kADJP, C::tJJ, C::tJJR, C::tJJS}),
                   first([](C c) { return IsNounTag(c) || c == C::kNP; }), first_of({C::tIN, C::kPP})});
    }
    case C::kNP: case C::kNX: case C::kNAC: case C::kWHNP: {
      size_t lastw = last([](C c) { return !IsPunct(c); });
      if (lastw < n && IsPhrase(kids[lastw]) && Cat(kids[lastw]) != C::kNX && Cat(kids[lastw]) != C::kQP &&
          Cat(kids[lastw]) != C::kADJP) {
        // Skip "(NP (DT Neither))" before "(NP Galadriel nor Gollum)".
        size_t np = n;
        for (size_t j = 0; j < n && np == n; ++j)
          if (IsNominalPhrase(Cat(kids[j])) && !IsPreconjunction(kids[j])) np = j;
        if (np == n) np = first([](C c) { return IsNominalPhrase(c); });
        if (np < n) return np;
      }
      return pick({last([](C c) { return IsNominalTag(c) || c == C::kNX; }),
                   first_of({C::tDollar, C::tHash}), last_of({C::tCD, C::kQP}),
                   last([](C c) { return IsAdjTag(c) || c == C::kADJP || c == C::tVBG || c == C::tVBN; }),
                   last([](C c) { return IsNominalPhrase(c); }),
                   last([](C c) { return !IsPunct(c) && c != C::tPOS; })});
    }
    case C::kPP: case C::kWHPP: {
      size_t prep = first(IsPrepTag);
      if (prep < n) {
        for (size_t j = prep + 1; j < n; ++j) {
          C c = Cat(kids[j]);
          if (!IsPunct(c) && c != C::tIN && c != C::tTO && !IsAdvTag(c) && c != C::kADVP && c != C::tCC) return j;
        }
        for (size_t j = prep + 1; j < n; ++j)
          if (Cat(kids[j]) == C::kADVP || IsAdvTag(Cat(kids[j]))) return j;
        return prep;
      }
      return pick({first([&](C c) { return !IsTag(c) && !IsPunct(c); })});
    }
    case C::kADJP: case C::kWHADJP:
      return pick({first([](C c) { return IsAdjTag(c) || c == C::tVBN || c == C::tVBG || c == C::kADJP; }),
                   last([](C c) { return IsNounTag(c) || c == C::tCD || c == C::kQP || c == C::tDollar; }),
                   last([](C c) { return IsAdvTag(c) || c == C::kADVP; })});
    case C::kADVP: case C::kWHADVP:
      return pick({last(IsAdvTag), first_of({C::kADVP}), first(IsAdjTag), first_of({C::tIN, C::kNP})});
    case C::kQP:
      return pick({first_of({C::tDollar, C::tHash}), last_of({C::tCD}), last(IsNounTag)});
    case C::kS: case C::kRRC:
      return pick({first_of({C::kVP}), first(IsClause), first_of({C::kSBAR, C::kADJP, C::kPP, C::kFRAG}),
                   last_of({C::kNP})});
    case C::kSINV: case C::kSQ:
      return pick({first_of({C::kVP}), first([](C c) { return IsVerbTag(c) || c == C::tMD; }), first(IsClause),
                   first_of({C::kADJP, C::kNP})});
    case C::kSBAR:
      return pick({first([](C c) { return IsClause(c) || c == C::kSBAR || c == C::kFRAG; }), first_of({C::kVP}),
                   first([](C c) {
                     return !IsPunct(c) && c != C::tIN && c != C::tDT && c != C::kWHNP && c != C::kWHADVP &&
                            c != C::kWHPP && c != C::kWHADJP && !IsAdvTag(c);
                   })});
    case C::kSBARQ:
      return pick({first([](C c) { return IsClause(c) || c == C::kFRAG; })});
    case C::kPRT:
      return pick({first_of({C::tRP})});
    case C::kINTJ:
      return pick({first_of({C::tUH})});
    case C::kRoot: case C::kFRAG: case C::kX:
      return pick({first([](C c) { return IsClause(c) || c == C::kVP; }),
                   first([](C c) { return !IsTag(c) && !IsPunct(c); })});
    default:
      return fallback;
  }
}

// Label for an auxiliary or copular verb before the head of a VP/clause.
std::string_view Converter::VerbLabel(C /*cat*/, Kids kids, size_t hi, size_t j) const {
  const std::string_view word = t_.Word(kids[j]);
  const int32_t head = kids[hi];
  const bool aux_word = IsAuxiliaryForm(word) || Cat(kids[j]) == C::tMD;
  if (j > hi) return "dep";
  if (Cat(head) == C::kVP) {
    C lex = HeadCat(head);
    if (!IsVerbTag(lex) && lex != C::tMD) return IsBeForm(word) ? "cop" : (aux_word ? "aux" : "dep");
    if ((IsBeForm(word) || IsGetForm(word)) && DirectVerbTag(head) == C::tVBN) return "aux:pass";
    return aux_word ? "aux" : "dep";
  }
  if (!IsVerbTag(Cat(head)) && Cat(head) != C::tMD) return IsBeForm(word) ? "cop" : (aux_word ? "aux" : "dep");
  return aux_word ? "aux" : "dep";
}

std::string_view Converter::SbarLabel(Family f, Kids kids, size_t hi, size_t j) const {
  const int32_t d = kids[j];
  const int32_t comp = FirstNonPunctKid(d);
  C cc = comp >= 0 ? Cat(comp) : C::kOtherPhrase;
  std::string_view cw = (comp >= 0 && IsTag(cc)) ? t_.Word(comp) : std::string_view();
  const bool wh = cc == C::kWHNP || cc == C::kWHADVP || cc == C::kWHPP || cc == C::kWHADJP;
  const bool that_like = EqualsIgnoreCase(cw, "that") || EqualsIgnoreCase(cw, "whether");
  const bool bare = IsClause(cc);  // no complementizer
  switch (f) {
    case Family::kNominal:
    case Family::kQuant:
      if (wh || bare) return "acl:relcl";
      if (EqualsIgnoreCase(cw, "that") && !HasSubject(d)) return "acl:relcl";
      return "acl";
    case Family::kVerbal:
    case Family::kAdjectival:
      if (bare || that_like || cc == C::kWHNP || cc == C::kWHADJP) return "ccomp";
      if (cc == C::kWHADVP) {
        std::string_view w = HeadWord(comp);
        return (EqualsIgnoreCase(w, "how") || EqualsIgnoreCase(w, "why")) ? "ccomp" : "advcl";
      }
      return "advcl";
    case Family::kClause:
      if (j < hi && (that_like || cc == C::kWHNP)) {
        for (size_t k = 0; k < hi; ++k)
          if (Cat(kids[k]) == C::kNP) return "advcl";
        return "csubj";
      }
      return "advcl";
    default:
      return "advcl";
  }
}

std::string_view Converter::NounPhraseLabel(int32_t parent, C cat, Kids kids, size_t hi, size_t j) const {
  const int32_t d = kids[j];
  const Family f = FamilyOf(cat);
  const bool before = j < hi;
  auto punct_between = [&] {
    for (size_t k = std::min(hi, j) + 1; k < std::max(hi, j); ++k)
      if (IsPunct(Cat(kids[k]))) return true;
    return false;
  };
  if (HeadCat(d) == C::tEX) return "expl";
  switch (f) {
    case Family::kNominal:
    case Family::kQuant:
      if (before) {
        if (HasPossessive(d)) return "nmod:poss";
        if (IsPreconjunction(d)) return "cc:preconj";
        if (HeadCat(d) == C::tDT) return "det";
        if (Cat(d) == C::tPRP || Cat(d) == C::tWP) return "dep";
        return "compound";
      }
      if (punct_between()) return "appos";
      if (IsTemporal(d)) return "nmod:tmod";
      if (IsNounTag(Cat(d))) return "compound";
      // "the newspaper al-Raya"
      if (Cat(d) == C::kNP && (HeadCat(d) == C::tNNP || HeadCat(d) == C::tNNPS) && IsNounTag(HeadCat(kids[hi]))) {
        return "appos";
      }
      return "dep";
    case Family::kVerbal: {
      if (before) return IsTemporal(d) ? "obl:tmod" : "obl:npmod";
      const int32_t head = kids[hi];
      const bool verb_head = IsVerbTag(Cat(head)) || Cat(head) == C::tMD;
      if (verb_head && IsBeForm(t_.Word(head)) && ExplContext(parent)) return "nsubj";
      if (IsTemporal(d)) return "obl:tmod";
      if (t_.Label(d).find("-ADV") != std::string_view::npos) return "obl:npmod";
      if (!verb_head) return "obl:npmod";
      for (size_t k = j + 1; k < kids.size(); ++k) {
        C c = Cat(kids[k]);
        if (IsPunct(c) || c == C::tCC) break;
        if (c == C::kNP && !IsTemporal(kids[k])) return "iobj";
      }
      return "obj";
    }
    case Family::kClause: {
      C pc = Cat(parent);
      if (pc == C::kSBAR || pc == C::kSBARQ) {
        if (Cat(d) == C::kWHNP) {
          if (!HasSubject(kids[hi])) return "nsubj";
          // "hopes (SBAR (WHNP that) (S X could ...))" outside a noun phrase: a complementizer.
          const int32_t above = t_.node(parent).parent;
          if (EqualsIgnoreCase(HeadWord(d), "that") && t_.node(t_.node(d).first_child).next_sibling < 0 &&
              (above < 0 || FamilyOf(Cat(above)) != Family::kNominal)) {
            return "mark";
          }
          return "obj";
        }
        return "obl:npmod";
      }
      // The subject: the last non-temporal NP before the head, else the first after it.
      if (!IsTemporal(d)) {
        size_t subj = kids.size();
        for (size_t k = 0; k < hi; ++k)
          if (IsNominalPhrase(Cat(kids[k])) && !IsTemporal(kids[k])) subj = k;
        if (subj == kids.size()) {
          for (size_t k = hi + 1; k < kids.size(); ++k) {
            if (IsNominalPhrase(Cat(kids[k])) && !IsTemporal(kids[k])) {
              subj = k;
              break;
            }
          }
        }
        if (subj == j) return "nsubj";
      }
      return IsTemporal(d) ? "obl:tmod" : "obl:npmod";
    }
    case Family::kAdposition:
      if (before) return "obl:npmod";
      if (punct_between()) return "appos";
      return "dep";
    default:
      return IsTemporal(d) ? "obl:tmod" : "obl:npmod";
  }
}

std::string_view Converter::Label(int32_t parent, C cat, Kids kids, size_t hi, size_t j) const {
  const int32_t d = kids[j];
  const C dc = Cat(d);
  const int32_t h = kids[hi];
  const Family f = FamilyOf(cat);
  const bool before = j < hi;
  const bool nominal = f == Family::kNominal || f == Family::kQuant || (f == Family::kAdposition && !before);
  const bool clausal_head = IsClausal(Cat(h));
  auto punct_between = [&] {
    for (size_t k = std::min(hi, j) + 1; k < std::max(hi, j); ++k)
      if (IsPunct(Cat(kids[k]))) return true;
    return false;
  };

  switch (dc) {
    case C::tPunct: return "punct";
    case C::tCC: case C::kCONJP: return "cc";
    case C::tUH: case C::kINTJ: return "discourse";
    case C::tEX: return "expl";
    case C::tPOS: return "case";
    case C::tPRPS: case C::tWPS: return "nmod:poss";
    case C::tMD: return "aux";
    case C::tDT: case C::tPDT: case C::tWDT:
      if (f == Family::kClause) return "mark";
      if (nominal || f == Family::kAdposition) return dc == C::tPDT ? "det:predet" : "det";
      return IsNominalTag(HeadCat(h)) ? "det" : "advmod";
    case C::tTO:
      if (f == Family::kAdposition) return clausal_head ? "mark" : "case";
      if (f == Family::kQuant) return "case";
      return "mark";
    case C::tIN:
      if (f == Family::kAdposition || f == Family::kClause) return clausal_head ? "mark" : "case";
      if (nominal) return "advmod";
      return before ? "mark" : "compound:prt";
    case C::tRP: case C::kPRT:
      if (f == Family::kAdposition && before) return "case";
      return "compound:prt";
    case C::tRB: case C::tRBR: case C::tRBS: case C::tWRB: case C::kADVP: case C::kWHADVP:
      return "advmod";
    case C::tVB: case C::tVBD: case C::tVBG: case C::tVBN: case C::tVBP: case C::tVBZ:
      if (f == Family::kVerbal || f == Family::kClause) return VerbLabel(cat, kids, hi, j);
      if (f == Family::kAdposition && before) return clausal_head ? "mark" : "case";
      if (nominal) return (dc == C::tVBN || dc == C::tVBG) ? "amod" : "compound";
      return "dep";
    case C::tJJ: case C::tJJR: case C::tJJS: case C::kADJP: case C::kWHADJP:
      if (nominal && HeadCat(d) == C::tCD) return "nummod";
      if (nominal || f == Family::kAdjectival) return "amod";
      if (f == Family::kAdposition) return clausal_head ? "mark" : "case";
      if (f == Family::kVerbal) return before ? "advmod" : "xcomp";
      if (f == Family::kQuant || f == Family::kAdverbial) return "advmod";
      return "dep";
    case C::tCD: case C::kQP:
      if (nominal) return f == Family::kQuant ? "compound" : "nummod";
      if (f == Family::kVerbal && !before) return "obj";
      if (f == Family::kAdjectival) return "nummod";
      return "dep";
    case C::tSYM: case C::tLS: case C::tDollar: case C::tHash: case C::kLST:
      return "dep";
    case C::tNN: case C::tNNS: case C::tNNP: case C::tNNPS: case C::tPRP: case C::tWP: case C::tFW:
    case C::kNP: case C::kWHNP: case C::kNX: case C::kNAC:
      return NounPhraseLabel(parent, cat, kids, hi, j);
    case C::kPP: case C::kWHPP: {
      const C pc = Cat(HeadKid(d));
      const bool clause_pp = IsClausal(pc);
      if (f == Family::kClause && (Cat(parent) == C::kSBAR || Cat(parent) == C::kSBARQ) && dc == C::kWHPP) return "obl";
      if (nominal) return clause_pp ? "acl" : "nmod";
      return clause_pp ? "advcl" : "obl";
    }
    case C::kSBAR:
      return SbarLabel(f, kids, hi, j);
    case C::kS: case C::kSQ: case C::kSINV: case C::kSBARQ: {
      const bool subj = HasSubject(d);
      switch (f) {
        case Family::kNominal: case Family::kQuant: return "acl";
        case Family::kVerbal:
          if (subj) return "ccomp";
          return (before || punct_between()) ? "advcl" : "xcomp";
        case Family::kAdjectival: return subj ? "ccomp" : "xcomp";
        case Family::kClause:
          if (Cat(parent) == C::kSBAR) return "dep";
          if (before) {
            if (subj) return "advcl";
            return (j + 1 < kids.size() && IsPunct(Cat(kids[j + 1]))) ? "advcl" : "csubj";
          }
          return subj ? "parataxis" : "advcl";
        case Family::kAdposition: return before ? "dep" : "acl";
        default: return "advcl";
      }
    }
    case C::kVP:
      if (nominal) return "acl";
      if (f == Family::kVerbal || f == Family::kAdjectival) return before ? "dep" : "xcomp";
      if (f == Family::kClause) return punct_between() ? "parataxis" : "dep";
      return "dep";
    case C::kRRC:
      return nominal ? "acl:relcl" : "dep";
    case C::kPRN: {
      C hc = HeadCat(d);
      if (IsVerbTag(hc)) return "parataxis";
      if (IsNominalTag(hc) || hc == C::tCD) return nominal ? "appos" : "obl";
      return "dep";
    }
    default:
      return "dep";
  }
}

// Offsets of `needle` candidates for one token: its form, and for quotes and
// brackets the spellings a source text may use instead.
size_t FindToken(std::string_view text, size_t from, const Token& tok, size_t* length) {
  size_t best = std::string_view::npos;
  auto consider = [&](std::string_view cand) {
    if (cand.empty()) return;
    size_t p = text.find(cand, from);
    if (p < best || (p == best && cand.size() > *length)) {
      best = p;
      *length = cand.size();
    }
  };
  *length = 0;
  consider(tok.form);
  if (tok.xpos == "``" || tok.xpos == "''") {
    for (std::string_view q : {"``", "''", "\xE2\x80\x9C", "\xE2\x80\x9D", "'", "`"}) consider(q);
  } else if (tok.form == "(" || tok.form == ")") {
    consider(tok.form == "(" ? "[" : "]");
  }
  return best;
}

}  // namespace

std::vector<Token> ConvertPennTree(const PennTree& tree) { return Converter(tree).Run(); }

Result<std::vector<Token>> PennToUd(std::string_view penn) {
  Result<PennTree> tree = PennTree::Parse(penn);
  if (!tree.ok()) return tree.status();
  return ConvertPennTree(*tree);
}

void AlignTokens(std::string_view text, size_t from, std::vector<Token>& tokens) {
  size_t cursor = std::min(from, text.size());
  size_t pending = 0;  // bytes of tokens skipped since the last aligned one
  bool any = false;
  for (Token& tok : tokens) {
    tok.begin = tok.end = 0;
    size_t length = 0;
    size_t pos = FindToken(text, cursor, tok, &length);
    if (pos == std::string_view::npos) {
      pending += tok.form.size();
      continue;
    }
    if (any) {
      // Reject a match that skips over more text than the unmatched tokens explain.
      size_t skipped = 0;
      for (size_t i = cursor; i < pos; ++i)
        if (!(text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++skipped;
      if (skipped > pending + 2) {
        pending += tok.form.size();
        continue;
      }
    }
    tok.begin = static_cast<uint32_t>(pos);
    tok.end = static_cast<uint32_t>(pos + length);
    cursor = pos + length;
    pending = 0;
    any = true;
  }
}

Status AppendPennSentence(std::string_view penn, Document& doc, TextField field, int32_t index) {
  Result<std::vector<Token>> converted = PennToUd(penn);
  if (!converted.ok()) return converted.status();
  std::vector<Token>& tokens = *converted;

  Sentence sentence;
  sentence.field = field;
  sentence.index = index;
  const std::string& text = doc.TextOf(sentence);
  // Sentences of one field come in order: search after the previous one.
  size_t from = 0;
  for (const Sentence& s : doc.sentences)
    if (s.field == field && s.end > from) from = s.end;
  AlignTokens(text, from, tokens);
  bool aligned = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.end > t.begin; });
  if (!aligned && from > 0) AlignTokens(text, 0, tokens);

  sentence.first_token = static_cast<uint32_t>(doc.tokens.size());
  sentence.token_count = static_cast<uint32_t>(tokens.size());
  bool first = true;
  for (const Token& t : tokens) {
    if (t.end == t.begin) continue;
    if (first) sentence.begin = t.begin;
    sentence.end = t.end;
    first = false;
  }
  doc.tokens.insert(doc.tokens.end(), std::make_move_iterator(tokens.begin()),
                    std::make_move_iterator(tokens.end()));
  doc.sentences.push_back(std::move(sentence));
  return Status::Ok();
}

}  // namespace parley::syntax

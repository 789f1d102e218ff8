#include "parse/parser.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <random>

#include "parse/hash.h"
#include "parse/word_clusters.h"

namespace parley::parse {
namespace {

enum Move { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kMaxKeys = 160;
constexpr uint8_t kNoLabel = 255;
constexpr int kNoneTag = 1001, kRootTag = 1002;
constexpr uint64_t kNoneWord = 0x4e4f4e45, kRootWord = 0x524f4f54;

uint64_t Dist(int a, int b) {
  const int d = std::abs(a - b);
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  return 7;
}

uint64_t U(int v) { return static_cast<uint64_t>(static_cast<int64_t>(v)); }

// Feature groups: each depends on a few parts of the configuration only, so
// its summed weights are cached per sentence under those parts.
enum Group {
  kGS0,      // s0 token
  kGB0,      // b0 token (and b1, b2)
  kGS1,      // s1 token
  kGS2,      // s2, s1, s0 tokens
  kGS0B0,    // s0, b0 tokens
  kGS1S0,    // s1, s0 tokens
  kGS1S0B0,  // s1, s0, b0 tokens
  kGS0N,     // s0 node (children so far)
  kGB0N,     // b0 node
  kGS1N,     // s1 node
  kGS0B0N,   // s0 node, b0 node
  kGS1S0N,   // s1 node, s0 node
  kGroups
};

// Per-sentence cache entry for one group's class scores.
struct CacheEntry {
  uint64_t key;
  uint32_t gen;
  float s[3];
};
constexpr size_t kCacheBits = 13;

}  // namespace

// The words and tags of a sentence, then the root and a "none" position,
// with their combined hashes, as both parsers' feature extraction reads them,
// and for a guided parser the guide tree.
void LoadWords(const ParseSentence& s, ParseScratch& x, bool guided) {
  const size_t n = s.word.size(), m = n + 2;
  x.word.resize(m);
  x.tag.resize(m);
  x.utag.resize(m);
  x.wp.resize(m);
  for (size_t k = 0; k < n; ++k) {
    x.word[k] = s.word[k];
    x.tag[k] = s.xpos[k];
    x.utag[k] = s.upos[k];
  }
  x.word[n] = kRootWord;
  x.tag[n] = x.utag[n] = kRootTag;
  x.word[n + 1] = kNoneWord;
  x.tag[n + 1] = x.utag[n + 1] = kNoneTag;
  for (size_t k = 0; k < m; ++k) x.wp[k] = Mix64(x.word[k] + U(x.tag[k]) * 0x9E3779B97F4A7C15ULL);
  x.coarse.resize(m);
  x.fine.resize(m);
  const bool clusters = s.cluster.size() == n;
  for (size_t k = 0; k < n; ++k) {
    const uint32_t c = clusters ? s.cluster[k] : 0;
    x.coarse[k] = WordClusters::Prefix(c, 3);
    x.fine[k] = WordClusters::Prefix(c, 6);
  }
  x.stag.resize(m);
  const bool stags = s.stag.size() == n;
  for (size_t k = 0; k < n; ++k) x.stag[k] = stags ? U(s.stag[k]) : kNoneTag;
  x.stag[n] = kRootTag;
  x.stag[n + 1] = kNoneTag;
  x.coarse[n] = x.fine[n] = kRootWord;
  x.coarse[n + 1] = x.fine[n + 1] = kNoneWord;
  if (!guided) return;
  // The guide tree (a head of -2 reads as "none"), and each word's guide
  // children in counting-sort order.
  x.ghead.assign(m, -2);
  x.glabel.assign(m, kNoLabel);
  x.gchild_at.assign(m + 1, 0);
  x.gchild.resize(n);
  if (s.guide_head.size() != n || s.guide_label.size() != n) return;
  for (size_t k = 0; k < n; ++k) {
    const int h = s.guide_head[k];
    x.ghead[k] = h >= 0 && static_cast<size_t>(h) <= n ? h : -2;
    x.glabel[k] = s.guide_label[k];
    if (x.ghead[k] >= 0) ++x.gchild_at[static_cast<size_t>(x.ghead[k]) + 1];
  }
  for (size_t k = 1; k <= m; ++k) x.gchild_at[k] += x.gchild_at[k - 1];
  std::vector<int>& fill = x.gchild_fill;
  fill.assign(x.gchild_at.begin(), x.gchild_at.end() - 1);
  for (size_t k = 0; k < n; ++k)
    if (x.ghead[k] >= 0) x.gchild[static_cast<size_t>(fill[static_cast<size_t>(x.ghead[k])]++)] = static_cast<int>(k);
}

namespace {

// The sentence read backwards (word i becomes n - 1 - i; the root stays n),
// for a right-to-left parser.
void Reverse(const ParseSentence& s, ParseSentence& r) {
  const int n = static_cast<int>(s.word.size());
  auto flip = [](const auto& from, auto& to) { to.assign(from.rbegin(), from.rend()); };
  auto flip_heads = [n](const std::vector<int>& from, std::vector<int>& to) {
    to.resize(from.size());
    for (size_t i = 0; i < from.size(); ++i) {
      const int h = from[i];
      to[from.size() - 1 - i] = h < 0 || h >= n ? h : n - 1 - h;
    }
  };
  flip(s.word, r.word);
  flip(s.xpos, r.xpos);
  flip(s.upos, r.upos);
  flip(s.cluster, r.cluster);
  flip(s.stag, r.stag);
  flip_heads(s.guide_head, r.guide_head);
  flip(s.guide_label, r.guide_label);
  flip_heads(s.gold_head, r.gold_head);
  flip(s.gold_label, r.gold_label);
}

}  // namespace

// Feature extraction, transitions and the beam search over one sentence.
// Node -1 stands for "none" (token n + 1).
class Parser::Search {
 public:
  Search(const Parser& p, const ParseSentence& s, ParseScratch& x)
      : p_(p), x_(x), n_(static_cast<int>(s.word.size())) {
    LoadWords(s, x, /*guided=*/false);  // guided parsers are greedy
    none_ = Fresh(n_ + 1);
    x.nodes.clear();
    use_cache_ = n_ + 2 < (1 << 13);
    if (cache().size() != (size_t{1} << kCacheBits)) cache().assign(size_t{1} << kCacheBits, CacheEntry{0, 0, {0, 0, 0}});
    if (++gen() == 0) {
      for (CacheEntry& e : cache()) e.gen = 0;
      gen() = 1;
    }
    const size_t lc = std::max<size_t>(64, std::bit_ceil(static_cast<size_t>(4 * n_ * p.beam_ + 4)));
    x.label_cache.assign(lc, LabelSlot{0, -1});
    x.label_scores.clear();
  }

  int n() const { return n_; }

  ParseItem Initial() {
    ParseItem it;
    it.front = NewNode(Fresh(0));
    it.b0 = 0;
    return it;
  }

  const ParseNode& N(int idx) const { return idx < 0 ? none_ : x_.nodes[static_cast<size_t>(idx)]; }
  int Below(int idx) const { return idx < 0 ? -1 : x_.nodes[static_cast<size_t>(idx)].below; }

  static bool Valid(const ParseItem& it, int move, int n) {
    switch (move) {
      case kShift: return it.b0 < n;
      case kLeft: return it.sp >= 1 && (it.b0 < n || it.sp == 1);
      default: return it.sp >= 2;
    }
  }
  bool Terminal(const ParseItem& it) const { return it.b0 == n_ && it.sp == 0; }

  // The dependent and head nodes of an arc move.
  void ArcNodes(const ParseItem& it, int move, int* dn, int* hn) const {
    *dn = it.top;
    *hn = move == kLeft ? it.front : Below(it.top);
  }

  // The label of the arc dn → hn. The scores of everything but the head's
  // children are cached per sentence under the dependent's content and the
  // head word.
  int Label(int dn, int hn, float* lscores) {
    const ParseNode &d = N(dn), &h = N(hn);
    if (h.tok == n_) return p_.root_label_;
    const int nl = p_.labels_.num_classes();
    const uint64_t ck =
        Mix64(Mix64(U(d.lc1) | U(d.lc2) << 20 | U(d.lc1l) << 40 | U(d.lc2l) << 48) ^ d.lmask) ^
        Mix64(Mix64(U(d.rc1) | U(d.rc1l) << 20 | U(d.tok) << 28) ^ d.rmask) ^ (U(h.tok) * 0x9E3779B97F4A7C15ULL);
    const size_t mask = x_.label_cache.size() - 1;
    size_t i = static_cast<size_t>(ck) & mask;
    int32_t at = -1;
    for (;; i = (i + 1) & mask) {
      const LabelSlot& e = x_.label_cache[i];
      if (e.at < 0) break;
      if (e.key == ck) {
        at = e.at;
        break;
      }
    }
    uint64_t keys[kMaxKeys];
    if (at < 0) {
      at = static_cast<int32_t>(x_.label_scores.size());
      x_.label_scores.resize(x_.label_scores.size() + static_cast<size_t>(nl), 0.0f);
      const int m = LabelKeysA(d, h, keys);
      p_.labels_.Score({keys, static_cast<size_t>(m)}, x_.label_scores.data() + at);
      if (label_entries_ * 2 + 2 < x_.label_cache.size()) {
        x_.label_cache[i] = LabelSlot{ck, at};
        ++label_entries_;
      }
    }
    std::copy(x_.label_scores.begin() + at, x_.label_scores.begin() + at + nl, lscores);
    const int m = LabelKeysB(d, h, keys);
    p_.labels_.Score({keys, static_cast<size_t>(m)}, lscores);
    int lab = -1;
    for (int c = 0; c < nl; ++c)
      if (c != p_.root_label_ && (lab < 0 || lscores[c] > lscores[lab])) lab = c;
    return lab < 0 ? p_.root_label_ : lab;
  }

  // The item after `move` with arc label `label` (ignored for shifts).
  ParseItem Apply(const ParseItem& it, int move, int label) {
    ParseItem out = it;
    out.move = static_cast<int8_t>(move);
    out.dep = out.head = out.label = -1;
    if (move == kShift) {
      ParseNode node = N(it.front);
      node.below = it.top;
      out.top = NewNode(node);
      out.b0 = it.b0 + 1;
      out.front = NewNode(Fresh(out.b0));
      out.sp = it.sp + 1;
      return out;
    }
    const ParseNode& d = N(it.top);
    const int hn = move == kLeft ? it.front : d.below;
    ParseNode h = N(hn);
    AddChild(h, d.tok, label);
    out.dep = d.tok;
    out.head = h.tok;
    out.label = label;
    out.sp = it.sp - 1;
    if (move == kLeft) {
      out.top = d.below;
      out.front = NewNode(h);
    } else {
      out.top = NewNode(h);
    }
    return out;
  }

  // Class scores of the three moves for each item of `items` (those with
  // need[i]): group sums from the cache, the missing ones looked up together.
  void ScoreBeam(const std::vector<ParseItem>& items, const uint8_t* need, float* out) {
    const size_t ni = items.size();
    group_.resize(ni * kGroups * 3);
    pend_.clear();
    keys_.clear();
    ends_.clear();
    uint64_t k[kMaxKeys];
    for (size_t i = 0; i < ni; ++i) {
      if (!need[i]) continue;
      const Ctx c = Context(items[i]);
      for (int g = 0; g < kGroups; ++g) {
        float* dst = &group_[(i * kGroups + static_cast<size_t>(g)) * 3];
        const uint64_t ck = use_cache_ ? CacheKey(g, c) : 0;
        if (use_cache_) {
          const CacheEntry& e = cache()[static_cast<size_t>(Mix64(ck)) & ((size_t{1} << kCacheBits) - 1)];
          if (e.gen == gen() && e.key == ck) {
            dst[0] = e.s[0], dst[1] = e.s[1], dst[2] = e.s[2];
            continue;
          }
          bool found = false;
          for (const Pending& p : pend_)
            if (p.key == ck && p.seg >= 0) {
              pend_.push_back({ck, -1 - p.seg, static_cast<uint32_t>(i * kGroups + static_cast<size_t>(g))});
              found = true;
              break;
            }
          if (found) continue;
        }
        const int m = GroupKeys(g, c, k);
        keys_.insert(keys_.end(), k, k + m);
        pend_.push_back({ck, static_cast<int32_t>(ends_.size()), static_cast<uint32_t>(i * kGroups + static_cast<size_t>(g))});
        ends_.push_back(static_cast<uint32_t>(keys_.size()));
      }
    }
    seg_.resize(ends_.size() * 3);
    p_.trans_.ScoreSegments(keys_, ends_, seg_.data());
    for (const Pending& p : pend_) {
      const size_t sg = static_cast<size_t>(p.seg >= 0 ? p.seg : -1 - p.seg);
      float* dst = &group_[static_cast<size_t>(p.slot) * 3];
      dst[0] = seg_[sg * 3], dst[1] = seg_[sg * 3 + 1], dst[2] = seg_[sg * 3 + 2];
      if (use_cache_ && p.seg >= 0) {
        CacheEntry& e = cache()[static_cast<size_t>(Mix64(p.key)) & ((size_t{1} << kCacheBits) - 1)];
        e.key = p.key;
        e.gen = gen();
        e.s[0] = dst[0], e.s[1] = dst[1], e.s[2] = dst[2];
      }
    }
    for (size_t i = 0; i < ni; ++i) {
      if (!need[i]) continue;
      float a0 = 0, a1 = 0, a2 = 0;
      for (int g = 0; g < kGroups; ++g) {
        const float* v = &group_[(i * kGroups + static_cast<size_t>(g)) * 3];
        a0 += v[0], a1 += v[1], a2 += v[2];
      }
      out[3 * i] = a0, out[3 * i + 1] = a1, out[3 * i + 2] = a2;
    }
  }
  void Score(const ParseItem& it, float* scores) {
    const std::vector<ParseItem> one{it};
    const uint8_t need = 1;
    ScoreBeam(one, &need, scores);
  }

  int TransKeys(const ParseItem& it, uint64_t* keys) const {
    Ctx c = Context(it);
    int m = 0;
    for (int g = 0; g < kGroups; ++g) m += GroupKeys(g, c, keys + m);
    return m;
  }

  int LabelKeysA(const ParseNode& dn, const ParseNode& hn, uint64_t* k) const {
    const auto& w = x_.word;
    auto p = [&](int i) { return U(x_.tag[static_cast<size_t>(i)]); };
    auto u = [&](int i) { return U(x_.utag[static_cast<size_t>(i)]); };
    auto W = [&](int i) { return w[static_cast<size_t>(i)]; };
    auto WP = [&](int i) { return x_.wp[static_cast<size_t>(i)]; };
    const int d = dn.tok, h = hn.tok;
    const uint64_t dir = h > d ? 1 : 0;
    const uint64_t dist = Dist(d, h) * 2 + dir;
    const int dl = dn.lc1, dr = dn.rc1, dl2 = dn.lc2;
    const int prev = d > 0 ? d - 1 : n_ + 1, next = d + 1 < n_ ? d + 1 : n_ + 1;
    const uint64_t dmask = dn.lmask | dn.rmask;
    int m = 0;
    k[m++] = Key(300, W(d));
    k[m++] = Key(301, p(d));
    k[m++] = Key(302, WP(d));
    k[m++] = Key(303, u(d), dir);
    k[m++] = Key(304, W(h));
    k[m++] = Key(305, p(h));
    k[m++] = Key(306, WP(h));
    k[m++] = Key(307, p(d), p(h), dir);
    k[m++] = Key(308, W(d), p(h), dir);
    k[m++] = Key(309, p(d), W(h), dir);
    k[m++] = Key(310, W(d), W(h), dir);
    k[m++] = Key(311, p(d), p(h), dist);
    k[m++] = Key(312, p(d), dn.lmask);
    k[m++] = Key(313, p(d), dn.rmask);
    k[m++] = Key(314, W(dl), p(d));
    k[m++] = Key(315, W(dl), p(h), dir);
    k[m++] = Key(316, U(dn.lc1l), p(d));
    k[m++] = Key(317, W(dr), p(d));
    k[m++] = Key(318, U(dn.rc1l), p(d));
    k[m++] = Key(321, p(h), u(h), p(d));
    k[m++] = Key(322, p(next), p(d));
    k[m++] = Key(323, p(prev), p(d));
    k[m++] = Key(324, W(h), dir);
    k[m++] = Key(325, u(d), u(h), dir);
    k[m++] = Key(326, W(dl), p(d), p(h));
    k[m++] = Key(327, WP(d), dir);
    k[m++] = Key(328, W(dl2), p(d), p(h));
    k[m++] = Key(329, U(dn.lc1l), U(dn.lc2l), p(d));
    k[m++] = Key(330, W(d), dmask);
    k[m++] = Key(331, p(d), p(h), dmask);
    k[m++] = Key(332, W(next), p(d));
    k[m++] = Key(340, x_.coarse[static_cast<size_t>(d)], x_.coarse[static_cast<size_t>(h)], dir);
    k[m++] = Key(341, x_.fine[static_cast<size_t>(d)], p(h));
    k[m++] = Key(342, x_.stag[static_cast<size_t>(d)]);
    k[m++] = Key(343, x_.stag[static_cast<size_t>(d)], p(h), dir);
    return m;
  }

  // The features that read the head's children so far.
  int LabelKeysB(const ParseNode& dn, const ParseNode& hn, uint64_t* k) const {
    const uint64_t pd = U(x_.tag[static_cast<size_t>(dn.tok)]);
    const uint64_t dir = hn.tok > dn.tok ? 1 : 0;
    k[0] = Key(319, hn.lmask, pd, dir);
    k[1] = Key(320, hn.rmask, pd, dir);
    return 2;
  }
  int LabelKeys(const ParseNode& dn, const ParseNode& hn, uint64_t* k) const {
    const int m = LabelKeysA(dn, hn, k);
    return m + LabelKeysB(dn, hn, k + m);
  }

  std::vector<CacheEntry>& cache() const {
    thread_local std::vector<CacheEntry> c;
    return c;
  }
  uint32_t& gen() const {
    thread_local uint32_t g = 0;
    return g;
  }

 private:
  struct Ctx {
    int s0, s1, s2, b0, b1, b2;
    int n0, n1, nb;  // nodes of s0, s1, b0
    const ParseNode *S0, *S1, *B0;
  };

  Ctx Context(const ParseItem& it) const {
    Ctx c;
    c.n0 = it.top;
    c.n1 = Below(c.n0);
    const int n2 = Below(c.n1);
    c.nb = it.front;
    c.S0 = &N(c.n0);
    c.S1 = &N(c.n1);
    c.B0 = &N(c.nb);
    c.s0 = c.S0->tok;
    c.s1 = c.S1->tok;
    c.s2 = N(n2).tok;
    c.b0 = it.b0;
    c.b1 = c.b0 + 1 <= n_ ? c.b0 + 1 : n_ + 1;
    c.b2 = c.b0 + 2 <= n_ ? c.b0 + 2 : n_ + 1;
    return c;
  }

  // The cache key of group g: exact for token groups, a hash of everything
  // the features read for node groups (so equal children share an entry).
  uint64_t CacheKey(int g, const Ctx& c) const {
    const uint64_t m = static_cast<uint64_t>(n_) + 2;
    const ParseNode &S0 = *c.S0, &S1 = *c.S1, &B0 = *c.B0;
    auto left = [](const ParseNode& x) {
      return Mix64(U(x.lc1) | U(x.lc2) << 20 | U(x.lc1l) << 40 | U(x.lc2l) << 48 | U(x.nl) << 56) ^ x.lmask;
    };
    auto right = [](const ParseNode& x) {
      return Mix64(U(x.rc1) | U(x.rc2) << 20 | U(x.rc1l) << 40 | U(x.rc2l) << 48 | U(x.nr) << 56) ^ x.rmask;
    };
    uint64_t a = 0, b = 0;
    switch (g) {
      case kGS0: a = U(c.s0); break;
      case kGB0: a = U(c.b0); break;
      case kGS1: a = U(c.s1); break;
      case kGS2: a = U(c.s2) * m + U(c.s1); b = U(c.s0); break;
      case kGS0B0: a = U(c.s0); b = U(c.b0); break;
      case kGS1S0: a = U(c.s1); b = U(c.s0); break;
      case kGS1S0B0: a = U(c.s1) * m + U(c.s0); b = U(c.b0); break;
      case kGS0N: return Mix64(left(S0) + 3 * right(S0) + U(c.s0)) | (uint64_t{1} << 63);
      case kGB0N: return Mix64(left(B0) + 5 * U(c.b0) + 1) | (uint64_t{1} << 63);
      case kGS1N: return Mix64(left(S1) + 7 * right(S1) + U(c.s1) + 2) | (uint64_t{1} << 63);
      case kGS0B0N:
        return Mix64(U(S0.lc1) | U(S0.rc1) << 20 | U(B0.lc1) << 40 | U(S0.lc1l) << 60) ^
               (Mix64(U(c.s0) | U(c.b0) << 20 | U(S0.rc1l) << 40 | 3ULL << 60) | (uint64_t{1} << 63));
      default:
        return Mix64(U(S0.lc1) | U(S0.rc1) << 20 | U(S1.rc1) << 40 | U(S1.rc1l) << 56) ^
               (Mix64(U(c.s0) | U(c.s1) << 20 | 4ULL << 60) | (uint64_t{1} << 63));
    }
    return (static_cast<uint64_t>(g) << 56) | (a << 28) | b;
  }

  int GroupKeys(int g, const Ctx& c, uint64_t* k) const {
    auto p = [&](int i) { return U(x_.tag[static_cast<size_t>(i)]); };
    auto W = [&](int i) { return x_.word[static_cast<size_t>(i)]; };
    auto WP = [&](int i) { return x_.wp[static_cast<size_t>(i)]; };
    auto C = [&](int i) { return x_.coarse[static_cast<size_t>(i)]; };
    auto F = [&](int i) { return x_.fine[static_cast<size_t>(i)]; };
    auto T = [&](int i) { return x_.stag[static_cast<size_t>(i)]; };
    const int s0 = c.s0, s1 = c.s1, s2 = c.s2, b0 = c.b0, b1 = c.b1, b2 = c.b2;
    const ParseNode &S0 = *c.S0, &S1 = *c.S1, &B0 = *c.B0;
    int m = 0;
    switch (g) {
      case kGS0:
        k[m++] = Key(100, WP(s0));
        k[m++] = Key(101, W(s0));
        k[m++] = Key(102, p(s0));
        k[m++] = Key(403, C(s0));
        k[m++] = Key(404, F(s0));
        k[m++] = Key(424, T(s0));
        break;
      case kGB0:
        k[m++] = Key(103, WP(b0));
        k[m++] = Key(104, W(b0));
        k[m++] = Key(105, p(b0));
        k[m++] = Key(106, WP(b1));
        k[m++] = Key(107, W(b1));
        k[m++] = Key(108, p(b1));
        k[m++] = Key(109, W(b2));
        k[m++] = Key(110, p(b2));
        k[m++] = Key(127, p(b0), p(b1));
        k[m++] = Key(140, p(b0), p(b1), p(b2));
        k[m++] = Key(400, C(b0));
        k[m++] = Key(401, F(b0));
        k[m++] = Key(402, C(b1));
        k[m++] = Key(420, T(b0));
        k[m++] = Key(421, T(b1));
        k[m++] = Key(422, T(b0), T(b1));
        break;
      case kGS1:
        k[m++] = Key(111, WP(s1));
        k[m++] = Key(112, W(s1));
        k[m++] = Key(113, p(s1));
        k[m++] = Key(405, C(s1));
        k[m++] = Key(426, T(s1));
        break;
      case kGS2:
        k[m++] = Key(114, p(s2));
        k[m++] = Key(115, W(s2));
        k[m++] = Key(149, p(s2), p(s1), p(s0));
        break;
      case kGS0B0: {
        const uint64_t d = s0 == n_ + 1 ? 8 : (b0 == n_ ? 9 : Dist(s0, b0));
        k[m++] = Key(120, WP(s0), WP(b0));
        k[m++] = Key(121, WP(s0), W(b0));
        k[m++] = Key(122, W(s0), WP(b0));
        k[m++] = Key(123, WP(s0), p(b0));
        k[m++] = Key(124, p(s0), WP(b0));
        k[m++] = Key(125, W(s0), W(b0));
        k[m++] = Key(126, p(s0), p(b0));
        k[m++] = Key(141, p(s0), p(b0), p(b1));
        k[m++] = Key(151, WP(s0), p(b0), p(b1));
        k[m++] = Key(160, W(s0), d);
        k[m++] = Key(161, p(s0), d);
        k[m++] = Key(162, W(b0), d);
        k[m++] = Key(163, p(b0), d);
        k[m++] = Key(164, W(s0), W(b0), d);
        k[m++] = Key(165, p(s0), p(b0), d);
        k[m++] = Key(406, C(s0), C(b0));
        k[m++] = Key(407, C(s0), p(b0));
        k[m++] = Key(408, p(s0), C(b0));
        k[m++] = Key(410, F(s0), F(b0));
        k[m++] = Key(427, T(s0), T(b0));
        break;
      }
      case kGS1S0: {
        const uint64_t d1 = s1 == n_ + 1 ? 8 : Dist(s1, s0);
        k[m++] = Key(128, WP(s1), WP(s0));
        k[m++] = Key(129, W(s1), W(s0));
        k[m++] = Key(130, p(s1), p(s0));
        k[m++] = Key(131, WP(s1), p(s0));
        k[m++] = Key(132, p(s1), WP(s0));
        k[m++] = Key(166, p(s1), p(s0), d1);
        k[m++] = Key(167, W(s1), d1);
        k[m++] = Key(168, W(s0), d1);
        k[m++] = Key(409, C(s1), C(s0));
        k[m++] = Key(429, T(s1), T(s0));
        break;
      }
      case kGS1S0B0: {
        const uint64_t d = s0 == n_ + 1 ? 8 : (b0 == n_ ? 9 : Dist(s0, b0));
        const uint64_t d1 = s1 == n_ + 1 ? 8 : Dist(s1, s0);
        k[m++] = Key(133, p(s1), p(b0));
        k[m++] = Key(134, W(s1), W(b0));
        k[m++] = Key(135, WP(s1), p(b0));
        k[m++] = Key(142, p(s1), p(s0), p(b0));
        k[m++] = Key(150, p(s1), p(s0), p(b1));
        k[m++] = Key(152, p(s1), WP(s0), p(b0));
        k[m++] = Key(153, p(s1), p(s0), WP(b0));
        k[m++] = Key(169, p(s1), p(s0), p(b0) * 16 + d * 2 + (d1 & 1));
        k[m++] = Key(214, U(x_.utag[static_cast<size_t>(s0)]), U(x_.utag[static_cast<size_t>(b0)]),
                     U(x_.utag[static_cast<size_t>(s1)]));
        break;
      }
      case kGS0N:
        k[m++] = Key(170, W(s0), U(S0.nr));
        k[m++] = Key(171, p(s0), U(S0.nr));
        k[m++] = Key(172, W(s0), U(S0.nl));
        k[m++] = Key(173, p(s0), U(S0.nl));
        k[m++] = Key(180, W(S0.lc1));
        k[m++] = Key(181, p(S0.lc1));
        k[m++] = Key(182, U(S0.lc1l));
        k[m++] = Key(183, W(S0.rc1));
        k[m++] = Key(184, p(S0.rc1));
        k[m++] = Key(185, U(S0.rc1l));
        k[m++] = Key(194, W(S0.lc2));
        k[m++] = Key(195, p(S0.lc2));
        k[m++] = Key(196, U(S0.lc2l));
        k[m++] = Key(197, W(S0.rc2));
        k[m++] = Key(198, p(S0.rc2));
        k[m++] = Key(199, U(S0.rc2l));
        k[m++] = Key(203, p(s0), U(S0.lc1l), U(S0.lc2l));
        k[m++] = Key(204, p(s0), U(S0.rc1l), U(S0.rc2l));
        k[m++] = Key(206, W(s0), S0.rmask);
        k[m++] = Key(207, p(s0), S0.rmask);
        k[m++] = Key(208, W(s0), S0.lmask);
        k[m++] = Key(209, p(s0), S0.lmask);
        break;
      case kGB0N:
        k[m++] = Key(174, W(b0), U(B0.nl));
        k[m++] = Key(175, p(b0), U(B0.nl));
        k[m++] = Key(186, W(B0.lc1));
        k[m++] = Key(187, p(B0.lc1));
        k[m++] = Key(188, U(B0.lc1l));
        k[m++] = Key(200, W(B0.lc2));
        k[m++] = Key(201, p(B0.lc2));
        k[m++] = Key(202, U(B0.lc2l));
        k[m++] = Key(205, p(b0), U(B0.lc1l), U(B0.lc2l));
        k[m++] = Key(210, W(b0), B0.lmask);
        k[m++] = Key(211, p(b0), B0.lmask);
        break;
      case kGS1N:
        k[m++] = Key(176, W(s1), U(S1.nr));
        k[m++] = Key(177, p(s1), U(S1.nr));
        k[m++] = Key(189, W(S1.rc1));
        k[m++] = Key(190, p(S1.rc1));
        k[m++] = Key(191, U(S1.rc1l));
        k[m++] = Key(192, p(S1.lc1));
        k[m++] = Key(193, U(S1.lc1l));
        k[m++] = Key(212, p(s1), S1.rmask);
        k[m++] = Key(213, p(s1), S1.lmask);
        break;
      case kGS0B0N:
        k[m++] = Key(143, p(s0), p(S0.lc1), p(b0));
        k[m++] = Key(144, p(s0), p(S0.rc1), p(b0));
        k[m++] = Key(145, p(s0), p(b0), p(B0.lc1));
        k[m++] = Key(215, p(s0), U(S0.lc1l), p(b0));
        k[m++] = Key(216, p(s0), U(S0.rc1l), p(b0));
        break;
      default:
        k[m++] = Key(146, p(s1), p(s0), p(S0.lc1));
        k[m++] = Key(147, p(s1), p(s0), p(S0.rc1));
        k[m++] = Key(148, p(s1), p(S1.rc1), p(s0));
        k[m++] = Key(217, p(s1), U(S1.rc1l), p(s0));
        break;
    }
    return m;
  }

  ParseNode Fresh(int tok) const {
    ParseNode node;
    node.tok = tok;
    node.lc1 = node.lc2 = node.rc1 = node.rc2 = n_ + 1;
    return node;
  }
  int NewNode(const ParseNode& node) {
    x_.nodes.push_back(node);
    return static_cast<int>(x_.nodes.size()) - 1;
  }
  void AddChild(ParseNode& h, int d, int label) const {
    const uint8_t l = static_cast<uint8_t>(label);
    const uint64_t bit = uint64_t{1} << (label & 63);
    if (d < h.tok) {
      if (h.nl < 255) ++h.nl;
      h.lmask |= bit;
      if (h.lc1 == n_ + 1 || d < h.lc1) {
        h.lc2 = h.lc1, h.lc2l = h.lc1l;
        h.lc1 = d, h.lc1l = l;
      } else if (h.lc2 == n_ + 1 || d < h.lc2) {
        h.lc2 = d, h.lc2l = l;
      }
    } else {
      if (h.nr < 255) ++h.nr;
      h.rmask |= bit;
      if (h.rc1 == n_ + 1 || d > h.rc1) {
        h.rc2 = h.rc1, h.rc2l = h.rc1l;
        h.rc1 = d, h.rc1l = l;
      } else if (h.rc2 == n_ + 1 || d > h.rc2) {
        h.rc2 = d, h.rc2l = l;
      }
    }
  }

  const Parser& p_;
  ParseScratch& x_;
  int n_;
  struct Pending {
    uint64_t key;
    int32_t seg;    // >= 0: looks up segment seg; < 0: copies segment -1 - seg
    uint32_t slot;  // item * kGroups + group
  };
  std::vector<Pending> pend_;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> ends_;
  std::vector<float> group_, seg_;
  bool use_cache_ = true;
  size_t label_entries_ = 0;
  ParseNode none_;
};

// The configuration: a stack, the buffer front b0 (n = root) and the arcs so
// far. Token n is the root, n + 1 stands for "none".
class Parser::State {
 public:
  State(const ParseSentence& s, ParseScratch& x, bool guided, bool slim)
      : x_(x), n_(static_cast<int>(s.word.size())), guided_(guided), slim_(slim) {
    const size_t m = static_cast<size_t>(n_) + 2;
    x.stack.clear();
    x.head.assign(m, -1);
    x.label.assign(m, kNoLabel);
    x.lc1.assign(m, none());
    x.lc2.assign(m, none());
    x.rc1.assign(m, none());
    x.rc2.assign(m, none());
    x.nl.assign(m, 0);
    x.nr.assign(m, 0);
    x.lmask.assign(m, 0);
    x.rmask.assign(m, 0);
    x.in_stack.assign(m, 0);
    LoadWords(s, x, guided);
  }

  int none() const { return n_ + 1; }
  int n() const { return n_; }
  int sp() const { return static_cast<int>(x_.stack.size()); }
  int s(int k) const { return sp() > k ? x_.stack[static_cast<size_t>(sp() - 1 - k)] : none(); }
  int b(int k) const { return b0_ + k <= n_ ? b0_ + k : none(); }
  bool Terminal() const { return b0_ == n_ && sp() == 0; }

  bool Valid(int move) const {
    switch (move) {
      case kShift: return b0_ < n_;
      case kLeft: return sp() >= 1 && (b0_ < n_ || sp() == 1);
      default: return sp() >= 2;
    }
  }

  // Applies `move`; for arcs sets *dep and *hd (hd == n for the root).
  void Apply(int move, int* dep, int* hd) {
    if (move == kShift) {
      x_.stack.push_back(b0_);
      x_.in_stack[static_cast<size_t>(b0_)] = 1;
      ++b0_;
      *dep = -1;
      return;
    }
    const int d = s(0);
    const int h = move == kLeft ? b0_ : s(1);
    x_.stack.pop_back();
    x_.in_stack[static_cast<size_t>(d)] = 0;
    x_.head[static_cast<size_t>(d)] = h;
    *dep = d;
    *hd = h;
  }

  // Records the label of the arc just made and updates h's children.
  void SetLabel(int d, int h, int label) {
    const size_t dk = static_cast<size_t>(d), hk = static_cast<size_t>(h);
    x_.label[dk] = label;
    const uint64_t bit = uint64_t{1} << (label & 63);
    if (d < h) {
      ++x_.nl[hk];
      x_.lmask[hk] |= bit;
      if (x_.lc1[hk] == none() || d < x_.lc1[hk]) {
        x_.lc2[hk] = x_.lc1[hk];
        x_.lc1[hk] = d;
      } else if (x_.lc2[hk] == none() || d < x_.lc2[hk]) {
        x_.lc2[hk] = d;
      }
    } else {
      ++x_.nr[hk];
      x_.rmask[hk] |= bit;
      if (x_.rc1[hk] == none() || d > x_.rc1[hk]) {
        x_.rc2[hk] = x_.rc1[hk];
        x_.rc1[hk] = d;
      } else if (x_.rc2[hk] == none() || d > x_.rc2[hk]) {
        x_.rc2[hk] = d;
      }
    }
  }

  // Dynamic-oracle cost of each move against the gold heads g.
  int Cost(int move, const std::vector<int>& g) const {
    const int s0 = s(0), s1 = s(1);
    int cost = 0;
    auto gh = [&](int i) { return g[static_cast<size_t>(i)]; };
    if (move == kShift) {
      for (int k : x_.stack) cost += gh(k) == b0_;
      const int h = gh(b0_);
      if (h != s0 && h < n_ && x_.in_stack[static_cast<size_t>(h)]) ++cost;
      return cost;
    }
    for (int k = b0_; k < n_; ++k) cost += gh(k) == s0;
    const int h = gh(s0);
    if (move == kLeft) {
      if (h != b0_ && (h == s1 || h > b0_)) ++cost;
    } else {
      if (h != s1 && h >= b0_) ++cost;
    }
    return cost;
  }

  // The transition features in four groups: those of the buffer front
  // alone (the next three words), of s0 alone, of s1 alone (each reused
  // while that token stays in place, see ParseGreedy), and the rest.
  enum Group { kFront, kTop, kSecond };
  int GroupKeys(Group g, int tok, uint64_t* k) const {
    const size_t t = static_cast<size_t>(tok);
    auto p = [&](int i) { return U(x_.tag[static_cast<size_t>(i)]); };
    const uint64_t w = x_.word[t], wp = x_.wp[t], pt = p(tok);
    int m = 0;
    switch (g) {
      case kFront: {
        const int b1 = tok + 1 <= n_ ? tok + 1 : none(), b2 = tok + 2 <= n_ ? tok + 2 : none();
        k[m++] = Key(103, wp);
        k[m++] = Key(104, w);
        k[m++] = Key(105, pt);
        k[m++] = Key(106, x_.wp[static_cast<size_t>(b1)]);
        k[m++] = Key(107, x_.word[static_cast<size_t>(b1)]);
        k[m++] = Key(108, p(b1));
        k[m++] = Key(109, x_.word[static_cast<size_t>(b2)]);
        k[m++] = Key(110, p(b2));
        k[m++] = Key(127, pt, p(b1));
        k[m++] = Key(140, pt, p(b1), p(b2));
        k[m++] = Key(400, x_.coarse[t]);
        k[m++] = Key(401, x_.fine[t]);
        k[m++] = Key(402, x_.coarse[static_cast<size_t>(b1)]);
        k[m++] = Key(420, x_.stag[t]);
        k[m++] = Key(421, x_.stag[static_cast<size_t>(b1)]);
        k[m++] = Key(422, x_.stag[t], x_.stag[static_cast<size_t>(b1)]);
        break;
      }
      case kTop:
        k[m++] = Key(100, wp);
        k[m++] = Key(101, w);
        k[m++] = Key(102, pt);
        k[m++] = Key(403, x_.coarse[t]);
        k[m++] = Key(404, x_.fine[t]);
        k[m++] = Key(424, x_.stag[t]);
        break;
      case kSecond:
        k[m++] = Key(111, wp);
        k[m++] = Key(112, w);
        k[m++] = Key(113, pt);
        k[m++] = Key(405, x_.coarse[t]);
        k[m++] = Key(426, x_.stag[t]);
        break;
    }
    return m;
  }

  int TransKeys(uint64_t* k) const {
    int m = GroupKeys(kFront, b(0), k);
    m += GroupKeys(kTop, s(0), k + m);
    m += GroupKeys(kSecond, s(1), k + m);
    return m + OtherTransKeys(k + m);
  }

  int OtherTransKeys(uint64_t* k) const {
    const auto& w = x_.word;
    const auto& wp = x_.wp;
    auto p = [&](int i) { return U(x_.tag[static_cast<size_t>(i)]); };
    auto W = [&](int i) { return w[static_cast<size_t>(i)]; };
    auto WP = [&](int i) { return wp[static_cast<size_t>(i)]; };
    auto L = [&](int i) { return U(x_.label[static_cast<size_t>(i)]); };
    auto lc1 = [&](int i) { return x_.lc1[static_cast<size_t>(i)]; };
    auto lc2 = [&](int i) { return x_.lc2[static_cast<size_t>(i)]; };
    auto rc1 = [&](int i) { return x_.rc1[static_cast<size_t>(i)]; };
    auto rc2 = [&](int i) { return x_.rc2[static_cast<size_t>(i)]; };
    const int s0 = s(0), s1 = s(1), s2 = s(2), b0 = b(0), b1 = b(1);
    const int s0L = lc1(s0), s0L2 = lc2(s0), s0R = rc1(s0), s0R2 = rc2(s0);
    const int b0L = lc1(b0), b0L2 = lc2(b0), s1R = rc1(s1), s1L = lc1(s1);
    const uint64_t d = s0 == none() ? 8 : (b0 == n_ ? 9 : Dist(s0, b0));
    const uint64_t d1 = s1 == none() ? 8 : Dist(s1, s0);
    const size_t s0k = static_cast<size_t>(s0), s1k = static_cast<size_t>(s1), b0k = static_cast<size_t>(b0);
    int m = 0;
    // A slim (guide) parser leaves these out.
    auto full = [&](uint64_t key) {
      if (!slim_) k[m++] = key;
    };
    k[m++] = Key(114, p(s2));
    full(Key(115, W(s2)));
    k[m++] = Key(120, WP(s0), WP(b0));
    full(Key(121, WP(s0), W(b0)));
    full(Key(122, W(s0), WP(b0)));
    k[m++] = Key(123, WP(s0), p(b0));
    k[m++] = Key(124, p(s0), WP(b0));
    k[m++] = Key(125, W(s0), W(b0));
    k[m++] = Key(126, p(s0), p(b0));
    k[m++] = Key(128, WP(s1), WP(s0));
    full(Key(129, W(s1), W(s0)));
    k[m++] = Key(130, p(s1), p(s0));
    full(Key(131, WP(s1), p(s0)));
    full(Key(132, p(s1), WP(s0)));
    k[m++] = Key(133, p(s1), p(b0));
    full(Key(134, W(s1), W(b0)));
    full(Key(135, WP(s1), p(b0)));
    k[m++] = Key(141, p(s0), p(b0), p(b1));
    k[m++] = Key(142, p(s1), p(s0), p(b0));
    k[m++] = Key(143, p(s0), p(s0L), p(b0));
    k[m++] = Key(144, p(s0), p(s0R), p(b0));
    k[m++] = Key(145, p(s0), p(b0), p(b0L));
    k[m++] = Key(146, p(s1), p(s0), p(s0L));
    k[m++] = Key(147, p(s1), p(s0), p(s0R));
    k[m++] = Key(148, p(s1), p(s1R), p(s0));
    k[m++] = Key(149, p(s2), p(s1), p(s0));
    k[m++] = Key(150, p(s1), p(s0), p(b1));
    full(Key(151, WP(s0), p(b0), p(b1)));
    full(Key(152, p(s1), WP(s0), p(b0)));
    full(Key(153, p(s1), p(s0), WP(b0)));
    k[m++] = Key(160, W(s0), d);
    k[m++] = Key(161, p(s0), d);
    k[m++] = Key(162, W(b0), d);
    k[m++] = Key(163, p(b0), d);
    full(Key(164, W(s0), W(b0), d));
    k[m++] = Key(165, p(s0), p(b0), d);
    k[m++] = Key(166, p(s1), p(s0), d1);
    full(Key(167, W(s1), d1));
    full(Key(168, W(s0), d1));
    k[m++] = Key(169, p(s1), p(s0), p(b0) * 16 + d * 2 + (d1 & 1));
    full(Key(170, W(s0), U(x_.nr[s0k])));
    k[m++] = Key(171, p(s0), U(x_.nr[s0k]));
    full(Key(172, W(s0), U(x_.nl[s0k])));
    k[m++] = Key(173, p(s0), U(x_.nl[s0k]));
    full(Key(174, W(b0), U(x_.nl[b0k])));
    k[m++] = Key(175, p(b0), U(x_.nl[b0k]));
    full(Key(176, W(s1), U(x_.nr[s1k])));
    k[m++] = Key(177, p(s1), U(x_.nr[s1k]));
    full(Key(180, W(s0L)));
    k[m++] = Key(181, p(s0L));
    k[m++] = Key(182, L(s0L));
    full(Key(183, W(s0R)));
    k[m++] = Key(184, p(s0R));
    k[m++] = Key(185, L(s0R));
    full(Key(186, W(b0L)));
    k[m++] = Key(187, p(b0L));
    k[m++] = Key(188, L(b0L));
    full(Key(189, W(s1R)));
    k[m++] = Key(190, p(s1R));
    k[m++] = Key(191, L(s1R));
    k[m++] = Key(192, p(s1L));
    k[m++] = Key(193, L(s1L));
    full(Key(194, W(s0L2)));
    full(Key(195, p(s0L2)));
    full(Key(196, L(s0L2)));
    full(Key(197, W(s0R2)));
    full(Key(198, p(s0R2)));
    full(Key(199, L(s0R2)));
    full(Key(200, W(b0L2)));
    full(Key(201, p(b0L2)));
    full(Key(202, L(b0L2)));
    k[m++] = Key(203, p(s0), L(s0L), L(s0L2));
    k[m++] = Key(204, p(s0), L(s0R), L(s0R2));
    k[m++] = Key(205, p(b0), L(b0L), L(b0L2));
    full(Key(206, W(s0), x_.rmask[s0k]));
    k[m++] = Key(207, p(s0), x_.rmask[s0k]);
    full(Key(208, W(s0), x_.lmask[s0k]));
    k[m++] = Key(209, p(s0), x_.lmask[s0k]);
    full(Key(210, W(b0), x_.lmask[b0k]));
    k[m++] = Key(211, p(b0), x_.lmask[b0k]);
    full(Key(212, p(s1), x_.rmask[s1k]));
    full(Key(213, p(s1), x_.lmask[s1k]));
    k[m++] = Key(214, U(x_.utag[s0k]), U(x_.utag[b0k]), U(x_.utag[s1k]));
    full(Key(215, p(s0), L(s0L), p(b0)));
    full(Key(216, p(s0), L(s0R), p(b0)));
    full(Key(217, p(s1), L(s1R), p(s0)));
    auto C = [&](int i) { return x_.coarse[static_cast<size_t>(i)]; };
    auto F = [&](int i) { return x_.fine[static_cast<size_t>(i)]; };
    k[m++] = Key(406, C(s0), C(b0));
    k[m++] = Key(407, C(s0), p(b0));
    k[m++] = Key(408, p(s0), C(b0));
    full(Key(409, C(s1), C(s0)));
    full(Key(410, F(s0), F(b0)));
    auto T = [&](int i) { return x_.stag[static_cast<size_t>(i)]; };
    k[m++] = Key(427, T(s0), T(b0));
    k[m++] = Key(429, T(s1), T(s0));
    if (guided_) m += GuideTransKeys(s0, s1, b0, k + m);
    return m;
  }

  // Where word t stands now: 0 buffer front, 1 stack top, 2 below it, 3
  // deeper in the stack, 4 later in the buffer, 5 the root, 6 attached
  // already, 7 none.
  uint64_t Where(int t) const {
    if (t < 0 || t > n_) return 7;
    if (t == n_) return 5;
    if (t == b0_) return 0;
    if (t == s(0)) return 1;
    if (t == s(1)) return 2;
    if (x_.in_stack[static_cast<size_t>(t)]) return 3;
    return t > b0_ ? 4 : 6;
  }

  // What the guide tree says of the next move: where the guide heads of s0,
  // s1 and b0 stand, their guide labels, and how many guide children s0
  // still has in the buffer and b0 on the stack.
  int GuideTransKeys(int s0, int s1, int b0, uint64_t* k) const {
    auto gh = [&](int i) { return x_.ghead[static_cast<size_t>(i)]; };
    auto gl = [&](int i) { return U(x_.glabel[static_cast<size_t>(i)]); };
    auto p = [&](int i) { return U(x_.tag[static_cast<size_t>(i)]); };
    const uint64_t w0 = Where(gh(s0)), w1 = Where(gh(s1)), wb = Where(gh(b0));
    uint64_t pend0 = 0, pendb = 0;
    if (s0 < n_)
      for (int c = x_.gchild_at[static_cast<size_t>(s0)]; c < x_.gchild_at[static_cast<size_t>(s0) + 1]; ++c)
        pend0 += x_.gchild[static_cast<size_t>(c)] >= b0_;
    if (b0 < n_)
      for (int c = x_.gchild_at[static_cast<size_t>(b0)]; c < x_.gchild_at[static_cast<size_t>(b0) + 1]; ++c)
        pendb += x_.in_stack[static_cast<size_t>(x_.gchild[static_cast<size_t>(c)])];
    pend0 = std::min<uint64_t>(pend0, 3);
    pendb = std::min<uint64_t>(pendb, 3);
    int m = 0;
    k[m++] = Key(500, w0, gl(s0));
    k[m++] = Key(501, wb, gl(b0));
    k[m++] = Key(502, w1, gl(s1));
    k[m++] = Key(503, w0, wb, w1);
    k[m++] = Key(504, w0, pend0, pendb);
    k[m++] = Key(505, w0 * 8 + wb, p(s0), p(b0));
    k[m++] = Key(506, w0, pend0, p(s0));
    k[m++] = Key(507, wb, pendb, p(b0));
    return m;
  }

  int LabelKeys(int d, int h, uint64_t* k) const {
    const auto& w = x_.word;
    auto p = [&](int i) { return U(x_.tag[static_cast<size_t>(i)]); };
    auto u = [&](int i) { return U(x_.utag[static_cast<size_t>(i)]); };
    auto W = [&](int i) { return w[static_cast<size_t>(i)]; };
    auto WP = [&](int i) { return x_.wp[static_cast<size_t>(i)]; };
    auto L = [&](int i) { return U(x_.label[static_cast<size_t>(i)]); };
    const size_t dk = static_cast<size_t>(d), hk = static_cast<size_t>(h);
    const uint64_t dir = h > d ? 1 : 0;
    const uint64_t dist = Dist(d, h) * 2 + dir;
    const int dl = x_.lc1[dk], dr = x_.rc1[dk], dl2 = x_.lc2[dk];
    const int prev = d > 0 ? d - 1 : none(), next = d + 1 < n_ ? d + 1 : none();
    int m = 0;
    auto full = [&](uint64_t key) {
      if (!slim_) k[m++] = key;
    };
    k[m++] = Key(300, W(d));
    k[m++] = Key(301, p(d));
    k[m++] = Key(302, WP(d));
    k[m++] = Key(303, u(d), dir);
    k[m++] = Key(304, W(h));
    k[m++] = Key(305, p(h));
    k[m++] = Key(306, WP(h));
    k[m++] = Key(307, p(d), p(h), dir);
    k[m++] = Key(308, W(d), p(h), dir);
    k[m++] = Key(309, p(d), W(h), dir);
    k[m++] = Key(310, W(d), W(h), dir);
    k[m++] = Key(311, p(d), p(h), dist);
    full(Key(312, p(d), x_.lmask[dk]));
    full(Key(313, p(d), x_.rmask[dk]));
    full(Key(314, W(dl), p(d)));
    full(Key(315, W(dl), p(h), dir));
    full(Key(316, L(dl), p(d)));
    full(Key(317, W(dr), p(d)));
    full(Key(318, L(dr), p(d)));
    full(Key(319, x_.lmask[hk], p(d), dir));
    full(Key(320, x_.rmask[hk], p(d), dir));
    k[m++] = Key(321, p(h), u(h), p(d));
    full(Key(322, p(next), p(d)));
    full(Key(323, p(prev), p(d)));
    full(Key(324, W(h), dir));
    k[m++] = Key(325, u(d), u(h), dir);
    full(Key(326, W(dl), p(d), p(h)));
    full(Key(327, WP(d), dir));
    full(Key(328, W(dl2), p(d), p(h)));
    full(Key(329, L(dl), L(dl2), p(d)));
    full(Key(330, W(d), x_.lmask[dk] | x_.rmask[dk]));
    full(Key(331, p(d), p(h), x_.lmask[dk] | x_.rmask[dk]));
    full(Key(332, W(next), p(d)));
    k[m++] = Key(340, x_.coarse[dk], x_.coarse[hk], dir);
    k[m++] = Key(341, x_.fine[dk], p(h));
    k[m++] = Key(342, x_.stag[dk]);
    k[m++] = Key(343, x_.stag[dk], p(h), dir);
    if (guided_) {
      const uint64_t agrees = x_.ghead[dk] == h ? 1 : 0, gl = U(x_.glabel[dk]);
      k[m++] = Key(350, gl, agrees);
      k[m++] = Key(351, gl, agrees, p(d));
      k[m++] = Key(352, gl, p(h), dir);
    }
    return m;
  }

  const ParseScratch& x() const { return x_; }

 private:
  ParseScratch& x_;
  int n_;
  int b0_ = 0;
  bool guided_ = false;
  bool slim_ = false;
};


// Scores every valid move of every beam item (an item with one valid move
// needs no scoring) and moves the best `beam` candidates to the front of
// `cand`; returns how many were kept.
size_t Parser::ExpandBeam(Search& search, const std::vector<ParseItem>& cur, int n, int beam,
                          std::vector<Candidate>& cand) {
  cand.clear();
  uint8_t need[kMaxBeam];
  float sc[3 * kMaxBeam];
  for (size_t i = 0; i < cur.size(); ++i) {
    int valid = 0;
    for (int mv = 0; mv < 3; ++mv) valid += Search::Valid(cur[i], mv, n);
    need[i] = valid > 1;
  }
  search.ScoreBeam(cur, need, sc);
  for (size_t i = 0; i < cur.size(); ++i) {
    const ParseItem& it = cur[i];
    for (int mv = 0; mv < 3; ++mv)
      if (Search::Valid(it, mv, n))
        cand.push_back({it.score + (need[i] ? sc[3 * i + static_cast<size_t>(mv)] : 0.0f),
                        static_cast<int>(i), mv});
  }
  const size_t keep = std::min(cand.size(), static_cast<size_t>(beam));
  auto better = [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.item != b.item) return a.item < b.item;
    return a.move < b.move;
  };
  std::partial_sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(keep), cand.end(),
                    better);
  return keep;
}

void Parser::ParseGreedy(const ParseSentence& s, ParseScratch& scratch, int* head, int* label) const {
  State st(s, scratch, guided_, slim_);
  uint64_t keys[kMaxKeys];
  const int nl = labels_.num_classes();
  std::vector<float>& lscores = scratch.lscores;
  lscores.resize(static_cast<size_t>(nl));
  // The integer sums of the three single-token groups, per token (index
  // n + 1 = none), filled on first use: a token stays at the buffer front
  // or on top of the stack for about two decisions. Missing groups are
  // looked up in the same batch as the other features.
  const bool exact = trans_.frozen_small();
  std::vector<int32_t>& group_sums = scratch.group_sums;
  constexpr int32_t kUnset = INT32_MIN;
  const size_t slots = static_cast<size_t>(st.n()) + 2;
  group_sums.assign(3 * 3 * slots, kUnset);
  while (!st.Terminal()) {
    int move = -1, valid = 0;
    for (int mv = 0; mv < 3; ++mv)
      if (st.Valid(mv)) ++valid, move = mv;
    if (valid > 1 && exact) {
      const State::Group groups[3] = {State::kFront, State::kTop, State::kSecond};
      const int toks[3] = {st.b(0), st.s(0), st.s(1)};
      int32_t* cached[3];
      uint32_t ends[4];
      int32_t seg[12];
      int m = st.OtherTransKeys(keys), nseg = 0;
      ends[nseg++] = static_cast<uint32_t>(m);
      for (int g = 0; g < 3; ++g) {
        cached[g] = &group_sums[(static_cast<size_t>(g) * slots + static_cast<size_t>(toks[g])) * 3];
        if (cached[g][0] != kUnset) continue;
        m += st.GroupKeys(groups[g], toks[g], keys + m);
        ends[nseg++] = static_cast<uint32_t>(m);
      }
      trans_.SumSegments({keys, static_cast<size_t>(m)}, {ends, static_cast<size_t>(nseg)}, seg);
      int32_t sums[3] = {seg[0], seg[1], seg[2]};
      for (int g = 0, next = 1; g < 3; ++g) {
        if (cached[g][0] == kUnset) std::copy(seg + 3 * next, seg + 3 * next + 3, cached[g]), ++next;
        sums[0] += cached[g][0], sums[1] += cached[g][1], sums[2] += cached[g][2];
      }
      move = -1;
      for (int mv = 0; mv < 3; ++mv)
        if (st.Valid(mv) && (move < 0 || sums[mv] > sums[move])) move = mv;
    } else if (valid > 1) {  // running weights (dev scores during training)
      const int m = st.TransKeys(keys);
      float scores[3] = {0, 0, 0};
      trans_.Score({keys, static_cast<size_t>(m)}, scores);
      move = -1;
      for (int mv = 0; mv < 3; ++mv)
        if (st.Valid(mv) && (move < 0 || scores[mv] > scores[move])) move = mv;
    }
    int d = -1, h = -1;
    st.Apply(move, &d, &h);
    if (d < 0) continue;
    int lab = root_label_;
    if (h != st.n()) {
      const int m = st.LabelKeys(d, h, keys);
      std::fill(lscores.begin(), lscores.end(), 0.0f);
      labels_.Score({keys, static_cast<size_t>(m)}, lscores.data());
      lab = -1;
      for (int c = 0; c < nl; ++c)
        if (c != root_label_ && (lab < 0 || lscores[static_cast<size_t>(c)] > lscores[static_cast<size_t>(lab)]))
          lab = c;
    }
    st.SetLabel(d, h, lab);
  }
  for (int i = 0; i < st.n(); ++i) {
    head[i] = scratch.head[static_cast<size_t>(i)];
    label[i] = scratch.label[static_cast<size_t>(i)];
  }
}

void Parser::TrainGreedy(const ParseSentence& s, ParseScratch& scratch, double explore, std::mt19937_64& rng) {
  State st(s, scratch, guided_, slim_);
  uint64_t keys[kMaxKeys];
  float scores[3];
  const int nl = labels_.num_classes();
  std::vector<float>& lscores = scratch.lscores;
  lscores.resize(static_cast<size_t>(nl));
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  while (!st.Terminal()) {
    int cost[3];
    int valid = 0, min_cost = 1 << 30;
    for (int mv = 0; mv < 3; ++mv) {
      cost[mv] = st.Valid(mv) ? st.Cost(mv, s.gold_head) : -1;
      if (cost[mv] >= 0) ++valid, min_cost = std::min(min_cost, cost[mv]);
    }
    int move = -1;
    if (valid > 1) {
      const int m = st.TransKeys(keys);
      scores[0] = scores[1] = scores[2] = 0;
      trans_.Score({keys, static_cast<size_t>(m)}, scores);
      int pred = -1, gold = -1;
      for (int mv = 0; mv < 3; ++mv) {
        if (cost[mv] < 0) continue;
        if (pred < 0 || scores[mv] > scores[pred]) pred = mv;
        if (cost[mv] == min_cost && (gold < 0 || scores[mv] > scores[gold])) gold = mv;
      }
      if (cost[pred] > min_cost) {
        trans_.Update({keys, static_cast<size_t>(m)}, gold, 1.0f, t_trans_);
        trans_.Update({keys, static_cast<size_t>(m)}, pred, -1.0f, t_trans_);
        move = (explore > 0 && coin(rng) < explore) ? pred : gold;
      } else {
        move = pred;
      }
      t_trans_ += 1;
    } else {
      for (int mv = 0; mv < 3; ++mv)
        if (cost[mv] >= 0) move = mv;
    }
    int d = -1, h = -1;
    st.Apply(move, &d, &h);
    if (d < 0) continue;
    int lab = root_label_;
    if (h != st.n()) {
      const int m = st.LabelKeys(d, h, keys);
      std::fill(lscores.begin(), lscores.end(), 0.0f);
      labels_.Score({keys, static_cast<size_t>(m)}, lscores.data());
      lab = -1;
      for (int c = 0; c < nl; ++c)
        if (c != root_label_ && (lab < 0 || lscores[static_cast<size_t>(c)] > lscores[static_cast<size_t>(lab)]))
          lab = c;
      const int gold_label = s.gold_label[static_cast<size_t>(d)];
      if (s.gold_head[static_cast<size_t>(d)] == h && gold_label != root_label_) {
        if (lab != gold_label) {
          labels_.Update({keys, static_cast<size_t>(m)}, gold_label, 1.0f, t_label_);
          labels_.Update({keys, static_cast<size_t>(m)}, lab, -1.0f, t_label_);
          if (explore == 0) lab = gold_label;
        }
        t_label_ += 1;
      }
    }
    st.SetLabel(d, h, lab);
  }
}

void Parser::Parse(const ParseSentence& s, ParseScratch& x, int* head, int* label) const {
  if (!right_to_left_) return ParseInOrder(s, x, head, label);
  Reverse(s, x.reversed);
  const size_t n = s.word.size();
  x.rhead.resize(n);
  x.rlabel.resize(n);
  ParseInOrder(x.reversed, x, x.rhead.data(), x.rlabel.data());
  for (size_t i = 0; i < n; ++i) {
    const int h = x.rhead[n - 1 - i];
    head[i] = h < 0 || h >= static_cast<int>(n) ? h : static_cast<int>(n) - 1 - h;
    label[i] = x.rlabel[n - 1 - i];
  }
}

void Parser::ParseInOrder(const ParseSentence& s, ParseScratch& x, int* head, int* label) const {
  if (beam_ == 1) return ParseGreedy(s, x, head, label);
  Search search(*this, s, x);
  const int n = search.n();
  if (n == 0) return;
  const int steps = 2 * n;
  x.steps.resize(static_cast<size_t>(steps) + 1);
  x.steps[0].assign(1, search.Initial());
  x.lscores.resize(static_cast<size_t>(labels_.num_classes()));
  std::vector<Candidate> cand;
  cand.reserve(static_cast<size_t>(3 * beam_));
  for (int t = 0; t < steps; ++t) {
    const std::vector<ParseItem>& cur = x.steps[static_cast<size_t>(t)];
    const size_t keep = ExpandBeam(search, cur, n, beam_, cand);
    std::vector<ParseItem>& next = x.steps[static_cast<size_t>(t) + 1];
    next.clear();
    for (size_t c = 0; c < keep; ++c) {
      const ParseItem& it = x.steps[static_cast<size_t>(t)][static_cast<size_t>(cand[c].item)];
      int lab = -1;
      if (cand[c].move != kShift) {
        int dn, hn;
        search.ArcNodes(it, cand[c].move, &dn, &hn);
        lab = search.Label(dn, hn, x.lscores.data());
      }
      ParseItem out = search.Apply(it, cand[c].move, lab);
      out.parent = cand[c].item;
      out.score = cand[c].score;
      next.push_back(out);
    }
  }
  for (int i = 0; i < n; ++i) head[i] = n, label[i] = root_label_;
  int at = 0;
  for (int t = steps; t > 0; --t) {
    const ParseItem& it = x.steps[static_cast<size_t>(t)][static_cast<size_t>(at)];
    if (it.dep >= 0) {
      head[it.dep] = it.head;
      label[it.dep] = it.label;
    }
    at = it.parent;
  }
}

// Beam search along with the oracle item; on a wrong final parse, updates at
// the step where the best item outscores the oracle item the most.
void Parser::TrainOne(const ParseSentence& s, ParseScratch& x) {
  Search search(*this, s, x);
  const int n = search.n();
  if (n == 0) return;
  const int steps = 2 * n;
  const auto& gh = s.gold_head;
  x.steps.resize(static_cast<size_t>(steps) + 1);
  x.steps[0].assign(1, search.Initial());
  x.steps[0][0].gold = true;
  x.gold.assign(1, x.steps[0][0]);
  x.pending.assign(static_cast<size_t>(n) + 1, 0);
  for (int i = 0; i < n; ++i) ++x.pending[static_cast<size_t>(gh[static_cast<size_t>(i)])];
  const int nl = labels_.num_classes();
  x.lscores.resize(static_cast<size_t>(nl));
  uint64_t keys[kMaxKeys];
  std::vector<Candidate> cand;
  auto gold_label = [&](int d, int h) {
    return h == n ? root_label_ : s.gold_label[static_cast<size_t>(d)];
  };
  for (int t = 0; t < steps; ++t) {
    // The oracle move from the oracle item (arc-hybrid static oracle).
    const ParseItem g = x.gold[static_cast<size_t>(t)];
    int omove = -1;
    if (g.sp >= 1) {
      const int s0 = search.N(g.top).tok;
      if (x.pending[static_cast<size_t>(s0)] == 0) {
        if (gh[static_cast<size_t>(s0)] == g.b0 && Search::Valid(g, kLeft, n)) omove = kLeft;
        else if (g.sp >= 2 && gh[static_cast<size_t>(s0)] == search.N(search.Below(g.top)).tok) omove = kRight;
      }
    }
    if (omove < 0) {
      if (Search::Valid(g, kShift, n)) omove = kShift;
      else omove = Search::Valid(g, kRight, n) ? kRight : kLeft;  // not reached on projective trees
    }
    // Beam candidates.
    const std::vector<ParseItem>& cur = x.steps[static_cast<size_t>(t)];
    const size_t keep = ExpandBeam(search, cur, n, beam_, cand);
    // The oracle item's next state (and the label perceptron's update).
    {
      int valid = 0;
      for (int mv = 0; mv < 3; ++mv) valid += Search::Valid(g, mv, n);
      float gs = 0;
      if (valid > 1) {
        float sc[3];
        search.Score(g, sc);
        gs = sc[omove];
      }
      int lab = -1;
      if (omove != kShift) {
        int dn, hn;
        search.ArcNodes(g, omove, &dn, &hn);
        const int d = search.N(dn).tok, h = search.N(hn).tok;
        lab = gold_label(d, h);
        if (h != n) {
          const int m = search.LabelKeys(search.N(dn), search.N(hn), keys);
          std::fill(x.lscores.begin(), x.lscores.end(), 0.0f);
          labels_.Score({keys, static_cast<size_t>(m)}, x.lscores.data());
          int pred = -1;
          for (int c = 0; c < nl; ++c)
            if (c != root_label_ && (pred < 0 || x.lscores[static_cast<size_t>(c)] > x.lscores[static_cast<size_t>(pred)]))
              pred = c;
          if (pred != lab) {
            labels_.Update({keys, static_cast<size_t>(m)}, lab, 1.0f, t_label_);
            labels_.Update({keys, static_cast<size_t>(m)}, pred, -1.0f, t_label_);
          }
          t_label_ += 1;
        }
        --x.pending[static_cast<size_t>(h)];
      }
      ParseItem ng = search.Apply(g, omove, lab);
      ng.score = g.score + gs;
      ng.forced = valid == 1;
      ng.gold = true;
      x.gold.push_back(ng);
    }
    std::vector<ParseItem>& next = x.steps[static_cast<size_t>(t) + 1];
    next.clear();
    for (size_t c = 0; c < keep; ++c) {
      const ParseItem& it = x.steps[static_cast<size_t>(t)][static_cast<size_t>(cand[c].item)];
      const bool gold = it.gold && cand[c].move == omove;
      int valid = 0;
      for (int mv = 0; mv < 3; ++mv) valid += Search::Valid(it, mv, n);
      int lab = -1;
      if (cand[c].move != kShift) {
        int dn, hn;
        search.ArcNodes(it, cand[c].move, &dn, &hn);
        lab = gold ? gold_label(search.N(dn).tok, search.N(hn).tok) : search.Label(dn, hn, x.lscores.data());
      }
      ParseItem out = search.Apply(it, cand[c].move, lab);
      out.parent = cand[c].item;
      out.score = cand[c].score;
      out.forced = valid == 1;
      out.gold = gold;
      next.push_back(out);
    }
  }
  if (x.steps[static_cast<size_t>(steps)][0].gold) return;
  int worst = -1;
  float most = -1e30f;
  for (int t = 1; t <= steps; ++t) {
    const ParseItem& best = x.steps[static_cast<size_t>(t)][0];
    if (best.gold) continue;
    const float v = best.score - x.gold[static_cast<size_t>(t)].score;
    if (v >= most) most = v, worst = t;
  }
  if (worst < 0) return;
  // The predicted path back from the most violating step, then the oracle
  // path over the same steps; the shared prefix cancels out.
  int at = 0, first = worst + 1;
  for (int t = worst; t > 0; --t) {
    const ParseItem& it = x.steps[static_cast<size_t>(t)][static_cast<size_t>(at)];
    if (it.gold) break;
    first = t;
    const ParseItem& prev = x.steps[static_cast<size_t>(t) - 1][static_cast<size_t>(it.parent)];
    if (!it.forced) {
      const int m = search.TransKeys(prev, keys);
      trans_.Update({keys, static_cast<size_t>(m)}, it.move, -1.0f, t_trans_);
    }
    at = it.parent;
  }
  for (int t = first; t <= worst; ++t) {
    const ParseItem& it = x.gold[static_cast<size_t>(t)];
    if (it.forced) continue;
    const int m = search.TransKeys(x.gold[static_cast<size_t>(t) - 1], keys);
    trans_.Update({keys, static_cast<size_t>(m)}, it.move, 1.0f, t_trans_);
  }
}

void Parser::Train(const std::vector<ParseSentence>& data, int epochs, uint64_t seed,
                   const std::function<void(int)>& after_epoch) {
  std::vector<ParseSentence> gold = data;
  for (ParseSentence& s : gold) {
    if (right_to_left_) {
      ParseSentence r;
      Reverse(s, r);
      s = std::move(r);
    }
    Projectivize(s.gold_head);
  }
  std::vector<size_t> order(gold.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed ^ 0x5eed);
  ParseScratch scratch;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    const double explore = epoch == 0 ? 0.0 : 0.9;
    for (size_t si : order) {
      if (beam_ == 1) {
        TrainGreedy(gold[si], scratch, explore, rng);
      } else {
        TrainOne(gold[si], scratch);
        t_trans_ += 1;
      }
    }
    if (after_epoch) after_epoch(epoch);
  }
}

void Parser::Finish(float prune) {
  trans_.Average(t_trans_);
  labels_.Average(t_label_);
  trans_.Prune(prune);
  labels_.Prune(prune);
}

void Parser::Write(ByteWriter& w) const {
  w.Put<int32_t>(root_label_);
  trans_.Write(w);
  labels_.Write(w);
  w.Put<int32_t>(beam_);
  // Flags only where set: a plain parser writes the bytes it did before them.
  const int32_t flags = (right_to_left_ ? 1 : 0) | (guided_ ? 2 : 0) | (slim_ ? 4 : 0);
  if (flags != 0) w.Put<int32_t>(flags);
}

bool Parser::Read(ByteReader& r) {
  if (!r.Get(root_label_) || !trans_.Read(r) || !labels_.Read(r)) return r.Fail();
  if (trans_.num_classes() != 3 || root_label_ < 0 || root_label_ >= labels_.num_classes() ||
      labels_.num_classes() > 250)
    return r.Fail();
  beam_ = 1;
  if (!r.AtEnd()) {
    int32_t beam = 0;
    if (!r.Get(beam) || beam < 1 || beam > kMaxBeam) return r.Fail();
    beam_ = beam;
  }
  right_to_left_ = guided_ = slim_ = false;
  if (!r.AtEnd()) {  // models made before stacking lack the flags
    int32_t flags = 0;
    if (!r.Get(flags) || (flags & ~7) != 0) return r.Fail();
    right_to_left_ = (flags & 1) != 0;
    guided_ = (flags & 2) != 0;
    slim_ = (flags & 4) != 0;
  }
  if ((guided_ || slim_) && beam_ != 1) return r.Fail();  // features of the greedy parser only
  return true;
}

int Projectivize(std::vector<int>& head) {
  const int n = static_cast<int>(head.size());
  auto hd = [&](int i) { return head[static_cast<size_t>(i)]; };
  // Is every word strictly between h and d a descendant of h?
  auto projective = [&](int d) {
    const int h = hd(d);
    const int lo = std::min(h, d), hi = std::max(h, d);
    for (int k = lo + 1; k < hi; ++k) {
      int a = k;
      for (int steps = 0; a != h && a != n && steps <= n; ++steps) a = hd(a);
      if (a != h) return false;
    }
    return true;
  };
  int lifted = 0;
  for (int round = 0; round < n * n + 1; ++round) {
    int best = -1, best_len = 1 << 30;
    for (int d = 0; d < n; ++d) {
      if (hd(d) == n) continue;
      const int len = std::abs(hd(d) - d);
      if (len < best_len && !projective(d)) best = d, best_len = len;
    }
    if (best < 0) break;
    head[static_cast<size_t>(best)] = hd(hd(best));
    ++lifted;
  }
  return lifted;
}

}  // namespace parley::parse

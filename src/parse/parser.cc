#include "parse/parser.h"

#include <algorithm>
#include <cstdlib>
#include <random>

#include "parse/hash.h"

namespace parley::parse {
namespace {

enum Move { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kMaxKeys = 112;
constexpr int kNoLabel = 255;
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

}  // namespace

// The configuration: a stack, the buffer front b0 (n = root) and the arcs so
// far. Token n is the root, n + 1 stands for "none".
class Parser::State {
 public:
  State(const ParseSentence& s, ParseScratch& x) : x_(x), n_(static_cast<int>(s.word.size())) {
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
    x.word.resize(m);
    x.tag.resize(m);
    x.utag.resize(m);
    x.wp.resize(m);
    for (int i = 0; i < n_; ++i) {
      const size_t k = static_cast<size_t>(i);
      x.word[k] = s.word[k];
      x.tag[k] = s.xpos[k];
      x.utag[k] = s.upos[k];
    }
    x.word[static_cast<size_t>(n_)] = kRootWord;
    x.tag[static_cast<size_t>(n_)] = x.utag[static_cast<size_t>(n_)] = kRootTag;
    x.word[static_cast<size_t>(n_) + 1] = kNoneWord;
    x.tag[static_cast<size_t>(n_) + 1] = x.utag[static_cast<size_t>(n_) + 1] = kNoneTag;
    for (size_t k = 0; k < m; ++k) x.wp[k] = Mix64(x.word[k] + U(x.tag[k]) * 0x9E3779B97F4A7C15ULL);
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

  int TransKeys(uint64_t* k) const {
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
    const int s0 = s(0), s1 = s(1), s2 = s(2), b0 = b(0), b1 = b(1), b2 = b(2);
    const int s0L = lc1(s0), s0L2 = lc2(s0), s0R = rc1(s0), s0R2 = rc2(s0);
    const int b0L = lc1(b0), b0L2 = lc2(b0), s1R = rc1(s1), s1L = lc1(s1);
    const uint64_t d = s0 == none() ? 8 : (b0 == n_ ? 9 : Dist(s0, b0));
    const uint64_t d1 = s1 == none() ? 8 : Dist(s1, s0);
    const size_t s0k = static_cast<size_t>(s0), s1k = static_cast<size_t>(s1), b0k = static_cast<size_t>(b0);
    int m = 0;
    k[m++] = Key(100, WP(s0));
    k[m++] = Key(101, W(s0));
    k[m++] = Key(102, p(s0));
    k[m++] = Key(103, WP(b0));
    k[m++] = Key(104, W(b0));
    k[m++] = Key(105, p(b0));
    k[m++] = Key(106, WP(b1));
    k[m++] = Key(107, W(b1));
    k[m++] = Key(108, p(b1));
    k[m++] = Key(109, W(b2));
    k[m++] = Key(110, p(b2));
    k[m++] = Key(111, WP(s1));
    k[m++] = Key(112, W(s1));
    k[m++] = Key(113, p(s1));
    k[m++] = Key(114, p(s2));
    k[m++] = Key(115, W(s2));
    k[m++] = Key(120, WP(s0), WP(b0));
    k[m++] = Key(121, WP(s0), W(b0));
    k[m++] = Key(122, W(s0), WP(b0));
    k[m++] = Key(123, WP(s0), p(b0));
    k[m++] = Key(124, p(s0), WP(b0));
    k[m++] = Key(125, W(s0), W(b0));
    k[m++] = Key(126, p(s0), p(b0));
    k[m++] = Key(127, p(b0), p(b1));
    k[m++] = Key(128, WP(s1), WP(s0));
    k[m++] = Key(129, W(s1), W(s0));
    k[m++] = Key(130, p(s1), p(s0));
    k[m++] = Key(131, WP(s1), p(s0));
    k[m++] = Key(132, p(s1), WP(s0));
    k[m++] = Key(133, p(s1), p(b0));
    k[m++] = Key(134, W(s1), W(b0));
    k[m++] = Key(135, WP(s1), p(b0));
    k[m++] = Key(140, p(b0), p(b1), p(b2));
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
    k[m++] = Key(151, WP(s0), p(b0), p(b1));
    k[m++] = Key(152, p(s1), WP(s0), p(b0));
    k[m++] = Key(153, p(s1), p(s0), WP(b0));
    k[m++] = Key(160, W(s0), d);
    k[m++] = Key(161, p(s0), d);
    k[m++] = Key(162, W(b0), d);
    k[m++] = Key(163, p(b0), d);
    k[m++] = Key(164, W(s0), W(b0), d);
    k[m++] = Key(165, p(s0), p(b0), d);
    k[m++] = Key(166, p(s1), p(s0), d1);
    k[m++] = Key(167, W(s1), d1);
    k[m++] = Key(168, W(s0), d1);
    k[m++] = Key(169, p(s1), p(s0), p(b0) * 16 + d * 2 + (d1 & 1));
    k[m++] = Key(170, W(s0), U(x_.nr[s0k]));
    k[m++] = Key(171, p(s0), U(x_.nr[s0k]));
    k[m++] = Key(172, W(s0), U(x_.nl[s0k]));
    k[m++] = Key(173, p(s0), U(x_.nl[s0k]));
    k[m++] = Key(174, W(b0), U(x_.nl[b0k]));
    k[m++] = Key(175, p(b0), U(x_.nl[b0k]));
    k[m++] = Key(176, W(s1), U(x_.nr[s1k]));
    k[m++] = Key(177, p(s1), U(x_.nr[s1k]));
    k[m++] = Key(180, W(s0L));
    k[m++] = Key(181, p(s0L));
    k[m++] = Key(182, L(s0L));
    k[m++] = Key(183, W(s0R));
    k[m++] = Key(184, p(s0R));
    k[m++] = Key(185, L(s0R));
    k[m++] = Key(186, W(b0L));
    k[m++] = Key(187, p(b0L));
    k[m++] = Key(188, L(b0L));
    k[m++] = Key(189, W(s1R));
    k[m++] = Key(190, p(s1R));
    k[m++] = Key(191, L(s1R));
    k[m++] = Key(192, p(s1L));
    k[m++] = Key(193, L(s1L));
    k[m++] = Key(194, W(s0L2));
    k[m++] = Key(195, p(s0L2));
    k[m++] = Key(196, L(s0L2));
    k[m++] = Key(197, W(s0R2));
    k[m++] = Key(198, p(s0R2));
    k[m++] = Key(199, L(s0R2));
    k[m++] = Key(200, W(b0L2));
    k[m++] = Key(201, p(b0L2));
    k[m++] = Key(202, L(b0L2));
    k[m++] = Key(203, p(s0), L(s0L), L(s0L2));
    k[m++] = Key(204, p(s0), L(s0R), L(s0R2));
    k[m++] = Key(205, p(b0), L(b0L), L(b0L2));
    k[m++] = Key(206, W(s0), x_.rmask[s0k]);
    k[m++] = Key(207, p(s0), x_.rmask[s0k]);
    k[m++] = Key(208, W(s0), x_.lmask[s0k]);
    k[m++] = Key(209, p(s0), x_.lmask[s0k]);
    k[m++] = Key(210, W(b0), x_.lmask[b0k]);
    k[m++] = Key(211, p(b0), x_.lmask[b0k]);
    k[m++] = Key(212, p(s1), x_.rmask[s1k]);
    k[m++] = Key(213, p(s1), x_.lmask[s1k]);
    k[m++] = Key(214, U(x_.utag[s0k]), U(x_.utag[b0k]), U(x_.utag[s1k]));
    k[m++] = Key(215, p(s0), L(s0L), p(b0));
    k[m++] = Key(216, p(s0), L(s0R), p(b0));
    k[m++] = Key(217, p(s1), L(s1R), p(s0));
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
    k[m++] = Key(312, p(d), x_.lmask[dk]);
    k[m++] = Key(313, p(d), x_.rmask[dk]);
    k[m++] = Key(314, W(dl), p(d));
    k[m++] = Key(315, W(dl), p(h), dir);
    k[m++] = Key(316, L(dl), p(d));
    k[m++] = Key(317, W(dr), p(d));
    k[m++] = Key(318, L(dr), p(d));
    k[m++] = Key(319, x_.lmask[hk], p(d), dir);
    k[m++] = Key(320, x_.rmask[hk], p(d), dir);
    k[m++] = Key(321, p(h), u(h), p(d));
    k[m++] = Key(322, p(next), p(d));
    k[m++] = Key(323, p(prev), p(d));
    k[m++] = Key(324, W(h), dir);
    k[m++] = Key(325, u(d), u(h), dir);
    k[m++] = Key(326, W(dl), p(d), p(h));
    k[m++] = Key(327, WP(d), dir);
    k[m++] = Key(328, W(dl2), p(d), p(h));
    k[m++] = Key(329, L(dl), L(dl2), p(d));
    k[m++] = Key(330, W(d), x_.lmask[dk] | x_.rmask[dk]);
    k[m++] = Key(331, p(d), p(h), x_.lmask[dk] | x_.rmask[dk]);
    k[m++] = Key(332, W(next), p(d));
    return m;
  }

  const ParseScratch& x() const { return x_; }

 private:
  ParseScratch& x_;
  int n_;
  int b0_ = 0;
};

void Parser::Parse(const ParseSentence& s, ParseScratch& scratch, int* head, int* label) const {
  State st(s, scratch);
  uint64_t keys[kMaxKeys];
  float scores[3];
  const int nl = labels_.num_classes();
  std::vector<float>& lscores = scratch.lscores;
  lscores.resize(static_cast<size_t>(nl));
  while (!st.Terminal()) {
    int move = -1, valid = 0;
    for (int mv = 0; mv < 3; ++mv)
      if (st.Valid(mv)) ++valid, move = mv;
    if (valid > 1) {
      const int m = st.TransKeys(keys);
      scores[0] = scores[1] = scores[2] = 0;
      trans_.Score({keys, static_cast<size_t>(m)}, scores);
      float best = 0;
      move = -1;
      for (int mv = 0; mv < 3; ++mv)
        if (st.Valid(mv) && (move < 0 || scores[mv] > best)) move = mv, best = scores[mv];
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

void Parser::TrainOne(const ParseSentence& s, ParseScratch& scratch, double explore, std::mt19937_64& rng) {
  State st(s, scratch);
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

void Parser::Train(const std::vector<ParseSentence>& data, int epochs, uint64_t seed,
                   const std::function<void(int)>& after_epoch) {
  std::vector<ParseSentence> gold = data;
  for (ParseSentence& s : gold) Projectivize(s.gold_head);
  std::vector<size_t> order(gold.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed ^ 0x5eed);
  ParseScratch scratch;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    const double explore = epoch == 0 ? 0.0 : 0.9;
    for (size_t si : order) TrainOne(gold[si], scratch, explore, rng);
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
}

bool Parser::Read(ByteReader& r) {
  if (!r.Get(root_label_) || !trans_.Read(r) || !labels_.Read(r)) return r.Fail();
  if (trans_.num_classes() != 3 || root_label_ < 0 || root_label_ >= labels_.num_classes())
    return r.Fail();
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

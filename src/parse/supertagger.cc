#include "parse/supertagger.h"

#include <algorithm>
#include <random>

#include "parse/hash.h"

namespace parley::parse {
namespace {

constexpr size_t kPad = Tagger::kPad;
constexpr int kMaxKeys = 64;
constexpr int kStart = 1000, kEnd = 1001;  // beyond the sentence (tag ids are below 256)

// Penn tag of the word `offset` places from word i.
uint64_t Xpos(const int* xpos, size_t n, size_t i, long offset) {
  const long j = static_cast<long>(i) + offset;
  if (j < 0) return kStart;
  return static_cast<size_t>(j) >= n ? kEnd : static_cast<uint64_t>(xpos[j]);
}

uint8_t DistanceBin(size_t d) {
  if (d <= 4) return static_cast<uint8_t>(d);
  return d <= 8 ? 5 : 6;
}

}  // namespace

void Supertagger::VerbDistances(const int* xpos, size_t n, std::vector<uint8_t>& left,
                                std::vector<uint8_t>& right) const {
  left.assign(n, 0);
  right.assign(n, 0);
  auto verbal = [&](size_t i) {
    const size_t x = static_cast<size_t>(xpos[i]);
    return x < verbal_.size() && verbal_[x] != 0;
  };
  size_t last = SIZE_MAX;
  for (size_t i = 0; i < n; ++i) {
    if (last != SIZE_MAX) left[i] = DistanceBin(i - last);
    if (verbal(i)) last = i;
  }
  last = SIZE_MAX;
  for (size_t i = n; i-- > 0;) {
    if (last != SIZE_MAX) right[i] = DistanceBin(last - i);
    if (verbal(i)) last = i;
  }
}

int Supertagger::ContextKeys(const std::vector<WordInfo>& info, const int* xpos, size_t n, size_t i,
                             const uint8_t* verbs_left, const uint8_t* verbs_right, uint64_t* k) const {
  const WordInfo& w = info[i + kPad];
  const WordInfo& p1 = info[i + kPad - 1];
  const WordInfo& n1 = info[i + kPad + 1];
  const uint64_t x0 = Xpos(xpos, n, i, 0), xp1 = Xpos(xpos, n, i, -1), xp2 = Xpos(xpos, n, i, -2);
  const uint64_t xn1 = Xpos(xpos, n, i, 1), xn2 = Xpos(xpos, n, i, 2);
  const uint64_t verbs = uint64_t{verbs_left[i]} << 8 | verbs_right[i];
  const uint64_t edge = (i == 0 ? 1 : 0) | (i + 1 == n ? 2 : 0);
  int m = 0;
  k[m++] = Key(500, 0);
  k[m++] = Key(504, w.cluster[1], x0);
  k[m++] = Key(505, x0);
  k[m++] = Key(506, xp1, x0);
  k[m++] = Key(507, x0, xn1);
  k[m++] = Key(508, xp1, x0, xn1);
  k[m++] = Key(509, x0, xn1, xn2);
  k[m++] = Key(510, xp2, xp1, x0);
  k[m++] = Key(511, xp1);
  k[m++] = Key(512, xn1);
  k[m++] = Key(513, xp2);
  k[m++] = Key(514, xn2);
  k[m++] = Key(518, p1.lower);
  k[m++] = Key(519, n1.lower);
  k[m++] = Key(520, w.lower, n1.lower);
  k[m++] = Key(521, p1.lower, w.lower);
  k[m++] = Key(527, x0, verbs);
  k[m++] = Key(529, x0, xn1, verbs);
  k[m++] = Key(530, x0, edge);
  return m;
}

int Supertagger::TagKeys(const std::vector<WordInfo>& info, const int* xpos, size_t n, size_t i, int t1, int t2,
                         uint64_t* k) const {
  const uint64_t x0 = Xpos(xpos, n, i, 0), xn1 = Xpos(xpos, n, i, 1);
  const uint64_t u1 = static_cast<uint64_t>(t1), u2 = static_cast<uint64_t>(t2);
  int m = 0;
  k[m++] = Key(522, u1);
  k[m++] = Key(523, u1, u2);
  k[m++] = Key(524, u1, x0);
  k[m++] = Key(525, u1, info[i + kPad].lower);
  k[m++] = Key(526, u1, x0, xn1);
  return m;
}

void Supertagger::Tag(const std::vector<WordInfo>& info, const int* xpos, size_t n, int* out) const {
  thread_local std::vector<uint8_t> left, right;
  VerbDistances(xpos, n, left, right);
  // Each word's context keys are made, and their index entries requested,
  // while the word before it is scored: only the previous-supertag keys
  // wait for that word's answer.
  uint64_t keys[2][kMaxKeys];
  int context[2] = {0, 0};
  float scores[256];
  const int nt = weights_.num_classes();
  if (n > 0) context[0] = ContextKeys(info, xpos, n, 0, left.data(), right.data(), keys[0]);
  for (size_t i = 0; i < n; ++i) {
    uint64_t* k = keys[i & 1];
    if (i + 1 < n) {
      uint64_t* next = keys[(i + 1) & 1];
      context[(i + 1) & 1] = ContextKeys(info, xpos, n, i + 1, left.data(), right.data(), next);
      weights_.Prefetch({next, static_cast<size_t>(context[(i + 1) & 1])});
    }
    const int t1 = i >= 1 ? out[i - 1] : kStart;
    const int t2 = i >= 2 ? out[i - 2] : kStart;
    const int m = context[i & 1] + TagKeys(info, xpos, n, i, t1, t2, k + context[i & 1]);
    std::fill(scores, scores + nt, 0.0f);
    weights_.Score({k, static_cast<size_t>(m)}, scores);
    out[i] = static_cast<int>(std::max_element(scores, scores + nt) - scores);
  }
}

void Supertagger::Train(const std::vector<SupertagExample>& data, int epochs, uint64_t seed, float prune) {
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  std::vector<int> guess;
  std::vector<uint8_t> left, right;
  uint64_t keys[kMaxKeys];
  float scores[256];
  const int nt = weights_.num_classes();
  double time = 1;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t si : order) {
      const SupertagExample& s = data[si];
      const size_t n = s.gold.size();
      VerbDistances(s.xpos.data(), n, left, right);
      guess.assign(n, 0);
      for (size_t i = 0; i < n; ++i) {
        const int t1 = i >= 1 ? guess[i - 1] : kStart;
        const int t2 = i >= 2 ? guess[i - 2] : kStart;
        int m = ContextKeys(s.info, s.xpos.data(), n, i, left.data(), right.data(), keys);
        m += TagKeys(s.info, s.xpos.data(), n, i, t1, t2, keys + m);
        std::fill(scores, scores + nt, 0.0f);
        weights_.Score({keys, static_cast<size_t>(m)}, scores);
        const int g = static_cast<int>(std::max_element(scores, scores + nt) - scores);
        if (g != s.gold[i]) {
          weights_.Update({keys, static_cast<size_t>(m)}, s.gold[i], 1.0f, time);
          weights_.Update({keys, static_cast<size_t>(m)}, g, -1.0f, time);
        }
        time += 1;
        guess[i] = g;
      }
    }
  }
  weights_.Average(time);
  weights_.Prune(prune);
}

void Supertagger::Write(ByteWriter& w) const {
  weights_.Write(w);
  w.PutArray(verbal_);
}

bool Supertagger::Read(ByteReader& r) {
  return weights_.Read(r) && weights_.num_classes() <= 256 && r.GetArray(verbal_);
}

}  // namespace parley::parse

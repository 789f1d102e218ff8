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

void Supertagger::Describe(const std::vector<WordInfo>& info, const int* xpos, size_t n, SentenceContext& c) const {
  static const uint64_t kComma = HashLower(",");
  c.verbs_left.assign(n, 0);
  c.verbs_right.assign(n, 0);
  if (landmarks_) {
    c.commas_left.assign(n, 0);
    c.commas_right.assign(n, 0);
    c.verb_right_at.assign(n, -1);
    c.comma_left_at.assign(n, -1);
    for (auto& at : c.left_at) at.assign(n, -1);
  }
  auto class_of = [&](size_t i) {
    const size_t x = static_cast<size_t>(xpos[i]);
    return x < word_class_.size() && word_class_[x] < kWordClasses ? int{word_class_[x]} : int{kOtherWord};
  };
  auto comma = [&](size_t i) { return info[i + kPad].lower == kComma; };
  int last[kWordClasses];
  std::fill(last, last + kWordClasses, -1);
  int last_comma = -1;
  // Without landmarks only the verb distances are read.
  for (size_t i = 0; i < n; ++i) {
    if (last[kVerbWord] >= 0) c.verbs_left[i] = DistanceBin(i - static_cast<size_t>(last[kVerbWord]));
    if (landmarks_) {
      for (int k = 0; k < kWordClasses; ++k) c.left_at[k][i] = last[k];
      c.comma_left_at[i] = last_comma;
      if (last_comma >= 0) c.commas_left[i] = DistanceBin(i - static_cast<size_t>(last_comma));
      if (comma(i)) last_comma = static_cast<int>(i);
    }
    last[class_of(i)] = static_cast<int>(i);
  }
  int next_verb = -1, next_comma = -1;
  for (size_t i = n; i-- > 0;) {
    if (next_verb >= 0) c.verbs_right[i] = DistanceBin(static_cast<size_t>(next_verb) - i);
    if (landmarks_) {
      c.verb_right_at[i] = next_verb;
      if (next_comma >= 0) c.commas_right[i] = DistanceBin(static_cast<size_t>(next_comma) - i);
      if (comma(i)) next_comma = static_cast<int>(i);
    }
    if (class_of(i) == kVerbWord) next_verb = static_cast<int>(i);
  }
}

int Supertagger::ContextKeys(const std::vector<WordInfo>& info, const int* xpos, size_t n, size_t i,
                             const SentenceContext& c, uint64_t* k) const {
  const WordInfo& w = info[i + kPad];
  const WordInfo& p1 = info[i + kPad - 1];
  const WordInfo& n1 = info[i + kPad + 1];
  const uint64_t x0 = Xpos(xpos, n, i, 0), xp1 = Xpos(xpos, n, i, -1), xp2 = Xpos(xpos, n, i, -2);
  const uint64_t xn1 = Xpos(xpos, n, i, 1), xn2 = Xpos(xpos, n, i, 2);
  const uint64_t verbs = uint64_t{c.verbs_left[i]} << 8 | c.verbs_right[i];
  const uint64_t edge = (i == 0 ? 1 : 0) | (i + 1 == n ? 2 : 0);
  auto lower_at = [&](int q) { return q >= 0 ? info[static_cast<size_t>(q) + kPad].lower : uint64_t{1}; };
  auto tag_before = [&](int q) { return Xpos(xpos, n, static_cast<size_t>(q), -1); };
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
  if (!landmarks_) return m;
  const int verb_left = c.left_at[kVerbWord][i], verb_right = c.verb_right_at[i];
  const uint64_t verb_left_word = lower_at(verb_left), verb_right_word = lower_at(verb_right);
  k[m++] = Key(531, x0, verb_left_word);
  k[m++] = Key(532, x0, verb_right_word);
  k[m++] = Key(533, x0, verb_left >= 0 ? static_cast<uint64_t>(xpos[verb_left]) : kStart,
               verb_right >= 0 ? static_cast<uint64_t>(xpos[verb_right]) : kEnd);
  k[m++] = Key(538, w.lower, verb_left_word);
  k[m++] = Key(539, w.lower, verb_right_word);
  k[m++] = Key(534, x0, uint64_t{c.commas_left[i]} << 8 | c.commas_right[i]);
  k[m++] = Key(535, x0, w.suf[2]);
  k[m++] = Key(536, w.cluster[1], xn1);
  k[m++] = Key(537, xp1, w.cluster[1]);
  // The nearest adposition, coordinator, wh-word and comma on the left, each
  // within a few words, with what stands before it: "the city of" or
  // "fled to" (nmod or obl), "X and" (conj), "which" (relative clause).
  const auto near = [&](int q, size_t within) { return q >= 0 && i - static_cast<size_t>(q) <= within; };
  const int adposition = c.left_at[kAdpositionWord][i];
  if (near(adposition, 4)) {
    k[m++] = Key(540, x0, lower_at(adposition), tag_before(adposition));
    k[m++] = Key(541, x0, tag_before(adposition), c.verbs_left[static_cast<size_t>(adposition)]);
  } else {
    k[m++] = Key(542, x0);
  }
  const int comma = c.comma_left_at[i];
  k[m++] = near(comma, 6) ? Key(543, x0, tag_before(comma), i - static_cast<size_t>(comma)) : Key(544, x0);
  const int coordinator = c.left_at[kCoordinatorWord][i];
  k[m++] = near(coordinator, 4) ? Key(545, x0, tag_before(coordinator), i - static_cast<size_t>(coordinator))
                                : Key(546, x0);
  const int wh = c.left_at[kWhWord][i];
  k[m++] = near(wh, 6) ? Key(547, x0, lower_at(wh), i - static_cast<size_t>(wh)) : Key(548, x0);
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
  thread_local SentenceContext sc;
  Describe(info, xpos, n, sc);
  // Each word's context keys are made, and their index entries requested,
  // while the word before it is scored: only the previous-supertag keys
  // wait for that word's answer.
  uint64_t keys[2][kMaxKeys];
  int context[2] = {0, 0};
  float scores[256];
  const int nt = weights_.num_classes();
  if (n > 0) context[0] = ContextKeys(info, xpos, n, 0, sc, keys[0]);
  for (size_t i = 0; i < n; ++i) {
    uint64_t* k = keys[i & 1];
    if (i + 1 < n) {
      uint64_t* next = keys[(i + 1) & 1];
      context[(i + 1) & 1] = ContextKeys(info, xpos, n, i + 1, sc, next);
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
  SentenceContext sc;
  uint64_t keys[kMaxKeys];
  float scores[256];
  const int nt = weights_.num_classes();
  double time = 1;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t si : order) {
      const SupertagExample& s = data[si];
      const size_t n = s.gold.size();
      Describe(s.info, s.xpos.data(), n, sc);
      guess.assign(n, 0);
      for (size_t i = 0; i < n; ++i) {
        const int t1 = i >= 1 ? guess[i - 1] : kStart;
        const int t2 = i >= 2 ? guess[i - 2] : kStart;
        int m = ContextKeys(s.info, s.xpos.data(), n, i, sc, keys);
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
  w.PutArray(word_class_);
  if (landmarks_) w.Put<uint8_t>(1);
}

bool Supertagger::Read(ByteReader& r) {
  if (!weights_.Read(r) || weights_.num_classes() > 256 || !r.GetArray(word_class_)) return false;
  landmarks_ = false;
  if (r.AtEnd()) return true;  // a model made before the landmarks
  uint8_t landmarks = 0;
  if (!r.Get(landmarks) || landmarks > 1) return r.Fail();
  landmarks_ = landmarks == 1;
  return true;
}

}  // namespace parley::parse

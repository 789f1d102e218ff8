#include "parse/tagger.h"

#include <algorithm>
#include <map>
#include <random>

#include "parse/hash.h"

namespace parley::parse {
namespace {

constexpr size_t kPad = Tagger::kPad;
constexpr int kStartTag = 1000;
constexpr int kMaxKeys = 48;
// Cluster values of the boundary words (paths are below 2^31).
constexpr uint32_t kPadCluster = 0x80000000u;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

uint64_t HashLowerRange(std::string_view s, size_t from, size_t to) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = from; i < to; ++i) {
    h ^= static_cast<unsigned char>(Lower(s[i]));
    h *= 0x100000001b3ULL;
  }
  h = Mix64(h ^ (to - from));
  return h == 0 ? 1 : h;
}

char ShapeClass(char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (static_cast<unsigned char>(c) >= 0x80) return 'u';
  return c;
}

enum Flag : uint32_t {
  kHasDigit = 1,
  kHasUpper = 2,
  kAllUpper = 4,
  kHasHyphen = 8,
  kInitUpper = 16,
  kAllDigit = 32,
  kHasLower = 64,
  kLong = 128,
};

void DescribeWord(std::string_view w, WordInfo& out) {
  out.form = HashBytes(w);
  out.lower = HashLowerRange(w, 0, w.size());
  char shape[24];
  size_t len = 0;
  char last = 0;
  int run = 0;
  uint32_t flags = 0;
  bool all_upper = true, all_digit = true;
  for (char c : w) {
    const char k = ShapeClass(c);
    if (k == 'd') flags |= kHasDigit; else all_digit = false;
    if (k == 'X') flags |= kHasUpper; else all_upper = false;
    if (k == 'x') flags |= kHasLower;
    if (c == '-') flags |= kHasHyphen;
    run = (k == last) ? run + 1 : 1;
    last = k;
    if (run <= 2 && len < sizeof(shape)) shape[len++] = k;
  }
  if (!w.empty() && ShapeClass(w[0]) == 'X') flags |= kInitUpper;
  if (all_upper && !w.empty()) flags |= kAllUpper;
  if (all_digit && !w.empty()) flags |= kAllDigit;
  if (w.size() > 12) flags |= kLong;
  out.flags = flags;
  out.shape = HashBytes(std::string_view(shape, len));
  for (size_t k = 0; k < 4; ++k) {
    const size_t n = std::min(w.size(), k + 1);
    out.pre[k] = HashLowerRange(w, 0, n) ^ 0x51;
    out.suf[k] = HashLowerRange(w, w.size() - n, w.size()) ^ 0x77;
  }
  out.amb = 0;
}

}  // namespace

uint64_t HashLower(std::string_view word) { return HashLowerRange(word, 0, word.size()); }

void Tagger::Describe(const std::vector<std::string_view>& forms, std::vector<WordInfo>& info) const {
  const size_t n = forms.size();
  info.resize(n + 2 * kPad);
  for (size_t p = 0; p < kPad; ++p) {
    WordInfo& b = info[p];
    b = WordInfo();
    b.form = b.lower = b.shape = b.amb = 0x5151 + p;
    for (uint32_t& c : b.cluster) c = kPadCluster + static_cast<uint32_t>(p);
    for (int k = 0; k < 4; ++k) b.pre[k] = b.suf[k] = 0x5151 + p;
    WordInfo& e = info[n + kPad + p];
    e = WordInfo();
    e.form = e.lower = e.shape = e.amb = 0x7777 + p;
    for (uint32_t& c : e.cluster) c = kPadCluster + 2 + static_cast<uint32_t>(p);
    for (int k = 0; k < 4; ++k) e.pre[k] = e.suf[k] = 0x7777 + p;
  }
  // All the words first, then their tag-dictionary lookups, so that the
  // sentence's cache misses overlap instead of coming one word at a time.
  for (size_t i = 0; i < n; ++i) {
    WordInfo& wi = info[i + kPad];
    DescribeWord(forms[i], wi);
    amb_.Prefetch(wi.lower);
    sure_.Prefetch(wi.form);
    clusters_.Prefetch(wi.lower);
  }
  for (size_t i = 0; i < n; ++i) {
    WordInfo& wi = info[i + kPad];
    if (const uint64_t* a = amb_.Find(wi.lower)) wi.amb = *a;
    wi.path = clusters_.Find(wi.lower);
    wi.cluster[0] = WordClusters::Prefix(wi.path, 4);
    wi.cluster[1] = WordClusters::Prefix(wi.path, 8);
    wi.cluster[2] = WordClusters::Prefix(wi.path, 12);
  }
}

// Keys for the word at info[i + kPad] given the two previous tags.
int Tagger::XposKeys(const std::vector<WordInfo>& info, size_t i, int t1, int t2, uint64_t* k) const {
  const WordInfo& w = info[i + kPad];
  const WordInfo& p1 = info[i + kPad - 1];
  const WordInfo& p2 = info[i + kPad - 2];
  const WordInfo& n1 = info[i + kPad + 1];
  const WordInfo& n2 = info[i + kPad + 2];
  const uint64_t u1 = static_cast<uint64_t>(t1), u2 = static_cast<uint64_t>(t2);
  int m = 0;
  k[m++] = Key(0, 0);
  k[m++] = Key(1, w.form);
  k[m++] = Key(2, w.lower);
  for (uint32_t j = 0; j < 4; ++j) k[m++] = Key(3 + j, w.pre[j]);
  for (uint32_t j = 0; j < 4; ++j) k[m++] = Key(7 + j, w.suf[j]);
  k[m++] = Key(11, w.shape);
  k[m++] = Key(12, w.flags, i == 0);
  k[m++] = Key(13, p1.lower);
  k[m++] = Key(14, n1.lower);
  k[m++] = Key(15, p2.lower);
  k[m++] = Key(16, n2.lower);
  k[m++] = Key(17, n1.suf[2]);
  k[m++] = Key(18, p1.suf[2]);
  k[m++] = Key(19, n1.shape);
  k[m++] = Key(20, u1);
  k[m++] = Key(21, u1, u2);
  k[m++] = Key(22, u1, w.lower);
  k[m++] = Key(23, w.lower, n1.lower);
  k[m++] = Key(24, p1.lower, w.lower);
  k[m++] = Key(25, w.amb);
  k[m++] = Key(26, n1.amb);
  k[m++] = Key(27, n2.amb);
  k[m++] = Key(28, w.amb, u1);
  k[m++] = Key(29, w.amb, n1.amb);
  k[m++] = Key(30, u1, n1.lower);
  k[m++] = Key(31, w.suf[2], u1);
  k[m++] = Key(32, w.amb, u1, n1.amb);
  k[m++] = Key(33, p1.amb, w.amb);
  k[m++] = Key(34, w.shape, n1.shape);
  k[m++] = Key(35, n1.lower, n2.lower);
  if (!clusters_.empty()) {
    k[m++] = Key(60, w.cluster[2]);
    k[m++] = Key(61, w.cluster[1]);
    k[m++] = Key(62, w.cluster[0], u1);
    k[m++] = Key(63, n1.cluster[1]);
    k[m++] = Key(64, p1.cluster[1]);
    k[m++] = Key(65, w.cluster[1], w.suf[2]);
  }
  return m;
}

int Tagger::UposKeys(const std::vector<WordInfo>& info, size_t i, const int* xpos, size_t n,
                     uint64_t* k) const {
  const WordInfo& w = info[i + kPad];
  const uint64_t x = static_cast<uint64_t>(xpos[i]);
  const uint64_t xp1 = i >= 1 ? static_cast<uint64_t>(xpos[i - 1]) : kStartTag;
  const uint64_t xp2 = i >= 2 ? static_cast<uint64_t>(xpos[i - 2]) : kStartTag;
  const uint64_t xn1 = i + 1 < n ? static_cast<uint64_t>(xpos[i + 1]) : kStartTag + 1;
  const uint64_t xn2 = i + 2 < n ? static_cast<uint64_t>(xpos[i + 2]) : kStartTag + 1;
  int m = 0;
  k[m++] = Key(40, x);
  k[m++] = Key(41, x, w.lower);
  k[m++] = Key(42, w.lower);
  k[m++] = Key(43, xp1, x);
  k[m++] = Key(44, x, xn1);
  k[m++] = Key(45, x, info[i + kPad + 1].lower);
  k[m++] = Key(46, x, info[i + kPad - 1].lower);
  k[m++] = Key(47, x, w.suf[2]);
  k[m++] = Key(48, x, w.shape);
  k[m++] = Key(49, x, xn1, xn2);
  k[m++] = Key(50, xp2, xp1, x);
  k[m++] = Key(51, x, xn1, info[i + kPad + 1].lower);
  k[m++] = Key(52, x, w.amb);
  if (!clusters_.empty()) k[m++] = Key(70, x, w.cluster[1]);
  return m;
}

void Tagger::Tag(const std::vector<std::string_view>& forms, std::vector<WordInfo>& info, int* xpos, int* upos,
                 std::span<const uint8_t> known_names, const NameTags& name_tags, const FiniteTags* finite) const {
  const size_t n = forms.size();
  Describe(forms, info);
  uint64_t keys[kMaxKeys];
  float scores[256];
  const int nx = xpos_.num_classes(), nu = upos_.num_classes();
  auto tag_from = [&](size_t from) {
    for (size_t i = from; i < n; ++i) {
      upos[i] = -1;
      if (const uint32_t* sure = sure_.Find(info[i + kPad].form); sure != nullptr) {
        xpos[i] = static_cast<int>(*sure & 0xff);
        upos[i] = static_cast<int>(*sure >> 8);
        continue;
      }
      const int t1 = i >= 1 ? xpos[i - 1] : kStartTag;
      const int t2 = i >= 2 ? xpos[i - 2] : kStartTag;
      const int m = XposKeys(info, i, t1, t2, keys);
      std::fill(scores, scores + nx, 0.0f);
      xpos_.Score({keys, static_cast<size_t>(m)}, scores);
      xpos[i] = static_cast<int>(std::max_element(scores, scores + nx) - scores);
      if (i < known_names.size() && known_names[i] != 0 && info[i + kPad].amb == 0 && name_tags.nnp >= 0 &&
          xpos[i] != name_tags.nnp && xpos[i] != name_tags.nnps && xpos[i] != name_tags.jj) {
        xpos[i] = name_tags.nnp;
        upos[i] = name_tags.propn;
      }
    }
  };
  tag_from(0);
  if (finite != nullptr && finite->max_gap > 0 && n >= static_cast<size_t>(finite->min_words) &&
      std::none_of(xpos, xpos + n, [&](int t) { return finite->IsFinite(t); })) {
    // Rare enough to score the verb-like words again: the word whose best
    // finite tag came closest to its winner.
    size_t best = n;
    int best_tag = -1;
    float best_gap = finite->max_gap;
    for (size_t i = 0; i < n; ++i) {
      if (xpos[i] < 0 || !finite->may_yield[static_cast<size_t>(xpos[i])] || sure_.Find(info[i + kPad].form) != nullptr)
        continue;
      const int m = XposKeys(info, i, i >= 1 ? xpos[i - 1] : kStartTag, i >= 2 ? xpos[i - 2] : kStartTag, keys);
      std::fill(scores, scores + nx, 0.0f);
      xpos_.Score({keys, static_cast<size_t>(m)}, scores);
      for (int t : {finite->vbd, finite->vbz, finite->vbp}) {
        if (t < 0 || t >= nx || t == xpos[i]) continue;
        const float gap = scores[xpos[i]] - scores[t];
        if (gap <= best_gap && (best == n || gap < best_gap)) {
          best = i;
          best_tag = t;
          best_gap = gap;
        }
      }
    }
    if (best < n) {
      xpos[best] = best_tag;
      upos[best] = finite->verb;
      tag_from(best + 1);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (upos[i] >= 0) continue;
    const int m = UposKeys(info, i, xpos, n, keys);
    std::fill(scores, scores + nu, 0.0f);
    upos_.Score({keys, static_cast<size_t>(m)}, scores);
    upos[i] = static_cast<int>(std::max_element(scores, scores + nu) - scores);
  }
}

void Tagger::Train(const std::vector<TaggedSentence>& data, int epochs, uint64_t seed, bool sure_tags) {
  // Tag dictionary: words seen at least 3 times, with the tags they took at
  // least 5% of the time.
  std::map<uint64_t, std::map<int, int>> counts;
  for (const TaggedSentence& s : data)
    for (size_t i = 0; i < s.forms.size(); ++i) ++counts[HashLower(s.forms[i])][s.xpos[i]];
  amb_ = U64Map<uint64_t>();
  for (const auto& [word, tags] : counts) {
    int total = 0;
    for (const auto& [t, c] : tags) total += c;
    if (total < 3) continue;
    uint64_t h = 0x1234;
    for (const auto& [t, c] : tags)
      if (c * 20 >= total) h = Mix64(h + static_cast<uint64_t>(t) + 1);
    amb_.Insert(word, h);
  }
  // Sure tags: forms seen at least kSureCount times, all but 1 in kSurePer of
  // them with the same Penn tag and UPOS. Looser limits (20 times, 1 in 200)
  // cover twice the running text but cost 0.04 UPOS on EWT dev.
  constexpr int kSureCount = 50, kSurePer = 1000;
  sure_ = U64Map<uint32_t>();
  if (sure_tags) {
    std::map<uint64_t, std::map<uint32_t, int>> pairs;
    for (const TaggedSentence& s : data)
      for (size_t i = 0; i < s.forms.size(); ++i)
        ++pairs[HashBytes(s.forms[i])][static_cast<uint32_t>(s.xpos[i]) | static_cast<uint32_t>(s.upos[i]) << 8];
    for (const auto& [form, tags] : pairs) {
      int total = 0, best = 0;
      uint32_t best_pair = 0;
      for (const auto& [pair, c] : tags) {
        total += c;
        if (c > best) best = c, best_pair = pair;
      }
      if (total >= kSureCount && best * kSurePer >= total * (kSurePer - 1)) sure_.Insert(form, best_pair);
    }
  }

  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  std::vector<WordInfo> info;
  std::vector<int> xpos, upos;
  uint64_t keys[kMaxKeys];
  float scores[256];
  const int nx = xpos_.num_classes(), nu = upos_.num_classes();
  double tx = 1, tu = 1;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t si : order) {
      const TaggedSentence& s = data[si];
      const size_t n = s.forms.size();
      Describe(s.forms, info);
      xpos.assign(n, 0);
      for (size_t i = 0; i < n; ++i) {
        const int t1 = i >= 1 ? xpos[i - 1] : kStartTag;
        const int t2 = i >= 2 ? xpos[i - 2] : kStartTag;
        const int m = XposKeys(info, i, t1, t2, keys);
        std::fill(scores, scores + nx, 0.0f);
        xpos_.Score({keys, static_cast<size_t>(m)}, scores);
        const int guess = static_cast<int>(std::max_element(scores, scores + nx) - scores);
        if (guess != s.xpos[i]) {
          xpos_.Update({keys, static_cast<size_t>(m)}, s.xpos[i], 1.0f, tx);
          xpos_.Update({keys, static_cast<size_t>(m)}, guess, -1.0f, tx);
        }
        tx += 1;
        xpos[i] = guess;
      }
      // UPOS learns from the Penn tags just predicted, not the gold ones: at
      // run time it sees predicted tags, mistakes included (+0.2 UPOS on
      // EWT dev and test).
      for (size_t i = 0; i < n; ++i) {
        const int m = UposKeys(info, i, xpos.data(), n, keys);
        std::fill(scores, scores + nu, 0.0f);
        upos_.Score({keys, static_cast<size_t>(m)}, scores);
        const int guess = static_cast<int>(std::max_element(scores, scores + nu) - scores);
        if (guess != s.upos[i]) {
          upos_.Update({keys, static_cast<size_t>(m)}, s.upos[i], 1.0f, tu);
          upos_.Update({keys, static_cast<size_t>(m)}, guess, -1.0f, tu);
        }
        tu += 1;
      }
    }
  }
  xpos_.Average(tx);
  upos_.Average(tu);
  xpos_.Prune(1e-3f);
  upos_.Prune(1e-3f);
}

void Tagger::Write(ByteWriter& w) const {
  xpos_.Write(w);
  upos_.Write(w);
  amb_.Write(w);
  sure_.Write(w);
  clusters_.Write(w);
}

bool Tagger::Read(ByteReader& r) {
  if (!xpos_.Read(r) || !upos_.Read(r) || !amb_.Read(r) || xpos_.num_classes() > 256 ||
      upos_.num_classes() > 256)
    return false;
  sure_ = U64Map<uint32_t>();
  if (r.AtEnd()) return true;  // a model made before sure tags
  if (!sure_.Read(r)) return false;
  for (const auto& [form, pair] : sure_.Sorted())
    if (static_cast<int>(pair & 0xff) >= xpos_.num_classes() || static_cast<int>(pair >> 8) >= upos_.num_classes())
      return r.Fail();
  clusters_ = WordClusters();
  if (r.AtEnd()) return true;  // a model made before word clusters
  return clusters_.Read(r);
}

}  // namespace parley::parse

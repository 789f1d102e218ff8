// The frozen weight tables: every trained key is found with its weights
// (also when many keys crowd one bucket), unknown keys add nothing, integer
// sums agree with float scores, and a save/load round trip scores the same.
#include "parse/weights.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "parse/hash.h"

namespace parley::parse {
namespace {

// A trained table: key i gets weight (i % 7 - 3) on class i % classes, plus
// a larger weight on class 0 for every 5th key.
WeightTable MakeTable(int classes, const std::vector<uint64_t>& keys) {
  WeightTable t(classes);
  for (size_t i = 0; i < keys.size(); ++i) {
    const uint64_t one[1] = {keys[i]};
    t.Update(one, static_cast<int>(i % static_cast<size_t>(classes)), static_cast<float>(i % 7) - 3.0f, 1);
    if (i % 5 == 0) t.Update(one, 0, 10.0f, 1);
  }
  t.Prune(0.5f);  // freezes; drops the keys whose weights are all 0
  return t;
}

std::vector<float> Expected(int classes, size_t i) {
  std::vector<float> w(static_cast<size_t>(classes), 0.0f);
  w[i % static_cast<size_t>(classes)] += static_cast<float>(i % 7) - 3.0f;
  if (i % 5 == 0) w[0] += 10.0f;
  return w;
}

std::vector<uint64_t> RandomKeys(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> keys(n);
  for (uint64_t& k : keys) k = Mix64(rng()) | 1;
  return keys;
}

float MaxAbs(const std::vector<float>& v) {
  float m = 0;
  for (float x : v) m = std::max(m, std::fabs(x));
  return m;
}

class FrozenTableTest : public testing::TestWithParam<int> {};

TEST_P(FrozenTableTest, FindsEveryKeyAndNothingElse) {
  const int classes = GetParam();
  const std::vector<uint64_t> keys = RandomKeys(20000, 7);
  const WeightTable t = MakeTable(classes, keys);
  // Frozen in training: 16-bit weights (scale = largest weight / 32767).
  const float tolerance = 1.01f * 13.0f / 32767;
  int wrong = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    const std::vector<float> want = Expected(classes, i);
    std::vector<float> got(static_cast<size_t>(classes), 0.0f);
    const uint64_t one[1] = {keys[i]};
    t.Score(one, got.data());
    bool same = true;
    for (int c = 0; c < classes; ++c)
      same = same && std::fabs(got[static_cast<size_t>(c)] - want[static_cast<size_t>(c)]) <= tolerance;
    wrong += !same;
  }
  // Small tables keep 16-bit fingerprints: a key whose fingerprint equals an
  // earlier one in its bucket reads that key's weights (about 1 in 10,000;
  // 32-bit fingerprints for the wide tables make it about 1 in 10^9).
  EXPECT_LE(wrong, classes <= 3 ? 6 : 0);
  const std::vector<uint64_t> unknown = RandomKeys(20000, 8);
  int matched = 0;
  for (uint64_t k : unknown) {
    std::vector<float> got(static_cast<size_t>(classes), 0.0f);
    const uint64_t one[1] = {k};
    t.Score(one, got.data());
    matched += MaxAbs(got) != 0.0f;
  }
  // A fingerprint can match by chance (about 1 in 65,536 per slot compared).
  EXPECT_LE(matched, 5);
}

INSTANTIATE_TEST_SUITE_P(Classes, FrozenTableTest, testing::Values(1, 3, 17, 49, 64, 65, 130));

TEST(SmallTableTest, CrowdedBucketsSpillAndAreStillFound) {
  // 200 keys sharing their low 32 bits all start in one bucket of 8.
  std::vector<uint64_t> keys;
  for (uint64_t i = 1; i <= 200; ++i) keys.push_back(Mix64(i) << 32 | 0x2345);
  const WeightTable t = MakeTable(3, keys);
  for (size_t i = 0; i < keys.size(); ++i) {
    const std::vector<float> want = Expected(3, i);
    float got[3] = {0, 0, 0};
    const uint64_t one[1] = {keys[i]};
    t.Score(one, got);
    for (int c = 0; c < 3; ++c) ASSERT_NEAR(got[c], want[static_cast<size_t>(c)], 1e-3f) << "key " << i;
  }
}

TEST(SmallTableTest, IntegerSumsAndSegmentsAgreeWithScores) {
  const std::vector<uint64_t> keys = RandomKeys(5000, 11);
  const WeightTable t = MakeTable(3, keys);
  ASSERT_TRUE(t.frozen_small());
  // Segments of 1..40 keys, some known and some not.
  const std::vector<uint64_t> unknown = RandomKeys(500, 12);
  std::vector<uint64_t> batch;
  std::vector<uint32_t> ends;
  for (size_t s = 0; s < 60; ++s) {
    for (size_t j = 0; j <= s % 40; ++j) batch.push_back((s + j) % 3 == 0 ? unknown[(s * 7 + j) % 500] : keys[(s * 31 + j) % 5000]);
    ends.push_back(static_cast<uint32_t>(batch.size()));
  }
  std::vector<int32_t> seg(3 * ends.size());
  t.SumSegments(batch, ends, seg.data());
  std::vector<float> fseg(3 * ends.size());
  t.ScoreSegments(batch, ends, fseg.data());
  uint32_t from = 0;
  int32_t total[3] = {0, 0, 0};
  for (size_t s = 0; s < ends.size(); ++s) {
    const std::span<const uint64_t> part(batch.data() + from, ends[s] - from);
    float scores[3] = {0, 0, 0};
    t.Score(part, scores);
    int32_t sums[3] = {0, 0, 0};
    t.SumSmall(part, sums);
    for (int c = 0; c < 3; ++c) {
      EXPECT_EQ(sums[c], seg[3 * s + static_cast<size_t>(c)]);
      EXPECT_FLOAT_EQ(scores[c], static_cast<float>(sums[c]) * t.scale());
      EXPECT_FLOAT_EQ(fseg[3 * s + static_cast<size_t>(c)], scores[c]);
      total[c] += sums[c];
    }
    from = ends[s];
  }
  // Grouping does not change an integer total.
  int32_t all[3] = {0, 0, 0};
  t.SumSmall(batch, all);
  for (int c = 0; c < 3; ++c) EXPECT_EQ(all[c], total[c]);
}

// Blend: this * keep + other * weight, key by key; a key one table lacks
// counts as zeros there.
TEST(WeightTableTest, BlendMixesRowByRow) {
  WeightTable a(2), b(2);
  const uint64_t both[] = {11}, only_b[] = {22};
  a.Update(both, 0, 2.0f, 1);
  b.Update(both, 0, 4.0f, 1);
  b.Update(only_b, 1, 6.0f, 1);
  a.Average(0);
  b.Average(0);
  a.Blend(0.5f, b, 0.5f);
  float scores[2] = {0, 0};
  a.Score(both, scores);
  EXPECT_FLOAT_EQ(scores[0], 3.0f);
  EXPECT_FLOAT_EQ(scores[1], 0.0f);
  scores[0] = scores[1] = 0;
  a.Score(only_b, scores);
  EXPECT_FLOAT_EQ(scores[0], 0.0f);
  EXPECT_FLOAT_EQ(scores[1], 3.0f);
  EXPECT_EQ(a.rows(), 2u);
}

TEST(FrozenTableTest, SaveLoadScoresIdentically) {
  for (int classes : {3, 49}) {
    const std::vector<uint64_t> keys = RandomKeys(3000, 21);
    const WeightTable t = MakeTable(classes, keys);
    ByteWriter w;
    t.Write(w);
    WeightTable back;
    ByteReader r(w.buffer());
    ASSERT_TRUE(back.Read(r));
    ASSERT_EQ(back.rows(), t.rows());
    for (size_t i = 0; i < keys.size(); i += 7) {
      std::vector<float> a(static_cast<size_t>(classes), 0.0f), b(a);
      const uint64_t two[2] = {keys[i], keys[(i * 13) % keys.size()]};
      t.Score(two, a.data());
      back.Score(two, b.data());
      EXPECT_EQ(a, b) << "classes " << classes << " key " << i;
    }
    ByteWriter again;
    back.Write(again);
    EXPECT_EQ(again.buffer(), w.buffer());
  }
}

// The SSE2 path is what PARLEY_NO_AVX2 asks for (the *_sse2 CTest suites
// rerun this and the English model's tests with it set).
TEST(ScoringInstructionsTest, FollowsTheOverride) {
  const char* off = std::getenv("PARLEY_NO_AVX2");
  const std::string used = ScoringInstructions();
  if (off != nullptr && *off != '\0' && std::string(off) != "0")
    EXPECT_EQ(used, "sse2");
  else
    EXPECT_EQ(used, __builtin_cpu_supports("avx2") ? "avx2" : "sse2");
}

}  // namespace
}  // namespace parley::parse

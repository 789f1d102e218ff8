#include "parse/weights.h"

#include <cmath>
#include <cstring>

#include <immintrin.h>
#include <sys/mman.h>

namespace parley::parse {

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
}  // namespace

void* AllocateWeights(size_t bytes, size_t align) {
  if (bytes < kHugePage) return ::operator new(bytes, std::align_val_t{align});
  void* p = ::operator new(bytes, std::align_val_t{kHugePage});
#ifdef MADV_HUGEPAGE
  // Advice only: where the kernel has no huge pages to give, nothing changes.
  (void)madvise(p, (bytes + kHugePage - 1) / kHugePage * kHugePage, MADV_HUGEPAGE);
#endif
  return p;
}

void FreeWeights(void* p, size_t bytes, size_t align) {
  ::operator delete(p, std::align_val_t{bytes < kHugePage ? align : kHugePage});
}

namespace {
// The top bits, which the slot index (the low bits) does not use.
uint16_t SmallFp(uint64_t key) {
  const uint16_t fp = static_cast<uint16_t>(key >> 48);
  return fp == 0 ? 1 : fp;
}
}  // namespace

bool WeightTable::Freeze(const std::vector<int16_t>& q) {
  const size_t n = static_cast<size_t>(ncls_), nrows = keys_.size();
  if (ncls_ <= 3) {
    // Buckets of kBucketSlots, filled to at most 75% on average.
    size_t buckets = 2;
    while (buckets * kBucketSlots * 3 < nrows * 4) buckets *= 2;
    frozen_mask_ = buckets - 1;
    frozen_.clear();
    rows8_.clear();
    small_.assign(buckets, SmallBucket{});
    // Which row each slot took, to tell a repeated key from a fingerprint clash.
    std::vector<uint32_t> slot_row(buckets * kBucketSlots, kEmptyRow);
    for (size_t r = 0; r < nrows; ++r) {
      const uint64_t k = keys_[r];
      size_t at = slot_row.size();
      for (uint64_t b = k & frozen_mask_; at == slot_row.size(); b = (b + 1) & frozen_mask_) {
        for (size_t j = b * kBucketSlots; j < (b + 1) * kBucketSlots; ++j) {
          if (slot_row[j] == kEmptyRow) {
            at = j;
            break;
          }
          if (keys_[slot_row[j]] == k) return false;
        }
      }
      slot_row[at] = static_cast<uint32_t>(r);
      SmallBucket& bucket = small_[at / kBucketSlots];
      bucket.fp[at % kBucketSlots] = SmallFp(k);
      for (size_t c = 0; c < n; ++c) bucket.w[at % kBucketSlots][c] = q[r * n + c];
    }
    small_q_ = q;
    return true;
  }
  size_t cap = 16;
  while (cap < nrows * 2) cap *= 2;
  frozen_mask_ = cap - 1;
  std::vector<uint32_t> slot_row(cap, kEmptyRow);
  auto place = [&](size_t r) -> int64_t {
    const uint64_t k = keys_[r];
    uint64_t i = k & frozen_mask_;
    for (; slot_row[i] != kEmptyRow; i = (i + 1) & frozen_mask_)
      if (keys_[slot_row[i]] == k) return -1;
    slot_row[i] = static_cast<uint32_t>(r);
    return static_cast<int64_t>(i);
  };
  small_.clear();
  small_q_.clear();
  frozen_.assign(cap, FrozenSlot{0, kEmptyRow});
  // Rows are re-quantized to 8 bits on a grid of 255 steps (one cache line
  // for up to 64 classes); the scores move by less than the perceptron's
  // margins, and dev accuracy is unchanged.
  int max_q = 0;
  for (int16_t v : q) max_q = std::max(max_q, std::abs(static_cast<int>(v)));
  const double to8 = max_q > 127 ? 127.0 / max_q : 1.0;
  scale_ = static_cast<float>(scale_ / to8);
  stride_ = (n + kRowAlign - 1) / kRowAlign * kRowAlign;
  rows8_.assign(nrows * stride_, 0);
  for (size_t r = 0; r < nrows; ++r) {
    const int64_t i = place(r);
    if (i < 0) return false;
    frozen_[static_cast<size_t>(i)] = FrozenSlot{static_cast<uint32_t>(keys_[r] >> 32), static_cast<uint32_t>(r)};
    for (size_t c = 0; c < n; ++c)
      rows8_[r * stride_ + c] = static_cast<int8_t>(std::lround(q[r * n + c] * to8));
  }
  return true;
}

std::vector<int16_t> WeightTable::Quantized() const {
  if (!small_q_.empty() || !small_.empty()) return small_q_;
  const size_t n = static_cast<size_t>(ncls_);
  std::vector<int16_t> q(keys_.size() * n);
  for (size_t r = 0; r < keys_.size(); ++r)
    for (size_t c = 0; c < n; ++c) q[r * n + c] = rows8_[r * stride_ + c];
  return q;
}

void WeightTable::Thaw() {
  const std::vector<int16_t> q = Quantized();
  w_.resize(q.size());
  for (size_t i = 0; i < q.size(); ++i) w_[i] = static_cast<float>(q[i]) * scale_;
  acc_.assign(w_.size(), 0.0);
  rows_ = U64Map<int32_t>();
  for (size_t r = 0; r < keys_.size(); ++r) rows_.Insert(keys_[r], static_cast<int32_t>(r));
  small_.clear();
  small_q_.clear();
  frozen_.clear();
  rows8_.clear();
}

namespace {

// scores[c] += scale * (the sum over the `m` rows of their 8-bit weight c),
// for c < ncls; each row holds `stride` weights (a multiple of 32, padded
// with zeros). At most 128 rows of weights within ±127 sum exactly in 16
// bits. AVX2 where the processor has it.
__attribute__((target("avx2"))) void AddRowsAvx2(const int8_t* const* rows, size_t m, size_t stride,
                                                 float scale, size_t ncls, float* scores) {
  const __m256 vscale = _mm256_set1_ps(scale);
  alignas(32) float tail[8];
  for (size_t b = 0; b < stride && b < ncls; b += 32) {
    __m256i lo = _mm256_setzero_si256(), hi = _mm256_setzero_si256();
    for (size_t i = 0; i < m; ++i) {
      const __m256i v = _mm256_load_si256(reinterpret_cast<const __m256i*>(rows[i] + b));
      lo = _mm256_add_epi16(lo, _mm256_cvtepi8_epi16(_mm256_castsi256_si128(v)));
      hi = _mm256_add_epi16(hi, _mm256_cvtepi8_epi16(_mm256_extracti128_si256(v, 1)));
    }
    const __m256i sums[4] = {_mm256_cvtepi16_epi32(_mm256_castsi256_si128(lo)),
                             _mm256_cvtepi16_epi32(_mm256_extracti128_si256(lo, 1)),
                             _mm256_cvtepi16_epi32(_mm256_castsi256_si128(hi)),
                             _mm256_cvtepi16_epi32(_mm256_extracti128_si256(hi, 1))};
    for (size_t k = 0; k < 4; ++k) {
      const size_t c = b + 8 * k;
      if (c >= ncls) break;
      const __m256 f = _mm256_mul_ps(_mm256_cvtepi32_ps(sums[k]), vscale);
      if (c + 8 <= ncls) {
        _mm256_storeu_ps(scores + c, _mm256_add_ps(_mm256_loadu_ps(scores + c), f));
      } else {
        _mm256_store_ps(tail, f);
        for (size_t t = c; t < ncls; ++t) scores[t] += tail[t - c];
      }
    }
  }
}

void AddRowsSse2(const int8_t* const* rows, size_t m, size_t stride, float scale, size_t ncls,
                 float* scores) {
  for (size_t b = 0; b < stride && b < ncls; b += 16) {
    __m128i lo = _mm_setzero_si128(), hi = lo;
    for (size_t i = 0; i < m; ++i) {
      const __m128i v = _mm_load_si128(reinterpret_cast<const __m128i*>(rows[i] + b));
      lo = _mm_add_epi16(lo, _mm_srai_epi16(_mm_unpacklo_epi8(v, v), 8));
      hi = _mm_add_epi16(hi, _mm_srai_epi16(_mm_unpackhi_epi8(v, v), 8));
    }
    alignas(16) int16_t sums[16];
    _mm_store_si128(reinterpret_cast<__m128i*>(sums), lo);
    _mm_store_si128(reinterpret_cast<__m128i*>(sums + 8), hi);
    for (size_t c = b; c < b + 16 && c < ncls; ++c) scores[c] += static_cast<float>(sums[c - b]) * scale;
  }
}

void AddRows(const int8_t* const* rows, size_t m, size_t stride, float scale, size_t ncls,
             float* scores) {
  static const bool kAvx2 = __builtin_cpu_supports("avx2");
  if (kAvx2) return AddRowsAvx2(rows, m, stride, scale, ncls, scores);
  AddRowsSse2(rows, m, stride, scale, ncls, scores);
}

// The bucket and slot of `key` in a small table (a full bucket spills into
// the next), or {nullptr, 0}. The eight fingerprints of a bucket are
// compared at once.
template <typename Bucket>
std::pair<const Bucket*, int> FindInBuckets(const Bucket* buckets, uint64_t mask, uint64_t key, uint16_t fp) {
  static_assert(sizeof(Bucket::fp) == 16);
  const __m128i want = _mm_set1_epi16(static_cast<short>(fp));
  for (uint64_t b = key & mask;; b = (b + 1) & mask) {
    const Bucket* bucket = buckets + b;
    const __m128i fps = _mm_load_si128(reinterpret_cast<const __m128i*>(bucket->fp));
    const unsigned hit = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi16(fps, want))) & 0x5555u;
    if (hit != 0) return {bucket, __builtin_ctz(hit) / 2};
    const unsigned empty =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi16(fps, _mm_setzero_si128()))) & 0x5555u;
    if (empty != 0) return {nullptr, 0};
  }
}

std::vector<int32_t>& SegmentScratch() {
  thread_local std::vector<int32_t> sums;
  return sums;
}

}  // namespace

// Three passes so the cache misses overlap: prefetch the slots, find the rows
// and prefetch them, then add them up.
void WeightTable::ScoreFrozen(std::span<const uint64_t> keys, float* scores) const {
  const size_t n = std::min<size_t>(keys.size(), 128);
  const FrozenSlot* slots = frozen_.data();
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(slots + (keys[i] & frozen_mask_));
  const int8_t* rows[128];
  size_t m = 0;
  const size_t stride = stride_;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t fp = static_cast<uint32_t>(keys[i] >> 32);
    for (uint64_t j = keys[i] & frozen_mask_;; j = (j + 1) & frozen_mask_) {
      const FrozenSlot& s = slots[j];
      if (s.row == kEmptyRow) break;
      if (s.fp == fp) {
        const int8_t* row = rows8_.data() + static_cast<size_t>(s.row) * stride;
        for (size_t b = 0; b < stride; b += 64) __builtin_prefetch(row + b);
        rows[m++] = row;
        break;
      }
    }
  }
  AddRows(rows, m, stride, scale_, static_cast<size_t>(ncls_), scores);
}

void WeightTable::SumSmall(std::span<const uint64_t> keys, int32_t* sums) const {
  const uint32_t end = static_cast<uint32_t>(keys.size());
  int32_t out[3];
  SumSegments(keys, {&end, 1}, out);
  for (int c = 0; c < ncls_; ++c) sums[c] += out[c];
}

void WeightTable::SumSegments(std::span<const uint64_t> keys, std::span<const uint32_t> ends,
                              int32_t* out) const {
  const SmallBucket* buckets = small_.data();
  for (uint64_t k : keys) __builtin_prefetch(buckets + (k & frozen_mask_));
  uint32_t from = 0;
  for (size_t s = 0; s < ends.size(); ++s) {
    int32_t a0 = 0, a1 = 0, a2 = 0;
    for (uint32_t i = from; i < ends[s]; ++i) {
      const auto [bucket, slot] = FindInBuckets(buckets, frozen_mask_, keys[i], SmallFp(keys[i]));
      if (bucket == nullptr) continue;
      a0 += bucket->w[slot][0];
      a1 += bucket->w[slot][1];
      a2 += bucket->w[slot][2];
    }
    out[3 * s] = a0;
    out[3 * s + 1] = ncls_ > 1 ? a1 : 0;
    out[3 * s + 2] = ncls_ > 2 ? a2 : 0;
    from = ends[s];
  }
}

void WeightTable::ScoreSmall(std::span<const uint64_t> keys, float* scores) const {
  int32_t sums[3] = {0, 0, 0};
  SumSmall(keys, sums);
  for (int c = 0; c < ncls_; ++c) scores[c] += static_cast<float>(sums[c]) * scale_;
}

void WeightTable::ScoreSegments(std::span<const uint64_t> keys, std::span<const uint32_t> ends,
                                float* out) const {
  uint32_t from = 0;
  if (small_.empty()) {
    for (size_t s = 0; s < ends.size(); ++s) {
      out[3 * s] = out[3 * s + 1] = out[3 * s + 2] = 0;
      Score(keys.subspan(from, ends[s] - from), out + 3 * s);
      from = ends[s];
    }
    return;
  }
  std::vector<int32_t>& sums = SegmentScratch();
  sums.resize(3 * ends.size());
  SumSegments(keys, ends, sums.data());
  for (size_t i = 0; i < sums.size(); ++i) out[i] = static_cast<float>(sums[i]) * scale_;
}

void WeightTable::Average(double time) {
  if (time > 0 && acc_.size() == w_.size()) {
    for (size_t i = 0; i < w_.size(); ++i) w_[i] = static_cast<float>(w_[i] - acc_[i] / time);
  }
  acc_.clear();
  acc_.shrink_to_fit();
}

void WeightTable::Prune(float min_abs) {
  const size_t n = static_cast<size_t>(ncls_);
  std::vector<float> all;
  if (frozen()) {
    const std::vector<int16_t> q = Quantized();
    all.resize(q.size());
    for (size_t i = 0; i < q.size(); ++i) all[i] = static_cast<float>(q[i]) * scale_;
  } else {
    all = std::move(w_);
  }
  std::vector<uint64_t> keys;
  std::vector<float> w;
  for (size_t r = 0; r < keys_.size(); ++r) {
    float mx = 0;
    for (size_t c = 0; c < n; ++c) mx = std::max(mx, std::fabs(all[r * n + c]));
    if (mx < min_abs) continue;
    keys.push_back(keys_[r]);
    w.insert(w.end(), all.begin() + static_cast<std::ptrdiff_t>(r * n),
             all.begin() + static_cast<std::ptrdiff_t>((r + 1) * n));
  }
  keys_ = std::move(keys);
  w_ = std::vector<float>();
  acc_ = std::vector<double>();
  rows_ = U64Map<int32_t>();
  float mx = 0;
  for (float v : w) mx = std::max(mx, std::fabs(v));
  scale_ = mx > 0 ? mx / 32767.0f : 1.0f;
  std::vector<int16_t> q(w.size());
  for (size_t i = 0; i < w.size(); ++i)
    q[i] = static_cast<int16_t>(std::clamp<long>(std::lround(w[i] / scale_), -32767, 32767));
  // Keys are unique here (they came from a map), so this cannot fail.
  (void)Freeze(q);
}

// Weights are stored as 16-bit integers with one scale per table: plenty for
// perceptron scores and half the size of floats.
void WeightTable::Write(ByteWriter& out) const {
  out.Put<int32_t>(ncls_);
  out.PutArray(keys_);
  if (frozen()) {
    out.Put<float>(scale_);
    out.PutArray(Quantized());
    return;
  }
  float mx = 0;
  for (float v : w_) mx = std::max(mx, std::fabs(v));
  const float scale = mx > 0 ? mx / 32767.0f : 1.0f;
  out.Put<float>(scale);
  std::vector<int16_t> q(w_.size());
  for (size_t i = 0; i < w_.size(); ++i)
    q[i] = static_cast<int16_t>(std::clamp<long>(std::lround(w_[i] / scale), -32767, 32767));
  out.PutArray(q);
}

bool WeightTable::Read(ByteReader& in) {
  int32_t ncls = 0;
  float scale = 0;
  std::vector<int16_t> q;
  if (!in.Get(ncls) || ncls <= 0 || ncls > 4096 || !in.GetArray(keys_) || !in.Get(scale) ||
      !std::isfinite(scale) || !in.GetArray(q))
    return in.Fail();
  if (q.size() != keys_.size() * static_cast<size_t>(ncls)) return in.Fail();
  for (uint64_t k : keys_)
    if (k == 0) return in.Fail();
  ncls_ = ncls;
  scale_ = scale;
  w_ = std::vector<float>();
  acc_ = std::vector<double>();
  rows_ = U64Map<int32_t>();
  if (!Freeze(q)) return in.Fail();
  return true;
}

}  // namespace parley::parse

#include "parse/weights.h"

#include <cmath>
#include <cstring>

#include <immintrin.h>

namespace parley::parse {

namespace {
uint32_t SmallFp(uint64_t key) {
  const uint32_t fp = static_cast<uint32_t>(key >> 32);
  return fp == 0 ? 1 : fp;
}
}  // namespace

bool WeightTable::Freeze(const std::vector<int16_t>& q) {
  const size_t n = static_cast<size_t>(ncls_), nrows = keys_.size();
  size_t cap = 16;
  while (cap < nrows * 2) cap *= 2;
  frozen_mask_ = cap - 1;
  // Which row each slot took, to tell a repeated key from a fingerprint clash.
  std::vector<uint32_t> slot_row(cap, kEmptyRow);
  auto place = [&](size_t r) -> int64_t {
    const uint64_t k = keys_[r];
    uint64_t i = k & frozen_mask_;
    for (; slot_row[i] != kEmptyRow; i = (i + 1) & frozen_mask_)
      if (keys_[slot_row[i]] == k) return -1;
    slot_row[i] = static_cast<uint32_t>(r);
    return static_cast<int64_t>(i);
  };
  const float scale = scale_;
  if (ncls_ <= 3) {
    frozen_.clear();
    rows16_.clear();
    small_.assign(cap, SmallSlot{0, {0, 0, 0}});
    for (size_t r = 0; r < nrows; ++r) {
      const int64_t i = place(r);
      if (i < 0) return false;
      SmallSlot& slot = small_[static_cast<size_t>(i)];
      slot.fp = SmallFp(keys_[r]);
      for (size_t c = 0; c < n; ++c) slot.w[c] = static_cast<float>(q[r * n + c]) * scale;
    }
    small_q_ = q;
    return true;
  }
  small_.clear();
  small_q_.clear();
  frozen_.assign(cap, FrozenSlot{0, kEmptyRow});
  stride_ = (n + kRowAlign - 1) / kRowAlign * kRowAlign;
  rows16_.assign(nrows * stride_, 0);
  for (size_t r = 0; r < nrows; ++r) {
    const int64_t i = place(r);
    if (i < 0) return false;
    frozen_[static_cast<size_t>(i)] = FrozenSlot{static_cast<uint32_t>(keys_[r] >> 32), static_cast<uint32_t>(r)};
    std::copy(q.begin() + static_cast<std::ptrdiff_t>(r * n), q.begin() + static_cast<std::ptrdiff_t>((r + 1) * n),
              rows16_.begin() + static_cast<std::ptrdiff_t>(r * stride_));
  }
  return true;
}

std::vector<int16_t> WeightTable::Quantized() const {
  if (!small_q_.empty() || !small_.empty()) return small_q_;
  const size_t n = static_cast<size_t>(ncls_);
  std::vector<int16_t> q(keys_.size() * n);
  for (size_t r = 0; r < keys_.size(); ++r)
    std::copy(rows16_.begin() + static_cast<std::ptrdiff_t>(r * stride_),
              rows16_.begin() + static_cast<std::ptrdiff_t>(r * stride_ + n),
              q.begin() + static_cast<std::ptrdiff_t>(r * n));
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
  rows16_.clear();
}

namespace {

// scores[c] += scale * (the sum over the `m` rows of their 16-bit weight c),
// for c < ncls; each row holds `stride` weights (a multiple of 32, padded
// with zeros). The sums are exact 32-bit integers; AVX2 where the processor
// has it.
__attribute__((target("avx2"))) void AddRowsAvx2(const int16_t* const* rows, size_t m, size_t stride,
                                                 float scale, size_t ncls, float* scores) {
  const __m256 vscale = _mm256_set1_ps(scale);
  alignas(32) float tail[32];
  for (size_t b = 0; b < stride; b += 32) {
    __m256i a[4] = {_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256(),
                    _mm256_setzero_si256()};
    for (size_t i = 0; i < m; ++i) {
      const __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(rows[i] + b));
      const __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(rows[i] + b + 16));
      a[0] = _mm256_add_epi32(a[0], _mm256_cvtepi16_epi32(_mm256_castsi256_si128(v0)));
      a[1] = _mm256_add_epi32(a[1], _mm256_cvtepi16_epi32(_mm256_extracti128_si256(v0, 1)));
      a[2] = _mm256_add_epi32(a[2], _mm256_cvtepi16_epi32(_mm256_castsi256_si128(v1)));
      a[3] = _mm256_add_epi32(a[3], _mm256_cvtepi16_epi32(_mm256_extracti128_si256(v1, 1)));
    }
    for (size_t k = 0; k < 4; ++k) {
      const size_t c = b + 8 * k;
      if (c >= ncls) break;
      const __m256 f = _mm256_mul_ps(_mm256_cvtepi32_ps(a[k]), vscale);
      if (c + 8 <= ncls) {
        _mm256_storeu_ps(scores + c, _mm256_add_ps(_mm256_loadu_ps(scores + c), f));
      } else {
        _mm256_store_ps(tail, f);
        for (size_t t = c; t < ncls; ++t) scores[t] += tail[t - c];
      }
    }
  }
}

void AddRowsSse2(const int16_t* const* rows, size_t m, size_t stride, float scale, size_t ncls,
                 float* scores) {
  for (size_t b = 0; b < stride && b < ncls; b += 8) {
    __m128i lo = _mm_setzero_si128(), hi = lo;
    for (size_t i = 0; i < m; ++i) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[i] + b));
      lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16));
      hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16));
    }
    alignas(16) int32_t sums[8];
    _mm_store_si128(reinterpret_cast<__m128i*>(sums), lo);
    _mm_store_si128(reinterpret_cast<__m128i*>(sums + 4), hi);
    for (size_t c = b; c < b + 8 && c < ncls; ++c) scores[c] += static_cast<float>(sums[c - b]) * scale;
  }
}

void AddRows(const int16_t* const* rows, size_t m, size_t stride, float scale, size_t ncls,
             float* scores) {
  static const bool kAvx2 = __builtin_cpu_supports("avx2");
  if (kAvx2) return AddRowsAvx2(rows, m, stride, scale, ncls, scores);
  AddRowsSse2(rows, m, stride, scale, ncls, scores);
}

}  // namespace

// Three passes so the cache misses overlap: prefetch the slots, find the rows
// and prefetch them, then add them up.
void WeightTable::ScoreFrozen(std::span<const uint64_t> keys, float* scores) const {
  const size_t n = std::min<size_t>(keys.size(), 128);
  const FrozenSlot* slots = frozen_.data();
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(slots + (keys[i] & frozen_mask_));
  const int16_t* rows[128];
  size_t m = 0;
  const size_t stride = stride_;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t fp = static_cast<uint32_t>(keys[i] >> 32);
    for (uint64_t j = keys[i] & frozen_mask_;; j = (j + 1) & frozen_mask_) {
      const FrozenSlot& s = slots[j];
      if (s.row == kEmptyRow) break;
      if (s.fp == fp) {
        const int16_t* row = rows16_.data() + static_cast<size_t>(s.row) * stride;
        for (size_t b = 0; b < stride; b += kRowAlign) __builtin_prefetch(row + b);
        rows[m++] = row;
        break;
      }
    }
  }
  AddRows(rows, m, stride, scale_, static_cast<size_t>(ncls_), scores);
}

void WeightTable::ScoreSmall(std::span<const uint64_t> keys, float* scores) const {
  const size_t n = keys.size();
  const SmallSlot* slots = small_.data();
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(slots + (keys[i] & frozen_mask_));
  float a0 = 0, a1 = 0, a2 = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t fp = SmallFp(keys[i]);
    for (uint64_t j = keys[i] & frozen_mask_;; j = (j + 1) & frozen_mask_) {
      const SmallSlot& s = slots[j];
      if (s.fp == fp) {
        a0 += s.w[0];
        a1 += s.w[1];
        a2 += s.w[2];
        break;
      }
      if (s.fp == 0) break;
    }
  }
  scores[0] += a0;
  if (ncls_ > 1) scores[1] += a1;
  if (ncls_ > 2) scores[2] += a2;
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
  const SmallSlot* slots = small_.data();
  for (uint64_t k : keys) __builtin_prefetch(slots + (k & frozen_mask_));
  for (size_t s = 0; s < ends.size(); ++s) {
    float a0 = 0, a1 = 0, a2 = 0;
    for (uint32_t i = from; i < ends[s]; ++i) {
      const uint32_t fp = SmallFp(keys[i]);
      for (uint64_t j = keys[i] & frozen_mask_;; j = (j + 1) & frozen_mask_) {
        const SmallSlot& e = slots[j];
        if (e.fp == fp) {
          a0 += e.w[0];
          a1 += e.w[1];
          a2 += e.w[2];
          break;
        }
        if (e.fp == 0) break;
      }
    }
    out[3 * s] = a0;
    out[3 * s + 1] = ncls_ > 1 ? a1 : 0;
    out[3 * s + 2] = ncls_ > 2 ? a2 : 0;
    from = ends[s];
  }
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

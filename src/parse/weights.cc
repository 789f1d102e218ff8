#include "parse/weights.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iterator>

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
  (void)madvise(p, bytes / kHugePage * kHugePage, MADV_HUGEPAGE);  // whole huge pages inside the block
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
uint32_t WideFp(uint64_t key) {
  const uint32_t fp = static_cast<uint32_t>(key >> 32);
  return fp == 0 ? 1 : fp;
}
}  // namespace

// Places keys_ in buckets of kBucketSlots slots, filled to at most half on
// average (a full bucket spills into the next; fuller tables send a key in
// every few to a second bucket, a mispredicted branch and a second miss):
// slot_of[r] = bucket * kBucketSlots + slot of row r. False when a key
// repeats.
bool WeightTable::PlaceInBuckets(std::vector<uint32_t>& slot_of) {
  const size_t nrows = keys_.size();
  size_t buckets = 2;
  while (buckets * kBucketSlots < nrows * 2) buckets *= 2;
  frozen_mask_ = buckets - 1;
  std::vector<uint32_t> slot_row(buckets * kBucketSlots, kEmptyRow);
  slot_of.assign(nrows, 0);
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
    slot_of[r] = static_cast<uint32_t>(at);
  }
  return true;
}

bool WeightTable::Freeze(const std::vector<int16_t>& q) {
  const size_t n = static_cast<size_t>(ncls_), nrows = keys_.size();
  std::vector<uint32_t> slot_of;
  if (!PlaceInBuckets(slot_of)) return false;
  const size_t buckets = frozen_mask_ + 1;
  if (ncls_ <= 3) {
    index_.clear();
    rows16_.clear();
    small_.assign(buckets, SmallBucket{});
    for (size_t r = 0; r < nrows; ++r) {
      SmallBucket& bucket = small_[slot_of[r] / kBucketSlots];
      const size_t j = slot_of[r] % kBucketSlots;
      bucket.fp[j] = SmallFp(keys_[r]);
      for (size_t c = 0; c < n; ++c) bucket.w[j][c] = q[r * n + c];
    }
    small_q_ = q;
    return true;
  }
  small_.clear();
  small_q_.clear();
  index_.assign(buckets, RowBucket{});
  stride_ = (n + kRowAlign - 1) / kRowAlign * kRowAlign;
  rows16_.assign(nrows * stride_, 0);
  for (size_t r = 0; r < nrows; ++r) {
    RowBucket& bucket = index_[slot_of[r] / kBucketSlots];
    const size_t j = slot_of[r] % kBucketSlots;
    bucket.fp[j] = WideFp(keys_[r]);
    bucket.row[j] = static_cast<uint32_t>(r);
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
  index_.clear();
  rows16_.clear();
}

namespace {

// Rows of up to 64 classes: each group of eight classes sign-extended from
// memory straight into one 32-bit accumulator, and only the groups that hold
// classes (49 Penn tags: seven of the eight a padded row has).
template <int kGroups>
__attribute__((target("avx2"))) void AddRowGroupsAvx2(const int16_t* const* rows, size_t m, float scale,
                                                      size_t ncls, float* scores) {
  __m256i a[kGroups];
#pragma GCC unroll 8
  for (int g = 0; g < kGroups; ++g) a[g] = _mm256_setzero_si256();
  for (size_t i = 0; i < m; ++i) {
    const __m128i* row = reinterpret_cast<const __m128i*>(rows[i]);
#pragma GCC unroll 8
    for (int g = 0; g < kGroups; ++g) a[g] = _mm256_add_epi32(a[g], _mm256_cvtepi16_epi32(_mm_load_si128(row + g)));
  }
  const __m256 vscale = _mm256_set1_ps(scale);
  alignas(32) float tail[8];
#pragma GCC unroll 8
  for (int g = 0; g < kGroups; ++g) {
    const size_t c = static_cast<size_t>(8 * g);
    const __m256 f = _mm256_mul_ps(_mm256_cvtepi32_ps(a[g]), vscale);
    if (c + 8 <= ncls) {
      _mm256_storeu_ps(scores + c, _mm256_add_ps(_mm256_loadu_ps(scores + c), f));
    } else {
      _mm256_store_ps(tail, f);
      for (size_t t = c; t < ncls; ++t) scores[t] += tail[t - c];
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

// Decided once per process, on first use (after libgcc has read the CPU).
bool UseAvx2() {
  static const bool use = [] {
    const char* off = std::getenv("PARLEY_NO_AVX2");
    const bool forced_off = off != nullptr && *off != '\0' && std::strcmp(off, "0") != 0;
    return !forced_off && __builtin_cpu_supports("avx2");
  }();
  return use;
}

void AddRows(const int16_t* const* rows, size_t m, size_t stride, float scale, size_t ncls,
             float* scores) {
  if (!UseAvx2()) return AddRowsSse2(rows, m, stride, scale, ncls, scores);
  // Blocks of 64 classes (one block but for unusually wide tables).
  const int16_t* block[128];
  for (size_t c0 = 0; c0 < ncls; c0 += 64) {
    const int16_t* const* at = rows;
    if (c0 > 0) {
      for (size_t i = 0; i < m; ++i) block[i] = rows[i] + c0;
      at = block;
    }
    const size_t width = std::min<size_t>(64, ncls - c0);
    float* out = scores + c0;
    switch ((width + 7) / 8) {
      case 1: AddRowGroupsAvx2<1>(at, m, scale, width, out); break;
      case 2: AddRowGroupsAvx2<2>(at, m, scale, width, out); break;
      case 3: AddRowGroupsAvx2<3>(at, m, scale, width, out); break;
      case 4: AddRowGroupsAvx2<4>(at, m, scale, width, out); break;
      case 5: AddRowGroupsAvx2<5>(at, m, scale, width, out); break;
      case 6: AddRowGroupsAvx2<6>(at, m, scale, width, out); break;
      case 7: AddRowGroupsAvx2<7>(at, m, scale, width, out); break;
      default: AddRowGroupsAvx2<8>(at, m, scale, width, out); break;
    }
  }
}

// Which slots of a bucket (bit j: slot j) hold fingerprint `fp`, and which
// are free; the eight fingerprints are compared at once. For both bucket
// kinds: 16-bit fingerprints (small tables) and 32-bit ones (row indexes).
struct SlotMasks {
  unsigned hit, empty;
};
template <typename Bucket>
__attribute__((always_inline)) inline SlotMasks MatchSlots(const Bucket& bucket, uint32_t fp) {
  const auto* fps = reinterpret_cast<const __m128i*>(bucket.fp);
  if constexpr (sizeof(bucket.fp[0]) == 2) {
    const __m128i v = _mm_load_si128(fps);
    auto slots = [](__m128i eq) {
      return static_cast<unsigned>(_mm_movemask_epi8(_mm_packs_epi16(eq, eq))) & 0xFFu;
    };
    return {slots(_mm_cmpeq_epi16(v, _mm_set1_epi16(static_cast<short>(fp)))),
            slots(_mm_cmpeq_epi16(v, _mm_setzero_si128()))};
  } else {
    static_assert(sizeof(bucket.fp[0]) == 4);
    const __m128i lo = _mm_load_si128(fps), hi = _mm_load_si128(fps + 1);
    auto slots = [&](__m128i x) {
      return static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(lo, x)))) |
             static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(hi, x)))) << 4;
    };
    return {slots(_mm_set1_epi32(static_cast<int>(fp))), slots(_mm_setzero_si128())};
  }
}

// The bucket and slot of `key`, following full buckets into the next, or
// {nullptr, 0}: the general path behind the lookups' branch-free reading of
// the home bucket.
template <typename Bucket>
std::pair<const Bucket*, int> FindInBuckets(const Bucket* buckets, uint64_t mask, uint64_t key, uint32_t fp) {
  for (uint64_t b = key & mask;; b = (b + 1) & mask) {
    const SlotMasks m = MatchSlots(buckets[b], fp);
    if (m.hit != 0) return {buckets + b, __builtin_ctz(m.hit)};
    if (m.empty != 0) return {nullptr, 0};
  }
}

// The home bucket of a key with fingerprint `fp`, read without branching on
// whether the key is there (a coin toss): `hit` as MatchSlots gives it.
// `spilled`: the bucket is full without the key, which may then sit in a
// later bucket (FindInBuckets; rare). Slots fill in order, so a bucket whose
// last slot is free ends the search.
template <typename Bucket>
struct HomeSlot {
  const Bucket* bucket;
  unsigned hit;
  bool spilled;
};
template <typename Bucket>
__attribute__((always_inline)) inline HomeSlot<Bucket> ProbeHome(const Bucket* buckets, uint64_t mask,
                                                                 uint64_t key, uint32_t fp) {
  const Bucket* home = buckets + (key & mask);
  const unsigned hit = MatchSlots(*home, fp).hit;
  constexpr size_t kLast = std::size(Bucket{}.fp) - 1;
  return {home, hit, (hit | (home->fp[kLast] == 0)) == 0};
}

// Starts loading a row of `stride` weights (whole cache lines).
inline void PrefetchRow(const int16_t* row, size_t stride) {
  __builtin_prefetch(row);
  if (stride <= 32) return;
  __builtin_prefetch(row + 32);
  for (size_t b = 64; b < stride; b += 32) __builtin_prefetch(row + b);
}

std::vector<int32_t>& SegmentScratch() {
  thread_local std::vector<int32_t> sums;
  return sums;
}

}  // namespace

const char* ScoringInstructions() { return UseAvx2() ? "avx2" : "sse2"; }

// Two passes so the cache misses overlap: prefetch the index buckets; find
// the rows (ProbeHome) and prefetch them. Then add them up.
void WeightTable::ScoreFrozen(std::span<const uint64_t> keys, float* scores) const {
  const size_t n = std::min<size_t>(keys.size(), 128);
  const RowBucket* buckets = index_.data();
#pragma GCC unroll 4
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(buckets + (keys[i] & frozen_mask_));
  const int16_t* rows[128];
  size_t m = 0;
  const size_t stride = stride_;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t fp = WideFp(keys[i]);
    const HomeSlot<RowBucket> home = ProbeHome(buckets, frozen_mask_, keys[i], fp);
    if (__builtin_expect(home.spilled, 0)) {
      const auto [bucket, slot] = FindInBuckets(buckets, frozen_mask_, keys[i], fp);
      if (bucket == nullptr) continue;
      const int16_t* p = rows16_.data() + static_cast<size_t>(bucket->row[slot]) * stride;
      PrefetchRow(p, stride);
      rows[m++] = p;
      continue;
    }
    // Row 0 stands in for an unknown key (prefetched, not added).
    const uint32_t row = home.bucket->row[__builtin_ctz(home.hit | 0x80u)] & -static_cast<uint32_t>(home.hit != 0);
    const int16_t* p = rows16_.data() + static_cast<size_t>(row) * stride;
    PrefetchRow(p, stride);
    rows[m] = p;
    m += home.hit != 0;
  }
  AddRows(rows, m, stride, scale_, static_cast<size_t>(ncls_), scores);
}

void WeightTable::Prefetch(std::span<const uint64_t> keys) const {
  if (!index_.empty()) {
    for (uint64_t k : keys) __builtin_prefetch(index_.data() + (k & frozen_mask_));
  } else if (!small_.empty()) {
    for (uint64_t k : keys) __builtin_prefetch(small_.data() + (k & frozen_mask_));
  }
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
#pragma GCC unroll 4
  for (uint64_t k : keys) __builtin_prefetch(buckets + (k & frozen_mask_));
  uint32_t from = 0;
  for (size_t s = 0; s < ends.size(); ++s) {
    int32_t a0 = 0, a1 = 0, a2 = 0;
    for (uint32_t i = from; i < ends[s]; ++i) {
      const uint16_t fp = SmallFp(keys[i]);
      const HomeSlot<SmallBucket> home = ProbeHome(buckets, frozen_mask_, keys[i], fp);
      if (__builtin_expect(home.spilled, 0)) {
        const auto [bucket, slot] = FindInBuckets(buckets, frozen_mask_, keys[i], fp);
        if (bucket == nullptr) continue;
        a0 += bucket->w[slot][0];
        a1 += bucket->w[slot][1];
        a2 += bucket->w[slot][2];
        continue;
      }
      // An unknown key's weights are masked out (slot 7 is read instead);
      // a conditional would compile to a jump that mispredicts for a
      // quarter of the keys.
      const int16_t* w = home.bucket->w[__builtin_ctz(home.hit | 0x80u)];
      const int32_t keep = -static_cast<int32_t>(home.hit != 0);
      a0 += w[0] & keep;
      a1 += w[1] & keep;
      a2 += w[2] & keep;
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

void WeightTable::Blend(float keep, const WeightTable& other, float weight) {
  const size_t n = static_cast<size_t>(ncls_);
  for (float& w : w_) w *= keep;
  for (size_t r = 0; r < other.keys_.size(); ++r) {
    int32_t& row = rows_.Insert(other.keys_[r], -1);
    if (row < 0) {
      row = static_cast<int32_t>(keys_.size());
      keys_.push_back(other.keys_[r]);
      w_.resize(w_.size() + n, 0.0f);
    }
    for (size_t c = 0; c < n; ++c) w_[static_cast<size_t>(row) * n + c] += weight * other.w_[r * n + c];
  }
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

#include "parse/weights.h"

#include <cmath>

namespace parley::parse {

namespace {
uint32_t SmallFp(uint64_t key) {
  const uint32_t fp = static_cast<uint32_t>(key >> 32);
  return fp == 0 ? 1 : fp;
}
}  // namespace

void WeightTable::Freeze() {
  size_t cap = 16;
  while (cap < keys_.size() * 2) cap *= 2;
  if (ncls_ <= 3) {
    frozen_.clear();
    fw_.clear();
    small_.assign(cap, SmallSlot{0, {0, 0, 0}});
    frozen_mask_ = cap - 1;
    const size_t n = static_cast<size_t>(ncls_);
    for (size_t r = 0; r < keys_.size(); ++r) {
      uint64_t i = keys_[r] & frozen_mask_;
      while (small_[i].fp != 0) i = (i + 1) & frozen_mask_;
      small_[i].fp = SmallFp(keys_[r]);
      for (size_t c = 0; c < n; ++c) small_[i].w[c] = w_[r * n + c];
    }
    return;
  }
  small_.clear();
  frozen_.assign(cap, FrozenSlot{0, kEmptyRow});
  frozen_mask_ = cap - 1;
  const size_t n = static_cast<size_t>(ncls_);
  fstride_ = (n + 3) / 4;
  fw_.assign(keys_.size() * fstride_, V4{0, 0, 0, 0});
  for (size_t r = 0; r < keys_.size(); ++r)
    for (size_t c = 0; c < n; ++c) fw_[r * fstride_ + c / 4][c % 4] = w_[r * n + c];
  for (size_t r = 0; r < keys_.size(); ++r) {
    const uint64_t k = keys_[r];
    uint64_t i = k & frozen_mask_;
    while (frozen_[i].row != kEmptyRow) i = (i + 1) & frozen_mask_;
    frozen_[i] = FrozenSlot{static_cast<uint32_t>(k >> 32), static_cast<uint32_t>(r)};
  }
}

// Three passes so the cache misses overlap: prefetch the slots, find the rows
// and prefetch them, then add them up.
void WeightTable::ScoreFrozen(std::span<const uint64_t> keys, float* scores) const {
  const size_t n = std::min<size_t>(keys.size(), 128);
  const FrozenSlot* slots = frozen_.data();
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(slots + (keys[i] & frozen_mask_));
  const V4* rows[128];
  size_t m = 0;
  const size_t stride = fstride_;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t fp = static_cast<uint32_t>(keys[i] >> 32);
    for (uint64_t j = keys[i] & frozen_mask_;; j = (j + 1) & frozen_mask_) {
      const FrozenSlot& s = slots[j];
      if (s.row == kEmptyRow) break;
      if (s.fp == fp) {
        const V4* row = fw_.data() + static_cast<size_t>(s.row) * stride;
        for (size_t b = 0; b < stride; b += 4) __builtin_prefetch(row + b);
        rows[m++] = row;
        break;
      }
    }
  }
  V4 acc[1024];
  for (size_t c = 0; c < stride; ++c) acc[c] = V4{0, 0, 0, 0};
  for (size_t i = 0; i < m; ++i) {
    const V4* row = rows[i];
    for (size_t c = 0; c < stride; ++c) acc[c] += row[c];
  }
  const size_t ncls = static_cast<size_t>(ncls_);
  for (size_t c = 0; c < ncls; ++c) scores[c] += acc[c / 4][c % 4];
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
  std::vector<uint64_t> keys;
  std::vector<float> w;
  for (size_t r = 0; r < keys_.size(); ++r) {
    float mx = 0;
    for (size_t c = 0; c < n; ++c) mx = std::max(mx, std::fabs(w_[r * n + c]));
    if (mx < min_abs) continue;
    keys.push_back(keys_[r]);
    w.insert(w.end(), w_.begin() + static_cast<std::ptrdiff_t>(r * n),
             w_.begin() + static_cast<std::ptrdiff_t>((r + 1) * n));
  }
  keys_ = std::move(keys);
  w_ = std::move(w);
  acc_.clear();
  rows_ = U64Map<int32_t>();
  for (size_t r = 0; r < keys_.size(); ++r) rows_.Insert(keys_[r], static_cast<int32_t>(r));
  float mx = 0;
  for (float v : w_) mx = std::max(mx, std::fabs(v));
  scale_ = mx > 0 ? mx / 32767.0f : 1.0f;
  for (float& v : w_) v = static_cast<float>(std::lround(v / scale_)) * scale_;
  Freeze();
}

// Weights are stored as 16-bit integers with one scale per table: plenty for
// perceptron scores and half the size of floats.
void WeightTable::Write(ByteWriter& out) const {
  out.Put<int32_t>(ncls_);
  out.PutArray(keys_);
  float scale = scale_;
  if (scale == 0) {
    float mx = 0;
    for (float v : w_) mx = std::max(mx, std::fabs(v));
    scale = mx > 0 ? mx / 32767.0f : 1.0f;
  }
  out.Put<float>(scale);
  std::vector<int16_t> q(w_.size());
  for (size_t i = 0; i < w_.size(); ++i) q[i] = static_cast<int16_t>(std::clamp<long>(std::lround(w_[i] / scale), -32767, 32767));
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
  ncls_ = ncls;
  scale_ = scale;
  w_.resize(q.size());
  for (size_t i = 0; i < q.size(); ++i) w_[i] = static_cast<float>(q[i]) * scale;
  acc_.clear();
  rows_ = U64Map<int32_t>();
  for (size_t r = 0; r < keys_.size(); ++r) {
    if (keys_[r] == 0 || rows_.Find(keys_[r]) != nullptr) return in.Fail();
    rows_.Insert(keys_[r], static_cast<int32_t>(r));
  }
  Freeze();
  return true;
}

}  // namespace parley::parse

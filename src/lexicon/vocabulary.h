// Vocabulary: upper-cased words interned to integer WordIds.
//
// Every dictionary stores its phrases as WordId sequences, so the coder maps
// each token to a WordId once (Find) and then matches integers. Interning
// happens only while loading; after that a Vocabulary is read-only and safe to
// share between threads.
#ifndef PARLEY_LEXICON_VOCABULARY_H_
#define PARLEY_LEXICON_VOCABULARY_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::lexicon {

using WordId = uint32_t;
inline constexpr WordId kNoWord = 0;  // a word the lexicon has never seen

// Upper-cased word → WordId. Interning happens only while loading.
//
// The coder looks up every token (form and lemma) of every sentence, so the
// index is one flat open-addressing table of WordIds probed by a hash that
// folds ASCII case: FindUpperOf looks a token up as written, with no
// upper-cased copy.
class Vocabulary {
 public:
  Vocabulary();
  // Returns kNoWord when `upper` was never interned. REQUIRES: `upper` upper-case.
  WordId Find(std::string_view upper) const;
  // Find(ToUpperKey(word)), without building the key.
  WordId FindUpperOf(std::string_view word) const;
  // ids[i] = FindUpperOf(words[i]) for every word, each hashed once, the
  // table's cache misses of a whole batch overlapping. REQUIRES: ids.size()
  // == words.size().
  void FindUpperOfEach(std::span<const std::string_view> words, std::span<WordId> ids) const;
  // REQUIRES: `upper` non-empty and upper-case.
  WordId Intern(std::string_view upper);
  // Interns a word that matches only a token written exactly as here: "US"
  // the country, not "us" the pronoun; "West", not "west". A word any
  // dictionary also interns with Intern, or interns written otherwise,
  // matches in any case, as before.
  WordId InternCased(std::string_view as_written);
  bool IsCased(WordId id) const { return id < cased_.size() && cased_[id] != 0; }
  std::string_view Spelling(WordId id) const { return spellings_[id]; }
  size_t size() const { return spellings_.size(); }

 private:
  // One table slot: the word's id (kNoWord = empty), its full hash, its
  // length and first bytes, so that most lookups (words of up to kHead bytes)
  // are answered from the slot without reading the spelling.
  static constexpr size_t kHead = 7;
  struct Slot {
    uint32_t hash = 0;
    WordId id = kNoWord;
    uint8_t length = 0;  // spelling length, capped at 255
    char head[kHead] = {};
  };
  template <bool kFold>
  WordId Lookup(std::string_view word, uint32_t hash) const;
  // Lookup of a token as written: kNoWord for a cased word written with a
  // small letter.
  WordId LookupToken(std::string_view word, uint32_t hash) const;
  WordId InternWith(std::string_view upper, std::string_view as_written);
  void Grow();

  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::vector<std::string> spellings_;  // index = WordId; [0] = ""
  // Cased words are few: a flag per word, read on every token lookup, and
  // the spelling of the flagged ones.
  std::vector<uint8_t> cased_;  // index = WordId; 1 = matches only cased_spelling_[id]
  std::unordered_map<WordId, std::string> cased_spelling_;
};

// Upper-cases ASCII letters; bytes of UTF-8 multibyte characters are left as
// they are. Used for every lookup key.
std::string ToUpperKey(std::string_view word);
// ToUpperKey(a) == ToUpperKey(b), without building either key.
bool SameUpperKey(std::string_view a, std::string_view b);

// A match of a dictionary phrase against a token sequence.
struct PhraseMatch {
  uint32_t length = 0;  // tokens consumed; 0 = no match
  uint32_t entry = 0;   // index of the entry in its dictionary
};

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_VOCABULARY_H_

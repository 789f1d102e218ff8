// Lemmas and UD features learned from a treebank.
//
// Lemmatizer: every training word gives a rewrite rule (lowercase or keep the
// case, cut N trailing bytes, append a string). A word seen in training with
// the same Penn tag uses its most frequent rule; any other word uses the most
// frequent rule of the longest suffix (up to 6 bytes) seen with its tag.
// FeatsTable: the most frequent FEATS of (word, XPOS, UPOS), else of
// (XPOS, UPOS); Voice is decided after parsing (see Model::Annotate).
// Immutable after training or loading; lookups are thread-safe.
#ifndef PARLEY_PARSE_MORPHOLOGY_H_
#define PARLEY_PARSE_MORPHOLOGY_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "parse/weights.h"

namespace parley::parse {

struct MorphExample {
  std::string_view form, lemma, feats;
  int xpos = 0, upos = 0;
};

class Lemmatizer {
 public:
  struct Rule {
    uint8_t cut = 0;
    uint8_t lower = 1;
    std::string add;
  };

  void Train(const std::vector<MorphExample>& data);
  // After Train: irregular forms from a word list (WordNet's exception
  // lists, parse/wordnet.h) for (form, tag) pairs the training data never
  // showed ("shot"/VBD: "shoot", where the suffix rules made "shet").
  // Returns how many were added.
  size_t AddIrregularForms(const std::vector<MorphExample>& forms);
  // Writes the lemma of `form` with Penn tag `xpos` into `out` (reusing its
  // capacity). `lower_hash` is HashLower(form) (parse/tagger.h).
  void Lemmatize(std::string_view form, uint64_t lower_hash, int xpos, std::string& out) const;
  // Starts loading what Lemmatize(_, lower_hash, xpos, _) reads first.
  void Prefetch(uint64_t lower_hash, int xpos) const;

  void Write(ByteWriter& w) const;
  bool Read(ByteReader& r);

 private:
  // Rules by their fields, to find a rule's index while adding.
  using RuleIds = std::map<std::tuple<uint8_t, uint8_t, std::string>, uint32_t>;
  RuleIds IndexRules() const;
  // An existing rule's index, or a new one's (appended to rules_ and `ids`).
  uint32_t InternRule(const Rule& rule, RuleIds& ids);
  std::vector<Rule> rules_;
  // Per Penn tag: 1 when an unseen word with it is its own lemma (proper
  // nouns, numbers); empty in models made before it.
  std::vector<uint8_t> keeps_unseen_;
  U64Map<uint32_t> exact_;   // (lowercase word, xpos) → rule
  U64Map<uint32_t> suffix_;  // (xpos, suffix) → rule
};

class FeatsTable {
 public:
  void Train(const std::vector<MorphExample>& data);
  // The FEATS string (without Voice), "" for none.
  const std::string& Feats(uint64_t lower_hash, int xpos, int upos) const;
  // Starts loading what Feats(lower_hash, xpos, upos) reads first.
  void Prefetch(uint64_t lower_hash, int xpos, int upos) const;

  void Write(ByteWriter& w) const;
  bool Read(ByteReader& r);

 private:
  static constexpr uint64_t kDenseTags = 64;
  void BuildDense();
  std::vector<std::string> names_;  // names_[0] == ""
  std::vector<uint32_t> dense_;     // (xpos, upos) → name for ids < kDenseTags
  U64Map<uint32_t> word_;           // (lowercase word, xpos, upos) → name
  U64Map<uint32_t> tag_;            // (xpos, upos) → name
};

// FEATS without the Voice feature.
std::string StripVoice(std::string_view feats);

}  // namespace parley::parse

#endif  // PARLEY_PARSE_MORPHOLOGY_H_

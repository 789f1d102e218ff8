// Rule-based mends of the tagger's and parser's output for constructions of
// news copy that the models, trained on EWT, misread: participles that are
// the simple past of a clause ("Turkish police detained dozens of
// protesters", "Israeli strikes killed at least 30 people in Gaza, health
// officials said"), subjects and objects hung on the wrong verb, sentences
// rooted in a fronted phrase or a relative clause, lists and titles. Each
// rule says how often it fires on the treebanks and how often rightly
// (docs/syntax.md). Internal to src/parse: Model::Annotate calls them.
#ifndef PARLEY_PARSE_REPAIRS_H_
#define PARLEY_PARSE_REPAIRS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parse/model_data.h"

namespace parley::parse {

// Per word: whether it has aux, aux:pass, obj and subject children.
struct ChildFlags {
  std::vector<uint8_t> aux, aux_pass, obj, subj;
};

// One sentence as Model::Annotate works on it: its words, the tagger's tags,
// the parser's tree and what the repairs keep. Per thread, it grows to the
// longest sentence seen.
struct Analysis {
  std::vector<std::string_view> forms;
  std::vector<WordInfo> info;
  std::vector<int> xpos, upos, head, label;
  std::vector<uint8_t> repaired;  // retagged words (RetagMisreadParticiples)
  std::vector<uint8_t> has_cc;    // FlattenConjunctChains: words with a cc child
  std::string lemma;              // AttachControlledInfinitives: a verb's lemma
  ChildFlags children;
  ParseSentence sentence;
  ParseScratch parse;
};

// After a parse: retags the words the tree shows to be misread (as simple
// pasts, VBD, the participles that are a clause's verb; ...). Returns whether
// any was retagged: the tree was built around the misread tag, so the
// sentence must be parsed again (with x.sentence.xpos from x.xpos) and
// ActivateRetaggedVerbs called. `round` 0 starts x.repaired afresh; a
// second round (on the new parse) adds to it.
bool RetagMisreadParticiples(const ModelData& m, Analysis& x, int round = 0);

// After parsing again: the subject of a retagged verb is active.
void ActivateRetaggedVerbs(const ModelData& m, Analysis& x);

// Mends the final tree: subjects, objects and roots hung on the wrong word,
// broken lists and titles, passive subjects of active verbs.
void MendTree(const ModelData& m, Analysis& x);

}  // namespace parley::parse

#endif  // PARLEY_PARSE_REPAIRS_H_

// WordNet 3.0's exception lists: the irregular inflections of English verbs,
// nouns, adjectives and adverbs ("shot shoot", "children child", "better
// good"), as Debian's wordnet-base installs them (/usr/share/wordnet), for
// the lemmatizer's forms the treebank never showed with their tag.
#ifndef PARLEY_PARSE_WORDNET_H_
#define PARLEY_PARSE_WORDNET_H_

#include <string>
#include <vector>

#include "parley/status.h"

namespace parley::parse {

struct IrregularForm {
  std::string form, lemma;
  int xpos = 0;
};

// The folder the training command reads by default.
inline constexpr const char* kDefaultWordNetDir = "/usr/share/wordnet";

// Reads verb.exc, noun.exc, adj.exc and adv.exc in `dir`: each line an
// inflected form and its lemma (the first, where several are given). Each
// form is listed under the Penn tags its part of speech inflects to, by
// their index in `xpos_names`: a verb's VBD, VBN, VBZ and VBG, a noun's NNS,
// an adjective's JJR and JJS, an adverb's RBR and RBS. Multi-word entries
// ("aides-de-camp" is one word, "brothers_in_law" three) and forms equal to
// their lemma are left out. A missing file is an error naming it.
Status ReadWordNetExceptions(const std::string& dir, const std::vector<std::string>& xpos_names,
                             std::vector<IrregularForm>& out);

}  // namespace parley::parse

#endif  // PARLEY_PARSE_WORDNET_H_

// The parts of a parse::Model, shared between model.cc, model_file.cc and
// train.cc. Internal to src/parse.
#ifndef PARLEY_PARSE_MODEL_DATA_H_
#define PARLEY_PARSE_MODEL_DATA_H_

#include <optional>
#include <string>
#include <vector>

#include "parse/morphology.h"
#include "parse/parser.h"
#include "parse/supertagger.h"
#include "parse/tagger.h"

namespace parley::parse {

struct ModelData {
  std::vector<std::string> xpos_names, upos_names, label_names;
  Tagger tagger;
  // Empty (no supertags, no names) in models made before it.
  Supertagger supertagger;
  std::vector<std::string> stag_names;
  Lemmatizer lemmatizer;
  FeatsTable feats;
  Parser parser;
  // Stacked models: a right-to-left parser whose tree the parser reads
  // (Parser::guided); absent in models made before stacking.
  std::optional<Parser> guide;
  // Looked up once the names are known (-1 when absent).
  int vbn = -1, vbd = -1, vbz = -1, vbp = -1, md = -1, aux = -1, aux_pass = -1;
  int conj = -1, amod = -1, obj = -1, nsubj = -1, nsubj_pass = -1, cc = -1, appos = -1;
  int flat = -1, compound = -1, obl = -1, obl_agent = -1, nmod_desc = -1, ccomp = -1, parataxis = -1;
  int root = -1, case_label = -1, mark = -1, acl = -1, acl_relcl = -1, advcl = -1;
  int cop = -1, csubj = -1, expl = -1;
  int wdt = -1, wp = -1, wp_poss = -1, wrb = -1;  // wh-word XPOS ids
  int vb = -1, xcomp = -1, iobj = -1;
  int hyph = -1, possessive = -1, nmod_poss = -1;  // XPOS HYPH and POS, label nmod:poss
  int nn = -1, nns = -1;                            // XPOS NN and NNS
  int nmod = -1;
  int cconj = -1, verb = -1, aux_upos = -1, punct = -1, adp = -1;  // UPOS ids
  int noun = -1, propn = -1, pron = -1, det = -1, adj = -1, num = -1;
  NameTags name_tags;
  FiniteTags finite_tags;

  void ResolveNames();
};

int IndexOf(const std::vector<std::string>& names, const std::string& name);

}  // namespace parley::parse

#endif  // PARLEY_PARSE_MODEL_DATA_H_

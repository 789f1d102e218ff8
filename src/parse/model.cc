#include "parse/model.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "parse/model_data.h"
#include "parse/repairs.h"

namespace parley::parse {

int IndexOf(const std::vector<std::string>& names, const std::string& name) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

void ModelData::ResolveNames() {
  vbn = IndexOf(xpos_names, "VBN");
  vbd = IndexOf(xpos_names, "VBD");
  vbz = IndexOf(xpos_names, "VBZ");
  vbp = IndexOf(xpos_names, "VBP");
  md = IndexOf(xpos_names, "MD");
  aux = IndexOf(label_names, "aux");
  aux_pass = IndexOf(label_names, "aux:pass");
  conj = IndexOf(label_names, "conj");
  amod = IndexOf(label_names, "amod");
  obj = IndexOf(label_names, "obj");
  nsubj = IndexOf(label_names, "nsubj");
  nsubj_pass = IndexOf(label_names, "nsubj:pass");
  cc = IndexOf(label_names, "cc");
  appos = IndexOf(label_names, "appos");
  flat = IndexOf(label_names, "flat");
  compound = IndexOf(label_names, "compound");
  obl = IndexOf(label_names, "obl");
  obl_agent = IndexOf(label_names, "obl:agent");
  root = IndexOf(label_names, "root");
  case_label = IndexOf(label_names, "case");
  mark = IndexOf(label_names, "mark");
  acl = IndexOf(label_names, "acl");
  acl_relcl = IndexOf(label_names, "acl:relcl");
  advcl = IndexOf(label_names, "advcl");
  cop = IndexOf(label_names, "cop");
  csubj = IndexOf(label_names, "csubj");
  expl = IndexOf(label_names, "expl");
  wdt = IndexOf(xpos_names, "WDT");
  wp = IndexOf(xpos_names, "WP");
  wp_poss = IndexOf(xpos_names, "WP$");
  wrb = IndexOf(xpos_names, "WRB");
  vb = IndexOf(xpos_names, "VB");
  xcomp = IndexOf(label_names, "xcomp");
  iobj = IndexOf(label_names, "iobj");
  hyph = IndexOf(xpos_names, "HYPH");
  possessive = IndexOf(xpos_names, "POS");
  nn = IndexOf(xpos_names, "NN");
  nns = IndexOf(xpos_names, "NNS");
  nmod_poss = IndexOf(label_names, "nmod:poss");
  nmod = IndexOf(label_names, "nmod");
  nmod_desc = IndexOf(label_names, "nmod:desc");
  ccomp = IndexOf(label_names, "ccomp");
  parataxis = IndexOf(label_names, "parataxis");
  cconj = IndexOf(upos_names, "CCONJ");
  verb = IndexOf(upos_names, "VERB");
  aux_upos = IndexOf(upos_names, "AUX");
  punct = IndexOf(upos_names, "PUNCT");
  adp = IndexOf(upos_names, "ADP");
  noun = IndexOf(upos_names, "NOUN");
  propn = IndexOf(upos_names, "PROPN");
  name_tags = {IndexOf(xpos_names, "NNP"), IndexOf(xpos_names, "NNPS"), IndexOf(xpos_names, "JJ"), propn};
  finite_tags.vbd = IndexOf(xpos_names, "VBD");
  finite_tags.vbz = IndexOf(xpos_names, "VBZ");
  finite_tags.vbp = IndexOf(xpos_names, "VBP");
  finite_tags.md = IndexOf(xpos_names, "MD");
  finite_tags.verb = verb;
  for (const char* t : {"JJ", "RB", "VB", "VBG", "VBN"})
    if (const int id = IndexOf(xpos_names, t); id >= 0 && id < 256) finite_tags.may_yield.set(static_cast<size_t>(id));
  pron = IndexOf(upos_names, "PRON");
  det = IndexOf(upos_names, "DET");
  adj = IndexOf(upos_names, "ADJ");
  num = IndexOf(upos_names, "NUM");
}

void Model::Annotate(std::span<Token> tokens, const std::function<bool(std::span<const Token>)>& wants_tree,
                     std::span<const uint8_t> known_names) const {
  thread_local Analysis x;
  const ModelData& m = *data_;
  const size_t n = tokens.size();
  if (n == 0) return;
  x.forms.resize(n);
  for (size_t i = 0; i < n; ++i) x.forms[i] = tokens[i].form;
  x.xpos.resize(n);
  x.upos.resize(n);
  x.head.resize(n);
  x.label.resize(n);
  m.tagger.Tag(x.forms, x.info, x.xpos.data(), x.upos.data(), known_names, m.name_tags, &m.finite_tags);
  // The lemma and FEATS lookups miss the cache; started now, they arrive
  // while the sentence is parsed.
  for (size_t i = 0; i < n; ++i) {
    m.lemmatizer.Prefetch(x.info[i + Tagger::kPad].lower, x.xpos[i]);
    m.feats.Prefetch(x.info[i + Tagger::kPad].lower, x.xpos[i], x.upos[i]);
  }

  auto write_tags = [&](size_t i) {
    Token& t = tokens[i];
    t.xpos.assign(m.xpos_names[static_cast<size_t>(x.xpos[i])]);
    t.upos.assign(m.upos_names[static_cast<size_t>(x.upos[i])]);
    m.lemmatizer.Lemmatize(t.form, x.info[i + Tagger::kPad].lower, x.xpos[i], t.lemma);
  };
  if (wants_tree) {
    for (size_t i = 0; i < n; ++i) write_tags(i);
    if (!wants_tree(std::span<const Token>(tokens.data(), n))) {
      for (size_t i = 0; i < n; ++i) {
        Token& t = tokens[i];
        t.feats.assign(m.feats.Feats(x.info[i + Tagger::kPad].lower, x.xpos[i], x.upos[i]));
        t.head = -1;
        t.deprel.clear();
      }
      return;
    }
  }

  x.sentence.word.resize(n);
  x.sentence.cluster.resize(n);
  for (size_t i = 0; i < n; ++i) {
    x.sentence.word[i] = x.info[i + Tagger::kPad].lower;
    x.sentence.cluster[i] = x.info[i + Tagger::kPad].path;
  }
  x.sentence.xpos.assign(x.xpos.begin(), x.xpos.end());
  x.sentence.upos.assign(x.upos.begin(), x.upos.end());
  auto supertag = [&] {
    x.sentence.stag.resize(m.supertagger.empty() ? 0 : n);
    if (!m.supertagger.empty()) m.supertagger.Tag(x.info, x.xpos.data(), n, x.sentence.stag.data());
  };
  supertag();
  auto parse = [&] {
    if (m.guide) {
      x.sentence.guide_head.resize(n);
      x.sentence.guide_label.resize(n);
      m.guide->Parse(x.sentence, x.parse, x.sentence.guide_head.data(), x.sentence.guide_label.data());
    } else {
      x.sentence.guide_head.clear();
      x.sentence.guide_label.clear();
    }
    m.parser.Parse(x.sentence, x.parse, x.head.data(), x.label.data());
  };
  parse();

  // The tree was built around a misread tag (often the verb hangs off a
  // fronted phrase as a relative clause): parse again with the new tags, and
  // make a retagged verb's subject active. A second round looks at the new
  // tree: with "tear" a noun, "Police used tear gas" has no finite verb.
  for (int round = 0; round < 2 && RetagMisreadParticiples(m, x, round); ++round) {
    x.sentence.xpos.assign(x.xpos.begin(), x.xpos.end());
    x.sentence.upos.assign(x.upos.begin(), x.upos.end());
    supertag();
    parse();
    ActivateRetaggedVerbs(m, x);
  }
  MendTree(m, x);
  const int root = static_cast<int>(n);
  const bool filled = static_cast<bool>(wants_tree);  // tags and lemmas already written
  for (size_t i = 0; i < n; ++i) {
    Token& t = tokens[i];
    const int xp = x.xpos[i], up = x.upos[i];
    if (!filled || x.repaired[i]) write_tags(i);
    t.feats.assign(m.feats.Feats(x.info[i + Tagger::kPad].lower, xp, up));
    // A past participle is passive unless it follows a perfect "have".
    if (xp == m.vbn && (x.children.aux_pass[i] || !x.children.aux[i]))
      t.feats.append(t.feats.empty() ? "Voice=Pass" : "|Voice=Pass");
    const int h = x.head[i];
    t.head = (h < 0 || h >= root) ? 0 : h + 1;
    const int l = x.label[i];
    if (l >= 0 && static_cast<size_t>(l) < m.label_names.size())
      t.deprel.assign(m.label_names[static_cast<size_t>(l)]);
    else
      t.deprel.assign("dep");
  }
}

std::string Model::Describe() const {
  const ModelData& m = *data_;
  return fmt::format(
      "{} XPOS, {} UPOS, {} relations, {} supertags; weight rows: tagger {}, supertagger {}, transitions {}, "
      "labels {}",
      m.xpos_names.size(), m.upos_names.size(), m.label_names.size(), m.stag_names.size(), m.tagger.rows(),
      m.supertagger.rows(), m.parser.trans_rows(), m.parser.label_rows());
}

}  // namespace parley::parse

#include "parse/model.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "parse/model_data.h"

namespace parley::parse {

int IndexOf(const std::vector<std::string>& names, const std::string& name) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

void ModelData::ResolveNames() {
  vbn = IndexOf(xpos_names, "VBN");
  vbd = IndexOf(xpos_names, "VBD");
  aux = IndexOf(label_names, "aux");
  aux_pass = IndexOf(label_names, "aux:pass");
  root = IndexOf(label_names, "root");
  ccomp = IndexOf(label_names, "ccomp");
  advcl = IndexOf(label_names, "advcl");
  parataxis = IndexOf(label_names, "parataxis");
  obj = IndexOf(label_names, "obj");
  nsubj = IndexOf(label_names, "nsubj");
  nsubj_pass = IndexOf(label_names, "nsubj:pass");
}

namespace {

// Per-thread scratch for Annotate: grows to the longest sentence seen.
struct Scratch {
  std::vector<std::string_view> forms;
  std::vector<WordInfo> info;
  std::vector<int> xpos, upos, head, label;
  std::vector<uint8_t> child_aux, child_aux_pass, child_obj, child_subj;
  ParseSentence sentence;
  ParseScratch parse;
};

// A clause with a subject and a direct object but no auxiliary is finite,
// so a past participle heading it is a simple past the tagger misread
// ("North Korea on Thursday fired two shells at Seoul": "Thursday fired"
// reads like a reduced passive): VBD, and its passive subject an active one.
// Conjuncts are left alone; they may share an auxiliary with the first verb.
// On EWT dev this fires 7 times, each time on a gold VBD.
void RepairFiniteParticiples(const ModelData& m, std::vector<int>& xpos, const std::vector<int>& head,
                             std::vector<int>& label, const std::vector<uint8_t>& child_aux,
                             const std::vector<uint8_t>& child_aux_pass, const std::vector<uint8_t>& child_obj,
                             const std::vector<uint8_t>& child_subj) {
  if (m.vbn < 0 || m.vbd < 0 || m.nsubj < 0) return;
  const size_t n = xpos.size();
  for (size_t i = 0; i < n; ++i) {
    if (xpos[i] != m.vbn || child_aux[i] || child_aux_pass[i] || !child_obj[i] || !child_subj[i]) continue;
    const int l = label[i];
    if (l != m.root && l != m.ccomp && l != m.advcl && l != m.parataxis) continue;
    xpos[i] = m.vbd;
    for (size_t j = 0; j < n; ++j)
      if (head[j] == static_cast<int>(i) && label[j] == m.nsubj_pass) label[j] = m.nsubj;
  }
}

}  // namespace

void Model::Annotate(std::span<Token> tokens) const {
  thread_local Scratch x;
  const ModelData& m = *data_;
  const size_t n = tokens.size();
  if (n == 0) return;
  x.forms.resize(n);
  for (size_t i = 0; i < n; ++i) x.forms[i] = tokens[i].form;
  x.xpos.resize(n);
  x.upos.resize(n);
  x.head.resize(n);
  x.label.resize(n);
  m.tagger.Tag(x.forms, x.info, x.xpos.data(), x.upos.data());
  // The lemma and FEATS lookups miss the cache; started now, they arrive
  // while the sentence is parsed.
  for (size_t i = 0; i < n; ++i) {
    m.lemmatizer.Prefetch(x.info[i + 2].lower, x.xpos[i]);
    m.feats.Prefetch(x.info[i + 2].lower, x.xpos[i], x.upos[i]);
  }

  x.sentence.word.resize(n);
  for (size_t i = 0; i < n; ++i) x.sentence.word[i] = x.info[i + 2].lower;
  x.sentence.xpos.assign(x.xpos.begin(), x.xpos.end());
  x.sentence.upos.assign(x.upos.begin(), x.upos.end());
  m.parser.Parse(x.sentence, x.parse, x.head.data(), x.label.data());

  x.child_aux.assign(n, 0);
  x.child_aux_pass.assign(n, 0);
  x.child_obj.assign(n, 0);
  x.child_subj.assign(n, 0);
  const int root = static_cast<int>(n);
  for (size_t i = 0; i < n; ++i) {
    const int h = x.head[i];
    if (h < 0 || h >= root) continue;
    const int l = x.label[i];
    if (l == m.aux) x.child_aux[static_cast<size_t>(h)] = 1;
    if (l == m.aux_pass) x.child_aux_pass[static_cast<size_t>(h)] = 1;
    if (l == m.obj) x.child_obj[static_cast<size_t>(h)] = 1;
    if (l == m.nsubj || l == m.nsubj_pass) x.child_subj[static_cast<size_t>(h)] = 1;
  }
  RepairFiniteParticiples(m, x.xpos, x.head, x.label, x.child_aux, x.child_aux_pass, x.child_obj, x.child_subj);
  for (size_t i = 0; i < n; ++i) {
    Token& t = tokens[i];
    const int xp = x.xpos[i], up = x.upos[i];
    t.xpos.assign(m.xpos_names[static_cast<size_t>(xp)]);
    t.upos.assign(m.upos_names[static_cast<size_t>(up)]);
    m.lemmatizer.Lemmatize(t.form, x.info[i + 2].lower, xp, t.lemma);
    t.feats.assign(m.feats.Feats(x.info[i + 2].lower, xp, up));
    // A past participle is passive unless it follows a perfect "have".
    if (xp == m.vbn && (x.child_aux_pass[i] || !x.child_aux[i]))
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
  return fmt::format("{} XPOS, {} UPOS, {} relations; weight rows: tagger {}, transitions {}, labels {}",
                     m.xpos_names.size(), m.upos_names.size(), m.label_names.size(), m.tagger.rows(),
                     m.parser.trans_rows(), m.parser.label_rows());
}

}  // namespace parley::parse

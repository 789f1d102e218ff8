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
  aux = IndexOf(label_names, "aux");
  aux_pass = IndexOf(label_names, "aux:pass");
}

namespace {

// Per-thread scratch for Annotate: grows to the longest sentence seen.
struct Scratch {
  std::vector<std::string_view> forms;
  std::vector<WordInfo> info;
  std::vector<int> xpos, upos, head, label;
  std::vector<uint8_t> child_aux, child_aux_pass;
  ParseSentence sentence;
  ParseScratch parse;
};

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
  const int root = static_cast<int>(n);
  for (size_t i = 0; i < n; ++i) {
    const int h = x.head[i];
    if (h < 0 || h >= root) continue;
    if (x.label[i] == m.aux) x.child_aux[static_cast<size_t>(h)] = 1;
    if (x.label[i] == m.aux_pass) x.child_aux_pass[static_cast<size_t>(h)] = 1;
  }
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

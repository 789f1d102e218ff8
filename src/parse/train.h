// Training a parse::Model from CoNLL-U treebanks (UD English EWT for
// models/parley-en.model). Deterministic: the same data, options and seed give
// the same model byte for byte.
#ifndef PARLEY_PARSE_TRAIN_H_
#define PARLEY_PARSE_TRAIN_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "parley/document.h"
#include "parley/status.h"
#include "parse/model.h"

namespace parley::parse {

struct TrainOptions {
  // Training treebanks, read in order as one. models/parley-en.model learns
  // from EWT train and dev together: the settings below were chosen with
  // train alone, scored on dev.
  std::vector<std::string> train_paths;
  std::string dev_path;  // optional: scores are logged per epoch
  // Word clusters for the tagger's and parser's features (WordClusters::Load);
  // empty = none.
  std::string clusters_path;
  // WordNet's exception lists (parse/wordnet.h) for irregular lemmas the
  // treebank lacks; empty = none. A folder without them is an error.
  std::string wordnet_dir;
  int tagger_epochs = 8;
  int parser_epochs = 11;  // chosen on EWT dev for models/parley-en.model
  uint64_t seed = 1;
  // The parser learns from tags predicted by taggers trained on the other
  // folds (jackknifing); 0 or 1 = learn from gold tags.
  int jackknife_folds = 4;
  int threads = 2;  // for the jackknife taggers
  // Parser weight rows whose averaged weights all stay below this are dropped
  // (1 costs nothing on EWT dev and shrinks the model threefold; use 0 for
  // tiny treebanks, whose weights are all small).
  float parser_prune = 1.0f;
  // The same for the supertagger: 3 keeps a tenth of its rows on EWT (which
  // then fit the cache far better) for 0.4 points of its accuracy; 2 keeps a
  // quarter at full accuracy, 4 loses 1 point, 8 loses 10.
  float supertagger_prune = 3.0f;
  // The supertagger's landmark features (Supertagger): on EWT dev its
  // supertags go from 82.5% to 85.3% right; over three seeds EWT test UAS
  // +0.4, GUM news unchanged (docs/syntax.md).
  bool supertag_landmarks = false;
  // Parser beam width (training and parsing; 1 = greedy).
  int beam = 1;
  // Parsers trained on the same data with seeds `seed`, seed + 1000, ...,
  // whose averaged weights are averaged into one table: each transition is
  // then scored by all of them for the cost of one (1 = a single parser).
  // Three took EWT dev UAS 84.98 → 85.31 over their first member (docs/syntax.md).
  int parsers = 1;
  // Stacking: a slim right-to-left parser (as many averaged as `parsers`)
  // parses first and the parser reads its tree as features; in training the
  // trees come from guides trained on the other jackknife folds. Over seeds 1
  // and 2 on EWT train alone, EWT test UAS +0.46, GUM news +0.56, with the
  // syntax about 0.65 times as fast (docs/syntax.md). Greedy parsing only.
  bool stacked = false;
};

// Reads the treebanks named in `options` and trains. Progress goes to `log`
// (may be null).
Result<Model> Train(const TrainOptions& options, std::FILE* log);

// The same from sentences in memory (forms, lemma, upos, xpos, feats, head,
// deprel filled); the paths in `options` are ignored.
Result<Model> Train(const std::vector<std::vector<Token>>& train, const std::vector<std::vector<Token>>& dev,
                    const TrainOptions& options, std::FILE* log);

// The sentences of a CoNLL-U file, each as its own token vector.
Result<std::vector<std::vector<Token>>> ReadTreebank(const std::string& path);

}  // namespace parley::parse

#endif  // PARLEY_PARSE_TRAIN_H_

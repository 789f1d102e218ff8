// parley_train: trains the English tagger, lemmatizer and parser.
//
//   parley_train --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu
//                --out models/parley-en.model [--seed 1] [--tagger-epochs 8]
//                [--parser-epochs 11] [--parsers 1] [--clusters FILE] [--wordnet DIR] [--jackknife 4]
//                [--threads 2]
//                [--eval file.conllu]...
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "parse/model.h"
#include "parse/model_data.h"
#include "parse/train.h"

namespace {

void PrintScores(const std::string& name, const parley::parse::ConlluScores& s) {
  fmt::print(stderr,
             "{}: {} sentences, {} words: UPOS {:.2f} XPOS {:.2f} FEATS {:.2f} LEMMA {:.2f} UAS {:.2f} "
             "LAS {:.2f} (full labels {:.2f}); {:.0f} sentences/s\n",
             name, s.sentences, s.words, s.upos, s.xpos, s.feats, s.lemma, s.uas, s.las, s.las_full,
             s.seconds > 0 ? static_cast<double>(s.sentences) / s.seconds : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  parley::parse::TrainOptions o;
  std::string out, load;
  std::vector<std::string> evals;
  bool beam_set = false;
  // Re-pruning a loaded model: minimum absolute weight per table (< 0 = keep).
  float prune_trans = -1, prune_labels = -1, prune_tagger = -1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "parley_train: {} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--train") o.train_paths.push_back(value());
    else if (a == "--dev") o.dev_path = value();
    else if (a == "--out") out = value();
    else if (a == "--clusters") o.clusters_path = value();
    else if (a == "--wordnet") o.wordnet_dir = value();
    else if (a == "--seed") o.seed = std::stoull(value());
    else if (a == "--tagger-epochs") o.tagger_epochs = std::stoi(value());
    else if (a == "--parser-epochs") o.parser_epochs = std::stoi(value());
    else if (a == "--jackknife") o.jackknife_folds = std::stoi(value());
    else if (a == "--threads") o.threads = std::stoi(value());
    else if (a == "--parser-prune") o.parser_prune = std::stof(value());
    else if (a == "--parsers") o.parsers = std::stoi(value());
    else if (a == "--supertag-landmarks") o.supertag_landmarks = true;
    else if (a == "--stacked") o.stacked = true;
    else if (a == "--beam") o.beam = std::stoi(value()), beam_set = true;
    else if (a == "--eval") evals.push_back(value());
    else if (a == "--prune-transitions") prune_trans = std::stof(value());
    else if (a == "--prune-labels") prune_labels = std::stof(value());
    else if (a == "--prune-tagger") prune_tagger = std::stof(value());
    else if (a == "--load") load = value();
    else {
      fmt::print(stderr,
                 "usage: parley_train --train FILE [--train FILE]... [--dev FILE] --out MODEL [--seed N] [--tagger-epochs N] "
                 "[--parser-epochs N] [--parsers N] [--supertag-landmarks] [--stacked] [--jackknife K] [--threads N] [--parser-prune X] [--beam N] "
                 "[--eval FILE]...\n"
                 "       parley_train --load MODEL [--beam N] [--prune-transitions X] [--prune-labels X]\n"
                 "                    [--prune-tagger X] [--out NEW] [--eval FILE]...\n");
      return 2;
    }
  }
  auto model = load.empty() ? parley::parse::Train(o, stderr) : parley::parse::Model::Load(load);
  if (!model.ok()) {
    fmt::print(stderr, "parley_train: {}\n", model.status().ToString());
    return 1;
  }
  if (!load.empty() && (beam_set || prune_trans >= 0 || prune_labels >= 0 || prune_tagger >= 0)) {
    // Re-set the beam width or prune the tables of a loaded model.
    auto data = std::make_shared<parley::parse::ModelData>(model->data());
    if (beam_set && o.beam > 1 && data->guide) {
      fmt::print(stderr, "parley_train: a stacked model parses greedily (no --beam)\n");
      return 2;
    }
    if (beam_set) data->parser.set_beam(o.beam);
    if (prune_trans >= 0 || prune_labels >= 0)
      data->parser.Prune(std::max(prune_trans, 0.0f), std::max(prune_labels, 0.0f));
    if (prune_tagger >= 0) data->tagger.Prune(prune_tagger);
    model = parley::parse::Model(std::move(data));
    fmt::print(stderr, "{}\n", model->Describe());
  }
  if (!out.empty()) {
    parley::Status st = model->Save(out);
    if (!st.ok()) {
      fmt::print(stderr, "parley_train: {}\n", st.ToString());
      return 1;
    }
    fmt::print(stderr, "wrote {} ({})\n", out, model->Describe());
  }
  for (const std::string& e : evals) {
    auto s = parley::parse::EvaluateConllu(*model, e);
    if (!s.ok()) {
      fmt::print(stderr, "parley_train: {}\n", s.status().ToString());
      return 1;
    }
    PrintScores(e, *s);
  }
  return 0;
}

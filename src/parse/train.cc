#include "parse/train.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "io/conllu.h"
#include "parse/model_data.h"
#include "parse/wordnet.h"

namespace parley::parse {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void Log(std::FILE* log, const std::string& s) {
  if (log == nullptr) return;
  std::fputs(s.c_str(), log);
  std::fflush(log);
}

std::vector<std::string> SortedNames(const std::set<std::string>& s) { return {s.begin(), s.end()}; }

struct Tags {
  std::vector<int> xpos, upos, stag;
};

// A word's supertag: its relation and the side of its head.
std::string SupertagOf(const std::vector<Token>& s, size_t k) {
  const Token& t = s[k];
  if (t.head == 0) return "root";
  return t.deprel + (static_cast<size_t>(t.head) > k + 1 ? "/R" : "/L");
}

// The supertags to learn: the `kept` most frequent in the training data and
// "other/L" and "other/R" standing for the rest.
std::vector<std::string> ChooseSupertags(const std::vector<const std::vector<Token>*>& train, size_t kept) {
  std::map<std::string, size_t> count;
  for (const auto* s : train)
    for (size_t k = 0; k < s->size(); ++k) ++count[SupertagOf(*s, k)];
  std::vector<std::pair<size_t, std::string>> by_count;
  for (const auto& [name, n] : count) by_count.emplace_back(n, name);
  std::sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::set<std::string> names{"other/L", "other/R"};
  for (size_t i = 0; i < by_count.size() && i < kept; ++i) names.insert(by_count[i].second);
  return SortedNames(names);
}

// Jackknife fold f of `folds`: the examples it holds out (every folds-th,
// from the f-th) go to `held` by index, the others to `rest`.
template <typename T>
void SplitFold(const std::vector<T>& data, int f, int folds, std::vector<T>& rest, std::vector<size_t>& held) {
  for (size_t i = 0; i < data.size(); ++i) {
    if (static_cast<int>(i % static_cast<size_t>(folds)) == f) held.push_back(i);
    else rest.push_back(data[i]);
  }
}

// Runs the jobs, `threads` at a time.
void RunJobs(const std::vector<std::function<void()>>& jobs, size_t threads) {
  for (size_t next = 0; next < jobs.size();) {
    std::vector<std::thread> running;
    for (size_t k = 0; k < threads && next < jobs.size(); ++k) running.emplace_back(jobs[next++]);
    for (std::thread& t : running) t.join();
  }
}

// Jackknifing: `train_final` learns from all of `data`; for each of `folds`
// folds, `train_fold(fold, rest, held)` learns from the other folds and
// labels the held-out examples (their indexes in `data`), so the next stage
// learns from labels as good as it will get at run time. All of them,
// `threads` at a time.
template <typename Example>
void TrainJackknifed(const std::vector<Example>& data, int folds, size_t threads,
                     const std::function<void()>& train_final,
                     const std::function<void(int, const std::vector<Example>&, const std::vector<size_t>&)>& train_fold) {
  std::vector<std::function<void()>> jobs{train_final};
  for (int f = 0; f < folds; ++f)
    jobs.push_back([&, f] {
      std::vector<Example> rest;
      std::vector<size_t> held;
      SplitFold(data, f, folds, rest, held);
      train_fold(f, rest, held);
    });
  RunJobs(jobs, threads);
}

// Parser accuracy (UAS, LAS in percent) on sentences with given tags.
std::pair<double, double> ParserScores(const Parser& parser, const std::vector<ParseSentence>& data) {
  ParseScratch scratch;
  std::vector<int> head, label;
  size_t words = 0, uas = 0, las = 0;
  for (const ParseSentence& s : data) {
    head.resize(s.word.size());
    label.resize(s.word.size());
    parser.Parse(s, scratch, head.data(), label.data());
    for (size_t i = 0; i < s.word.size(); ++i) {
      ++words;
      if (head[i] == s.gold_head[i]) {
        ++uas;
        if (label[i] == s.gold_label[i]) ++las;
      }
    }
  }
  if (words == 0) return {0, 0};
  return {100.0 * static_cast<double>(uas) / static_cast<double>(words),
          100.0 * static_cast<double>(las) / static_cast<double>(words)};
}

}  // namespace

Result<std::vector<std::vector<Token>>> ReadTreebank(const std::string& path) {
  std::vector<std::vector<Token>> out;
  io::ReadSummary summary;
  Status st = io::ReadConlluFile(
      path,
      [&](Document&& doc) {
        for (const Sentence& s : doc.sentences) {
          auto tokens = doc.TokensOf(s);
          out.emplace_back(tokens.begin(), tokens.end());
        }
      },
      summary);
  if (!st.ok()) return st;
  if (out.empty()) return Status::InvalidArgument(path + ": no sentences");
  return out;
}

Result<Model> Train(const TrainOptions& options, std::FILE* log) {
  const auto start = Clock::now();
  if (options.train_paths.empty()) return Status::InvalidArgument("no training treebank");
  std::vector<std::vector<Token>> train;
  for (const std::string& path : options.train_paths) {
    Result<std::vector<std::vector<Token>>> part = ReadTreebank(path);
    if (!part.ok()) return part.status();
    train.insert(train.end(), std::make_move_iterator(part->begin()), std::make_move_iterator(part->end()));
  }
  std::vector<std::vector<Token>> dev;
  if (!options.dev_path.empty()) {
    Result<std::vector<std::vector<Token>>> d = ReadTreebank(options.dev_path);
    if (!d.ok()) return d.status();
    dev = std::move(*d);
  }
  Log(log, fmt::format("read {} training and {} dev sentences in {:.1f} s\n", train.size(), dev.size(),
                       Since(start)));
  return Train(train, dev, options, log);
}

Result<Model> Train(const std::vector<std::vector<Token>>& train_in, const std::vector<std::vector<Token>>& dev,
                    const TrainOptions& options, std::FILE* log) {
  const auto start = Clock::now();
  if (options.tagger_epochs < 1 || options.parser_epochs < 1)
    return Status::InvalidArgument("training needs at least one tagger and one parser epoch");
  if (options.stacked && options.beam > 1)
    return Status::InvalidArgument("a stacked model parses greedily: its guide features need beam 1");
  // Sentences with a complete tree only.
  std::vector<const std::vector<Token>*> train;
  for (const auto& s : train_in) {
    bool tree = !s.empty();
    for (const Token& t : s) tree = tree && t.head >= 0 && t.head <= static_cast<int32_t>(s.size());
    if (tree) train.push_back(&s);
  }
  if (train.empty()) return Status::InvalidArgument("no training sentence has a dependency tree");

  auto data = std::make_shared<ModelData>();
  std::set<std::string> xs, us, ls{"root"};
  for (const auto* s : train)
    for (const Token& t : *s) {
      xs.insert(t.xpos);
      us.insert(t.upos);
      if (t.head != 0) ls.insert(t.deprel);
    }
  data->xpos_names = SortedNames(xs);
  data->upos_names = SortedNames(us);
  data->label_names = SortedNames(ls);
  if (xs.size() > 256 || us.size() > 256 || ls.size() > 250)
    return Status::InvalidArgument("too many tags or relations in the training data");
  const int nx = static_cast<int>(xs.size()), nu = static_cast<int>(us.size());
  auto xid = [&](const std::string& s) { return std::max(0, IndexOf(data->xpos_names, s)); };
  auto uid = [&](const std::string& s) { return std::max(0, IndexOf(data->upos_names, s)); };
  auto lid = [&](const std::string& s) { return std::max(0, IndexOf(data->label_names, s)); };
  const int root_label = lid("root");

  // Tagger data (forms point into the training sentences).
  std::vector<TaggedSentence> tagged(train.size());
  for (size_t i = 0; i < train.size(); ++i)
    for (const Token& t : *train[i]) {
      tagged[i].forms.push_back(t.form);
      tagged[i].xpos.push_back(xid(t.xpos));
      tagged[i].upos.push_back(uid(t.upos));
    }

  WordClusters clusters;
  if (!options.clusters_path.empty()) {
    Status st = clusters.Load(options.clusters_path);
    if (!st.ok()) return st;
    Log(log, fmt::format("read {} word clusters\n", clusters.size()));
  }

  // The final tagger and the jackknife taggers.
  const int folds = options.jackknife_folds > 1 ? options.jackknife_folds : 0;
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  std::vector<Tags> predicted(train.size());
  TrainJackknifed<TaggedSentence>(
      tagged, folds, threads,
      [&] {
        data->tagger = Tagger(nx, nu);
        data->tagger.set_clusters(clusters);
        data->tagger.Train(tagged, options.tagger_epochs, options.seed);
      },
      [&](int f, const std::vector<TaggedSentence>& rest, const std::vector<size_t>& held) {
        // The parser learns from tags as the perceptron alone gives them
        // (without the sure-tag shortcut, which differs from it on 1 word in
        // 1,000 at most), as it did before the shortcut existed.
        Tagger tagger(nx, nu);
        tagger.set_clusters(clusters);
        tagger.Train(rest, options.tagger_epochs, options.seed + static_cast<uint64_t>(f) + 1,
                     /*sure_tags=*/false);
        std::vector<WordInfo> info;
        for (size_t i : held) {
          Tags& t = predicted[i];
          t.xpos.resize(tagged[i].forms.size());
          t.upos.resize(tagged[i].forms.size());
          tagger.Tag(tagged[i].forms, info, t.xpos.data(), t.upos.data());
        }
      });
  Log(log, fmt::format("trained the tagger ({} epochs) and {} jackknife taggers in {:.1f} s\n",
                       options.tagger_epochs, folds, Since(start)));

  // The supertagger learns from the jackknifed Penn tags (what it sees at
  // run time is predicted too); the parser from jackknifed supertags.
  // The 30 most frequent supertags (94% of EWT's words) and two for the
  // rest: a supertagger row is one cache line. All 84 or the 46 that cover
  // 99% parse EWT dev about as well (retraining alone moves dev UAS ±0.2)
  // but cost more time.
  data->stag_names = ChooseSupertags(train, 30);
  auto stag_id = [&](const std::string& name) {
    const int id = IndexOf(data->stag_names, name);
    return id >= 0 ? id : IndexOf(data->stag_names, name.ends_with("/R") ? "other/R" : "other/L");
  };
  std::vector<uint8_t> word_class(static_cast<size_t>(nx), Supertagger::kOtherWord);
  for (size_t x = 0; x < word_class.size(); ++x) {
    const std::string& tag = data->xpos_names[x];
    if (tag.starts_with("VB") || tag == "MD") word_class[x] = Supertagger::kVerbWord;
    else if (!options.supertag_landmarks) continue;
    else if (tag == "IN" || tag == "TO") word_class[x] = Supertagger::kAdpositionWord;
    else if (tag == "CC") word_class[x] = Supertagger::kCoordinatorWord;
    else if (tag == "WDT" || tag == "WP" || tag == "WRB") word_class[x] = Supertagger::kWhWord;
  }
  std::vector<SupertagExample> st_data(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    SupertagExample& e = st_data[i];
    data->tagger.Describe(tagged[i].forms, e.info);
    e.xpos = folds > 0 ? predicted[i].xpos : tagged[i].xpos;
    for (size_t k = 0; k < train[i]->size(); ++k)
      e.gold.push_back(stag_id(SupertagOf(*train[i], k)));
  }
  const int nst = static_cast<int>(data->stag_names.size());
  TrainJackknifed<SupertagExample>(
      st_data, folds, threads,
      [&] {
        data->supertagger = Supertagger(nst, word_class, options.supertag_landmarks);
        data->supertagger.Train(st_data, options.tagger_epochs, options.seed, options.supertagger_prune);
      },
      [&](int f, const std::vector<SupertagExample>& rest, const std::vector<size_t>& held) {
        Supertagger st(nst, word_class, options.supertag_landmarks);
        st.Train(rest, options.tagger_epochs, options.seed + static_cast<uint64_t>(f) + 1,
                 options.supertagger_prune);
        for (size_t i : held) {
          predicted[i].stag.resize(st_data[i].gold.size());
          st.Tag(st_data[i].info, st_data[i].xpos.data(), st_data[i].gold.size(), predicted[i].stag.data());
        }
      });
  Log(log, fmt::format("trained the supertagger ({} supertags) and {} jackknife supertaggers in {:.1f} s\n",
                       nst, folds, Since(start)));

  // Lemmas and features from the gold training words.
  std::vector<MorphExample> morph;
  for (size_t i = 0; i < train.size(); ++i)
    for (size_t k = 0; k < train[i]->size(); ++k) {
      const Token& t = (*train[i])[k];
      morph.push_back({t.form, t.lemma, t.feats, tagged[i].xpos[k], tagged[i].upos[k]});
    }
  data->lemmatizer.Train(morph);
  data->feats.Train(morph);
  if (!options.wordnet_dir.empty()) {
    std::vector<IrregularForm> irregular;
    Status st = ReadWordNetExceptions(options.wordnet_dir, data->xpos_names, irregular);
    if (!st.ok()) return st;
    std::vector<MorphExample> forms;
    forms.reserve(irregular.size());
    for (const IrregularForm& f : irregular) forms.push_back({f.form, f.lemma, "", f.xpos, 0});
    const size_t added = data->lemmatizer.AddIrregularForms(forms);
    Log(log, fmt::format("added {} irregular forms from WordNet's exception lists ({} read)\n", added, forms.size()));
  }

  // Parser data.
  auto to_parse = [&](const std::vector<Token>& s, ParseSentence& p) {
    const int n = static_cast<int>(s.size());
    for (const Token& t : s) {
      p.word.push_back(HashLower(t.form));
      p.cluster.push_back(clusters.Find(p.word.back()));
      p.gold_head.push_back(t.head <= 0 || t.head > n ? n : t.head - 1);
      p.gold_label.push_back(t.head == 0 ? root_label : lid(t.deprel));
    }
  };
  std::vector<ParseSentence> pdata(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    to_parse(*train[i], pdata[i]);
    if (folds > 0) {
      pdata[i].xpos = predicted[i].xpos;
      pdata[i].upos = predicted[i].upos;
      pdata[i].stag = predicted[i].stag;
    } else {
      pdata[i].xpos = tagged[i].xpos;
      pdata[i].upos = tagged[i].upos;
      pdata[i].stag = st_data[i].gold;
    }
  }
  std::vector<ParseSentence> pdev;
  size_t stag_right = 0, stag_words = 0;
  {
    std::vector<WordInfo> info;
    std::vector<std::string_view> forms;
    for (const auto& s : dev) {
      bool tree = !s.empty();
      for (const Token& t : s) tree = tree && t.head >= 0 && t.head <= static_cast<int32_t>(s.size());
      if (!tree) continue;
      ParseSentence p;
      to_parse(s, p);
      forms.clear();
      for (const Token& t : s) forms.push_back(t.form);
      p.xpos.resize(s.size());
      p.upos.resize(s.size());
      data->tagger.Tag(forms, info, p.xpos.data(), p.upos.data());
      p.stag.resize(s.size());
      data->supertagger.Tag(info, p.xpos.data(), s.size(), p.stag.data());
      for (size_t k = 0; k < s.size(); ++k)
        stag_right += p.stag[k] == stag_id(SupertagOf(s, k));
      stag_words += s.size();
      pdev.push_back(std::move(p));
    }
  }
  if (stag_words > 0)
    Log(log, fmt::format("dev supertags {:.2f}% right\n",
                         100.0 * static_cast<double>(stag_right) / static_cast<double>(stag_words)));
  int lifted = 0, nonprojective = 0;
  for (const ParseSentence& p : pdata) {
    std::vector<int> h = p.gold_head;
    const int k = Projectivize(h);
    lifted += k;
    nonprojective += k > 0;
  }
  Log(log, fmt::format("parser: {} sentences, {} non-projective ({} arcs lifted), {} relations\n",
                       pdata.size(), nonprojective, lifted, data->label_names.size()));

  // Parsers trained alike (seeds `seed`, seed + 1000, ...) on `sentences`,
  // their averaged weights averaged into one table; the first logs dev
  // scores after each epoch when `dev` is given.
  const int num_labels = static_cast<int>(data->label_names.size());
  // A guide is a slim right-to-left parser; the parser reads its tree when
  // the model is stacked.
  auto make_parser = [&](bool guide) {
    Parser p(num_labels, root_label);
    p.set_beam(options.beam);
    p.set_right_to_left(guide);
    p.set_slim(guide);
    p.set_guided(!guide && options.stacked);
    return p;
  };
  auto train_parsers = [&](const std::vector<ParseSentence>& sentences, int count, uint64_t seed, bool guide,
                           const std::vector<ParseSentence>* dev_log) {
    std::vector<Parser> members(static_cast<size_t>(std::max(1, count)));
    const auto parser_start = Clock::now();
    std::vector<std::function<void()>> jobs;
    for (size_t e = 0; e < members.size(); ++e)
      jobs.push_back([&, e] {
        Parser& p = members[e];
        p = make_parser(guide);
        p.Train(sentences, options.parser_epochs, seed + 1000 * e, [&](int epoch) {
          if (e != 0 || dev_log == nullptr) return;
          std::string line = fmt::format("parser epoch {}: {:.1f} s, {} weight rows", epoch + 1,
                                         Since(parser_start), p.rows());
          if (!dev_log->empty()) {
            Parser averaged = p;
            averaged.Finish(options.parser_prune);
            auto [uas, las] = ParserScores(averaged, *dev_log);
            line += fmt::format(", dev UAS {:.2f} LAS {:.2f}", uas, las);
          }
          Log(log, line + "\n");
        });
        p.Average();
      });
    RunJobs(jobs, threads);
    Parser out = std::move(members[0]);
    for (size_t e = 1; e < members.size(); ++e) {
      const float n = static_cast<float>(e + 1);
      out.Blend((n - 1) / n, members[e], 1 / n);
    }
    out.Prune(options.parser_prune, options.parser_prune);
    return out;
  };

  if (options.stacked) {
    // The guide: right-to-left parsers; the parser learns from guide trees
    // made by guides that did not see the sentence (jackknifed), as at run
    // time.
    const auto guide_start = Clock::now();
    constexpr uint64_t kGuideSeed = 77;
    // A guide's tree of sentence s, into head and label.
    auto guide_tree = [](const Parser& g, const ParseSentence& s, ParseScratch& scratch, std::vector<int>& head,
                         std::vector<int>& label) {
      head.resize(s.word.size());
      label.resize(s.word.size());
      g.Parse(s, scratch, head.data(), label.data());
    };
    std::vector<std::pair<std::vector<int>, std::vector<int>>> guides(pdata.size());
    TrainJackknifed<ParseSentence>(
        pdata, folds, threads,
        [&] { data->guide = train_parsers(pdata, options.parsers, options.seed + kGuideSeed, true, nullptr); },
        [&](int f, const std::vector<ParseSentence>& rest, const std::vector<size_t>& held) {
          Parser g = make_parser(true);
          g.Train(rest, options.parser_epochs, options.seed + kGuideSeed + static_cast<uint64_t>(f) + 1, [](int) {});
          g.Finish(options.parser_prune);
          ParseScratch scratch;
          for (size_t i : held) guide_tree(g, pdata[i], scratch, guides[i].first, guides[i].second);
        });
    if (folds == 0) {  // no folds: the guide's own trees of its training data
      ParseScratch scratch;
      for (size_t i = 0; i < pdata.size(); ++i)
        guide_tree(*data->guide, pdata[i], scratch, guides[i].first, guides[i].second);
    }
    size_t guide_words = 0, guide_right = 0;
    for (size_t i = 0; i < pdata.size(); ++i)
      for (size_t k = 0; k < pdata[i].word.size(); ++k) {
        ++guide_words;
        guide_right += guides[i].first[k] == pdata[i].gold_head[k];
      }
    for (size_t i = 0; i < pdata.size(); ++i) {
      pdata[i].guide_head = std::move(guides[i].first);
      pdata[i].guide_label = std::move(guides[i].second);
    }
    ParseScratch scratch;
    for (ParseSentence& p : pdev) guide_tree(*data->guide, p, scratch, p.guide_head, p.guide_label);
    std::string line = fmt::format(
        "trained {} right-to-left guide parsers and {} jackknife guides in {:.1f} s; training guide trees UAS {:.2f}",
        options.parsers, folds, Since(guide_start),
        guide_words == 0 ? 0.0 : 100.0 * static_cast<double>(guide_right) / static_cast<double>(guide_words));
    if (!pdev.empty()) {
      auto [uas, las] = ParserScores(*data->guide, pdev);
      line += fmt::format(", guide dev UAS {:.2f} LAS {:.2f}", uas, las);
    }
    Log(log, line + "\n");
  }
  const auto parser_start = Clock::now();
  data->parser = train_parsers(pdata, options.parsers, options.seed, false, &pdev);
  if (options.parsers > 1)
    Log(log, fmt::format("averaged {} parsers ({:.1f} s)\n", options.parsers, Since(parser_start)));
  data->ResolveNames();
  Log(log, fmt::format("training done in {:.1f} s\n", Since(start)));
  return Model(std::move(data));
}

}  // namespace parley::parse

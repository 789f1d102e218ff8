// parley_parse_speed: annotation speed on a CoNLL-U file (gold tokenization).
//
//   parley_parse_speed MODEL FILE.conllu [ROUNDS]
//
// Prints sentences/s and microseconds per sentence for Model::Annotate
// (tagger + lemmatizer + FEATS + parser) on one thread, by wall-clock and by
// thread CPU time (the latter is the one to trust on a loaded machine).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "parse/model.h"
#include "parse/model_data.h"
#include "parse/train.h"

// Thread CPU time in seconds (steady under machine load, unlike wall time).
double CpuNow() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: parley_parse_speed MODEL FILE.conllu [ROUNDS]\n");
    return 2;
  }
  auto model = parley::parse::Model::Load(argv[1]);
  if (!model.ok()) {
    fmt::print(stderr, "{}\n", model.status().ToString());
    return 1;
  }
  auto gold = parley::parse::ReadTreebank(argv[2]);
  if (!gold.ok()) {
    fmt::print(stderr, "{}\n", gold.status().ToString());
    return 1;
  }
  const int rounds = argc > 3 ? std::stoi(argv[3]) : 5;
  std::vector<std::vector<parley::Token>> sentences;
  size_t words = 0;
  for (const auto& s : *gold) {
    std::vector<parley::Token> t(s.size());
    for (size_t i = 0; i < s.size(); ++i) t[i].form = s[i].form;
    words += s.size();
    sentences.push_back(std::move(t));
  }
  for (auto& s : sentences) model->Annotate(s);  // warm up
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = CpuNow();
  for (int r = 0; r < rounds; ++r)
    for (auto& s : sentences) model->Annotate(s);
  const double cpu = CpuNow() - c0;
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double n = static_cast<double>(sentences.size()) * rounds;
  fmt::print("{} sentences ({:.1f} words each) x {} rounds: {:.0f} sentences/s, {:.1f} us/sentence, {:.2f} us/word\n",
             sentences.size(), static_cast<double>(words) / static_cast<double>(sentences.size()), rounds,
             n / secs, 1e6 * secs / n, 1e6 * secs / (n * static_cast<double>(words) / static_cast<double>(sentences.size())));
  fmt::print("CPU time: {:.0f} sentences/s, {:.1f} us/sentence\n", n / cpu, 1e6 * cpu / n);
  // The tagger and the parser alone (parser on the tags the tagger gives).
  const parley::parse::ModelData& d = model->data();
  std::vector<std::vector<std::string_view>> forms;
  for (const auto& s : sentences) {
    forms.emplace_back();
    for (const auto& t : s) forms.back().push_back(t.form);
  }
  std::vector<parley::parse::WordInfo> info;
  std::vector<parley::parse::ParseSentence> parse_input(sentences.size());
  std::vector<int> head(1000), label(1000);
  const double t1 = CpuNow();
  for (int r = 0; r < rounds; ++r)
    for (size_t i = 0; i < forms.size(); ++i) {
      auto& p = parse_input[i];
      p.xpos.resize(forms[i].size());
      p.upos.resize(forms[i].size());
      d.tagger.Tag(forms[i], info, p.xpos.data(), p.upos.data());
      p.word.resize(forms[i].size());
      p.cluster.resize(forms[i].size());
      for (size_t k = 0; k < forms[i].size(); ++k) {
        p.word[k] = info[k + parley::parse::Tagger::kPad].lower;
        p.cluster[k] = info[k + parley::parse::Tagger::kPad].path;
      }
      if (!d.supertagger.empty()) {
        p.stag.resize(forms[i].size());
        d.supertagger.Tag(info, p.xpos.data(), forms[i].size(), p.stag.data());
      }
    }
  parley::parse::ParseScratch scratch;
  double guide_secs = 0;
  if (d.guide) {  // stacked: the guide's trees, timed apart
    const double g0 = CpuNow();
    for (int r = 0; r < rounds; ++r)
      for (auto& p : parse_input) {
        p.guide_head.resize(p.word.size());
        p.guide_label.resize(p.word.size());
        d.guide->Parse(p, scratch, p.guide_head.data(), p.guide_label.data());
      }
    guide_secs = CpuNow() - g0;
  }
  const double t2 = CpuNow();
  for (int r = 0; r < rounds; ++r)
    for (const auto& p : parse_input) d.parser.Parse(p, scratch, head.data(), label.data());
  const double t3 = CpuNow();
  fmt::print("tagger (and supertagger) {:.1f} us/sentence, parser {:.1f} us/sentence", 1e6 * (t2 - t1) / n,
             1e6 * (t3 - t2) / n);
  if (d.guide) fmt::print(" (after its guide: {:.1f} us/sentence)", 1e6 * guide_secs / n);
  fmt::print(" (CPU time)\n");
  return 0;
}

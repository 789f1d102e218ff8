#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parse/model.h"
#include "parse/model_data.h"
#include "parse/parser.h"
#include "parse/supertagger.h"
#include "parse/tagger.h"
#include "parse/train.h"
#include "parse/word_clusters.h"

namespace parley::parse {
namespace {

// ---- A toy treebank: sentence patterns with slots filled from word lists.

struct WordList {
  const char* name;
  std::vector<std::pair<const char*, const char*>> words;  // form, lemma
};

const std::vector<WordList>& Lists() {
  static const std::vector<WordList> lists = {
      {"NN", {{"cat", "cat"}, {"dog", "dog"}, {"army", "army"}, {"company", "company"}, {"man", "man"},
              {"court", "court"}, {"minister", "minister"}, {"police", "police"}}},
      {"NNS", {{"targets", "target"}, {"cars", "car"}, {"troops", "troop"}, {"talks", "talk"},
               {"rebels", "rebel"}, {"protesters", "protester"}, {"homes", "home"}, {"ships", "ship"}}},
      {"NNP", {{"Israel", "Israel"}, {"Lebanon", "Lebanon"}, {"Cairo", "Cairo"}, {"Iran", "Iran"},
               {"Iraq", "Iraq"}, {"Syria", "Syria"}, {"Gaza", "Gaza"}, {"Russia", "Russia"}}},
      {"VBD", {{"struck", "strike"}, {"attacked", "attack"}, {"saw", "see"}, {"met", "meet"},
               {"hit", "hit"}, {"visited", "visit"}, {"blamed", "blame"}, {"praised", "praise"}}},
      {"VBN", {{"held", "hold"}, {"attacked", "attack"}, {"seen", "see"}, {"struck", "strike"},
               {"visited", "visit"}, {"blamed", "blame"}, {"praised", "praise"}, {"hit", "hit"}}},
      {"JJ", {{"big", "big"}, {"southern", "southern"}, {"new", "new"}, {"old", "old"}, {"small", "small"},
              {"angry", "angry"}, {"northern", "northern"}, {"red", "red"}}},
      {"NNPday", {{"Monday", "Monday"}, {"Tuesday", "Tuesday"}, {"Thursday", "Thursday"}, {"Friday", "Friday"},
                  {"Sunday", "Sunday"}, {"Saturday", "Saturday"}, {"Wednesday", "Wednesday"}, {"Monday", "Monday"}}},
  };
  return lists;
}

// Tokens "form xpos upos lemma head deprel" separated by '|'; a form {L} takes
// the next word of list L (lemma {} = the list's lemma).
const char* const kPatterns[] = {
    "The DT DET the 2 det|{NN} NN NOUN {} 3 nsubj|{VBD} VBD VERB {} 0 root|the DT DET the 5 det|{NN} NN NOUN {} 3 obj|. . PUNCT . 3 punct",
    "{NNP} NNP PROPN {} 2 nsubj|{VBD} VBD VERB {} 0 root|{NNS} NNS NOUN {} 2 obj|in IN ADP in 6 case|{JJ} JJ ADJ {} 6 amod|{NNP} NNP PROPN {} 2 obl|on IN ADP on 8 case|{NNPday} NNP PROPN {} 2 obl|. . PUNCT . 2 punct",
    "It PRP PRON it 3 nsubj|is VBZ AUX be 3 cop|{JJ} JJ ADJ {} 0 root|. . PUNCT . 3 punct",
    "The DT DET the 2 det|{NNS} NNS NOUN {} 4 nsubj:pass|were VBD AUX be 4 aux:pass|{VBN} VBN VERB {} 0 root|in IN ADP in 6 case|{NNP} NNP PROPN {} 4 obl|. . PUNCT . 4 punct",
    "{NNP} NNP PROPN {} 4 nsubj|and CC CCONJ and 3 cc|{NNP} NNP PROPN {} 1 conj|{VBD} VBD VERB {} 0 root|the DT DET the 6 det|{NNS} NNS NOUN {} 4 obj|. . PUNCT . 4 punct",
    "The DT DET the 3 det|{JJ} JJ ADJ {} 3 amod|{NN} NN NOUN {} 4 nsubj|{VBD} VBD VERB {} 0 root|{NNP} NNP PROPN {} 4 obj|on IN ADP on 7 case|{NNPday} NNP PROPN {} 4 obl|. . PUNCT . 4 punct",
};

std::vector<std::vector<Token>> ToyTreebank() {
  std::vector<std::vector<Token>> out;
  size_t counter = 0;
  for (int round = 0; round < 8; ++round) {
    for (const char* pattern : kPatterns) {
      std::vector<Token> sentence;
      std::stringstream tokens(pattern);
      std::string tok;
      while (std::getline(tokens, tok, '|')) {
        std::stringstream fields(tok);
        Token t;
        std::string head;
        fields >> t.form >> t.xpos >> t.upos >> t.lemma >> head >> t.deprel;
        t.head = std::stoi(head);
        if (t.form.front() == '{') {
          const std::string list = t.form.substr(1, t.form.size() - 2);
          for (const WordList& l : Lists()) {
            if (list != l.name) continue;
            const auto& w = l.words[(counter++ * 3 + static_cast<size_t>(round)) % l.words.size()];
            t.form = w.first;
            t.lemma = w.second;
          }
        }
        sentence.push_back(t);
      }
      out.push_back(std::move(sentence));
    }
  }
  return out;
}

TrainOptions ToyOptions() {
  TrainOptions o;
  o.tagger_epochs = 5;
  o.parser_epochs = 8;
  o.jackknife_folds = 0;
  o.seed = 7;
  o.parser_prune = 0;
  o.supertagger_prune = 0;
  return o;
}

std::vector<Token> FormsOnly(const std::vector<Token>& gold) {
  std::vector<Token> out(gold.size());
  for (size_t i = 0; i < gold.size(); ++i) out[i].form = gold[i].form;
  return out;
}

std::vector<Token> Words(const std::vector<std::string>& forms) {
  std::vector<Token> out(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) out[i].form = forms[i];
  return out;
}

// Per process, so that two runs of the suite at once (a CI clone beside a
// working tree) do not write each other's files.
std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("parley_parse_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A single root, heads in range, root label iff head 0, no cycles.
::testing::AssertionResult IsTree(const std::vector<Token>& tokens) {
  int roots = 0;
  const int32_t n = static_cast<int32_t>(tokens.size());
  for (int32_t i = 0; i < n; ++i) {
    const Token& t = tokens[static_cast<size_t>(i)];
    if (t.head < 0 || t.head > n || t.head == i + 1)
      return ::testing::AssertionFailure() << "token " << i + 1 << " head " << t.head;
    if (t.head == 0) ++roots;
    if ((t.head == 0) != (t.deprel == "root")) return ::testing::AssertionFailure() << "root label on " << i + 1;
    int32_t cur = i + 1;
    for (int32_t steps = 0; cur != 0; ++steps) {
      if (steps > n) return ::testing::AssertionFailure() << "cycle through token " << i + 1;
      cur = tokens[static_cast<size_t>(cur - 1)].head;
    }
  }
  if (roots != 1) return ::testing::AssertionFailure() << roots << " roots";
  return ::testing::AssertionSuccess();
}

// Word salad of 1 to 60 words: `model` always builds a tree, and `loaded`
// (the same model read back from its file) the same tree.
void ExpectSameTreesOnRandomSentences(const Model& model, const Model& loaded, uint64_t seed) {
  const std::vector<std::string> vocab = {"the", "Israel", "struck", ".", ",", "and", "in", "xqzv",
                                          "were", "held", "big", "targets", "on", "Thursday"};
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 200; ++trial) {
    const size_t n = 1 + rng() % 60;
    std::vector<Token> a(n);
    for (Token& t : a) t.form = vocab[rng() % vocab.size()];
    std::vector<Token> b = a;
    model.Annotate(a);
    loaded.Annotate(b);
    ASSERT_TRUE(IsTree(a)) << "trial " << trial;
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(a[i].head, b[i].head);
      EXPECT_EQ(a[i].deprel, b[i].deprel);
    }
  }
}

class ToyModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new std::vector<std::vector<Token>>(ToyTreebank());
    Result<Model> m = Train(*data_, {}, ToyOptions(), nullptr);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = new Model(std::move(*m));
  }
  static void TearDownTestSuite() {
    delete model_;
    delete data_;
  }
  static std::vector<std::vector<Token>>* data_;
  static Model* model_;
};
std::vector<std::vector<Token>>* ToyModelTest::data_ = nullptr;
Model* ToyModelTest::model_ = nullptr;

// A model's scores on gold sentences, tagged and parsed from their forms
// (every parse checked to be a tree).
struct Scores {
  double upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
};
Scores ScoreOn(const Model& model, const std::vector<std::vector<Token>>& data) {
  size_t words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
  for (const auto& gold : data) {
    std::vector<Token> sys = FormsOnly(gold);
    model.Annotate(sys);
    EXPECT_TRUE(IsTree(sys));
    for (size_t i = 0; i < gold.size(); ++i) {
      ++words;
      upos += sys[i].upos == gold[i].upos;
      xpos += sys[i].xpos == gold[i].xpos;
      lemma += sys[i].lemma == gold[i].lemma;
      uas += sys[i].head == gold[i].head;
      las += sys[i].head == gold[i].head && sys[i].deprel == gold[i].deprel;
    }
  }
  const double w = static_cast<double>(words);
  auto share = [&](size_t k) { return static_cast<double>(k) / w; };
  return {share(upos), share(xpos), share(lemma), share(uas), share(las)};
}

TEST_F(ToyModelTest, LearnsTheTrainingData) {
  const Scores s = ScoreOn(*model_, *data_);
  EXPECT_GE(s.upos, 0.97);
  EXPECT_GE(s.xpos, 0.97);
  EXPECT_GE(s.lemma, 0.97);
  EXPECT_GE(s.uas, 0.95);
  EXPECT_GE(s.las, 0.93);
}

// Three parsers averaged into one table still learn the toy treebank, and
// differ from the single parser (the others' weights are in the table).
TEST_F(ToyModelTest, AveragedParsersLearnTheTrainingData) {
  TrainOptions o = ToyOptions();
  o.parsers = 3;
  Result<Model> averaged = Train(*data_, {}, o, nullptr);
  ASSERT_TRUE(averaged.ok()) << averaged.status().ToString();
  EXPECT_NE(averaged->data().parser.trans_rows(), model_->data().parser.trans_rows());
  EXPECT_GE(ScoreOn(*averaged, *data_).uas, 0.95);
}

TEST_F(ToyModelTest, TrainingIsDeterministic) {
  Result<Model> again = Train(*data_, {}, ToyOptions(), nullptr);
  ASSERT_TRUE(again.ok());
  const std::string a = TempPath("det_a.model"), b = TempPath("det_b.model");
  ASSERT_TRUE(model_->Save(a).ok());
  ASSERT_TRUE(again->Save(b).ok());
  EXPECT_EQ(ReadBytes(a), ReadBytes(b));
  std::remove(a.c_str());
  std::remove(b.c_str());
}

TEST_F(ToyModelTest, SaveLoadRoundTripAnnotatesIdentically) {
  const std::string path = TempPath("roundtrip.model");
  ASSERT_TRUE(model_->Save(path).ok());
  Result<Model> loaded = Model::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  std::vector<std::vector<Token>> inputs = *data_;
  inputs.push_back(Words({"Unseen", "words", "everywhere"}));
  for (const auto& gold : inputs) {
    std::vector<Token> a = FormsOnly(gold), b = FormsOnly(gold);
    model_->Annotate(a);
    loaded->Annotate(b);
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].upos, b[i].upos);
      EXPECT_EQ(a[i].xpos, b[i].xpos);
      EXPECT_EQ(a[i].feats, b[i].feats);
      EXPECT_EQ(a[i].lemma, b[i].lemma);
      EXPECT_EQ(a[i].head, b[i].head);
      EXPECT_EQ(a[i].deprel, b[i].deprel);
    }
  }
  // Saving the loaded model gives the same bytes.
  const std::string again = TempPath("roundtrip2.model");
  ASSERT_TRUE(loaded->Save(again).ok());
  EXPECT_EQ(ReadBytes(path), ReadBytes(again));
  std::remove(path.c_str());
  std::remove(again.c_str());
}

TEST_F(ToyModelTest, AlwaysBuildsOneTree) {
  const std::vector<std::string> vocab = {"the", "The", "Israel", "struck", ".", ",", "and", "of", "in",
                                          "xqzv", "123", "-", "were", "held", "It", "is", "big", "\"",
                                          "Ω", "", "targets", "(", ")", "on", "Thursday"};
  std::mt19937_64 rng(42);
  for (int trial = 0; trial < 400; ++trial) {
    const size_t n = 1 + rng() % 70;
    std::vector<Token> tokens(n);
    for (Token& t : tokens) t.form = vocab[rng() % vocab.size()];
    model_->Annotate(tokens);
    ASSERT_TRUE(IsTree(tokens)) << "trial " << trial;
  }
  std::vector<Token> none;
  model_->Annotate(none);  // no tokens: nothing to do
}

// ---- Model file errors.

// Rewrites a model file around `payload` (uncompressed sections) with a valid
// header and checksum.
std::string Wrap(const std::string& payload, uint32_t version = 1) {
  uLongf size = compressBound(static_cast<uLong>(payload.size()));
  std::string stored(size, '\0');
  compress2(reinterpret_cast<Bytef*>(stored.data()), &size, reinterpret_cast<const Bytef*>(payload.data()),
            static_cast<uLong>(payload.size()), 1);
  stored.resize(size);
  std::string out = "PARLEYPM";
  auto put = [&](auto v) { out.append(reinterpret_cast<const char*>(&v), sizeof(v)); };
  put(version);
  put(uint32_t{0});
  put(uint64_t{payload.size()});
  put(uint64_t{stored.size()});
  put(static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(stored.data()), static_cast<uInt>(stored.size()))));
  put(uint32_t{0});
  return out + stored;
}

std::string Unwrap(const std::string& file) {
  uint64_t raw = 0;
  std::memcpy(&raw, file.data() + 16, 8);
  std::string out(raw, '\0');
  uLongf len = static_cast<uLongf>(raw);
  uncompress(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(file.data() + 40),
             static_cast<uLong>(file.size() - 40));
  return out;
}

std::string LoadError(const std::string& path) {
  Result<Model> m = Model::Load(path);
  return m.ok() ? "OK" : m.status().ToString();
}

TEST_F(ToyModelTest, CorruptFilesGiveClearErrors) {
  const std::string path = TempPath("corrupt.model");
  ASSERT_TRUE(model_->Save(path).ok());
  const std::string good = ReadBytes(path);

  EXPECT_EQ(LoadError(TempPath("missing.model")),
            "not found: " + TempPath("missing.model") + ": cannot open parser model");

  WriteBytes(path, "hello, world");
  EXPECT_EQ(LoadError(path), "parse error: " + path + ": not a Parley parser model (bad magic)");

  std::string v = good;
  v[8] = 9;
  WriteBytes(path, v);
  EXPECT_EQ(LoadError(path), "unsupported: " + path + ": parser model version 9 is not supported (expected 1)");

  WriteBytes(path, good.substr(0, good.size() - 10));
  EXPECT_EQ(LoadError(path), "parse error: " + path + ": truncated or padded parser model (header says " +
                                 std::to_string(good.size() - 40) + " bytes of data, file has " +
                                 std::to_string(good.size() - 50) + ")");

  std::string flipped = good;
  flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x20);
  WriteBytes(path, flipped);
  EXPECT_EQ(LoadError(path), "parse error: " + path + ": corrupt parser model (checksum mismatch)");

  const std::string payload = Unwrap(good);
  WriteBytes(path, Wrap(payload.substr(0, payload.size() - 3)));
  EXPECT_EQ(LoadError(path), "parse error: " + path + ": corrupt parser model (section STAG too long)");

  WriteBytes(path, Wrap(payload.substr(0, 0)));
  EXPECT_EQ(LoadError(path), "parse error: " + path + ": corrupt parser model (missing section VOCB)");

  // Section bodies cut or scribbled on anywhere: an error, never a crash.
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 200; ++trial) {
    std::string p = payload;
    const size_t at = rng() % p.size();
    if (trial % 2 == 0) {
      p[at] = static_cast<char>(rng());
    } else {
      p.erase(at, 1 + rng() % 16);
    }
    WriteBytes(path, Wrap(p));
    Result<Model> m = Model::Load(path);
    if (m.ok()) {
      std::vector<Token> t = Words({"The", "cat", "saw"});
      m->Annotate(t);
      EXPECT_TRUE(IsTree(t));
    } else {
      EXPECT_EQ(m.status().code(), ErrorCode::kParseError) << m.status().ToString();
    }
  }
  std::remove(path.c_str());
}

// A model file from before sure tags (TAGR without them at its end) still
// loads, and tags the training sentences as the perceptron learned them.
TEST_F(ToyModelTest, ModelsWithoutSureTagsStillLoad) {
  // Twice the toy treebank: "." and "the" pass the sure-tag count (50).
  std::vector<std::vector<Token>> twice = *data_;
  twice.insert(twice.end(), data_->begin(), data_->end());
  Result<Model> model = Train(twice, {}, ToyOptions(), nullptr);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  const std::string path = TempPath("nosure.model");
  ASSERT_TRUE(model->Save(path).ok());
  const std::string payload = Unwrap(ReadBytes(path));
  // Sections: u32 tag, u64 size, body. TAGR ends with the sure tags: u64 n,
  // n u64 forms, u64 n, n u32 tag pairs; then the word clusters, which the
  // toy model has none of (two zero counts): older models had neither.
  size_t at = 0, tagr = 0, tagr_size = 0;
  while (at + 12 <= payload.size()) {
    uint64_t size = 0;
    std::memcpy(&size, payload.data() + at + 4, 8);
    if (payload.compare(at, 4, "TAGR") == 0) tagr = at, tagr_size = size;
    at += 12 + size;
  }
  ASSERT_GT(tagr_size, 16u);
  const size_t end = tagr + 12 + tagr_size - 16;
  ASSERT_EQ(payload.substr(end, 16), std::string(16, '\0')) << "an empty cluster table ends TAGR";
  size_t sure_bytes = 0;
  for (uint64_t n = 1; n < 100000 && 16 + 12 * n <= tagr_size; ++n) {
    uint64_t nv = 0, nk = 0;
    std::memcpy(&nv, payload.data() + end - 4 * n - 8, 8);
    std::memcpy(&nk, payload.data() + end - 12 * n - 16, 8);
    if (nv == n && nk == n) {
      sure_bytes = 16 + 12 * n;
      break;
    }
  }
  ASSERT_GT(sure_bytes, 0u) << "the toy model has frequent always-alike words, so sure tags";
  std::string old = payload;
  old.erase(end - sure_bytes, sure_bytes + 16);
  const uint64_t old_size = tagr_size - sure_bytes - 16;
  std::memcpy(old.data() + tagr + 4, &old_size, 8);
  WriteBytes(path, Wrap(old));
  Result<Model> loaded = Model::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  for (const auto& gold : *data_) {
    std::vector<Token> t = FormsOnly(gold);
    loaded->Annotate(t);
    for (size_t i = 0; i < t.size(); ++i) EXPECT_EQ(t[i].xpos, gold[i].xpos) << gold[i].form;
  }
  std::remove(path.c_str());
}

// "sat quietly in the old park" (park: obl) against "sat men in the old
// park" (nmod): within two words of "park" the sentences are alike, and so
// are their verb distances; only the word before the nearest adposition
// ("quietly" or "men") tells the relations apart.
TEST(SupertaggerTest, ReadsWhatStandsBeforeTheNearestAdposition) {
  enum : int { kPrp, kVbd, kRb, kNns, kIn, kDt, kJj, kNn, kPunct, kTags };
  std::vector<uint8_t> word_class(kTags, Supertagger::kOtherWord);
  word_class[kVbd] = Supertagger::kVerbWord;
  word_class[kIn] = Supertagger::kAdpositionWord;
  enum : int { kNsubjR, kRoot, kAdvmodL, kObjL, kCaseR, kDetR, kAmodR, kOblL, kNmodL, kPunctL, kSupertags };
  Tagger describer;
  auto example = [&](const std::vector<std::string_view>& forms, std::vector<int> xpos, std::vector<int> gold) {
    SupertagExample e;
    describer.Describe(forms, e.info);
    e.xpos = std::move(xpos);
    e.gold = std::move(gold);
    return e;
  };
  const SupertagExample adverb =
      example({"they", "sat", "quietly", "in", "the", "old", "park", "."},
              {kPrp, kVbd, kRb, kIn, kDt, kJj, kNn, kPunct},
              {kNsubjR, kRoot, kAdvmodL, kCaseR, kDetR, kAmodR, kOblL, kPunctL});
  const SupertagExample noun =
      example({"they", "sat", "men", "in", "the", "old", "park", "."},
              {kPrp, kVbd, kNns, kIn, kDt, kJj, kNn, kPunct},
              {kNsubjR, kRoot, kObjL, kCaseR, kDetR, kAmodR, kNmodL, kPunctL});
  Supertagger supertagger(kSupertags, word_class, /*landmarks=*/true);
  supertagger.Train({adverb, noun, adverb, noun}, 10, 1, 0);
  // Written and read back, it still reads the landmarks.
  ByteWriter w;
  supertagger.Write(w);
  Supertagger loaded;
  ByteReader r(w.buffer());
  ASSERT_TRUE(loaded.Read(r));
  EXPECT_TRUE(loaded.landmarks());
  for (const Supertagger* st : {&supertagger, &loaded})
    for (const SupertagExample* e : {&adverb, &noun}) {
      std::vector<int> got(e->gold.size());
      st->Tag(e->info, e->xpos.data(), got.size(), got.data());
      EXPECT_EQ(got, e->gold);
    }
}

// The supertagger of the toy model: each word's relation and the side of its
// head, read from context: a proper noun opening a sentence is a subject, one
// after the verb its object.
TEST_F(ToyModelTest, SupertaggerLearnsRelationsAndHeadSides) {
  const ModelData& d = model_->data();
  ASSERT_FALSE(d.supertagger.empty());
  auto supertags = [&](const std::vector<std::string>& words) {
    const std::vector<std::string_view> forms(words.begin(), words.end());
    std::vector<WordInfo> info;
    std::vector<int> xpos(forms.size()), upos(forms.size()), ids(forms.size());
    d.tagger.Tag(forms, info, xpos.data(), upos.data());
    d.supertagger.Tag(info, xpos.data(), forms.size(), ids.data());
    std::vector<std::string> out;
    for (int id : ids) out.push_back(d.stag_names[static_cast<size_t>(id)]);
    return out;
  };
  size_t words = 0, right = 0;
  for (const auto& gold : *data_) {
    std::vector<std::string> forms;
    for (const Token& t : gold) forms.push_back(t.form);
    const std::vector<std::string> got = supertags(forms);
    for (size_t i = 0; i < gold.size(); ++i) {
      const Token& t = gold[i];
      ++words;
      right += got[i] == (t.head == 0 ? "root" : t.deprel + (static_cast<size_t>(t.head) > i + 1 ? "/R" : "/L"));
    }
  }
  EXPECT_GE(static_cast<double>(right) / static_cast<double>(words), 0.97);
  EXPECT_EQ(supertags({"Israel", "struck", "Iran", "on", "Monday", "."}),
            (std::vector<std::string>{"nsubj/R", "root", "obj/L", "case/R", "obl/L", "punct/L"}));
}

// Sentences of four identical words and tags whose trees differ: a chain to
// the left or to the right.
ParseSentence ChainSentence(bool left) {
  ParseSentence s;
  s.word.assign(4, HashLower("x"));
  s.xpos.assign(4, 0);
  s.upos.assign(4, 0);
  s.gold_head = left ? std::vector<int>{4, 0, 1, 2} : std::vector<int>{1, 2, 3, 4};
  s.gold_label = left ? std::vector<int>{0, 1, 1, 1} : std::vector<int>{1, 1, 1, 0};
  return s;
}

// The heads and labels a parser gives the left and the right chain.
struct ChainParses {
  std::vector<int> left_head, left_label, right_head, right_label;
};

// Trains a parser set up by `configure` on 40 chains made by `make` (left and
// right in turn) and parses one of each.
ChainParses ParseChains(const std::function<ParseSentence(bool)>& make, const std::function<void(Parser&)>& configure) {
  std::vector<ParseSentence> data;
  for (int i = 0; i < 40; ++i) data.push_back(make(i % 2 == 0));
  Parser parser(2, 0);
  configure(parser);
  parser.Train(data, 20, 3, [](int) {});
  parser.Finish(0);
  ParseScratch scratch;
  ChainParses out{std::vector<int>(4), std::vector<int>(4), std::vector<int>(4), std::vector<int>(4)};
  parser.Parse(make(true), scratch, out.left_head.data(), out.left_label.data());
  parser.Parse(make(false), scratch, out.right_head.data(), out.right_label.data());
  return out;
}

ParseSentence SupertaggedChain(bool left) {
  ParseSentence s = ChainSentence(left);
  s.stag = left ? std::vector<int>{0, 1, 1, 1} : std::vector<int>{2, 2, 2, 3};
  return s;
}

// The parser reads the supertags: only they tell the two chains apart. The
// greedy parser learns both trees; the beam parser (trained on the static
// oracle, slower to learn) at least tells them apart.
TEST(SupertagFeaturesTest, ParserTellsTreesApartByTheirSupertags) {
  for (int beam : {1, 4}) {
    const ChainParses p = ParseChains(SupertaggedChain, [&](Parser& parser) { parser.set_beam(beam); });
    EXPECT_NE(p.left_head, p.right_head) << "beam " << beam;
    if (beam == 1) {
      EXPECT_EQ(p.left_head, ChainSentence(true).gold_head);
      EXPECT_EQ(p.right_head, ChainSentence(false).gold_head);
    }
  }
}

// Stacking: chains with no supertags and the gold tree as the guide tree,
// which alone tells them apart. A guided parser learns to follow it; an
// unguided one cannot tell the two apart.
TEST(GuideFeaturesTest, AGuidedParserFollowsTheGuideTree) {
  auto guided = [](bool left) {
    ParseSentence s = ChainSentence(left);
    s.guide_head = s.gold_head;
    s.guide_label = s.gold_label;
    return s;
  };
  for (bool reads_guide : {true, false}) {
    const ChainParses p = ParseChains(guided, [&](Parser& parser) { parser.set_guided(reads_guide); });
    if (reads_guide) {
      EXPECT_EQ(p.left_head, ChainSentence(true).gold_head);
      EXPECT_EQ(p.right_head, ChainSentence(false).gold_head);
    } else {
      EXPECT_EQ(p.left_head, p.right_head);
    }
  }
}

// A right-to-left parser (full or slim) parses the reversed sentence and
// gives its heads and labels in the sentence's own order.
TEST(RightToLeftParserTest, LearnsTreesInTheSentencesOrder) {
  for (bool slim : {false, true}) {
    const ChainParses p = ParseChains(SupertaggedChain, [&](Parser& parser) {
      parser.set_right_to_left(true);
      parser.set_slim(slim);
    });
    EXPECT_EQ(p.left_head, ChainSentence(true).gold_head) << "slim " << slim;
    EXPECT_EQ(p.left_label, ChainSentence(true).gold_label) << "slim " << slim;
    EXPECT_EQ(p.right_head, ChainSentence(false).gold_head) << "slim " << slim;
    EXPECT_EQ(p.right_label, ChainSentence(false).gold_label) << "slim " << slim;
  }
}

// A stacked model (a slim right-to-left guide, jackknifed in training, and a
// guided parser) learns the toy treebank, always builds trees, and saves and
// loads with its guide.
TEST(StackedModelTest, LearnsBuildsTreesAndRoundTrips) {
  const std::vector<std::vector<Token>> data = ToyTreebank();
  TrainOptions o = ToyOptions();
  o.stacked = true;
  // Four folds: the toy treebank cycles through six patterns, so each fold's
  // guide has seen every pattern (with two, half the patterns are unseen).
  o.jackknife_folds = 4;
  Result<Model> m = Train(data, {}, o, nullptr);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_TRUE(m->data().guide.has_value());
  EXPECT_TRUE(m->data().guide->right_to_left());
  EXPECT_TRUE(m->data().guide->slim());
  EXPECT_FALSE(m->data().guide->guided());
  EXPECT_TRUE(m->data().parser.guided());
  EXPECT_FALSE(m->data().parser.right_to_left());
  const Scores s = ScoreOn(*m, data);
  EXPECT_GE(s.uas, 0.95);
  EXPECT_GE(s.las, 0.93);

  const std::string path = TempPath("stacked.model"), again = TempPath("stacked2.model");
  ASSERT_TRUE(m->Save(path).ok());
  Result<Model> loaded = Model::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_TRUE(loaded->data().guide.has_value());
  EXPECT_TRUE(loaded->data().parser.guided());
  ASSERT_TRUE(loaded->Save(again).ok());
  EXPECT_EQ(ReadBytes(path), ReadBytes(again));
  ExpectSameTreesOnRandomSentences(*m, *loaded, 11);
  std::remove(path.c_str());
  std::remove(again.c_str());

  Result<Model> repeat = Train(data, {}, o, nullptr);
  ASSERT_TRUE(repeat.ok());
  ASSERT_TRUE(repeat->Save(again).ok());
  ASSERT_TRUE(m->Save(path).ok());
  EXPECT_EQ(ReadBytes(path), ReadBytes(again)) << "stacked training is deterministic";
  std::remove(path.c_str());
  std::remove(again.c_str());

  o.beam = 4;
  Result<Model> beam = Train(data, {}, o, nullptr);
  ASSERT_FALSE(beam.ok());
  EXPECT_NE(beam.status().ToString().find("greedily"), std::string::npos) << beam.status().ToString();
}

TEST_F(ToyModelTest, ModelsWithoutSupertagsStillLoad) {
  const std::string path = TempPath("nostag.model");
  ASSERT_TRUE(model_->Save(path).ok());
  std::string payload = Unwrap(ReadBytes(path));
  // Sections: u32 tag, u64 size, body; STAG is the last.
  size_t at = 0, stag = std::string::npos;
  while (at + 12 <= payload.size()) {
    uint64_t size = 0;
    std::memcpy(&size, payload.data() + at + 4, 8);
    if (payload.compare(at, 4, "STAG") == 0) stag = at;
    at += 12 + size;
  }
  ASSERT_NE(stag, std::string::npos);
  payload.erase(stag);
  WriteBytes(path, Wrap(payload));
  Result<Model> loaded = Model::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(loaded->data().supertagger.empty());
  for (const auto& gold : *data_) {
    std::vector<Token> t = FormsOnly(gold);
    loaded->Annotate(t);
    EXPECT_TRUE(IsTree(t));
  }
  std::remove(path.c_str());
}

// The beam-search parser (globally trained) on the same toy treebank: it
// learns the data, always builds one tree and survives a save and reload.
// Words the toy treebank never shows, each given the cluster path of one of
// its word lists: a model trained with the clusters tags them as that list,
// in sentences whose other words are known too.
TEST(WordClusterFeaturesTest, UnseenWordsTakeTheTagsOfTheirClusterMates) {
  const std::string path = TempPath("clusters.tsv");
  const std::vector<std::pair<const char*, const char*>> paths = {
      {"NN", "0010"}, {"NNS", "0011"}, {"NNP", "0100"}, {"VBD", "0101"}, {"JJ", "0110"}};
  const std::vector<std::pair<const char*, const char*>> unseen = {
      {"blorf", "NN"}, {"quabs", "NNS"}, {"Zandor", "NNP"}, {"vinked", "VBD"}, {"prell", "JJ"}};
  {
    std::ofstream out(path);
    for (const auto& [list, bits] : paths) {
      for (const WordList& l : Lists())
        if (std::string(l.name) == list)
          for (const auto& w : l.words) out << w.first << '\t' << bits << '\n';
      for (const auto& [word, tag] : unseen)
        if (std::string(tag) == list) out << word << '\t' << bits << '\n';
    }
  }
  const std::vector<std::vector<Token>> data = ToyTreebank();
  TrainOptions with = ToyOptions();
  with.clusters_path = path;
  Result<Model> clustered = Train(data, {}, with, nullptr);
  Result<Model> plain = Train(data, {}, ToyOptions(), nullptr);
  ASSERT_TRUE(clustered.ok()) << clustered.status().ToString();
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  // Each unseen word in the slot of a known word of its list, in every
  // sentence pattern with such a slot.
  int tested = 0, plain_right = 0;
  for (const auto& gold : data) {
    for (size_t i = 0; i < gold.size(); ++i) {
      for (const auto& [word, tag] : unseen) {
        if (gold[i].xpos != tag) continue;
        std::vector<Token> a = FormsOnly(gold), b = FormsOnly(gold);
        a[i].form = b[i].form = word;
        clustered->Annotate(a);
        plain->Annotate(b);
        EXPECT_EQ(a[i].xpos, tag) << word << " in sentence with " << gold[i].form;
        ++tested;
        plain_right += b[i].xpos == tag;
      }
    }
  }
  EXPECT_GT(tested, 100);
  // Without the clusters the same words are often mistagged: the test
  // measures the clusters, not the context.
  EXPECT_LT(plain_right, tested * 9 / 10) << plain_right << " of " << tested;

  // The clusters travel in the model file.
  const std::string model_path = TempPath("clusters.model");
  ASSERT_TRUE(clustered->Save(model_path).ok());
  Result<Model> loaded = Model::Load(model_path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  std::vector<Token> t = Words({"The", "blorf", "vinked", "the", "quabs", "."});
  loaded->Annotate(t);
  EXPECT_EQ(t[1].xpos, "NN");
  EXPECT_EQ(t[2].xpos, "VBD");
  EXPECT_EQ(t[4].xpos, "NNS");
  std::remove(model_path.c_str());
  std::remove(path.c_str());
}

TEST(WordClustersTest, LoadsPathsAndReportsBadLines) {
  const std::string path = TempPath("wc.tsv");
  WriteBytes(path, "the\t0110\nIsrael\t1\n\nattacked\t01101101\n");
  WordClusters clusters;
  ASSERT_TRUE(clusters.Load(path).ok());
  EXPECT_EQ(clusters.size(), 3u);
  // Keyed by the lowercased word; the path behind a leading 1.
  EXPECT_EQ(clusters.Find(HashLower("The")), 0b10110u);
  EXPECT_EQ(clusters.Find(HashLower("israel")), 0b11u);
  EXPECT_EQ(clusters.Find(HashLower("unknown")), 0u);
  const uint32_t attacked = clusters.Find(HashLower("attacked"));
  EXPECT_EQ(WordClusters::Prefix(attacked, 4), clusters.Find(HashLower("the")));
  EXPECT_EQ(WordClusters::Prefix(attacked, 20), attacked);
  EXPECT_NE(WordClusters::Prefix(attacked, 1), WordClusters::Prefix(attacked, 2));

  // gzip-compressed files read the same.
  const std::string gz = TempPath("wc.tsv.gz");
  {
    gzFile f = gzopen(gz.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    gzputs(f, "the\t0110\n");
    gzclose(f);
  }
  WordClusters compressed;
  ASSERT_TRUE(compressed.Load(gz).ok());
  EXPECT_EQ(compressed.Find(HashLower("the")), 0b10110u);

  WriteBytes(path, "the\t0110\nbad line\n");
  Status st = clusters.Load(path);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(":2:"), std::string::npos) << st.message();
  WriteBytes(path, "the\t01x0\n");
  EXPECT_FALSE(clusters.Load(path).ok());
  EXPECT_FALSE(clusters.Load(TempPath("absent.tsv")).ok());
  // A failed load leaves the clusters as they were.
  EXPECT_EQ(clusters.size(), 3u);
  std::remove(path.c_str());
  std::remove(gz.c_str());
}

TEST(BeamParserTest, LearnsBuildsTreesAndRoundTrips) {
  const std::vector<std::vector<Token>> data = ToyTreebank();
  TrainOptions o = ToyOptions();
  o.beam = 4;
  Result<Model> m = Train(data, {}, o, nullptr);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->data().parser.beam(), 4);
  size_t words = 0, uas = 0, las = 0;
  for (const auto& gold : data) {
    std::vector<Token> sys = FormsOnly(gold);
    m->Annotate(sys);
    EXPECT_TRUE(IsTree(sys));
    for (size_t i = 0; i < gold.size(); ++i) {
      ++words;
      uas += sys[i].head == gold[i].head;
      las += sys[i].head == gold[i].head && sys[i].deprel == gold[i].deprel;
    }
  }
  EXPECT_GE(static_cast<double>(uas) / static_cast<double>(words), 0.95);
  EXPECT_GE(static_cast<double>(las) / static_cast<double>(words), 0.93);

  const std::string path = TempPath("beam.model");
  ASSERT_TRUE(m->Save(path).ok());
  Result<Model> loaded = Model::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->data().parser.beam(), 4);
  ExpectSameTreesOnRandomSentences(*m, *loaded, 5);
  std::remove(path.c_str());
}

TEST(ProjectivizeTest, LiftsCrossingArcs) {
  // Heads 0-based, 4 = the root: the arcs 3 -> 1 and root -> 2 cross.
  std::vector<int> head = {2, 3, 4, 2};
  EXPECT_EQ(Projectivize(head), 1);
  EXPECT_EQ(head, (std::vector<int>{2, 2, 4, 2}));
  std::vector<int> projective = {1, 3, 1};
  EXPECT_EQ(Projectivize(projective), 0);
}

}  // namespace
}  // namespace parley::parse

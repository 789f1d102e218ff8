// Reading WordNet's exception lists (a small copy written here; the tests
// need no wordnet-base).
#include "parse/wordnet.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

namespace parley::parse {
namespace {

class WordNetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-wordnet-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const char* name, const char* text) { std::ofstream(dir_ / name) << text; }
  std::filesystem::path dir_;
};

TEST_F(WordNetTest, ListsEachFormUnderItsPartOfSpeechTags) {
  Write("verb.exc", "shot shoot\nknew know\nbade bid bide\n");
  Write("noun.exc", "children child\nbrothers_in_law brother_in_law\nmice mouse\n");
  Write("adj.exc", "better good\n");
  Write("adv.exc", "best well\nbest best\n");
  const std::vector<std::string> xpos = {"NN", "NNS", "VBD", "VBN", "VBZ", "VBG", "JJR", "JJS", "RBR", "RBS"};
  std::vector<IrregularForm> forms;
  ASSERT_TRUE(ReadWordNetExceptions(dir_.string(), xpos, forms).ok());
  std::set<std::tuple<std::string, std::string, std::string>> got;
  for (const IrregularForm& f : forms) got.insert({f.form, f.lemma, xpos[static_cast<size_t>(f.xpos)]});
  EXPECT_TRUE(got.count({"shot", "shoot", "VBD"}));
  EXPECT_TRUE(got.count({"shot", "shoot", "VBN"}));
  EXPECT_TRUE(got.count({"knew", "know", "VBG"}));  // every verb tag: the form decides nothing
  EXPECT_TRUE(got.count({"bade", "bid", "VBD"}));   // the first of several lemmas
  EXPECT_FALSE(got.count({"bade", "bide", "VBD"}));
  EXPECT_TRUE(got.count({"children", "child", "NNS"}));
  EXPECT_FALSE(got.count({"children", "child", "NN"}));
  EXPECT_TRUE(got.count({"better", "good", "JJR"}));
  EXPECT_TRUE(got.count({"best", "well", "RBS"}));
  for (const IrregularForm& f : forms) {
    EXPECT_EQ(f.form.find('_'), std::string::npos) << f.form;  // multi-word entries left out
    EXPECT_NE(f.form, f.lemma);                                 // "best best" left out
  }
  EXPECT_EQ(forms.size(), 4u * 3 + 2 + 2 + 2);
}

TEST_F(WordNetTest, AMissingListIsAnErrorNamingIt) {
  Write("verb.exc", "shot shoot\n");
  std::vector<IrregularForm> forms;
  const Status st = ReadWordNetExceptions(dir_.string(), {"VBD"}, forms);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("noun.exc"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("wordnet-base"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace parley::parse

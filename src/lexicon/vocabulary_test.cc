#include "lexicon/vocabulary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::lexicon {
namespace {

TEST(VocabularyTest, InternIsIdempotentAndSpellingRoundTrips) {
  Vocabulary v;
  const WordId gaza = v.Intern("GAZA");
  EXPECT_NE(gaza, kNoWord);
  EXPECT_EQ(v.Intern("GAZA"), gaza);
  EXPECT_EQ(v.Spelling(gaza), "GAZA");
  EXPECT_EQ(v.Intern(""), kNoWord);
  EXPECT_EQ(v.size(), 2u);  // "" and GAZA
}

// FindUpperOf(word) must agree with Find(ToUpperKey(word)) for every word.
TEST(VocabularyTest, FindUpperOfAgreesWithFindOfTheUpperKey) {
  Vocabulary v;
  for (const char* w : {"GAZA", "N'T", "AL-QAEDA", "U.S.", "KHĀN", "10TH", "ÉTAT"}) v.Intern(w);
  struct Case {
    const char* word;
    bool found;
  };
  const Case cases[] = {
      {"Gaza", true},     {"gaza", true},    {"GAZA", true},  {"gAzA", true},   {"n't", true},
      {"al-Qaeda", true}, {"u.s.", true},    {"Khān", false},  {"10th", true},   {"Gazas", false},
      {"Gaz", false},     {"", false},       {"état", false},  // only ASCII letters fold: not "ā", "é"
      {"ÉTAT", true},     {"khĀn", true},    {"KHĀNS", false},
  };
  std::vector<std::string_view> all;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.word);
    const WordId upper = v.Find(ToUpperKey(c.word));
    EXPECT_EQ(v.FindUpperOf(c.word), upper);
    EXPECT_EQ(upper != kNoWord, c.found);
    all.push_back(c.word);
  }
  // The batch lookup gives the same ids, also across batch boundaries.
  for (int round = 0; round < 6; ++round) all.insert(all.end(), all.begin(), all.begin() + 16);
  std::vector<WordId> ids(all.size(), 12345);
  v.FindUpperOfEach(all, ids);
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(ids[i], v.FindUpperOf(all[i])) << i << " " << all[i];
}

// A cased word ("US" the country, "West") matches tokens written exactly
// so, unless some phrase also interns it in any case or written otherwise.
TEST(VocabularyTest, CasedWordsMatchAsWritten) {
  Vocabulary v;
  const WordId us = v.InternCased("US");
  EXPECT_TRUE(v.IsCased(us));
  EXPECT_EQ(v.FindUpperOf("US"), us);
  EXPECT_EQ(v.FindUpperOf("us"), kNoWord);
  EXPECT_EQ(v.FindUpperOf("Us"), kNoWord);
  const WordId west = v.InternCased("West");
  EXPECT_EQ(v.Spelling(west), "WEST");
  EXPECT_EQ(v.FindUpperOf("West"), west);
  EXPECT_EQ(v.FindUpperOf("west"), kNoWord);
  EXPECT_EQ(v.FindUpperOf("WEST"), kNoWord);
  EXPECT_EQ(v.InternCased("WEST"), west);  // written otherwise elsewhere: any case
  EXPECT_EQ(v.FindUpperOf("west"), west);
  std::vector<std::string_view> words{"US", "us"};
  std::vector<WordId> ids(2);
  v.FindUpperOfEach(words, ids);
  EXPECT_EQ(ids, (std::vector<WordId>{us, kNoWord}));
  EXPECT_EQ(v.Find("US"), us);  // an upper key names the word itself
  EXPECT_EQ(v.Intern("US"), us);
  EXPECT_FALSE(v.IsCased(us));
  EXPECT_EQ(v.FindUpperOf("us"), us);
  const WordId gaza = v.Intern("GAZA");
  EXPECT_EQ(v.InternCased("GAZA"), gaza);  // interned in any case first: stays so
  EXPECT_EQ(v.FindUpperOf("Gaza"), gaza);
}

TEST(VocabularyTest, FindDoesNotFoldCase) {
  Vocabulary v;
  v.Intern("TALKS");
  EXPECT_EQ(v.Find("talks"), kNoWord);  // Find takes the upper-case key itself
  EXPECT_NE(v.Find("TALKS"), kNoWord);
}

TEST(VocabularyTest, LongWordsCompareInFull) {
  Vocabulary v;
  const std::string long_word(300, 'A'), longer(301, 'A');
  std::string other = long_word;
  other.back() = 'B';
  const WordId id = v.Intern(long_word);
  EXPECT_EQ(v.FindUpperOf(std::string(300, 'a')), id);
  EXPECT_EQ(v.FindUpperOf(longer), kNoWord);
  EXPECT_EQ(v.FindUpperOf(other), kNoWord);
  EXPECT_EQ(v.FindUpperOf("AAAAAAA"), kNoWord);
}

TEST(VocabularyTest, ManyWordsSurviveGrowth) {
  Vocabulary v;
  std::vector<WordId> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(v.Intern("W" + std::to_string(i)));
  for (int i = 0; i < 5000; ++i) {
    const std::string w = "w" + std::to_string(i);
    ASSERT_EQ(v.FindUpperOf(w), ids[i]) << w;
    ASSERT_EQ(v.Spelling(ids[i]), "W" + std::to_string(i));
  }
  EXPECT_EQ(v.FindUpperOf("w5000"), kNoWord);
}

}  // namespace
}  // namespace parley::lexicon

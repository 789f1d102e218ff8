// The lemmatizer and FEATS tables on small training sets.
#include "parse/morphology.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse/tagger.h"

namespace parley::parse {
namespace {

bool ValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

TEST(LemmatizerTest, RulesFromTrainingApplyToUnseenWords) {
  constexpr int kVbd = 1, kVbz = 2, kNns = 3;
  const std::vector<MorphExample> data = {
      {"walked", "walk", "", kVbd, 0}, {"talked", "talk", "", kVbd, 0}, {"helped", "help", "", kVbd, 0},
      {"cities", "city", "", kNns, 0}, {"parties", "party", "", kNns, 0}, {"'re", "be", "", kVbz, 0},
      {"Talks", "talk", "", kNns, 0},
  };
  Lemmatizer lem;
  lem.Train(data);
  struct Case {
    std::string form;
    int xpos;
    std::string lemma;
  };
  const Case cases[] = {
      {"walked", kVbd, "walk"},
      {"jumped", kVbd, "jump"},    // unseen: the "-ed" suffix rule
      {"armies", kNns, "army"},    // unseen: "-ies" -> "-y"
      {"Talks", kNns, "talk"},     // seen: lower-cased
      {"'re", kVbz, "be"},
      // The rule cuts three bytes; a curly apostrophe is three bytes itself,
      // so the cut must not stop inside it.
      {"\xE2\x80\x99re", kVbz, "be"},
  };
  for (const Case& c : cases) {
    std::string out;
    lem.Lemmatize(c.form, HashLower(c.form), c.xpos, out);
    EXPECT_EQ(out, c.lemma) << c.form;
    EXPECT_TRUE(ValidUtf8(out)) << c.form;
  }
}

std::string LemmaOf(const Lemmatizer& lem, const std::string& form, int xpos) {
  std::string out;
  lem.Lemmatize(form, HashLower(form), xpos, out);
  return out;
}

TEST(LemmatizerTest, IrregularFormsFillOnlyWhatTrainingLacks) {
  constexpr int kVbd = 1, kVbn = 2;
  const std::vector<MorphExample> data = {
      {"walked", "walk", "", kVbd, 0}, {"talked", "talk", "", kVbd, 0}, {"shot", "shot", "", kVbn, 0}};
  Lemmatizer lem;
  lem.Train(data);
  EXPECT_EQ(LemmaOf(lem, "shot", kVbd), "sh");  // the suffix rule of "walked", "talked"
  const std::vector<MorphExample> irregular = {{"shot", "shoot", "", kVbd, 0}, {"shot", "shoot", "", kVbn, 0}};
  EXPECT_EQ(lem.AddIrregularForms(irregular), 1u);
  EXPECT_EQ(LemmaOf(lem, "shot", kVbd), "shoot");
  EXPECT_EQ(LemmaOf(lem, "Shot", kVbd), "shoot");
  EXPECT_EQ(LemmaOf(lem, "shot", kVbn), "shot");  // the treebank's own reading wins
  EXPECT_EQ(LemmaOf(lem, "jumped", kVbd), "jump");
}

TEST(LemmatizerTest, ATagWhoseWordsAreTheirOwnLemmasKeepsUnseenWords) {
  constexpr int kNnp = 1, kNns = 2;
  std::vector<std::string> names, plurals, lemmas;
  for (int i = 0; i < 120; ++i) {
    names.push_back("Name" + std::to_string(i));
    plurals.push_back("thing" + std::to_string(i) + "s");
    lemmas.push_back("thing" + std::to_string(i));
  }
  std::vector<MorphExample> data;
  for (int i = 0; i < 120; ++i) {
    data.push_back({names[static_cast<size_t>(i)], names[static_cast<size_t>(i)], "", kNnp, 0});
    data.push_back({plurals[static_cast<size_t>(i)], lemmas[static_cast<size_t>(i)], "", kNns, 0});
  }
  data.push_back({"Bureau", "bureau", "", kNnp, 0});  // one name lower-cased in training
  Lemmatizer lem;
  lem.Train(data);
  EXPECT_EQ(LemmaOf(lem, "Moreau", kNnp), "Moreau");  // not the suffix rule's "moreau"
  EXPECT_EQ(LemmaOf(lem, "Bureau", kNnp), "bureau");  // seen: as trained
  EXPECT_EQ(LemmaOf(lem, "cats", kNns), "cat");       // other tags keep their rules
}

}  // namespace
}  // namespace parley::parse

// Loads the real PETRARCH dictionaries from ../shared when present (skipped
// otherwise) and checks that counts are plausible and key actors resolve.
#include <gtest/gtest.h>

#include <filesystem>

#include "lexicon/lexicon.h"
#include "lexicon/test_util.h"

namespace parley::lexicon {
namespace {

using testing::Words;

std::string Dir(const char* sub) { return std::string(PARLEY_SHARED_DIR) + "/data/" + sub; }

std::string ActorCode(const Lexicon& lex, std::string_view text, Date d) {
  auto w = Words(lex.vocab, text);
  PhraseMatch m = lex.actors.LongestMatch(w, 0);
  if (m.length != w.size()) return "no match";
  return std::string(lex.actors.CodeOn(m.entry, d));
}

TEST(RealDictionaries, PetrarchValidationSet) {
  std::string d = Dir("petrarch2");
  if (!std::filesystem::exists(d + "/PETR.Validate.verbs.txt")) GTEST_SKIP() << d << " not found";
  LexiconPaths p;
  p.verbs = {d + "/PETR.Validate.verbs.txt"};
  p.actors = {d + "/PETR.Validate.actors.txt"};
  p.agents = {d + "/PETR.Validate.agents.txt"};
  p.discards = {d + "/PETR.Validate.discards.txt"};
  p.issues = {d + "/Phoenix.IssueCoding.txt"};
  auto r = Lexicon::Load(p);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Lexicon& lex = **r;
  EXPECT_GT(lex.verbs.block_count(), 200u);
  EXPECT_GT(lex.verbs.pattern_count(), 400u);
  EXPECT_GT(lex.verbs.synset_count(), 10u);
  EXPECT_GT(lex.actors.size(), 100u);
  EXPECT_GT(lex.agents.size(), 50u);
  EXPECT_EQ(lex.discards.size(), 9u);
  EXPECT_GT(lex.issues.size(), 3000u);
  EXPECT_EQ(ActorCode(lex, "ISRAELI", {}), "ISR");
  EXPECT_EQ(ActorCode(lex, "ISRAELI TROOPS", {}), "ISRMIL");
  EXPECT_EQ(ActorCode(lex, "SMEAGOL", Date{1996, 1, 1}), "HOBGOV");
  EXPECT_EQ(lex.verbs.EntriesForForm(lex.vocab.Find("CORDONED")).size(), 1u);
  EXPECT_LT(lex.warnings().size(), 20u);
}

TEST(RealDictionaries, PhoenixSet) {
  std::string d = Dir("petrarch2");
  if (!std::filesystem::exists(d + "/CAMEO.2.0.txt")) GTEST_SKIP() << d << " not found";
  auto r = Lexicon::Load(PhoenixDictionaries(d));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Lexicon& lex = **r;
  EXPECT_GT(lex.verbs.block_count(), 350u);
  EXPECT_GT(lex.verbs.pattern_count(), 4500u);
  EXPECT_GT(lex.verbs.entry_count(), 1500u);
  EXPECT_GT(lex.actors.size(), 20000u);
  EXPECT_GT(lex.actors.phrase_count(), 30000u);
  EXPECT_GT(lex.agents.size(), 2000u);
  EXPECT_GT(lex.discards.size(), 400u);
  EXPECT_EQ(ActorCode(lex, "ISRAELI", {}), "ISR");
  EXPECT_EQ(ActorCode(lex, "NETANYAHU", Date{2015, 1, 1}), "ISRGOV");
  EXPECT_EQ(ActorCode(lex, "NETANYAHU", Date{2000, 1, 1}), "ISRELI");
  EXPECT_EQ(ActorCode(lex, "PRIME MINISTER BENJAMIN NETANYAHU", Date{1997, 1, 1}), "ISRGOV");
  auto w = Words(lex.vocab, "POLICEMEN");
  PhraseMatch m = lex.agents.LongestMatch(w, 0);
  ASSERT_EQ(m.length, 1u);
  EXPECT_EQ(lex.agents.entry(m.entry).code, "COP");
  EXPECT_FALSE(lex.verbs.EntriesForForm(lex.vocab.Find("ACCUSED")).empty());
}

TEST(RealDictionaries, UniversalPetrarchSet) {
  std::string d = Dir("universal-petrarch");
  if (!std::filesystem::exists(d + "/PETR.Validate.verbs.2.0.txt")) GTEST_SKIP() << d << " not found";
  LexiconPaths p;
  p.verbs = {d + "/PETR.Validate.verbs.2.0.txt"};
  p.actors = {d + "/PETR.Validate.actors.txt"};
  auto r = Lexicon::Load(p);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT((*r)->verbs.pattern_count(), 400u);
  EXPECT_GT((*r)->actors.size(), 100u);
}

}  // namespace
}  // namespace parley::lexicon

#include "lexicon/agent_dictionary.h"

#include <gtest/gtest.h>

#include "lexicon/test_util.h"

namespace parley::lexicon {
namespace {

using testing::Words;

class AgentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dict_
                    .LoadPetrarchText("<!-- AGENTS -->\n"
                                      "!PERSON! = MAN, MEN, WOMAN , WOMEN\n"
                                      "!MINST! = MINISTER, MINISTRY\n"
                                      "CONGRESS!PERSON! [~LEG]\n"
                                      "!MINST!_OF_SILLY_WALKS [~GOV]\n"
                                      "POLICE {} [ ~COP]  # no plural\n"
                                      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
                                      "PARTY [~PTY]\n"
                                      "WITNESS [~CVL]\n"
                                      "CHURCH [~REL]\n"
                                      "HUMAN_RIGHTS_BODY  [  NGO~]\n"
                                      "CHIEF_ [~GOV]\n"
                                      "SECURITY SERVICE [~GOV]\n"
                                      "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"
                                      "BAD [GOV]\n"
                                      "NOCODE\n"
                                      "!NOPE!_OFFICER [~X]\n",
                                      "t.agents", vocab_)
                    .ok());
  }
  // "CODE" / "CODE~" of the entry matching all of `text`, or "-".
  std::string Code(std::string_view text) {
    auto w = Words(vocab_, text);
    PhraseMatch m = dict_.LongestMatch(w, 0);
    if (m.length != w.size()) return "-";
    const AgentEntry& e = dict_.entry(m.entry);
    return e.prefix ? e.code + "~" : "~" + e.code;
  }
  Vocabulary vocab_;
  AgentDictionary dict_;
};

TEST_F(AgentTest, SubstitutionSets) {
  EXPECT_EQ(Code("congressman"), "~LEG");
  EXPECT_EQ(Code("congresswomen"), "~LEG");
  EXPECT_EQ(Code("congressmans"), "-");  // no plural after a substitution
  EXPECT_EQ(Code("minister of silly walks"), "~GOV");
  EXPECT_EQ(Code("ministry of silly walks"), "~GOV");
}

TEST_F(AgentTest, Plurals) {
  EXPECT_EQ(Code("police"), "~COP");
  EXPECT_EQ(Code("polices"), "-");  // {} = no plural
  EXPECT_EQ(Code("attorney general"), "~GOVATG");
  EXPECT_EQ(Code("attorneys general"), "~GOVATG");
  EXPECT_EQ(Code("attorney generals"), "-");  // listed plural replaces the regular one
  EXPECT_EQ(Code("parties"), "~PTY");
  EXPECT_EQ(Code("witnesses"), "~CVL");
  EXPECT_EQ(Code("churches"), "~REL");
  EXPECT_EQ(Code("chief"), "~GOV");
  EXPECT_EQ(Code("chiefs"), "-");  // trailing '_' = no plural
  EXPECT_EQ(Code("security services"), "~GOV");
}

TEST_F(AgentTest, PrefixAndSuffixCodes) {
  EXPECT_EQ(Code("human rights body"), "NGO~");
  EXPECT_EQ(Code("human rights bodies"), "NGO~");
  EXPECT_EQ(Code("deparment of environment"), "~ENV");
}

TEST_F(AgentTest, Warnings) {
  std::vector<std::string> want = {
      "t.agents:14: code closed with '}': DEPARMENT_OF_ENVIRONMENT [~ENV}",
      "t.agents:15: agent code has no '~'; skipped: BAD [GOV]",
      "t.agents:16: agent has no [code]; skipped: NOCODE",
      "t.agents:17: unknown substitution set !NOPE!; skipped: !NOPE!_OFFICER [~X]",
  };
  EXPECT_EQ(dict_.warnings(), want);
  EXPECT_EQ(dict_.size(), 11u);
}

}  // namespace
}  // namespace parley::lexicon

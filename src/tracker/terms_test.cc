// Terms of a deal read from sentences, as tables.
#include "tracker/terms.h"

#include <gtest/gtest.h>

#include "tracker/test_docs.h"

namespace parley::tracker {
namespace {

struct Expected {
  std::string kind;
  std::string text;
  long long number;
  std::string unit;
};

struct Case {
  int line;
  std::string sentence;
  std::vector<Expected> terms;
};

TEST(ExtractTermsTest, Table) {
  const Case cases[] = {
      {__LINE__, "The first stage involves a temporary cessation of hostilities in Gaza for six weeks .",
       {{"duration", "six weeks", 6, "week"}}},
      {__LINE__, "The plan begins with a six-week truce .", {{"duration", "six-week truce", 6, "week"}}},
      {__LINE__,
       "In the first phase , lasting 42 days , Hamas will release 33 hostages and Israel will free about "
       "1,900 Palestinian prisoners .",
       {{"duration", "42 days", 42, "day"},
        {"hostages", "33 hostages", 33, ""},
        {"prisoners", "1,900 Palestinian prisoners", 1900, ""}}},
      {__LINE__, "The draft proposes a first phase of forty-two days .", {{"duration", "forty-two days", 42, "day"}}},
      {__LINE__, "The ceasefire agreement is divided into three stages .", {{"stages", "three stages", 3, ""}}},
      {__LINE__, "A three-phase deal was agreed .", {{"stages", "three-phase deal", 3, ""}}},
      {__LINE__, "The deal would free hundreds of Palestinian prisoners .",
       {{"prisoners", "hundreds of Palestinian prisoners", 0, ""}}},
      {__LINE__,
       "Hamas insisted that any agreement must include assurances of a permanent ceasefire and Israel 's "
       "withdrawal from Gaza .",
       {{"condition", "assurances of a permanent ceasefire", 0, ""},
        {"condition", "Israel's withdrawal from Gaza", 0, ""}}},
      {__LINE__, "Hamas has demanded a permanent end to the war and a full Israeli withdrawal from Gaza .",
       {{"condition", "a permanent end to the war", 0, ""},
        {"condition", "a full Israeli withdrawal from Gaza", 0, ""}}},
      {__LINE__, "Israel will release prisoners in exchange for hostages under the deal .",
       {{"condition", "in exchange for hostages", 0, ""}}},
      // Not terms: the war's length, a delay, a release with no deal words,
      // a count of something else.
      {__LINE__, "There is a chance of an agreement to end the nine-month Gaza conflict .", {}},
      {__LINE__, "The ceasefire took effect after a delay of nearly three hours .", {}},
      {__LINE__, "Israel freed 90 Palestinian prisoners from Ofer prison .", {}},
      {__LINE__, "The truce came after 15 months of war and 46,000 deaths .", {}},
  };
  for (const Case& c : cases) {
    Document doc = testing::MakeDocument("d", "2025-01-15", {c.sentence});
    std::vector<Term> got = ExtractTerms(WordsOf(doc, 0));
    ASSERT_EQ(got.size(), c.terms.size()) << "line " << c.line << ": " << c.sentence;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].kind, c.terms[i].kind) << "line " << c.line;
      EXPECT_EQ(got[i].text, c.terms[i].text) << "line " << c.line;
      EXPECT_EQ(got[i].number, c.terms[i].number) << "line " << c.line;
      EXPECT_EQ(got[i].unit, c.terms[i].unit) << "line " << c.line;
    }
  }
}

TEST(ParseNumberWordTest, Table) {
  const std::pair<const char*, long long> cases[] = {
      {"six", 6},   {"forty-two", 42}, {"twenty", 20}, {"1,900", 1900}, {"42", 42},
      {"dozen", 12}, {"one-two", -1},  {"abc", -1},   {"", -1},        {"12a", -1}};
  for (const auto& [word, value] : cases) EXPECT_EQ(ParseNumberWord(word), value) << word;
}

}  // namespace
}  // namespace parley::tracker

// The headline check on hand-built documents and a tiny inline lexicon.
#include "pipeline/headline.h"

#include <gtest/gtest.h>

#include <memory>

namespace parley::pipeline {
namespace {

constexpr std::string_view kActors = R"(
HAITI [HTI]
HAMAS [PSEHMS]
ISRAEL [ISR]
+ISRAELI
UNITED_STATES [USA]
+U.S.
+US
JOE_BIDEN [USAGOV]
UNITED_NATIONS [IGOUNO]
)";

std::shared_ptr<const lexicon::Lexicon> TestLexicon() {
  auto lex = std::make_shared<lexicon::Lexicon>();
  EXPECT_TRUE(lex->actors.LoadPetrarchText(kActors, "actors.txt", lex->vocab).ok());
  return lex;
}

const lexicon::Lexicon& Lex() {
  static auto lex = TestLexicon();
  return *lex;
}

void AddSentence(Document& doc, std::string_view words, bool title) {
  std::string& text = title ? doc.title : doc.text;
  Sentence s;
  s.first_token = static_cast<uint32_t>(doc.tokens.size());
  s.field = title ? TextField::kTitle : TextField::kBody;
  s.index = title ? -1 : static_cast<int32_t>(doc.sentences.size());
  s.begin = static_cast<uint32_t>(text.size());
  size_t i = 0;
  while (i < words.size()) {
    size_t end = words.find(' ', i);
    if (end == std::string_view::npos) end = words.size();
    if (!text.empty()) text += ' ';
    Token t;
    t.begin = static_cast<uint32_t>(text.size());
    t.form = std::string(words.substr(i, end - i));
    text += t.form;
    t.end = static_cast<uint32_t>(text.size());
    t.head = 0;
    doc.tokens.push_back(t);
    ++s.token_count;
    i = end + 1;
  }
  s.end = static_cast<uint32_t>(text.size());
  doc.sentences.push_back(s);
}

Document MakeDoc(std::string_view title, std::vector<std::string_view> body) {
  Document doc;
  doc.id = "d1";
  doc.date = Date::Parse("2024-07-05").value();
  if (!title.empty()) AddSentence(doc, title, true);
  for (auto s : body) AddSentence(doc, s, false);
  return doc;
}

TEST(HeadlineTest, HeadlineAboutAnotherCountryIsFlagged) {
  // The seed example: "Haiti" over a story about Israel and Hamas.
  Document doc = MakeDoc("US Official : Ceasefire negotiations with Haiti have made progress",
                         {"U.S. officials said Israel and Hamas could reach an agreement",
                          "Biden spoke with Israeli Prime Minister Netanyahu"});
  std::vector<std::string> unmatched;
  EXPECT_TRUE(HeadlineMismatch(doc, Lex(), &unmatched));
  EXPECT_EQ(unmatched, std::vector<std::string>{"Haiti"});
}

TEST(HeadlineTest, SameCountryOtherPhraseIsNotFlagged) {
  // "Joe Biden" (USAGOV) in the title, "U.S." (USA) in the body: same country.
  Document doc = MakeDoc("Joe Biden calls Israel", {"The U.S. urged Israeli leaders to accept"});
  std::vector<std::string> unmatched{"stale"};
  EXPECT_FALSE(HeadlineMismatch(doc, Lex(), &unmatched));
  EXPECT_TRUE(unmatched.empty());
}

TEST(HeadlineTest, EveryUnmatchedActorIsListedOnce) {
  Document doc = MakeDoc("Haiti and United Nations : Haiti again", {"Hamas fighters clashed with Israel"});
  std::vector<std::string> unmatched;
  EXPECT_TRUE(HeadlineMismatch(doc, Lex(), &unmatched));
  EXPECT_EQ(unmatched, (std::vector<std::string>{"Haiti", "United Nations"}));
}

TEST(HeadlineTest, HeadlineWithoutActorsOrBodyIsNotFlagged) {
  EXPECT_FALSE(HeadlineMismatch(MakeDoc("Talks resume", {"Hamas met Israel"}), Lex(), nullptr));
  EXPECT_FALSE(HeadlineMismatch(MakeDoc("Haiti votes", {}), Lex(), nullptr));
  EXPECT_FALSE(HeadlineMismatch(MakeDoc("", {"Hamas met Haiti"}), Lex(), nullptr));
  EXPECT_TRUE(HeadlineMismatch(MakeDoc("Haiti votes", {"Hamas met Israel"}), Lex(), nullptr));
}

}  // namespace
}  // namespace parley::pipeline

#include "pipeline/hyphenated_words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::pipeline {
namespace {

struct Word {
  const char* form;
  const char* lemma;
  const char* xpos;
  int head;
  const char* deprel;
};

// Appends a sentence of `words` to doc.text (single spaces unless a word is
// glued to the one before by a leading '+' in its form).
void AddSentence(Document& doc, const std::vector<Word>& words) {
  Sentence s;
  s.first_token = static_cast<uint32_t>(doc.tokens.size());
  if (!doc.text.empty()) doc.text += ' ';
  s.begin = static_cast<uint32_t>(doc.text.size());
  for (size_t i = 0; i < words.size(); ++i) {
    std::string form = words[i].form;
    const bool glued = form.size() > 1 && form[0] == '+';
    if (glued) form.erase(0, 1);
    if (i > 0 && !glued) doc.text += ' ';
    Token t;
    t.form = form;
    t.lemma = words[i].lemma;
    t.xpos = words[i].xpos;
    t.head = words[i].head;
    t.deprel = words[i].deprel;
    t.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += form;
    t.end = static_cast<uint32_t>(doc.text.size());
    doc.tokens.push_back(t);
  }
  s.token_count = static_cast<uint32_t>(words.size());
  s.end = static_cast<uint32_t>(doc.text.size());
  s.index = static_cast<int32_t>(doc.sentences.size());
  doc.sentences.push_back(s);
}

std::string Render(const Document& doc, const Sentence& s) {
  std::string out;
  for (const Token& t : doc.TokensOf(s)) {
    if (!out.empty()) out += ' ';
    out += t.form + "/" + t.lemma + "/" + t.xpos + "/" + std::to_string(t.head) + "/" + t.deprel;
  }
  return out;
}

TEST(JoinHyphenatedWordsTest, JoinsRunsAndRenumbersHeads) {
  Document doc;
  AddSentence(doc, {{"Iran", "Iran", "NNP", 3, "obl:npmod"},
                    {"+-", "-", "HYPH", 3, "punct"},
                    {"+backed", "back", "VBN", 4, "amod"},
                    {"Houthis", "Houthis", "NNPS", 5, "nsubj"},
                    {"test", "test", "NN", 7, "compound"},
                    {"+-", "-", "HYPH", 7, "punct"},
                    {"+fired", "fire", "VBD", 0, "root"},
                    {"at", "at", "IN", 11, "case"},
                    {"al", "al", "NNP", 11, "flat"},
                    {"+-", "-", "HYPH", 11, "punct"},
                    {"+Qaeda", "Qaeda", "NNP", 7, "obl"},
                    {"-", "-", "HYPH", 13, "punct"},  // spaced: not a hyphenated word
                    {"six", "six", "CD", 7, "obl"},
                    {"+.", ".", ".", 7, "punct"}});
  AddSentence(doc, {{"A", "a", "DT", 4, "det"},
                    {"cease", "cease", "NN", 4, "compound"},
                    {"+-", "-", "HYPH", 4, "punct"},
                    {"+fire", "fire", "NN", 5, "nsubj"},
                    {"held", "hold", "VBD", 0, "root"}});
  EXPECT_TRUE(HasHyphenatedWord(doc.TokensOf(doc.sentences[1])));
  std::vector<Token> words;
  JoinedWords(doc.TokensOf(doc.sentences[1]), words);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[1].form, "cease-fire");
  EXPECT_EQ(words[1].lemma, "cease-fire");
  EXPECT_EQ(JoinHyphenatedWords(doc), 4u);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_FALSE(HasHyphenatedWord(doc.TokensOf(doc.sentences[0])));
  EXPECT_EQ(Render(doc, doc.sentences[0]),
            "Iran-backed/Iran-back/VBN/2/amod Houthis/Houthis/NNPS/3/nsubj test-fired/test-fire/VBD/0/root "
            "at/at/IN/5/case al-Qaeda/al-Qaeda/NNP/3/obl -/-/HYPH/7/punct six/six/CD/3/obl ./././3/punct");
  EXPECT_EQ(Render(doc, doc.sentences[1]), "A/a/DT/2/det cease-fire/cease-fire/NN/3/nsubj held/hold/VBD/0/root");
  EXPECT_EQ(doc.sentences[1].first_token, 8u);
  EXPECT_EQ(doc.tokens.size(), 11u);
  const Token& qaeda = doc.tokens[4];
  EXPECT_EQ(doc.text.substr(qaeda.begin, qaeda.end - qaeda.begin), "al-Qaeda");
  EXPECT_EQ(JoinHyphenatedWords(doc), 0u);  // nothing left to join
}

// The parser hangs "led" of "army - led" on the verb; joined, "army-led"
// modifies "government" again and "Sudan 's" goes with it. In the second
// sentence the noun was the participle's object: the two swap places.
TEST(JoinHyphenatedWordsTest, AJoinedModifierHangsOnTheNounAfterIt) {
  Document doc;
  AddSentence(doc, {{"Sudan", "Sudan", "NNP", 3, "nmod:poss"},
                    {"+'s", "'s", "POS", 1, "case"},
                    {"army", "army", "NN", 5, "obl:npmod"},
                    {"+-", "-", "HYPH", 3, "punct"},
                    {"+led", "lead", "VBN", 7, "amod"},
                    {"government", "government", "NN", 7, "nsubj"},
                    {"refused", "refuse", "VBD", 0, "root"}});
  AddSentence(doc, {{"The", "the", "DT", 4, "det"},
                    {"U.S.", "U.S.", "NNP", 4, "obl:npmod"},
                    {"+-", "-", "HYPH", 4, "punct"},
                    {"+brokered", "broker", "VBN", 0, "root"},
                    {"deal", "deal", "NN", 4, "obj"},
                    {"collapsed", "collapse", "VBD", 5, "acl"}});
  EXPECT_EQ(JoinHyphenatedWords(doc), 2u);
  EXPECT_EQ(Render(doc, doc.sentences[0]),
            "Sudan/Sudan/NNP/4/nmod:poss 's/'s/POS/1/case army-led/army-lead/VBN/4/amod "
            "government/government/NN/5/nsubj refused/refuse/VBD/0/root");
  EXPECT_EQ(Render(doc, doc.sentences[1]),
            "The/the/DT/3/det U.S.-brokered/U.S.-broker/VBN/3/amod deal/deal/NN/0/root "
            "collapsed/collapse/VBD/3/acl");
}

TEST(JoinHyphenatedWordsTest, LeavesWordsWithoutOffsetsAndUnparsedSentences) {
  Document doc;
  AddSentence(doc, {{"al", "", "", -1, ""}, {"+-", "", "", -1, ""}, {"+Qaeda", "", "", -1, ""}});
  Document unaligned = doc;
  for (Token& t : unaligned.tokens) t.begin = t.end = 0;
  EXPECT_EQ(JoinHyphenatedWords(unaligned), 0u);
  EXPECT_EQ(unaligned.tokens.size(), 3u);
  EXPECT_EQ(JoinHyphenatedWords(doc), 1u);  // no tree: the last word heads the run
  ASSERT_EQ(doc.tokens.size(), 1u);
  EXPECT_EQ(doc.tokens[0].form, "al-Qaeda");
  EXPECT_EQ(doc.tokens[0].head, -1);
  EXPECT_EQ(doc.tokens[0].lemma, "");
}

}  // namespace
}  // namespace parley::pipeline

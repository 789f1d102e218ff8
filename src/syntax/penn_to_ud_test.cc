#include "syntax/penn_to_ud.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace parley::syntax {
namespace {

struct Dep {
  std::string form;
  int32_t head;
  std::string deprel;
  bool operator==(const Dep&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Dep& d) {
  return os << "{" << d.form << ", " << d.head << ", " << d.deprel << "}";
}

std::vector<Dep> Convert(std::string_view penn) {
  Result<std::vector<Token>> tokens = PennToUd(penn);
  EXPECT_TRUE(tokens.ok()) << tokens.status().message();
  std::vector<Dep> out;
  if (!tokens.ok()) return out;
  for (const Token& t : *tokens) out.push_back({t.form, t.head, t.deprel});
  return out;
}

// A single root and every token reaches it.
::testing::AssertionResult IsTree(const std::vector<Token>& tokens) {
  int roots = 0;
  const int32_t n = static_cast<int32_t>(tokens.size());
  for (int32_t i = 0; i < n; ++i) {
    const Token& t = tokens[static_cast<size_t>(i)];
    if (t.head < 0 || t.head > n) return ::testing::AssertionFailure() << "token " << i + 1 << " head " << t.head;
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

struct Case {
  const char* name;
  const char* penn;
  std::vector<Dep> expected;
};

TEST(PennToUdTest, GoldenTrees) {
  const Case cases[] = {
      {"01 simple transitive",
       "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))",
       {{"Gondor", 2, "nsubj"}, {"attacked", 0, "root"}, {"Mordor", 2, "obj"}, {".", 2, "punct"}}},
      {"02 passive with by-agent",
       "(ROOT (S (NP (NNP Eriador)) (VP (VBD was) (VP (VBN opposed) (PP (IN by) (NP (NNP Osgiliath))))) (. .)))",
       {{"Eriador", 3, "nsubj:pass"}, {"was", 3, "aux:pass"}, {"opposed", 0, "root"}, {"by", 5, "case"},
        {"Osgiliath", 3, "obl"}, {".", 3, "punct"}}},
      {"03 coordinated subjects",
       "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Osgiliath)) (VP (VBP have) (VP (VBN delayed) "
       "(NP (PRP$ their) (NN meeting)))) (. .)))",
       {{"Gondor", 5, "nsubj"}, {"and", 3, "cc"}, {"Osgiliath", 1, "conj"}, {"have", 5, "aux"},
        {"delayed", 0, "root"}, {"their", 7, "nmod:poss"}, {"meeting", 5, "obj"}, {".", 5, "punct"}}},
      {"04 possessive",
       "(ROOT (NP (NP (NNP Gondor) (POS 's)) (NN government)))",
       {{"Gondor", 3, "nmod:poss"}, {"'s", 1, "case"}, {"government", 0, "root"}}},
      {"05 copula + xcomp",
       "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (IN about) (S (VP (TO to) (VP (VB restore) "
       "(NP (JJ full) (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))))))) (. .)))",
       {{"Arnor", 3, "nsubj"}, {"is", 3, "cop"}, {"about", 0, "root"}, {"to", 5, "mark"}, {"restore", 3, "xcomp"},
        {"full", 8, "amod"}, {"diplomatic", 8, "amod"}, {"ties", 5, "obj"}, {"with", 10, "case"},
        {"Gondor", 5, "obl"}, {".", 3, "punct"}}},
      {"06 trailing reporting clause",
       "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)))) (, ,) (NP (DT a) (JJ senior) "
       "(NN official)) (VP (VBD said) (PP (IN on) (NP (NNP Saturday)))) (. .)))",
       {{"Arnor", 2, "nsubj"}, {"restored", 0, "root"}, {"ties", 2, "obj"}, {",", 2, "punct"}, {"a", 7, "det"},
        {"senior", 7, "amod"}, {"official", 8, "nsubj"}, {"said", 2, "parataxis"}, {"on", 10, "case"},
        {"Saturday", 8, "obl"}, {".", 2, "punct"}}},
      {"07 relative clause",
       "(ROOT (S (NP (NP (DT the) (NNS soldiers)) (SBAR (WHNP (WP who)) (S (VP (VBD shot) (PP (IN at) "
       "(NP (NNS protesters))))))) (VP (VBD fled)) (. .)))",
       {{"the", 2, "det"}, {"soldiers", 7, "nsubj"}, {"who", 4, "nsubj"}, {"shot", 2, "acl:relcl"},
        {"at", 6, "case"}, {"protesters", 4, "obl"}, {"fled", 0, "root"}, {".", 7, "punct"}}},
      {"08 that-complement",
       "(ROOT (S (NP (NNP Gondor)) (VP (VBD said) (SBAR (IN that) (S (NP (PRP it)) (VP (MD would) "
       "(VP (VB attend)))))) (. .)))",
       {{"Gondor", 2, "nsubj"}, {"said", 0, "root"}, {"that", 6, "mark"}, {"it", 6, "nsubj"}, {"would", 6, "aux"},
        {"attend", 2, "ccomp"}, {".", 2, "punct"}}},
      {"09 PP attachment to noun and verb",
       "(ROOT (S (NP (NNP Gondor)) (VP (VBD condemned) (NP (NP (DT the) (NN attack)) (PP (IN on) "
       "(NP (NNS civilians)))) (PP (IN in) (NP (NNP Ithilien)))) (. .)))",
       {{"Gondor", 2, "nsubj"}, {"condemned", 0, "root"}, {"the", 4, "det"}, {"attack", 2, "obj"}, {"on", 6, "case"},
        {"civilians", 4, "nmod"}, {"in", 8, "case"}, {"Ithilien", 2, "obl"}, {".", 2, "punct"}}},
      {"10 negation",
       "(ROOT (S (NP (NNP Rohan)) (VP (VBZ does) (RB n't) (VP (VB want) (NP (NN war)))) (. .)))",
       {{"Rohan", 4, "nsubj"}, {"does", 4, "aux"}, {"n't", 4, "advmod"}, {"want", 0, "root"}, {"war", 4, "obj"},
        {".", 4, "punct"}}},
      {"11 particle verb",
       "(ROOT (S (NP (NN Police)) (VP (VBD cordoned) (PRT (RP off)) (NP (DT the) (NN area))) (. .)))",
       {{"Police", 2, "nsubj"}, {"cordoned", 0, "root"}, {"off", 2, "compound:prt"}, {"the", 5, "det"},
        {"area", 2, "obj"}, {".", 2, "punct"}}},
      {"12 appositive",
       "(ROOT (S (NP (NP (NNP Osgiliath)) (, ,) (NP (NP (DT the) (NN state) (POS 's)) (JJS fiercest) (NN foe)) "
       "(, ,)) (VP (VBD denied) (NP (DT the) (NN report))) (. .)))",
       {{"Osgiliath", 9, "nsubj"}, {",", 7, "punct"}, {"the", 4, "det"}, {"state", 7, "nmod:poss"}, {"'s", 4, "case"},
        {"fiercest", 7, "amod"}, {"foe", 1, "appos"}, {",", 7, "punct"}, {"denied", 0, "root"}, {"the", 11, "det"},
        {"report", 9, "obj"}, {".", 9, "punct"}}},
      {"13 bare temporal NP",
       "(ROOT (S (NP (NNP Gondor)) (VP (VBD met) (NP (NNP Rohan)) (NP (NNP Thursday))) (. .)))",
       {{"Gondor", 2, "nsubj"}, {"met", 0, "root"}, {"Rohan", 2, "obj"}, {"Thursday", 2, "obl:tmod"},
        {".", 2, "punct"}}},
      {"14 existential there",
       "(ROOT (S (NP (EX There)) (VP (VBD were) (NP (NNS clashes))) (. .)))",
       {{"There", 2, "expl"}, {"were", 0, "root"}, {"clashes", 2, "nsubj"}, {".", 2, "punct"}}},
      {"15 nominal predicate",
       "(ROOT (S (NP (NNP Gondor)) (VP (VBZ is) (NP (DT an) (NN ally))) (. .)))",
       {{"Gondor", 4, "nsubj"}, {"is", 4, "cop"}, {"an", 4, "det"}, {"ally", 0, "root"}, {".", 4, "punct"}}},
      {"16 participial acl",
       "(ROOT (NP (NP (DT the) (NNS roads)) (VP (VBG leading) (PP (IN into) (NP (NNP Mordor))))))",
       {{"the", 2, "det"}, {"roads", 0, "root"}, {"leading", 2, "acl"}, {"into", 5, "case"}, {"Mordor", 3, "obl"}}},
      {"17 VP coordination",
       "(ROOT (S (NP (NNP Gondor)) (VP (VP (VBD met) (NP (NNP Rohan))) (CC and) (VP (VBD signed) "
       "(NP (DT a) (NN pact)))) (. .)))",
       {{"Gondor", 2, "nsubj"}, {"met", 0, "root"}, {"Rohan", 2, "obj"}, {"and", 5, "cc"}, {"signed", 2, "conj"},
        {"a", 7, "det"}, {"pact", 5, "obj"}, {".", 2, "punct"}}},
      {"18 neither ... nor",
       "(ROOT (S (NP (CC Neither) (NNP Gondor) (CC nor) (NNP Rohan)) (VP (VBD attended)) (. .)))",
       {{"Neither", 2, "cc:preconj"}, {"Gondor", 5, "nsubj"}, {"nor", 4, "cc"}, {"Rohan", 2, "conj"},
        {"attended", 0, "root"}, {".", 5, "punct"}}},
      {"19 double object",
       "(ROOT (S (NP (PRP He)) (VP (VBD gave) (NP (NNP Rohan)) (NP (NNS arms)))))",
       {{"He", 2, "nsubj"}, {"gave", 0, "root"}, {"Rohan", 2, "iobj"}, {"arms", 2, "obj"}}},
      {"20 passive perfect with modal",
       "(ROOT (S (NP (NNS talks)) (VP (MD will) (VP (VB be) (VP (VBN held) (NP-TMP (NN tomorrow)))))))",
       {{"talks", 4, "nsubj:pass"}, {"will", 4, "aux"}, {"be", 4, "aux:pass"}, {"held", 0, "root"},
        {"tomorrow", 4, "obl:tmod"}}},
      {"21 adverbial clause with subordinator",
       "(ROOT (S (NP (NNP Gondor)) (VP (VBD left) (SBAR (IN because) (S (NP (NNP Rohan)) (VP (VBD attacked)))))))",
       {{"Gondor", 2, "nsubj"}, {"left", 0, "root"}, {"because", 5, "mark"}, {"Rohan", 5, "nsubj"},
        {"attacked", 2, "advcl"}}},
      {"22 compounds and numbers",
       "(ROOT (NP (DT the) (CD two) (NNP Gondor) (NN border) (NNS guards)))",
       {{"the", 5, "det"}, {"two", 5, "nummod"}, {"Gondor", 5, "compound"}, {"border", 5, "compound"},
        {"guards", 0, "root"}}},
      {"23 sentence coordination",
       "(ROOT (S (S (NP (NNP A)) (VP (VBD won))) (, ,) (CC but) (S (NP (NNP B)) (VP (VBD lost))) (. .)))",
       {{"A", 2, "nsubj"}, {"won", 0, "root"}, {",", 6, "punct"}, {"but", 6, "cc"}, {"B", 6, "nsubj"},
        {"lost", 2, "conj"}, {".", 2, "punct"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Convert(c.penn), c.expected);
  }
}

TEST(PennToUdTest, TagsFeaturesAndLemmas) {
  Result<std::vector<Token>> tokens = PennToUd(
      "(ROOT (S (NP (NNP Eriador)) (VP (VBD was) (RB not) (VP (VBN opposed) (PP (IN by) (NP (NNS cities))))) "
      "(, ,) (NP (PRP he)) (VP (VBD said)) (. .)))");
  ASSERT_TRUE(tokens.ok()) << tokens.status().message();
  const std::vector<Token>& t = *tokens;
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[1].upos, "AUX");
  EXPECT_EQ(t[1].lemma, "be");
  EXPECT_EQ(t[2].upos, "PART");
  EXPECT_EQ(t[2].feats, "Polarity=Neg");
  EXPECT_EQ(t[2].deprel, "advmod");
  EXPECT_EQ(t[3].feats, "Tense=Past|VerbForm=Part|Voice=Pass");
  EXPECT_EQ(t[3].lemma, "oppose");
  EXPECT_EQ(t[3].xpos, "VBN");
  EXPECT_EQ(t[3].upos, "VERB");
  EXPECT_EQ(t[5].lemma, "city");
  EXPECT_EQ(t[5].feats, "Number=Plur");
  EXPECT_EQ(t[0].upos, "PROPN");
  EXPECT_EQ(t[0].lemma, "Eriador");
  EXPECT_EQ(t[8].lemma, "say");
  EXPECT_EQ(t[8].feats, "Tense=Past|VerbForm=Fin");
  EXPECT_EQ(t[8].deprel, "parataxis");
  EXPECT_EQ(t[9].upos, "PUNCT");
}

TEST(PennToUdTest, LemmaRules) {
  struct L {
    const char* tag;
    const char* form;
    const char* lemma;
  } cases[] = {
      {"VBD", "met", "meet"},       {"VBD", "left", "leave"},       {"VBZ", "has", "have"},
      {"VBD", "stopped", "stop"},   {"VBD", "restored", "restore"}, {"VBD", "visited", "visit"},
      {"VBD", "tried", "try"},      {"VBG", "making", "make"},      {"VBG", "meeting", "meet"},
      {"VBD", "called", "call"},    {"VBN", "created", "create"}, {"VBD", "negotiated", "negotiate"}, {"VBD", "defeated", "defeat"}, {"VBZ", "watches", "watch"},
      {"NNS", "ties", "tie"},       {"NNS", "countries", "country"}, {"NNS", "men", "man"},
      {"NNS", "churches", "church"}, {"MD", "wo", "will"},          {"RB", "n't", "not"},
  };
  for (const L& c : cases) {
    std::string penn = std::string("(X (") + c.tag + " " + c.form + "))";
    Result<std::vector<Token>> t = PennToUd(penn);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ((*t)[0].lemma, c.lemma) << c.form;
  }
}

TEST(PennToUdTest, UndoesPtbEscapes) {
  std::vector<Dep> deps = Convert(
      "(ROOT (S (NP-SBJ (-NONE- *)) (VP (VBD left) (-LRB- -LRB-) (NP (NNP A\\/B) (NN 1\\*2)) (-RRB- -RRB-) "
      "(`` ``) (-LCB- -LCB-) ('' ''))))");
  std::vector<std::string> forms;
  for (const Dep& d : deps) forms.push_back(d.form);
  EXPECT_EQ(forms, (std::vector<std::string>{"left", "(", "A/B", "1*2", ")", "\"", "{", "\""}));
  EXPECT_EQ(UnescapePtbWord("-RCB-"), "}");
  EXPECT_EQ(UposForPtbTag("PRP$"), "PRON");
  EXPECT_EQ(UposForPtbTag("-LRB-"), "PUNCT");
}

TEST(PennToUdTest, AppendAlignsOffsets) {
  Document doc;
  doc.text = "Gondor met Rohan. \xE2\x80\x9C" "Arnor can't help,\xE2\x80\x9D he said.";
  ASSERT_TRUE(AppendPennSentence("(ROOT (S (NP (NNP Gondor)) (VP (VBD met) (NP (NNP Rohan))) (. .)))", doc,
                                 TextField::kBody, 0)
                  .ok());
  ASSERT_TRUE(AppendPennSentence("(ROOT (S (`` ``) (S (NP (NNP Arnor)) (VP (MD ca) (RB n't) (VP (VB help)))) "
                                 "(, ,) ('' '') (NP (PRP he)) (VP (VBD said)) (. .)))",
                                 doc, TextField::kBody, 1)
                  .ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  const Sentence& s0 = doc.sentences[0];
  const Sentence& s1 = doc.sentences[1];
  EXPECT_EQ(s0.first_token, 0u);
  EXPECT_EQ(s0.token_count, 4u);
  EXPECT_EQ(doc.text.substr(s0.begin, s0.end - s0.begin), "Gondor met Rohan.");
  EXPECT_EQ(s1.first_token, 4u);
  EXPECT_EQ(s1.index, 1);
  EXPECT_EQ(doc.text.substr(s1.begin, s1.end - s1.begin), "\xE2\x80\x9C" "Arnor can't help,\xE2\x80\x9D he said.");
  for (const Token& t : doc.TokensOf(s1)) {
    ASSERT_LT(t.begin, t.end) << t.form;
    std::string_view written = std::string_view(doc.text).substr(t.begin, t.end - t.begin);
    if (t.xpos != "``" && t.xpos != "''") {
      EXPECT_EQ(written, t.form);
    }
  }
  EXPECT_EQ(doc.tokens[5].form, "Arnor");
  EXPECT_EQ(doc.tokens[5].head, 5);  // 1-based within the sentence: "help"
  EXPECT_TRUE(doc.IsParsed());
}

TEST(PennToUdTest, AppendLeavesMissingWordsUnaligned) {
  Document doc;
  doc.title = "Rohan rides";
  ASSERT_TRUE(AppendPennSentence("(S (NP (NNP Rohan)) (VP (VBZ rides) (ADVP (RB north))))", doc, TextField::kTitle, -1)
                  .ok());
  const Sentence& s = doc.sentences[0];
  EXPECT_EQ(s.field, TextField::kTitle);
  EXPECT_EQ(s.begin, 0u);
  EXPECT_EQ(s.end, 11u);
  EXPECT_EQ(doc.tokens[2].begin, 0u);
  EXPECT_EQ(doc.tokens[2].end, 0u);
}

TEST(PennToUdTest, AppendErrorLeavesDocumentUnchanged) {
  Document doc;
  doc.text = "x";
  Status st = AppendPennSentence("(S (NP (NN x))", doc, TextField::kBody, 0);
  EXPECT_EQ(st.code(), ErrorCode::kParseError);
  EXPECT_EQ(st.message(), "penn tree: missing ')' at offset 14 (end of input)");
  EXPECT_TRUE(doc.sentences.empty());
  EXPECT_TRUE(doc.tokens.empty());
}

TEST(PennToUdTest, DeepTreesConvertWithoutRecursion) {
  std::string deep;
  for (int i = 0; i < 990; ++i) deep += i % 2 ? "(VP (VBD said) " : "(S (NP (PRP he)) ";
  deep += "(VP (VBD left))";
  deep += std::string(990, ')');
  Result<std::vector<Token>> tokens = PennToUd(deep);
  ASSERT_TRUE(tokens.ok()) << tokens.status().message();
  EXPECT_TRUE(IsTree(*tokens));
}

// Every <Parse> in the shared PETRARCH samples converts to a single-rooted tree.
TEST(PennToUdTest, SharedCorporaFormTrees) {
  const std::string files[] = {std::string(PARLEY_SHARED_DIR) + "/data/petrarch2/PETR.UnitTest.records.xml",
                               std::string(PARLEY_SHARED_DIR) + "/data/petrarch2/GigaWord.sample.PETR.xml"};
  int converted = 0;
  for (const std::string& path : files) {
    std::ifstream in(path);
    if (!in) GTEST_SKIP() << "shared corpus not found: " << path;
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string xml = buffer.str();
    for (size_t pos = xml.find("<Parse>"); pos != std::string::npos; pos = xml.find("<Parse>", pos + 1)) {
      const size_t end = xml.find("</Parse>", pos);
      ASSERT_NE(end, std::string::npos);
      const std::string_view penn = std::string_view(xml).substr(pos + 7, end - pos - 7);
      Result<std::vector<Token>> tokens = PennToUd(penn);
      if (!tokens.ok()) {
        // The PETRARCH error records (ERROR-02, ERROR-03) are deliberately unbalanced.
        EXPECT_NE(tokens.status().message().find("penn tree: "), std::string::npos);
        continue;
      }
      EXPECT_TRUE(IsTree(*tokens)) << penn;
      ++converted;
    }
  }
  EXPECT_GE(converted, 350);
}

}  // namespace
}  // namespace parley::syntax

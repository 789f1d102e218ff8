#include "io/conllu.h"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace parley::io {
namespace {

struct Collected {
  std::vector<Document> docs;
  ReadSummary summary;
};

Collected Read(std::string_view content, const std::string& name = "x.conllu") {
  Collected c;
  Status s = ReadConllu(content, name, [&](Document&& d) { c.docs.push_back(std::move(d)); }, c.summary);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return c;
}

std::string Span(const Document& doc, const Token& t) { return doc.text.substr(t.begin, t.end - t.begin); }

constexpr char kTwoDocs[] =
    "# newdoc id = d1\n"
    "# sent_id = d1-1\n"
    "# text = Hamas didn't agree.\n"
    "1\tHamas\tHamas\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tagree\tagree\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
    "4.1\tthen\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = d1-2\n"
    "# text = Talks go on.\n"
    "1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tgo\tgo\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "3\ton\ton\tADV\tRP\t_\t2\tcompound:prt\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# newdoc id = d2\n"
    "# sent_id = d2-1\n"
    "1\tNo\tno\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\ttext\ttext\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t!\t!\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

TEST(ConlluTest, ReadsDocumentsSentencesAndOffsets) {
  Collected c = Read(kTwoDocs);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_TRUE(c.summary.skipped.empty());
  EXPECT_EQ(c.summary.documents, 2u);

  const Document& d1 = c.docs[0];
  EXPECT_EQ(d1.id, "d1");
  EXPECT_EQ(d1.text, "Hamas didn't agree. Talks go on.");
  ASSERT_EQ(d1.sentences.size(), 2u);
  EXPECT_EQ(d1.sentences[0].id, "d1-1");
  EXPECT_EQ(d1.sentences[0].index, 0);
  EXPECT_EQ(d1.sentences[1].index, 1);
  EXPECT_EQ(d1.sentences[0].token_count, 5u);  // the 2-3 line and 4.1 are not tokens
  EXPECT_EQ(d1.sentences[0].begin, 0u);
  EXPECT_EQ(d1.sentences[0].end, 19u);
  EXPECT_EQ(d1.sentences[1].first_token, 5u);
  EXPECT_EQ(d1.sentences[1].begin, 20u);
  EXPECT_EQ(d1.sentences[1].end, 32u);
  const std::vector<std::string> spans = {"Hamas", "did", "n't", "agree", ".", "Talks", "go", "on", "."};
  ASSERT_EQ(d1.tokens.size(), spans.size());
  for (size_t i = 0; i < spans.size(); ++i) EXPECT_EQ(Span(d1, d1.tokens[i]), spans[i]) << i;

  const Token& did = d1.tokens[1];
  EXPECT_EQ(did.form, "did");
  EXPECT_EQ(did.lemma, "do");
  EXPECT_EQ(did.upos, "AUX");
  EXPECT_EQ(did.xpos, "VBD");
  EXPECT_EQ(did.feats, "Mood=Ind|Tense=Past");
  EXPECT_EQ(did.head, 4);
  EXPECT_EQ(did.deprel, "aux");
  EXPECT_EQ(did.misc, "SpaceAfter=No");  // made to agree with "didn't"
  EXPECT_EQ(d1.tokens[2].misc, "");
  EXPECT_EQ(d1.tokens[3].head, 0);
  EXPECT_EQ(d1.tokens[3].misc, "SpaceAfter=No");
  EXPECT_TRUE(d1.IsParsed());

  const Document& d2 = c.docs[1];
  EXPECT_EQ(d2.id, "d2");
  EXPECT_EQ(d2.text, "No text!");  // rebuilt from forms and SpaceAfter=No
  EXPECT_EQ(Span(d2, d2.tokens[2]), "!");
}

TEST(ConlluTest, FileWithoutNewdocIsOneDocumentNamedAfterTheFile) {
  Collected c = Read(
      "1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
      "1\tB\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tC\t_\t_\t_\t_\t_\t_\t_\t_\n",
      "corpus/part-3.conllu");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "part-3");
  EXPECT_EQ(c.docs[0].text, "A B C");
  EXPECT_EQ(c.docs[0].sentences.size(), 2u);
  EXPECT_EQ(c.docs[0].tokens[1].head, -1);  // HEAD "_" everywhere: no tree
  EXPECT_FALSE(c.docs[0].IsParsed());
}

// Each bad sentence is skipped with "x.conllu:LINE: reason"; the sentences
// before and after it are still read into the same document.
TEST(ConlluTest, BadSentencesAreSkippedWithTheLineQuoted) {
  struct Case {
    std::string block;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"1\tA\ta\tX\tX\t_\t0\troot\t_\n",
       "x.conllu:7: expected 10 tab-separated columns, got 9: '1\\tA\\ta\\tX\\tX\\t_\\t0\\troot\\t_'"},
      {"1 A a X X _ 0 root _ _\n", "x.conllu:7: expected 10 tab-separated columns, got 1: '1 A a X X _ 0 root _ _'"},
      {"1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n3\tB\t_\t_\t_\t_\t1\tdep\t_\t_\n",
       "x.conllu:8: expected word ID 2, got 3: '3\\tB\\t_\\t_\\t_\\t_\\t1\\tdep\\t_\\t_'"},
      {"one\tA\t_\t_\t_\t_\t0\troot\t_\t_\n", "x.conllu:7: bad ID 'one': 'one\\tA\\t_\\t_\\t_\\t_\\t0\\troot\\t_\\t_'"},
      {"1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n2\tB\t_\t_\t_\t_\t5\tdep\t_\t_\n",
       "x.conllu:8: HEAD 5 out of range 0..2: '2\\tB\\t_\\t_\\t_\\t_\\t5\\tdep\\t_\\t_'"},
      {"1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n2\tB\t_\t_\t_\t_\tx\tdep\t_\t_\n",
       "x.conllu:8: bad HEAD 'x': '2\\tB\\t_\\t_\\t_\\t_\\tx\\tdep\\t_\\t_'"},
      {"1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n2\tB\t_\t_\t_\t_\t0\troot\t_\t_\n",
       "x.conllu:8: second root (HEAD 0); word 1 is already the root: '2\\tB\\t_\\t_\\t_\\t_\\t0\\troot\\t_\\t_'"},
      {"1\tA\t_\t_\t_\t_\t2\tdep\t_\t_\n2\tB\t_\t_\t_\t_\t1\tdep\t_\t_\n", "x.conllu:7: no root: no word has HEAD 0"},
      {"1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n2\tB\t_\t_\t_\t_\t3\tdep\t_\t_\n3\tC\t_\t_\t_\t_\t2\tdep\t_\t_\n",
       "x.conllu:8: HEAD cycle through word 2: '2\\tB\\t_\\t_\\t_\\t_\\t3\\tdep\\t_\\t_'"},
      {"1\tA\t_\t_\t_\t_\t1\tdep\t_\t_\n2\tB\t_\t_\t_\t_\t0\troot\t_\t_\n",
       "x.conllu:7: word 1 is its own HEAD: '1\\tA\\t_\\t_\\t_\\t_\\t1\\tdep\\t_\\t_'"},
      {"1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n2\tB\t_\t_\t_\t_\t_\t_\t_\t_\n",
       "x.conllu:8: HEAD '_' in a sentence whose other words have heads: '2\\tB\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\t_'"},
      {"1\t\t_\t_\t_\t_\t0\troot\t_\t_\n", "x.conllu:7: empty FORM: '1\\t\\t_\\t_\\t_\\t_\\t0\\troot\\t_\\t_'"},
      {"2-1\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n",
       "x.conllu:7: bad multiword token range '2-1': '2-1\\tAB\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\t_'"},
      {"1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n3-4\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n",
       "x.conllu:8: multiword token 3-4 does not start at the next word, 2: '3-4\\tAB\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\t_'"},
      {"1-2\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n",
       "x.conllu:7: multiword token 1-2 covers words past the last one, 1"},
      {"1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n7.1\tB\t_\t_\t_\t_\t_\t_\t_\t_\n",
       "x.conllu:8: bad empty node ID '7.1' after word 1: '7.1\\tB\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\t_'"},
      {"# date = 2024-02-30\n1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n", "x.conllu:7: date '2024-02-30' does not exist"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.block);
    std::string content =
        "# newdoc id = doc\n"                        // 1
        "# text = Before.\n"                         // 2
        "1\tBefore\t_\t_\t_\t_\t0\troot\t_\t_\n"      // 3
        "\n"                                         // 4
        "# sent_id = bad\n"                          // 5
        "# text = Bad\n" +                           // 6
        c.block +                                    // 7...
        "\n"
        "# text = After.\n"
        "1\tAfter\t_\t_\t_\t_\t0\troot\t_\t_\n";
    Collected got = Read(content);
    ASSERT_EQ(got.docs.size(), 1u);
    EXPECT_EQ(got.docs[0].text, "Before. After.");
    EXPECT_EQ(got.docs[0].sentences.size(), 2u);
    EXPECT_EQ(got.docs[0].sentences[1].index, 1);
    ASSERT_EQ(got.summary.skipped.size(), 1u);
    EXPECT_EQ(got.summary.skipped[0].ToString(), c.error);
  }
}

TEST(ConlluTest, DocumentWithNoGoodSentenceIsAccountedFor) {
  Collected c = Read(
      "# newdoc id = good\n1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n\n"
      "# newdoc id = bad\n1\tA\t_\t_\t_\t_\t2\troot\t_\t_\n\n"
      "# newdoc id = good2\n1\tB\t_\t_\t_\t_\t0\troot\t_\t_\n");
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].id, "good2");
  ASSERT_EQ(c.summary.skipped.size(), 2u);
  EXPECT_EQ(c.summary.skipped[0].ToString(), "x.conllu:5: HEAD 2 out of range 0..1: '1\\tA\\t_\\t_\\t_\\t_\\t2\\troot\\t_\\t_'");
  EXPECT_EQ(c.summary.skipped[1].ToString(), "x.conllu:4 (doc bad): none of the document's 1 sentences could be read");
}

TEST(ConlluTest, AppendSentenceAlignsToExistingText) {
  Document doc;
  doc.id = "DEMO-00";
  doc.text = "Arnor  restored ties (with Gondor).";
  Status s = AppendConlluSentence(
      "\n1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "2\trestored\trestore\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tties\ttie\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
      "4\t-LRB-\t-LRB-\tPUNCT\t-LRB-\t_\t6\tpunct\t_\t_\n"
      "5\twith\twith\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "6\tGondor\tGondor\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
      "7\t)\t)\tPUNCT\t-RRB-\t_\t6\tpunct\t_\t_\n"
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
      doc, TextField::kBody, 0);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(doc.text, "Arnor  restored ties (with Gondor).");  // unchanged
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentences[0].index, 0);
  EXPECT_EQ(doc.sentences[0].begin, 0u);
  EXPECT_EQ(doc.sentences[0].end, 35u);
  ASSERT_EQ(doc.tokens.size(), 8u);
  EXPECT_EQ(doc.tokens[1].begin, 7u);
  EXPECT_EQ(doc.tokens[3].form, "(");  // PTB escape undone
  EXPECT_EQ(doc.tokens[3].lemma, "(");
  EXPECT_EQ(Span(doc, doc.tokens[3]), "(");
  EXPECT_EQ(Span(doc, doc.tokens[4]), "with");
  EXPECT_EQ(Span(doc, doc.tokens[6]), ")");
  EXPECT_EQ(doc.tokens[5].misc, "SpaceAfter=No");

  // A second sentence with nothing left to align to appends its text.
  ASSERT_TRUE(AppendConlluSentence("# text = Then more.\n1\tThen\t_\t_\t_\t_\t2\tadvmod\t_\t_\n"
                                   "2\tmore\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t2\tpunct\t_\t_\n",
                                   doc, TextField::kBody, 1)
                  .ok());
  EXPECT_EQ(doc.text, "Arnor  restored ties (with Gondor). Then more.");
  EXPECT_EQ(doc.sentences[1].begin, 36u);
  EXPECT_EQ(Span(doc, doc.tokens[9]), "more");

  // A title sentence goes into the title.
  ASSERT_TRUE(AppendConlluSentence("1\tHeadline\t_\t_\t_\t_\t0\troot\t_\t_\n", doc, TextField::kTitle, -1).ok());
  EXPECT_EQ(doc.title, "Headline");
  EXPECT_EQ(doc.sentences[2].field, TextField::kTitle);
  EXPECT_EQ(doc.tokens.back().end, 8u);
}

TEST(ConlluTest, AppendSentenceErrorsLeaveTheDocumentAlone) {
  Document doc;
  doc.text = "A B";
  Status s = AppendConlluSentence("1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n2\tB\t_\t_\t_\t_\t0\troot\t_\n", doc,
                                  TextField::kBody, 0);
  EXPECT_EQ(s.code(), ErrorCode::kParseError);
  EXPECT_EQ(s.message(), "line 2: expected 10 tab-separated columns, got 9: '2\\tB\\t_\\t_\\t_\\t_\\t0\\troot\\t_'");
  s = AppendConlluSentence("\n1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n\n2\tB\t_\t_\t_\t_\t1\tdep\t_\t_\n",
                           BlockLocation{"f.xml", 70}, doc, TextField::kBody, 0);
  EXPECT_EQ(s.message(), "f.xml:72: blank line inside a sentence block");
  s = AppendConlluSentence("# just a comment\n", BlockLocation{"f.xml", 70}, doc, TextField::kBody, 0);
  EXPECT_EQ(s.message(), "f.xml:70: no word lines in the sentence block");
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.sentences.empty());
  EXPECT_EQ(doc.text, "A B");
}

void ExpectSameTokens(const Document& a, const Document& b) {
  ASSERT_EQ(a.id, b.id);
  ASSERT_EQ(a.tokens.size(), b.tokens.size()) << a.id;
  ASSERT_EQ(a.sentences.size(), b.sentences.size()) << a.id;
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.date, b.date);
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& x = a.tokens[i];
    const Token& y = b.tokens[i];
    SCOPED_TRACE(a.id + " token " + std::to_string(i) + " " + x.form);
    EXPECT_EQ(x.form, y.form);
    EXPECT_EQ(x.lemma, y.lemma);
    EXPECT_EQ(x.upos, y.upos);
    EXPECT_EQ(x.xpos, y.xpos);
    EXPECT_EQ(x.feats, y.feats);
    EXPECT_EQ(x.deprel, y.deprel);
    EXPECT_EQ(x.misc, y.misc);
    EXPECT_EQ(x.head, y.head);
    EXPECT_EQ(x.begin, y.begin);
    EXPECT_EQ(x.end, y.end);
    if (::testing::Test::HasFailure()) return;
  }
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    EXPECT_EQ(a.sentences[i].id, b.sentences[i].id);
    EXPECT_EQ(a.sentences[i].begin, b.sentences[i].begin);
    EXPECT_EQ(a.sentences[i].end, b.sentences[i].end);
    EXPECT_EQ(a.sentences[i].index, b.sentences[i].index);
    EXPECT_EQ(a.sentences[i].field, b.sentences[i].field);
  }
}

void ExpectRoundTrip(const std::vector<Document>& docs) {
  std::string written;
  for (const Document& d : docs) AppendConllu(d, written);
  Collected again = Read(written, "again.conllu");
  EXPECT_TRUE(again.summary.skipped.empty()) << again.summary.skipped[0].ToString();
  ASSERT_EQ(again.docs.size(), docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    ExpectSameTokens(docs[i], again.docs[i]);
    if (::testing::Test::HasFailure()) return;
  }
}

TEST(ConlluTest, WritesCanonicalConllu) {
  Document doc;
  doc.id = "w1";
  doc.date = Date{2024, 7, 5};
  doc.title = "Talks resume";
  doc.text = "Israel\tagreed, sources said.";
  auto tok = [](std::string form, uint32_t b, int32_t head, std::string deprel) {
    Token t;
    t.form = std::move(form);
    t.begin = b;
    t.end = b + static_cast<uint32_t>(t.form.size());
    t.head = head;
    t.deprel = std::move(deprel);
    return t;
  };
  doc.tokens = {tok("Talks", 0, 2, "nsubj"),   tok("resume", 6, 0, "root"),  tok("Israel", 0, 2, "nsubj"),
                tok("agreed", 7, 5, "ccomp"),  tok(",", 13, 5, "punct"),     tok("sources", 15, 5, "nsubj"),
                tok("said", 23, 0, "root"),    tok(".", 27, 5, "punct")};
  doc.tokens[1].upos = "VERB";
  doc.tokens[1].misc = "Gloss=go on";
  doc.tokens[3].lemma = "agree";
  doc.tokens[3].feats = "Tense=Past";
  doc.tokens[6].misc = "SpaceAfter=No";  // wrong: the offsets show a space; rewritten
  Sentence title{0, 2, 0, 12, TextField::kTitle, -1, ""};
  Sentence body{2, 6, 0, 28, TextField::kBody, 0, "w1-s1"};
  doc.sentences = {title, body};
  EXPECT_EQ(WriteConllu(doc),
            "# newdoc id = w1\n"
            "# date = 2024-07-05\n"
            "# sent_id = w1-1\n"
            "# field = title\n"
            "# text = Talks resume\n"
            "1\tTalks\t_\t_\t_\t_\t2\tnsubj\t_\t_\n"
            "2\tresume\t_\tVERB\t_\t_\t0\troot\t_\tGloss=go on\n"
            "\n"
            "# sent_id = w1-s1\n"
            "# text = Israel agreed, sources said.\n"
            "1\tIsrael\t_\t_\t_\t_\t2\tnsubj\t_\t_\n"
            "2\tagreed\tagree\t_\t_\tTense=Past\t5\tccomp\t_\tSpaceAfter=No\n"
            "3\t,\t_\t_\t_\t_\t5\tpunct\t_\t_\n"
            "4\tsources\t_\t_\t_\t_\t5\tnsubj\t_\t_\n"
            "5\tsaid\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
            "6\t.\t_\t_\t_\t_\t5\tpunct\t_\t_\n"
            "\n");
  // Reading it back: same title and body, dates and trees.
  Collected c = Read(WriteConllu(doc));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "Talks resume");
  EXPECT_EQ(c.docs[0].text, "Israel agreed, sources said.");
  EXPECT_EQ(c.docs[0].date, doc.date);
  EXPECT_EQ(c.docs[0].sentences[0].field, TextField::kTitle);
  EXPECT_EQ(c.docs[0].sentences[0].index, -1);
  EXPECT_EQ(c.docs[0].tokens[3].head, 5);
}

TEST(ConlluTest, NewparKeepsParagraphsOnTheirOwnLines) {
  constexpr char kParagraphs[] =
      "# newdoc id = p\n"
      "# text = Talks began.\n"
      "1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tbegan\tbegin\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
      "\n"
      "# newpar\n"
      "# text = They ended.\n"
      "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tended\tend\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
      "\n";
  Collected c = Read(kParagraphs);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Talks began.\nThey ended.");
  std::string written = WriteConllu(c.docs[0]);
  EXPECT_NE(written.find("# newpar\n# sent_id"), std::string::npos) << written;
  EXPECT_EQ(Read(written).docs[0].text, c.docs[0].text);
}

TEST(ConlluTest, RoundTripGivesIdenticalTokens) {
  Collected c = Read(kTwoDocs);
  ExpectRoundTrip(c.docs);
}

// Optional: the UD treebanks in ../shared read without a single error and
// survive a write/read round trip.
TEST(ConlluTest, SharedTreebanksReadAndRoundTrip) {
  for (const char* file : {"en_ewt-ud-dev.conllu", "gum-news.conllu"}) {
    std::string path = std::string(PARLEY_SHARED_DIR) + "/data/ud/" + file;
    if (!std::ifstream(path)) GTEST_SKIP() << path << " not present";
    SCOPED_TRACE(file);
    Collected c;
    ASSERT_TRUE(ReadConlluFile(path, [&](Document&& d) { c.docs.push_back(std::move(d)); }, c.summary).ok());
    EXPECT_TRUE(c.summary.skipped.empty()) << c.summary.skipped[0].ToString();
    size_t sentences = 0, unaligned = 0;
    for (const Document& d : c.docs) {
      sentences += d.sentences.size();
      for (const Token& t : d.tokens) unaligned += t.begin == t.end;
    }
    if (std::string(file) == "en_ewt-ud-dev.conllu") {
      EXPECT_EQ(c.docs.size(), 318u);
      EXPECT_EQ(sentences, 2001u);
    } else {
      EXPECT_EQ(c.docs.size(), 24u);
      EXPECT_EQ(sentences, 765u);
      EXPECT_TRUE(c.docs[0].date.known());
    }
    EXPECT_EQ(unaligned, 0u);
    ExpectRoundTrip(c.docs);
  }
}

}  // namespace
}  // namespace parley::io

#include "io/petrarch_xml.h"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace parley::io {
namespace {

// Line numbers matter: messages quote them.
constexpr char kRecords[] =
    "<Validation>\n"                                                                  // 1
    "<!-- header comment with <Stop> inside -->\n"                                    // 2
    "<Environment>\n"                                                                 // 3
    "  <Verbfile>verbs.txt</Verbfile>\n"                                              // 4
    "  <Actorfile> actors.txt </Actorfile>\n"                                         // 5
    "  <Agentfile>agents.txt</Agentfile>\n"                                           // 6
    "  <Discardfile>discards.txt</Discardfile>\n"                                     // 7
    "  <Issuefile>issues.txt</Issuefile>\n"                                           // 8
    "  <Include>valid DEMO  ACTOR</Include>\n"                                        // 9
    "  <Config option=\"stop_on_error\" value=\"True\"/>\n"                           // 10
    "</Environment>\n"                                                                // 11
    "<Sentences>\n"                                                                   // 12
    "<Sentence date=\"19950101\" id=\"DEMO-01\" category=\"DEMO\" sentence=\"true\">\n"  // 13
    "<!-- comment -->\n"                                                              // 14
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"  // 15
    "<EventCoding sourcecode=\"GON\" targetcode=\"ARN\" eventcode=\"064\"/>\n"        // 16
    "<Text>\n"                                                                        // 17
    "Arnor restored   ties &amp; trust\n"                                             // 18
    "with Gondor.\n"                                                                  // 19
    "</Text>\n"                                                                       // 20
    "<Parse>\n"                                                                       // 21
    "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"                               // 22
    "2\trestored\trestore\tVERB\tVBD\t_\t0\troot\t_\t_\n"                            // 23
    "3\tties\ttie\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"                                     // 24
    "4\t&amp;\t&amp;\tCCONJ\tCC\t_\t5\tcc\t_\t_\n"                                   // 25
    "5\ttrust\ttrust\tNOUN\tNN\t_\t3\tconj\t_\t_\n"                                  // 26
    "6\twith\twith\tADP\tIN\t_\t7\tcase\t_\t_\n"                                     // 27
    "7\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n"                   // 28
    "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"                                         // 29
    "</Parse>\n"                                                                      // 30
    "</Sentence>\n"                                                                   // 31
    "<Config option=\"new_actor_length\" value=\"4\"></Config>\n"                     // 32
    "<Config option=\"require_dyad\" value=\"false\"/>\n"                             // 33
    "<Sentence date = \"19950102\" id =\"DEMO-02\" source=\"AFP\">\n"                 // 34
    "<EventCoding noevents = \"True\"> </EventCoding>\n"                              // 35
    "<Text>Nothing happened.</Text>\n"                                                // 36
    "</Sentence>\n"                                                                   // 37
    "<Config option=\"require_dyad\" value=\"true\"/>\n"                              // 38
    "<Sentence date=\"19950103\" id=\"ERROR_02\">\n"                                  // 39
    "<EventCoding error=\"bad_input_parse\"/>\n"                                      // 40
    "<Text>Bad parse.</Text>\n"                                                       // 41
    "<Parse>\n"                                                                       // 42
    "1\tBad\t_\t_\t_\t_\t0\troot\t_\t_\n"                                            // 43
    "2\tparse\t_\t_\t_\t_\t0\troot\t_\t_\n"                                          // 44
    "</Parse>\n"                                                                      // 45
    "</Sentence>\n"                                                                   // 46
    "<Sentence id=\"NODATE-01\"><Text>No date.</Text></Sentence>\n"                   // 47
    "<Sentence date=\"19950230\"><Text>No id, bad date.</Text></Sentence>\n"          // 48
    "<Sentence date=\"19950104\" id=\"ODD-01\"><Text>x</Text><Parse>#x</Parse></Sentence>\n"  // 49
    "<Stop></Stop>\n"                                                                 // 50
    "<Sentence date=\"19950105\" id=\"AFTER-01\"><Text>Never read.</Text></Sentence>\n"  // 51
    "</Sentences>\n"                                                                  // 52
    "</Validation>\n";

TEST(PetrarchXmlTest, ReadsEnvironmentRecordsConfigAndParses) {
  Result<PetrarchFile> file = ReadPetrarchXmlFromString(kRecords, "t.xml");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  const PetrarchEnvironment& env = file->environment;
  EXPECT_EQ(env.verbfile, "verbs.txt");
  EXPECT_EQ(env.actorfile, "actors.txt");
  EXPECT_EQ(env.agentfile, "agents.txt");
  EXPECT_EQ(env.discardfile, "discards.txt");
  EXPECT_EQ(env.issuefile, "issues.txt");
  EXPECT_EQ(env.include, (std::vector<std::string>{"valid", "DEMO", "ACTOR"}));
  EXPECT_EQ(env.config, (std::map<std::string, std::string>{{"stop_on_error", "True"}}));

  ASSERT_EQ(file->records.size(), 6u);
  const PetrarchRecord& r1 = file->records[0];
  EXPECT_EQ(r1.doc.id, "DEMO-01");
  EXPECT_EQ(r1.doc.date.ToInt(), 19950101);
  EXPECT_EQ(r1.category, "DEMO");
  EXPECT_EQ(r1.line, 13);
  EXPECT_EQ(r1.doc.text, "Arnor restored ties & trust with Gondor.");
  ASSERT_EQ(r1.expected.size(), 2u);
  EXPECT_EQ(r1.expected[0].source, "ARN");
  EXPECT_EQ(r1.expected[0].target, "GON");
  EXPECT_EQ(r1.expected[0].code, "064");
  EXPECT_EQ(r1.expected[1].source, "GON");
  EXPECT_FALSE(r1.expects_no_events);
  EXPECT_EQ(r1.config, (std::map<std::string, std::string>{{"stop_on_error", "True"}}));
  EXPECT_TRUE(r1.has_parse);
  EXPECT_EQ(r1.parse_error, "");
  EXPECT_EQ(r1.error, "");
  ASSERT_EQ(r1.doc.sentences.size(), 1u);
  EXPECT_EQ(r1.doc.sentences[0].id, "DEMO-01");
  EXPECT_EQ(r1.doc.sentences[0].index, 0);
  ASSERT_EQ(r1.doc.tokens.size(), 8u);
  EXPECT_EQ(r1.doc.tokens[3].form, "&");
  EXPECT_EQ(r1.doc.tokens[3].begin, 20u);
  EXPECT_EQ(r1.doc.tokens[7].end, 40u);
  EXPECT_TRUE(r1.doc.IsParsed());

  const PetrarchRecord& r2 = file->records[1];
  EXPECT_EQ(r2.doc.id, "DEMO-02");
  EXPECT_EQ(r2.category, "AFP");  // from source=
  EXPECT_TRUE(r2.expects_no_events);
  EXPECT_TRUE(r2.expected.empty());
  EXPECT_FALSE(r2.has_parse);
  EXPECT_EQ(r2.config, (std::map<std::string, std::string>{
                           {"stop_on_error", "True"}, {"new_actor_length", "4"}, {"require_dyad", "false"}}));

  const PetrarchRecord& r3 = file->records[2];
  EXPECT_EQ(r3.category, "ERROR");  // id prefix
  EXPECT_EQ(r3.expected_error, "bad_input_parse");
  EXPECT_EQ(r3.config.at("require_dyad"), "true");
  EXPECT_TRUE(r3.has_parse);
  EXPECT_EQ(r3.parse_error,
            "t.xml:44: second root (HEAD 0); word 1 is already the root: '2\\tparse\\t_\\t_\\t_\\t_\\t0\\troot\\t_\\t_'");
  EXPECT_TRUE(r3.doc.tokens.empty());
  EXPECT_TRUE(r3.doc.sentences.empty());
  EXPECT_EQ(r3.doc.text, "Bad parse.");

  EXPECT_EQ(file->records[3].error, "<Sentence> has no date");
  EXPECT_EQ(file->records[4].error, "<Sentence> has no id; date '19950230' does not exist");
  EXPECT_EQ(file->records[4].category, "");
  EXPECT_EQ(file->records[5].parse_error, "t.xml:49: <Parse> is neither a Penn Treebank tree nor CoNLL-U: '#x'");

  const ReadSummary& s = file->summary;
  EXPECT_EQ(s.documents, 2u);
  std::vector<std::string> skipped;
  for (const SkippedRecord& r : s.skipped) skipped.push_back(r.ToString());
  EXPECT_EQ(skipped, (std::vector<std::string>{
                         "t.xml:39 (id ERROR_02): <Parse> did not convert: t.xml:44: second root (HEAD 0); word 1 is "
                         "already the root: '2\\tparse\\t_\\t_\\t_\\t_\\t0\\troot\\t_\\t_'",
                         "t.xml:47 (id NODATE-01): <Sentence> has no date",
                         "t.xml:48: <Sentence> has no id; date '19950230' does not exist",
                         "t.xml:49 (id ODD-01): <Parse> did not convert: t.xml:49: <Parse> is neither a Penn Treebank "
                         "tree nor CoNLL-U: '#x'",
                     }));
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(s.warnings[0].ToString(), "t.xml:50: <Stop>: the 1 <Sentence> record after it were not read");
}

TEST(PetrarchXmlTest, DocumentsForTheCli) {
  std::vector<Document> docs;
  ReadSummary summary;
  ASSERT_TRUE(ReadPetrarchDocuments(kRecords, "t.xml", [&](Document&& d) { docs.push_back(std::move(d)); }, summary).ok());
  std::vector<std::string> ids;
  for (const Document& d : docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"DEMO-01", "DEMO-02", "ERROR_02", "NODATE-01", "ODD-01"}));
  EXPECT_TRUE(docs[2].tokens.empty());  // delivered unparsed
  EXPECT_EQ(summary.documents, 5u);
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].ToString(), "t.xml:48: <Sentence> has no id; date '19950230' does not exist");
  EXPECT_EQ(summary.warnings.size(), 4u);
}

TEST(PetrarchXmlTest, MalformedXmlNamesTheLine) {
  struct Case {
    std::string xml;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"<Sentences>\n<Sentence id=\"a\">\n<Text>x</Txt>\n</Sentence>\n</Sentences>\n",
       "t.xml:3: not well-formed XML: Start-end tags mismatch"},
      {"<Sentences>\n<Sentence id=\"a\" date=19950101>\n</Sentence>\n</Sentences>\n",
       "t.xml:2: not well-formed XML: Error parsing element attribute"},
      {"", "t.xml:1: not well-formed XML: No document element found"},
  };
  for (const Case& c : cases) {
    Result<PetrarchFile> file = ReadPetrarchXmlFromString(c.xml, "t.xml");
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.status().code(), ErrorCode::kParseError);
    EXPECT_EQ(file.status().message(), c.error);
  }
  Result<PetrarchFile> missing = ReadPetrarchXml("/nonexistent/t.xml");
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
}

TEST(PetrarchXmlTest, PennParseConvertsWhenSyntaxIsBuilt) {
  const char* xml =
      "<Sentences><Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\">\n"
      "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"/>\n"
      "<Text>Arnor restored ties with Gondor.</Text>\n"
      "<Parse>\n(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))\n"
      "</Parse></Sentence></Sentences>\n";
  Result<PetrarchFile> file = ReadPetrarchXmlFromString(xml, "p.xml");
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file->records.size(), 1u);
  const PetrarchRecord& r = file->records[0];
  EXPECT_TRUE(r.has_parse);
  ASSERT_EQ(r.parse_error, "");
  ASSERT_EQ(r.doc.sentences.size(), 1u);
  EXPECT_EQ(r.doc.sentences[0].id, "DEMO-00");
  ASSERT_EQ(r.doc.tokens.size(), 6u);
  EXPECT_EQ(r.doc.tokens[4].form, "Gondor");
  EXPECT_EQ(r.doc.tokens[4].begin, 25u);
  EXPECT_TRUE(r.doc.IsParsed());
}

// Optional: the real PETRARCH files in ../shared.
PetrarchFile ReadShared(const std::string& rel) {
  Result<PetrarchFile> file = ReadPetrarchXml(std::string(PARLEY_SHARED_DIR) + rel);
  EXPECT_TRUE(file.ok()) << file.status().ToString();
  return file.ok() ? std::move(file).value() : PetrarchFile{};
}

bool SharedPresent(const std::string& rel) { return static_cast<bool>(std::ifstream(std::string(PARLEY_SHARED_DIR) + rel)); }

TEST(PetrarchXmlTest, SharedUdUnitTestRecords) {
  const std::string rel = "/data/universal-petrarch/PETR.UnitTest.records.udpipe.xml";
  if (!SharedPresent(rel)) GTEST_SKIP() << rel << " not present";
  PetrarchFile file = ReadShared(rel);
  ASSERT_EQ(file.records.size(), 284u);
  EXPECT_EQ(file.environment.verbfile, "PETR.Validate.verbs.txt");
  EXPECT_EQ(file.summary.documents, 284u);
  for (const SkippedRecord& s : file.summary.skipped) ADD_FAILURE() << s.ToString();
  size_t noevents = 0, unaligned = 0;
  for (const PetrarchRecord& r : file.records) {
    EXPECT_TRUE(r.has_parse);
    EXPECT_EQ(r.doc.sentences.size(), 1u) << r.doc.id;
    EXPECT_FALSE(r.category.empty());
    noevents += r.expects_no_events;
    for (const Token& t : r.doc.tokens) unaligned += t.begin == t.end;
  }
  EXPECT_EQ(file.records[0].doc.id, "DEMO_00");
  EXPECT_EQ(file.records[0].category, "DEMO");
  EXPECT_EQ(noevents, 19u);
  EXPECT_LT(unaligned, 50u);
}

TEST(PetrarchXmlTest, SharedPennUnitTestRecords) {
  const std::string rel = "/data/petrarch2/PETR.UnitTest.records.xml";
  if (!SharedPresent(rel)) GTEST_SKIP() << rel << " not present";
  PetrarchFile file = ReadShared(rel);
  ASSERT_EQ(file.records.size(), 284u);
  EXPECT_EQ(file.environment.include.size(), 12u);
  // Config changes between sentences are tracked in order.
  std::map<std::string, std::string> last = file.records.back().config;
  EXPECT_EQ(last.at("require_dyad"), "true");
  EXPECT_EQ(last.at("comma_max"), "8");
  size_t noevents = 0, with_error = 0, expected = 0;
  for (const PetrarchRecord& r : file.records) {
    EXPECT_TRUE(r.has_parse);
    EXPECT_EQ(r.error, "") << r.doc.id;
    noevents += r.expects_no_events;
    with_error += !r.expected_error.empty();
    expected += r.expected.size();
  }
  EXPECT_EQ(noevents, 19u);
  EXPECT_EQ(with_error, 7u);
  EXPECT_EQ(expected, 359u);
  size_t failed = 0;
  for (const PetrarchRecord& r : file.records)
    if (!r.parse_error.empty()) ++failed;
  EXPECT_LE(failed, 2u);  // ERROR-02 and ERROR-03 have deliberately unbalanced trees
  EXPECT_EQ(file.summary.documents + file.summary.skipped.size(), 284u);
}

TEST(PetrarchXmlTest, SharedGigaWordSample) {
  const std::string rel = "/data/petrarch2/GigaWord.sample.PETR.xml";
  if (!SharedPresent(rel)) GTEST_SKIP() << rel << " not present";
  PetrarchFile file = ReadShared(rel);
  ASSERT_EQ(file.records.size(), 76u);
  for (const PetrarchRecord& r : file.records) {
    EXPECT_EQ(r.error, "") << r.doc.id;
    EXPECT_FALSE(r.category.empty());
    EXPECT_TRUE(r.has_parse);
  }
  EXPECT_EQ(file.records[0].category, "AFP");
  // TEST_1..TEST_9 have an empty <Text>: their text is rebuilt from the tree's words.
  EXPECT_EQ(file.summary.documents, 76u);
  for (const SkippedRecord& s : file.summary.skipped) ADD_FAILURE() << s.ToString();
  for (const PetrarchRecord& r : file.records) EXPECT_FALSE(r.doc.text.empty()) << r.doc.id;
}

}  // namespace
}  // namespace parley::io

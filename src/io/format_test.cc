#include "io/format.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

namespace parley::io {
namespace {

TEST(FormatTest, ParsesFormatNames) {
  EXPECT_EQ(*ParseFormatName("jsonl"), InputFormat::kJsonLines);
  EXPECT_EQ(*ParseFormatName("text"), InputFormat::kText);
  EXPECT_EQ(*ParseFormatName("petrarch"), InputFormat::kPetrarchXml);
  EXPECT_EQ(*ParseFormatName("CoNLLU"), InputFormat::kConllu);
  Result<InputFormat> bad = ParseFormatName("yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "unknown input format 'yaml'; expected jsonl, text, petrarch or conllu");
  for (InputFormat f : {InputFormat::kJsonLines, InputFormat::kText, InputFormat::kPetrarchXml, InputFormat::kConllu})
    EXPECT_EQ(*ParseFormatName(FormatName(f)), f);
}

TEST(FormatTest, DetectsByExtensionThenContent) {
  struct Case {
    std::string path;
    std::string head;
    InputFormat want;
  };
  const std::vector<Case> cases = {
      {"a/news.jsonl", "", InputFormat::kJsonLines},
      {"news.NDJSON", "", InputFormat::kJsonLines},
      {"story.txt", "{ looks like json }", InputFormat::kText},
      {"records.xml", "", InputFormat::kPetrarchXml},
      {"en.conllu", "", InputFormat::kConllu},
      {"-", "\xEF\xBB\xBF  {\"id\": 1}", InputFormat::kJsonLines},
      {"input", "<!-- c -->\n<Sentences>\n<Sentence id=\"x\">", InputFormat::kPetrarchXml},
      {"input", "<html><body>hi</body></html>", InputFormat::kText},
      {"input", "# newdoc id = d\n# sent_id = 1\n1\tA\t_", InputFormat::kConllu},
      {"input", "# sent_id = 1\n", InputFormat::kConllu},
      {"input", "1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n", InputFormat::kConllu},
      {"input", "# A Markdown Heading\n\nSome words.", InputFormat::kText},
      {"input", "Israel and Hamas agreed.", InputFormat::kText},
      {"input", "", InputFormat::kText},
  };
  for (const Case& c : cases) EXPECT_EQ(DetectFormat(c.path, c.head), c.want) << c.path << " " << c.head;
}

class ReadDocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley_io_format_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::vector<Document> ReadAll(const std::string& path, std::optional<InputFormat> format, ReadSummary& summary,
                                const ReadOptions& options = {}) {
    std::vector<Document> docs;
    Status s = ReadDocuments(path, format, options, [&](Document&& d) { docs.push_back(std::move(d)); }, summary);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return docs;
  }

  std::filesystem::path dir_;
};

TEST_F(ReadDocumentsTest, EachFormat) {
  ReadSummary summary;
  auto docs = ReadAll(Write("a.jsonl", "{\"id\": \"j\", \"text\": \"t\"}\nnot json\n"), std::nullopt, summary);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "j");
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].where, (dir_ / "a.jsonl").string() + ":2");

  summary = {};
  docs = ReadAll(Write("story.txt", "Plain words."), std::nullopt, summary, ReadOptions{"", Date{2024, 1, 2}});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "story");
  EXPECT_EQ(docs[0].date.ToInt(), 20240102);

  summary = {};
  docs = ReadAll(Write("s.conllu", "# newdoc id = c\n1\tHi\t_\t_\t_\t_\t0\troot\t_\t_\n"), std::nullopt, summary);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "c");
  EXPECT_EQ(docs[0].text, "Hi");

  summary = {};
  docs = ReadAll(Write("r.xml", "<Sentences><Sentence id=\"R-1\" date=\"20240102\"><Text> A  b </Text></Sentence>"
                                "<Sentence date=\"20240102\"><Text>no id</Text></Sentence></Sentences>"),
                 std::nullopt, summary);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "R-1");
  EXPECT_EQ(docs[0].text, "A b");
  EXPECT_EQ(summary.documents, 1u);
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped[0].reason, "<Sentence> has no id");

  // Content sniffing when the extension says nothing; an explicit format wins.
  summary = {};
  docs = ReadAll(Write("noext", "{\"id\": \"k\", \"text\": \"t\"}\n"), std::nullopt, summary);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "k");
  summary = {};
  docs = ReadAll(Write("noext2", "{\"id\": \"k\"}"), InputFormat::kText, summary);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "{\"id\": \"k\"}");
}

TEST_F(ReadDocumentsTest, Failures) {
  ReadSummary summary;
  Status s = ReadDocuments((dir_ / "missing.jsonl").string(), std::nullopt, [](Document&&) {}, summary);
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  s = ReadDocuments(Write("bad.xml", "<Sentences>\n<Sentence>\n</Sentences>\n"), std::nullopt, [](Document&&) {},
                    summary);
  EXPECT_EQ(s.code(), ErrorCode::kParseError);
  EXPECT_EQ(s.message(), (dir_ / "bad.xml").string() + ":3: not well-formed XML: Start-end tags mismatch");
  s = ReadDocuments(dir_.string(), std::nullopt, [](Document&&) {}, summary);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace parley::io

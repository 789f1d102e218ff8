#include "io/jsonl_reader.h"

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

Collected Read(std::string_view content, const std::string& name = "in.jsonl") {
  Collected c;
  Status s = ReadJsonLines(content, name, [&](Document&& d) { c.docs.push_back(std::move(d)); }, c.summary);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return c;
}

TEST(JsonLinesTest, ReadsAllFields) {
  Collected c = Read(
      R"({"id": "a1", "date": "2024-07-05", "title": "Talks", "text": "Israel and Hamas met.", "url": "http://x/1", "extra": [1, 2]})"
      "\n");
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& d = c.docs[0];
  EXPECT_EQ(d.id, "a1");
  EXPECT_EQ(d.date.ToIso(), "2024-07-05");
  EXPECT_EQ(d.title, "Talks");
  EXPECT_EQ(d.text, "Israel and Hamas met.");
  EXPECT_EQ(d.url, "http://x/1");
  EXPECT_TRUE(d.tokens.empty());
  EXPECT_TRUE(d.sentences.empty());
  EXPECT_EQ(c.summary.documents, 1u);
  EXPECT_TRUE(c.summary.skipped.empty());
}

TEST(JsonLinesTest, AcceptsNumbersCompactDatesNullsBlankLinesAndCrlf) {
  Collected c = Read(
      "\xEF\xBB\xBF{\"id\": 17, \"date\": \"20240705\", \"text\": \"x\", \"title\": null}\r\n"
      "\n   \n"
      "{\"id\": \"b\", \"date\": 20240229, \"text\": \"\"}\r\n"
      "{\"id\": \"c\", \"date\": null, \"text\": \"y\"}");  // no final newline
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].id, "17");
  EXPECT_EQ(c.docs[0].date.ToInt(), 20240705);
  EXPECT_EQ(c.docs[0].title, "");
  EXPECT_EQ(c.docs[1].date.ToInt(), 20240229);
  EXPECT_EQ(c.docs[1].text, "");
  EXPECT_FALSE(c.docs[2].date.known());
  EXPECT_TRUE(c.summary.skipped.empty());
}

TEST(JsonLinesTest, KeepsUnicodeAndEscapes) {
  Collected c = Read(R"({"id": "u", "text": "\u201cdoes not mean\u201d \"quoted\" \\ caf\u00e9 — ok\n"})");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "\xE2\x80\x9C" "does not mean" "\xE2\x80\x9D \"quoted\" \\ caf\xC3\xA9 \xE2\x80\x94 ok\n");
}

// Each bad line is skipped with "in.jsonl:LINE" and the exact reason; good
// lines around it are still read.
TEST(JsonLinesTest, BadLinesAreSkippedWithTheirReason) {
  struct Case {
    std::string line;
    std::string error;  // "where: reason"
  };
  const std::vector<Case> cases = {
      {R"({"id": "x", "text": })",
       "in.jsonl:2: invalid JSON: The JSON document has an improper structure: missing or superfluous commas, "
       "braces, missing keys, etc."},
      {R"({"id": "x", "text": "unterminated)", "in.jsonl:2: invalid JSON: A string is opened, but never closed."},
      {R"(["id", "text"])", "in.jsonl:2: expected a JSON object, got an array"},
      {R"({"text": "no id"})", "in.jsonl:2: missing \"id\""},
      {R"({"id": "x"})", "in.jsonl:2: missing \"text\" (id x)"},
      {R"({"id": "", "text": "t"})", "in.jsonl:2: \"id\" is empty"},
      {R"({"id": ["x"], "text": "t"})", "in.jsonl:2: \"id\" must be a string or number, got an array"},
      {R"({"id": "x", "text": 5})", "in.jsonl:2: \"text\" must be a string, got a number"},
      {R"({"id": "x", "text": "t", "title": {}})", "in.jsonl:2: \"title\" must be a string, got an object"},
      {R"({"id": "x", "text": "t", "url": true})", "in.jsonl:2: \"url\" must be a string, got a boolean"},
      {R"({"id": "x", "date": "2024-13-01", "text": "t"})", "in.jsonl:2: \"date\" 2024-13-01 does not exist"},
      {R"({"id": "x", "date": "2023-02-29", "text": "t"})", "in.jsonl:2: \"date\" 2023-02-29 does not exist"},
      {R"({"id": "x", "date": "July 4", "text": "t"})", "in.jsonl:2: \"date\" 'July 4' is not YYYY-MM-DD or YYYYMMDD"},
      {R"({"id": "x", "date": "240705", "text": "t"})", "in.jsonl:2: \"date\" '240705' is not YYYY-MM-DD or YYYYMMDD"},
      {R"({"id": "x", "date": [2024], "text": "t"})", "in.jsonl:2: \"date\" must be a string, got an array"},
      {R"({"id": "x", "text": "t", "text": "u"})", "in.jsonl:2: \"text\" appears twice"},
      {"{\"id\": \"x\", \"text\": \"bad \xFF byte\"}",
       "in.jsonl:2: invalid JSON: The input is not valid UTF-8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    Collected got = Read("{\"id\": \"before\", \"text\": \"a\"}\n" + c.line + "\n{\"id\": \"after\", \"text\": \"b\"}\n");
    ASSERT_EQ(got.docs.size(), 2u);
    EXPECT_EQ(got.docs[0].id, "before");
    EXPECT_EQ(got.docs[1].id, "after");
    EXPECT_EQ(got.summary.documents, 2u);
    ASSERT_EQ(got.summary.skipped.size(), 1u);
    EXPECT_EQ(got.summary.skipped[0].ToString(), c.error);
  }
}

TEST(JsonLinesTest, DuplicateIdKeepsTheFirst) {
  Collected c = Read(
      "{\"id\": \"a\", \"text\": \"first\"}\n"
      "{\"id\": \"b\", \"text\": \"other\"}\n"
      "\n"
      "{\"id\": \"a\", \"text\": \"second\"}\n");
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].text, "first");
  ASSERT_EQ(c.summary.skipped.size(), 1u);
  EXPECT_EQ(c.summary.skipped[0].ToString(), "in.jsonl:4: duplicate id 'a' (first on line 1); this one skipped");
}

TEST(JsonLinesTest, EveryLineIsAccountedFor) {
  std::string content;
  for (int i = 0; i < 50; ++i) {
    if (i % 7 == 3)
      content += "{broken\n";
    else
      content += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"t\"}\n";
  }
  Collected c = Read(content);
  EXPECT_EQ(c.summary.documents + c.summary.skipped.size(), 50u);
  EXPECT_EQ(c.summary.skipped.size(), 7u);
  EXPECT_EQ(c.summary.skipped[0].where, "in.jsonl:4");
}

TEST(JsonLinesTest, LongLine) {
  std::string text(3 << 20, 'w');
  Collected c = Read("{\"id\": \"long\", \"text\": \"" + text + "\"}\n");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text.size(), text.size());
}

TEST(JsonLinesTest, MissingFileFails) {
  ReadSummary summary;
  Status s = ReadJsonLinesFile("/nonexistent/in.jsonl", [](Document&&) {}, summary);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  EXPECT_EQ(s.message(), "cannot read /nonexistent/in.jsonl: no such file");
}

TEST(JsonLinesTest, SharedExamplesRead) {
  for (const char* rel : {"/examples/ceasefire-talks-2024-07-05.jsonl", "/bench/gum-news.jsonl"}) {
    std::string path = std::string(PARLEY_SHARED_DIR) + rel;
    if (!std::ifstream(path)) GTEST_SKIP() << path << " not present";
    std::vector<Document> docs;
    ReadSummary summary;
    ASSERT_TRUE(ReadJsonLinesFile(path, [&](Document&& d) { docs.push_back(std::move(d)); }, summary).ok());
    if (!summary.skipped.empty()) ADD_FAILURE() << summary.skipped[0].ToString();
    ASSERT_FALSE(docs.empty());
    EXPECT_TRUE(docs[0].date.known());
    EXPECT_FALSE(docs[0].text.empty());
    if (std::string(rel).find("gum") != std::string::npos) {
      EXPECT_EQ(docs.size(), 24u);
    }
  }
}

}  // namespace
}  // namespace parley::io

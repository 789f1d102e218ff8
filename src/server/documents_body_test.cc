#include "server/documents_body.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

struct Read {
  Status status;
  std::vector<Document> docs;
  io::ReadSummary summary;
};

Read ReadBody(std::string_view body) {
  Read r;
  r.status = ReadDocumentsBody(body, [&](Document&& d) { r.docs.push_back(std::move(d)); }, r.summary);
  return r;
}

TEST(DocumentsBodyTest, JsonLines) {
  Read r = ReadBody(
      "{\"id\":\"a\",\"date\":\"2024-07-05\",\"title\":\"T\",\"text\":\"Body.\",\"url\":\"http://x\"}\n"
      "\n"
      "{\"id\":\"b\",\"text\":\"Other.\"}\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].id, "a");
  EXPECT_EQ(r.docs[0].date.ToIso(), "2024-07-05");
  EXPECT_EQ(r.docs[0].title, "T");
  EXPECT_EQ(r.docs[0].url, "http://x");
  EXPECT_EQ(r.docs[1].text, "Other.");
  EXPECT_TRUE(r.summary.skipped.empty());
}

TEST(DocumentsBodyTest, ArrayElementsAreNumberedLikeLines) {
  Read r = ReadBody(
      "  [{\"id\":\"a\",\"text\":\"Line one.\\nLine two.\"},\n"
      "   {\"id\":\"b\"},\n"
      "   {\"id\":\"c\",\"date\":\"2024-13-01\",\"text\":\"x\"},\n"
      "   {\"id\":\"a\",\"text\":\"again\"}, 5, {\"id\":7,\"text\":\"seven\"}]");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "Line one.\nLine two.");
  EXPECT_EQ(r.docs[1].id, "7");
  ASSERT_EQ(r.summary.skipped.size(), 4u);
  EXPECT_EQ(r.summary.skipped[0].ToString(), "request:2: missing \"text\" (id b)");
  EXPECT_EQ(r.summary.skipped[1].ToString(), "request:3: \"date\" 2024-13-01 does not exist");
  EXPECT_EQ(r.summary.skipped[2].where, "request:4");
  EXPECT_EQ(r.summary.skipped[3].ToString(), "request:5: expected a JSON object, got a number");
}

TEST(DocumentsBodyTest, BadBodies) {
  EXPECT_EQ(ReadBody("").status.message(), "empty body: send JSON Lines documents or a JSON array of them");
  EXPECT_EQ(ReadBody(" \n ").status.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ReadBody("[]").status.message(), "empty array: no documents");
  Read truncated = ReadBody("[{\"id\":\"a\",\"text\":\"x\"}");
  EXPECT_EQ(truncated.status.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(truncated.status.message().find("body is not a valid JSON array"), std::string::npos);
  EXPECT_TRUE(truncated.docs.empty());
  // JSON Lines: a bad line costs only itself.
  Read lines = ReadBody("not json\n{\"id\":\"a\",\"text\":\"x\"}\n");
  EXPECT_TRUE(lines.status.ok());
  EXPECT_EQ(lines.docs.size(), 1u);
  ASSERT_EQ(lines.summary.skipped.size(), 1u);
  EXPECT_EQ(lines.summary.skipped[0].where, "request:1");
}

}  // namespace
}  // namespace parley::server

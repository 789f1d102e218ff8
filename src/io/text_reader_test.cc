#include "io/text_reader.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace parley::io {
namespace {

TEST(TextReaderTest, WholeFileIsOneDocumentNamedAfterTheStem) {
  std::vector<Document> docs;
  ReadSummary summary;
  ASSERT_TRUE(ReadText("\xEF\xBB\xBFLine one.\nLine two.\n", "news/2024/report.txt", TextOptions{},
                       [&](Document&& d) { docs.push_back(std::move(d)); }, summary)
                  .ok());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "report");
  EXPECT_EQ(docs[0].text, "Line one.\nLine two.\n");
  EXPECT_FALSE(docs[0].date.known());
  EXPECT_TRUE(docs[0].title.empty());
  EXPECT_EQ(summary.documents, 1u);
}

TEST(TextReaderTest, IdAndDateFromOptions) {
  std::vector<Document> docs;
  ReadSummary summary;
  TextOptions options{"doc-7", Date{2024, 7, 5}};
  ASSERT_TRUE(ReadText("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80", "x.txt", options,
                       [&](Document&& d) { docs.push_back(std::move(d)); }, summary)
                  .ok());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "doc-7");
  EXPECT_EQ(docs[0].date.ToIso(), "2024-07-05");
}

TEST(TextReaderTest, InvalidUtf8IsReportedWithLineAndByteOffset) {
  struct Case {
    std::string content;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"ok\nbad \xFF here", "x.txt:2: invalid UTF-8 at byte offset 7 (bytes FF 20 68 65)"},
      {"\xC0\x80", "x.txt:1: invalid UTF-8 at byte offset 0 (bytes C0 80)"},               // overlong
      {"ab\xED\xA0\x80", "x.txt:1: invalid UTF-8 at byte offset 2 (bytes ED A0 80)"},      // surrogate
      {"abc\xE2\x82", "x.txt:1: invalid UTF-8 at byte offset 3 (bytes E2 82)"},           // truncated
      {"\xF4\x90\x80\x80", "x.txt:1: invalid UTF-8 at byte offset 0 (bytes F4 90 80 80)"},  // > U+10FFFF
      {"\xEF\xBB\xBF\n\n\x80", "x.txt:3: invalid UTF-8 at byte offset 5 (bytes 80)"},      // after a BOM
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.error);
    ReadSummary summary;
    int delivered = 0;
    ASSERT_TRUE(ReadText(c.content, "x.txt", TextOptions{}, [&](Document&&) { ++delivered; }, summary).ok());
    EXPECT_EQ(delivered, 0);
    EXPECT_EQ(summary.documents, 0u);
    ASSERT_EQ(summary.skipped.size(), 1u);
    EXPECT_EQ(summary.skipped[0].ToString(), c.error);
  }
}

TEST(TextReaderTest, MissingFileFails) {
  ReadSummary summary;
  Status s = ReadTextFile("/nonexistent/x.txt", TextOptions{}, [](Document&&) {}, summary);
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace parley::io

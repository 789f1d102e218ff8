#include "io/event_writer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

namespace parley::io {
namespace {

Event SampleEvent() {
  Event e;
  e.doc_id = "seed-2024-07-05";
  e.sentence_id = "DEMO-01";
  e.sentence = 2;
  e.date = Date{2024, 7, 4};
  e.source = {"USAGOV", "U.S. President Biden", 3, 5};
  e.target = {"ISRGOV", "Prime Minister Benjamin Netanyahu", 10, 13};
  e.event = {"040", "held a phone conversation", 6, 9};
  e.pattern = "CAMEO.2.0.txt:1203";
  e.issues = {"CEASEFIRE", "HOSTAGES"};
  return e;
}

TEST(EventWriterTest, WritesOneLine) {
  std::string out;
  AppendEventJson(SampleEvent(), out);
  EXPECT_EQ(out,
            "{\"doc_id\":\"seed-2024-07-05\",\"sentence\":2,\"sentence_id\":\"DEMO-01\",\"date\":\"2024-07-04\","
            "\"source\":{\"code\":\"USAGOV\",\"text\":\"U.S. President Biden\",\"tokens\":[3,5],"
            "\"country\":\"\",\"sectors\":\"\",\"known_group\":\"\"},"
            "\"target\":{\"code\":\"ISRGOV\",\"text\":\"Prime Minister Benjamin Netanyahu\",\"tokens\":[10,13],"
            "\"country\":\"\",\"sectors\":\"\",\"known_group\":\"\"},"
            "\"event\":{\"code\":\"040\",\"text\":\"held a phone conversation\",\"tokens\":[6,9]},"
            "\"pattern\":\"CAMEO.2.0.txt:1203\",\"issues\":[\"CEASEFIRE\",\"HOSTAGES\"],"
            "\"root\":\"\",\"label\":\"\",\"quad_class\":null,\"goldstein\":null,"
            "\"plover\":{\"type\":\"\",\"mode\":\"\",\"context\":\"\"},"
            "\"event_date\":null,\"date_precision\":\"document\",\"date_text\":\"\","
            "\"headline_mismatch\":false,\"num_mentions\":1,\"num_sources\":1,\"num_articles\":1,"
            "\"documents\":[\"seed-2024-07-05\"],\"location\":null}\n");
}

TEST(EventWriterTest, TitleEventWithoutIdDateOrTokens) {
  Event e;
  e.doc_id = "t";
  e.sentence = -1;
  e.event.code = "190";
  std::string out;
  AppendEventJson(e, out);
  EXPECT_EQ(out,
            "{\"doc_id\":\"t\",\"sentence\":-1,\"date\":null,"
            "\"source\":{\"code\":\"\",\"text\":\"\",\"country\":\"\",\"sectors\":\"\",\"known_group\":\"\"},"
            "\"target\":{\"code\":\"\",\"text\":\"\",\"country\":\"\",\"sectors\":\"\",\"known_group\":\"\"},"
            "\"event\":{\"code\":\"190\",\"text\":\"\"},\"pattern\":\"\",\"issues\":[],"
            "\"root\":\"\",\"label\":\"\",\"quad_class\":null,\"goldstein\":null,"
            "\"plover\":{\"type\":\"\",\"mode\":\"\",\"context\":\"\"},"
            "\"event_date\":null,\"date_precision\":\"document\",\"date_text\":\"\","
            "\"headline_mismatch\":false,\"num_mentions\":1,\"num_sources\":1,\"num_articles\":1,"
            "\"documents\":[\"t\"],\"location\":null}\n");
}

TEST(EventWriterTest, EscapesStrings) {
  struct Case {
    std::string in;
    std::string json;
  };
  const std::vector<Case> cases = {
      {"plain", "\"plain\""},
      {"say \"no\"", "\"say \\\"no\\\"\""},
      {"a\\b", "\"a\\\\b\""},
      {"line\nbreak\ttab\rcr", "\"line\\nbreak\\ttab\\rcr\""},
      {std::string("nul\0x", 5), "\"nul\\u0000x\""},
      {"\x01\x1f\b\f\x7f", "\"\\u0001\\u001f\\b\\f\x7f\""},
      {"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80", "\"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80\""},
      {"bad\xFF" "byte", "\"bad\xEF\xBF\xBD" "byte\""},
      {"</script>", "\"</script>\""},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendJsonString(c.in, out);
    EXPECT_EQ(out, c.json) << c.in;
  }
}

// Whatever the strings hold, simdjson reads back exactly what was written
// (invalid UTF-8 aside, which becomes U+FFFD).
TEST(EventWriterTest, OutputParsesBackWithSimdjson) {
  Event e = SampleEvent();
  std::string nasty;
  for (int c = 1; c < 0x80; ++c) nasty += static_cast<char>(c);
  nasty += "\xE2\x80\xA8 \xC3\xA9";
  e.source.text = nasty;
  e.doc_id = "id \"with\" quotes\\";
  e.issues.push_back("tab\there");
  std::string out;
  AppendEventJson(e, out);
  AppendEventJson(SampleEvent(), out);
  ASSERT_EQ(out.back(), '\n');

  simdjson::dom::parser parser;
  size_t lines = 0;
  size_t start = 0;
  while (start < out.size()) {
    size_t nl = out.find('\n', start);
    std::string_view line(out.data() + start, nl - start);
    start = nl + 1;
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(line.data(), line.size()).get(doc), simdjson::SUCCESS) << line;
    std::string_view doc_id, source_text, issue, date, event_code;
    int64_t sentence = 0, first = 0;
    ASSERT_EQ(doc["doc_id"].get(doc_id), simdjson::SUCCESS);
    ASSERT_EQ(doc["sentence"].get(sentence), simdjson::SUCCESS);
    ASSERT_EQ(doc["date"].get(date), simdjson::SUCCESS);
    ASSERT_EQ(doc["source"]["text"].get(source_text), simdjson::SUCCESS);
    ASSERT_EQ(doc["source"]["tokens"].at(0).get(first), simdjson::SUCCESS);
    ASSERT_EQ(doc["event"]["code"].get(event_code), simdjson::SUCCESS);
    ASSERT_EQ(doc["issues"].at(lines == 0 ? 2 : 1).get(issue), simdjson::SUCCESS);
    EXPECT_EQ(sentence, 2);
    EXPECT_EQ(date, "2024-07-04");
    EXPECT_EQ(first, 3);
    EXPECT_EQ(event_code, "040");
    if (lines == 0) {
      EXPECT_EQ(doc_id, e.doc_id);
      EXPECT_EQ(source_text, nasty);
      EXPECT_EQ(issue, "tab\there");
    } else {
      EXPECT_EQ(issue, "HOSTAGES");
    }
    ++lines;
  }
  EXPECT_EQ(lines, 2u);
}

}  // namespace
}  // namespace parley::io

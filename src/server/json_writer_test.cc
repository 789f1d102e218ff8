#include "server/json_writer.h"

#include <cmath>

#include <gtest/gtest.h>

#include "parley/document.h"

namespace parley::server {
namespace {

TEST(JsonWriterTest, PlacesCommasAndEscapes) {
  JsonWriter w;
  w.BeginObject()
      .Field("a", 1)
      .Field("s", "x\"y\n")
      .Key("list")
      .BeginArray()
      .Int(1)
      .Double(2.5)
      .Null()
      .Bool(true)
      .BeginObject()
      .EndObject()
      .BeginArray()
      .EndArray()
      .EndArray()
      .Field("g", -10.0)
      .Key("nan")
      .Double(std::nan(""))
      .Key("raw")
      .Raw("{\"k\":[]}")
      .EndObject();
  EXPECT_EQ(w.str(),
            "{\"a\":1,\"s\":\"x\\\"y\\n\",\"list\":[1,2.5,null,true,{},[]],\"g\":-10,\"nan\":null,"
            "\"raw\":{\"k\":[]}}");
  EXPECT_EQ(ErrorJson("from: not a date: 2024-13-01"), "{\"error\":\"from: not a date: 2024-13-01\"}");
}

TEST(JsonWriterTest, EventGetsItsSentence) {
  Document doc;
  doc.title = "Talks resume";
  doc.text = "First sentence. Second one here.";
  doc.sentences.push_back({0, 0, 0, 12, TextField::kTitle, -1, ""});
  doc.sentences.push_back({0, 0, 0, 15, TextField::kBody, 0, ""});
  doc.sentences.push_back({0, 0, 16, 32, TextField::kBody, 1, ""});
  Event e;
  e.doc_id = "d1";
  e.sentence = 1;
  EXPECT_EQ(SentenceText(doc, e), "Second one here.");
  e.sentence = -1;
  EXPECT_EQ(SentenceText(doc, e), "Talks resume");
  e.sentence = 5;
  EXPECT_EQ(SentenceText(doc, e), "");

  JsonWriter w;
  w.BeginArray();
  AppendEventWithSentence(e, "Say \"hi\".", w);
  w.EndArray();
  const std::string& json = w.str();
  EXPECT_EQ(json.rfind("[{\"doc_id\":\"d1\",", 0), 0u) << json;
  EXPECT_NE(json.find(",\"sentence_text\":\"Say \\\"hi\\\".\"}]"), std::string::npos) << json;
  EXPECT_EQ(json.find('\n'), std::string::npos);
}

}  // namespace
}  // namespace parley::server

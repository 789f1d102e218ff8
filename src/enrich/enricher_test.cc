#include "enrich/enricher.h"

#include <gtest/gtest.h>

namespace parley::enrich {
namespace {

// "Israel struck Gaza on Thursday", dated Friday 2024-07-05.
Document StrikeDocument() {
  Document doc;
  doc.id = "d";
  doc.date = Date{2024, 7, 5};
  doc.text = "Israel struck Gaza on Thursday";
  struct Row {
    const char* form;
    const char* xpos;
    int head;
    const char* deprel;
  };
  const Row rows[] = {{"Israel", "NNP", 2, "nsubj"},
                      {"struck", "VBD", 0, "root"},
                      {"Gaza", "NNP", 2, "obj"},
                      {"on", "IN", 5, "case"},
                      {"Thursday", "NNP", 2, "obl"}};
  uint32_t offset = 0;
  for (const Row& r : rows) {
    Token t;
    t.form = r.form;
    t.xpos = r.xpos;
    t.head = r.head;
    t.deprel = r.deprel;
    t.begin = offset;
    t.end = offset + static_cast<uint32_t>(t.form.size());
    offset = t.end + 1;
    doc.tokens.push_back(t);
  }
  Sentence s;
  s.token_count = 5;
  s.end = static_cast<uint32_t>(doc.text.size());
  doc.sentences.push_back(s);
  return doc;
}

TEST(EnricherTest, AddsMetadataAndTheEventsOwnDate) {
  Document doc = StrikeDocument();
  Event e;
  e.doc_id = "d";
  e.sentence = 0;
  e.date = doc.date;
  e.source = CodedSpan{"ISRMIL", "Israel", 0, 0};
  e.target = CodedSpan{"PSE", "Gaza", 2, 2};
  e.event = CodedSpan{"195", "struck", 1, 1};
  std::vector<Event> events{e};
  EnrichEvents(doc, events);
  const EventMetadata& m = events[0].meta;
  EXPECT_EQ(m.root_code, "19");
  EXPECT_EQ(m.quad_class, 4);
  EXPECT_TRUE(m.has_goldstein);
  EXPECT_FALSE(m.plover_type.empty());
  EXPECT_EQ(m.source.country, "ISR");
  EXPECT_EQ(m.source.sectors, "MIL");
  EXPECT_EQ(m.event_date, (Date{2024, 7, 4}));
  EXPECT_EQ(m.date_precision, DatePrecision::kDay);
  EXPECT_EQ(m.date_text, "on Thursday");
}

TEST(EnricherTest, EventWithoutTokensTakesTheDocumentDate) {
  Document doc = StrikeDocument();
  Event e;
  e.sentence = 0;
  e.event.code = "040";
  std::vector<Event> events{e};
  EnrichEvents(doc, events);
  EXPECT_EQ(events[0].meta.event_date, doc.date);
  EXPECT_EQ(events[0].meta.date_precision, DatePrecision::kDocument);
  EXPECT_EQ(events[0].meta.quad_class, 1);
}

}  // namespace
}  // namespace parley::enrich

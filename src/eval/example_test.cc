// Regression test for the bundled example: examples/ceasefire-2025.conllu coded
// with examples/dictionaries/ must give exactly the events scripts/demo.sh shows.
// Needs nothing outside the repository.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "coder/coder.h"
#include "io/conllu.h"
#include "lexicon/lexicon.h"
#include "parley/document.h"
#include "parley/event.h"

namespace parley::eval {
namespace {

using Triple = std::tuple<std::string, std::string, std::string>;  // source, target, code

std::string Example(const std::string& rel) {
  return std::string(PARLEY_SOURCE_DIR) + "/examples/" + rel;
}

TEST(BundledExample, CeasefireArticleCodesFourEvents) {
  std::vector<Document> docs;
  io::ReadSummary summary;
  Status read = io::ReadConlluFile(
      Example("ceasefire-2025.conllu"), [&](Document&& d) { docs.push_back(std::move(d)); },
      summary);
  ASSERT_TRUE(read.ok()) << read.ToString();
  for (const io::SkippedRecord& s : summary.skipped) ADD_FAILURE() << s.ToString();
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.id, "parley-example-2025-01-14");
  EXPECT_EQ(doc.date.ToIso(), "2025-01-14");
  ASSERT_EQ(doc.sentences.size(), 4u);
  ASSERT_TRUE(doc.IsParsed());

  lexicon::LexiconPaths paths;
  paths.verbs = {Example("dictionaries/verbs.txt")};
  paths.actors = {Example("dictionaries/actors.txt")};
  paths.agents = {Example("dictionaries/agents.txt")};
  paths.discards = {Example("dictionaries/discards.txt")};
  auto lexicon = lexicon::Lexicon::Load(paths);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  for (const std::string& w : (*lexicon)->warnings()) ADD_FAILURE() << "dictionary warning: " << w;

  coder::Coder coder(lexicon.value());
  std::vector<Event> events;
  EXPECT_EQ(coder.CodeDocument(doc, events), 4u);

  std::set<Triple> coded;
  for (const Event& e : events) {
    coded.insert({e.source.code, e.target.code, e.event.code});
    EXPECT_EQ(e.doc_id, "parley-example-2025-01-14");
    EXPECT_EQ(e.date.ToIso(), "2025-01-14");
  }
  const std::set<Triple> expected = {
      {"QATGOV", "PSEHMS", "040"},  // 1: Qatari mediators met Hamas negotiators
      {"EGYGOV", "ISR", "020"},     // 2: Egyptian officials urged Israel
      {"PSEHMS", "ISR", "120"},     // 3: Hamas rejected an Israeli proposal
      {"ISRMIL", "PSE", "190"},     // 4: Israeli jets struck Khan Younis
  };
  EXPECT_EQ(coded, expected);
  EXPECT_EQ(events.size(), expected.size());  // no duplicates either
}

}  // namespace
}  // namespace parley::eval

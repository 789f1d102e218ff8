// The bundled raw-text example (examples/sudan-talks-2025.jsonl) through the
// whole pipeline with Parley's own model and dictionaries, scored against its
// hand-coded events (examples/sudan-talks-2025.expected.tsv). Needs nothing
// outside the repository.
#include <gtest/gtest.h>

#include <cstdio>

#include "coder/coder.h"
#include "eval/event_eval.h"
#include "io/jsonl_reader.h"
#include "pipeline/analyze.h"
#include "pipeline/document_coder.h"

namespace parley::eval {
namespace {

// Regression floors on (source country, target country, CAMEO root). First
// set at 0.60 / 0.60 when the figures were 0.714 / 0.750, then 0.72 / 0.85 at
// 0.792 / 0.950; the word-cluster model gave 0.857 / 0.900 and precision's
// floor rose to 0.80. The supertag model (better on the treebanks: EWT test
// UAS +0.65, GUM news +1.35) gives 0.750 / 0.900: it reads "Saudi Arabia and
// Switzerland are co-hosting the talks, and Egypt, the United Arab Emirates,
// ... are attending" as "the talks and Egypt" (four false "co-hosting"
// events, with each of three training seeds); the rest is as before.
// Precision's floor fell to 0.68, the one time a floor has fallen. The model
// trained on EWT train and dev (2026-12-05; EWT test UAS +0.2, GUM news
// +0.35, PETRARCH records +5 exact) gives 0.704 / 0.950 (exact 0.500 /
// 0.652, up from 0.483 / 0.609). The model with three parsers averaged and
// supertag landmarks (2026-12-06; EWT test UAS +0.28, GUM news +0.55) gives
// 0.704 / 0.950 again, exact 0.533 / 0.696. With what one party accuses
// another of no longer coded as done (the reference's convention; the
// PETRARCH records unchanged) it gives 0.792 / 0.950, exact 0.593 / 0.696,
// and precision's floor rose to 0.75. The parse repair that reads the
// co-hosting sentence above as two coordinated clauses (no treebank parse
// changes) gives 0.950 / 0.950, exact 0.696 / 0.696; the floor rose to 0.85.
// Territory taken "from" a side taken from it (the RSF seized El Fasher
// from the army: SDNMIL, was the town's SDN) gives exact 0.739 / 0.739, and
// the exact triples got a floor of their own, 0.70.
constexpr double kMinPrecision = 0.85;
constexpr double kMinRecall = 0.85;
constexpr double kMinExact = 0.70;

TEST(SudanExampleTest, PipelineFindsTheHandCodedEvents) {
  const std::string root = PARLEY_SOURCE_DIR;
  auto reference = ReadReferenceTsv(root + "/examples/sudan-talks-2025.expected.tsv");
  ASSERT_TRUE(reference.ok()) << reference.status().ToString();
  auto paths = pipeline::DefaultDictionaries();
  ASSERT_FALSE(paths.verbs.empty());
  auto lexicon = lexicon::Lexicon::Load(paths);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  coder::CoderOptions options;
  options.require_known_country = true;
  coder::Coder coder(lexicon.value(), options);
  pipeline::DocumentCoder document_coder(coder, "");
  std::vector<Event> events;
  io::ReadSummary summary;
  Status read = io::ReadJsonLinesFile(
      root + "/examples/sudan-talks-2025.jsonl",
      [&](Document&& doc) { ASSERT_TRUE(document_coder.Code(doc, events).ok()); }, summary);
  ASSERT_TRUE(read.ok()) << read.ToString();
  EXPECT_TRUE(summary.skipped.empty());
  EventScores s = ScoreEvents(*reference, events);
  std::printf("sudan example: %zu reference, %zu coded; precision %.3f, recall %.3f; exact %.3f, %.3f\n",
              s.reference, s.coded, s.precision, s.recall, s.exact_precision, s.exact_recall);
  EXPECT_EQ(s.articles, 3u);
  EXPECT_GE(s.precision, kMinPrecision);
  EXPECT_GE(s.recall, kMinRecall);
  EXPECT_GE(s.exact_precision, kMinExact);
  EXPECT_GE(s.exact_recall, kMinExact);
}

}  // namespace
}  // namespace parley::eval

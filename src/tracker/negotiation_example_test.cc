// End to end: raw news through Parley's own parser, coder and enrichment
// into the tracker, checked step by step as the stories arrive.
//   examples/gaza-ceasefire-2025.jsonl: seven articles (Dec 2024 - Mar 2025)
//   written for Parley about the Israel-Hamas ceasefire talks.
//   ../shared/examples/ceasefire-talks-2024-07-05.jsonl: the bundled story
//   (skipped when ../shared is absent).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "coder/coder.h"
#include "io/jsonl_reader.h"
#include "lexicon/lexicon.h"
#include "pipeline/analyze.h"
#include "pipeline/document_coder.h"
#include "tracker/negotiations.h"

namespace parley::tracker {
namespace {

using Steps = std::vector<std::string>;

// What a story adds to a negotiation, and the state after it.
struct Story {
  std::string id;
  std::string state;
  std::vector<std::string> mediators;
  Steps steps;  // in any order
};

class TrackerExampleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lexicon = lexicon::Lexicon::Load(pipeline::DefaultDictionaries());
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
    lexicon_ = new std::shared_ptr<const lexicon::Lexicon>(std::move(lexicon.value()));
  }
  static void TearDownTestSuite() {
    delete lexicon_;
    lexicon_ = nullptr;
  }

  // Reads and codes `path`: the documents, and the events of each.
  void Code(const std::string& path) {
    coder::CoderOptions options;
    options.require_known_country = true;
    coder::Coder coder(*lexicon_, options);
    pipeline::DocumentCoder document_coder(coder, "");
    io::ReadSummary summary;
    Status read = io::ReadJsonLinesFile(
        path,
        [&](Document&& doc) {
          std::vector<Event> events;
          ASSERT_TRUE(document_coder.Code(doc, events).ok());
          docs_.push_back(std::move(doc));
          events_.push_back(std::move(events));
        },
        summary);
    ASSERT_TRUE(read.ok()) << read.ToString();
    ASSERT_TRUE(summary.skipped.empty());
  }

  // The tracker on the first `k` stories.
  std::vector<Negotiation> After(size_t k) const {
    std::vector<Document> docs(docs_.begin(), docs_.begin() + static_cast<std::ptrdiff_t>(k));
    std::vector<Event> events;
    for (size_t i = 0; i < k; ++i) events.insert(events.end(), events_[i].begin(), events_[i].end());
    TrackerOptions options;
    options.lexicon = lexicon_->get();
    return TrackNegotiations(docs, events, options);
  }

  static const Negotiation* Find(const std::vector<Negotiation>& found, const std::string& id) {
    auto it = std::find_if(found.begin(), found.end(), [&](const Negotiation& n) { return n.id == id; });
    return it == found.end() ? nullptr : &*it;
  }

  static std::vector<std::string> Codes(const std::vector<Party>& parties) {
    std::vector<std::string> out;
    for (const Party& p : parties) out.push_back(p.code);
    return out;
  }

  // The steps of story `doc_id`, as "kind/outcome actor,actor".
  static std::vector<std::string> StepsOf(const Negotiation& n, const std::string& doc_id) {
    std::vector<std::string> out;
    for (const Step& s : n.timeline) {
      if (s.evidence.doc_id != doc_id) continue;
      std::string line = StepKindName(s.kind);
      if (!s.outcome.empty()) line += "/" + s.outcome;
      std::string actors;
      for (const std::string& a : s.actors) actors += (actors.empty() ? "" : ",") + a;
      line += " " + actors;
      if (!s.place.empty()) line += " in " + s.place;
      if (s.background) line += " (background)";
      out.push_back(line);
    }
    return out;
  }

  // Reads the stories one by one: after each, negotiation `id` is the only
  // one found (no pair of a mediator and a side stands alone), with the
  // story's state, mediators and steps.
  template <size_t N>
  void CheckStoryByStory(const Story (&stories)[N], const std::string& id) const {
    ASSERT_EQ(docs_.size(), N);
    for (size_t k = 1; k <= N; ++k) {
      const Story& story = stories[k - 1];
      SCOPED_TRACE("after story " + std::to_string(k) + " (" + story.id + ")");
      ASSERT_EQ(docs_[k - 1].id, story.id);
      std::vector<Negotiation> found = After(k);
      ASSERT_EQ(found.size(), 1u);
      const Negotiation* n = Find(found, id);
      ASSERT_NE(n, nullptr);
      EXPECT_EQ(StateName(n->state), story.state);
      EXPECT_EQ(Codes(n->mediators), story.mediators);
      Steps got = StepsOf(*n, story.id);
      Steps want = story.steps;
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      EXPECT_EQ(got, want);
    }
  }

  static bool HasTerm(const Negotiation& n, const std::string& kind, const std::string& text) {
    return std::any_of(n.terms.begin(), n.terms.end(),
                       [&](const Term& t) { return t.kind == kind && t.text == text; });
  }

  static std::shared_ptr<const lexicon::Lexicon>* lexicon_;
  std::vector<Document> docs_;
  std::vector<std::vector<Event>> events_;
};

std::shared_ptr<const lexicon::Lexicon>* TrackerExampleTest::lexicon_ = nullptr;


TEST_F(TrackerExampleTest, GazaSeriesStepByStep) {
  ASSERT_NO_FATAL_FAILURE(Code(std::string(PARLEY_SOURCE_DIR) + "/examples/gaza-ceasefire-2025.jsonl"));
  ASSERT_EQ(docs_.size(), 7u);
  const Story stories[] = {
      // "arrived in Doha ... for a new round of indirect talks with Hamas":
      // Israel's talks with Hamas, in Qatar.
      {"gaza-talks-2024-12-17", "talks", {"EGY", "QAT"},
       {"talks ISR,QAT,HMS in Doha", "talks ISR,QAT in Doha", "demand HMS,ISR"}},
      // "U.S. envoy Brett McGurk met Qatari officials in Doha ... to press for
      // a deal": the U.S. mediates from this story on. "Qatari and Egyptian
      // mediators presented Israel and Hamas with a draft ceasefire
      // agreement": one proposal, by both mediators to both sides.
      {"gaza-talks-2025-01-07", "proposal_pending", {"EGY", "QAT", "USA"}, {"proposal QAT,ISR,HMS,EGY"}},
      {"gaza-talks-2025-01-13", "proposal_pending", {"EGY", "QAT", "USA"},
       {"demand HMS,ISR", "response/accepted_in_principle HMS", "response/countered ISR",
        "talks USA,ISR in Jerusalem", "proposal QAT"}},
      {"gaza-talks-2025-01-16", "agreement_reached", {"EGY", "QAT", "USA"}, {"agreement ISR,HMS"}},
      {"gaza-talks-2025-01-20", "implementing", {"EGY", "QAT", "USA"},
       {"implementation/ceasefire ISR,HMS", "implementation/release HMS,ISR", "implementation/release ISR,HMS"}},
      {"gaza-talks-2025-02-11", "implementing", {"EGY", "QAT", "USA"},
       {"violation ISR,HMS", "talks EGY,HMS,QAT in Cairo", "implementation/release ISR,HMS"}},
      // "Israel launched waves of airstrikes ..., killing more than 400
      // people and shattering the ceasefire ..., Gaza's health ministry
      // said": the model (2026-12-05) hangs "killing ... shattering" on
      // "said", so the first collapse is credited to the ministry's side
      // (HMS) instead of Israel: a misread, kept here as it is.
      {"gaza-talks-2025-03-19", "collapsed", {"EGY", "QAT", "USA"},
       {"collapse HMS", "response/rejected HMS,USA (background)", "collapse ISR", "collapse "}},
  };
  CheckStoryByStory(stories, "HMS-ISR");
  std::vector<Negotiation> all = After(docs_.size());
  const Negotiation& n = all[0];
  EXPECT_EQ(n.parties[0].name, "Hamas");
  EXPECT_EQ(n.parties[1].name, "Israel");
  EXPECT_EQ(n.first_date.ToIso(), "2024-12-16");
  EXPECT_EQ(n.last_date.ToIso(), "2025-03-19");
  // The evidence is the sentence and the words.
  const Step& agreement = *std::find_if(n.timeline.begin(), n.timeline.end(),
                                        [](const Step& s) { return s.kind == StepKind::kAgreement; });
  EXPECT_EQ(agreement.date.ToIso(), "2025-01-15");
  EXPECT_EQ(agreement.evidence.event_code, "057");
  EXPECT_EQ(agreement.evidence.sentence, 0);
  EXPECT_EQ(agreement.evidence.text.rfind("Israel and Hamas reached an agreement on Wednesday", 0), 0u);
  // The terms the stories state.
  EXPECT_TRUE(HasTerm(n, "duration", "six-week truce"));
  EXPECT_TRUE(HasTerm(n, "duration", "42 days"));
  EXPECT_TRUE(HasTerm(n, "hostages", "33 hostages"));
  EXPECT_TRUE(HasTerm(n, "prisoners", "1,900 Palestinian prisoners"));
  EXPECT_TRUE(HasTerm(n, "stages", "three stages"));
  EXPECT_TRUE(HasTerm(n, "condition", "a permanent end to the war"));
  EXPECT_TRUE(HasTerm(n, "condition", "a full Israeli withdrawal from Gaza"));
  // Conflict between the sides beside the talks.
  ASSERT_FALSE(n.escalation.empty());
  EXPECT_TRUE(n.escalation[0].between_parties);
  EXPECT_GE(n.escalation[0].material_conflict, 1);
}

// Stories written for Parley's coder evaluation, not for the tracker (its
// rules for refused talks, proposers and unilateral truces came from them,
// so they are no longer held out).
TEST_F(TrackerExampleTest, SudanStories) {
  ASSERT_NO_FATAL_FAILURE(Code(std::string(PARLEY_SOURCE_DIR) + "/examples/sudan-talks-2025.jsonl"));
  std::vector<Negotiation> found = After(docs_.size());
  // One negotiation: "rejected the latest proposal from the United States,
  // Saudi Arabia, Egypt and the United Arab Emirates" is a rejection of the
  // plan, not one between Sudan and the last of its authors.
  ASSERT_EQ(found.size(), 1u);
  const Negotiation* n = Find(found, "RSF-SDN");
  ASSERT_NE(n, nullptr);
  // The army refused the Geneva talks and rejected the latest truce plan;
  // the RSF's own truce is unilateral: no agreement. Switzerland and Saudi
  // Arabia co-host the talks; the plan came from the U.S., Saudi Arabia,
  // Egypt and the UAE (which Sudan is in conflict with: not a mediator).
  EXPECT_EQ(StateName(n->state), std::string("talks"));
  EXPECT_EQ(Codes(n->mediators), (std::vector<std::string>{"CHE", "EGY", "SAU", "USA"}));
  EXPECT_EQ(StepsOf(*n, "sudan-geneva-2024-08-15"),
            (Steps{"talks USA,RSF in Geneva", "response/rejected SDN", "demand USA,SDN"}));
  // "Rapid Support Forces commander Mohamed Hamdan Dagalo declared a
  // unilateral ... truce": the RSF's own truce, with the RSF as its party.
  EXPECT_EQ(StepsOf(*n, "sudan-truce-2025-11-24"),
            (Steps{"response/rejected SDN", "implementation/unilateral_ceasefire RSF", "demand USA,SDN"}));
  EXPECT_TRUE(HasTerm(*n, "duration", "three-month humanitarian truce"));
}

// Three more articles written for Parley, on another conflict: the Istanbul
// talks between Russia and Ukraine in May-June 2025 (the tracker's list of
// predicates grew from them too, so they are not held out).
TEST_F(TrackerExampleTest, RussiaUkraineStepByStep) {
  ASSERT_NO_FATAL_FAILURE(Code(std::string(PARLEY_SOURCE_DIR) + "/examples/russia-ukraine-talks-2025.jsonl"));
  ASSERT_EQ(docs_.size(), 3u);
  const Story stories[] = {
      {"russia-ukraine-2025-05-17", "agreement_reached", {"TUR"},
       {"talks RUS,UKR in Istanbul", "agreement ", "demand UKR,RUS"}},
      {"russia-ukraine-2025-05-26", "implementing", {"TUR"}, {"implementation/release RUS,UKR"}},
      {"russia-ukraine-2025-06-03", "implementing", {"TUR"},
       // "held a second round of talks in Istanbul": the two sides with each
       // other; Istanbul is where (Türkiye stays the mediator).
       {"talks RUS,UKR in Istanbul", "proposal RUS", "response/rejected UKR,RUS"}},
  };
  CheckStoryByStory(stories, "RUS-UKR");
  std::vector<Negotiation> all = After(docs_.size());
  const Negotiation& n = all[0];
  EXPECT_TRUE(HasTerm(n, "duration", "30-day ceasefire"));
  EXPECT_TRUE(HasTerm(n, "prisoners", "1,000 prisoners"));
}

// Two articles written for Parley on the Armenia-Azerbaijan treaty. Their
// first run found "negotiations" between each signer and the United States
// (the coder codes "signed ... at the White House" as a signing with the
// White House); the rule that co-signers sign with each other and the third
// party hosts came from them. The first article's "completed negotiations on
// the text" was missed until "complete" joined the verbs whose object
// decides (their talks, 046).
TEST_F(TrackerExampleTest, ArmeniaAzerbaijanSigning) {
  ASSERT_NO_FATAL_FAILURE(Code(std::string(PARLEY_SOURCE_DIR) + "/examples/armenia-azerbaijan-2025.jsonl"));
  std::vector<Negotiation> found = After(docs_.size());
  ASSERT_EQ(found.size(), 1u);
  const Negotiation* n = Find(found, "ARM-AZE");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(StateName(n->state), std::string("agreement_reached"));
  EXPECT_EQ(Codes(n->mediators), (std::vector<std::string>{"USA"}));
  // "Azerbaijan said Armenia had accepted its proposals": past perfect.
  EXPECT_EQ(StepsOf(*n, "armenia-azerbaijan-2025-03-14"),
            (Steps{"talks ARM,AZE", "response/accepted ARM (background)"}));
  EXPECT_EQ(StepsOf(*n, "armenia-azerbaijan-2025-08-09"), (Steps{"agreement ARM,AZE"}));
}

TEST_F(TrackerExampleTest, BundledCeasefireStory) {
  std::string path = std::string(PARLEY_SHARED_DIR) + "/examples/ceasefire-talks-2024-07-05.jsonl";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
  ASSERT_NO_FATAL_FAILURE(Code(path));
  std::vector<Negotiation> found = After(docs_.size());
  ASSERT_EQ(found.size(), 1u);
  const Negotiation* n = Find(found, "HMS-ISR");
  ASSERT_NE(n, nullptr);
  // Hamas accepted the framework in principle; Israel is sending a
  // delegation: the proposal awaits agreement on details. "Israel will ...
  // allow more aid into Gaza" is a term of the deal, not its implementation.
  // "Hamas insisted that any agreement must include ..." is Hamas's demand.
  // "As a key intermediary between Israel and Hamas, Qatari and Egyptian
  // officials received a response from Hamas": the parser reads "Qatari and
  // Egyptian officials" as conjuncts of "Israel and Hamas" before it, so
  // "received" has no subject and the response names Hamas only.
  EXPECT_EQ(StateName(n->state), std::string("proposal_pending"));
  EXPECT_EQ(Codes(n->mediators), (std::vector<std::string>{"EGY", "QAT", "USA"}));
  EXPECT_EQ(StepsOf(*n, "seed-2024-07-05"),
            (Steps{"response HMS", "response/accepted_in_principle HMS", "talks USA,ISR",
                   "collapse ISR,HMS (background)", "demand HMS,ISR", "talks_announced ISR,QAT in Qatar"}));
  // "received a response from Hamas on Wednesday, indicating that Hamas has
  // agreed in principle": both on Wednesday.
  EXPECT_EQ(n->timeline[0].date.ToIso(), "2024-07-03");
  EXPECT_EQ(n->timeline[1].date.ToIso(), "2024-07-03");
  EXPECT_TRUE(HasTerm(*n, "stages", "three stages"));
  EXPECT_TRUE(HasTerm(*n, "duration", "six weeks"));
  EXPECT_TRUE(HasTerm(*n, "condition", "assurances of a permanent ceasefire"));
  EXPECT_TRUE(HasTerm(*n, "condition", "Israel\xE2\x80\x99s withdrawal from Gaza"));
  // Hezbollah's rockets and drones on Israel ("claimed to have launched 200
  // rockets ..., as well as sending suicide drones to attack Israeli military
  // positions": two attacks) and Israel's airstrikes in southern Lebanon
  // are linked fronts beside the talks; between the parties themselves,
  // Netanyahu's "continuing attacks on the southern Gaza city of Rafah" (in
  // May, "defied opposition ..., continuing attacks").
  ASSERT_EQ(n->escalation.size(), 3u);
  EXPECT_EQ(n->escalation[0].id, "HMS-ISR");
  EXPECT_TRUE(n->escalation[0].between_parties);
  EXPECT_EQ(n->escalation[0].material_conflict, 1);
  EXPECT_EQ(n->escalation[1].id, "HEZ-ISR");
  EXPECT_EQ(n->escalation[1].material_conflict, 2);
  EXPECT_EQ(n->escalation[2].id, "ISR-LBN");
  EXPECT_FALSE(n->escalation[1].between_parties);
  EXPECT_FALSE(n->escalation[2].between_parties);
}

}  // namespace
}  // namespace parley::tracker

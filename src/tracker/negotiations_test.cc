// TrackNegotiations on hand-built events: parties, mediators, the state
// after each step, terms, escalation and the JSON written for the API.
#include "tracker/negotiations.h"

#include <gtest/gtest.h>

#include "enrich/actor_fields.h"
#include "tracker/test_docs.h"

namespace parley::tracker {
namespace {

using testing::MakeDocument;
using testing::MakeEvent;

TEST(PartyCodeTest, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"ISRGOVMIL", "ISR"}, {"PSEREBHMS", "HMS"}, {"LBNREBHEZ", "HEZ"}, {"IGOUNO", "UNO"},
      {"USA", "USA"},       {"---GOV", ""},       {"", ""}};
  for (const auto& [code, party] : cases)
    EXPECT_EQ(PartyCode(enrich::SplitActorCode(code, "")), party) << code;
}

// One story per step, about talks between Russia and Ukraine that Turkey
// hosts; the state after each.
struct StoryStep {
  int line;
  std::string date;
  std::string sentence;
  std::string source, code, target;
  int verb_first, verb_last;
  std::string state;  // after this story
  std::string kind;   // of the step it adds; "" = adds none
};

TEST(TrackNegotiationsTest, StateAfterEachStory) {
  const StoryStep steps[] = {
      {__LINE__, "2025-05-10", "Ukraine demanded a 30-day ceasefire from Russia .", "UKRGOV", "1056", "RUSGOV",
       1, 1, "", "demand"},  // demands alone make no negotiation
      // Turkey talking to Russia alone says nothing yet of whom Russia talks to.
      {__LINE__, "2025-05-16", "Turkey hosted the Russian delegation for talks with Ukraine in Istanbul .",
       "TURGOV", "043",
       "RUSGOV", 1, 1, "-", "talks"},
      {__LINE__, "2025-05-16", "Turkey met the Ukrainian delegation for talks with Russia in Istanbul .",
       "TURGOV", "044",
       "UKRGOV", 1, 1, "talks", "talks"},
      {__LINE__, "2025-05-17", "Russia presented a peace proposal to Ukraine .", "RUSGOV", "030", "UKRGOV", 1,
       1, "proposal_pending", "proposal"},
      {__LINE__, "2025-05-20", "Ukraine rejected the proposal from Russia .", "UKRGOV", "127", "RUSGOV", 1, 1,
       "talks", "response"},
      {__LINE__, "2025-06-02", "Ukraine presented a counter-proposal to Russia .", "UKRGOV", "030", "RUSGOV", 1,
       1, "proposal_pending", "response"},
      {__LINE__, "2025-06-03", "Russia accepted the proposal in principle .", "RUSGOV", "031", "UKRGOV", 1, 1,
       "proposal_pending", "response"},
      {__LINE__, "2025-06-04", "Russia and Ukraine signed an agreement on a prisoner swap .", "RUSGOV", "057",
       "UKRGOV", 3, 3, "agreement_reached", "agreement"},
      {__LINE__, "2025-06-09", "Russia released 300 prisoners to Ukraine .", "RUSGOV", "0841", "UKRGOV", 1, 1,
       "implementing", "implementation"},
      {__LINE__, "2025-06-10", "Russia shelled Kharkiv in breach of the truce .", "RUSMIL", "196", "UKR", 1, 1,
       "implementing", "violation"},
      {__LINE__, "2025-06-20", "Ukraine said the talks collapsed after Russia struck Kyiv .", "UKRGOV", "040",
       "RUSGOV", 4, 4, "collapsed", "collapse"},
      {__LINE__, "2025-07-01", "Russia and Ukraine held new talks in Istanbul .", "RUSGOV", "046", "UKRGOV", 3,
       3, "talks", "talks"},
  };
  std::vector<Document> docs;
  std::vector<Event> events;
  for (const StoryStep& s : steps) {
    docs.push_back(MakeDocument("story-" + std::to_string(docs.size() + 1), s.date, {s.sentence}));
    // The actors' words, which teach the tracker the parties' names.
    auto words = [](const std::string& code) {
      return code.starts_with("RUS") ? "Russia" : code.starts_with("UKR") ? "Ukraine" : "Turkey";
    };
    events.push_back(MakeEvent(docs.back(), 0, s.source, s.code, s.target, s.verb_first, s.verb_last,
                               words(s.source), words(s.target)));
    std::vector<Negotiation> found = TrackNegotiations(docs, events);
    if (s.state == "-") continue;
    if (s.state.empty()) {
      EXPECT_TRUE(found.empty()) << "line " << s.line;
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << "line " << s.line;
    const Negotiation& n = found[0];
    EXPECT_EQ(n.id, "RUS-UKR") << "line " << s.line;
    EXPECT_EQ(StateName(n.state), s.state) << "line " << s.line;
    ASSERT_FALSE(n.timeline.empty());
    const Step& last = n.timeline.back();
    EXPECT_EQ(StepKindName(last.kind), s.kind) << "line " << s.line;
    EXPECT_EQ(last.evidence.doc_id, docs.back().id) << "line " << s.line;
    EXPECT_EQ(last.evidence.text, s.sentence) << "line " << s.line;
    EXPECT_EQ(last.evidence.event_code, s.code) << "line " << s.line;
  }
  std::vector<Negotiation> found = TrackNegotiations(docs, events);
  ASSERT_EQ(found.size(), 1u);
  const Negotiation& n = found[0];
  ASSERT_EQ(n.parties.size(), 2u);
  EXPECT_EQ(n.parties[0].code, "RUS");
  EXPECT_EQ(n.parties[1].name, "Ukraine");
  ASSERT_EQ(n.mediators.size(), 1u);  // Turkey talked to both sides
  EXPECT_EQ(n.mediators[0].code, "TUR");
  EXPECT_EQ(n.first_date.ToIso(), "2025-05-10");
  EXPECT_EQ(n.last_date.ToIso(), "2025-07-01");
  // Talks placed where the words say.
  EXPECT_EQ(n.timeline[1].place, "Istanbul");
  // The rejection and the counter-proposal are told apart by their words.
  EXPECT_EQ(n.timeline[4].outcome, "rejected");
  EXPECT_EQ(n.timeline[5].outcome, "countered");
  EXPECT_EQ(n.timeline[6].outcome, "accepted_in_principle");
  // Terms: the truce demanded and the prisoners released.
  bool duration = false;
  for (const Term& t : n.terms)
    if (t.kind == "duration" && t.number == 30 && t.unit == "day") duration = true;
  EXPECT_TRUE(duration);
}

TEST(TrackNegotiationsTest, BothSidesAcceptingIsAnAgreement) {
  std::vector<Document> docs = {
      MakeDocument("a", "2025-03-01",
                   {"Sudan accused Ethiopia of filling the dam .", "Egypt presented a proposal to Sudan .",
                    "Egypt presented a proposal to Ethiopia ."}),
      MakeDocument("b", "2025-03-02", {"Sudan accepted the proposal from Ethiopia ."}),
      MakeDocument("c", "2025-03-03", {"Ethiopia accepted the proposal from Sudan ."}),
  };
  std::vector<Event> events = {
      MakeEvent(docs[0], 0, "SDNGOV", "112", "ETHGOV", 1, 1),
      MakeEvent(docs[0], 1, "EGYGOV", "030", "SDNGOV", 1, 1),
      MakeEvent(docs[0], 2, "EGYGOV", "030", "ETHGOV", 1, 1),
      MakeEvent(docs[1], 0, "SDNGOV", "031", "ETHGOV", 1, 1),
      MakeEvent(docs[2], 0, "ETHGOV", "031", "SDNGOV", 1, 1),
  };
  std::vector<Negotiation> found = TrackNegotiations(docs, {events.begin(), events.end() - 1});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "ETH-SDN");
  ASSERT_EQ(found[0].mediators.size(), 1u);
  EXPECT_EQ(found[0].mediators[0].code, "EGY");
  EXPECT_EQ(StateName(found[0].state), std::string("proposal_pending"));
  found = TrackNegotiations(docs, events);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(StateName(found[0].state), std::string("agreement_reached"));
}

TEST(TrackNegotiationsTest, EscalationBesideTheTalks) {
  std::vector<Document> docs = {MakeDocument(
      "a", "2024-07-05",
      {"Israel and Hamas held talks in Doha .", "Israel struck Gaza .", "Hezbollah fired rockets at Israel .",
       "Russia struck Kyiv ."})};
  std::vector<Event> events = {
      MakeEvent(docs[0], 0, "ISRGOV", "046", "PSEREBHMS", 3, 3),
      MakeEvent(docs[0], 1, "ISRMIL", "190", "PSEREBHMS", 1, 1),
      MakeEvent(docs[0], 2, "LBNREBHEZ", "190", "ISR", 1, 1),
      MakeEvent(docs[0], 3, "RUSMIL", "190", "UKR", 1, 1),
  };
  std::vector<Negotiation> found = TrackNegotiations(docs, events);
  ASSERT_EQ(found.size(), 1u);
  const Negotiation& n = found[0];
  EXPECT_EQ(n.id, "HMS-ISR");
  EXPECT_EQ(n.parties[0].name, "PSEREBHMS");  // a group's name is its actors' words
  ASSERT_EQ(n.escalation.size(), 2u);
  EXPECT_EQ(n.escalation[0].id, "HMS-ISR");
  EXPECT_TRUE(n.escalation[0].between_parties);
  EXPECT_EQ(n.escalation[0].material_conflict, 1);
  EXPECT_EQ(n.escalation[1].id, "HEZ-ISR");
  EXPECT_FALSE(n.escalation[1].between_parties);
  EXPECT_EQ(n.escalation[1].events[0].evidence.text, "Hezbollah fired rockets at Israel .");
}

TEST(TrackNegotiationsTest, JsonForTheApi) {
  std::vector<Document> docs = {MakeDocument("a", "2025-05-16", {"Russia and Ukraine held \"talks\" in Istanbul ."})};
  std::vector<Event> events = {MakeEvent(docs[0], 0, "RUSGOV", "046", "UKRGOV", 3, 3)};
  std::vector<Negotiation> found = TrackNegotiations(docs, events);
  ASSERT_EQ(found.size(), 1u);
  std::string summary;
  AppendNegotiationSummaryJson(found[0], summary);
  EXPECT_EQ(summary,
            "{\"id\":\"RUS-UKR\",\"parties\":[{\"code\":\"RUS\",\"name\":\"Russian Federation\"},"
            "{\"code\":\"UKR\",\"name\":\"Ukraine\"}],\"mediators\":[],\"state\":\"talks\","
            "\"first_date\":\"2025-05-16\",\"last_date\":\"2025-05-16\",\"steps\":1}");
  std::string full;
  AppendNegotiationJson(found[0], full);
  EXPECT_NE(full.find("\"timeline\":[{\"date\":\"2025-05-16\",\"kind\":\"talks\",\"outcome\":\"\","
                      "\"actors\":[\"RUS\",\"UKR\"],\"place\":\"Istanbul\",\"background\":false,"
                      "\"evidence\":{\"doc_id\":\"a\",\"sentence\":0,"
                      "\"text\":\"Russia and Ukraine held \\\"talks\\\" in Istanbul .\",\"words\":\"held\","
                      "\"event_code\":\"046\",\"source\":\"RUSGOV\",\"target\":\"UKRGOV\"}}]"),
            std::string::npos)
      << full;
  EXPECT_NE(full.find("\"terms\":[],\"escalation\":[]}"), std::string::npos) << full;
  std::string text = FormatNegotiationText(found[0]);
  EXPECT_NE(text.find("state: talks"), std::string::npos) << text;
}

TEST(TrackNegotiationsTest, CoSignersSignWithEachOtherNotTheHost) {
  std::vector<Document> docs = {MakeDocument(
      "a", "2025-08-08", {"Armenia and Azerbaijan signed a declaration at the White House ."})};
  std::vector<Event> events = {MakeEvent(docs[0], 0, "ARMGOV", "057", "USAGOV", 3, 3, "Armenia", "White House"),
                               MakeEvent(docs[0], 0, "AZEGOV", "057", "USAGOV", 3, 3, "Azerbaijan", "White House")};
  std::vector<Negotiation> found = TrackNegotiations(docs, events);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "ARM-AZE");
  ASSERT_EQ(found[0].mediators.size(), 1u);
  EXPECT_EQ(found[0].mediators[0].code, "USA");
  ASSERT_EQ(found[0].timeline.size(), 1u);  // one sentence, one signing
  EXPECT_EQ(StepKindName(found[0].timeline[0].kind), std::string("agreement"));
}

// A group at war with its own country's forces is a side of its own, not
// that country's stand-in; a reply to several proposers at once answers
// their joint proposal, and is no negotiation with each of them.
TEST(TrackNegotiationsTest, AGroupAgainstItsOwnCountryAndAJointProposal) {
  std::vector<Document> docs = {MakeDocument(
      "a", "2025-11-24",
      {"The RSF struck Port Sudan .", "The U.S. envoy met the RSF for talks in Geneva .",
       "Burhan rejected the truce proposal from the United States and the UAE .",
       "Sudan cut diplomatic ties with the UAE ."})};
  std::vector<Event> events = {
      MakeEvent(docs[0], 0, "SDNREBRSF", "190", "SDN", 2, 2, "RSF", "Port Sudan"),
      MakeEvent(docs[0], 1, "USAGOV", "044", "SDNREBRSF", 3, 3, "U.S. envoy", "RSF"),
      MakeEvent(docs[0], 2, "SDNGOV", "127", "USA", 1, 1, "Burhan", "United States"),
      MakeEvent(docs[0], 2, "SDNGOV", "127", "ARE", 1, 1, "Burhan", "UAE"),
      MakeEvent(docs[0], 3, "SDN", "161", "ARE", 1, 1, "Sudan", "UAE")};
  std::vector<Negotiation> found = TrackNegotiations(docs, events);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "RSF-SDN");
  std::vector<std::string> steps;
  for (const Step& s : found[0].timeline) {
    std::string actors;
    for (const std::string& a : s.actors) actors += (actors.empty() ? "" : ",") + a;
    steps.push_back(std::string(StepKindName(s.kind)) + " " + actors);
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"talks USA,RSF", "response SDN"}));
  ASSERT_EQ(found[0].mediators.size(), 1u);  // the UAE is in conflict with Sudan
  EXPECT_EQ(found[0].mediators[0].code, "USA");
}

// Who hosts or co-organises the talks mediates them: "X will host the next
// round", "the talks were co-organised by Y".
TEST(TrackNegotiationsTest, HostsAndCoOrganisersMediate) {
  std::vector<Document> docs = {MakeDocument(
      "a", "2025-07-28",
      {"Thailand and Cambodia held talks in Kuala Lumpur .", "The talks were co-organised by the United States .",
       "Malaysia will host the next round .", "The United States welcomed the talks .",
       "Malaysia urged Thailand to show restraint ."})};
  std::vector<Event> events = {MakeEvent(docs[0], 0, "THAGOV", "046", "KHMGOV", 3, 3, "Thailand", "Cambodia"),
                               MakeEvent(docs[0], 3, "USAGOV", "051", "THAGOV", 3, 3, "United States", "Thailand"),
                               MakeEvent(docs[0], 4, "MYSGOV", "020", "THAGOV", 1, 1, "Malaysia", "Thailand")};
  std::vector<Negotiation> found = TrackNegotiations(docs, events);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "KHM-THA");
  std::vector<std::string> mediators;
  for (const auto& m : found[0].mediators) mediators.push_back(m.code);
  EXPECT_EQ(mediators, (std::vector<std::string>{"MYS", "USA"}));
}

TEST(TrackNegotiationsTest, SortedById) {
  std::vector<Document> docs = {MakeDocument(
      "a", "2025-05-16", {"Russia and Ukraine held talks in Istanbul .", "Armenia and Azerbaijan held talks ."})};
  std::vector<Event> events = {MakeEvent(docs[0], 0, "RUSGOV", "046", "UKRGOV", 3, 3),
                               MakeEvent(docs[0], 1, "ARMGOV", "046", "AZEGOV", 3, 3)};
  std::vector<Negotiation> found = TrackNegotiations(docs, events);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].id, "ARM-AZE");
  EXPECT_EQ(found[1].id, "RUS-UKR");
}

TEST(TrackNegotiationsTest, NothingInNothingOut) {
  EXPECT_TRUE(TrackNegotiations({}, {}).empty());
  // Events whose documents are missing still count, without sentence text.
  Document doc = MakeDocument("gone", "2025-05-16", {"Russia and Ukraine held talks ."});
  std::vector<Event> events = {MakeEvent(doc, 0, "RUSGOV", "046", "UKRGOV", 3, 3)};
  std::vector<Negotiation> found = TrackNegotiations({}, events);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].timeline[0].evidence.text, "");
}

}  // namespace
}  // namespace parley::tracker

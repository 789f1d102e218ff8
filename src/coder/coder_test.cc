// Coder rules on hand-built dependency trees: no parser, no shared data.
#include "coder/coder.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace parley::coder {
namespace {

constexpr std::string_view kVerbs = R"(
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE [064] ---
RESTORE
- * &TIETYPES TIES [902]

&NEGATION_
+NEVER

--- OPPOSE [112] ---
OPPOSE
- &NEGATION * [904]

--- ARRIVE [032:033] ---
ARRIVE

--- ARREST [212] ---
ARREST

--- MEET [040] ---
MEET {MEETS MET MEETING}

--- SIGN [057] ---
SIGN {SIGNS SIGNED SIGNING}

--- THREATEN [130] ---
THREATEN {THREATENS THREATENED THREATENING}

--- FIGHT [190] ---
FIGHT {FIGHTS FOUGHT FIGHTING}

--- SAID [023] ---
SAID

--- SWAP [0841] ---
SWAP {SWAPS SWAPPED SWAPPING}

--- CORDON [---] ---
+CORDON_OFF [1721]

--- LODGE [---] ---
+LODGE_PROTEST [114]

--- PHONE [041] ---
CALL {CALLS CALLED CALLING}

--- DRILL [062] ---
DRILL {DRILLS DRILLED DRILLING}

--- ALLY [050] ---
ALLY {ALLIES ALLIED ALLYING}

--- FIRE [190] ---
FIRE {FIRES FIRED FIRING}

--- SEND [---] ---
SEND {SENDS SENT SENDING}
- * POLICE [153]

--- ORDER [100] ---
ORDER {ORDERS ORDERED ORDERING}
- * POLICE TO [153]
)";

constexpr std::string_view kActors = R"(
ARNOR [ARN]
GONDOR [GON]
OSGILIATH [OSG]
ERIADOR [ERI]
US [USA]
MINAS_TIRITH [GONGOV]
ISRAELI [ISR]
+ISRAEL
BENJAMIN_NETANYAHU
	[ISRELI <20090330]
	[ISRGOV 20090331-20210612]
	[ISRELI 20210613-20221228]
	[ISRGOV >20221229]
)";

constexpr std::string_view kAgents = R"(
POLICE {} [~COP]
STUDENT [~EDU]
OFFICIAL [~GOV]
MILITARY {} [~MIL]
DELEGATION [~GOV]
WAR_MINISTRY [~GOVMIL]
)";

constexpr std::string_view kDiscards = R"(
BASEBALL
)";

// One token row: form, Penn tag, head (1-based, 0 root), relation.
struct Row {
  const char* form;
  const char* xpos;
  int head;
  const char* deprel;
};

Document MakeDoc(std::vector<Row> rows, const char* date = "2024-07-05") {
  Document doc;
  doc.id = "d1";
  doc.date = Date::Parse(date).value();
  for (const Row& r : rows) {
    if (!doc.text.empty()) doc.text += ' ';
    Token t;
    t.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += r.form;
    t.end = static_cast<uint32_t>(doc.text.size());
    t.form = r.form;
    t.xpos = r.xpos;
    t.head = r.head;
    t.deprel = r.deprel;
    doc.tokens.push_back(t);
  }
  Sentence s;
  s.token_count = static_cast<uint32_t>(rows.size());
  s.end = static_cast<uint32_t>(doc.text.size());
  doc.sentences.push_back(s);
  return doc;
}

std::shared_ptr<const lexicon::Lexicon> TestLexicon() {
  auto lex = std::make_shared<lexicon::Lexicon>();
  EXPECT_TRUE(lex->verbs.LoadPetrarchText(kVerbs, "verbs.txt", lex->vocab).ok());
  EXPECT_TRUE(lex->actors.LoadPetrarchText(kActors, "actors.txt", lex->vocab).ok());
  EXPECT_TRUE(lex->agents.LoadPetrarchText(kAgents, "agents.txt", lex->vocab).ok());
  EXPECT_TRUE(lex->discards.LoadPetrarchText(kDiscards, "discards.txt").ok());
  return lex;
}

using Triple = std::tuple<std::string, std::string, std::string>;

std::set<Triple> CodeWith(std::shared_ptr<const lexicon::Lexicon> lexicon, const Document& doc,
                          CoderOptions options = {}) {
  Coder coder(std::move(lexicon), options);
  std::vector<Event> events;
  coder.CodeDocument(doc, events);
  std::set<Triple> out;
  for (const Event& e : events) out.emplace(e.source.code, e.target.code, e.event.code);
  return out;
}

std::set<Triple> Code(const Document& doc, CoderOptions options = {}) {
  static auto lexicon = TestLexicon();
  return CodeWith(lexicon, doc, options);
}

TEST(CoderTest, SubjectVerbPrepositionalTarget) {
  // Arnor restored ties with Gondor .
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"restored", "VBD", 0, "root"},
                      {"ties", "NNS", 2, "obj"},
                      {"with", "IN", 5, "case"},
                      {"Gondor", "NNP", 3, "nmod"},
                      {".", ".", 2, "punct"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "064"}}));
}

TEST(CoderTest, PatternWithSynsetOverridesBlockCode) {
  // Arnor restored military ties with Gondor
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"restored", "VBD", 0, "root"},
                      {"military", "JJ", 4, "amod"},
                      {"ties", "NNS", 2, "obj"},
                      {"with", "IN", 6, "case"},
                      {"Gondor", "NNP", 4, "nmod"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "902"}}));
}

TEST(CoderTest, PassiveTakesSourceFromByAgent) {
  // Eriador was opposed by Osgiliath
  auto doc = MakeDoc({{"Eriador", "NNP", 3, "nsubj:pass"},
                      {"was", "VBD", 3, "aux:pass"},
                      {"opposed", "VBN", 0, "root"},
                      {"by", "IN", 5, "case"},
                      {"Osgiliath", "NNP", 3, "obl"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"OSG", "ERI", "112"}}));
}

TEST(CoderTest, CoordinatedSubjectsGiveOneEventEach) {
  // Arnor and Eriador opposed Gondor
  auto doc = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                      {"and", "CC", 3, "cc"},
                      {"Eriador", "NNP", 1, "conj"},
                      {"opposed", "VBD", 0, "root"},
                      {"Gondor", "NNP", 4, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "112"}, {"ERI", "GON", "112"}}));
}

TEST(CoderTest, AgentCombinesWithCountry) {
  // Israeli police arrested Gondor students
  auto doc = MakeDoc({{"Israeli", "JJ", 2, "amod"},
                      {"police", "NNS", 3, "nsubj"},
                      {"arrested", "VBD", 0, "root"},
                      {"Gondor", "NNP", 5, "compound"},
                      {"students", "NNS", 3, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ISRCOP", "GONEDU", "212"}}));
}

TEST(CoderTest, AnAgentAddsOnlyTheCodePartsTheActorLacks) {
  // The war ministry in Minas Tirith opposed Arnor: GONGOV + GOVMIL.
  auto doc = MakeDoc({{"The", "DT", 3, "det"},
                      {"war", "NN", 3, "compound"},
                      {"ministry", "NN", 7, "nsubj"},
                      {"in", "IN", 6, "case"},
                      {"Minas", "NNP", 6, "compound"},
                      {"Tirith", "NNP", 3, "nmod"},
                      {"opposed", "VBD", 0, "root"},
                      {"Arnor", "NNP", 7, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"GONGOVMIL", "ARN", "112"}}));
}

TEST(CoderTest, DatedActorCodesFollowTheSentenceDate) {
  auto make = [](const char* date) {
    return MakeDoc({{"Benjamin", "NNP", 2, "compound"},
                    {"Netanyahu", "NNP", 3, "nsubj"},
                    {"opposed", "VBD", 0, "root"},
                    {"Gondor", "NNP", 3, "obj"}},
                   date);
  };
  EXPECT_EQ(Code(make("2009-03-30")), (std::set<Triple>{{"ISRELI", "GON", "112"}}));
  EXPECT_EQ(Code(make("2009-03-31")), (std::set<Triple>{{"ISRGOV", "GON", "112"}}));
  EXPECT_EQ(Code(make("2022-12-28")), (std::set<Triple>{{"ISRELI", "GON", "112"}}));
  EXPECT_EQ(Code(make("2024-07-05")), (std::set<Triple>{{"ISRGOV", "GON", "112"}}));
}

TEST(CoderTest, PairedCodesCodeBothDirections) {
  // Arnor arrived in Gondor
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"arrived", "VBD", 0, "root"},
                      {"in", "IN", 4, "case"},
                      {"Gondor", "NNP", 2, "obl"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "032"}, {"GON", "ARN", "033"}}));
}

TEST(CoderTest, MultiWordVerbNeedsItsParticle) {
  auto make = [](const char* particle) {
    return MakeDoc({{"Gondor", "NNP", 2, "nsubj"},
                    {"cordoned", "VBD", 0, "root"},
                    {particle, "RP", 2, "compound:prt"},
                    {"Arnor", "NNP", 2, "obj"}});
  };
  EXPECT_EQ(Code(make("off")), (std::set<Triple>{{"GON", "ARN", "1721"}}));
  EXPECT_TRUE(Code(make("up")).empty());  // the block code is null
}

TEST(CoderTest, AVerbAndItsObjectNounTakeTheObjectsModifiers) {
  // Arnor lodged a formal protest with Gondor.
  auto make = [](const char* noun_relation) {
    return MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                    {"lodged", "VBD", 0, "root"},
                    {"a", "DT", 5, "det"},
                    {"formal", "JJ", 5, "amod"},
                    {"protest", "NN", 2, noun_relation},
                    {"with", "IN", 7, "case"},
                    {"Gondor", "NNP", 2, "obl"}});
  };
  EXPECT_EQ(Code(make("obj")), (std::set<Triple>{{"ARN", "GON", "114"}}));
  // Not the verb's object: the noun is no part of the verb.
  EXPECT_TRUE(Code(make("obl")).empty());
}

TEST(CoderTest, WhereARoleGoesIsNotWhoseItIs) {
  // Arnor sent police into Gondor: Arnor's police, sent at Gondor.
  auto into = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                       {"sent", "VBD", 0, "root"},
                       {"police", "NNS", 2, "obj"},
                       {"into", "IN", 5, "case"},
                       {"Gondor", "NNP", 3, "nmod"}});
  EXPECT_EQ(Code(into), (std::set<Triple>{{"ARN", "GON", "153"}}));
  // Arnor sent police from Gondor: the police are Gondor's.
  auto from = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                       {"sent", "VBD", 0, "root"},
                       {"police", "NNS", 2, "obj"},
                       {"from", "IN", 5, "case"},
                       {"Gondor", "NNP", 3, "nmod"}});
  EXPECT_EQ(Code(from), (std::set<Triple>{{"ARN", "GONCOP", "153"}}));
}

TEST(CoderTest, APatternEndingInToEndsInAPreposition) {
  // Arnor ordered police to Gondor: police sent to a place.
  auto sent = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                       {"ordered", "VBD", 0, "root"},
                       {"police", "NNS", 2, "obj"},
                       {"to", "IN", 5, "case"},
                       {"Gondor", "NNP", 2, "obl"}});
  EXPECT_EQ(Code(sent), (std::set<Triple>{{"ARN", "GON", "153"}}));
  // Arnor ordered Gondor police to leave: a demand, not a deployment.
  auto told = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                       {"ordered", "VBD", 0, "root"},
                       {"Gondor", "NNP", 4, "compound"},
                       {"police", "NNS", 2, "obj"},
                       {"to", "TO", 6, "mark"},
                       {"leave", "VB", 2, "xcomp"}});
  EXPECT_EQ(Code(told), (std::set<Triple>{{"ARN", "GONCOP", "100"}}));
}

TEST(CoderTest, ACounterpartHoldsTheOtherSidesRole) {
  // Arnor officials met their Gondor counterparts: Gondor's officials.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "compound"},
                      {"officials", "NNS", 3, "nsubj"},
                      {"met", "VBD", 0, "root"},
                      {"their", "PRP$", 6, "nmod:poss"},
                      {"Gondor", "NNP", 6, "compound"},
                      {"counterparts", "NNS", 3, "obj"}});
  doc.tokens[2].lemma = "meet";
  doc.tokens[5].lemma = "counterpart";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARNGOV", "GONGOV", "040"}}));
  // Gondor's allies are no officials.
  doc.tokens[5].form = "allies";
  doc.tokens[5].lemma = "ally";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARNGOV", "GON", "040"}}));
}

TEST(CoderTest, EachOtherMakesCoordinatedSubjectsEachOthersTargets) {
  // Arnor and Gondor threatened each other.
  auto doc = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                      {"and", "CC", 3, "cc"},
                      {"Gondor", "NNP", 1, "conj"},
                      {"threatened", "VBD", 0, "root"},
                      {"each", "DT", 4, "obj"},
                      {"other", "JJ", 5, "fixed"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "130"}, {"GON", "ARN", "130"}}));
}

TEST(CoderTest, WhatIsAllegedOfTheTargetNamesNoTarget) {
  // Arnor fought police accused of helping Gondor: Gondor is in the
  // allegation, not fought.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"fought", "VBD", 0, "root"},
                      {"police", "NNS", 2, "obj"},
                      {"accused", "VBN", 3, "acl"},
                      {"of", "IN", 6, "mark"},
                      {"helping", "VBG", 4, "advcl"},
                      {"Gondor", "NNP", 6, "obj"}});
  doc.tokens[3].lemma = "accuse";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "---COP", "190"}}));
}

TEST(CoderTest, APartyOfAParticipleClauseAfterACommaIsNotTheTarget) {
  // Arnor fought police, angering Gondor: Gondor was angered, not fought.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"fought", "VBD", 0, "root"},
                      {"police", "NNS", 2, "obj"},
                      {",", ",", 5, "punct"},
                      {"angering", "VBG", 2, "advcl"},
                      {"Gondor", "NNP", 5, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "---COP", "190"}}));
}

TEST(CoderTest, AModifierInsideAMultiWordRoleGivesItsCountry) {
  // Arnor met the Gondor war ministry, the parser hanging "Gondor" on "war".
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"met", "VBD", 0, "root"},
                      {"the", "DT", 6, "det"},
                      {"Gondor", "NNP", 5, "compound"},
                      {"war", "NN", 6, "compound"},
                      {"ministry", "NN", 2, "obj"}});
  doc.tokens[1].lemma = "meet";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GONGOVMIL", "040"}}));
}

TEST(CoderTest, AConditionIsNotDone) {
  // Arnor threatened Gondor if Eriador fought Osgiliath: no fight.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"threatened", "VBD", 0, "root"},
                      {"Gondor", "NNP", 2, "obj"},
                      {"if", "IN", 6, "mark"},
                      {"Eriador", "NNP", 6, "nsubj"},
                      {"fought", "VBD", 2, "advcl"},
                      {"Osgiliath", "NNP", 6, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "130"}}));
  // Without "if" the fight is reported.
  doc.tokens[3].form = "as";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "130"}, {"ERI", "OSG", "190"}}));
}

TEST(CoderTest, NeitherNorNegatesTheVerb) {
  // Neither Arnor nor Gondor fought Eriador.
  auto doc = MakeDoc({{"Neither", "CC", 2, "cc:preconj"},
                      {"Arnor", "NNP", 5, "nsubj"},
                      {"nor", "CC", 4, "cc"},
                      {"Gondor", "NNP", 2, "conj"},
                      {"fought", "VBD", 0, "root"},
                      {"Eriador", "NNP", 5, "obj"}});
  EXPECT_TRUE(Code(doc).empty());
}

TEST(CoderTest, CoordinatedVerbsShareTheObject) {
  // Arnor opposed and fought Gondor: both verbs have Gondor.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"opposed", "VBD", 0, "root"},
                      {"and", "CC", 4, "cc"},
                      {"fought", "VBD", 2, "conj"},
                      {"Gondor", "NNP", 4, "obj"}});
  doc.tokens[1].lemma = "oppose";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "112"}, {"ARN", "GON", "190"}}));
}

TEST(CoderTest, ARoleLedBySomeoneIsOfTheLeadersCountry) {
  // The police, led by Gondor officials, fought Eriador.
  auto doc = MakeDoc({{"The", "DT", 2, "det"},
                      {"police", "NNS", 9, "nsubj"},
                      {",", ",", 4, "punct"},
                      {"led", "VBN", 2, "acl"},
                      {"by", "IN", 7, "case"},
                      {"Gondor", "NNP", 7, "compound"},
                      {"officials", "NNS", 4, "obl:agent"},
                      {",", ",", 4, "punct"},
                      {"fought", "VBD", 0, "root"},
                      {"Eriador", "NNP", 9, "obj"}});
  doc.tokens[3].lemma = "lead";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"GONCOP", "ERI", "190"}}));
}

TEST(CoderTest, AThingThatActedNamesItsSenderInItsPhrase) {
  // Gondor was fought by drones sent from Arnor: Arnor's doing.
  auto doc = MakeDoc({{"Gondor", "NNP", 3, "nsubj:pass"},
                      {"was", "VBD", 3, "aux:pass"},
                      {"fought", "VBN", 0, "root"},
                      {"by", "IN", 5, "case"},
                      {"drones", "NNS", 3, "obl:agent"},
                      {"sent", "VBN", 5, "acl"},
                      {"from", "IN", 8, "case"},
                      {"Arnor", "NNP", 6, "obl"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "190"}}));
}

TEST(CoderTest, WhoActsAlongWithTheSubjectActsToo) {
  // Arnor, along with Gondor, fought Eriador.
  auto doc = MakeDoc({{"Arnor", "NNP", 6, "nsubj"},
                      {",", ",", 4, "punct"},
                      {"along", "IN", 4, "case"},
                      {"Gondor", "NNP", 1, "nmod"},
                      {",", ",", 1, "punct"},
                      {"fought", "VBD", 0, "root"},
                      {"Eriador", "NNP", 6, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "ERI", "190"}, {"GON", "ERI", "190"}}));
}

TEST(CoderTest, ABorderSaysNeitherWhoNorWhere) {
  // Arnor fought police near the Gondor border: the border has two sides,
  // so Gondor is not fought and the police are of no known country.
  auto make = [](const char* prep, const char* place) {
    auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                        {"fought", "VBD", 0, "root"},
                        {"police", "NNS", 2, "obj"},
                        {prep, "IN", 7, "case"},
                        {"the", "DT", 7, "det"},
                        {"Gondor", "NNP", 7, "compound"},
                        {place, "NN", 2, "obl"}});
    doc.tokens[6].lemma = place;
    return doc;
  };
  const std::set<Triple> nobodys{{"ARN", "---COP", "190"}};
  EXPECT_EQ(Code(make("near", "border")), nobodys);
  EXPECT_EQ(Code(make("along", "frontier")), nobodys);
}

TEST(CoderTest, APronounSpelledLikeAnActorIsNoActor) {
  // The dictionary's "US" is also "us": Arnor met us.
  auto make = [](const char* form, const char* xpos) {
    auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"}, {"met", "VBD", 0, "root"}, {form, xpos, 2, "obj"}});
    doc.tokens[1].lemma = "meet";
    return doc;
  };
  EXPECT_TRUE(Code(make("us", "PRP")).empty());
  EXPECT_EQ(Code(make("US", "NNP")), (std::set<Triple>{{"ARN", "USA", "040"}}));
}

TEST(CoderTest, AParticipleClauseHasItsHeadsSubject) {
  // Arnor opposed Gondor, arresting Eriador officials: Arnor arrested them.
  auto bare = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                       {"opposed", "VBD", 0, "root"},
                       {"Gondor", "NNP", 2, "obj"},
                       {",", ",", 5, "punct"},
                       {"arresting", "VBG", 2, "advcl"},
                       {"Eriador", "NNP", 7, "compound"},
                       {"officials", "NNS", 5, "obj"}});
  EXPECT_EQ(Code(bare), (std::set<Triple>{{"ARN", "GON", "112"}, {"ARN", "ERIGOV", "212"}}));
  // After a subordinator it is a time clause, left uncoded as PETRARCH does.
  auto after = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                        {"opposed", "VBD", 0, "root"},
                        {"Gondor", "NNP", 2, "obj"},
                        {",", ",", 6, "punct"},
                        {"after", "IN", 6, "mark"},
                        {"arresting", "VBG", 2, "advcl"},
                        {"Eriador", "NNP", 8, "compound"},
                        {"officials", "NNS", 6, "obj"}});
  EXPECT_EQ(Code(after), (std::set<Triple>{{"ARN", "GON", "112"}}));
}

TEST(CoderTest, ConjoinedVerbInheritsSubject) {
  // Arnor opposed Gondor and arrested Eriador officials
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"opposed", "VBD", 0, "root"},
                      {"Gondor", "NNP", 2, "obj"},
                      {"and", "CC", 5, "cc"},
                      {"arrested", "VBD", 2, "conj"},
                      {"Eriador", "NNP", 7, "compound"},
                      {"officials", "NNS", 5, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "112"}, {"ARN", "ERIGOV", "212"}}));
}

TEST(CoderTest, RequireDyadDropsOneSidedEvents) {
  // a senior official said
  auto doc = MakeDoc({{"a", "DT", 3, "det"},
                      {"senior", "JJ", 3, "amod"},
                      {"official", "NN", 4, "nsubj"},
                      {"said", "VBD", 0, "root"}});
  EXPECT_TRUE(Code(doc).empty());
  CoderOptions monadic;
  monadic.require_dyad = false;
  EXPECT_EQ(Code(doc, monadic), (std::set<Triple>{{"---GOV", "---", "023"}}));
}

TEST(CoderTest, MayYieldEventsNeedsATriggerWordAndAnActorPhrase) {
  static auto lexicon = TestLexicon();
  Coder coder(lexicon);
  auto tokens = [](std::vector<Row> rows) { return MakeDoc(std::move(rows)).tokens; };
  // A verb of the dictionary and an actor.
  EXPECT_TRUE(coder.MayYieldEvents(tokens({{"Arnor", "NNP", 2, "nsubj"}, {"restored", "VBD", 0, "root"}})));
  // No verb or event noun of the dictionary, however many actors.
  EXPECT_FALSE(coder.MayYieldEvents(tokens({{"Arnor", "NNP", 2, "nsubj"}, {"slept", "VBD", 0, "root"},
                                            {"in", "IN", 4, "case"}, {"Gondor", "NNP", 2, "obl"}})));
  // A verb but no actor or agent phrase: nothing to code with a dyad...
  auto no_actor = tokens({{"they", "PRP", 2, "nsubj"}, {"restored", "VBD", 0, "root"}, {"ties", "NNS", 2, "obj"}});
  EXPECT_FALSE(coder.MayYieldEvents(no_actor));
  // ... but one-sided events need none.
  CoderOptions monadic;
  monadic.require_dyad = false;
  EXPECT_TRUE(Coder(lexicon, monadic).MayYieldEvents(no_actor));
  // An agent word is enough ("a senior official said").
  EXPECT_TRUE(coder.MayYieldEvents(tokens({{"a", "DT", 3, "det"}, {"senior", "JJ", 3, "amod"},
                                           {"official", "NN", 4, "nsubj"}, {"said", "VBD", 0, "root"}})));
}

TEST(CoderTest, ASentenceWithoutATreeCodesNothing) {
  // Tagged but not parsed (heads -1): what pipeline::Analyze leaves when
  // MayYieldEvents says no.
  auto doc = MakeDoc({{"Arnor", "NNP", -1, ""}, {"restored", "VBD", -1, ""}, {"ties", "NNS", -1, ""},
                      {"with", "IN", -1, ""}, {"Gondor", "NNP", -1, ""}});
  EXPECT_TRUE(Code(doc).empty());
}

TEST(CoderTest, DiscardPhraseSuppressesTheSentence) {
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"opposed", "VBD", 0, "root"},
                      {"Gondor", "NNP", 4, "compound"},
                      {"baseball", "NN", 2, "obj"}});
  EXPECT_TRUE(Code(doc).empty());
}

TEST(CoderTest, NegatedVerbCodesNothingUnlessAPatternSaysSo) {
  // Arnor did not oppose Gondor
  auto not_doc = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                          {"did", "VBD", 4, "aux"},
                          {"not", "RB", 4, "advmod"},
                          {"oppose", "VB", 0, "root"},
                          {"Gondor", "NNP", 4, "obj"}});
  EXPECT_TRUE(Code(not_doc).empty());
  // Arnor never opposed Gondor: the dictionary has a pattern for it.
  auto never_doc = MakeDoc({{"Arnor", "NNP", 3, "nsubj"},
                            {"never", "RB", 3, "advmod"},
                            {"opposed", "VBD", 0, "root"},
                            {"Gondor", "NNP", 3, "obj"}});
  EXPECT_EQ(Code(never_doc), (std::set<Triple>{{"ARN", "GON", "904"}}));
}

TEST(CoderTest, PassiveWithoutAgentTakesSourceFromTheVerbsPhrase) {
  // Eriador was opposed in Osgiliath
  auto doc = MakeDoc({{"Eriador", "NNP", 3, "nsubj:pass"},
                      {"was", "VBD", 3, "aux:pass"},
                      {"opposed", "VBN", 0, "root"},
                      {"in", "IN", 5, "case"},
                      {"Osgiliath", "NNP", 3, "obl"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"OSG", "ERI", "112"}}));
}

TEST(CoderTest, FirstActorOfANounPhraseWins) {
  // Gondor's minister Arnor opposed Eriador: the possessor names the country.
  auto doc = MakeDoc({{"Gondor", "NNP", 4, "nmod:poss"},
                      {"'s", "POS", 1, "case"},
                      {"minister", "NN", 4, "compound"},
                      {"Arnor", "NNP", 5, "nsubj"},
                      {"opposed", "VBD", 0, "root"},
                      {"Eriador", "NNP", 5, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"GON", "ERI", "112"}}));
}

TEST(CoderTest, ATitleBeforeANameIsPartOfIt) {
  // Gondor minister Arnor opposed Eriador, with the title as nmod:desc (UD
  // English from 2.13 on): the title's country names the actor, as for a
  // compound.
  auto doc = MakeDoc({{"Gondor", "NNP", 2, "compound"},
                      {"minister", "NN", 3, "nmod:desc"},
                      {"Arnor", "NNP", 4, "nsubj"},
                      {"opposed", "VBD", 0, "root"},
                      {"Eriador", "NNP", 4, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"GON", "ERI", "112"}}));
}

TEST(CoderTest, AClauseWithItsOwnConjunctionIsAConjunct) {
  // Arnor opposed Gondor and opposed Eriador, the second verb labelled an
  // adverbial clause but with "and" of its own: it shares the subject.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"opposed", "VBD", 0, "root"},
                      {"Gondor", "NNP", 2, "obj"},
                      {"and", "CC", 5, "cc"},
                      {"opposed", "VBD", 2, "advcl"},
                      {"Eriador", "NNP", 5, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "112"}, {"ARN", "ERI", "112"}}));
}

TEST(CoderTest, DegenerateTreesAreBounded) {
  // A 250-token chain of nested phrases ("Arnor opposed the X of the X of ..."):
  // coded without unbounded recursion.
  std::vector<Row> rows = {{"Arnor", "NNP", 2, "nsubj"}, {"opposed", "VBD", 0, "root"}};
  for (int i = 0; i < 248; ++i)
    rows.push_back({i % 2 ? "Gondor" : "of", i % 2 ? "NNP" : "IN", i == 0 ? 2 : i + 2,
                    i % 2 ? "nmod" : "case"});
  for (int i = 2; i < 250; i += 2) rows[i].head = i + 2;  // case → its noun
  rows[3].head = 2;
  rows[3].deprel = "obj";
  for (int i = 5; i < 250; i += 2) rows[i].head = i - 1;  // each noun under the previous
  auto doc = MakeDoc(rows);
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "112"}}));
  // Past the length budget the sentence is not coded at all.
  std::vector<Row> long_rows(kMaxSentenceTokens + 1, Row{"Gondor", "NNP", 1, "conj"});
  long_rows[0] = {"Arnor", "NNP", 0, "root"};
  auto long_doc = MakeDoc(long_rows);
  Coder coder(TestLexicon());
  std::vector<Event> events;
  SentenceTrace trace;
  coder.CodeSentence(long_doc, long_doc.sentences[0], events, &trace);
  EXPECT_TRUE(trace.too_long);
  EXPECT_TRUE(events.empty());
}

TEST(CoderTest, AdjectiveRolesStayOffActorsInLaterPhrases) {
  // Gondor opposed military aid to Arnor: Arnor is not a military actor.
  auto aid = MakeDoc({{"Gondor", "NNP", 2, "nsubj"},
                      {"opposed", "VBD", 0, "root"},
                      {"military", "JJ", 4, "amod"},
                      {"aid", "NN", 2, "obj"},
                      {"to", "IN", 6, "case"},
                      {"Arnor", "NNP", 4, "nmod"}});
  EXPECT_EQ(Code(aid), (std::set<Triple>{{"GON", "ARN", "112"}}));
  // Arnor's military opposed Gondor: the role noun is the head.
  auto army = MakeDoc({{"Arnor", "NNP", 3, "nmod:poss"},
                       {"'s", "POS", 1, "case"},
                       {"military", "NN", 4, "nsubj"},
                       {"opposed", "VBD", 0, "root"},
                       {"Gondor", "NNP", 4, "obj"}});
  EXPECT_EQ(Code(army), (std::set<Triple>{{"ARNMIL", "GON", "112"}}));
}

TEST(CoderTest, ARoleObjectYieldsToAnActorWithACountry) {
  // Arnor arrested a delegation in Gondor: the target is Gondor, not "---GOV".
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"arrested", "VBD", 0, "root"},
                      {"a", "DT", 4, "det"},
                      {"delegation", "NN", 2, "obj"},
                      {"in", "IN", 6, "case"},
                      {"Gondor", "NNP", 2, "obl"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "212"}}));
  // Without a located actor the role stays, and require_known_country drops it.
  auto alone = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                        {"arrested", "VBD", 0, "root"},
                        {"a", "DT", 4, "det"},
                        {"delegation", "NN", 2, "obj"}});
  EXPECT_EQ(Code(alone), (std::set<Triple>{{"ARN", "---GOV", "212"}}));
  CoderOptions news;
  news.require_known_country = true;
  EXPECT_TRUE(Code(alone, news).empty());
}

TEST(CoderTest, ANounConjoinedToTheVerbIsNotItsTarget) {
  // "Arnor opposed the plan, and Gondor ..." misparsed with Gondor as a
  // conjunct of the verb: Gondor is another clause's subject, not the target.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"opposed", "VBD", 0, "root"},
                      {"the", "DT", 4, "det"},
                      {"plan", "NN", 2, "obj"},
                      {"and", "CC", 6, "cc"},
                      {"Gondor", "NNP", 2, "conj"}});
  EXPECT_TRUE(Code(doc).empty());
}

TEST(CoderTest, ASubjectMisreadAsAConjunctOfAFrontedDateStillCounts) {
  // On Thursday , Gondor in Arnor opposed Eriador — parsed with "Gondor" as a
  // conjunct of "Thursday" and "in Arnor" under "Thursday": no nsubj.
  auto doc = MakeDoc({{"On", "IN", 2, "case"},
                      {"Thursday", "NNP", 7, "obl"},
                      {",", ",", 4, "punct"},
                      {"Gondor", "NNP", 2, "conj"},
                      {"in", "IN", 6, "case"},
                      {"Arnor", "NNP", 2, "nmod"},
                      {"opposed", "VBD", 0, "root"},
                      {"Eriador", "NNP", 7, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"GON", "ERI", "112"}}));
}

TEST(CoderTest, UnknownVerbCodesNothing) {
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"visited", "VBD", 0, "root"},
                      {"Gondor", "NNP", 2, "obj"}});
  EXPECT_TRUE(Code(doc).empty());
}


TEST(CoderTest, CoordinatedSubjectsOfAReciprocalVerbMeetEachOther) {
  // Arnor and Gondor met in Osgiliath: each the other's target, the city
  // only where they met.
  auto doc = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                      {"and", "CC", 3, "cc"},
                      {"Gondor", "NNP", 1, "conj"},
                      {"met", "VBD", 0, "root"},
                      {"in", "IN", 6, "case"},
                      {"Osgiliath", "NNP", 4, "obl"}});
  doc.tokens[3].lemma = "meet";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "040"}, {"GON", "ARN", "040"}}));
  // One subject: the place stays the target, as PETRARCH codes it.
  auto single = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                         {"met", "VBD", 0, "root"},
                         {"in", "IN", 4, "case"},
                         {"Osgiliath", "NNP", 2, "obl"}});
  single.tokens[1].lemma = "meet";
  EXPECT_EQ(Code(single), (std::set<Triple>{{"ARN", "OSG", "040"}}));
}

TEST(CoderTest, CoordinatedSubjectsWhoFightFightEachOther) {
  // Arnor and Gondor fought near Osgiliath.
  auto doc = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                      {"and", "CC", 3, "cc"},
                      {"Gondor", "NNP", 1, "conj"},
                      {"fought", "VBD", 0, "root"},
                      {"near", "IN", 6, "case"},
                      {"Osgiliath", "NNP", 4, "obl"}});
  doc.tokens[3].lemma = "fight";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "190"}, {"GON", "ARN", "190"}}));
}

TEST(CoderTest, CoordinatedSubjectsOfAReciprocalVerbWithAnObjectAreEachOthersTargets) {
  // Arnor and Gondor signed a treaty in Osgiliath: the treaty is between
  // them, the city only where it was signed.
  auto doc = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                      {"and", "CC", 3, "cc"},
                      {"Gondor", "NNP", 1, "conj"},
                      {"signed", "VBD", 0, "root"},
                      {"a", "DT", 6, "det"},
                      {"treaty", "NN", 4, "obj"},
                      {"in", "IN", 8, "case"},
                      {"Osgiliath", "NNP", 4, "obl"}});
  doc.tokens[3].lemma = "sign";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "057"}, {"GON", "ARN", "057"}}));
  // A third party named with "with" is who they signed with.
  auto with = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                       {"and", "CC", 3, "cc"},
                       {"Gondor", "NNP", 1, "conj"},
                       {"signed", "VBD", 0, "root"},
                       {"a", "DT", 6, "det"},
                       {"treaty", "NN", 4, "obj"},
                       {"with", "IN", 8, "case"},
                       {"Eriador", "NNP", 4, "obl"}});
  with.tokens[3].lemma = "sign";
  EXPECT_EQ(Code(with), (std::set<Triple>{{"ARN", "ERI", "057"}, {"GON", "ERI", "057"}}));
}

TEST(CoderTest, WhoBrokeredADealIsNotAParty) {
  // Arnor and Gondor signed a treaty drafted by Eriador: between the two;
  // Eriador only drafted it.
  auto drafted = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                          {"and", "CC", 3, "cc"},
                          {"Gondor", "NNP", 1, "conj"},
                          {"signed", "VBD", 0, "root"},
                          {"a", "DT", 6, "det"},
                          {"treaty", "NN", 4, "obj"},
                          {"drafted", "VBN", 6, "acl"},
                          {"by", "IN", 9, "case"},
                          {"Eriador", "NNP", 7, "obl:agent"}});
  drafted.tokens[3].lemma = "sign";
  EXPECT_EQ(Code(drafted), (std::set<Triple>{{"ARN", "GON", "057"}, {"GON", "ARN", "057"}}));
  // Arnor fought in a war started by Eriador: the agent of a phrase of the
  // verb's is not fought.
  auto war = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"fought", "VBD", 0, "root"},
                      {"in", "IN", 5, "case"},
                      {"a", "DT", 5, "det"},
                      {"war", "NN", 2, "obl"},
                      {"started", "VBN", 5, "acl"},
                      {"by", "IN", 8, "case"},
                      {"Eriador", "NNP", 6, "obl:agent"}});
  EXPECT_TRUE(Code(war).empty());
  // Arnor opposed a plan drafted by Eriador: what it acts on is Eriador's.
  auto plan = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                       {"opposed", "VBD", 0, "root"},
                       {"a", "DT", 4, "det"},
                       {"plan", "NN", 2, "obj"},
                       {"drafted", "VBN", 4, "acl"},
                       {"by", "IN", 7, "case"},
                       {"Eriador", "NNP", 5, "obl:agent"}});
  EXPECT_EQ(Code(plan), (std::set<Triple>{{"ARN", "ERI", "112"}}));
}

TEST(CoderTest, CoordinatedSubjectsSwapWithEachOther) {
  // Arnor and Gondor swapped 95 police: what they exchanged, with each other.
  auto swapped = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                          {"and", "CC", 3, "cc"},
                          {"Gondor", "NNP", 1, "conj"},
                          {"swapped", "VBD", 0, "root"},
                          {"95", "CD", 6, "nummod"},
                          {"police", "NNS", 4, "obj"}});
  swapped.tokens[3].lemma = "swap";
  EXPECT_EQ(Code(swapped), (std::set<Triple>{{"ARN", "GON", "0841"}, {"GON", "ARN", "0841"}}));
  // Arnor and Gondor fought police: the role is who they fought.
  auto fought = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                         {"and", "CC", 3, "cc"},
                         {"Gondor", "NNP", 1, "conj"},
                         {"fought", "VBD", 0, "root"},
                         {"police", "NNS", 4, "obj"}});
  fought.tokens[3].lemma = "fight";
  EXPECT_EQ(Code(fought), (std::set<Triple>{{"ARN", "---COP", "190"}, {"GON", "---COP", "190"}}));
}

TEST(CoderTest, WhatACodedVerbThreatensIsNotDone) {
  // Arnor threatened to arrest Eriador: a threat, no arrest.
  auto threat = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                         {"threatened", "VBD", 0, "root"},
                         {"to", "TO", 4, "mark"},
                         {"arrest", "VB", 2, "xcomp"},
                         {"Eriador", "NNP", 4, "obj"}});
  EXPECT_EQ(Code(threat), (std::set<Triple>{{"ARN", "ERI", "130"}}));
  // Arnor began to arrest Eriador: "began" codes nothing, so the arrest is
  // the event.
  auto began = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                        {"began", "VBD", 0, "root"},
                        {"to", "TO", 4, "mark"},
                        {"arrest", "VB", 2, "xcomp"},
                        {"Eriador", "NNP", 4, "obj"}});
  EXPECT_EQ(Code(began), (std::set<Triple>{{"ARN", "ERI", "212"}}));
  // Arnor wants Gondor to arrest Eriador: wanted, not done.
  auto wants = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                        {"wants", "VBZ", 0, "root"},
                        {"Gondor", "NNP", 2, "obj"},
                        {"to", "TO", 5, "mark"},
                        {"arrest", "VB", 2, "xcomp"},
                        {"Eriador", "NNP", 5, "obj"}});
  wants.tokens[1].lemma = "want";
  EXPECT_TRUE(Code(wants).empty());
  // Arnor hopes that Gondor arrests Eriador: hoped, not done.
  auto hopes = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                        {"hopes", "VBZ", 0, "root"},
                        {"that", "IN", 5, "mark"},
                        {"Gondor", "NNP", 5, "nsubj"},
                        {"arrests", "VBZ", 2, "ccomp"},
                        {"Eriador", "NNP", 5, "obj"}});
  hopes.tokens[1].lemma = "hope";
  EXPECT_TRUE(Code(hopes).empty());
  // Arnor accused Gondor of arresting Eriador: alleged, not done (the
  // accusation itself has no code in this dictionary).
  auto accused = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                          {"accused", "VBD", 0, "root"},
                          {"Gondor", "NNP", 2, "obj"},
                          {"of", "IN", 5, "mark"},
                          {"arresting", "VBG", 3, "acl"},
                          {"Eriador", "NNP", 5, "obj"}});
  accused.tokens[1].lemma = "accuse";
  EXPECT_TRUE(Code(accused).empty());
}

TEST(CoderTest, CompanyIsNotATarget) {
  // Arnor arrived alongside Gondor: Gondor came too; nobody was arrived at.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"arrived", "VBD", 0, "root"},
                      {"alongside", "IN", 4, "case"},
                      {"Gondor", "NNP", 2, "obl"}});
  EXPECT_TRUE(Code(doc).empty());
}

TEST(CoderTest, CallingSomethingSomethingIsNoCall) {
  // Arnor called Gondor: a telephone call.
  auto call = MakeDoc({{"Arnor", "NNP", 2, "nsubj"}, {"called", "VBD", 0, "root"}, {"Gondor", "NNP", 2, "obj"}});
  call.tokens[1].lemma = "call";
  EXPECT_EQ(Code(call), (std::set<Triple>{{"ARN", "GON", "041"}}));
  // Arnor called Gondor a threat: naming it.
  auto named = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                        {"called", "VBD", 0, "root"},
                        {"Gondor", "NNP", 2, "obj"},
                        {"a", "DT", 5, "det"},
                        {"threat", "NN", 2, "xcomp"}});
  named.tokens[1].lemma = "call";
  EXPECT_TRUE(Code(named).empty());
}

TEST(CoderTest, CoordinatedSubjectsCooperateWithEachOther) {
  // Arnor and Gondor drilled their troops: together (062), no one else named.
  auto doc = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                      {"and", "CC", 3, "cc"},
                      {"Gondor", "NNP", 1, "conj"},
                      {"drilled", "VBD", 0, "root"},
                      {"their", "PRP$", 6, "nmod:poss"},
                      {"troops", "NNS", 4, "obj"}});
  doc.tokens[3].lemma = "drill";
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "062"}, {"GON", "ARN", "062"}}));
}

TEST(CoderTest, ARoleOwnedByItsIsTheSubjectAbove) {
  // Arnor said its police arrested Eriador: Arnor's police.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"said", "VBD", 0, "root"},
                      {"its", "PRP$", 4, "nmod:poss"},
                      {"police", "NNS", 5, "nsubj"},
                      {"arrested", "VBD", 2, "ccomp"},
                      {"Eriador", "NNP", 5, "obj"}});
  EXPECT_TRUE(Code(doc).count({"ARNCOP", "ERI", "212"}));
  // Arnor said its raids arrested Eriador: Arnor's raids.
  auto raids = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                        {"said", "VBD", 0, "root"},
                        {"its", "PRP$", 4, "nmod:poss"},
                        {"raids", "NNS", 5, "nsubj"},
                        {"arrested", "VBD", 2, "ccomp"},
                        {"Eriador", "NNP", 5, "obj"}});
  EXPECT_TRUE(Code(raids).count({"ARN", "ERI", "212"}));
}

TEST(CoderTest, ARelativePronounStandsForItsNoun) {
  // Gondor opposed the police that arrested Eriador: the police arrested.
  auto doc = MakeDoc({{"Gondor", "NNP", 2, "nsubj"},
                      {"opposed", "VBD", 0, "root"},
                      {"the", "DT", 4, "det"},
                      {"police", "NNS", 2, "obj"},
                      {"that", "WDT", 6, "nsubj"},
                      {"arrested", "VBD", 4, "acl:relcl"},
                      {"Eriador", "NNP", 6, "obj"}});
  const auto events = Code(doc);
  EXPECT_TRUE(events.count({"---COP", "ERI", "212"}));
  EXPECT_FALSE(events.count({"GON", "ERI", "212"}));
}

TEST(CoderTest, CoordinatedSubjectsAllyWithEachOther) {
  // Arnor and Gondor allied: with each other (050), no one else named.
  auto doc = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                      {"and", "CC", 3, "cc"},
                      {"Gondor", "NNP", 1, "conj"},
                      {"allied", "VBD", 0, "root"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "050"}, {"GON", "ARN", "050"}}));
}

TEST(CoderTest, APassiveWeaponFallsWhereItWasAimed) {
  // Rockets were fired from Arnor into Gondor.
  auto doc = MakeDoc({{"Rockets", "NNS", 3, "nsubj:pass"},
                      {"were", "VBD", 3, "aux:pass"},
                      {"fired", "VBN", 0, "root"},
                      {"from", "IN", 5, "case"},
                      {"Arnor", "NNP", 3, "obl"},
                      {"into", "IN", 7, "case"},
                      {"Gondor", "NNP", 3, "obl"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "190"}}));
}

TEST(CoderTest, AGoBetweenIsNotATarget) {
  // Arnor met through Eriador: Eriador carried it, nobody was met.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"met", "VBD", 0, "root"},
                      {"through", "IN", 4, "case"},
                      {"Eriador", "NNP", 2, "obl"}});
  doc.tokens[1].lemma = "meet";
  EXPECT_TRUE(Code(doc).empty());
  // Arnor arrived during Gondor: when, not where or to whom.
  auto during = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                         {"arrived", "VBD", 0, "root"},
                         {"during", "IN", 4, "case"},
                         {"Gondor", "NNP", 2, "obl"}});
  EXPECT_TRUE(Code(during).empty());
  // Arnor fought police under a deal with Gondor: the terms, not the foe.
  auto under = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                        {"fought", "VBD", 0, "root"},
                        {"police", "NNS", 2, "obj"},
                        {"under", "IN", 6, "case"},
                        {"a", "DT", 6, "det"},
                        {"deal", "NN", 2, "obl"},
                        {"with", "IN", 8, "case"},
                        {"Gondor", "NNP", 6, "nmod"}});
  EXPECT_EQ(Code(under), (std::set<Triple>{{"ARN", "---COP", "190"}}));
}

TEST(CoderTest, WhoReportsAnEventIsNotItsTarget) {
  // Arnor arrived, according to Gondor: Gondor tells of it.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"arrived", "VBD", 0, "root"},
                      {",", ",", 6, "punct"},
                      {"according", "VBG", 6, "case"},
                      {"to", "IN", 4, "fixed"},
                      {"Gondor", "NNP", 2, "obl"}});
  EXPECT_TRUE(Code(doc).empty());
  // The same phrase with a party in it: "arrived in Gondor" keeps its target.
  auto party = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                        {"arrived", "VBD", 0, "root"},
                        {"in", "IN", 4, "case"},
                        {"Gondor", "NNP", 2, "obl"}});
  EXPECT_EQ(Code(party), (std::set<Triple>{{"ARN", "GON", "032"}, {"GON", "ARN", "033"}}));
}

// Event nouns come from Parley's verbs format ("nouns = ...").
constexpr std::string_view kNounVerbs = R"(# parley-dictionary: verbs 1
[negotiate]
code = 046
verbs = negotiate
nouns = talks; peace talks -> 0461

[air strike]
code = 195
verbs = bomb
nouns = airstrike; air raid

[sanction]
code = 163
nouns = sanction

[mediate]
code = 045
nouns = mediation

[hold]
forms = hold: holds held holding
pattern = * talks -> 046

[protest (verb)]
code = 141
verbs = protest
pattern = * (to +) -> 114
)";

std::set<Triple> CodeWithNouns(const Document& doc) {
  static const auto lexicon = [] {
    auto lex = std::make_shared<lexicon::Lexicon>();
    EXPECT_TRUE(lex->verbs.LoadParleyText(kNounVerbs, "nouns.txt", lex->vocab).ok());
    EXPECT_TRUE(lex->actors.LoadPetrarchText(kActors, "actors.txt", lex->vocab).ok());
    EXPECT_TRUE(lex->agents.LoadPetrarchText(kAgents, "agents.txt", lex->vocab).ok());
    return std::shared_ptr<const lexicon::Lexicon>(lex);
  }();
  return CodeWith(lexicon, doc);
}

TEST(CoderEventNounTest, APhraseThatNamesAnActorBeginsWithAPreposition) {
  // Arnor protested to Gondor: a complaint lodged with Gondor.
  auto lodged = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                         {"protested", "VBD", 0, "root"},
                         {"to", "IN", 4, "case"},
                         {"Gondor", "NNP", 2, "obl"}});
  EXPECT_EQ(CodeWithNouns(lodged), (std::set<Triple>{{"ARN", "GON", "114"}}));
  // Arnor protested to free Gondor: "to" begins an infinitive.
  auto street = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                         {"protested", "VBD", 0, "root"},
                         {"to", "TO", 4, "mark"},
                         {"free", "VB", 2, "xcomp"},
                         {"Gondor", "NNP", 4, "obj"}});
  for (const Triple& t : CodeWithNouns(street)) EXPECT_NE(std::get<2>(t), "114");
}

TEST(CoderEventNounTest, AGrievanceIsNotTheSubjectsOwnAct) {
  // Arnor retaliated against Gondor for the airstrike: not Arnor's airstrike.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"retaliated", "VBD", 0, "root"},
                      {"against", "IN", 4, "case"},
                      {"Gondor", "NNP", 2, "obl"},
                      {"for", "IN", 7, "case"},
                      {"the", "DT", 7, "det"},
                      {"airstrike", "NN", 2, "obl"}});
  EXPECT_TRUE(CodeWithNouns(doc).empty());
  // Arnor warned against an airstrike on Gondor: a warning, not an attack.
  auto warned = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                         {"warned", "VBD", 0, "root"},
                         {"against", "IN", 5, "case"},
                         {"an", "DT", 5, "det"},
                         {"airstrike", "NN", 2, "obl"},
                         {"on", "IN", 7, "case"},
                         {"Gondor", "NNP", 5, "nmod"}});
  EXPECT_TRUE(CodeWithNouns(warned).empty());
  // Arnor carried out an airstrike on Gondor: its own.
  auto own = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"carried", "VBD", 0, "root"},
                      {"out", "RP", 2, "compound:prt"},
                      {"an", "DT", 5, "det"},
                      {"airstrike", "NN", 2, "obj"},
                      {"on", "IN", 7, "case"},
                      {"Gondor", "NNP", 5, "nmod"}});
  EXPECT_EQ(CodeWithNouns(own), (std::set<Triple>{{"ARN", "GON", "195"}}));
}

TEST(CoderEventNounTest, PremodifierSourceAndPrepositionalTarget) {
  // Israeli airstrikes on Gondor killed ten (plural of a listed noun).
  auto doc = MakeDoc({{"Israeli", "JJ", 2, "amod"},
                      {"airstrikes", "NNS", 5, "nsubj"},
                      {"on", "IN", 4, "case"},
                      {"Gondor", "NNP", 2, "nmod"},
                      {"killed", "VBD", 0, "root"},
                      {"ten", "CD", 5, "obj"}});
  EXPECT_EQ(CodeWithNouns(doc), (std::set<Triple>{{"ISR", "GON", "195"}}));
}

TEST(CoderEventNounTest, BetweenCodesBothDirections) {
  // Talks between Arnor and Gondor resumed.
  auto doc = MakeDoc({{"Talks", "NNS", 6, "nsubj"},
                      {"between", "IN", 3, "case"},
                      {"Arnor", "NNP", 1, "nmod"},
                      {"and", "CC", 5, "cc"},
                      {"Gondor", "NNP", 3, "conj"},
                      {"resumed", "VBD", 0, "root"}});
  EXPECT_EQ(CodeWithNouns(doc), (std::set<Triple>{{"ARN", "GON", "046"}, {"GON", "ARN", "046"}}));
  // Talks between Arnor and Gondor collapsed: no talks to code.
  doc.tokens[5].form = "collapsed";
  doc.tokens[5].lemma = "collapse";
  EXPECT_TRUE(CodeWithNouns(doc).empty());
}

TEST(CoderEventNounTest, MultiWordNounWithOwnCode) {
  // Arnor joined peace talks with Gondor: the object's verb is not coded, so
  // the noun takes the verb's subject as its source.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"joined", "VBD", 0, "root"},
                      {"peace", "NN", 4, "compound"},
                      {"talks", "NNS", 2, "obj"},
                      {"with", "IN", 6, "case"},
                      {"Gondor", "NNP", 4, "nmod"}});
  EXPECT_EQ(CodeWithNouns(doc), (std::set<Triple>{{"ARN", "GON", "0461"}}));
}

TEST(CoderEventNounTest, MediatorBetweenTwoSides) {
  // Arnor's mediation between Gondor and Eriador
  auto doc = MakeDoc({{"Arnor", "NNP", 3, "nmod:poss"},
                      {"'s", "POS", 1, "case"},
                      {"mediation", "NN", 0, "root"},
                      {"between", "IN", 5, "case"},
                      {"Gondor", "NNP", 3, "nmod"},
                      {"and", "CC", 7, "cc"},
                      {"Eriador", "NNP", 5, "conj"}});
  EXPECT_EQ(CodeWithNouns(doc), (std::set<Triple>{{"ARN", "GON", "045"}, {"ARN", "ERI", "045"}}));
}

TEST(CoderEventNounTest, WrongPrepositionNegationOrOneSideCodeNothing) {
  // "sanctions with Gondor": coercion takes on/against, not with.
  auto with = MakeDoc({{"Arnor", "NNP", 2, "compound"},
                       {"sanctions", "NNS", 0, "root"},
                       {"with", "IN", 4, "case"},
                       {"Gondor", "NNP", 2, "nmod"}});
  EXPECT_TRUE(CodeWithNouns(with).empty());
  // "no airstrikes on Gondor"
  auto negated = MakeDoc({{"no", "DT", 2, "det"},
                          {"airstrikes", "NNS", 0, "root"},
                          {"on", "IN", 4, "case"},
                          {"Gondor", "NNP", 2, "nmod"}});
  EXPECT_TRUE(CodeWithNouns(negated).empty());
  // "airstrikes on Gondor": no source.
  auto one_side = MakeDoc({{"airstrikes", "NNS", 0, "root"},
                           {"on", "IN", 3, "case"},
                           {"Gondor", "NNP", 1, "nmod"}});
  EXPECT_TRUE(CodeWithNouns(one_side).empty());
}

TEST(CoderEventNounTest, TheObjectOfACodedVerbIsNotCodedAgain) {
  // Arnor negotiate talks with Gondor: the verb's event (046), not the
  // noun's own code (0461 would need "peace talks" anyway).
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"negotiate", "VBP", 0, "root"},
                      {"talks", "NNS", 2, "obj"},
                      {"with", "IN", 5, "case"},
                      {"Gondor", "NNP", 3, "nmod"}});
  EXPECT_EQ(CodeWithNouns(doc), (std::set<Triple>{{"ARN", "GON", "046"}}));
}

TEST(CoderEventNounTest, AQuantityStandsForTheNounAndTheVerbMayHoldTheTarget) {
  // Arnor launched a wave of airstrikes on Gondor ("on Gondor" hung on the
  // verb, which is not in the dictionary).
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"},
                      {"launched", "VBD", 0, "root"},
                      {"a", "DT", 4, "det"},
                      {"wave", "NN", 2, "obj"},
                      {"of", "IN", 6, "case"},
                      {"airstrikes", "NNS", 4, "nmod"},
                      {"on", "IN", 8, "case"},
                      {"Gondor", "NNP", 2, "obl"}});
  EXPECT_EQ(CodeWithNouns(doc), (std::set<Triple>{{"ARN", "GON", "195"}}));
}

TEST(CoderEventNounTest, TwoSidesJoinedBeforeAMutualNounHoldItWithEachOther) {
  // Arnor-Gondor talks resumed.
  auto doc = MakeDoc({{"Arnor-Gondor", "NNP", 2, "compound"},
                      {"talks", "NNS", 3, "nsubj"},
                      {"resumed", "VBD", 0, "root"}});
  EXPECT_EQ(CodeWithNouns(doc), (std::set<Triple>{{"ARN", "GON", "046"}, {"GON", "ARN", "046"}}));
}

TEST(CoderTest, AJoinedPairOfActorsIsBoth) {
  // Arnor threatened Gondor-Eriador: both are threatened.
  auto doc = MakeDoc({{"Arnor", "NNP", 2, "nsubj"}, {"threatened", "VBD", 0, "root"}, {"Gondor-Eriador", "NNP", 2, "obj"}});
  EXPECT_EQ(Code(doc), (std::set<Triple>{{"ARN", "GON", "130"}, {"ARN", "ERI", "130"}}));
}

TEST(CoderEventNounTest, CoordinatedSubjectsHoldingTalksHoldThemWithEachOther) {
  // Arnor and Gondor held talks in Osgiliath: with each other, in Osgiliath.
  auto doc = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                      {"and", "CC", 3, "cc"},
                      {"Gondor", "NNP", 1, "conj"},
                      {"held", "VBD", 0, "root"},
                      {"talks", "NNS", 4, "obj"},
                      {"in", "IN", 7, "case"},
                      {"Osgiliath", "NNP", 4, "obl"}});
  EXPECT_EQ(CodeWithNouns(doc), (std::set<Triple>{{"ARN", "GON", "046"}, {"GON", "ARN", "046"}}));
  // Arnor and Gondor held military talks: "military" says what kind of
  // talks, not with whom.
  auto military = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                           {"and", "CC", 3, "cc"},
                           {"Gondor", "NNP", 1, "conj"},
                           {"held", "VBD", 0, "root"},
                           {"military", "JJ", 6, "amod"},
                           {"talks", "NNS", 4, "obj"}});
  EXPECT_EQ(CodeWithNouns(military), (std::set<Triple>{{"ARN", "GON", "046"}, {"GON", "ARN", "046"}}));
  // Arnor and Gondor held a second round of talks in Osgiliath: the talks
  // are what was held.
  auto round = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                        {"and", "CC", 3, "cc"},
                        {"Gondor", "NNP", 1, "conj"},
                        {"held", "VBD", 0, "root"},
                        {"a", "DT", 7, "det"},
                        {"second", "JJ", 7, "amod"},
                        {"round", "NN", 4, "obj"},
                        {"of", "IN", 9, "case"},
                        {"talks", "NNS", 7, "nmod"},
                        {"in", "IN", 11, "case"},
                        {"Osgiliath", "NNP", 4, "obl"}});
  EXPECT_EQ(CodeWithNouns(round), (std::set<Triple>{{"ARN", "GON", "046"}, {"GON", "ARN", "046"}}));
  // ... a round of military talks: "military" inside the "of" phrase.
  auto round_of_military = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                                    {"and", "CC", 3, "cc"},
                                    {"Gondor", "NNP", 1, "conj"},
                                    {"held", "VBD", 0, "root"},
                                    {"a", "DT", 6, "det"},
                                    {"round", "NN", 4, "obj"},
                                    {"of", "IN", 9, "case"},
                                    {"military", "JJ", 9, "amod"},
                                    {"talks", "NNS", 6, "nmod"}});
  EXPECT_EQ(CodeWithNouns(round_of_military),
            (std::set<Triple>{{"ARN", "GON", "046"}, {"GON", "ARN", "046"}}));
  // Arnor and Gondor held talks allowing police to enter: the police are in
  // another verb's clause, not a party to the talks.
  auto allowing = MakeDoc({{"Arnor", "NNP", 4, "nsubj"},
                           {"and", "CC", 3, "cc"},
                           {"Gondor", "NNP", 1, "conj"},
                           {"held", "VBD", 0, "root"},
                           {"talks", "NNS", 4, "obj"},
                           {"allowing", "VBG", 5, "acl"},
                           {"police", "NNS", 6, "obj"},
                           {"to", "TO", 9, "mark"},
                           {"enter", "VB", 6, "xcomp"}});
  EXPECT_EQ(CodeWithNouns(allowing), (std::set<Triple>{{"ARN", "GON", "046"}, {"GON", "ARN", "046"}}));
}

}  // namespace
}  // namespace parley::coder

// DocumentCoder on raw text: parsing only the sentences that can yield an
// event must give exactly the events of parsing them all. Checked on the
// bundled examples with Parley's dictionaries, and, when ../shared is
// there, on the GUM news benchmark text and the shared example with both
// Parley's and the Phoenix dictionaries.
#include "pipeline/document_coder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "io/event_formats.h"
#include "io/jsonl_reader.h"
#include "pipeline/analyze.h"

namespace parley::pipeline {
namespace {

struct Coded {
  std::string events;  // JSON Lines
  size_t sentences = 0, without_tree = 0;
};

Coded CodeFile(const coder::Coder& coder, const std::string& path, bool only_event_sentences) {
  DocumentCoder document_coder(coder, "");
  document_coder.set_parse_only_event_sentences(only_event_sentences);
  Coded out;
  std::vector<Event> events;
  io::ReadSummary summary;
  Status read = io::ReadJsonLinesFile(
      path,
      [&](Document&& doc) {
        events.clear();
        EXPECT_TRUE(document_coder.Code(doc, events).ok()) << doc.id;
        for (const Event& e : events) io::AppendEvent(io::OutputFormat::kJsonLines, e, out.events);
        for (const Sentence& s : doc.sentences) {
          ++out.sentences;
          auto tokens = doc.TokensOf(s);
          if (!tokens.empty() && tokens.front().head < 0) ++out.without_tree;
        }
      },
      summary);
  EXPECT_TRUE(read.ok()) << read.ToString();
  return out;
}

bool ModelPresent() { return std::filesystem::exists(ResolveModelPath("")); }

void ExpectSameEvents(const lexicon::LexiconPaths& dictionaries, const std::vector<std::string>& files,
                      size_t* skipped_total) {
  auto lexicon = lexicon::Lexicon::Load(dictionaries);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  coder::CoderOptions options;
  options.require_known_country = true;
  const coder::Coder coder(lexicon.value(), options);
  for (const std::string& file : files) {
    SCOPED_TRACE(file);
    const Coded all = CodeFile(coder, file, false);
    const Coded some = CodeFile(coder, file, true);
    EXPECT_EQ(all.without_tree, 0u);
    EXPECT_EQ(some.sentences, all.sentences);
    EXPECT_EQ(some.events, all.events);
    *skipped_total += some.without_tree;
  }
}

TEST(DocumentCoderTest, EventSentencesOnlyGiveTheSameEventsOnTheExamples) {
  if (!ModelPresent()) GTEST_SKIP() << "models/parley-en.model not found";
  const std::string root = PARLEY_SOURCE_DIR;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(root + "/examples"))
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path().string());
  ASSERT_GE(files.size(), 3u);
  size_t skipped = 0;
  ExpectSameEvents(DefaultDictionaries(), files, &skipped);
  EXPECT_GT(skipped, 0u);  // the shortcut was taken somewhere
}

TEST(DocumentCoderTest, EventSentencesOnlyGiveTheSameEventsOnSharedNews) {
  if (!ModelPresent()) GTEST_SKIP() << "models/parley-en.model not found";
  const std::string shared = PARLEY_SHARED_DIR;
  const std::string news = shared + "/bench/gum-news.jsonl";
  const std::string example = shared + "/examples/ceasefire-talks-2024-07-05.jsonl";
  const std::string phoenix = shared + "/data/petrarch2";
  if (!std::filesystem::exists(news) || !std::filesystem::exists(phoenix + "/CAMEO.2.0.txt"))
    GTEST_SKIP() << "../shared not found";
  size_t skipped = 0;
  ExpectSameEvents(DefaultDictionaries(), {news, example}, &skipped);
  ExpectSameEvents(lexicon::PhoenixDictionaries(phoenix), {news, example}, &skipped);
  EXPECT_GT(skipped, 100u);
}

// One-sentence raw texts coded with Parley's model and dictionaries, which
// are loaded once for the suite.
class RawTextCodingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!ModelPresent()) return;
    auto lexicon = lexicon::Lexicon::Load(DefaultDictionaries());
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
    coder_ = std::make_unique<coder::Coder>(lexicon.value(), coder::CoderOptions{});
    document_coder_ = std::make_unique<DocumentCoder>(*coder_, "");
    coder::CoderOptions news;  // as parley code codes news
    news.require_known_country = true;
    news_coder_ = std::make_unique<coder::Coder>(lexicon.value(), news);
    news_document_coder_ = std::make_unique<DocumentCoder>(*news_coder_, "");
  }
  static void TearDownTestSuite() {
    news_document_coder_.reset();
    news_coder_.reset();
    document_coder_.reset();
    coder_.reset();
  }
  void SetUp() override {
    if (document_coder_ == nullptr) GTEST_SKIP() << "models/parley-en.model not found";
  }
  // The events of `text` as the body of one document.
  static std::vector<Event> Code(const char* text, DocumentCoder* with = nullptr) {
    Document doc;
    doc.id = "raw";
    doc.text = text;
    std::vector<Event> events;
    EXPECT_TRUE((with != nullptr ? with : document_coder_.get())->Code(doc, events).ok());
    return events;
  }
  // The code of the one event `text` yields ("" and a failure unless one).
  static std::string SoleCode(const char* text) {
    const std::vector<Event> events = Code(text);
    EXPECT_EQ(events.size(), 1u) << text;
    return events.size() == 1 ? events[0].event.code : "";
  }
  // As parley code codes news: events need both sides' countries.
  static std::vector<Event> CodeNews(const char* text) { return Code(text, news_document_coder_.get()); }
  // Each event as "SOURCE CODE TARGET".
  static std::set<std::string> Triples(const std::vector<Event>& events) {
    std::set<std::string> out;
    for (const Event& e : events) out.insert(e.source.code + " " + e.event.code + " " + e.target.code);
    return out;
  }
  static std::unique_ptr<coder::Coder> coder_, news_coder_;
  static std::unique_ptr<DocumentCoder> document_coder_, news_document_coder_;
};
std::unique_ptr<coder::Coder> RawTextCodingTest::coder_;
std::unique_ptr<coder::Coder> RawTextCodingTest::news_coder_;
std::unique_ptr<DocumentCoder> RawTextCodingTest::document_coder_;
std::unique_ptr<DocumentCoder> RawTextCodingTest::news_document_coder_;

// A wire dateline is a sentence of its own (text::Tokenize), so the place it
// names is never read as the subject of the story's first sentence.
TEST_F(RawTextCodingTest, ADatelineIsNotTheSubject) {
  struct Case {
    const char* text;
    const char* source;
    const char* target;
  };
  for (const Case& c : {Case{"BEIRUT (AP) \u2014 Israel struck southern Lebanon on Tuesday.", "ISR", "LBN"},
                        Case{"KYIV, Ukraine \u2014 Russia launched drones at Kyiv overnight.", "RUS", "UKR"},
                        Case{"ISLAMABAD, May 7 (Reuters) - Pakistan accused India of shelling villages.", "PAK", "IND"}}) {
    SCOPED_TRACE(c.text);
    const std::vector<Event> events = Code(c.text);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].source.code.substr(0, 3), c.source);
    EXPECT_EQ(events[0].target.code.substr(0, 3), c.target);
    EXPECT_EQ(events[0].sentence, 1);
  }
}

// The tokenizer splits "Guinea-Bissau" and "Al-Qaeda" as UD does; the
// dictionaries spell them whole, and the words are joined before coding.
TEST_F(RawTextCodingTest, HyphenatedNamesStillMatchTheDictionaries) {
  struct Case {
    const char* text;
    const char* source_text;
    const char* source_country;
    const char* target;
  };
  for (const Case& c : {Case{"Guinea-Bissau accused Senegal of backing rebels.", "Guinea-Bissau", "GNB", "SEN"},
                        Case{"Al-Qaeda militants attacked a military base in Mali.", "Al-Qaeda militants", "", "MLI"}}) {
    SCOPED_TRACE(c.text);
    // The first event is the main verb's ("accused", "attacked"); a model
    // may also code the clause under it ("Senegal backing rebels").
    const std::vector<Event> events = Code(c.text);
    ASSERT_GE(events.size(), 1u);
    EXPECT_EQ(events[0].source.text, c.source_text);
    EXPECT_EQ(events[0].meta.source.country, c.source_country);
    EXPECT_EQ(events[0].target.code.substr(0, 3), c.target);
  }
}

// Coding only the sentences that may yield events, a hyphenated actor is
// looked up joined, as the dictionaries spell it, before parsing; a
// hyphenated word no dictionary knows does not make its sentence parsed.
TEST_F(RawTextCodingTest, OnlySentencesThatMayYieldEventsAreParsed) {
  DocumentCoder selective(*coder_, "");
  selective.set_parse_only_event_sentences(true);
  Document doc;
  doc.id = "raw";
  doc.text = "The well-known singer sang a song. Al-Qaeda militants attacked a military base in Mali.";
  std::vector<Event> events;
  ASSERT_TRUE(selective.Code(doc, events).ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_LT(doc.TokensOf(doc.sentences[0]).front().head, 0);
  EXPECT_GE(doc.TokensOf(doc.sentences[1]).front().head, 0);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.text, "Al-Qaeda militants");
  EXPECT_EQ(events[0].target.code.substr(0, 3), "MLI");
}

// A capital city or name the actor dictionaries know, at the start of a
// sentence where its capital says nothing, is read as a proper noun even
// when its ending looks like a verb's ("Beijing", "Caracas").
TEST_F(RawTextCodingTest, ActorNamesTheModelDoesNotKnowAreProperNouns) {
  const parse::Model* model = nullptr;
  auto loaded = parse::Model::Load(ResolveModelPath(""));
  ASSERT_TRUE(loaded.ok());
  model = &loaded.value();
  for (const char* text : {"Beijing warned Taipei against any move toward independence.",
                           "Caracas expelled the Spanish ambassador on Wednesday.",
                           "Moscow on Tuesday accused Kyiv of attacking a power plant.",
                           "Pyongyang on Thursday fired two artillery shells at Seoul."}) {
    SCOPED_TRACE(text);
    Document guided;
    guided.id = "raw";
    guided.text = text;
    ASSERT_TRUE(Analyze(guided, *model, CodingGuide(*coder_, false)).ok());
    const std::span<const Token> words = guided.TokensOf(guided.sentences[0]);
    EXPECT_EQ(words[0].upos, "PROPN");
    EXPECT_TRUE(words[0].xpos == "NNP" || words[0].xpos == "NNPS") << words[0].xpos;
    EXPECT_EQ(words[0].deprel, "nsubj");
  }
  // Only dictionary names the tagger does not know: a known word keeps the
  // model's tag, and an adjective of nationality stays one.
  Document doc;
  doc.id = "raw";
  doc.text = "Israeli troops raided Jenin. Turkey warned Syria.";
  ASSERT_TRUE(Analyze(doc, *model, CodingGuide(*coder_, false)).ok());
  EXPECT_EQ(doc.TokensOf(doc.sentences[0])[0].xpos, "JJ");
  EXPECT_EQ(doc.TokensOf(doc.sentences[1])[0].xpos, "NNP");
}

// Seas are in the dictionaries with no country: a country inside a sea's
// name is not the target, and "the Red Sea" is not Sudan's Red Sea state.
TEST_F(RawTextCodingTest, ACountryInsideASeasNameIsNoActor) {
  for (const char* text : {"North Korea fired a ballistic missile into the Sea of Japan.",
                           "Iran seized a tanker in the Gulf of Oman.",
                           "The Houthis attacked a ship in the Red Sea."}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(Code(text).empty());
  }
  // A real target beside the sea still counts.
  const std::vector<Event> events = Code("Iran seized a British tanker in the Gulf of Oman.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].target.code.substr(0, 3), "GBR");
  EXPECT_EQ(events[0].meta.location.name, "Gulf of Oman");
}

// World regions have CAMEO's region codes (dictionaries/regions.txt), so a
// country inside a region's name is no actor: "Latin American" is not
// American.
TEST_F(RawTextCodingTest, RegionsAreNotTheCountriesInTheirNames) {
  const std::vector<Event> events =
      Code("Venezuela expelled the ambassadors of seven Latin American countries.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].target.code.substr(0, 3), "LAM");
  EXPECT_EQ(events[0].meta.target.country, "LAM");
}

// A capital is its government ("Moscow accused Kyiv": RUSGOV, UKRGOV), but
// as the target of force it is the city: coded as its country, and where it
// happened. The building that seats a government stays the government.
TEST_F(RawTextCodingTest, ACapitalUnderFireIsTheCity) {
  const std::vector<Event> struck = Code("Russia launched 50 drones at Kyiv overnight.");
  ASSERT_EQ(struck.size(), 1u);
  EXPECT_EQ(struck[0].target.code, "UKR");
  EXPECT_EQ(struck[0].meta.location.name, "Kyiv");
  const std::vector<Event> accused = Code("Moscow accused Kyiv of terrorism.");
  ASSERT_GE(accused.size(), 1u);
  EXPECT_EQ(accused[0].source.code, "RUSGOV");
  EXPECT_EQ(accused[0].target.code, "UKRGOV");
  const std::vector<Event> kremlin = Code("Ukrainian drones attacked the Kremlin.");
  ASSERT_EQ(kremlin.size(), 1u);
  EXPECT_EQ(kremlin[0].target.code, "RUSGOV");
  // A capital that only says where is the city: "protesters in Jerusalem"
  // are Israeli protesters, not the government's; a statement made in
  // Moscow is not made to Russia's government.
  const std::vector<Event> arrested = Code("Israeli police arrested protesters in Jerusalem.");
  ASSERT_EQ(arrested.size(), 1u);
  EXPECT_EQ(arrested[0].target.code, "ISROPP");
  for (const Event& e : Code("Iran's foreign minister said in Moscow that talks would continue."))
    EXPECT_NE(e.target.code, "RUSGOV");
  // Nor does a passive's place say who did it.
  for (const Event& e : Code("Hamas leader Ismail Haniyeh was killed in Tehran."))
    EXPECT_NE(e.source.code.substr(0, 3), "IRN") << e.source.code;
  // "The White House" is the government, not a place where it spoke.
  const std::vector<Event> welcomed = Code("The White House welcomed the release of the hostages by Hamas.");
  ASSERT_GE(welcomed.size(), 1u);
  EXPECT_EQ(welcomed[0].source.code, "USAGOV");
  EXPECT_FALSE(welcomed[0].meta.location.known());
}

// A role with no country takes the country of the place the event happened,
// when the other side is of that country or has none either; otherwise it
// stays unknown (and the event is not coded).
TEST_F(RawTextCodingTest, RolesTakeTheCountryWhereItHappened) {
  const std::vector<Event> police = CodeNews("Turkish police detained dozens of protesters in Istanbul.");
  ASSERT_EQ(police.size(), 1u);
  EXPECT_EQ(police[0].source.code, "TURCOP");
  EXPECT_EQ(police[0].target.code.substr(0, 3), "TUR");
  const std::vector<Event> gunmen = CodeNews("Gunmen kidnapped 20 students from a school in northern Nigeria.");
  ASSERT_EQ(gunmen.size(), 1u);
  EXPECT_EQ(gunmen[0].source.code.substr(0, 3), "NGA");
  EXPECT_EQ(gunmen[0].target.code.substr(0, 3), "NGA");
  // Russian forces in Ukraine: who the detainees are is not known.
  for (const Event& e : CodeNews("Russian forces detained protesters in Kherson."))
    EXPECT_NE(e.target.code.substr(0, 3), "RUS");
  // No place, no country.
  EXPECT_TRUE(CodeNews("Gunmen kidnapped 20 students from a school.").empty());
  // But whom a state's forces arrest or repress are its own people.
  const std::vector<Event> arrested = CodeNews("The Venezuelan government arrested several opposition leaders.");
  ASSERT_EQ(arrested.size(), 1u);
  EXPECT_EQ(arrested[0].target.code, "VENOPP");
  EXPECT_TRUE(CodeNews("Russian authorities deported three foreign journalists.").empty());
  // The place says where the role was, not whom the force fell on: Kenyan
  // protesters, not Kenya.
  const std::vector<Event> gas = CodeNews("Kenyan police fired tear gas at protesters in Nairobi.");
  ASSERT_EQ(gas.size(), 1u);
  EXPECT_EQ(gas[0].source.code, "KENCOP");
  EXPECT_EQ(gas[0].target.code, "KENOPP");
  EXPECT_EQ(gas[0].event.code, "175");
  // Where a protest was held is not whom it was against.
  const std::vector<Event> protest = CodeNews("Israelis protested in Tel Aviv against the government.");
  ASSERT_EQ(protest.size(), 1u);
  EXPECT_EQ(protest[0].source.code, "ISR");
  EXPECT_EQ(protest[0].target.code, "ISRGOV");
  EXPECT_EQ(protest[0].event.code.substr(0, 2), "14");
  // Not to the place that is itself the other side: who came to Haiti, or
  // whose bomb killed soldiers in Mali, is not known.
  EXPECT_TRUE(CodeNews("The police mission arrived in Haiti to fight the gangs.").empty());
  EXPECT_TRUE(CodeNews("Three soldiers were killed by a roadside bomb in northern Mali on Sunday.").empty());
  // Of another country, the role yields to the place, as before.
  const std::vector<Event> turkish = CodeNews("Turkish troops killed militants in Syria.");
  ASSERT_EQ(turkish.size(), 1u);
  EXPECT_EQ(turkish[0].target.code, "SYR");
}

// News names the ISO sources lack ("Britain", "DR Congo", "Saudi"), and a
// country that is a party is not where it happened.
TEST_F(RawTextCodingTest, NewsNamesOfCountriesAndCountriesAsParties) {
  const std::vector<Event> struck = Code("The United States and Britain struck Houthi targets in Yemen.");
  std::set<std::string> sources;
  for (const Event& e : struck) sources.insert(e.source.code);
  EXPECT_EQ(sources, (std::set<std::string>{"USA", "GBR"}));
  const std::vector<Event> condemned = Code("The United States and France condemned Iran.");
  ASSERT_EQ(condemned.size(), 2u);
  for (const Event& e : condemned) EXPECT_FALSE(e.meta.location.known()) << e.meta.location.name;
  const std::vector<Event> accused = Code("DR Congo accused Rwanda of backing the rebels.");
  ASSERT_GE(accused.size(), 1u);
  EXPECT_EQ(accused[0].source.code, "COD");
  // Wire copy's bare "Congo" is DR Congo; its neighbour is "Republic of Congo".
  const std::vector<Event> congo = Code("Congo accused Rwanda of sending troops across the border.");
  ASSERT_GE(congo.size(), 1u);
  EXPECT_EQ(congo[0].source.code, "COD");
  const std::vector<Event> republic = Code("The Republic of Congo accused Rwanda of sending troops.");
  ASSERT_GE(republic.size(), 1u);
  EXPECT_EQ(republic[0].source.code, "COG");
  // "Congolese", like bare "Congo", is DR Congo's in news.
  const std::vector<Event> congolese = Code("The M23 rebels and the Congolese government signed a declaration.");
  std::set<std::string> signers;
  for (const Event& e : congolese) signers.insert(e.source.code);
  EXPECT_EQ(signers, (std::set<std::string>{"CODREBM23", "CODGOV"}));
  // British spelling of a verb's forms.
  EXPECT_EQ(Code("Armenia and Azerbaijan initialled a peace agreement.").size(), 2u);
  // An office that stands for its state, whoever holds it.
  const std::vector<Event> pope = Code("The Pope urged Russia and Ukraine to exchange all prisoners.");
  ASSERT_EQ(pope.size(), 2u);
  EXPECT_EQ(pope[0].source.code, "VATGOV");
}

// What is only offered or tried is not done; what is done before an
// accusation is.
TEST_F(RawTextCodingTest, OfferedTalksAreNotHeldButTalksBeforeAnAccusationWere) {
  for (const Event& e : Code("Egypt has offered to host a new round of negotiations between Israel and Hamas."))
    EXPECT_NE(e.event.code.substr(0, 2), "04") << e.source.code << " " << e.event.code << " " << e.target.code;
  for (const Event& e : Code("Egyptian and Qatari mediators are trying to broker a ceasefire between Israel and Hamas."))
    EXPECT_NE(e.event.code.substr(0, 2), "08") << e.source.code << " " << e.event.code << " " << e.target.code;
  bool talked = false;
  for (const Event& e : Code("Speaking after talks with his Turkish counterpart, Russian Foreign Minister Sergei "
                             "Lavrov accused the West of prolonging the war."))
    talked = talked || (e.event.code.substr(0, 2) == "04" && e.source.code == "RUSGOV" && e.target.code == "TURGOV");
  EXPECT_TRUE(talked);
  // Speaking to reporters is a statement, not a consultation.
  for (const Event& e : Code("Speaking to reporters in Ankara, Erdogan accused Israel of committing genocide in Gaza."))
    EXPECT_NE(e.event.code.substr(0, 2), "04") << e.source.code << " " << e.event.code << " " << e.target.code;
}

// Killing is force (PETRARCH's KILL [190]); a leader killed is an
// assassination (186), hundreds killed a mass killing (202).
TEST_F(RawTextCodingTest, KillingIsForceUnlessALeaderOrHundredsAreKilled) {
  EXPECT_EQ(SoleCode("Israeli forces killed three Palestinians in Jenin."), "190");
  EXPECT_EQ(SoleCode("Israel killed a Hamas leader in Beirut."), "186");
  EXPECT_EQ(SoleCode("Rebels killed hundreds of civilians in Sudan."), "202");
  // Wounding, as PETRARCH codes it, and by what.
  EXPECT_EQ(SoleCode("Hamas fighters wounded two Israeli soldiers."), "180");
  const std::vector<Event> injured = Code("Two Israeli soldiers were injured in an attack by Hamas fighters.");
  ASSERT_EQ(injured.size(), 1u);
  EXPECT_EQ(injured[0].event.code, "190");
  EXPECT_EQ(injured[0].source.code, "PSEREBHMS");
}

// "Iran-backed militias": the joined word's first part names the side.
TEST_F(RawTextCodingTest, AnActorBehindAJoinedModifierIsTheSide) {
  const std::vector<Event> backed = Code("Iran-backed militias attacked U.S. troops in eastern Syria.");
  ASSERT_EQ(backed.size(), 1u);
  EXPECT_EQ(backed[0].source.code.substr(0, 3), "IRN");
  EXPECT_EQ(backed[0].target.code, "USAMIL");
  const std::vector<Event> led = Code("The Saudi-led coalition struck Houthi positions in Sanaa.");
  ASSERT_EQ(led.size(), 1u);
  EXPECT_EQ(led[0].source.code.substr(0, 3), "SAU");
  const std::vector<Event> flagged = Code("Iran seized a British-flagged tanker in the Strait of Hormuz.");
  ASSERT_EQ(flagged.size(), 1u);
  EXPECT_EQ(flagged[0].target.code, "GBR");
  // Who brokered a ceasefire is not a side of it.
  for (const Event& e : Code("Israel agreed to a US-brokered ceasefire with Hezbollah."))
    EXPECT_NE(e.source.code.substr(0, 3), "USA") << e.source.code << " " << e.event.code;
}

// Suspending someone reduces relations; suspending sanctions eases them.
TEST_F(RawTextCodingTest, SuspendingSomeoneIsNotEasingSanctions) {
  EXPECT_EQ(SoleCode("The African Union suspended Niger after the coup."), "160");
  EXPECT_EQ(SoleCode("The European Union suspended sanctions on Syria."), "085");
  // Ending cooperation with someone reduces relations too.
  EXPECT_EQ(SoleCode("Chad ended its defence cooperation agreement with France."), "160");
}

// Warning someone of one's response is a threat; warning of a famine or
// against an offensive is not.
TEST_F(RawTextCodingTest, WarningOfAResponseIsAThreat) {
  EXPECT_EQ(SoleCode("China warned Japan of consequences."), "130");
  EXPECT_EQ(SoleCode("Egypt warned Israel against an offensive in Rafah."), "012");
}

// What is agreed to is read from the infinitive: "to send air defence
// systems" is military aid, whatever "summit" comes later ("(to &talks)"
// wants "to" as a preposition); aid promised to a place goes to its people.
TEST_F(RawTextCodingTest, AnAgreementsContentIsItsInfinitive) {
  const std::vector<Event> sent =
      Code("NATO allies agreed to send more air defence systems to Ukraine at a summit in Washington.");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].event.code, "0332");
  EXPECT_EQ(sent[0].target.code, "UKR");
  const std::vector<Event> aid = Code("The United States agreed to provide humanitarian aid to Gaza.");
  ASSERT_EQ(aid.size(), 1u);
  EXPECT_EQ(aid[0].event.code, "0333");
  EXPECT_EQ(aid[0].target.code, "PSE");
  EXPECT_EQ(SoleCode("The U.S. State Department approved a possible sale of missiles to Taiwan."), "0332");
  const std::vector<Event> settled = Code("Ethiopia and Somalia agreed to end their dispute.");
  ASSERT_EQ(settled.size(), 2u);
  EXPECT_EQ(settled[0].event.code, "037");
}

// A ceasefire that was violated is no ceasefire declared; strikes on a
// capital's suburbs fall on the city, not its government.
TEST_F(RawTextCodingTest, AViolatedCeasefireAndACapitalsSuburbs) {
  for (const Event& e : Code("The ceasefire between India and Pakistan was violated within hours."))
    EXPECT_NE(e.event.code.substr(0, 3), "087") << e.source.code << " " << e.event.code << " " << e.target.code;
  bool city = false;
  for (const Event& e : Code("A Hezbollah commander was killed in an Israeli airstrike on Beirut's southern suburbs.")) {
    EXPECT_NE(e.target.code, "LBNGOV");
    city = city || e.target.code == "LBN";
  }
  EXPECT_TRUE(city);
}

// Territory taken from someone is taken from that side.
TEST_F(RawTextCodingTest, TerritoryTakenFromASideIsTakenFromIt) {
  const std::vector<Event> taken = Code("Ukrainian troops recaptured Kherson from Russian forces.");
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].source.code, "UKRMIL");
  EXPECT_EQ(taken[0].target.code, "RUSMIL");
  EXPECT_EQ(taken[0].event.code, "192");
  const std::vector<Event> regained =
      Code("The Sudanese army regained control of the presidential palace in Khartoum from the RSF.");
  ASSERT_EQ(regained.size(), 1u);
  EXPECT_EQ(regained[0].target.code, "SDNREBRSF");
}

// A prisoner swap is a release each way; crowd-control weapons used on
// someone are repression.
TEST_F(RawTextCodingTest, ASwapIsMutualAndWaterCannonIsRepression) {
  const std::vector<Event> swap = Code("The United States and Russia completed a prisoner swap in Ankara.");
  EXPECT_EQ(Triples(swap), (std::set<std::string>{"USA 0841 RUS", "RUS 0841 USA"}));
  const std::vector<Event> cannon = CodeNews("Georgian police used water cannon against demonstrators in Tbilisi.");
  ASSERT_EQ(cannon.size(), 1u);
  EXPECT_EQ(cannon[0].source.code, "GEOCOP");
  EXPECT_EQ(cannon[0].event.code, "175");
}

// A place captured is taken (192), not abducted (181); a siege ordered is
// laid (191); what one claims to have done is coded; intercepting a missile
// is force against whoever launched it.
TEST_F(RawTextCodingTest, CapturedPlacesSiegesClaimsAndInterceptions) {
  EXPECT_EQ(Triples(Code("Syrian rebels captured Aleppo.")), (std::set<std::string>{"SYRREB 192 SYR"}));
  EXPECT_TRUE(Triples(Code("Israel's defence minister ordered a complete siege of the Gaza Strip.")).count("ISRGOVMIL 191 PSE"));
  EXPECT_TRUE(Triples(Code("Houthi rebels claimed to have shot down an American drone.")).count("YEMREBHTH 190 USA"));
  EXPECT_TRUE(Triples(Code("The Israeli army intercepted a missile launched from Yemen.")).count("ISRMIL 190 YEM"));
}

// "US" in capitals is the country, "us" the pronoun nobody; Treasury and
// State Department are the government's.
TEST_F(RawTextCodingTest, USInCapitalsIsTheCountry) {
  EXPECT_EQ(Triples(Code("US officials sanctioned six Hezbollah financiers.")),
            (std::set<std::string>{"USAGOV 163 LBNREBHEZ"}));
  EXPECT_EQ(Triples(Code("The US Treasury sanctioned six Hezbollah financiers.")),
            (std::set<std::string>{"USAGOVBUS 163 LBNREBHEZ"}));
  EXPECT_EQ(Triples(Code("The US State Department criticized Iran.")), (std::set<std::string>{"USAGOV 111 IRN"}));
  for (const Event& e : Code("Hamas leaders told us they rejected the Israeli proposal."))
    EXPECT_TRUE(e.source.code != "USA" && e.target.code != "USA") << e.source.code << " " << e.target.code;
}

// A verb listed with its object ("hold joint exercises", "file case") takes
// the object's modifiers among the listed words.
TEST_F(RawTextCodingTest, AListedObjectTakesItsModifiersBetween) {
  EXPECT_EQ(Triples(Code("The United States and the Philippines held joint military exercises.")),
            (std::set<std::string>{"USA 062 PHL", "PHL 062 USA"}));
  EXPECT_EQ(Triples(Code("South Africa filed a genocide case against Israel.")),
            (std::set<std::string>{"ZAF 115 ISR"}));
}

// Talks in a usual venue of mediation are in a third place (044) unless
// the venue is a party's own: then one side receives the other.
TEST_F(RawTextCodingTest, AMeetingInAPartysOwnCapitalIsAVisit) {
  EXPECT_EQ(Triples(Code("Qatar's prime minister met Hamas leaders in Doha.")),
            (std::set<std::string>{"QATGOV 043 PSEREBHMS"}));
  EXPECT_EQ(Triples(Code("Hamas leaders met Qatar's prime minister in Doha.")),
            (std::set<std::string>{"PSEREBHMS 042 QATGOV"}));
  EXPECT_EQ(Triples(Code("Hamas leaders met Israeli negotiators in Doha.")),
            (std::set<std::string>{"PSEREBHMS 044 ISRGOV"}));
  // Each way its own: the host receives, the guest visits.
  EXPECT_EQ(Triples(Code("The Egyptian and Iranian foreign ministers met in Cairo.")),
            (std::set<std::string>{"EGYGOV 043 IRNGOV", "IRNGOV 042 EGYGOV"}));
}

// A country in a locative phrase says whose the roles are when neither
// side names one ("in Nigeria": Nigerian gunmen and students); a side of
// another country still acts on it ("Israel deployed troops in Lebanon").
TEST_F(RawTextCodingTest, ACountryWhereItHappenedLocatesTheRoles) {
  EXPECT_EQ(Triples(CodeNews("Gunmen kidnapped 20 students in Nigeria.")),
            (std::set<std::string>{"NGAUAF 181 NGAEDU"}));
  EXPECT_EQ(Triples(CodeNews("Israel deployed more troops in Lebanon.")), (std::set<std::string>{"ISR 154 LBN"}));
}

// Announcing aid or sanctions pledges or imposes them.
TEST_F(RawTextCodingTest, AnnouncedAidIsPledgedAndAnnouncedSanctionsImposed) {
  EXPECT_EQ(Triples(Code("The Pentagon announced a new $500 million military aid package for Ukraine.")),
            (std::set<std::string>{"USAMIL 0332 UKR"}));
  EXPECT_EQ(Triples(Code("Japan announced $50 million in aid for Gaza.")), (std::set<std::string>{"JPN 033 PSE"}));
  EXPECT_EQ(Triples(Code("The EU announced new sanctions on Russia.")), (std::set<std::string>{"IGOEUREEC 163 RUS"}));
}

// A protest is against whom its purpose denounces, not what it demands.
TEST_F(RawTextCodingTest, AProtestIsAgainstWhomItsPurposeDenounces) {
  EXPECT_EQ(Triples(CodeNews("Thousands of protesters rallied in Tbilisi to denounce the government's decision.")),
            (std::set<std::string>{"GEOOPP 141 GEOGOV"}));
  for (const Event& e : CodeNews("Thousands of Israelis protested in Tel Aviv on Saturday to demand a deal to free the hostages."))
    EXPECT_NE(e.target.code, "ISRCVL");
}

// A country's possessive before an actor of that country names it less
// closely than the actor itself; a title between them is the text's word.
TEST_F(RawTextCodingTest, ACountrysOwnActorIsNamedByItsName) {
  EXPECT_EQ(Triples(Code("Sudan's paramilitary Rapid Support Forces attacked Egypt.")),
            (std::set<std::string>{"SDNREBRSF 190 EGY"}));
  EXPECT_EQ(Triples(Code("Yemen's Houthis fired a missile at Israel.")), (std::set<std::string>{"YEMREBHTH 195 ISR"}));
}

// Aid let into a place, or promised to be, goes to the place's people.
TEST_F(RawTextCodingTest, AidLetIntoAPlaceGoesToItsPeople) {
  EXPECT_EQ(Triples(Code("Israel allowed humanitarian aid into Gaza.")), (std::set<std::string>{"ISR 0863 PSE"}));
  EXPECT_EQ(Triples(Code("Israel agreed to allow humanitarian aid into Gaza.")), (std::set<std::string>{"ISR 0355 PSE"}));
}

// Presenting a proposal offers it, as proposing does.
TEST_F(RawTextCodingTest, APresentedProposalIsOffered) {
  EXPECT_EQ(Triples(Code("Egypt presented a new proposal to Israel.")), (std::set<std::string>{"EGY 030 ISR"}));
  EXPECT_EQ(Triples(Code("Egypt submitted a new ceasefire proposal to Hamas.")),
            (std::set<std::string>{"EGY 0356 PSEREBHMS"}));
}

// Where a passive's patient was sent is not who sent it.
TEST_F(RawTextCodingTest, WhereAPassivesPatientWentIsNotItsSource) {
  EXPECT_TRUE(Code("North Korean troops were deployed to Russia's Kursk region.").empty());
}

// Speaking somewhere is no visit to its government.
TEST_F(RawTextCodingTest, SpeakingInACapitalIsNoVisit) {
  EXPECT_EQ(Triples(Code("Speaking in Brussels on Monday, NATO's secretary general urged allies to send more air "
                         "defence systems to Ukraine.")),
            (std::set<std::string>{"IGOWSTNAT 0232 UKR"}));
}

// A state's own opposition, and the police protesters face, are of the
// country the other side names.
TEST_F(RawTextCodingTest, TheOppositionAStateAccusesAndThePoliceProtestersFaceAreItsOwn) {
  EXPECT_EQ(Triples(CodeNews("South Korea's president declared martial law, accusing the opposition of anti-state "
                             "activities.")),
            (std::set<std::string>{"KORGOV 112 KOROPP"}));
  EXPECT_EQ(Triples(CodeNews("Kenyan protesters clashed with police.")), (std::set<std::string>{"KENOPP 190 KENCOP"}));
  EXPECT_EQ(Triples(CodeNews("Protesters in Nairobi clashed with police.")), (std::set<std::string>{"KENOPP 190 KENCOP"}));
  // Whom a state's forces attack is not thereby its own.
  EXPECT_TRUE(CodeNews("Israeli troops attacked civilians.").empty());
}

// A participle read as an adjective after "be" is a passive when it is
// force done to someone, and a state otherwise.
TEST_F(RawTextCodingTest, WoundedReadAsAnAdjectiveIsStillAPassive) {
  EXPECT_EQ(Triples(Code("Hundreds of Palestinians were wounded in clashes with Israeli forces.")),
            (std::set<std::string>{"ISRMIL 190 PSE"}));
  EXPECT_TRUE(Code("Israel and Iran were divided over the nuclear issue.").empty());
}

// What came before a deed is not who it was done to.
TEST_F(RawTextCodingTest, WhatCameBeforeIsNoParty) {
  EXPECT_TRUE(Code("Iran released the prisoners after pressure from France.").empty());
  const std::set<std::string> events = Triples(Code("Israel released 90 Palestinian prisoners after talks with Qatar."));
  EXPECT_TRUE(events.count("ISR 0841 PSE"));
  EXPECT_FALSE(events.count("ISR 0841 QAT"));
}

// A noun's infinitive names a bid or plan, not a deed, unless the noun is
// ranked.
TEST_F(RawTextCodingTest, ABidToActIsNoAct) {
  EXPECT_EQ(Triples(Code("Turkey's parliament ratified Sweden's bid to join NATO.")),
            (std::set<std::string>{"TURLEG 057 SWE"}));
}

// Killing by airstrikes is an air attack.
TEST_F(RawTextCodingTest, AirstrikesThatKillAreAirAttacks) {
  EXPECT_EQ(Triples(Code("Pakistani airstrikes killed dozens of people in eastern Afghanistan.")),
            (std::set<std::string>{"PAK 195 AFG"}));
}

// An "apposition" with a preposition is a prepositional phrase: the capital
// in it only says where ("gangs in Port-au-Prince" are Haitian, not the
// government's).
TEST_F(RawTextCodingTest, AnAppositionWithAPrepositionIsAPhrase) {
  EXPECT_EQ(Triples(Code("The Haitian police launched an operation against gangs in Port-au-Prince.")),
            (std::set<std::string>{"HTICOP 190 HTICRM"}));
}

// What coordinated subjects discuss is their topic, not a party.
TEST_F(RawTextCodingTest, WhatIsDiscussedIsTheTopic) {
  EXPECT_EQ(Triples(Code("Turkish and Syrian officials discussed the return of refugees.")),
            (std::set<std::string>{"TURGOV 040 SYRGOV", "SYRGOV 040 TURGOV"}));
}

// Where force came from yields to where it went.
TEST_F(RawTextCodingTest, ForceFallsWhereItWentNotWhereItCameFrom) {
  EXPECT_EQ(Triples(Code("Palestinian militants fired rockets from Gaza into southern Israel.")),
            (std::set<std::string>{"PSEREB 195 ISR"}));
}

// A statement naming the speaker's own country is no event between two.
TEST_F(RawTextCodingTest, AStatementAboutOnesOwnCountryIsNoEvent) {
  EXPECT_TRUE(Code("Israeli Prime Minister Benjamin Netanyahu said on Sunday that Israel would continue fighting.").empty());
}

// "The group" in a report stands for the group the reporter speaks for.
TEST_F(RawTextCodingTest, TheGroupStandsForTheGroupJustNamed) {
  EXPECT_TRUE(Triples(Code("Houthi spokesman Yahya Saree said the group had fired a hypersonic missile at Tel Aviv."))
                  .count("YEMREBHTH 195 ISR"));
}

// What one is ready or willing to do is not done but intended.
TEST_F(RawTextCodingTest, WhatOneIsReadyToDoIsIntended) {
  EXPECT_EQ(Triples(Code("The Kremlin said Russia was ready to negotiate with Ukraine.")),
            (std::set<std::string>{"RUS 036 UKR"}));
  EXPECT_EQ(Triples(Code("Israel is prepared to strike Iran.")), (std::set<std::string>{"ISR 138 IRN"}));
  EXPECT_EQ(Triples(Code("Egypt is ready to send humanitarian aid to Sudan.")), (std::set<std::string>{"EGY 0333 SDN"}));
  EXPECT_TRUE(Code("Russia was not ready to negotiate with Ukraine.").empty());
}

// A protest is against whom its participle presses too, and the participle
// happened where the protest did.
TEST_F(RawTextCodingTest, AProtestUrgingTheGovernmentIsAtItsGovernment) {
  EXPECT_EQ(Triples(CodeNews("Thousands of Israelis protested in Tel Aviv, urging the government to accept a deal.")),
            (std::set<std::string>{"ISR 141 ISRGOV", "ISR 020 ISRGOV"}));
}

// A clause the parser conjoined to a noun holds no party of the verb
// before it.
TEST_F(RawTextCodingTest, AClauseConjoinedToANounHoldsNoParty) {
  EXPECT_TRUE(Code("A Hamas official said the group had accepted the proposal and was waiting for Israel's response.")
                  .empty());
}

// What is given in exchange is no party.
TEST_F(RawTextCodingTest, WhatIsGivenInExchangeIsNoParty) {
  EXPECT_TRUE(CodeNews("Hamas released the hostages in exchange for Palestinian prisoners.").empty());
  EXPECT_EQ(Triples(Code("Israel released Palestinian prisoners in exchange for hostages.")),
            (std::set<std::string>{"ISR 0841 PSE"}));
}

// docs/coding.md shows real output: each example there (an indented line
// with a sentence and what it codes, or the codes on the next indented
// line) is coded here as parley code codes it, dated 2025-09-01.
TEST_F(RawTextCodingTest, TheCodingGuideShowsWhatTheCoderDoes) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/docs/coding.md");
  ASSERT_TRUE(in) << "docs/coding.md not found";
  auto trim = [](std::string_view t) {
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    return std::string(t);
  };
  auto expected_of = [](const std::string& codes) {
    std::set<std::string> out;
    if (codes == "(none)") return out;
    size_t from = 0;
    while (from <= codes.size()) {
      const size_t semi = codes.find(';', from);
      std::string one = codes.substr(from, semi == std::string::npos ? std::string::npos : semi - from);
      while (!one.empty() && one.front() == ' ') one.erase(0, 1);
      out.insert(one);
      if (semi == std::string::npos) break;
      from = semi + 1;
    }
    return out;
  };
  int checked = 0;
  std::string line, pending;
  auto check = [&](const std::string& sentence, const std::string& codes) {
    Document doc;
    doc.id = "guide";
    doc.text = sentence;
    doc.date = Date::Parse("2025-09-01").value();
    std::vector<Event> events;
    ASSERT_TRUE(news_document_coder_->Code(doc, events).ok());
    EXPECT_EQ(Triples(events), expected_of(codes)) << sentence;
    ++checked;
  };
  while (std::getline(in, line)) {
    if (line.rfind("    ", 0) != 0) {
      pending.clear();
      continue;
    }
    const std::string text = trim(line);
    if (!pending.empty()) {  // the codes of the sentence above
      check(pending, text);
      pending.clear();
      continue;
    }
    const size_t split = text.find(".  ");
    if (split != std::string::npos) {
      check(text.substr(0, split + 1), trim(std::string_view(text).substr(split + 1)));
    } else if (!text.empty() && text.back() == '.') {
      pending = text;
    }
  }
  EXPECT_GE(checked, 25);
}

}  // namespace
}  // namespace parley::pipeline

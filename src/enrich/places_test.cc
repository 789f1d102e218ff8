// Event locations on hand-built sentences and trees, against the compiled-in
// gazetteer.
#include "enrich/places.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::enrich {
namespace {

struct Row {
  const char* form;
  const char* xpos;
  int head;  // 1-based, 0 = root; -1 for no tree
  const char* deprel;
};

// One sentence (the document's first) from rows; more untreed sentences of
// plain words may follow it.
Document MakeDoc(std::initializer_list<Row> rows, std::vector<std::string> more = {}) {
  Document doc;
  doc.id = "d";
  auto add_sentence = [&doc](const std::vector<Row>& rs) {
    Sentence s;
    s.first_token = static_cast<uint32_t>(doc.tokens.size());
    s.begin = static_cast<uint32_t>(doc.text.size());
    s.index = static_cast<int32_t>(doc.sentences.size());
    for (const Row& r : rs) {
      if (doc.text.size() > s.begin) doc.text.push_back(' ');
      Token t;
      t.form = r.form;
      t.xpos = r.xpos;
      t.head = r.head;
      t.deprel = r.deprel;
      t.begin = static_cast<uint32_t>(doc.text.size());
      doc.text += r.form;
      t.end = static_cast<uint32_t>(doc.text.size());
      doc.tokens.push_back(t);
    }
    s.token_count = static_cast<uint32_t>(rs.size());
    s.end = static_cast<uint32_t>(doc.text.size());
    doc.text.push_back(' ');
    doc.sentences.push_back(s);
  };
  add_sentence(std::vector<Row>(rows));
  for (const std::string& words : more) {
    std::vector<Row> rs;
    size_t pos = 0;
    std::vector<std::string> store;
    while (pos < words.size()) {
      size_t end = words.find(' ', pos);
      if (end == std::string::npos) end = words.size();
      store.push_back(words.substr(pos, end - pos));
      pos = end + 1;
    }
    for (const std::string& w : store) rs.push_back(Row{w.c_str(), "", -1, ""});
    add_sentence(rs);
  }
  return doc;
}

Event MakeEvent(const char* source_country, int source_token, const char* target_country,
                int target_token, int verb) {
  Event e;
  e.source = CodedSpan{source_country, "", source_token, source_token};
  e.target = CodedSpan{target_country, "", target_token, target_token};
  e.event = CodedSpan{"190", "", verb, verb};
  e.meta.source.country = source_country;
  e.meta.target.country = target_country;
  return e;
}

TEST(PlacesTest, DirectionalRegion) {
  // "Israel struck targets in southern Lebanon"
  Document doc = MakeDoc({{"Israel", "NNP", 2, "nsubj"},
                          {"struck", "VBD", 0, "root"},
                          {"targets", "NNS", 2, "obj"},
                          {"in", "IN", 6, "case"},
                          {"southern", "JJ", 6, "amod"},
                          {"Lebanon", "NNP", 2, "obl"}});
  Event e = MakeEvent("ISR", 0, "", 2, 1);
  const Place p = ResolveEventPlace(doc, doc.sentences[0], e);
  EXPECT_EQ(p.name, "southern Lebanon");
  EXPECT_EQ(p.text, "southern Lebanon");
  EXPECT_EQ(p.country, "LBN");
  EXPECT_EQ(p.feature_type, "area");
  EXPECT_EQ(p.precision, "region");
  EXPECT_TRUE(p.has_coordinates);
}

TEST(PlacesTest, DirectionalWordBeforeAPlaceWithoutItsOwnEntry) {
  // "Russia shelled eastern Kharkiv"
  Document doc = MakeDoc({{"Russia", "NNP", 2, "nsubj"},
                          {"shelled", "VBD", 0, "root"},
                          {"eastern", "JJ", 4, "amod"},
                          {"Kharkiv", "NNP", 2, "obj"}});
  const Place p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("RUS", 0, "", -1, 1));
  EXPECT_EQ(p.name, "Kharkiv");
  EXPECT_EQ(p.text, "eastern Kharkiv");
  EXPECT_EQ(p.country, "UKR");
  EXPECT_EQ(p.precision, "city");
}

TEST(PlacesTest, RafahTakesTheActorsCountry) {
  // "Israeli troops attacked Palestinian fighters in Rafah"
  Document doc = MakeDoc({{"Israeli", "JJ", 2, "amod"},
                          {"troops", "NNS", 3, "nsubj"},
                          {"attacked", "VBD", 0, "root"},
                          {"Palestinian", "JJ", 5, "amod"},
                          {"fighters", "NNS", 3, "obj"},
                          {"in", "IN", 7, "case"},
                          {"Rafah", "NNP", 3, "obl"}});
  const Place p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("ISR", 1, "PSE", 4, 2));
  EXPECT_EQ(p.country, "PSE");
  EXPECT_EQ(p.text, "Rafah");
  EXPECT_EQ(p.adm1, "Gaza");
  EXPECT_EQ(p.precision, "city");
}

TEST(PlacesTest, RafahWithEgyptianActorsIsInEgypt) {
  Document doc = MakeDoc({{"Egypt", "NNP", 2, "nsubj"},
                          {"opened", "VBD", 0, "root"},
                          {"the", "DT", 4, "det"},
                          {"crossing", "NN", 2, "obj"},
                          {"at", "IN", 6, "case"},
                          {"Rafah", "NNP", 2, "obl"}});
  const Place p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("EGY", 0, "", -1, 1));
  EXPECT_EQ(p.country, "EGY");
}

TEST(PlacesTest, TripoliWithLibyanActorsIsInLibya) {
  Document doc = MakeDoc({{"Libyan", "JJ", 2, "amod"},
                          {"militias", "NNS", 3, "nsubj"},
                          {"clashed", "VBD", 0, "root"},
                          {"in", "IN", 5, "case"},
                          {"Tripoli", "NNP", 3, "obl"}});
  Place p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("LBY", 1, "", -1, 2));
  EXPECT_EQ(p.country, "LBY");
  EXPECT_EQ(p.name, "Tripoli");
  // With Lebanese actors, the Lebanese city.
  p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("LBN", 1, "", -1, 2));
  EXPECT_EQ(p.country, "LBN");
}

TEST(PlacesTest, DocumentCountriesResolveWithoutActorCountries) {
  // "Protesters gathered in Alexandria" in a story that also names Egypt.
  Document doc = MakeDoc({{"Protesters", "NNS", 2, "nsubj"},
                          {"gathered", "VBD", 0, "root"},
                          {"in", "IN", 4, "case"},
                          {"Alexandria", "NNP", 2, "obl"}},
                         {"The unrest spread across Egypt ."});
  Place p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("", 0, "", -1, 1));
  EXPECT_EQ(p.country, "EGY");
  Document us = MakeDoc({{"Protesters", "NNS", 2, "nsubj"},
                         {"gathered", "VBD", 0, "root"},
                         {"in", "IN", 4, "case"},
                         {"Alexandria", "NNP", 2, "obl"}},
                        {"Police in Virginia said ."});
  p = ResolveEventPlace(us, us.sentences[0], MakeEvent("", 0, "", -1, 1));
  EXPECT_EQ(p.country, "USA");
}

TEST(PlacesTest, NoPlaceIsUnknown) {
  Document doc = MakeDoc({{"The", "DT", 2, "det"},
                          {"minister", "NN", 3, "nsubj"},
                          {"condemned", "VBD", 0, "root"},
                          {"the", "DT", 5, "det"},
                          {"attack", "NN", 3, "obj"}});
  const Place p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("", 1, "", 4, 2));
  EXPECT_FALSE(p.known());
  EXPECT_FALSE(p.has_coordinates);
}

TEST(PlacesTest, ActorCountryIsNotTheLocation) {
  // "Israel bombed Khan Younis": the city, not the actor's country.
  Document doc = MakeDoc({{"Israel", "NNP", 2, "nsubj"},
                          {"bombed", "VBD", 0, "root"},
                          {"Khan", "NNP", 4, "compound"},
                          {"Younis", "NNP", 2, "obj"}});
  Place p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("ISR", 0, "", -1, 1));
  EXPECT_EQ(p.name, "Khān Yūnis");
  EXPECT_EQ(p.text, "Khan Younis");
  EXPECT_EQ(p.country, "PSE");
  // "Israel threatened Iran": only the actors' countries → unknown.
  Document bare = MakeDoc({{"Israel", "NNP", 2, "nsubj"},
                           {"threatened", "VBD", 0, "root"},
                           {"Iran", "NNP", 2, "obj"}});
  p = ResolveEventPlace(bare, bare.sentences[0], MakeEvent("ISR", 0, "IRN", 2, 1));
  EXPECT_FALSE(p.known());
}

TEST(PlacesTest, AnActorsCountryDoesNotMakeATownBeatAMuchLargerNamesake) {
  // "The envoy met RSF representatives in Geneva" with a U.S. envoy: Geneva
  // in Switzerland, not Geneva, Illinois.
  Document doc = MakeDoc({{"Envoy", "NN", 2, "nsubj"},
                          {"met", "VBD", 0, "root"},
                          {"in", "IN", 4, "case"},
                          {"Geneva", "NNP", 2, "obl"}});
  const Place p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("USA", 0, "SDN", -1, 1));
  EXPECT_EQ(p.country, "CHE");
}

TEST(PlacesTest, ACityThatIsTheWholeActorIsAMetonymNotAPlace) {
  // "Washington welcomed Sudan's decision": Washington stands for the US
  // government, it is not where the welcoming happened.
  Document doc = MakeDoc({{"Washington", "NNP", 2, "nsubj"},
                          {"welcomed", "VBD", 0, "root"},
                          {"Sudan", "NNP", 4, "nmod:poss"},
                          {"decision", "NN", 2, "obj"}});
  // (dictionaries/metonyms.txt codes Washington as the government.)
  Place p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("USAGOV", 0, "SDN", 2, 1));
  EXPECT_FALSE(p.known());
}

TEST(PlacesTest, ACityCodedAsItsCountryIsWhereItHappened) {
  // "Israel struck Khan Younis": the target is the place (PSE, from
  // dictionaries/places.txt), and it is where the strike happened.
  Document doc = MakeDoc({{"Israel", "NNP", 2, "nsubj"},
                          {"struck", "VBD", 0, "root"},
                          {"Khan", "NNP", 4, "compound"},
                          {"Younis", "NNP", 2, "obj"}});
  Event e = MakeEvent("ISR", 0, "PSE", 2, 1);
  e.target.last_token = 3;
  const Place p = ResolveEventPlace(doc, doc.sentences[0], e);
  EXPECT_EQ(p.text, "Khan Younis");
  EXPECT_EQ(p.country, "PSE");
}

TEST(PlacesTest, VerbsPlaceBeatsOtherPlacesInTheSentence) {
  // "Officials from Kyiv met in Istanbul"
  Document doc = MakeDoc({{"Officials", "NNS", 4, "nsubj"},
                          {"from", "IN", 3, "case"},
                          {"Kyiv", "NNP", 1, "nmod"},
                          {"met", "VBD", 0, "root"},
                          {"in", "IN", 6, "case"},
                          {"Istanbul", "NNP", 4, "obl"}});
  const Place p = ResolveEventPlace(doc, doc.sentences[0], MakeEvent("UKR", 0, "", -1, 3));
  EXPECT_EQ(p.name, "Istanbul");
  EXPECT_EQ(p.country, "TUR");
}

TEST(PlacesTest, NamesThatContinueAreNotPlaces) {
  const std::vector<Token> tokens = [] {
    std::vector<Token> t;
    for (const char* w : {"the", "Israel", "Defense", "Forces", "entered", "the", "Gaza", "Strip"}) {
      Token tok;
      tok.form = w;
      t.push_back(tok);
    }
    return t;
  }();
  const std::vector<PlaceMention> m = FindPlaceMentions(tokens, Gazetteer::Builtin());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].begin, 5);
  EXPECT_EQ(m[0].end, 8);
}

std::vector<Token> Words(std::initializer_list<const char*> words) {
  std::vector<Token> t;
  for (const char* w : words) {
    Token tok;
    tok.form = w;
    t.push_back(tok);
  }
  return t;
}

// The gazetteer has towns called Nato (Philippines), Eu (France) and Au
// (Switzerland); in running text the capitals name the organisations.
TEST(PlacesTest, AnAcronymInRunningTextIsNotATown) {
  const Gazetteer& g = Gazetteer::Builtin();
  ASSERT_FALSE(g.Find("Nato").empty());
  EXPECT_EQ(FindPlaceMentions(Words({"Erdogan", "threatened", "to", "block", "Sweden", "'s", "NATO", "bid"}), g).size(),
            1u);  // Sweden only
  EXPECT_EQ(FindPlaceMentions(Words({"the", "EU", "and", "the", "AU", "met", "in", "Paris"}), g).size(), 1u);
  // A country may go by its capitals.
  const std::vector<PlaceMention> uae = FindPlaceMentions(Words({"talks", "in", "the", "UAE"}), g);
  ASSERT_EQ(uae.size(), 1u);
  EXPECT_EQ(uae[0].candidates.front()->country, "ARE");
  // A dateline or headline all in capitals still names its places.
  const std::vector<PlaceMention> dateline = FindPlaceMentions(Words({"BEIRUT", "(", "AP", ")", "—"}), g);
  ASSERT_EQ(dateline.size(), 1u);
  EXPECT_EQ(dateline[0].candidates.front()->country, "LBN");
}

// A name begun on the left by a proper noun that is no place is a longer
// name, not the place its last word names ("the Middle East": Cameroon has an
// East region); after an adjective or another place the place stands.
TEST(PlacesTest, NamesBegunOnTheLeftAreNotPlaces) {
  const Gazetteer& g = Gazetteer::Builtin();
  ASSERT_FALSE(g.Find("East").empty());
  auto tagged = [](std::initializer_list<std::pair<const char*, const char*>> words) {
    std::vector<Token> t;
    for (const auto& [form, xpos] : words) {
      Token tok;
      tok.form = form;
      tok.xpos = xpos;
      t.push_back(tok);
    }
    return t;
  };
  EXPECT_TRUE(FindPlaceMentions(tagged({{"the", "DT"}, {"Middle", "NNP"}, {"East", "NNP"}, {"envoy", "NN"}}), g).empty());
  const std::vector<PlaceMention> sinai =
      FindPlaceMentions(tagged({{"in", "IN"}, {"Egyptian", "JJ"}, {"Sinai", "NNP"}}), g);
  ASSERT_EQ(sinai.size(), 1u);
  EXPECT_EQ(sinai[0].begin, 2);
  EXPECT_EQ(FindPlaceMentions(tagged({{"the", "DT"}, {"Russia", "NNP"}, {"Ukraine", "NNP"}, {"war", "NN"}}), g).size(), 2u);
}

}  // namespace
}  // namespace parley::enrich

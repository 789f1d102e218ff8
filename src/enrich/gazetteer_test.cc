// The gazetteer: its parser on small tables, and the compiled-in data.
#include "enrich/gazetteer.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::enrich {
namespace {

TEST(GazetteerTest, NameKeyFoldsCaseHyphensAndApostrophes) {
  EXPECT_EQ(NameKey("Deir al-Balah"), "deir al balah");
  EXPECT_EQ(NameKey("Sana'a"), "sanaa");
  EXPECT_EQ(NameKey("Kramators\xE2\x80\x99k"), "kramatorsk");
  EXPECT_EQ(NameKey("  the  Gaza Strip "), "the gaza strip");
}

TEST(GazetteerTest, ParsesAndFindsAliases) {
  Result<Gazetteer> g = Gazetteer::Parse(
      "# comment\nGaza\tGaza City\tcity\tPSE\tGaza\t410000\t31.5\t34.46\t0\n"
      "Sahel\tthe Sahel\tarea\t\t\t0\t\t\t0\n",
      "t.tsv");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ(g.value().size(), 2u);
  ASSERT_EQ(g.value().Find("gaza city").size(), 1u);
  EXPECT_EQ(g.value().Find("GAZA")[0]->population, 410000);
  EXPECT_TRUE(g.value().Find("Gaza")[0]->has_coordinates);
  ASSERT_EQ(g.value().Find("the Sahel").size(), 1u);
  EXPECT_FALSE(g.value().Find("Sahel")[0]->has_coordinates);
  EXPECT_EQ(g.value().max_words(), 2);
}

TEST(GazetteerTest, MayBeginNameKnowsEveryWordPrefix) {
  Result<Gazetteer> g = Gazetteer::Parse(
      "Deir al-Balah\tDeir el Balah\tcity\tPSE\t\t0\t\t\t0\nGaza\t\tcity\tPSE\t\t0\t\t\t0\n", "t.tsv");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  struct Case {
    const char* key;  // a NameKey
    bool begins;
  };
  const Case cases[] = {
      {"deir", true},          {"deir al", true},   {"deir al balah", true}, {"deir el", true},
      {"gaza", true},          {"gaza city", false}, {"de", false},          {"deir al b", false},
      {"deir al balah x", false}, {"al balah", false},
  };
  for (const Case& c : cases) EXPECT_EQ(g.value().MayBeginName(c.key), c.begins) << c.key;
}

TEST(GazetteerTest, ErrorsNameTheLine) {
  Result<Gazetteer> g = Gazetteer::Parse("# c\nGaza\tcity\n", "t.tsv");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().message(), "t.tsv:2: expected 9 tab-separated fields, got 2");
  g = Gazetteer::Parse("X\t\ttown\tPSE\t\t0\t\t\t0\n", "t.tsv");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().message(), "t.tsv:1: unknown type 'town'");
  g = Gazetteer::Parse("X\t\tcity\tPSE\t\t0\t95\t1\t0\n", "t.tsv");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().message(), "t.tsv:1: bad coordinates '95' '1'");
}

bool Has(const Gazetteer& g, const char* name, const char* country) {
  for (const GazetteerEntry* e : g.Find(name))
    if (e->country == country && e->has_coordinates) return true;
  return false;
}

TEST(GazetteerTest, BuiltinHasTheConflictPlaces) {
  const Gazetteer& g = Gazetteer::Builtin();
  EXPECT_GT(g.size(), 60000u);
  const struct {
    const char* name;
    const char* country;
  } kPlaces[] = {
      {"Gaza", "PSE"},          {"Rafah", "PSE"},         {"Rafah", "EGY"},
      {"Khan Younis", "PSE"},   {"Jabalia", "PSE"},       {"Deir al-Balah", "PSE"},
      {"Jenin", "PSE"},         {"the Gaza Strip", "PSE"}, {"the West Bank", "PSE"},
      {"southern Lebanon", "LBN"}, {"northern Gaza", "PSE"}, {"Kharkiv", "UKR"},
      {"Bakhmut", "UKR"},       {"Avdiivka", "UKR"},      {"Mariupol", "UKR"},
      {"Kherson", "UKR"},       {"Kyiv", "UKR"},          {"Kiev", "UKR"},
      {"Odesa", "UKR"},         {"Donbas", "UKR"},        {"Crimea", "UKR"},
      {"El Fasher", "SDN"},     {"Omdurman", "SDN"},      {"Port Sudan", "SDN"},
      {"Darfur", "SDN"},        {"Goma", "COD"},          {"Sanaa", "YEM"},
      {"Hodeidah", "YEM"},      {"Aleppo", "SYR"},        {"Idlib", "SYR"},
      {"Raqqa", "SYR"},         {"Tripoli", "LBY"},       {"Tripoli", "LBN"},
      {"Tigray", "ETH"},        {"Kurdistan", "IRQ"},     {"Israel", "ISR"},
      {"Lebanon", "LBN"},       {"United States", "USA"}, {"Alexandria", "EGY"},
      {"Alexandria", "USA"},    {"Britain", "GBR"},       {"DR Congo", "COD"},
  };
  for (const auto& p : kPlaces) EXPECT_TRUE(Has(g, p.name, p.country)) << p.name << " " << p.country;
  // Russia's republics by their news names (regions without coordinates).
  for (const char* name : {"Chechnya", "Dagestan", "North Ossetia"}) {
    const auto found = g.Find(name);
    ASSERT_EQ(found.size(), 1u) << name;
    EXPECT_EQ(found.front()->country, "RUS") << name;
  }
  // Demonyms and the end of "Latin America" name no place.
  EXPECT_TRUE(g.Find("Serbs").empty());
  EXPECT_TRUE(g.Find("America").empty());
  EXPECT_FALSE(g.Find("the Red Sea").empty());
  EXPECT_FALSE(g.Find("the Sahel").empty());
}

}  // namespace
}  // namespace parley::enrich

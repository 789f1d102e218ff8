// Actor-code splits, GDELT style. No shared data: the country and role lists
// are the ones compiled in from dictionaries/cameo-codes.txt.
#include "enrich/actor_fields.h"

#include <gtest/gtest.h>

namespace parley::enrich {
namespace {

struct Case {
  const char* code;
  const char* country;
  const char* sectors;
  const char* known_group;
};

TEST(SplitActorCodeTest, Table) {
  const Case kCases[] = {
      {"USA", "USA", "", ""},
      {"USAGOV", "USA", "GOV", ""},
      {"ISRGOVMIL", "ISR", "GOVMIL", ""},
      {"PSEREBHMS", "PSE", "REB", "HMS"},      // Hamas: country, role, known group
      {"IGOUNO", "", "IGO", "UNO"},
      {"NGOHRIAMN", "", "NGOHRI", "AMN"},      // Amnesty: NGO, human rights, group
      {"IGOUNOPKO", "", "IGOPKO", "UNO"},      // later groups stay in sectors
      {"IGOAFRAFU", "", "IGOAFR", "AFU"},      // a region further in is not the group
      {"---GOV", "", "GOV", ""},
      {"---", "", "", ""},
      {"AFR", "AFR", "", ""},                  // regions count as countries (GDELT)
      {"EURGOV", "EUR", "GOV", ""},
      {"IRQMOSREB", "IRQ", "MOSREB", ""},      // religion codes are sectors
      {"GOV", "", "GOV", ""},
      {"HMS", "", "", "HMS"},
      {"usagov", "USA", "GOV", ""},            // case-folded
      {"USAGOVX", "USA", "GOV", "X"},          // a short last group is still read
      {"US", "", "", "US"},
  };
  for (const Case& c : kCases) {
    ActorFields f = SplitActorCode(c.code, "words");
    EXPECT_EQ(f.country, c.country) << c.code;
    EXPECT_EQ(f.sectors, c.sectors) << c.code;
    EXPECT_EQ(f.known_group, c.known_group) << c.code;
    EXPECT_EQ(f.name, "words") << c.code;
  }
}

TEST(SplitActorCodeTest, QuotedNewActorGivesOnlyTheName) {
  ActorFields f = SplitActorCode("\"THE MINISTRY OF MAGIC\"", "the Ministry of Magic");
  EXPECT_EQ(f.country, "");
  EXPECT_EQ(f.sectors, "");
  EXPECT_EQ(f.known_group, "");
  EXPECT_EQ(f.name, "the Ministry of Magic");
  EXPECT_EQ(SplitActorCode("\"QUOTED\"", "").name, "QUOTED");
  EXPECT_EQ(SplitActorCode("\"", "").name, "");
}

TEST(SplitActorCodeTest, NotACodeGivesOnlyTheName) {
  for (const char* code : {"", "ISR GOV", "ISR_GOV", "~USA", "USA\tGOV"}) {
    ActorFields f = SplitActorCode(code, "x");
    EXPECT_EQ(f.country, "") << code;
    EXPECT_EQ(f.sectors, "") << code;
    EXPECT_EQ(f.known_group, "") << code;
    EXPECT_EQ(f.name, "x") << code;
  }
}

TEST(CameoCodeListsTest, CountriesAndRoles) {
  for (const char* c : {"USA", "ISR", "PSE", "AFR", "WST"}) EXPECT_TRUE(IsCameoCountryCode(c)) << c;
  for (const char* c : {"GOV", "IGO", "NGO", "REB", "MOS", "GOVMIL", "UNO", ""}) {
    EXPECT_FALSE(IsCameoCountryCode(c)) << c;
  }
  for (const char* c : {"GOV", "MIL", "IGO", "NGO", "HRI", "UIS", "MOS"}) EXPECT_TRUE(IsCameoRoleCode(c)) << c;
  for (const char* c : {"USA", "UNO", "HMS", "AMN", "GO"}) EXPECT_FALSE(IsCameoRoleCode(c)) << c;
}

TEST(CameoCodeListsTest, CountryNames) {
  struct Case {
    const char* code;
    const char* name;
  };
  const Case cases[] = {{"ISR", "Israel"}, {"QAT", "Qatar"}, {"ABW", "Aruba"},
                        {"AFR", ""},       {"HMS", ""},      {"", ""}};
  for (const Case& c : cases) EXPECT_EQ(CameoCountryName(c.code), c.name) << c.code;
}

}  // namespace
}  // namespace parley::enrich

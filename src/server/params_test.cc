#include "server/params.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

QueryParams P(std::initializer_list<std::pair<const std::string, std::string>> list) {
  return QueryParams(list);
}

TEST(ParamsTest, EventFilterReadsEveryField) {
  auto r = ParseEventsRequest(P({{"from", "2024-07-01"}, {"to", "2024-07-31"}, {"actor", "isr"},
                               {"source", "USAGOV"}, {"target", "PSE"}, {"country", "sdn"},
                               {"code", "046"}, {"root", "04"}, {"plover", "consult"},
                               {"quad", "1"}, {"bbox", "30.5,10,40,20.25"}, {"q", "ceasefire talks"},
                               {"limit", "1000"}, {"offset", "20"}}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  const store::EventFilter* f = &r->filter;
  EXPECT_EQ(f->from->ToIso(), "2024-07-01");
  EXPECT_EQ(f->to->ToIso(), "2024-07-31");
  EXPECT_EQ(f->actor, "ISR");
  EXPECT_EQ(f->source, "USAGOV");
  EXPECT_EQ(f->target, "PSE");
  EXPECT_EQ(f->country, "SDN");
  EXPECT_EQ(f->code, "046");
  EXPECT_EQ(f->root, "04");
  EXPECT_EQ(f->plover, "CONSULT");
  EXPECT_EQ(f->quad_class, 1);
  ASSERT_TRUE(f->bbox.has_value());
  EXPECT_DOUBLE_EQ(f->bbox->min_lon, 30.5);
  EXPECT_DOUBLE_EQ(f->bbox->max_lat, 20.25);
  EXPECT_EQ(f->text, "ceasefire talks");
  EXPECT_EQ(r->limit, 1000);
  EXPECT_EQ(r->offset, 20);
}

TEST(ParamsTest, EventFilterDefaultsAndEmptyValues) {
  auto r = ParseEventsRequest(P({{"from", ""}, {"actor", ""}}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_FALSE(r->filter.from.has_value());
  EXPECT_EQ(r->filter.actor, "");
  EXPECT_EQ(r->limit, 100);
  EXPECT_EQ(r->offset, 0);
  EXPECT_FALSE(r->filter.bbox.has_value());
}

struct BadCase {
  QueryParams params;
  const char* error;
};

TEST(ParamsTest, EventFilterRejectsBadValuesWithTheParameterAndValue) {
  const BadCase cases[] = {
      /*1*/ {P({{"from", "2024-13-01"}}), "from: not a date: 2024-13-01"},
      /*2*/ {P({{"to", "2023-02-30"}}), "to: not a date: 2023-02-30"},
      /*3*/ {P({{"from", "20240701"}}), "from: not a date: 20240701"},
      /*4*/ {P({{"from", "2024-08-01"}, {"to", "2024-07-01"}}), "from: 2024-08-01 is after to: 2024-07-01"},
      /*5*/ {P({{"limit", "0"}}), "limit: must be 1..1000, got 0"},
      /*6*/ {P({{"limit", "1001"}}), "limit: must be 1..1000, got 1001"},
      /*7*/ {P({{"limit", "ten"}}), "limit: not an integer: ten"},
      /*8*/ {P({{"offset", "-1"}}), "offset: must be 0..1000000000, got -1"},
      /*9*/ {P({{"quad", "5"}}), "quad: must be 1..4, got 5"},
      /*10*/ {P({{"code", "04a"}}), "code: not a CAMEO event code (1-4 digits): 04a"},
      /*11*/ {P({{"code", "04611"}}), "code: not a CAMEO event code (1-4 digits): 04611"},
      /*12*/ {P({{"root", "21"}}), "root: not a CAMEO root code (01..20): 21"},
      /*13*/ {P({{"root", "4"}}), "root: not a CAMEO root code (01..20): 4"},
      /*14*/ {P({{"country", "IS"}}), "country: not a 3-letter country code: IS"},
      /*15*/ {P({{"country", "IS1"}}), "country: not a 3-letter country code: IS1"},
      /*16*/ {P({{"actor", "ISR GOV"}}), "actor: not an actor code (letters, digits, '-'): ISR GOV"},
      /*17*/ {P({{"plover", "con sult"}}), "plover: not a PLOVER event type (letters, '_'): con sult"},
      /*18*/ {P({{"bbox", "1,2,3"}}), "bbox: want minlon,minlat,maxlon,maxlat, got 1,2,3"},
      /*19*/ {P({{"bbox", "1,2,3,4,5"}}), "bbox: want minlon,minlat,maxlon,maxlat, got 1,2,3,4,5"},
      /*20*/ {P({{"bbox", "1,2,x,4"}}), "bbox: want minlon,minlat,maxlon,maxlat, got 1,2,x,4"},
      /*21*/ {P({{"bbox", "-181,0,0,10"}}), "bbox: outside -180..180, -90..90: -181,0,0,10"},
      /*22*/ {P({{"bbox", "10,0,0,10"}}), "bbox: minimum above maximum: 10,0,0,10"},
      /*23*/ {P({{"q", std::string(201, 'a')}}), "q: longer than 200 bytes"},
      /*24*/ {P({{"colour", "red"}}),
              "unknown parameter: colour (this route takes from, to, actor, source, target, country, "
              "code, root, plover, quad, bbox, q, limit, offset)"},
      /*25*/ {P({{"actor", "ISR"}, {"actor", "PSE"}}), "actor: given more than once"},
      /*26*/ {P({{"from", "2024-1\x01-01"}}), "from: not a date: 2024-1?-01"},
  };
  int n = 0;
  for (const auto& c : cases) {
    ++n;
    auto f = ParseEventsRequest(c.params);
    ASSERT_FALSE(f.ok()) << "case " << n;
    EXPECT_EQ(f.status().code(), ErrorCode::kInvalidArgument) << "case " << n;
    EXPECT_EQ(f.status().message(), c.error) << "case " << n;
  }
}

TEST(ParamsTest, SeriesNeedsExactlyOneSubject) {
  auto dyad = ParseSeriesRequest(P({{"source", "ISR"}, {"target", "PSE"}, {"interval", "week"}}));
  ASSERT_TRUE(dyad.ok()) << dyad.status().message();
  EXPECT_EQ(dyad->filter.source, "ISR");
  EXPECT_EQ(dyad->filter.target, "PSE");
  EXPECT_EQ(dyad->interval, store::Interval::kWeek);
  auto country = ParseSeriesRequest(P({{"country", "SDN"}}));
  ASSERT_TRUE(country.ok());
  EXPECT_EQ(country->filter.country, "SDN");
  EXPECT_EQ(country->interval, store::Interval::kDay);

  const BadCase cases[] = {
      {P({}), "give source= and target=, or country=, or actor="},
      {P({{"source", "ISR"}}), "source and target: give both (a dyad), or use country= or actor="},
      {P({{"country", "SDN"}, {"actor", "SDNMIL"}}), "give only one of source=&target=, country=, actor="},
      {P({{"country", "SDN"}, {"interval", "year"}}), "interval: want day, week or month, got year"},
      {P({{"country", "SDN"}, {"limit", "5"}}),
       "unknown parameter: limit (this route takes source, target, country, actor, interval, from, to)"},
  };
  for (const auto& c : cases) {
    auto s = ParseSeriesRequest(c.params);
    ASSERT_FALSE(s.ok()) << c.error;
    EXPECT_EQ(s.status().message(), c.error);
  }
}

TEST(ParamsTest, RankingRequests) {
  auto dyads = ParseDyadsRequest(P({{"from", "2024-07-01"}, {"limit", "7"}}));
  ASSERT_TRUE(dyads.ok());
  EXPECT_EQ(dyads->limit, 7);
  EXPECT_EQ(dyads->filter.from->ToIso(), "2024-07-01");
  auto countries = ParseCountriesRequest(P({{"limit", "7"}}));
  ASSERT_FALSE(countries.ok());
  EXPECT_EQ(countries.status().message(), "unknown parameter: limit (this route takes from, to)");
}

TEST(ParamsTest, IsoDateOnly) {
  EXPECT_TRUE(ParseIsoDate("2024-02-29").ok());
  EXPECT_FALSE(ParseIsoDate("2023-02-29").ok());
  EXPECT_FALSE(ParseIsoDate("240229").ok());
  EXPECT_FALSE(ParseIsoDate("2024-2-29").ok());
}

}  // namespace
}  // namespace parley::server

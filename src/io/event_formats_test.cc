#include "io/event_formats.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "io/event_writer.h"

namespace parley::io {
namespace {

constexpr std::string_view kUrl = "https://news.example/2025/01/14/ceasefire";

// Every field set, as after enrichment.
Event FullEvent() {
  Event e;
  e.doc_id = std::string(kUrl);
  e.sentence_id = "4";
  e.sentence = 0;
  e.date = Date{2025, 1, 14};
  e.source = {"ISRMIL", "Israeli jets", 0, 1};
  e.target = {"PSEREBHMS", "Hamas fighters", 3, 4};
  e.event = {"1951", "struck", 2, 2};
  e.pattern = "verbs.txt:14";
  e.issues = {"CEASEFIRE 2", "HOSTAGES 1"};
  EventMetadata& m = e.meta;
  m.root_code = "19";
  m.label = "Employ precision-guided aerial munitions";
  m.quad_class = 4;
  m.goldstein = -10;
  m.has_goldstein = true;
  m.plover_type = "ASSAULT";
  m.plover_mode = "aerial";
  m.plover_context = "military";
  m.source = {"ISR", "MIL", "", "Israeli jets"};
  m.target = {"PSE", "REB", "HMS", "Hamas fighters"};
  m.event_date = Date{2025, 1, 13};
  m.date_precision = DatePrecision::kDay;
  m.date_text = "yesterday";
  return e;
}

// As the coder leaves it, before enrichment: no metadata, no token ranges.
Event BareEvent() {
  Event e;
  e.doc_id = "seed-2024-07-05";
  e.sentence = 3;
  e.date = Date{2024, 7, 4};
  e.source = {"USAGOV", "Biden", -1, -1};
  e.target = {"ISRGOV", "Netanyahu", -1, -1};
  e.event = {"040", "held talks", -1, -1};
  e.pattern = "verbs.txt:120";
  return e;
}

std::string Line(OutputFormat format, const Event& e) {
  std::string out;
  AppendEvent(format, e, out);
  return out;
}

std::vector<std::string> SplitTsv(std::string_view line) {
  EXPECT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  line.remove_suffix(1);
  EXPECT_EQ(line.find('\n'), std::string_view::npos);
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.emplace_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

// ---- format names ----

TEST(EventFormatsTest, ParsesFormatNames) {
  struct Case {
    std::string_view name;
    OutputFormat format;
  };
  for (const Case& c : std::vector<Case>{{"jsonl", OutputFormat::kJsonLines},
                                         {"JSON", OutputFormat::kJsonLines},
                                         {"gdelt", OutputFormat::kGdelt},
                                         {"Phoenix", OutputFormat::kPhoenix},
                                         {"csv", OutputFormat::kCsv}}) {
    auto f = ParseOutputFormat(c.name);
    ASSERT_TRUE(f.ok()) << c.name;
    EXPECT_EQ(*f, c.format) << c.name;
  }
  auto bad = ParseOutputFormat("tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "unknown output format 'tsv'; expected jsonl, gdelt, phoenix or csv");
  EXPECT_STREQ(OutputFormatName(OutputFormat::kPhoenix), "phoenix");
  EXPECT_TRUE(WritesHeaderByDefault(OutputFormat::kCsv));
  EXPECT_FALSE(WritesHeaderByDefault(OutputFormat::kGdelt));
  EXPECT_EQ(FormatHeader(OutputFormat::kJsonLines), "");
}

// ---- JSON Lines ----

TEST(EventFormatsTest, JsonLinesDelegatesToEventWriter) {
  std::string direct;
  AppendEventJson(FullEvent(), direct);
  EXPECT_EQ(Line(OutputFormat::kJsonLines, FullEvent()), direct);
}

TEST(EventFormatsTest, JsonFullEvent) {
  EXPECT_EQ(Line(OutputFormat::kJsonLines, FullEvent()),
            "{\"doc_id\":\"https://news.example/2025/01/14/ceasefire\",\"sentence\":0,\"sentence_id\":\"4\","
            "\"date\":\"2025-01-14\","
            "\"source\":{\"code\":\"ISRMIL\",\"text\":\"Israeli jets\",\"tokens\":[0,1],"
            "\"country\":\"ISR\",\"sectors\":\"MIL\",\"known_group\":\"\"},"
            "\"target\":{\"code\":\"PSEREBHMS\",\"text\":\"Hamas fighters\",\"tokens\":[3,4],"
            "\"country\":\"PSE\",\"sectors\":\"REB\",\"known_group\":\"HMS\"},"
            "\"event\":{\"code\":\"1951\",\"text\":\"struck\",\"tokens\":[2,2]},"
            "\"pattern\":\"verbs.txt:14\",\"issues\":[\"CEASEFIRE 2\",\"HOSTAGES 1\"],"
            "\"root\":\"19\",\"label\":\"Employ precision-guided aerial munitions\",\"quad_class\":4,"
            "\"goldstein\":-10,\"plover\":{\"type\":\"ASSAULT\",\"mode\":\"aerial\",\"context\":\"military\"},"
            "\"event_date\":\"2025-01-13\",\"date_precision\":\"day\",\"date_text\":\"yesterday\","
            "\"headline_mismatch\":false,\"num_mentions\":1,\"num_sources\":1,\"num_articles\":1,"
            "\"documents\":[\"https://news.example/2025/01/14/ceasefire\"],\"location\":null}\n");
}

TEST(EventFormatsTest, JsonBareEvent) {
  EXPECT_EQ(Line(OutputFormat::kJsonLines, BareEvent()),
            "{\"doc_id\":\"seed-2024-07-05\",\"sentence\":3,\"date\":\"2024-07-04\","
            "\"source\":{\"code\":\"USAGOV\",\"text\":\"Biden\",\"country\":\"\",\"sectors\":\"\",\"known_group\":\"\"},"
            "\"target\":{\"code\":\"ISRGOV\",\"text\":\"Netanyahu\",\"country\":\"\",\"sectors\":\"\",\"known_group\":\"\"},"
            "\"event\":{\"code\":\"040\",\"text\":\"held talks\"},\"pattern\":\"verbs.txt:120\",\"issues\":[],"
            "\"root\":\"\",\"label\":\"\",\"quad_class\":null,\"goldstein\":null,"
            "\"plover\":{\"type\":\"\",\"mode\":\"\",\"context\":\"\"},"
            "\"event_date\":null,\"date_precision\":\"document\",\"date_text\":\"\","
            "\"headline_mismatch\":false,\"num_mentions\":1,\"num_sources\":1,\"num_articles\":1,"
            "\"documents\":[\"seed-2024-07-05\"],\"location\":null}\n");
}

TEST(EventFormatsTest, JsonGoldsteinFractions) {
  Event e = BareEvent();
  e.meta.has_goldstein = true;
  for (auto [value, text] : std::vector<std::pair<double, std::string>>{
           {3.4, "3.4"}, {-0.3, "-0.3"}, {0, "0"}, {-0.0, "0"}, {10, "10"}}) {
    e.meta.goldstein = value;
    EXPECT_NE(Line(OutputFormat::kJsonLines, e).find("\"goldstein\":" + text + ","), std::string::npos)
        << text;
  }
}

// Checks a parsed record against docs/event.schema.json by hand: every
// required key present with its type.
void ExpectValidRecord(simdjson::dom::element doc) {
  using simdjson::dom::element_type;
  ASSERT_EQ(doc.type(), element_type::OBJECT);
  auto expect_type = [](simdjson::dom::element parent, const char* key, std::vector<element_type> types) {
    simdjson::dom::element value;
    ASSERT_EQ(parent[key].get(value), simdjson::SUCCESS) << "missing " << key;
    bool ok = false;
    for (element_type t : types) ok = ok || value.type() == t;
    EXPECT_TRUE(ok) << key << " has the wrong type";
  };
  const auto kString = element_type::STRING;
  const auto kNull = element_type::NULL_VALUE;
  const std::vector<element_type> kNumber = {element_type::INT64, element_type::UINT64, element_type::DOUBLE};
  expect_type(doc, "doc_id", {kString});
  expect_type(doc, "sentence", {element_type::INT64});
  expect_type(doc, "date", {kString, kNull});
  for (const char* span : {"source", "target", "event"}) {
    expect_type(doc, span, {element_type::OBJECT});
    expect_type(doc[span], "code", {kString});
    expect_type(doc[span], "text", {kString});
  }
  for (const char* actor : {"source", "target"})
    for (const char* key : {"country", "sectors", "known_group"}) expect_type(doc[actor], key, {kString});
  expect_type(doc, "pattern", {kString});
  expect_type(doc, "issues", {element_type::ARRAY});
  expect_type(doc, "root", {kString});
  expect_type(doc, "label", {kString});
  expect_type(doc, "quad_class", {element_type::INT64, kNull});
  std::vector<element_type> number_or_null = kNumber;
  number_or_null.push_back(kNull);
  expect_type(doc, "goldstein", number_or_null);
  expect_type(doc, "plover", {element_type::OBJECT});
  for (const char* key : {"type", "mode", "context"}) expect_type(doc["plover"], key, {kString});
  expect_type(doc, "event_date", {kString, kNull});
  expect_type(doc, "date_precision", {kString});
  expect_type(doc, "date_text", {kString});
  expect_type(doc, "headline_mismatch", {element_type::BOOL});
  for (const char* key : {"num_mentions", "num_sources", "num_articles"})
    expect_type(doc, key, {element_type::INT64});
  expect_type(doc, "documents", {element_type::ARRAY});
  std::string_view precision;
  ASSERT_EQ(doc["date_precision"].get(precision), simdjson::SUCCESS);
  EXPECT_TRUE(precision == "document" || precision == "day" || precision == "week" || precision == "month" ||
              precision == "year")
      << precision;
}

TEST(EventFormatsTest, JsonParsesAndMatchesSchema) {
  simdjson::dom::parser parser;
  for (const Event& e : {FullEvent(), BareEvent(), Event{}}) {
    std::string line = Line(OutputFormat::kJsonLines, e);
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(line).get(doc), simdjson::SUCCESS) << line;
    ExpectValidRecord(doc);
  }
  std::string line = Line(OutputFormat::kJsonLines, FullEvent());
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(line).get(doc), simdjson::SUCCESS);
  int64_t quad = 0;
  double goldstein = 0;
  std::string_view country, mode, event_date;
  ASSERT_EQ(doc["quad_class"].get(quad), simdjson::SUCCESS);
  ASSERT_EQ(doc["goldstein"].get(goldstein), simdjson::SUCCESS);
  ASSERT_EQ(doc["target"]["country"].get(country), simdjson::SUCCESS);
  ASSERT_EQ(doc["plover"]["mode"].get(mode), simdjson::SUCCESS);
  ASSERT_EQ(doc["event_date"].get(event_date), simdjson::SUCCESS);
  EXPECT_EQ(quad, 4);
  EXPECT_EQ(goldstein, -10);
  EXPECT_EQ(country, "PSE");
  EXPECT_EQ(mode, "aerial");
  EXPECT_EQ(event_date, "2025-01-13");
}

// ---- GDELT ----

TEST(EventFormatsTest, GdeltHeaderIsTheCodebooksColumns) {
  const std::vector<std::string> expected = {
      "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
      "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
      "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
      "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
      "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
      "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
      "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
      "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
      "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
      "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
      "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
      "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
      "DATEADDED", "SOURCEURL"};
  ASSERT_EQ(expected.size(), 61u);
  EXPECT_EQ(SplitTsv(FormatHeader(OutputFormat::kGdelt)), expected);
}

TEST(EventFormatsTest, GdeltFullEvent) {
  const std::string id = std::to_string(StableEventId(FullEvent()));
  EXPECT_EQ(Line(OutputFormat::kGdelt, FullEvent()),
            id + "\t20250113\t202501\t2025\t2025.0356"
                 "\tISRMIL\tIsraeli jets\tISR\t\t\t\t\tMIL\t\t"
                 "\tPSEREBHMS\tHamas fighters\tPSE\tHMS\t\t\t\tREB\t\t"
                 "\t1\t1951\t195\t19\t4\t-10\t1\t1\t1\t" +
                std::string(25, '\t') + "20250114000000\t" + std::string(kUrl) + "\n");
}

TEST(EventFormatsTest, GdeltBareEvent) {
  const std::string id = std::to_string(StableEventId(BareEvent()));
  EXPECT_EQ(Line(OutputFormat::kGdelt, BareEvent()),
            id + "\t20240704\t202407\t2024\t2024.5041"
                 "\tUSAGOV\tBiden\t\t\t\t\t\t\t\t"
                 "\tISRGOV\tNetanyahu\t\t\t\t\t\t\t\t"
                 "\t0\t040\t040\t04\t\t\t1\t1\t1\t" +
                std::string(25, '\t') + "20240704000000\t\n");
}

TEST(EventFormatsTest, GdeltUndatedMonadicEvent) {
  Event e;
  e.sentence = -1;  // headline
  e.source = {"---", "", -1, -1};
  e.target = {"SDN", "Sudan", -1, -1};
  e.event = {"---", "", -1, -1};
  std::vector<std::string> fields = SplitTsv(Line(OutputFormat::kGdelt, e));
  ASSERT_EQ(fields.size(), 61u);
  EXPECT_EQ(fields[1], "");   // SQLDATE
  EXPECT_EQ(fields[4], "");   // FractionDate
  EXPECT_EQ(fields[5], "");   // Actor1Code: no actor
  EXPECT_EQ(fields[15], "SDN");
  EXPECT_EQ(fields[25], "1");  // IsRootEvent: the headline
  EXPECT_EQ(fields[27], "---");
  EXPECT_EQ(fields[28], "");  // no root for a non-numeric code
  EXPECT_EQ(fields[59], "");  // DATEADDED
}

TEST(EventFormatsTest, GdeltEveryRowHas61Fields) {
  Event messy = FullEvent();
  messy.source.text = "tab\there\nnewline\r";
  messy.meta.source.name = "";
  messy.meta.target.name = "Hamas\tfighters";
  messy.meta.source.sectors = "GOVMILOPPREB";  // more than three types
  for (const Event& e : {FullEvent(), BareEvent(), Event{}, messy}) {
    std::vector<std::string> fields = SplitTsv(Line(OutputFormat::kGdelt, e));
    ASSERT_EQ(fields.size(), kGdeltColumnCount);
  }
  std::vector<std::string> fields = SplitTsv(Line(OutputFormat::kGdelt, messy));
  EXPECT_EQ(fields[6], "tab here newline ");  // Actor1Name from the span text
  EXPECT_EQ(fields[16], "Hamas fighters");
  EXPECT_EQ(fields[12], "GOV");
  EXPECT_EQ(fields[13], "MIL");
  EXPECT_EQ(fields[14], "OPP");
}

TEST(EventFormatsTest, GdeltFractionDate) {
  EXPECT_EQ(GdeltFractionDate(Date{1979, 1, 1}), "1979.0027");
  EXPECT_EQ(GdeltFractionDate(Date{2015, 2, 18}), "2015.1315");
  EXPECT_EQ(GdeltFractionDate(Date{2024, 12, 31}), "2024.9890");
}

TEST(EventFormatsTest, StableEventIdIsStableAndDistinct) {
  EXPECT_EQ(StableEventId(FullEvent()), StableEventId(FullEvent()));
  EXPECT_EQ(StableEventId(FullEvent()), 5738108418154839088ULL);  // must not change between versions
  Event other = FullEvent();
  other.sentence = 1;
  EXPECT_NE(StableEventId(FullEvent()), StableEventId(other));
  EXPECT_LT(StableEventId(FullEvent()), 1ULL << 63);
}

// ---- Phoenix ----

TEST(EventFormatsTest, PhoenixHeader) {
  EXPECT_EQ(FormatHeader(OutputFormat::kPhoenix),
            "EventID\tDate\tYear\tMonth\tDay\tSourceActorFull\tSourceActorEntity\tSourceActorRole"
            "\tSourceActorAttribute\tTargetActorFull\tTargetActorEntity\tTargetActorRole\tTargetActorAttribute"
            "\tEventCode\tEventRootCode\tPentaClass\tGoldsteinScore\tIssues\tLat\tLon\tLocationName\tStateName"
            "\tCountryCode\tSentenceID\tURLs\tNewsSources\n");
}

TEST(EventFormatsTest, PhoenixFullEvent) {
  const std::string id = std::to_string(StableEventId(FullEvent()));
  const std::string url(kUrl);
  EXPECT_EQ(Line(OutputFormat::kPhoenix, FullEvent()),
            id + "\t20250113\t2025\t01\t13\tISRMIL\tISR\tMIL\t\tPSEREBHMS\tPSE\tREB\tHMS"
                 "\t1951\t19\t4\t-10\tCEASEFIRE,2;HOSTAGES,1\t\t\t\t\t\t" +
                url + "_0\t" + url + "\t\n");
}

TEST(EventFormatsTest, PhoenixBareEvent) {
  const std::string id = std::to_string(StableEventId(BareEvent()));
  EXPECT_EQ(Line(OutputFormat::kPhoenix, BareEvent()),
            id + "\t20240704\t2024\t07\t04\tUSAGOV\t\tGOV\t\tISRGOV\t\tGOV\t"
                 "\t040\t04\t1\t\t\t\t\t\t\t\tseed-2024-07-05_3\t\t\n");
}

TEST(EventFormatsTest, PhoenixActorSplit) {
  Event e = BareEvent();
  e.source.code = "IGOUNOKIDMED";
  e.target.code = "USAELIGOV";  // ELI is not a primary agent: all of it is attributes
  e.meta.target.country = "USA";
  std::vector<std::string> fields = SplitTsv(Line(OutputFormat::kPhoenix, e));
  ASSERT_EQ(fields.size(), kPhoenixColumnCount);
  EXPECT_EQ(fields[6], "IGO");
  EXPECT_EQ(fields[7], "");
  EXPECT_EQ(fields[8], "UNO;KID;MED");
  EXPECT_EQ(fields[10], "USA");
  EXPECT_EQ(fields[11], "");
  EXPECT_EQ(fields[12], "ELI;GOV");
  e.target.code = "USAGOVMIL";
  fields = SplitTsv(Line(OutputFormat::kPhoenix, e));
  EXPECT_EQ(fields[10], "USA");
  EXPECT_EQ(fields[11], "GOV");
  EXPECT_EQ(fields[12], "MIL");
}

TEST(EventFormatsTest, PhoenixPentaClass) {
  const std::vector<std::pair<std::string_view, int>> cases = {
      {"01", 0}, {"02", 0}, {"03", 1}, {"05", 1}, {"06", 2}, {"08", 2}, {"09", 3}, {"13", 3},
      {"14", 4}, {"15", 4}, {"16", 3}, {"17", 4}, {"20", 4}, {"00", -1}, {"21", -1}, {"1", -1}, {"", -1}};
  for (auto [root, penta] : cases) EXPECT_EQ(PhoenixPentaClass(root), penta) << root;
}

TEST(EventFormatsTest, PhoenixEveryRowHas26Fields) {
  Event messy = FullEvent();
  messy.issues = {"A\tB 1", "plain"};
  messy.doc_id = "id\nwith newline";
  for (const Event& e : {FullEvent(), BareEvent(), Event{}, messy})
    EXPECT_EQ(SplitTsv(Line(OutputFormat::kPhoenix, e)).size(), kPhoenixColumnCount);
  std::vector<std::string> fields = SplitTsv(Line(OutputFormat::kPhoenix, messy));
  EXPECT_EQ(fields[17], "A B,1;plain");
  EXPECT_EQ(fields[23], "id with newline_0");
}

// ---- CSV ----

TEST(EventFormatsTest, CsvHeaderAndFullEvent) {
  EXPECT_EQ(FormatHeader(OutputFormat::kCsv),
            "doc_id,sentence,sentence_id,date,"
            "source_code,source_text,source_first_token,source_last_token,"
            "source_country,source_sectors,source_known_group,"
            "target_code,target_text,target_first_token,target_last_token,"
            "target_country,target_sectors,target_known_group,"
            "event_code,event_text,event_first_token,event_last_token,"
            "pattern,issues,root,label,quad_class,goldstein,"
            "plover_type,plover_mode,plover_context,event_date,date_precision,date_text\n");
  EXPECT_EQ(Line(OutputFormat::kCsv, FullEvent()),
            "https://news.example/2025/01/14/ceasefire,0,4,2025-01-14,"
            "ISRMIL,Israeli jets,0,1,ISR,MIL,,"
            "PSEREBHMS,Hamas fighters,3,4,PSE,REB,HMS,"
            "1951,struck,2,2,"
            "verbs.txt:14,CEASEFIRE 2;HOSTAGES 1,19,Employ precision-guided aerial munitions,4,-10,"
            "ASSAULT,aerial,military,2025-01-13,day,yesterday\n");
}

TEST(EventFormatsTest, CsvBareEvent) {
  EXPECT_EQ(Line(OutputFormat::kCsv, BareEvent()),
            "seed-2024-07-05,3,,2024-07-04,USAGOV,Biden,,,,,,ISRGOV,Netanyahu,,,,,,"
            "040,held talks,,,verbs.txt:120,,,,,,,,,,document,\n");
}

TEST(EventFormatsTest, CsvQuoting) {
  struct Case {
    std::string text;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"plain words", "plain words"},
      {"Hamas, the group", "\"Hamas, the group\""},
      {"the \"Quartet\"", "\"the \"\"Quartet\"\"\""},
      {"\"", "\"\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"tab\tstays", "tab\tstays"},
      {"bad\xFF" "byte", "bad\xEF\xBF\xBD" "byte"},
      {"q\"\xFF,", "\"q\"\"\xEF\xBF\xBD,\""},
  };
  for (const Case& c : cases) {
    Event e = BareEvent();
    e.doc_id = c.text;
    std::string line = Line(OutputFormat::kCsv, e);
    EXPECT_EQ(line.substr(0, line.find(",3,,2024-07-04,")), c.field) << c.text;
  }
}

TEST(EventFormatsTest, CsvRowHasAsManyFieldsAsTheHeader) {
  auto count = [](std::string_view line) {  // no quoted commas in these lines
    size_t n = 1;
    for (char c : line) n += c == ',';
    return n;
  };
  EXPECT_EQ(count(FormatHeader(OutputFormat::kCsv)), count(Line(OutputFormat::kCsv, FullEvent())));
  EXPECT_EQ(count(FormatHeader(OutputFormat::kCsv)), count(Line(OutputFormat::kCsv, Event{})));
}

}  // namespace
}  // namespace parley::io

namespace parley::io {
namespace {

TEST(EventFormatsTest, LocationInJsonAndGdeltActionGeo) {
  Event e;
  e.doc_id = "d";
  e.event.code = "195";
  Place& p = e.meta.location;
  p.name = "Khan Younis";
  p.text = "Khan Younis";
  p.country = "PSE";
  p.feature_type = "city";
  p.precision = "city";
  p.lat = 31.34;
  p.lon = 34.30;
  p.has_coordinates = true;
  std::string json;
  AppendEventJson(e, json);
  EXPECT_NE(json.find("\"location\":{\"name\":\"Khan Younis\",\"text\":\"Khan Younis\","
                      "\"country\":\"PSE\",\"adm1\":\"\",\"feature_type\":\"city\","
                      "\"precision\":\"city\",\"lat\":31.3400,\"lon\":34.3000}"),
            std::string::npos)
      << json;
  std::string gdelt;
  AppendEvent(OutputFormat::kGdelt, e, gdelt);
  std::vector<std::string> f;
  size_t start = 0;
  gdelt.pop_back();  // newline
  for (size_t tab; (tab = gdelt.find('\t', start)) != std::string::npos; start = tab + 1)
    f.push_back(gdelt.substr(start, tab - start));
  f.push_back(gdelt.substr(start));
  ASSERT_EQ(f.size(), 61u);
  // ActionGeo_Type .. ActionGeo_FeatureID are columns 52..59 (0-based 51..58).
  EXPECT_EQ(f[51], "4");
  EXPECT_EQ(f[52], "Khan Younis");
  EXPECT_EQ(f[53], "PSE");
  EXPECT_EQ(f[56], "31.3400");
  EXPECT_EQ(f[57], "34.3000");
}

}  // namespace
}  // namespace parley::io

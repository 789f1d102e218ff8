// CAMEO metadata tables: the compiled-in table, parent fallback, the PLOVER
// mapping and the table parser's errors. No shared data.
#include "enrich/cameo_tables.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace parley::enrich {
namespace {

const CameoCodeInfo& Get(std::string_view code) {
  const CameoCodeInfo* row = CameoTables::Builtin().Find(code);
  static const CameoCodeInfo kNone;
  EXPECT_NE(row, nullptr) << code;
  return row ? *row : kNone;
}

// CAMEO 0.7b5 (CAMEO_codefile.txt): 20 roots + 295 3- and 4-digit codes.
TEST(CameoTablesTest, HoldsEveryCodebookCode) { EXPECT_EQ(CameoTables::Builtin().size(), 315u); }

TEST(CameoTablesTest, KnownCodes) {
  const CameoCodeInfo& fight = Get("190");
  EXPECT_EQ(fight.code, "190");
  EXPECT_EQ(fight.label, "Use conventional military force");
  EXPECT_EQ(fight.root, "19");
  EXPECT_EQ(fight.quad_class, 4);
  EXPECT_TRUE(fight.has_goldstein);
  EXPECT_DOUBLE_EQ(fight.goldstein, -10.0);

  const CameoCodeInfo& sign = Get("057");
  EXPECT_EQ(sign.label, "Sign formal agreement");
  EXPECT_EQ(sign.quad_class, 1);
  EXPECT_DOUBLE_EQ(sign.goldstein, 8.0);

  const CameoCodeInfo& release = Get("0841");
  EXPECT_EQ(release.root, "08");
  EXPECT_EQ(release.quad_class, 2);
  EXPECT_DOUBLE_EQ(release.goldstein, 7.0);
  EXPECT_EQ(release.plover_type, "RETREAT");
  EXPECT_EQ(release.plover_mode, "release");
  EXPECT_EQ(release.plover_context, "legal");

  const CameoCodeInfo& root = Get("13");
  EXPECT_EQ(root.code, "13");
  EXPECT_EQ(root.label, "Threaten");
  EXPECT_EQ(root.quad_class, 3);
  EXPECT_DOUBLE_EQ(root.goldstein, -6.0);
}

// QuadClass by root, GDELT convention: 01-05 → 1, 06-08 → 2, 09-13 → 3, 14-20 → 4.
TEST(CameoTablesTest, QuadClassFollowsTheRoot) {
  const struct { const char* code; int quad; } kCases[] = {
      {"01", 1}, {"05", 1}, {"06", 2}, {"08", 2}, {"09", 3},  {"13", 3},
      {"14", 4}, {"20", 4}, {"0344", 1}, {"075", 2}, {"1125", 3}, {"145", 4},
  };
  for (const auto& c : kCases) EXPECT_EQ(Get(c.code).quad_class, c.quad) << c.code;
}

TEST(CameoTablesTest, EveryRowIsConsistent) {
  // Every code's root is a row, and every row agrees with its root.
  for (const char* root : {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
                           "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"}) {
    const CameoCodeInfo& r = Get(root);
    EXPECT_EQ(r.code, root);
    EXPECT_TRUE(r.has_goldstein) << root;
    // PLOVER drops CAMEO 01 and 02 (manual §7.1); every other root maps.
    EXPECT_EQ(r.plover_type.empty(), r.code == "01" || r.code == "02") << root;
  }
}

TEST(CameoTablesTest, FallsBackToParentCodes) {
  EXPECT_EQ(Get("0875").code, "087");    // not a CAMEO code; its parent is
  EXPECT_EQ(Get("0875").quad_class, 2);
  EXPECT_DOUBLE_EQ(Get("0875").goldstein, 9.0);
  EXPECT_EQ(Get("0811i").code, "0811");  // ICEWS variant
  EXPECT_EQ(Get("13y").code, "13");
  EXPECT_EQ(Get("199").code, "19");      // no 199: straight to the root
  EXPECT_EQ(Get("1999").code, "19");
  EXPECT_EQ(Get("08712").code, "0871");  // at most 4 digits count
}

TEST(CameoTablesTest, UnknownCodes) {
  for (const char* code : {"+++", "---", "", "0", "9", "21", "215", "00", "x19", " 190"}) {
    EXPECT_EQ(CameoTables::Builtin().Find(code), nullptr) << '"' << code << '"';
  }
}

// Checked by hand against CAMEO2PLOVER-2021.txt.
TEST(CameoTablesTest, PloverMapping) {
  const struct { const char* code; const char* type; const char* mode; const char* context; } kCases[] = {
      {"010", "", "", ""},                         // 01 dropped by PLOVER
      {"0214", "", "", ""},                        // 02 dropped by PLOVER
      {"036", "AGREE", "", "diplomatic"},
      {"042", "CONSULT", "visit", ""},
      {"0861", "RETREAT", "access", "peacekeeping"},  // "access ," in the source
      {"082", "CONCEDE", "", "democracy"},
      {"091", "ACCUSE", "investigate", "crime;corruption"},  // "crime; corruption"
      {"1124", "ACCUSE", "allege", "military;legal"},
      {"1056", "REQUEST", "yield", "military"},
      {"163", "COERCE", "restrict", "diplomatic"},   // a 16 code mapped to COERCE
      {"1712", "ASSAULT", "seize", "human_security"},
      {"191", "COERCE", "restrict", "military"},
      {"2041", "ASSAULT", "unconventional", "cbrn"},
      {"08", "CONCEDE", "", ""},                     // a root takes its xx0 code's mapping
      {"19", "ASSAULT", "", "military"},
      {"1951", "ASSAULT", "heavy-weapons", "military"},  // missing from the table: 195's
  };
  for (const auto& c : kCases) {
    const CameoCodeInfo& row = Get(c.code);
    EXPECT_EQ(row.plover_type, c.type) << c.code;
    EXPECT_EQ(row.plover_mode, c.mode) << c.code;
    EXPECT_EQ(row.plover_context, c.context) << c.code;
  }
}

// Codes the GDELT Goldstein list lacks take their parent's weight.
TEST(CameoTablesTest, InheritedGoldstein) {
  EXPECT_TRUE(Get("1214").has_goldstein);
  EXPECT_DOUBLE_EQ(Get("1214").goldstein, -4.0);
  EXPECT_DOUBLE_EQ(Get("1952").goldstein, -10.0);
}

TEST(CameoTablesTest, FixedLabels) {
  EXPECT_EQ(Get("018").label, "Make empathetic comment");
  EXPECT_EQ(Get("055").label, "Apologize");
  EXPECT_EQ(Get("15").label, "Exhibit military posture");
}

TEST(CameoTablesTest, BuiltinIsSharedAcrossThreads) {
  std::vector<std::thread> threads;
  std::vector<const CameoCodeInfo*> found(8, nullptr);
  for (size_t i = 0; i < found.size(); ++i) {
    threads.emplace_back([&found, i] { found[i] = CameoTables::Builtin().Find("0871"); });
  }
  for (auto& t : threads) t.join();
  for (const CameoCodeInfo* row : found) EXPECT_EQ(row, found[0]);
  ASSERT_NE(found[0], nullptr);
  EXPECT_EQ(found[0]->plover_mode, "ceasefire");
}

constexpr std::string_view kHeader =
    "code\tlabel\troot\tquad_class\tgoldstein\tplover_type\tplover_mode\tplover_context\n";

TEST(CameoTablesParseTest, ParsesAMinimalTable) {
  std::string tsv = "# comment\n" + std::string(kHeader) +
                    "19\tFight\t19\t4\t-10.0\tASSAULT\t\tmilitary\r\n"
                    "\n"
                    "190\tUse force\t19\t4\t\tASSAULT\t\tmilitary";
  Result<CameoTables> t = CameoTables::Parse(tsv, "t.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->size(), 2u);
  ASSERT_NE(t->Find("190"), nullptr);
  EXPECT_FALSE(t->Find("190")->has_goldstein);
  EXPECT_EQ(t->Find("1901")->code, "190");
  EXPECT_EQ(t->Find("19")->plover_context, "military");
}

TEST(CameoTablesParseTest, ErrorsNameTheLine) {
  const struct { std::string tsv; const char* error; } kCases[] = {
      {"", "parse error: t.tsv: no header line"},
      {"code\tlabel\n", "parse error: t.tsv:1: expected 8 tab-separated fields, got 2"},
      {"a\tb\tc\td\te\tf\tg\th\n",
       "parse error: t.tsv:1: expected the header line "
       "\"code\\tlabel\\troot\\tquad_class\\tgoldstein\\tplover_type\\tplover_mode\\tplover_context\""},
      {std::string(kHeader) + "19\tFight\t19\t4\t-10\tASSAULT\t\tmilitary\tx\n",
       "parse error: t.tsv:2: expected 8 tab-separated fields, got 9 or more"},
      {std::string(kHeader) + "1x\tFight\t1x\t4\t-10\t\t\t\n",
       "parse error: t.tsv:2: code \"1x\" is not 2 to 4 digits"},
      {std::string(kHeader) + "190\tFight\t18\t4\t-10\t\t\t\n",
       "parse error: t.tsv:2: code 190 has root \"18\", expected 19"},
      {std::string(kHeader) + "190\tFight\t19\t5\t-10\t\t\t\n",
       "parse error: t.tsv:2: code 190: quad_class \"5\" is not 1 to 4"},
      {std::string(kHeader) + "# c\n190\tFight\t19\t4\t-10.5\t\t\t\n",
       "parse error: t.tsv:3: code 190: goldstein \"-10.5\" is not a number from -10 to 10"},
      {std::string(kHeader) + "190\tFight\t19\t4\t1e\t\t\t\n",
       "parse error: t.tsv:2: code 190: goldstein \"1e\" is not a number from -10 to 10"},
      {std::string(kHeader) + "190\tA\t19\t4\t\t\t\t\n190\tB\t19\t4\t\t\t\t\n",
       "parse error: t.tsv: code 190 is listed twice"},
  };
  for (const auto& c : kCases) {
    Result<CameoTables> t = CameoTables::Parse(c.tsv, "t.tsv");
    ASSERT_FALSE(t.ok()) << c.tsv;
    EXPECT_EQ(t.status().ToString(), c.error);
  }
}

TEST(AddCameoMetadataTest, FillsEventMetadata) {
  Event e;
  e.event.code = "0871";
  e.source = {"ISRGOVMIL", "the Israeli army", 0, 2};
  e.target = {"PSEREBHMS", "Hamas", 5, 5};
  AddCameoMetadata(e);
  EXPECT_EQ(e.meta.root_code, "08");
  EXPECT_EQ(e.meta.label, "Declare truce, ceasefire");
  EXPECT_EQ(e.meta.quad_class, 2);
  EXPECT_TRUE(e.meta.has_goldstein);
  EXPECT_DOUBLE_EQ(e.meta.goldstein, 9.0);
  EXPECT_EQ(e.meta.plover_type, "RETREAT");
  EXPECT_EQ(e.meta.plover_mode, "ceasefire");
  EXPECT_EQ(e.meta.plover_context, "military");
  EXPECT_EQ(e.meta.source.country, "ISR");
  EXPECT_EQ(e.meta.source.sectors, "GOVMIL");
  EXPECT_EQ(e.meta.source.name, "the Israeli army");
  EXPECT_EQ(e.meta.target.country, "PSE");
  EXPECT_EQ(e.meta.target.known_group, "HMS");

  // An unknown code clears what an earlier run filled; dates are left alone.
  e.event.code = "+++";
  e.meta.date_text = "on Thursday";
  AddCameoMetadata(e);
  EXPECT_EQ(e.meta.root_code, "");
  EXPECT_EQ(e.meta.label, "");
  EXPECT_EQ(e.meta.quad_class, 0);
  EXPECT_FALSE(e.meta.has_goldstein);
  EXPECT_DOUBLE_EQ(e.meta.goldstein, 0);
  EXPECT_EQ(e.meta.plover_type, "");
  EXPECT_EQ(e.meta.date_text, "on Thursday");
  EXPECT_EQ(e.meta.source.country, "ISR");
}

}  // namespace
}  // namespace parley::enrich

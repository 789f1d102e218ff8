#include "lexicon/actor_dictionary.h"

#include <gtest/gtest.h>

#include "lexicon/test_util.h"

namespace parley::lexicon {
namespace {

using testing::Words;

class ActorTest : public ::testing::Test {
 protected:
  void Load(std::string_view text) { ASSERT_TRUE(dict_.LoadPetrarchText(text, "t.actors", vocab_).ok()); }
  // The entry matched at the start of `text`, or -1.
  int Match(std::string_view text, uint32_t* length = nullptr) {
    auto w = Words(vocab_, text);
    PhraseMatch m = dict_.LongestMatch(w, 0);
    if (length) *length = m.length;
    return m.length == 0 ? -1 : static_cast<int>(m.entry);
  }
  std::string CodeOn(std::string_view actor, Date d) {
    int e = Match(actor);
    EXPECT_GE(e, 0) << actor;
    return e < 0 ? "?" : std::string(dict_.CodeOn(static_cast<uint32_t>(e), d));
  }
  Vocabulary vocab_;
  ActorDictionary dict_;
};

TEST_F(ActorTest, SynonymsAndLongestMatch) {
  Load(
      "<!-- a comment\n"
      "     spanning lines -->\n"
      "ISRAEL_ [ISR]  # the state\n"
      "+ISRAELI\n"
      "ISRAELI_TROOPS [ISRMIL]\n"
      "PALESTINIAN [pse] ; CountryInfo\n"
      "HAMAS WING [PSEHMSBRD]\n");
  EXPECT_EQ(dict_.size(), 4u);
  EXPECT_EQ(dict_.phrase_count(), 5u);
  uint32_t len = 0;
  int e = Match("israeli troops fired", &len);
  ASSERT_GE(e, 0);
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(dict_.entry(e).default_code, "ISRMIL");
  e = Match("israeli police", &len);
  ASSERT_GE(e, 0);
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(dict_.entry(e).phrase, "ISRAEL_");
  EXPECT_EQ(dict_.entry(e).line, 3);
  EXPECT_EQ(CodeOn("palestinian", {}), "PSE");  // lower-case code upper-cased
  EXPECT_EQ(Match("hamas wing", &len), 3);
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(Match("hamas"), -1);
  EXPECT_TRUE(dict_.warnings().empty());
}

TEST_F(ActorTest, DateRangeEdges) {
  Load(
      "GOLLUM  ; pas 27 Apr 03\n"
      "+SMEAGOL\n"
      "\t[HOB < 950601]\n"
      "\t[HOBGOV 19950602 - 19990815]\n"
      "\t[HOBREB >990816]\n"
      "\t[HOBX]\n"
      "SAM_GAMGEE [HOB]\n"
      "\t[ORCHOB 20100109-20100112]\n"
      "\t[HOBMIL 20080120-20121109]\n"
      "FUTURE\n"
      "    [NEW 250101-291231]\n");
  EXPECT_EQ(CodeOn("smeagol", Date{1990, 1, 1}), "HOB");
  EXPECT_EQ(CodeOn("gollum", Date{1995, 6, 1}), "HOB");      // "<date" includes the date
  EXPECT_EQ(CodeOn("gollum", Date{1995, 6, 2}), "HOBGOV");   // first day
  EXPECT_EQ(CodeOn("gollum", Date{1999, 8, 15}), "HOBGOV");  // last day
  EXPECT_EQ(CodeOn("gollum", Date{1999, 8, 16}), "HOBREB");  // ">date" includes the date
  EXPECT_EQ(CodeOn("gollum", Date{2030, 1, 1}), "HOBREB");
  EXPECT_EQ(CodeOn("gollum", Date{}), "HOBX");               // unknown date → default
  // First range containing the date wins; outside all ranges → default.
  EXPECT_EQ(CodeOn("sam gamgee", Date{2010, 1, 10}), "ORCHOB");
  EXPECT_EQ(CodeOn("sam gamgee", Date{2010, 1, 13}), "HOBMIL");
  EXPECT_EQ(CodeOn("sam gamgee", Date{2012, 11, 10}), "HOB");
  EXPECT_EQ(CodeOn("sam gamgee", Date{2008, 1, 19}), "HOB");
  // YYMMDD years 00-29 are 20xx; no default → null code.
  EXPECT_EQ(CodeOn("future", Date{2025, 1, 1}), "NEW");
  EXPECT_EQ(CodeOn("future", Date{1925, 1, 1}), "");
  const ActorEntry& g = dict_.entry(0);
  ASSERT_EQ(g.dated.size(), 3u);
  EXPECT_EQ(g.dated[0].from, 0);
  EXPECT_EQ(g.dated[0].to, 19950601);
  EXPECT_EQ(g.dated[1].from, 19950602);
  EXPECT_EQ(g.dated[1].to, 19990815);
  EXPECT_EQ(g.dated[2].from, 19990816);
  EXPECT_EQ(g.dated[2].to, 99999999);
  EXPECT_TRUE(dict_.warnings().empty());
}

TEST_F(ActorTest, NullCodesIndentedDefaultsAndSeveralBlocks) {
  Load(
      "ENT  \n"
      "\t[ENT]\n"
      "BOROMIR  [---]\n"
      "NOCODE\n"
      "PRINCE OF DOL AMROTH\n"
      "\t[--- <950630]\n"
      "\t[DOL]\n"
      "WILLY_CLAES_\t[IGOEUREEC 930701-931231][IGOWSTNAT 941017-951020]\n"
      "LORIEN  [ELR/GAL]\n");
  EXPECT_EQ(CodeOn("ent", {}), "ENT");
  EXPECT_EQ(CodeOn("boromir", Date{2000, 1, 1}), "");
  EXPECT_EQ(CodeOn("nocode", Date{2000, 1, 1}), "");
  EXPECT_EQ(CodeOn("prince of dol amroth", Date{1990, 1, 1}), "");
  EXPECT_EQ(CodeOn("prince of dol amroth", Date{1996, 1, 1}), "DOL");
  EXPECT_EQ(CodeOn("willy claes", Date{1995, 1, 1}), "IGOWSTNAT");
  EXPECT_EQ(CodeOn("willy claes", Date{1993, 7, 1}), "IGOEUREEC");
  EXPECT_EQ(CodeOn("willy claes", Date{1996, 1, 1}), "");
  EXPECT_EQ(CodeOn("lorien", {}), "ELR/GAL");  // multiple codes are kept as written
}

TEST_F(ActorTest, DuplicatePrimaryPhrasesMergeTheirCodes) {
  Load(
      "XI_JINPING\n"
      "+PRESIDENT_XI_JINPING\n"
      "\t[CHNGOV >20121115]\n"
      "XI_JINPING_  # CountryInfo.txt\n"
      "\t[CHNVP >080401]\n");
  EXPECT_EQ(dict_.size(), 1u);
  EXPECT_EQ(CodeOn("xi jinping", Date{2013, 1, 1}), "CHNGOV");
  EXPECT_EQ(CodeOn("president xi jinping", Date{2010, 1, 1}), "CHNVP");
  ASSERT_EQ(dict_.warnings().size(), 1u);
  EXPECT_EQ(dict_.warnings()[0],
            "t.actors:4: duplicate actor phrase; its codes are merged into the entry at t.actors:1: XI_JINPING_");
}

TEST_F(ActorTest, MalformedLinesBecomeWarnings) {
  Load(
      "\t[ORPHAN]\n"
      "GONDOR [GON]\n"
      "\t[GONGOV 991301-000101]\n"
      "\t[GONREB 20121207-20120802]\n"
      "\t[950601-990815]\n"
      "\t[GONX 1920030320-20060520]\n"
      "+\n"
      "A.H._BELO_CORPORATION_\t[MNCMED]\tNewspapers\n");
  EXPECT_EQ(CodeOn("gondor", Date{2000, 1, 1}), "GON");
  EXPECT_EQ(CodeOn("a.h. belo corporation", {}), "MNCMED");
  std::vector<std::string> want = {
      "t.actors:1: code line without an actor; skipped: [ORPHAN]",
      "t.actors:3: bad date '991301' (want YYMMDD or YYYYMMDD); restriction skipped: [GONGOV 991301-000101]",
      "t.actors:4: date range 20121207-20120802 ends before it starts; restriction skipped: [GONREB "
      "20121207-20120802]",
      "t.actors:5: code block has no code; restriction skipped: [950601-990815]",
      "t.actors:6: bad date '1920030320' (want YYMMDD or YYYYMMDD); restriction skipped: [GONX "
      "1920030320-20060520]",
      "t.actors:7: empty actor phrase; skipped: +",
      "t.actors:8: text after the code ignored: A.H._BELO_CORPORATION_\t[MNCMED]\tNewspapers",
  };
  EXPECT_EQ(dict_.warnings(), want);
}

TEST(ActorFile, UnreadableFileIsAnError) {
  Vocabulary vocab;
  ActorDictionary dict;
  Status s = dict.LoadPetrarchFile("/nonexistent/x.actors", vocab);
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  EXPECT_NE(s.message().find("/nonexistent/x.actors"), std::string::npos);
}

}  // namespace
}  // namespace parley::lexicon

#include "lexicon/verb_dictionary.h"

#include <gtest/gtest.h>

namespace parley::lexicon {
namespace {

using PT = PatternToken;

class VerbTest : public ::testing::Test {
 protected:
  void Load(std::string_view text) { ASSERT_TRUE(dict_.LoadPetrarchText(text, "t.verbs", vocab_).ok()); }
  // "BLOCK:CODE:before|after" for each entry of `form`, joined by ' '.
  std::string Entries(std::string_view form) {
    std::string out;
    for (uint32_t e : dict_.EntriesForForm(vocab_.Find(form))) {
      const VerbEntry& v = dict_.entry(e);
      if (!out.empty()) out += ' ';
      out += dict_.block(v.block).name + ":" + v.code + ":";
      for (WordId w : v.before) out += std::string(vocab_.Spelling(w)) + "_";
      out += "*";
      for (WordId w : v.after) out += "_" + std::string(vocab_.Spelling(w));
    }
    return out.empty() ? "-" : out;
  }
  // A pattern as text: words, &SYN, * $ + % ^ { } ( ), '_' after joined elements.
  std::string Pattern(uint32_t i) {
    std::string out;
    for (const PatternElement& e : dict_.pattern(i).elements) {
      if (!out.empty() && out.back() != '_') out += ' ';
      switch (e.kind) {
        case PT::kWord: out += vocab_.Spelling(e.word); break;
        case PT::kSynset: out += "&" + dict_.synset(e.synset).name; break;
        case PT::kVerb: out += "*"; break;
        case PT::kSource: out += "$"; break;
        case PT::kTarget: out += "+"; break;
        case PT::kCompound: out += "%"; break;
        case PT::kSkip: out += "^"; break;
        case PT::kNounGroupOpen: out += "{"; break;
        case PT::kNounGroupClose: out += "}"; break;
        case PT::kPrepOpen: out += "("; break;
        case PT::kPrepClose: out += ")"; break;
      }
      if (e.joined_to_next) out += "_";
    }
    return out + " [" + dict_.pattern(i).code + "]";
  }
  std::string Synset(std::string_view name) {
    int s = dict_.FindSynset(name);
    if (s < 0) return "?";
    std::string out;
    for (const auto& phrase : dict_.synset(static_cast<uint32_t>(s)).phrases) {
      if (!out.empty()) out += '|';
      for (size_t i = 0; i < phrase.size(); ++i) out += (i ? " " : "") + std::string(vocab_.Spelling(phrase[i]));
    }
    return out;
  }
  Vocabulary vocab_;
  VerbDictionary dict_;
};

TEST_F(VerbTest, RegularForms) {
  Load(
      "--- ACCEPT [081] ---\n"
      "ACCEPT\nBAN\nMANAGE\nTRY\nSTOP\nVISIT\nPASS\nDIE\nFLEE\nPLAY\nQUIT\n");
  for (auto f : {"ACCEPT", "ACCEPTS", "ACCEPTED", "ACCEPTING", "BANS", "BANNED", "BANNING", "MANAGES", "MANAGED",
                 "MANAGING", "TRIES", "TRIED", "TRYING", "STOPPED", "STOPPING", "VISITED", "VISITING",
                 "PASSES", "PASSED", "PASSING", "DIED", "DYING", "FLEES", "FLEEING", "PLAYS", "PLAYED",
                 "QUITTING"})
    EXPECT_EQ(Entries(f), "ACCEPT:081:*") << f;
  for (auto f : {"BANED", "MANAGEING", "TRYED", "STOPED", "DIEING", "PLAIED"}) EXPECT_EQ(Entries(f), "-") << f;
  EXPECT_TRUE(dict_.IsBaseForm(vocab_.Find("ACCEPT")));
  EXPECT_FALSE(dict_.IsBaseForm(vocab_.Find("ACCEPTED")));
  EXPECT_TRUE(dict_.warnings().empty());
}

TEST_F(VerbTest, IrregularAndMultiWordVerbs) {
  Load(
      "--- BREAK [1717] ---\n"
      "BREAK { BROKE BROKEN  }\n"
      "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\n"
      "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF}  # TABARI\n"
      "WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING } [1711]\n"
      "KLM_NOP_+RST [002]\n"
      "+ANGERED_BY {}\n"
      "+IS_DETERMINED {+WAS_DETERMINED , +ARE_DETERMINED} [030]\n"
      "LASH OUT\n"
      "SCRAP {SCRAPPING SCRAPS SCRAPPED };shan   8/30/93\n");
  EXPECT_EQ(Entries("BROKE"), "BREAK:1717:* BREAK:1717:*_DOWN");
  EXPECT_EQ(Entries("BREAKS"), "BREAK:1717:*_DOWN");  // only the multi-word verb lists BREAKS
  EXPECT_EQ(Entries("BREAKING"), "-");
  EXPECT_EQ(Entries("CORDONED"), "BREAK:1717:*_OFF");
  EXPECT_EQ(Entries("CORDON"), "BREAK:1717:*_OFF");
  EXPECT_EQ(Entries("TAPPED"), "BREAK:1711:WIRE_*");
  EXPECT_EQ(Entries("TAPS"), "-");
  EXPECT_EQ(Entries("RSTS"), "BREAK:002:KLM_NOP_*");  // regular forms of the '+' word
  EXPECT_EQ(Entries("ANGERED"), "BREAK:1717:*_BY");
  EXPECT_EQ(Entries("ANGERS"), "-");
  EXPECT_EQ(Entries("WAS"), "BREAK:030:*_DETERMINED");
  EXPECT_EQ(Entries("LASHED"), "BREAK:1717:*_OUT");
  EXPECT_EQ(Entries("SCRAPPED"), "BREAK:1717:*");
  EXPECT_EQ(dict_.block(0).entries.size(), 9u);
  EXPECT_TRUE(dict_.warnings().empty());
}

TEST_F(VerbTest, BlockCodes) {
  Load(
      "--- ADMIT  [013:012] ---\nADMIT\n"
      "--- HELP  [174K] ---\nHELP\nDOWNPLAY [014]\n"
      "--- GRANT [def] ---\nGRANT\n"
      "---  ALERT   [---]  ---\nALERT\n"
      "--- TROUBLED  [---] # NOUN ---\nTROUBLED\n"
      "---  DISGRACE   [110]---  ---\nDISGRACE\n");
  EXPECT_EQ(Entries("ADMITTED"), "ADMIT:013:012:*");  // paired code kept as written
  EXPECT_EQ(Entries("HELPED"), "HELP:174K:*");
  EXPECT_EQ(Entries("DOWNPLAYED"), "HELP:014:*");     // own code beats the block's
  EXPECT_EQ(Entries("GRANTED"), "GRANT:DEF:*");
  EXPECT_EQ(Entries("ALERTED"), "ALERT:---:*");
  EXPECT_EQ(Entries("TROUBLED"), "TROUBLED:---:*");
  EXPECT_EQ(Entries("DISGRACED"), "DISGRACE:110:*");
  EXPECT_EQ(dict_.block_count(), 6u);
}

TEST_F(VerbTest, SynsetsNestedAndPlurals) {
  Load(
      "####### SYNONYM SETS #######\n"
      "&TIETYPES\n+MILITARY\n+ECONOMIC_\n+SWISS FRANC\n"
      "&AUXVERB2_   # no plurals\n+WILL\n+IS_TO\n"
      "&ACCORDSYN\n+&TIETYPES\n+CLOSER\n+OFFICE_OF_&TIETYPES_AFFAIRS_\n"
      "&FIGHT\n+FIGHT\n"
      "&FIGHT_OF_WORDS\n+ARGUMENT_\n");
  EXPECT_EQ(Synset("TIETYPES"), "MILITARY|MILITARIES|ECONOMIC|SWISS FRANC|SWISS FRANCS");
  EXPECT_EQ(Synset("AUXVERB2"), "WILL|IS TO");
  EXPECT_EQ(Synset("ACCORDSYN"),
            "MILITARY|MILITARIES|ECONOMIC|SWISS FRANC|SWISS FRANCS|CLOSER|CLOSERS|OFFICE OF MILITARY AFFAIRS|"
            "OFFICE OF MILITARIES AFFAIRS|OFFICE OF ECONOMIC AFFAIRS|OFFICE OF SWISS FRANC AFFAIRS|"
            "OFFICE OF SWISS FRANCS AFFAIRS");
  EXPECT_EQ(Synset("FIGHT_OF_WORDS"), "ARGUMENT");
  EXPECT_EQ(dict_.synset_count(), 5u);
}

TEST_F(VerbTest, TabariPatterns) {
  Load(
      "&TIETYPES\n+MILITARY\n"
      "--- ACCORD  [---] ---\n"
      "ACCORD\n"
      "- + KNOWN_ * IN_ $  [076]  #  pattern CONNECT-15D\n"
      "- SO IN_AND_*_OUT_AGAIN NOW [074]\n"
      "- * NEW_&TIETYPES_RELATIONS [903] #  -PAS 12.01.12\n"
      "- FAILED_TO_*  [111]\n"
      "- % * [030:030]\n"
      "- SUGGESTED_+ * ^ TO_ +  [124]\n"
      "- * DIPLXMATIC  [###]  # not a comment\n"
      "&LATE\n+LATER\n"
      "- * &LATE [010]\n");
  ASSERT_EQ(dict_.pattern_count(), 8u);
  EXPECT_EQ(Pattern(0), "+ KNOWN * IN $ [076]");  // "WORD_ " = exact word, not joined
  EXPECT_EQ(Pattern(1), "SO IN_AND_*_OUT_AGAIN NOW [074]");
  EXPECT_EQ(Pattern(2), "* NEW_&TIETYPES_RELATIONS [903]");
  EXPECT_EQ(Pattern(3), "FAILED_TO_* [111]");
  EXPECT_EQ(Pattern(4), "% * [030:030]");
  EXPECT_EQ(Pattern(5), "SUGGESTED_+ * ^ TO + [124]");
  EXPECT_EQ(Pattern(6), "* DIPLXMATIC [###]");
  EXPECT_EQ(Pattern(7), "* &LATE [010]");  // synset defined between blocks
  EXPECT_EQ(dict_.block(0).patterns.size(), 8u);
  EXPECT_EQ(dict_.pattern(1).line, 6);
}

TEST_F(VerbTest, Petrarch2PatternsAndTransformations) {
  Load(
      "&MILITARY\n+ARMY\n"
      "---  ACCELERATE   [---]  ---\n"
      "ACCELERATE\n"
      "SPEED {SPEEDING SPEEDS SPED }\n"
      "- * (TO)                                              [042:043]     # RUSH\n"
      "- * {ARMS SHIPMENT}                                   [072]         # EXPEDITE\n"
      "- * POLICE (TO BORDER)                                [153]\n"
      "- &MILITARY *                                         [154]\n"
      "- * (TO LIST) (OF {BANNED PARTIES}) [1722]\n"
      "- * (FOR {&MILITARY AID}) $ [070]\n"
      "- * (BEFORE COURT)  [:173]\n"
      "######## TRANSFORMATIONS ##########\n"
      "~ a (a b ATTACK) SAY = a b 015\n");
  ASSERT_EQ(dict_.pattern_count(), 7u);
  EXPECT_EQ(Pattern(0), "* ( TO ) [042:043]");
  EXPECT_EQ(Pattern(1), "* { ARMS SHIPMENT } [072]");
  EXPECT_EQ(Pattern(2), "* POLICE ( TO BORDER ) [153]");
  EXPECT_EQ(Pattern(3), "&MILITARY * [154]");
  EXPECT_EQ(Pattern(4), "* ( TO LIST ) ( OF { BANNED PARTIES } ) [1722]");
  EXPECT_EQ(Pattern(5), "* ( FOR { &MILITARY AID } ) $ [070]");
  EXPECT_EQ(Pattern(6), "* ( BEFORE COURT ) [:173]");
  ASSERT_EQ(dict_.transformations().size(), 1u);
  EXPECT_EQ(dict_.transformations()[0].text, "~ a (a b ATTACK) SAY = a b 015");
  EXPECT_EQ(dict_.transformations()[0].line, 14);
  EXPECT_EQ(Entries("SPED"), "ACCELERATE:---:*");
  EXPECT_TRUE(dict_.warnings().empty());
}

TEST_F(VerbTest, MalformedLinesBecomeWarnings) {
  Load(
      "- * ORPHAN [010]\n"
      "--- ACT [100] ---\n"
      "ACT\n"
      "- * &UNKNOWN [010]\n"
      "- * NOCODE\n"
      "- INDICATED WOULD [1010]\n"
      "- * VENTURE (WITH VISIT)       VISIT)[042:043]\n"
      "- * {OPEN [010]\n"
      "* (TO QUESTION) [110]\n"
      "- *SCEPTICAL [012]\n"
      "&PREPOSIT1_\n+IN\n&PREPOSIT1_\n+ON\n");
  std::vector<std::string> want = {
      "t.verbs:1: pattern outside a verb block; skipped: - * ORPHAN [010]",
      "t.verbs:4: unknown synset &UNKNOWN; pattern skipped: - * &UNKNOWN [010]",
      "t.verbs:5: pattern has no [code]; skipped: - * NOCODE",
      "t.verbs:6: pattern has no '*'; skipped: - INDICATED WOULD [1010]",
      "t.verbs:7: unmatched ')' in pattern; skipped: - * VENTURE (WITH VISIT)       VISIT)[042:043]",
      "t.verbs:8: unclosed '{' / '(' in pattern; skipped: - * {OPEN [010]",
      "t.verbs:9: pattern line without a leading '-'; read as a pattern: * (TO QUESTION) [110]",
      "t.verbs:10: '*' glued to a word; read as joined by '_': - *SCEPTICAL [012]",
      "t.verbs:13: synset &PREPOSIT1 defined again; phrases added to the earlier definition: &PREPOSIT1_",
  };
  EXPECT_EQ(dict_.warnings(), want);
  ASSERT_EQ(dict_.pattern_count(), 2u);
  EXPECT_EQ(Pattern(0), "* ( TO QUESTION ) [110]");
  EXPECT_EQ(Pattern(1), "*_SCEPTICAL [012]");
  EXPECT_EQ(Synset("PREPOSIT1"), "IN|ON");
}

}  // namespace
}  // namespace parley::lexicon

#include "lexicon/dict_lint.h"

#include <gtest/gtest.h>

#include "lexicon/actor_dictionary.h"
#include "lexicon/agent_dictionary.h"
#include "lexicon/discard_list.h"
#include "lexicon/petrarch_import.h"
#include "lexicon/verb_dictionary.h"

namespace parley::lexicon {
namespace {

constexpr std::string_view kCodes =
    "country ISR Israel\ncountry USA United States\nregion MEA Middle East\nactor IGO\n"
    "sector GOV\nsector COP\nevent 190\nevent 194\nevent 064\n";

std::vector<std::string> Lint(const std::vector<DictFile>& files) {
  auto codes = CodeList::Parse(kCodes, "codes.txt");
  EXPECT_TRUE(codes.ok());
  std::vector<std::string> out;
  for (const auto& d : LintDictionaries(files, &*codes)) out.push_back(d.ToString());
  return out;
}

TEST(DictLint, ReportsEachProblemWithItsLines) {
  std::vector<DictFile> files = {
      {"a.txt",
       "# parley-dictionary: actors 1\n"
       "[Benjamin Netanyahu]\n"                      // 2
       "names = Netanyahu\n"                         // 3
       "code = ISRELI\n"                             // 4
       "code 1996-06-18 .. 1999-07-06 = ISRGOV\n"    // 5
       "code 1999-01-01 .. = ISRGOV\n"               // 6
       "[Israel]\n"                                  // 7
       "code = XXX\n"                                // 8
       "names = Israeli; ISRAELI\n"},                // 9
      {"b.txt",
       "# parley-dictionary: actors 1\n"
       "[Bibi]\n"
       "names = netanyahu\n"                         // 3
       "code = ISR-GOV\n"                            // 4
       "size = 3\n"},                                // 5
      {"g.txt",
       "# parley-dictionary: agents 1\n"
       "[official]\ncode = ~GOV\n"
       "[officials]\ncode = ~XYZ\n"},                // 4, 5
      {"v.txt",
       "# parley-dictionary: verbs 1\n"
       "[attack]\ncode = 190\nverbs = attack\n"
       "pattern = * (with &guns) -> 194\n"           // 5
       "pattern = * ties -> 999\n"                   // 6
       "[raid]\ncode = 190\nverbs = attack\n"},      // 9
  };
  EXPECT_EQ(Lint(files), (std::vector<std::string>{
                             "a.txt:6: date range 1999-01-01 .. overlaps 1996-06-18 .. 1999-07-06 at line 5",
                             "a.txt:8: unknown country code 'XXX' in actor code 'XXX'",
                             "a.txt:9: name 'ISRAELI' repeated in [Israel] (first at line 9)",
                             "b.txt:3: duplicate name 'netanyahu': 'Netanyahu' of [Benjamin Netanyahu] at a.txt:3 has the same words",
                             "b.txt:4: malformed actor code 'ISR-GOV' (letters and digits only)",
                             "b.txt:5: unknown key 'size' in actors (want names, code, type)",
                             "g.txt:4: duplicate name 'officials': 'officials' (generated plural) of [official] at g.txt:2 has the same words",
                             "g.txt:5: unknown role code 'XYZ' in agent code '~XYZ'",
                             "v.txt:5: unknown synset &guns; pattern skipped: * (with &guns) -> 194",
                             "v.txt:6: unknown CAMEO event code '999'",
                             "v.txt:9: duplicate verb 'attack': 'attack' of [attack] at v.txt:4 has the same words",
                         }));
}

// A quoted word matches only as written unless the word is also written
// otherwise in some name: lint says where.
TEST(DictLint, AQuotedWordAlsoWrittenOtherwiseIsReported) {
  std::vector<DictFile> files = {
      {"a.txt",
       "# parley-dictionary: actors 1\n"
       "[United States]\nnames = \"US\"\ncode = USA\n"            // 3
       "[the Middle East]\nnames = \"West\" Asia\ncode = MEA\n"},  // 6
      {"b.txt", "# parley-dictionary: actors 1\n[West Bank]\ncode = ISR\n"},  // 2
  };
  EXPECT_EQ(Lint(files), (std::vector<std::string>{
                             "a.txt:6: quoted \"West\" matches in any case: the word is also written West at b.txt:2"}));
}

TEST(DictLint, CleanFilesPass) {
  EXPECT_TRUE(Lint({{"a.txt", "# parley-dictionary: actors 1\n[Israel]\ncode = ISR\n[UN]\ncode = IGO\n"}}).empty());
}

// ":072" (PETRARCH's "[:072]") codes only the reverse direction; an empty
// code on either side of a pair is still an error.
TEST(DictLint, AReverseOnlyCodeIsACode) {
  EXPECT_TRUE(Lint({{"v.txt", "# parley-dictionary: verbs 1\n[receive]\nverbs = receive\n"
                              "pattern = * tanks -> :064\n"}})
                  .empty());
  EXPECT_FALSE(Lint({{"v.txt", "# parley-dictionary: verbs 1\n[receive]\nverbs = receive\n"
                               "pattern = * tanks -> 064:\n"}})
                   .empty());
}

TEST(DictLint, Stats) {
  DictStats s = CountDictionaries({{"a.txt", "# parley-dictionary: actors 1\n[A]\nnames = b; c\ncode = ISR\ncode .. 2000-01-01 = USA\n"},
                                   {"v.txt", "# parley-dictionary: verbs 1\n[x]\ncode = 190\nverbs = hit\npattern = * ties -> 064\n"}});
  EXPECT_EQ(FormatStats(s),
            "files: 2\n"
            "actors: 1 entries, 3 names, 1 dated codes\n"
            "agents: 0 entries, 0 names\n"
            "verbs: 1 blocks, 1 verbs, 1 patterns, 0 synsets, 0 event nouns\n"
            "  by CAMEO root (blocks / patterns): 06 0/1 19 1/0\n"
            "discards: 0 blocks, 0 phrases\n");
}

// Converting a PETRARCH sample and reading it back gives the same entries.
TEST(PetrarchImport, RoundTrip) {
  std::vector<std::string> notes;
  std::string actors = ImportPetrarch(DictKind::kActors,
                                      "BENJAMIN_NETANYAHU_ [ISRELI]\n+BIBI\n  [ISRGOV 960618-990706]\n  [ISRGOV >20221229]\n"
                                      "HAMAS [PSEHMS]\nHAMAS [PSEREB]\n+BIBI\n",
                                      "p.actors.txt", notes);
  EXPECT_EQ(actors,
            "# parley-dictionary: actors 1\n"
            "# Converted from p.actors.txt by 'parley dict import-petrarch'.\n"
            "\n[BENJAMIN NETANYAHU]\nnames = BIBI\ncode = ISRELI\n"
            "code 1996-06-18 .. 1999-07-06 = ISRGOV\ncode 2022-12-29 .. = ISRGOV\n"
            "\n[HAMAS]\ncode = PSEHMS\n");
  Vocabulary va, vb;
  ActorDictionary a, b;
  ASSERT_TRUE(a.LoadParleyText(actors, "x", va).ok());
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a.entry(0).dated.size(), 2u);
  EXPECT_EQ(a.entry(0).dated[1].from, 20221229);

  std::string agents = ImportPetrarch(DictKind::kAgents,
                                      "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [~COP]\nOFFICIAL [~GOV]\n"
                                      "TRUCE_MONITOR [IGO~]\nWOMAN {WOMEN} [~CVL]\n",
                                      "p.agents.txt", notes);
  EXPECT_EQ(agents,
            "# parley-dictionary: agents 1\n"
            "# Converted from p.agents.txt by 'parley dict import-petrarch'.\n"
            "\n[congressman]\nnames = congressmen\ncode = ~LEG\nplural = none\n"
            "\n[police]\ncode = ~COP\nplural = none\n"
            "\n[official]\ncode = ~GOV\n"
            "\n[truce monitor]\ncode = IGO~\n"
            "\n[woman]\nnames = women\ncode = ~CVL\nplural = none\n");
  AgentDictionary g;
  ASSERT_TRUE(g.LoadParleyText(agents, "x", va).ok());
  EXPECT_EQ(g.phrase_count(), 9u);

  std::string verbs = ImportPetrarch(DictKind::kVerbs,
                                     "&TIES\n+MILITARY\n+TRADE_\n\n--- RESTORE [064] ---\nRESTORE\n"
                                     "STRIKE {STRIKES STRUCK} [190]\n+CORDON_OFF [1721]\n- * &TIES TIES [064]\n"
                                     "- * (TO LIST) [1722]\n",
                                     "p.verbs.txt", notes);
  EXPECT_EQ(verbs,
            "# parley-dictionary: verbs 1\n"
            "# Converted from p.verbs.txt by 'parley dict import-petrarch'.\n"
            "\n[&TIES]\nplural = none\nmembers = military\nmembers = militaries\nmembers = trade\n"
            "\n[restore]\ncode = 064\nverbs = restore\nforms = strike: strikes struck -> 190\n"
            "verbs = +cordon off -> 1721\npattern = * &TIES ties -> 064\npattern = * (to list) -> 1722\n");
  VerbDictionary v1, v2;
  ASSERT_TRUE(v1.LoadParleyText(verbs, "x", va).ok());
  ASSERT_TRUE(v2.LoadPetrarchText("&TIES\n+MILITARY\n+TRADE_\n\n--- RESTORE [064] ---\nRESTORE\n"
                                  "STRIKE {STRIKES STRUCK} [190]\n+CORDON_OFF [1721]\n- * &TIES TIES [064]\n"
                                  "- * (TO LIST) [1722]\n",
                                  "y", vb)
                  .ok());
  EXPECT_EQ(v1.entry_count(), v2.entry_count());
  EXPECT_EQ(v1.form_count(), v2.form_count());
  EXPECT_EQ(v1.pattern_count(), v2.pattern_count());
  EXPECT_EQ(v1.synset(0).phrases.size(), v2.synset(0).phrases.size());
  EXPECT_EQ(v1.pattern(1).syntactic, v2.pattern(1).syntactic);

  std::string discards = ImportPetrarch(DictKind::kDiscards, "+WORLD CUP\nBASEBALL_\n", "p.discards.txt", notes);
  EXPECT_EQ(discards,
            "# parley-dictionary: discards 1\n"
            "# Converted from p.discards.txt by 'parley dict import-petrarch'.\n"
            "# A final '*' marks a stem: PETRARCH matches a discard phrase as a word prefix unless it ends in '_'.\n"
            "\n[story discards]\nscope = story\nphrases = WORLD CUP*\n"
            "\n[sentence discards]\nscope = sentence\nphrases = BASEBALL\n");
  EXPECT_TRUE(notes.empty());
}

TEST(PetrarchImport, GuessKind) {
  EXPECT_EQ(GuessPetrarchKind("dir/Phoenix.Countries.actors.txt"), DictKind::kActors);
  EXPECT_EQ(GuessPetrarchKind("CAMEO.2.0.txt"), DictKind::kVerbs);
  EXPECT_EQ(GuessPetrarchKind("PETR.Validate.discards.txt"), DictKind::kDiscards);
  EXPECT_EQ(GuessPetrarchKind("Phoenix.IssueCoding.txt"), std::nullopt);
}

}  // namespace
}  // namespace parley::lexicon

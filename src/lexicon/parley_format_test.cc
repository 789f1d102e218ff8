#include "lexicon/parley_format.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "lexicon/lexicon.h"
#include "lexicon/test_util.h"

namespace parley::lexicon {
namespace {

using testing::Words;

std::vector<std::string> ReadErrors(std::string_view text) {
  std::vector<Diagnostic> errors;
  auto d = ReadParleyDictionary(text, "t.txt", errors);
  std::vector<std::string> out;
  if (!d.ok()) out.push_back(d.status().message());
  for (const auto& e : errors) out.push_back(e.ToString());
  return out;
}

TEST(ParleyFormat, ActorBlocksDatedCodesAndOpenRanges) {
  Vocabulary vocab;
  ActorDictionary dict;
  ASSERT_TRUE(dict.LoadParleyText("# parley-dictionary: actors 1\n"
                                  "[Benjamin Netanyahu]   # label, also a name\n"
                                  "names = Netanyahu; Bibi Netanyahu\n"
                                  "code = ISRELI\n"
                                  "code 1996-06-18 .. 1999-07-06 = ISRGOV\n"
                                  "code 2022-12-29 .. = isrgov\n"
                                  "\n"
                                  "[Israel]\n"
                                  "code = ISR\n"
                                  "names = Israeli; Israelis\n"
                                  "[Old Regime]\n"
                                  "code .. 1990-01-01 = XYZGOV\n",
                                  "a.txt", vocab)
                  .ok());
  EXPECT_TRUE(dict.warnings().empty());
  ASSERT_EQ(dict.size(), 3u);
  EXPECT_EQ(dict.phrase_count(), 7u);
  auto w = Words(vocab, "bibi netanyahu");
  PhraseMatch m = dict.LongestMatch(w, 0);
  ASSERT_EQ(m.length, 2u);
  EXPECT_EQ(dict.entry(m.entry).phrase, "Benjamin Netanyahu");
  EXPECT_EQ(dict.entry(m.entry).line, 2);
  EXPECT_EQ(dict.CodeOn(m.entry, Date{1997, 1, 1}), "ISRGOV");
  EXPECT_EQ(dict.CodeOn(m.entry, Date{1999, 7, 6}), "ISRGOV");  // inclusive
  EXPECT_EQ(dict.CodeOn(m.entry, Date{1999, 7, 7}), "ISRELI");
  EXPECT_EQ(dict.CodeOn(m.entry, Date{2030, 1, 1}), "ISRGOV");  // open end
  EXPECT_EQ(dict.CodeOn(m.entry, Date{}), "ISRELI");
  EXPECT_EQ(dict.entry(2).default_code, "");
  EXPECT_EQ(dict.CodeOn(2, Date{1980, 1, 1}), "XYZGOV");  // open start
  w = Words(vocab, "ISRAELIS");
  EXPECT_EQ(dict.LongestMatch(w, 0).entry, 1u);
}

TEST(ParleyFormat, AgentPluralsAutoNoneAndPrefix) {
  Vocabulary vocab;
  AgentDictionary dict;
  ASSERT_TRUE(dict.LoadParleyText("# parley-dictionary: agents 1\n"
                                  "[police]\nnames = police officer; policeman; policemen\ncode = ~COP\nplural = none\n"
                                  "[official]\nnames = foreign minister\ncode = ~GOV\n"
                                  "[truce monitor]\ncode = IGO~\n",
                                  "g.txt", vocab)
                  .ok());
  ASSERT_EQ(dict.size(), 3u);
  EXPECT_EQ(dict.phrase_count(), 4u + 4u + 2u);
  auto match = [&](std::string_view t) {
    auto w = Words(vocab, t);
    PhraseMatch m = dict.LongestMatch(w, 0);
    return m.length == 0 ? -1 : static_cast<int>(m.entry);
  };
  EXPECT_EQ(match("policemen"), 0);
  auto w = Words(vocab, "police officers");
  EXPECT_EQ(dict.LongestMatch(w, 0).length, 1u);  // plural = none: only "police" matches
  EXPECT_EQ(match("officials"), 1);
  EXPECT_EQ(match("foreign ministers"), 1);
  EXPECT_EQ(match("truce monitors"), 2);
  EXPECT_EQ(dict.entry(0).code, "COP");
  EXPECT_FALSE(dict.entry(0).prefix);
  EXPECT_EQ(dict.entry(2).code, "IGO");
  EXPECT_TRUE(dict.entry(2).prefix);
}

TEST(ParleyFormat, VerbsFormsPatternsAndSynsets) {
  Vocabulary vocab;
  VerbDictionary dict;
  ASSERT_TRUE(dict.LoadParleyText("# parley-dictionary: verbs 1\n"
                                  "[attack]\n"
                                  "code = 190\n"
                                  "verbs = attack; assault; cordon off -> 1721; wire +tap\n"
                                  "forms = strike: strikes struck striking\n"
                                  "pattern = * (with &artillery) -> 194\n"
                                  "synset &artillery = artillery; mortar\n"
                                  "[&weapons]\n"
                                  "members = rocket; &artillery\n"
                                  "plural = none\n",
                                  "v.txt", vocab)
                  .ok());
  EXPECT_TRUE(dict.warnings().empty()) << dict.warnings()[0];
  ASSERT_EQ(dict.block_count(), 1u);
  EXPECT_EQ(dict.block(0).name, "ATTACK");
  EXPECT_EQ(dict.block(0).code, "190");
  ASSERT_EQ(dict.entry_count(), 5u);
  EXPECT_EQ(dict.entry(2).code, "1721");
  EXPECT_EQ(dict.entry(2).after, Words(vocab, "off"));
  EXPECT_EQ(dict.entry(3).before, Words(vocab, "wire"));
  EXPECT_EQ(dict.entry(3).verb, vocab.Find("TAP"));
  EXPECT_EQ(dict.EntriesForForm(vocab.Find("ATTACKED")).size(), 1u);
  EXPECT_EQ(dict.EntriesForForm(vocab.Find("STRUCK")).size(), 1u);
  EXPECT_TRUE(dict.EntriesForForm(vocab.Find("STRIKED")).empty());  // listed forms only
  ASSERT_EQ(dict.pattern_count(), 1u);
  const VerbPattern& p = dict.pattern(0);
  EXPECT_EQ(p.code, "194");
  EXPECT_EQ(p.line, 6);
  EXPECT_TRUE(p.syntactic);
  ASSERT_EQ(p.elements.size(), 5u);
  EXPECT_EQ(p.elements[0].kind, PatternToken::kVerb);
  EXPECT_EQ(p.elements[3].kind, PatternToken::kSynset);
  ASSERT_EQ(dict.synset_count(), 2u);
  EXPECT_EQ(dict.synset(0).phrases.size(), 4u);  // artillery(s), mortar(s)
  EXPECT_EQ(dict.synset(1).phrases.size(), 5u);  // rocket + the four
}

TEST(ParleyFormat, EventNounsTheirPluralsAndCodes) {
  Vocabulary vocab;
  VerbDictionary dict;
  ASSERT_TRUE(dict.LoadParleyText("# parley-dictionary: verbs 1\n"
                                  "[air strike]\n"
                                  "code = 195\n"
                                  "nouns = strike; air strike; drone strike -> 1952\n"
                                  "[talks]\n"
                                  "code = 046\n"
                                  "nouns = talks; strike\n"
                                  "[nothing]\n"
                                  "nouns = war\n",
                                  "v.txt", vocab)
                  .ok());
  // strike, strikes, air strike(s), drone strike(s), talks (already plural).
  EXPECT_EQ(dict.event_noun_count(), 7u);
  ASSERT_EQ(dict.warnings().size(), 2u);
  EXPECT_NE(dict.warnings()[0].find("v.txt:7: event noun listed twice"), std::string::npos) << dict.warnings()[0];
  EXPECT_NE(dict.warnings()[1].find("v.txt:9: event noun without a code"), std::string::npos) << dict.warnings()[1];
  // Longest first under one head; the listed code wins over the block's.
  auto strikes = dict.EventNounsWithHead(vocab.Find("STRIKES"));
  ASSERT_EQ(strikes.size(), 3u);
  EXPECT_EQ(dict.event_noun(strikes[0]).words.size(), 2u);
  EXPECT_EQ(dict.event_noun(strikes[2]).words, Words(vocab, "strikes"));
  EXPECT_EQ(dict.event_noun(strikes[2]).code, "195");
  EXPECT_EQ(dict.event_noun(dict.EventNounsWithHead(vocab.Find("STRIKE"))[1]).code, "1952");
  EXPECT_TRUE(dict.EventNounsWithHead(vocab.Find("TALKSES")).empty());
  EXPECT_EQ(ReadErrors("# parley-dictionary: verbs 1\n[x]\ncode = 190\nnouns = air +strike\n"),
            (std::vector<std::string>{"t.txt:4: a noun is plain words: 'air +strike'"}));
}

TEST(ParleyFormat, PlaceActorsAreMarked) {
  Vocabulary vocab;
  ActorDictionary dict;
  ASSERT_TRUE(dict.LoadParleyText("# parley-dictionary: actors 1\n[Kharkiv]\ncode = UKR\ntype = place\n"
                                  "[Ukraine]\ncode = UKR\n",
                                  "p.txt", vocab)
                  .ok());
  EXPECT_TRUE(dict.entry(0).place);
  EXPECT_FALSE(dict.entry(1).place);
  EXPECT_EQ(ReadErrors("# parley-dictionary: actors 1\n[X]\ncode = UKR\ntype = city\n"),
            (std::vector<std::string>{"t.txt:4: actor type is 'place', 'capital' or absent: 'city'"}));
  ActorDictionary capitals;
  ASSERT_TRUE(capitals.LoadParleyText("# parley-dictionary: actors 1\n[Kyiv]\ncode = UKRGOV\ntype = capital\n",
                                      "c.txt", vocab)
                  .ok());
  EXPECT_TRUE(capitals.entry(0).capital);
  EXPECT_FALSE(capitals.entry(0).place);
}

// A quoted word matches only as written: "US" the country, not "us" the
// pronoun; the label and lint see the plain name.
TEST(ParleyFormat, QuotedWordsMatchCapitalsOnly) {
  Vocabulary vocab;
  ActorDictionary dict;
  ASSERT_TRUE(dict.LoadParleyText("# parley-dictionary: actors 1\n[United States]\nnames = \"US\"; \"US\" Army\n"
                                  "code = USA\n",
                                  "q.txt", vocab)
                  .ok());
  auto match = [&](std::initializer_list<const char*> forms) {
    std::vector<WordId> ids;
    for (const char* f : forms) ids.push_back(vocab.FindUpperOf(f));
    return dict.LongestMatch(ids, 0).length;
  };
  EXPECT_EQ(match({"US", "officials"}), 1u);
  EXPECT_EQ(match({"US", "Army"}), 2u);
  EXPECT_EQ(match({"US", "army"}), 2u);
  EXPECT_EQ(match({"us", "Army"}), 0u);
  EXPECT_EQ(match({"Us"}), 0u);
  EXPECT_EQ(NameKey("\"US\" Army"), "US ARMY");
  EXPECT_EQ(ReadErrors("# parley-dictionary: actors 1\n[X]\ncode = USA\nnames = \"US Army\"; a\"B\"; \"\"\n"),
            (std::vector<std::string>{"t.txt:4: a quote opens and closes one word: \"US",
                                      "t.txt:4: a quote opens and closes one word: a\"B\"",
                                      "t.txt:4: a quote opens and closes one word: \"\""}));
}

TEST(ParleyFormat, DiscardsStemWholeWordAndScope) {
  DiscardList dict;
  ASSERT_TRUE(dict.LoadParleyText("# parley-dictionary: discards 1\n"
                                  "[sports]\nphrases = World Cup; basebal*\nscope = story\n"
                                  "[later]\nphrases = years later\n",
                                  "d.txt")
                  .ok());
  EXPECT_EQ(dict.size(), 3u);
  auto hit = dict.Find("He watched the world cup final.");
  ASSERT_TRUE(hit);
  EXPECT_TRUE(hit->whole_story);
  EXPECT_TRUE(dict.Find("Baseballs flew."));
  EXPECT_FALSE(dict.Find("The World Cups."));  // whole word
  hit = dict.Find("Two years later");
  ASSERT_TRUE(hit);
  EXPECT_FALSE(hit->whole_story);
}

TEST(ParleyFormat, ReaderErrorsNameTheLine) {
  EXPECT_EQ(ReadErrors("[x]\n"), (std::vector<std::string>{
                                     "t.txt:1: not a Parley dictionary (the first line must be '# parley-dictionary: KIND 1')"}));
  EXPECT_EQ(ReadErrors("# parley-dictionary: things 1\n"),
            (std::vector<std::string>{
                "t.txt:1: unknown dictionary kind 'things' (want actors, agents, verbs or discards)"}));
  EXPECT_EQ(ReadErrors("# parley-dictionary: actors 1\n"
                       "code = ISR\n"
                       "[Israel]\n"
                       "code = ISR\n"
                       "code = ISR\n"
                       "colour = blue\n"
                       "just words\n"
                       "code 1999-07-06 .. 1996-06-18 = ISRGOV\n"
                       "code 1999-13-01 .. = ISRGOV\n"
                       "code 1999-01-01 = ISRGOV\n"
                       "[Nothing]\n"),
            (std::vector<std::string>{
                "t.txt:2: 'code' outside a block (start one with '[label]')",
                "t.txt:5: second default code (first at line 4)",
                "t.txt:6: unknown key 'colour' in actors (want names, code, type)",
                "t.txt:7: malformed line (want 'key = value' or '[label]'): just words",
                "t.txt:8: date range 1999-07-06 .. 1996-06-18 ends before it starts",
                "t.txt:9: bad date '1999-13-01' (want YYYY-MM-DD)",
                "t.txt:10: a dated code needs a range 'FROM .. TO' (YYYY-MM-DD, either end may be left open): 1999-01-01",
                "t.txt:11: actor [Nothing] has no code",
            }));
  EXPECT_EQ(ReadErrors("# parley-dictionary: agents 1\n[police]\ncode = COP\nplural = some\n"),
            (std::vector<std::string>{
                "t.txt:3: an agent code is '~CODE' (after the actor's code) or 'CODE~' (before it), not 'COP'",
                "t.txt:4: plural is 'auto' or 'none', not 'some'",
                "t.txt:2: agent [police] has no code",
            }));
  EXPECT_EQ(ReadErrors("# parley-dictionary: verbs 1\n[x]\npattern = * ties\ncode = 064 ###\n"),
            (std::vector<std::string>{"t.txt:3: '* ties' needs '-> CODE' at the end",
                                      "t.txt:4: a code is one word: '064 ###'"}));
}

TEST(ParleyFormat, LoadFailsOnErrorsAndWrongKind) {
  Vocabulary vocab;
  ActorDictionary actors;
  Status s = actors.LoadParleyText("# parley-dictionary: actors 1\n[A]\nnames = b\nfoo = 1\nbar = 2\n", "a.txt", vocab);
  EXPECT_EQ(s.message(),
            "a.txt:4: unknown key 'foo' in actors (want names, code, type) (and 2 more; 'parley dict lint a.txt' lists them)");
  s = actors.LoadParleyText("# parley-dictionary: agents 1\n", "g.txt", vocab);
  EXPECT_EQ(s.message(), "g.txt:1: a dictionary of agents given as actors");
}

TEST(ParleyFormat, DuplicateNameAcrossEntriesIsAWarning) {
  Vocabulary vocab;
  ActorDictionary dict;
  ASSERT_TRUE(dict.LoadParleyText("# parley-dictionary: actors 1\n[Georgia]\ncode = GEO\n[USA state]\nnames = Georgia\ncode = USA\n",
                                  "a.txt", vocab)
                  .ok());
  ASSERT_EQ(dict.warnings().size(), 1u);
  EXPECT_EQ(dict.warnings()[0], "a.txt:5: name already belongs to [Georgia] at a.txt:2; ignored here: Georgia");
}

TEST(ParleyFormat, LexiconLoadMixesFormats) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("parley_mixed_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const char* name, std::string_view text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  LexiconPaths paths;
  paths.actors.push_back(write("p.actors.txt", "HAMAS [PSEHMS]\n"));
  paths.actors.push_back(write("own.txt", "# parley-dictionary: actors 1\n[Israel]\ncode = ISR\n"));
  paths.agents.push_back(write("own-agents.txt", "# parley-dictionary: agents 1\n[police]\ncode = ~COP\n"));
  paths.verbs.push_back(write("v.txt", "--- ATTACK [190] ---\nATTACK\n"));
  paths.discards.push_back(write("d.txt", "# parley-dictionary: discards 1\n[s]\nphrases = World Cup\n"));
  auto lex = Lexicon::Load(paths);
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_EQ((*lex)->actors.size(), 2u);
  EXPECT_EQ((*lex)->agents.size(), 1u);
  EXPECT_EQ((*lex)->verbs.entry_count(), 1u);
  EXPECT_EQ((*lex)->discards.size(), 1u);
  paths.verbs.push_back(write("bad.txt", "# parley-dictionary: actors 1\n"));
  lex = Lexicon::Load(paths);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().message(), (dir / "bad.txt").string() + ":1: a dictionary of actors given as verbs");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace parley::lexicon

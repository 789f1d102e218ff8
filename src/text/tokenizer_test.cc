#include "text/tokenizer.h"

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "text/abbreviations.h"
#include "text/unicode.h"

namespace parley::text {
namespace {

// The tokens of `text` separated by single spaces, with " | " between
// sentences: "He left . | She stayed ."
std::string Render(std::string_view text) {
  std::vector<TextSpan> tokens;
  std::vector<uint32_t> starts;
  TokenizeText(text, tokens, starts);
  std::string out;
  size_t next_start = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (next_start < starts.size() && starts[next_start] == i) {
      if (i > 0) out += " |";
      ++next_start;
    }
    if (!out.empty()) out += ' ';
    out.append(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
  }
  return out;
}

// Offsets cover the token's bytes, in order, without overlap; sentences are
// ascending, start at 0 and are never empty.
void CheckInvariants(std::string_view text) {
  std::vector<TextSpan> tokens;
  std::vector<uint32_t> starts;
  TokenizeText(text, tokens, starts);
  uint32_t prev_end = 0;
  for (const TextSpan& t : tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(prev_end, t.begin);
    ASSERT_LE(t.end, text.size());
    for (uint32_t k = t.begin; k < t.end; ++k) {
      const char c = text[k];
      ASSERT_FALSE(c == ' ' || c == '\n' || c == '\t') << "space inside token at " << k;
    }
    prev_end = t.end;
  }
  if (tokens.empty()) {
    EXPECT_TRUE(starts.empty());
    return;
  }
  ASSERT_FALSE(starts.empty());
  EXPECT_EQ(starts[0], 0u);
  for (size_t k = 1; k < starts.size(); ++k) EXPECT_LT(starts[k - 1], starts[k]);
  EXPECT_LT(starts.back(), tokens.size());
}

struct Case {
  int id;
  const char* text;
  const char* expected;  // tokens separated by ' ', sentences by " | "
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(Render(c.text), c.expected) << "case " << c.id << ": " << c.text;
    CheckInvariants(c.text);
  }
}

// A dateline is a sentence of its own, as in UD English EWT ("WASHINGTON
// (Reuters) -" is one sentence there); only at the start of a text or line.
TEST(TokenizerTest, Datelines) {
  RunCases({
      {1, "GAZA CITY (Reuters) — Israeli forces struck Gaza on Monday. Hamas said 12 people died.",
       "GAZA CITY ( Reuters ) — | Israeli forces struck Gaza on Monday . | Hamas said 12 people died ."},
      {2, "WASHINGTON, July 4 (AP) - The Senate voted.", "WASHINGTON , July 4 ( AP ) - | The Senate voted ."},
      {3, "KYIV, Ukraine — Russia launched drones overnight.",
       "KYIV , Ukraine — | Russia launched drones overnight ."},
      {4, "LONDON, Sept. 3 (Reuters) - Britain protested.",
       "LONDON , Sept. 3 ( Reuters ) - | Britain protested ."},
      {5, "ST. LOUIS (AP) -- Police arrested two men.", "ST. LOUIS ( AP ) -- | Police arrested two men ."},
      {6, "WASHINGTON (AP) —\nThe Senate voted.", "WASHINGTON ( AP ) — | The Senate voted ."},
      {7, "CEBU CITY: -- Cordova Mayor Adelino Sitoy filed a suit.",
       "CEBU CITY : -- | Cordova Mayor Adelino Sitoy filed a suit ."},
      {8, "Talks resumed.\nBEIRUT (dpa) - \"We will respond,\" Hezbollah said.",
       "Talks resumed . | BEIRUT ( dpa ) - | \" We will respond , \" Hezbollah said ."},
      {9, "SÃO PAULO (Reuters) - Brazil voted.", "SÃO PAULO ( Reuters ) - | Brazil voted ."},
      {19, "ISLAMABAD/NEW DELHI (AP) - India and Pakistan agreed.",
       "ISLAMABAD / NEW DELHI ( AP ) - | India and Pakistan agreed ."},
      {20, "AIDS/HIV - a review.", "AIDS / HIV - a review ."},
      // Not datelines: mid-line, lower case, no separator, nothing after it,
      // a single capital, a lower-case continuation.
      {10, "Talks resumed. BEIRUT (AP) - Israel struck.", "Talks resumed . | BEIRUT ( AP ) - Israel struck ."},
      {11, "Beirut (AP) - Israel struck.", "Beirut ( AP ) - Israel struck ."},
      {12, "NATO said Russia attacked.", "NATO said Russia attacked ."},
      {13, "WASHINGTON (AP) —", "WASHINGTON ( AP ) —"},
      {14, "A - the first option.", "A - the first option ."},
      {15, "GAZA - and then it ended.", "GAZA - and then it ended ."},
      {16, "PLEASE NOTE: Your pledge is due.", "PLEASE NOTE : Your pledge is due ."},
      {17, "PS -- There is a party tonight.", "PS -- There is a party tonight ."},
      {18, "UPDATE 2 - Israel struck Gaza.", "UPDATE 2 - Israel struck Gaza ."},
  });
}

// A page flattened into one line: headline, date line, body. A full date
// with its weekday before a capitalised word is a sentence of its own; in
// running text ("on Friday, ...") it is not split from what takes it.
TEST(TokenizerTest, DateHeadings) {
  RunCases({
      {1, "Afghan team honored at robotics competition Friday, July 21, 2017 A group of teenagers won.",
       "Afghan team honored at robotics competition | Friday , July 21 , 2017 | A group of teenagers won ."},
      {2, "Over 900 rescued off Indonesian coast Monday, May 18, 2015 On Friday, fishermen rescued 700.",
       "Over 900 rescued off Indonesian coast | Monday , May 18 , 2015 | On Friday , fishermen rescued 700 ."},
      {3, "The vote was held on Sunday, Sept. 4, 2016 After the count, Chu won.",
       "The vote was held on Sunday , Sept. 4 , 2016 | After the count , Chu won ."},
      {4, "It ended Friday, July 21, 2017 and talks resumed.", "It ended Friday , July 21 , 2017 and talks resumed ."},
      {5, "They met on Friday, July 21 in Doha.", "They met on Friday , July 21 in Doha ."},
      {6, "Saturday, September 12, 2015 pilgrims gathered.", "Saturday , September 12 , 2015 pilgrims gathered ."},
  });
}

TEST(TokenizerTest, Abbreviations) {
  RunCases({
      {1, "U.S. President Joe Biden met Gen. Mark Milley.", "U.S. President Joe Biden met Gen. Mark Milley ."},
      {2, "Troops arrived in the U.S. The talks failed.", "Troops arrived in the U.S. | The talks failed ."},
      {3, "U.N. officials and U.S. diplomats met.", "U.N. officials and U.S. diplomats met ."},
      {4, "Lt. Col. Smith spoke on Jan. 5 and Feb. 12.", "Lt. Col. Smith spoke on Jan. 5 and Feb. 12 ."},
      {5, "Mr. Smith and Dr. Jones visited St. Petersburg.", "Mr. Smith and Dr. Jones visited St. Petersburg ."},
      {6, "Acme Inc. and Globex Corp. signed a deal.", "Acme Inc. and Globex Corp. signed a deal ."},
      {7, "He bought Acme Inc. It was cheap.", "He bought Acme Inc. | It was cheap ."},
      {8, "It is No. 10 Downing St. in London.", "It is No. 10 Downing St. in London ."},
      {9, "He said no. Then he left.", "He said no . | Then he left ."},
      {10, "Israel vs. Hamas, Roe v. Wade, etc. are cases.", "Israel vs. Hamas , Roe v. Wade , etc. are cases ."},
      {11, "The deadline is Sept. 30 at 5 p.m. Eastern time.", "The deadline is Sept. 30 at 5 p.m. Eastern time ."},
      {12, "It ends at 5 p.m. The talks resume Monday.", "It ends at 5 p.m. | The talks resume Monday ."},
      {13, "Officials (e.g. Sen. Warren) objected.", "Officials ( e.g. Sen. Warren ) objected ."},
      {14, "U.S.-led forces and the U.S.'s allies.", "U.S. - led forces and the U.S. 's allies ."},
      {15, "He lives in Washington, D.C. He works there.", "He lives in Washington , D.C. | He works there ."},
  });
}

TEST(TokenizerTest, Initials) {
  RunCases({
      {1, "J. R. R. Tolkien wrote it.", "J. R. R. Tolkien wrote it ."},
      {2, "George W. Bush spoke.", "George W. Bush spoke ."},
      {3, "Vote for Plan B. The other plan failed.", "Vote for Plan B. | The other plan failed ."},
  });
}

TEST(TokenizerTest, Quotes) {
  RunCases({
      {1, "\"We want peace,\" he said.", "\" We want peace , \" he said ."},
      {2, "He said: \"We want a ceasefire.\" Then he left.",
       "He said : \" We want a ceasefire . \" | Then he left ."},
      {3, "“We will fight,” he said. “We will win.”", "“ We will fight , ” he said . | “ We will win . ”"},
      {4, "\"He told me 'stop.'\" Then silence.", "\" He told me ' stop . ' \" | Then silence ."},
      {5, "‘Enough,’ she said. ‘Go home.’", "‘ Enough , ’ she said . | ‘ Go home . ’"},
      {6, "\"Why?\" he asked. \"Because!\"", "\" Why ? \" he asked . | \" Because ! \""},
      {7, "The 'courageous achievement' award.", "The ' courageous achievement ' award ."},
      {8, "(He left.) Then we ate.", "( He left . ) | Then we ate ."},
      {9, "He said it was final.“ However, talks went on.",
       "He said it was final . “ | However , talks went on ."},
      {10, "It said “no” again.", "It said “ no ” again ."},
  });
}

TEST(TokenizerTest, Clitics) {
  RunCases({
      {1, "I don't know, and I can't, won't say.", "I do n't know , and I ca n't , wo n't say ."},
      {2, "It's Israel's and Hamas' war.", "It 's Israel 's and Hamas ' war ."},
      {3, "They're sure I'm right; we've said he'll go, she'd stay.",
       "They 're sure I 'm right ; we 've said he 'll go , she 'd stay ."},
      {4, "I don’t think it’s Israel’s or Hamas’ fault.", "I do n’t think it ’s Israel ’s or Hamas ’ fault ."},
      {5, "We cannot go. DON'T SAY IT'S OK.", "We can not go . | DO N'T SAY IT 'S OK ."},
      {6, "O'Brien said the 1980's were rock'n'roll.", "O'Brien said the 1980's were rock'n'roll ."},
      {7, "Let's see, y'all; I'm gonna go.", "Let 's see , y'all ; I 'm gon na go ."},
  });
}

TEST(TokenizerTest, NumbersCurrencyPercent) {
  RunCases({
      {1, "About 1,200 people and 50,000 troops; 3.5 percent.",
       "About 1,200 people and 50,000 troops ; 3.5 percent ."},
      {2, "Prices rose 10% to $1.2 billion, or €50 each.",
       "Prices rose 10 % to $ 1.2 billion , or € 50 each ."},
      {3, "Bail was US$20,000 or £5m.", "Bail was US$ 20,000 or £ 5m ."},
      {4, "At 10:30 a.m. on 2024-07-05, July 4th, and 9/11.",
       "At 10:30 a.m. on 2024-07-05 , July 4th , and 9/11 ."},
      {5, "It opens at 5pm and 6:00am.", "It opens at 5 pm and 6:00 am ."},
      {6, "It fell 2.5. Then it rose.", "It fell 2.5 . | Then it rose ."},
      {7, "In 2023. 2024 was better.", "In 2023 . | 2024 was better ."},
      {8, "Scores were 1,2,3 and 2020,2021.", "Scores were 1 , 2 , 3 and 2020 , 2021 ."},
  });
}

TEST(TokenizerTest, HyphensDashesEllipses) {
  RunCases({
      // Hyphenated words split as in EWT, but not after a prefix or before a digit.
      {1, "Pro-Russian forces broke the cease-fire with Al-Qaeda.",
       "Pro-Russian forces broke the cease - fire with Al - Qaeda ."},
      {8, "An 18-year-old non-state actor test-fired a long-range missile on 2024-07-05.",
       "An 18 - year - old non-state actor test - fired a long - range missile on 2024-07-05 ."},
      {9, "Re-elected, the ex-president met a so-called e-mail expert in mid-July and pre-war Iraq.",
       "Re-elected , the ex-president met a so - called e-mail expert in mid-July and pre-war Iraq ."},
      {10, "Iran-backed Houthis and Hamas-run ministries use F-16s, not semi-auto-loading G-20 rifles.",
       "Iran - backed Houthis and Hamas - run ministries use F-16s , not semi-auto - loading G-20 rifles ."},
      {2, "Peace—and war–were near -- or not.", "Peace — and war – were near -- or not ."},
      {3, "He waited... and waited… Then he left.", "He waited ... and waited … | Then he left ."},
      {4, "It was good... They agreed.", "It was good ... | They agreed ."},
      {5, "Quotes [...] omitted and (see above) [1].", "Quotes [...] omitted and ( see above ) [ 1 ] ."},
      {6, "Stop!!! Really?! Yes.", "Stop !!! | Really ?! | Yes ."},
      {7, "and/or b/c COVID-19 AT&T", "and / or b/c COVID-19 AT&T"},
  });
}

TEST(TokenizerTest, UrlsEmailHashtags) {
  RunCases({
      {1, "See https://www.reuters.com/world/a-b?id=1&x=2. Then call.",
       "See https://www.reuters.com/world/a-b?id=1&x=2 . | Then call ."},
      {2, "Mail john.smith@reuters.com (or www.un.org).",
       "Mail john.smith@reuters.com ( or www.un.org ) ."},
      {3, "Read (https://en.wikipedia.org/wiki/Gaza_(city)) now.",
       "Read ( https://en.wikipedia.org/wiki/Gaza_(city) ) now ."},
      {4, "Use #IStandWithAhmed and @POTUS :) today", "Use #IStandWithAhmed and @POTUS :) today"},
      {5, "Visit reuters.com. It is free.", "Visit reuters.com . | It is free ."},
      {6, "Militants fired rockets.Israel responded.", "Militants fired rockets . | Israel responded ."},
      {7, "See Reuters.com.The e.g.Paris case.", "See Reuters.com . | The e.g.Paris case ."},
      {8, "Write to Stacey.Richardson@enron.com or via Newsfeeds.Com now",
       "Write to Stacey.Richardson@enron.com or via Newsfeeds.Com now"},
  });
}

TEST(TokenizerTest, Paragraphs) {
  RunCases({
      {1, "Headline without period\n\nBody starts here.", "Headline without period | Body starts here ."},
      {2, "Israel strikes Gaza\nThe army said it hit targets.", "Israel strikes Gaza | The army said it hit targets ."},
      {3, "The talks, which began in the\nspring, failed.", "The talks , which began in the spring , failed ."},
      {4, "He met the\nPresident today.", "He met the President today ."},
      {5, "first line\r\n\r\nsecond line", "first line | second line"},
      {6, "Line one ends here\n- a bullet\n- another", "Line one ends here | - a bullet | - another"},
      // Hard-wrapped text: single line breaks are spaces.
      {7,
       "The Senate voted on Tuesday to send\nPresident Biden a bill that would fund\nthe government through "
       "December and\nAvert a shutdown, officials said.",
       "The Senate voted on Tuesday to send President Biden a bill that would fund the government through "
       "December and Avert a shutdown , officials said ."},
  });
}

TEST(TokenizerTest, Unicode) {
  RunCases({
      {1, "Zelenskyy met Erdoğan in İstanbul. Он сказал «да».",
       "Zelenskyy met Erdoğan in İstanbul . | Он сказал « да » ."},
      {2, "Prices rose 5\xC2\xA0%. Ok.", "Prices rose 5 % . | Ok ."},  // no-break space
      {3, "Temp 30°C × 2 ≥ 50 ✓ 👍🏽 done", "Temp 30 ° C × 2 ≥ 50 ✓ 👍🏽 done"},
      {4, "Peace\xE2\x80\x8B talks", "Peace talks"},  // zero-width space
  });
}

TEST(TokenizerTest, EmptyAndWhitespace) {
  RunCases({
      {1, "", ""},
      {2, "   \n\n\t  ", ""},
      {3, ".", "."},
      {4, "\"", "\""},
      {5, "'s", "' s"},
  });
}

TEST(TokenizerTest, InvalidUtf8KeepsBytes) {
  const std::string inputs[] = {
      std::string("caf\xC3", 4),
      std::string("\xFF\xFE abc \x80\x80. Def", 14),
      std::string("a\xE2\x80", 3),
      std::string("\xF0\x9F\x91", 3),
      std::string("x\0y z", 5),
      std::string("\xED\xA0\x80 surrogate", 13),
  };
  for (const std::string& s : inputs) CheckInvariants(s);
  EXPECT_EQ(Render(std::string("caf\xC3", 4)), std::string("caf\xC3", 4));
  EXPECT_EQ(Render(std::string("\xFF\xFE abc \x80\x80. Def", 14)), "\xFF\xFE abc \x80\x80 . | Def");
}

// Every token's bytes round-trip through the offsets, for a mixed text.
TEST(TokenizerTest, OffsetsRoundTrip) {
  const std::string text =
      "WASHINGTON (AP) — “It’s over,” said Lt. Col. J. R. Smith of the U.S. Army. "
      "Hamas' leaders didn't agree.\n\nPrices rose 10% to $1.2 billion… See http://x.org/a.";
  std::vector<TextSpan> tokens;
  std::vector<uint32_t> starts;
  TokenizeText(text, tokens, starts);
  ASSERT_FALSE(tokens.empty());
  std::string rebuilt;
  for (const TextSpan& t : tokens) rebuilt += text.substr(t.begin, t.end - t.begin);
  std::string no_space;
  for (char c : text) {
    if (c != ' ' && c != '\n') no_space += c;
  }
  EXPECT_EQ(rebuilt, no_space);  // nothing lost, nothing doubled
  CheckInvariants(text);
}

// Random strings of tricky pieces (cut UTF-8, quotes, URLs, line breaks): no
// crash, no read out of bounds (under ASan), invariants hold.
TEST(TokenizerTest, RandomInputsKeepInvariants) {
  const char* pieces[] = {"a",  "A",   "1",  ".",     ",",    "'",    "\xE2\x80\x99", "\"", "\xE2\x80\x9C", "-",
                          " ",  "\n", "\r", "\xFF", "\xE2\x80", "http://", "www.", "@",    "#",            "$",
                          "%",  "(",   ")",  "[...]", "U.S",  "n't",  ":)",           "\t",  "\xF0\x9F\x91\x8D", "/",
                          "&",  ":",   "!",  "?",     "Inc",  "No",   "\xE2\x80\xA6",  "`",    "s",            "\xC2\xA0"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1), len(0, 40);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (size_t k = len(rng); k > 0; --k) text += pieces[pick(rng)];
    CheckInvariants(text);
    if (::testing::Test::HasFatalFailure()) {
      ADD_FAILURE() << "input: " << text;
      return;
    }
  }
}

TEST(TokenizerTest, ReusesVectors) {
  std::vector<TextSpan> tokens;
  std::vector<uint32_t> starts;
  TokenizeText("One. Two. Three.", tokens, starts);
  EXPECT_EQ(tokens.size(), 6u);
  EXPECT_EQ(starts.size(), 3u);
  TokenizeText("Four", tokens, starts);
  EXPECT_EQ(tokens.size(), 1u);
  EXPECT_EQ(starts.size(), 1u);
}

TEST(TokenizeDocumentTest, TitleAndBody) {
  Document doc;
  doc.id = "d1";
  doc.title = "U.S. hits back. Talks end";
  doc.text = "Israel's army didn't stop. Hamas said no.\n\nTalks go on.";
  ASSERT_TRUE(Tokenize(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 4u);

  const Sentence& title = doc.sentences[0];
  EXPECT_EQ(title.field, TextField::kTitle);
  EXPECT_EQ(title.index, -1);
  EXPECT_EQ(title.first_token, 0u);
  EXPECT_EQ(title.token_count, 6u);  // one sentence, however many periods
  EXPECT_EQ(title.begin, 0u);
  EXPECT_EQ(title.end, doc.title.size());

  for (int k = 1; k < 4; ++k) {
    EXPECT_EQ(doc.sentences[k].field, TextField::kBody);
    EXPECT_EQ(doc.sentences[k].index, k - 1);
  }
  const Sentence& s1 = doc.sentences[1];
  EXPECT_EQ(s1.first_token, 6u);
  std::vector<std::string> forms;
  for (const Token& t : doc.TokensOf(s1)) forms.push_back(t.form);
  EXPECT_EQ(forms, (std::vector<std::string>{"Israel", "'s", "army", "did", "n't", "stop", "."}));
  EXPECT_EQ(doc.TextOf(s1).substr(s1.begin, s1.end - s1.begin), "Israel's army didn't stop.");

  for (const Sentence& s : doc.sentences) {
    const std::string& text = doc.TextOf(s);
    for (const Token& t : doc.TokensOf(s)) {
      EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.form);
      EXPECT_EQ(t.head, -1);
      EXPECT_TRUE(t.lemma.empty() && t.upos.empty() && t.deprel.empty());
    }
  }
  EXPECT_EQ(doc.sentences.back().first_token + doc.sentences.back().token_count, doc.tokens.size());
}

TEST(TokenizeDocumentTest, OptionsAndEdgeCases) {
  Document doc;
  doc.title = "Headline";
  doc.text = "   ";
  ASSERT_TRUE(Tokenize(doc, TokenizerOptions{.split_title = false}).ok());
  EXPECT_TRUE(doc.sentences.empty());
  EXPECT_TRUE(doc.tokens.empty());

  Document empty;
  ASSERT_TRUE(Tokenize(empty).ok());
  EXPECT_TRUE(empty.sentences.empty());
}

TEST(TokenizeDocumentTest, RejectsATokenizedDocument) {
  Document doc;
  doc.id = "d7";
  doc.text = "One. Two.";
  ASSERT_TRUE(Tokenize(doc).ok());
  const size_t tokens = doc.tokens.size();
  Status s = Tokenize(doc);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "Tokenize: document \"d7\" already has 2 sentences");
  EXPECT_EQ(doc.tokens.size(), tokens);
}

TEST(AbbreviationsTest, Classes) {
  using internal::Abbreviation;
  using internal::ClassifyAbbreviation;
  EXPECT_EQ(ClassifyAbbreviation("Gen"), Abbreviation::kTitle);
  EXPECT_EQ(ClassifyAbbreviation("Inc"), Abbreviation::kMayEnd);
  EXPECT_EQ(ClassifyAbbreviation("U.S"), Abbreviation::kMayEnd);
  EXPECT_EQ(ClassifyAbbreviation("Ph.D"), Abbreviation::kMayEnd);
  EXPECT_EQ(ClassifyAbbreviation("W"), Abbreviation::kMayEnd);
  EXPECT_EQ(ClassifyAbbreviation("No"), Abbreviation::kBeforeNumber);
  EXPECT_EQ(ClassifyAbbreviation("reuters.com"), Abbreviation::kNone);
  EXPECT_EQ(ClassifyAbbreviation("said"), Abbreviation::kNone);
  EXPECT_EQ(ClassifyAbbreviation("w"), Abbreviation::kNone);
  EXPECT_TRUE(internal::IsClearSentenceStart("The"));
  EXPECT_FALSE(internal::IsClearSentenceStart("President"));
}

TEST(UnicodeTest, DecodeNeverReadsPastTheEnd) {
  using internal::Decode;
  using internal::kInvalidByte;
  EXPECT_EQ(Decode("\xE2\x80\x94", 0).cp, 0x2014u);
  EXPECT_EQ(Decode("\xE2\x80\x94", 0).len, 3u);
  EXPECT_EQ(Decode(std::string_view("\xE2\x80", 2), 0).cp, kInvalidByte);
  EXPECT_EQ(Decode(std::string_view("\xE2\x80", 2), 0).len, 1u);
  EXPECT_EQ(Decode("\xC0\xAF", 0).cp, kInvalidByte);  // overlong
  EXPECT_EQ(Decode("\xF0\x9F\x91\x8D", 0).cp, 0x1F44Du);
}

}  // namespace
}  // namespace parley::text

// Event dates on hand-built tokens and trees: no parser, no shared data.
#include "enrich/dates.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

namespace parley::enrich {
namespace {

Date D(const char* iso) { return Date::Parse(iso).value(); }

bool GluesLeft(const std::string& form) {
  return form == "," || form == "." || form == "'s" || form == "?" || form == "!";
}

// Tokens for "on Thursday, July 4th": words split at spaces, a trailing ','
// split off; offsets as in the string.
std::vector<Token> Tokens(const std::string& text) {
  std::vector<Token> out;
  std::istringstream in(text);
  std::string word;
  uint32_t pos = 0;
  while (in >> word) {
    pos = static_cast<uint32_t>(text.find(word, pos));
    std::vector<std::string> parts{word};
    if (word.size() > 1 && word.back() == ',') parts = {word.substr(0, word.size() - 1), ","};
    for (const std::string& p : parts) {
      Token t;
      t.form = p;
      t.begin = pos;
      t.end = pos + static_cast<uint32_t>(p.size());
      pos = t.end;
      out.push_back(t);
    }
  }
  return out;
}

struct ExprCase {
  int line;
  const char* doc_date;
  const char* words;
  const char* want;  // ISO date; "" = not a date expression
  DatePrecision precision;
};

constexpr DatePrecision kDay = DatePrecision::kDay;
constexpr DatePrecision kWeek = DatePrecision::kWeek;
constexpr DatePrecision kMonth = DatePrecision::kMonth;
constexpr DatePrecision kYear = DatePrecision::kYear;
constexpr DatePrecision kNone = DatePrecision::kDocument;

// 2024-07-05 is a Friday.
const ExprCase kExpressions[] = {
    // Weekdays: the most recent one on or before the document date.
    {__LINE__, "2024-07-05", "on Thursday", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "Thursday", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "on Friday", "2024-07-05", kDay},
    {__LINE__, "2024-07-05", "Saturday", "2024-06-29", kDay},
    {__LINE__, "2024-07-05", "Thursday night", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "Wednesday morning", "2024-07-03", kDay},
    {__LINE__, "2024-07-05", "late Sunday", "2024-06-30", kDay},
    {__LINE__, "2024-07-05", "early Monday", "2024-07-01", kDay},
    {__LINE__, "2024-07-05", "last Monday", "2024-07-01", kDay},
    {__LINE__, "2024-07-05", "last Friday", "2024-06-28", kDay},
    {__LINE__, "2024-07-05", "next Monday", "2024-07-08", kDay},
    {__LINE__, "2024-07-05", "this past Tuesday", "2024-07-02", kDay},
    {__LINE__, "2024-01-03", "Monday", "2024-01-01", kDay},
    {__LINE__, "2024-01-03", "on Friday", "2023-12-29", kDay},
    // Day words.
    {__LINE__, "2024-07-05", "today", "2024-07-05", kDay},
    {__LINE__, "2024-07-05", "tonight", "2024-07-05", kDay},
    {__LINE__, "2024-07-05", "this morning", "2024-07-05", kDay},
    {__LINE__, "2024-07-05", "yesterday", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "yesterday afternoon", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "last night", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "the day before", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "the day before yesterday", "2024-07-03", kDay},
    {__LINE__, "2024-07-05", "tomorrow", "2024-07-06", kDay},
    {__LINE__, "2024-03-01", "yesterday", "2024-02-29", kDay},
    {__LINE__, "2023-03-01", "yesterday", "2023-02-28", kDay},
    {__LINE__, "2024-01-01", "yesterday", "2023-12-31", kDay},
    {__LINE__, "2024-12-31", "tomorrow", "2025-01-01", kDay},
    // Explicit dates.
    {__LINE__, "2024-07-05", "July 4", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "July 4th", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "on 4 July", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "July 4, 2024", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "on July 4, 2023", "2023-07-04", kDay},
    {__LINE__, "2024-07-05", "on Thursday, July 4th", "2024-07-04", kDay},
    {__LINE__, "2024-07-05", "Thursday 4 July 2024", "2024-07-04", kDay},
    {__LINE__, "2025-07-05", "on Thursday, July 4th", "2024-07-04", kDay},  // weekday picks the year
    {__LINE__, "2025-07-05", "on July 4th", "2025-07-04", kDay},
    {__LINE__, "2024-07-05", "Jan. 5", "2024-01-05", kDay},
    {__LINE__, "2024-07-05", "Sept. 11, 2001", "2001-09-11", kDay},
    {__LINE__, "2024-07-05", "Dec. 25", "2023-12-25", kDay},  // later in the year: last year
    {__LINE__, "2024-07-05", "2024-06-30", "2024-06-30", kDay},
    {__LINE__, "2024-07-05", "in March", "2024-03-01", kMonth},
    {__LINE__, "2024-07-05", "in July", "2024-07-01", kMonth},
    {__LINE__, "2024-07-05", "in September", "2023-09-01", kMonth},
    {__LINE__, "2025-01-10", "in December", "2024-12-01", kMonth},
    {__LINE__, "2024-07-05", "in March 2023", "2023-03-01", kMonth},
    {__LINE__, "2024-07-05", "early May", "2024-05-01", kMonth},
    {__LINE__, "2024-07-05", "in mid-March", "2024-03-01", kMonth},
    {__LINE__, "2024-07-05", "last March", "2024-03-01", kMonth},
    {__LINE__, "2024-02-10", "last March", "2023-03-01", kMonth},
    {__LINE__, "2024-07-05", "in 2023", "2023-01-01", kYear},
    {__LINE__, "2024-07-05", "during 1999", "1999-01-01", kYear},
    // Relative spans.
    {__LINE__, "2024-07-05", "last week", "2024-06-28", kWeek},
    {__LINE__, "2024-01-03", "last week", "2023-12-27", kWeek},
    {__LINE__, "2024-07-05", "this week", "2024-07-05", kWeek},
    {__LINE__, "2024-07-05", "earlier this week", "2024-07-05", kWeek},
    {__LINE__, "2024-07-05", "next week", "2024-07-12", kWeek},
    {__LINE__, "2024-07-05", "over the weekend", "2024-06-29", kWeek},
    {__LINE__, "2024-07-07", "over the weekend", "2024-07-06", kWeek},  // a Sunday story
    {__LINE__, "2024-07-08", "last weekend", "2024-07-06", kWeek},      // a Monday story
    {__LINE__, "2024-07-07", "last weekend", "2024-06-29", kWeek},      // a Sunday story
    {__LINE__, "2024-07-05", "earlier this month", "2024-07-01", kMonth},
    {__LINE__, "2024-07-05", "this month", "2024-07-01", kMonth},
    {__LINE__, "2024-07-05", "last month", "2024-06-01", kMonth},
    {__LINE__, "2024-01-15", "last month", "2023-12-01", kMonth},
    {__LINE__, "2024-07-05", "next month", "2024-08-01", kMonth},
    {__LINE__, "2024-07-05", "last year", "2023-01-01", kYear},
    {__LINE__, "2024-07-05", "earlier this year", "2024-01-01", kYear},
    {__LINE__, "2024-07-05", "two days ago", "2024-07-03", kDay},
    {__LINE__, "2024-03-02", "3 days ago", "2024-02-28", kDay},
    {__LINE__, "2024-07-05", "three weeks ago", "2024-06-14", kWeek},
    {__LINE__, "2024-01-10", "three weeks ago", "2023-12-20", kWeek},
    {__LINE__, "2024-07-05", "a week ago", "2024-06-28", kWeek},
    {__LINE__, "2024-01-31", "two months ago", "2023-11-01", kMonth},
    {__LINE__, "2024-07-05", "a year ago", "2023-01-01", kYear},
    // Not date expressions (vague, ambiguous, or other words).
    {__LINE__, "2024-07-05", "5/7/2024", "", kNone},
    {__LINE__, "2024-07-05", "days earlier", "", kNone},
    {__LINE__, "2024-07-05", "recently", "", kNone},
    {__LINE__, "2024-07-05", "May", "", kNone},
    {__LINE__, "2024-07-05", "in may", "", kNone},
    {__LINE__, "2024-07-05", "in Gaza", "", kNone},
    {__LINE__, "2024-07-05", "Feb. 30", "", kNone},
    {__LINE__, "2024-07-05", "the last week", "", kNone},
    {__LINE__, "2024-07-05", "on Thursday in Gaza", "", kNone},
    {__LINE__, "0000-00-00", "on Thursday", "", kNone},  // unknown document date
};

TEST(ParseDateExpressionTest, Table) {
  for (const ExprCase& c : kExpressions) {
    SCOPED_TRACE(testing::Message() << "dates_test.cc:" << c.line << " " << c.words);
    const Date doc = std::string_view(c.doc_date) == "0000-00-00" ? Date{} : D(c.doc_date);
    const std::vector<Token> tokens = Tokens(c.words);
    auto r = ParseDateExpression(tokens, doc);
    if (*c.want == '\0') {
      EXPECT_FALSE(r.has_value()) << r->date.ToIso();
      continue;
    }
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->date.ToIso(), c.want);
    EXPECT_EQ(r->precision, c.precision);
    EXPECT_EQ(r->text, c.words);
  }
}

TEST(ParseDateExpressionTest, TagsRuleOutTheVerbAndTheModal) {
  std::vector<Token> march = Tokens("in March");
  EXPECT_TRUE(ParseDateExpression(march, D("2024-07-05")).has_value());
  march[1].upos = "VERB";
  EXPECT_FALSE(ParseDateExpression(march, D("2024-07-05")).has_value());
  std::vector<Token> may = Tokens("in May");
  may[1].xpos = "MD";
  EXPECT_FALSE(ParseDateExpression(may, D("2024-07-05")).has_value());
}

TEST(ParseDateExpressionTest, SplitAbbreviationPeriodAndTrailingPunctuation) {
  std::vector<Token> jan = Tokens("Jan . 5 ,");
  auto r = ParseDateExpression(jan, D("2024-07-05"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->date.ToIso(), "2024-01-05");
  EXPECT_EQ(r->text, "Jan . 5");
}

TEST(CalendarTest, DaysRoundTripAndWeekdays) {
  EXPECT_EQ(DaysFromCivil(D("1970-01-01")), 0);
  EXPECT_EQ(DaysFromCivil(D("2000-03-01")), 11017);
  EXPECT_EQ(WeekdayOf(D("2024-07-05")), 4);  // Friday
  EXPECT_EQ(WeekdayOf(D("1970-01-01")), 3);  // Thursday
  EXPECT_EQ(WeekdayOf(D("1900-01-01")), 0);  // Monday
  EXPECT_EQ(AddDays(D("2024-02-28"), 1).ToIso(), "2024-02-29");
  EXPECT_EQ(AddDays(D("2100-02-28"), 1).ToIso(), "2100-03-01");
  EXPECT_EQ(AddDays(D("2000-02-28"), 1).ToIso(), "2000-02-29");
  EXPECT_EQ(AddDays(D("2024-01-03"), -7).ToIso(), "2023-12-27");
  // Every day from 1600 to 2400 follows the one before it.
  Date d{1600, 1, 1};
  int64_t n = DaysFromCivil(d);
  int weekday = WeekdayOf(d);
  while (d.year < 2400) {
    Date next{d.year, d.month, d.day + 1};
    if (!Date::IsValid(next.year, next.month, next.day)) next = {d.year, d.month + 1, 1};
    if (next.month > 12) next = {d.year + 1, 1, 1};
    ASSERT_EQ(DaysFromCivil(next), n + 1) << next.ToIso();
    ASSERT_EQ(CivilFromDays(n + 1), next);
    ASSERT_EQ(WeekdayOf(next), (weekday + 1) % 7);
    d = next;
    ++n;
    weekday = (weekday + 1) % 7;
  }
}

// ---- ResolveEventDate on hand-built trees ----

// One token row: form, UPOS, head (1-based, 0 root; -1 no tree), relation.
struct Row {
  const char* form;
  const char* upos;
  int head;
  const char* deprel;
};

Document MakeDoc(std::vector<Row> rows) {
  Document doc;
  doc.id = "d1";
  doc.text = "Lede sentence. ";  // the sentence's offsets are not at 0
  Sentence s;
  s.first_token = 0;
  s.begin = static_cast<uint32_t>(doc.text.size());
  bool first = true;
  for (const Row& r : rows) {
    if (!first && !GluesLeft(r.form)) doc.text += ' ';
    first = false;
    Token t;
    t.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += r.form;
    t.end = static_cast<uint32_t>(doc.text.size());
    t.form = r.form;
    t.upos = r.upos;
    t.head = r.head;
    t.deprel = r.deprel;
    doc.tokens.push_back(t);
  }
  s.token_count = static_cast<uint32_t>(rows.size());
  s.end = static_cast<uint32_t>(doc.text.size());
  doc.sentences.push_back(s);
  return doc;
}

struct Want {
  const char* date;
  DatePrecision precision;
  const char* text;
};

void ExpectResolved(const Document& doc, int verb, const char* doc_date, Want want) {
  const ResolvedDate r = ResolveEventDate(doc, doc.sentences[0], verb, D(doc_date));
  EXPECT_EQ(r.date.ToIso(), want.date);
  EXPECT_EQ(r.precision, want.precision);
  EXPECT_EQ(r.text, want.text);
}

TEST(ResolveEventDateTest, WeekdayWithExplicitDateTakesTheSourceWords) {
  // Biden phoned Netanyahu on Thursday, July 4th.
  auto doc = MakeDoc({{"Biden", "PROPN", 2, "nsubj"},
                      {"phoned", "VERB", 0, "root"},
                      {"Netanyahu", "PROPN", 2, "obj"},
                      {"on", "ADP", 5, "case"},
                      {"Thursday", "PROPN", 2, "obl"},
                      {",", "PUNCT", 7, "punct"},
                      {"July", "PROPN", 5, "appos"},
                      {"4th", "NOUN", 7, "nummod"},
                      {".", "PUNCT", 2, "punct"}});
  ExpectResolved(doc, 1, "2024-07-05", {"2024-07-04", kDay, "on Thursday, July 4th"});
}

TEST(ResolveEventDateTest, NoDateGivesTheDocumentDate) {
  // Israel struck Gaza.
  auto doc = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                      {"struck", "VERB", 0, "root"},
                      {"Gaza", "PROPN", 2, "obj"},
                      {".", "PUNCT", 2, "punct"}});
  ExpectResolved(doc, 1, "2024-07-05", {"2024-07-05", kNone, ""});
  ExpectResolved(doc, 7, "2024-07-05", {"2024-07-05", kNone, ""});   // verb out of range
  ExpectResolved(doc, -1, "2024-07-05", {"2024-07-05", kNone, ""});
}

TEST(ResolveEventDateTest, FutureTenseLooksAhead) {
  // Israel will send a delegation next week.
  auto next_week = MakeDoc({{"Israel", "PROPN", 3, "nsubj"},
                            {"will", "AUX", 3, "aux"},
                            {"send", "VERB", 0, "root"},
                            {"a", "DET", 5, "det"},
                            {"delegation", "NOUN", 3, "obj"},
                            {"next", "ADJ", 7, "amod"},
                            {"week", "NOUN", 3, "obl:tmod"},
                            {".", "PUNCT", 3, "punct"}});
  ExpectResolved(next_week, 2, "2024-07-05", {"2024-07-12", kWeek, "next week"});

  // Israel will meet Hamas on Monday / on Friday.  (2024-07-05 is a Friday.)
  for (auto [day, want] : {std::pair{"Monday", "2024-07-08"}, std::pair{"Friday", "2024-07-05"}}) {
    auto doc = MakeDoc({{"Israel", "PROPN", 3, "nsubj"},
                        {"will", "AUX", 3, "aux"},
                        {"meet", "VERB", 0, "root"},
                        {"Hamas", "PROPN", 3, "obj"},
                        {"on", "ADP", 6, "case"},
                        {day, "PROPN", 3, "obl"},
                        {".", "PUNCT", 3, "punct"}});
    ExpectResolved(doc, 2, "2024-07-05", {want, kDay, (std::string("on ") + day).c_str()});
  }

  // Israel said it would meet Hamas in March.  (a future month: this year or next)
  auto would = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                        {"said", "VERB", 0, "root"},
                        {"it", "PRON", 5, "nsubj"},
                        {"would", "AUX", 5, "aux"},
                        {"meet", "VERB", 2, "ccomp"},
                        {"Hamas", "PROPN", 5, "obj"},
                        {"in", "ADP", 8, "case"},
                        {"March", "PROPN", 5, "obl"}});
  ExpectResolved(would, 4, "2024-07-05", {"2025-03-01", kMonth, "in March"});
  // The reporting verb is not dated by the meeting's month.
  ExpectResolved(would, 1, "2024-07-05", {"2024-07-05", kNone, ""});

  // Israel plans to strike on Monday.
  auto plans = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                        {"plans", "VERB", 0, "root"},
                        {"to", "PART", 4, "mark"},
                        {"strike", "VERB", 2, "xcomp"},
                        {"on", "ADP", 6, "case"},
                        {"Monday", "PROPN", 4, "obl"}});
  ExpectResolved(plans, 3, "2024-07-05", {"2024-07-08", kDay, "on Monday"});
}

TEST(ResolveEventDateTest, PastTenseWeekdayOnTheDocumentsWeekdayIsToday) {
  // Israel met Hamas on Friday.  (a Friday story)
  auto doc = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                      {"met", "VERB", 0, "root"},
                      {"Hamas", "PROPN", 2, "obj"},
                      {"on", "ADP", 5, "case"},
                      {"Friday", "PROPN", 2, "obl"}});
  ExpectResolved(doc, 1, "2024-07-05", {"2024-07-05", kDay, "on Friday"});
  ExpectResolved(doc, 1, "2024-07-06", {"2024-07-05", kDay, "on Friday"});
  ExpectResolved(doc, 1, "2024-07-04", {"2024-06-28", kDay, "on Friday"});
}

TEST(ResolveEventDateTest, YearBoundary) {
  // Israel struck Gaza in December.
  auto doc = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                      {"struck", "VERB", 0, "root"},
                      {"Gaza", "PROPN", 2, "obj"},
                      {"in", "ADP", 5, "case"},
                      {"December", "PROPN", 2, "obl"}});
  ExpectResolved(doc, 1, "2025-01-10", {"2024-12-01", kMonth, "in December"});
  // Israel struck Gaza last week.
  auto week = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                       {"struck", "VERB", 0, "root"},
                       {"Gaza", "PROPN", 2, "obj"},
                       {"last", "ADJ", 5, "amod"},
                       {"week", "NOUN", 2, "obl:tmod"}});
  ExpectResolved(week, 1, "2024-01-03", {"2023-12-27", kWeek, "last week"});
}

TEST(ResolveEventDateTest, DateInRelativeClauseIsNotTheMainVerbs) {
  // The delegation that arrived on Monday met Hamas.
  auto doc = MakeDoc({{"The", "DET", 2, "det"},
                      {"delegation", "NOUN", 7, "nsubj"},
                      {"that", "PRON", 4, "nsubj"},
                      {"arrived", "VERB", 2, "acl:relcl"},
                      {"on", "ADP", 6, "case"},
                      {"Monday", "PROPN", 4, "obl"},
                      {"met", "VERB", 0, "root"},
                      {"Hamas", "PROPN", 7, "obj"},
                      {".", "PUNCT", 7, "punct"}});
  ExpectResolved(doc, 6, "2024-07-05", {"2024-07-05", kNone, ""});
  ExpectResolved(doc, 3, "2024-07-05", {"2024-07-01", kDay, "on Monday"});
}

TEST(ResolveEventDateTest, VerbsOwnDateBeatsTheRelativeClauses) {
  // Israel, which was attacked last week, struck Gaza on Thursday.
  auto doc = MakeDoc({{"Israel", "PROPN", 9, "nsubj"},
                      {",", "PUNCT", 1, "punct"},
                      {"which", "PRON", 5, "nsubj:pass"},
                      {"was", "AUX", 5, "aux:pass"},
                      {"attacked", "VERB", 1, "acl:relcl"},
                      {"last", "ADJ", 7, "amod"},
                      {"week", "NOUN", 5, "obl:tmod"},
                      {",", "PUNCT", 1, "punct"},
                      {"struck", "VERB", 0, "root"},
                      {"Gaza", "PROPN", 9, "obj"},
                      {"on", "ADP", 12, "case"},
                      {"Thursday", "PROPN", 9, "obl"}});
  ExpectResolved(doc, 8, "2024-07-05", {"2024-07-04", kDay, "on Thursday"});
  ExpectResolved(doc, 4, "2024-07-05", {"2024-06-28", kWeek, "last week"});
}

TEST(ResolveEventDateTest, ConjoinedVerbs) {
  // Israel struck Gaza and killed five on Thursday.
  auto own = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                      {"struck", "VERB", 0, "root"},
                      {"Gaza", "PROPN", 2, "obj"},
                      {"and", "CCONJ", 5, "cc"},
                      {"killed", "VERB", 2, "conj"},
                      {"five", "NUM", 5, "obj"},
                      {"on", "ADP", 8, "case"},
                      {"Thursday", "PROPN", 5, "obl"}});
  ExpectResolved(own, 4, "2024-07-05", {"2024-07-04", kDay, "on Thursday"});
  ExpectResolved(own, 1, "2024-07-05", {"2024-07-05", kNone, ""});

  // Israel on Thursday struck Gaza and killed five.  (shared subject)
  auto shared = MakeDoc({{"Israel", "PROPN", 4, "nsubj"},
                         {"on", "ADP", 3, "case"},
                         {"Thursday", "PROPN", 4, "obl"},
                         {"struck", "VERB", 0, "root"},
                         {"Gaza", "PROPN", 4, "obj"},
                         {"and", "CCONJ", 7, "cc"},
                         {"killed", "VERB", 4, "conj"},
                         {"five", "NUM", 7, "obj"}});
  ExpectResolved(shared, 6, "2024-07-05", {"2024-07-04", kDay, "on Thursday"});

  // Israel struck Gaza on Thursday and Hamas fired rockets.  (own subject)
  auto other = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                        {"struck", "VERB", 0, "root"},
                        {"Gaza", "PROPN", 2, "obj"},
                        {"on", "ADP", 5, "case"},
                        {"Thursday", "PROPN", 2, "obl"},
                        {"and", "CCONJ", 8, "cc"},
                        {"Hamas", "PROPN", 8, "nsubj"},
                        {"fired", "VERB", 2, "conj"},
                        {"rockets", "NOUN", 8, "obj"}});
  ExpectResolved(other, 7, "2024-07-05", {"2024-07-05", kNone, ""});
  ExpectResolved(other, 1, "2024-07-05", {"2024-07-04", kDay, "on Thursday"});
}

TEST(ResolveEventDateTest, DateElsewhereInTheClause) {
  // Israel carried out strikes on Gaza on Wednesday.  ("Wednesday" misattached to "Gaza")
  auto doc = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                      {"carried", "VERB", 0, "root"},
                      {"out", "ADP", 2, "compound:prt"},
                      {"strikes", "NOUN", 2, "obj"},
                      {"on", "ADP", 6, "case"},
                      {"Gaza", "PROPN", 4, "nmod"},
                      {"on", "ADP", 8, "case"},
                      {"Wednesday", "PROPN", 6, "nmod"},
                      {".", "PUNCT", 2, "punct"}});
  ExpectResolved(doc, 1, "2024-07-05", {"2024-07-03", kDay, "on Wednesday"});
}

TEST(ResolveEventDateTest, AttachedDateBeatsOneDeeperInTheClause) {
  // Israel answered Monday's attack yesterday.
  auto doc = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                      {"answered", "VERB", 0, "root"},
                      {"Monday", "PROPN", 5, "nmod:poss"},
                      {"'s", "PART", 3, "case"},
                      {"attack", "NOUN", 2, "obj"},
                      {"yesterday", "NOUN", 2, "obl:tmod"}});
  ExpectResolved(doc, 1, "2024-07-05", {"2024-07-04", kDay, "yesterday"});
}

TEST(ResolveEventDateTest, TimeMeasuredFromIsNotTheEventsOwn) {
  // Israel struck Gaza after Monday's attack.
  auto after = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                        {"struck", "VERB", 0, "root"},
                        {"Gaza", "PROPN", 2, "obj"},
                        {"after", "ADP", 7, "case"},
                        {"Monday", "PROPN", 7, "nmod:poss"},
                        {"'s", "PART", 5, "case"},
                        {"attack", "NOUN", 2, "obl"}});
  ExpectResolved(after, 1, "2024-07-05", {"2024-07-05", kNone, ""});
  // Hamas must release the hostages by Friday.
  auto by = MakeDoc({{"Hamas", "PROPN", 3, "nsubj"},
                     {"must", "AUX", 3, "aux"},
                     {"release", "VERB", 0, "root"},
                     {"the", "DET", 5, "det"},
                     {"hostages", "NOUN", 3, "obj"},
                     {"by", "ADP", 7, "case"},
                     {"Friday", "PROPN", 3, "obl"}});
  ExpectResolved(by, 2, "2024-07-05", {"2024-07-05", kNone, ""});
}

TEST(ResolveEventDateTest, NewspaperNamedForAWeekdayIsNotADate) {
  // The Sunday Times reported the strike.
  auto doc = MakeDoc({{"The", "DET", 3, "det"},
                      {"Sunday", "PROPN", 3, "compound"},
                      {"Times", "PROPN", 4, "nsubj"},
                      {"reported", "VERB", 0, "root"},
                      {"the", "DET", 6, "det"},
                      {"strike", "NOUN", 4, "obj"}});
  ExpectResolved(doc, 3, "2024-07-05", {"2024-07-05", kNone, ""});
}

TEST(ResolveEventDateTest, WithoutATreeTheNearestDateIsUsed) {
  // Israel struck Gaza on Thursday.  (heads unassigned)
  auto doc = MakeDoc({{"Israel", "", -1, ""},
                      {"struck", "", -1, ""},
                      {"Gaza", "", -1, ""},
                      {"on", "", -1, ""},
                      {"Thursday", "", -1, ""}});
  ExpectResolved(doc, 1, "2024-07-05", {"2024-07-04", kDay, "on Thursday"});
  // Israel will strike on Monday.
  auto future = MakeDoc({{"Israel", "", -1, ""},
                         {"will", "", -1, ""},
                         {"strike", "", -1, ""},
                         {"on", "", -1, ""},
                         {"Monday", "", -1, ""}});
  ExpectResolved(future, 2, "2024-07-05", {"2024-07-08", kDay, "on Monday"});
}

TEST(ResolveEventDateTest, YearBeforeANounIsACount) {
  // Israel struck Gaza in 2000 raids.
  auto doc = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                      {"struck", "VERB", 0, "root"},
                      {"Gaza", "PROPN", 2, "obj"},
                      {"in", "ADP", 6, "case"},
                      {"2000", "NUM", 6, "nummod"},
                      {"raids", "NOUN", 2, "obl"}});
  ExpectResolved(doc, 1, "2024-07-05", {"2024-07-05", kNone, ""});
  doc.tokens[5].upos = "PROPN";  // "in 2000 Israel ..." reads as the year
  ExpectResolved(doc, 1, "2024-07-05", {"2000-01-01", kYear, "in 2000"});
}

TEST(ResolveEventDateTest, BrokenTreeDoesNotLoop) {
  // Heads form a cycle (1 -> 2 -> 1); no root.
  auto doc = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                      {"struck", "VERB", 1, "obj"},
                      {"on", "ADP", 4, "case"},
                      {"Thursday", "PROPN", 2, "obl"}});
  ExpectResolved(doc, 1, "2024-07-05", {"2024-07-04", kDay, "on Thursday"});
  ExpectResolved(doc, 0, "2024-07-05", {"2024-07-05", kNone, ""});
}

TEST(ResolveEventDateTest, SentenceInTheTitle) {
  // Title: "Israel struck Gaza yesterday"; the body is unrelated text.
  Document doc = MakeDoc({{"Israel", "PROPN", 2, "nsubj"},
                          {"struck", "VERB", 0, "root"},
                          {"Gaza", "PROPN", 2, "obj"},
                          {"yesterday", "NOUN", 2, "obl:tmod"}});
  doc.title = doc.text;
  doc.text = "x";
  doc.sentences[0].field = TextField::kTitle;
  ExpectResolved(doc, 1, "2024-07-05", {"2024-07-04", kDay, "yesterday"});
}

}  // namespace
}  // namespace parley::enrich

// Event dates from the words of a sentence: "Israel struck Gaza on Thursday"
// in a story published 2024-07-05 happened on 2024-07-04.
//
// The document date is the publication date. News reports past events, so
// a bare weekday or month is the most recent one on or before the document
// date, unless the event verb is in the future ("will meet on Monday", "is
// due to visit in March"), then it is the coming one (on or after).
// Conventions, where an expression names a span rather than a day:
//   "last week"          date = document date - 7 days,           kWeek
//   "this week"          date = document date,                    kWeek
//   "next week"          date = document date + 7 days,           kWeek
//   "N weeks ago"        date = document date - 7N days,          kWeek
//   "over the weekend"   date = the Saturday on or before the document date
//                        (on or after it in the future), kWeek
//   "last weekend"       the Saturday before the Monday of the document's week
//   "(earlier) this month", "last month", "in March", "N months ago"
//                        date = the first day of that month,      kMonth
//   "this year", "last year", "in 2023", "N years ago"
//                        date = 1 January of that year,           kYear
//   "Thursday, July 4th" the explicit date wins; without a year, the year
//                        is moved by one when that makes the weekday agree.
// Not resolved (vague or ambiguous): "5/7/2024", "days earlier", "recently",
// "the following day", "over the past week", "since Monday", "by Friday",
// "before/after Thursday". Stateless; thread-safe.
#ifndef PARLEY_ENRICH_DATES_H_
#define PARLEY_ENRICH_DATES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "parley/date.h"
#include "parley/document.h"
#include "parley/event.h"

namespace parley::enrich {

struct ResolvedDate {
  Date date;                       // the resolved date (the document date when nothing is stated)
  DatePrecision precision = DatePrecision::kDocument;
  std::string text;                // the words used, as written ("on Thursday, July 4th"); "" = none
};

// Finds the date expression that belongs to the event whose verb is token
// `verb` (0-based within the sentence) and resolves it against `document_date`.
// Expressions attached to the verb's clause win (obl/obl:tmod/nmod:tmod/advmod
// dependents of the verb or of its clause head, e.g. "Israel struck ... on
// Thursday"), then a date elsewhere in the same clause; dates inside another
// clause (a relative clause, a different conjoined verb's own modifiers) are
// not used. Among equals the more precise, then the nearer, expression wins.
// Without a dependency tree the date expression nearest the verb is used.
// Returns {document_date, kDocument, ""} when no expression applies, `verb`
// is out of range, or the document date is unknown and the words are relative.
ResolvedDate ResolveEventDate(const Document& doc, const Sentence& sentence, int verb,
                              Date document_date);

// Lower level, for tests and other stages: resolve one expression's tokens,
// e.g. "on Thursday , July 4th" (leading/trailing punctuation ignored). The
// whole span must be one date expression, read in the past tense; nullopt
// otherwise. `text` is rebuilt from the forms, spaced as the offsets say.
std::optional<ResolvedDate> ParseDateExpression(std::span<const Token> tokens, Date document_date);

// Calendar arithmetic (proleptic Gregorian), exposed for tests and other stages.
// REQUIRES: `date` is valid (Date::IsValid).
int64_t DaysFromCivil(const Date& date);  // days since 1970-01-01
Date CivilFromDays(int64_t days);         // inverse of DaysFromCivil
int WeekdayOf(const Date& date);          // 0 = Monday .. 6 = Sunday
Date AddDays(const Date& date, int64_t days);

}  // namespace parley::enrich

#endif  // PARLEY_ENRICH_DATES_H_

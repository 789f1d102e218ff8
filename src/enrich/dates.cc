#include "enrich/dates.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace parley::enrich {

// ---- Calendar arithmetic ----

int64_t DaysFromCivil(const Date& date) { return date.DayNumber(); }

Date CivilFromDays(int64_t days) { return Date::FromDayNumber(days); }

int WeekdayOf(const Date& date) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int64_t r = (DaysFromCivil(date) % 7 + 7 + 3) % 7;
  return static_cast<int>(r);
}

Date AddDays(const Date& date, int64_t days) { return CivilFromDays(DaysFromCivil(date) + days); }

namespace {

enum class Tense : uint8_t { kPast, kFuture };

bool Valid(const Date& d) { return Date::IsValid(d.year, d.month, d.day); }

// The first day of the month `offset` months from (year, month).
Date MonthFrom(int year, int month, int offset) {
  const int64_t index = int64_t{year} * 12 + (month - 1) + offset;
  if (index < 12 || index >= 12 * 10000) return Date{};
  return Date{static_cast<int>(index / 12), static_cast<int>(index % 12) + 1, 1};
}

// Nearest `weekday` (0 = Monday) to `from`: on or before it (step < 0) or on
// or after it (step > 0); `strict` excludes `from` itself.
Date NearestWeekday(const Date& from, int weekday, int step, bool strict) {
  const int today = WeekdayOf(from);
  int delta = step < 0 ? (today - weekday + 7) % 7 : (weekday - today + 7) % 7;
  if (strict && delta == 0) delta = 7;
  return AddDays(from, step < 0 ? -delta : delta);
}

int PrecisionRank(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay: return 0;
    case DatePrecision::kWeek: return 1;
    case DatePrecision::kMonth: return 2;
    case DatePrecision::kYear: return 3;
    case DatePrecision::kDocument: return 4;
  }
  return 4;
}

// ---- Words ----

struct Word {
  std::string lower;  // lowercased form
  std::string bare;   // lower without a trailing '.' ("jan." → "jan")
  const Token* token;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsPunct(const Token& t) {
  if (t.upos == "PUNCT") return true;
  if (t.form.empty()) return false;
  for (char c : t.form)
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        static_cast<unsigned char>(c) >= 0x80)
      return false;
  return true;
}

bool Capitalized(const Token& t) { return !t.form.empty() && t.form[0] >= 'A' && t.form[0] <= 'Z'; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view digits) {  // REQUIRES: AllDigits, at most 9 digits
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

int WeekdayIndex(std::string_view bare) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (size_t i = 0; i < kNames.size(); ++i)
    if (bare == kNames[i]) return static_cast<int>(i);
  return -1;
}

struct MonthWord {
  int month = 0;        // 1..12; 0 = not a month
  bool abbrev = false;  // "Jan.", "Sept"
  bool mid = false;     // "mid-March"
};

MonthWord MonthOf(const Word& w) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::array<std::string_view, 12> kAbbrevs = {
      "jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const Token& t = *w.token;
  std::string_view bare = w.bare;
  std::string_view form = t.form;
  MonthWord out;
  if (bare.starts_with("mid-")) {
    bare.remove_prefix(4);
    form.remove_prefix(4);
    out.mid = true;
  }
  // Months are proper nouns: "may" the modal and "march" the verb are not.
  if (form.empty() || form[0] < 'A' || form[0] > 'Z') return {};
  if (t.xpos == "MD" || t.xpos.starts_with("VB") || t.upos == "VERB" || t.upos == "AUX")
    return {};
  for (size_t i = 0; i < 12; ++i) {
    if (bare == kNames[i]) {
      out.month = static_cast<int>(i) + 1;
      return out;
    }
    if (!kAbbrevs[i].empty() && bare == kAbbrevs[i]) {
      out.month = static_cast<int>(i) + 1;
      out.abbrev = true;
      return out;
    }
  }
  if (bare == "sept") {
    out.month = 9;
    out.abbrev = true;
    return out;
  }
  return {};
}

// "4", "4th", "21st" → 4, 21; 0 when not a day of the month.
int DayOf(std::string_view bare) {
  size_t n = 0;
  while (n < bare.size() && bare[n] >= '0' && bare[n] <= '9') ++n;
  if (n == 0 || n > 2) return 0;
  std::string_view suffix = bare.substr(n);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th")
    return 0;
  const int d = ToInt(bare.substr(0, n));
  return d >= 1 && d <= 31 ? d : 0;
}

int YearOf(std::string_view bare) {
  if (bare.size() != 4 || !AllDigits(bare)) return 0;
  const int y = ToInt(bare);
  return y >= 1000 ? y : 0;
}

bool IsDaypart(std::string_view b) {
  return b == "morning" || b == "afternoon" || b == "evening" || b == "night" ||
         b == "overnight";
}

// "two" → 2, "a" → 1; 0 when not a small count.
int CountOf(std::string_view b) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "zero", "one", "two",   "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten", "eleven", "twelve"};
  if (b == "a" || b == "an") return 1;
  for (size_t i = 1; i < kWords.size(); ++i)
    if (b == kWords[i]) return static_cast<int>(i);
  if (AllDigits(b) && b.size() <= 4) return ToInt(b);
  return 0;
}

// Words right before an expression that make it not the event's own time.
bool IsBlockingWord(std::string_view b) {
  return b == "before" || b == "after" || b == "until" || b == "till" || b == "by" ||
         b == "since" || b == "following" || b == "ahead" || b == "prior";
}

// ---- The expression grammar ----

struct Parsed {
  size_t end = 0;  // one past the last word used
  Date date;
  DatePrecision precision = DatePrecision::kDocument;
};

class Matcher {
 public:
  Matcher(const std::vector<Word>& words, Date doc, Tense tense)
      : w_(words), doc_(doc), future_(tense == Tense::kFuture) {}

  // The expression starting at word i, with an optional leading preposition
  // ("on", "in") and edge modifier ("late", "earlier").
  std::optional<Parsed> At(size_t i) const {
    size_t p = i;
    bool prep = false, mod = false;
    if (p < w_.size() && IsPrep(B(p))) {
      prep = true;
      ++p;
    }
    if (p < w_.size() && IsMod(B(p))) {
      mod = true;
      ++p;
      if (!prep && p < w_.size() && (B(p) == "on" || B(p) == "in")) {
        prep = true;
        ++p;
      }
    }
    if (p >= w_.size()) return std::nullopt;
    auto out = Core(p, prep || mod, i > 0 ? B(i - 1) : std::string_view());
    if (!out || !Valid(out->date)) return std::nullopt;
    return out;
  }

 private:
  static bool IsPrep(std::string_view b) {
    return b == "on" || b == "in" || b == "during" || b == "at" || b == "over";
  }
  static bool IsMod(std::string_view b) {
    return b == "early" || b == "late" || b == "earlier" || b == "later" || b == "mid";
  }
  std::string_view B(size_t i) const { return i < w_.size() ? std::string_view(w_[i].bare) : ""; }
  MonthWord MonthAt(size_t i) const { return i < w_.size() ? MonthOf(w_[i]) : MonthWord{}; }
  bool Known() const { return Valid(doc_); }

  std::optional<Parsed> Day(size_t end, const Date& d) const {
    return Parsed{end, d, DatePrecision::kDay};
  }
  std::optional<Parsed> Week(size_t end, const Date& d) const {
    return Parsed{end, d, DatePrecision::kWeek};
  }
  std::optional<Parsed> Month(size_t end, int offset) const {
    return Parsed{end, MonthFrom(doc_.year, doc_.month, offset), DatePrecision::kMonth};
  }
  std::optional<Parsed> Year(size_t end, int offset) const {
    return Parsed{end, Date{doc_.year + offset, 1, 1}, DatePrecision::kYear};
  }
  size_t SkipDaypart(size_t q) const { return q < w_.size() && IsDaypart(B(q)) ? q + 1 : q; }

  // "the weekend": Saturday on or before the document date (past) or on or
  // after it (future).
  Date Weekend(bool future) const { return NearestWeekday(doc_, 5, future ? 1 : -1, false); }
  // The weekend before the Monday that starts the document's week.
  Date LastWeekend() const {
    const Date monday = AddDays(doc_, -WeekdayOf(doc_));
    return AddDays(monday, -2);
  }

  std::optional<Parsed> Core(size_t p, bool prefixed, std::string_view before) const {
    const std::string_view b = B(p);
    // 2024-07-05
    if (b.size() == 10 && b[4] == '-' && b[7] == '-') {
      auto d = Date::Parse(b);
      if (d.ok()) return Day(p + 1, d.value());
      return std::nullopt;
    }
    if (auto e = Explicit(p, prefixed)) return e;
    if (auto c = Ago(p)) return c;
    if (!Known()) return std::nullopt;  // everything below is relative

    if (b == "today" || b == "tonight") return Day(SkipDaypart(p + 1), doc_);
    if (b == "yesterday") return Day(SkipDaypart(p + 1), AddDays(doc_, -1));
    if (b == "tomorrow") return Day(SkipDaypart(p + 1), AddDays(doc_, 1));
    if (b == "the") return The(p + 1, prefixed);

    // "the last week" / "the next year" are durations, not dates.
    const bool after_the = before == "the";
    if (b == "last" && !after_the) return Last(p + 1);
    if (b == "next" && !after_the) return Next(p + 1);
    if (b == "this") return This(p + 1);

    const int wd = WeekdayIndex(b);
    if (wd >= 0 && !after_the) return Weekday(p, wd);
    // "in 2023", but not "in 2000 attacks".
    if (prefixed) {
      const int y = YearOf(b);
      const Token* next = p + 1 < w_.size() ? w_[p + 1].token : nullptr;
      const bool counts_noun = next && (next->upos == "NOUN" || next->xpos == "NN" ||
                                        next->xpos == "NNS");
      if (y >= 1900 && y <= 2100 && !counts_noun)
        return Parsed{p + 1, Date{y, 1, 1}, DatePrecision::kYear};
    }
    return std::nullopt;
  }

  // After "the": "the day before (yesterday)", "the previous day/week/month/year",
  // "(over) the weekend".
  std::optional<Parsed> The(size_t q, bool prefixed) const {
    const std::string_view b = B(q);
    if (b == "day" && B(q + 1) == "before") {
      if (B(q + 2) == "yesterday") return Day(q + 3, AddDays(doc_, -2));
      return Day(q + 2, AddDays(doc_, -1));
    }
    if (b == "previous") {
      const std::string_view u = B(q + 1);
      if (u == "day") return Day(q + 2, AddDays(doc_, -1));
      if (u == "week") return Week(q + 2, AddDays(doc_, -7));
      if (u == "month") return Month(q + 2, -1);
      if (u == "year") return Year(q + 2, -1);
      return std::nullopt;
    }
    if (b == "weekend" && prefixed) return Week(q + 1, Weekend(future_));
    return std::nullopt;
  }

  std::optional<Parsed> Last(size_t q) const {
    const std::string_view b = B(q);
    if (b == "night") return Day(q + 1, AddDays(doc_, -1));
    if (b == "week") return Week(q + 1, AddDays(doc_, -7));
    if (b == "weekend") return Week(q + 1, LastWeekend());
    if (b == "month") return Month(q + 1, -1);
    if (b == "year") return Year(q + 1, -1);
    if (const int wd = WeekdayIndex(b); wd >= 0)
      return Day(SkipDaypart(q + 1), NearestWeekday(doc_, wd, -1, true));
    if (const MonthWord m = MonthAt(q); m.month) {
      // "last March": the most recent March before the document's month.
      const int y = m.month < doc_.month ? doc_.year : doc_.year - 1;
      return Parsed{q + 1, Date{y, m.month, 1}, DatePrecision::kMonth};
    }
    return std::nullopt;
  }

  std::optional<Parsed> Next(size_t q) const {
    const std::string_view b = B(q);
    if (b == "week") return Week(q + 1, AddDays(doc_, 7));
    if (b == "weekend") return Week(q + 1, NearestWeekday(doc_, 5, 1, true));
    if (b == "month") return Month(q + 1, 1);
    if (b == "year") return Year(q + 1, 1);
    if (const int wd = WeekdayIndex(b); wd >= 0)
      return Day(SkipDaypart(q + 1), NearestWeekday(doc_, wd, 1, true));
    if (const MonthWord m = MonthAt(q); m.month) {
      const int y = m.month > doc_.month ? doc_.year : doc_.year + 1;
      return Parsed{q + 1, Date{y, m.month, 1}, DatePrecision::kMonth};
    }
    return std::nullopt;
  }

  std::optional<Parsed> This(size_t q) const {
    std::string_view b = B(q);
    if (b == "morning" || b == "afternoon" || b == "evening") return Day(q + 1, doc_);
    if (b == "week") return Week(q + 1, doc_);
    if (b == "month") return Month(q + 1, 0);
    if (b == "year") return Year(q + 1, 0);
    // "this past Monday", "this coming weekend", "this Monday"
    int step = future_ ? 1 : -1;
    bool strict = false;
    if (b == "past" || b == "coming") {
      step = b == "past" ? -1 : 1;
      strict = true;
      ++q;
      b = B(q);
    }
    if (b == "weekend")
      return Week(q + 1, strict && step < 0 ? NearestWeekday(AddDays(doc_, -1), 5, -1, false)
                                            : Weekend(step > 0));
    if (const int wd = WeekdayIndex(b); wd >= 0)
      return Day(SkipDaypart(q + 1), NearestWeekday(doc_, wd, step, strict));
    return std::nullopt;
  }

  // "Thursday", "Thursday night", "Thursday, July 4th", "Thursday 4 July 2024".
  std::optional<Parsed> Weekday(size_t p, int wd) const {
    // "the Sunday Times", "Friday Mosque": a weekday naming something else.
    if (p + 1 < w_.size()) {
      const Token& next = *w_[p + 1].token;
      if ((next.upos == "PROPN" || next.xpos.starts_with("NNP")) && Capitalized(next) &&
          !MonthOf(w_[p + 1]).month && !IsDaypart(B(p + 1)))
        return std::nullopt;
    }
    size_t q = SkipDaypart(p + 1);
    size_t r = B(q) == "," ? q + 1 : q;
    if (r < w_.size()) {
      if (auto e = Explicit(r, false, wd); e && e->precision == DatePrecision::kDay) return e;
    }
    if (!Known()) return std::nullopt;
    return Day(q, NearestWeekday(doc_, wd, future_ ? 1 : -1, false));
  }

  // Year for a month (and day) written without one: past → on or before the
  // document date, future → on or after it.
  int ImpliedYear(int month, int day) const {
    const int here = month * 100 + day;
    const int doc = doc_.month * 100 + (day == 0 ? 0 : doc_.day);
    if (future_) return here < doc ? doc_.year + 1 : doc_.year;
    return here > doc ? doc_.year - 1 : doc_.year;
  }

  // "July 4", "July 4th, 2024", "Jan. 5", "4 July (2024)", "March 2023",
  // "(in) March"; `weekday` (0..6) when a weekday was written before it.
  std::optional<Parsed> Explicit(size_t p, bool prefixed, int weekday = -1) const {
    int month = 0, day = 0, year = 0;
    size_t end = p;
    bool mid = false;
    const MonthWord m = MonthAt(p);
    if (m.month) {
      month = m.month;
      mid = m.mid;
      size_t q = p + 1;
      if (m.abbrev && q < w_.size() && w_[q].lower == "." && DayOf(B(q + 1))) ++q;  // "Jan" "." "5"
      if (!mid && q < w_.size() && (day = DayOf(B(q))) != 0) {
        end = q + 1;
        const size_t c = B(end) == "," ? end + 1 : end;
        if (c < w_.size() && (year = YearOf(B(c))) != 0) end = c + 1;
      } else if (q < w_.size() && (year = YearOf(B(q))) != 0) {
        end = q + 1;
      } else {
        // A lone month name needs "in"/"early"... ("in May", not "May said").
        if (m.abbrev || !(prefixed || mid)) return std::nullopt;
        end = p + 1;
      }
    } else if ((day = DayOf(B(p))) != 0 && p + 1 < w_.size()) {
      const MonthWord m2 = MonthAt(p + 1);
      if (!m2.month || m2.mid) return std::nullopt;
      month = m2.month;
      end = p + 2;
      if (end < w_.size() && (year = YearOf(B(end))) != 0) ++end;
    } else {
      return std::nullopt;
    }
    const DatePrecision precision = day ? DatePrecision::kDay : DatePrecision::kMonth;
    if (year == 0) {
      if (!Known()) return std::nullopt;
      year = ImpliedYear(month, day);
      // "Thursday, July 4th": move the year by one if that makes the weekday agree.
      if (day && weekday >= 0 && Date::IsValid(year, month, day) &&
          WeekdayOf(Date{year, month, day}) != weekday) {
        for (int y : {year - 1, year + 1}) {
          if (Date::IsValid(y, month, day) && WeekdayOf(Date{y, month, day}) == weekday &&
              std::abs(DaysFromCivil(Date{y, month, day}) - DaysFromCivil(doc_)) <= 366) {
            year = y;
            break;
          }
        }
      }
    }
    const Date d{year, month, day ? day : 1};
    if (!Valid(d)) return std::nullopt;
    return Parsed{end, d, precision};
  }

  // "two days ago", "a week ago", "3 months ago", "a year ago".
  std::optional<Parsed> Ago(size_t p) const {
    const int n = CountOf(B(p));
    if (n <= 0 || n > 1000 || B(p + 2) != "ago" || !Known()) return std::nullopt;
    const std::string_view u = B(p + 1);
    const size_t end = p + 3;
    if (u == "day" || u == "days") return Day(end, AddDays(doc_, -n));
    if (u == "week" || u == "weeks") return Week(end, AddDays(doc_, -7 * int64_t{n}));
    if (u == "month" || u == "months") return Month(end, -n);
    if (u == "year" || u == "years") return Year(end, -n);
    return std::nullopt;
  }

  const std::vector<Word>& w_;
  Date doc_;
  bool future_;
};

std::vector<Word> WordsOf(std::span<const Token> tokens) {
  std::vector<Word> words;
  words.reserve(tokens.size());
  for (const Token& t : tokens) {
    Word w;
    w.lower = Lower(t.form);
    w.bare = w.lower;
    if (w.bare.size() > 1 && w.bare.back() == '.') w.bare.pop_back();
    w.token = &t;
    words.push_back(std::move(w));
  }
  return words;
}

// The words as written, from the forms, spaced as the offsets say.
std::string JoinForms(std::span<const Token> tokens) {
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) {
      const Token& prev = tokens[i - 1];
      const Token& cur = tokens[i];
      const bool aligned = prev.begin < prev.end && cur.begin < cur.end;
      if (!aligned || cur.begin > prev.end) out += ' ';
    }
    out += tokens[i].form;
  }
  return out;
}

// The source text of tokens [first, last], or the joined forms when the
// offsets do not point into `text`.
std::string SourceText(const std::string& text, std::span<const Token> tokens) {
  const Token& first = tokens.front();
  const Token& last = tokens.back();
  if (first.begin < first.end && first.begin < last.end && last.end <= text.size())
    return text.substr(first.begin, last.end - first.begin);
  return JoinForms(tokens);
}

struct Found {
  size_t begin = 0, end = 0;  // word range
  Parsed parsed;
};

// Every date expression in the sentence, left to right, longest first.
std::vector<Found> FindAll(const std::vector<Word>& words, const Matcher& matcher) {
  std::vector<Found> out;
  for (size_t i = 0; i < words.size();) {
    if (auto m = matcher.At(i)) {
      // "until late Monday", "by Friday": not the event's own time.
      if (i == 0 || !IsBlockingWord(words[i - 1].bare)) out.push_back({i, m->end, *m});
      i = m->end;
    } else {
      ++i;
    }
  }
  return out;
}

// ---- The dependency tree ----

class Tree {
 public:
  explicit Tree(std::span<const Token> tokens) : t_(tokens) {
    const int n = static_cast<int>(tokens.size());
    ok_ = n > 0;
    for (const Token& tok : tokens)
      if (tok.head < 0 || tok.head > n) ok_ = false;
  }
  bool ok() const { return ok_; }
  int size() const { return static_cast<int>(t_.size()); }
  int Head(int i) const { return t_[static_cast<size_t>(i)].head - 1; }
  const Token& At(int i) const { return t_[static_cast<size_t>(i)]; }
  std::string_view Rel(int i) const {
    std::string_view r = At(i).deprel;
    return r.substr(0, r.find(':'));
  }
  bool Verbal(int i) const {
    const Token& t = At(i);
    return t.upos == "VERB" || t.upos == "AUX" || t.xpos.starts_with("VB") || t.xpos == "MD";
  }
  // Heads of clauses: the root and the predicates of clausal dependents.
  bool ClauseHead(int i) const {
    const std::string_view r = Rel(i);
    if (Head(i) < 0 || r == "root" || r == "ccomp" || r == "xcomp" || r == "advcl" ||
        r == "acl" || r == "csubj" || r == "parataxis")
      return true;
    return r == "conj" && Verbal(i);
  }
  // The clause that token i belongs to; -1 on a broken tree.
  int ClauseOf(int i) const {
    for (int steps = 0; i >= 0 && steps <= size(); ++steps) {
      if (ClauseHead(i)) return i;
      i = Head(i);
    }
    return -1;
  }
  bool HasChild(int i, bool (*pred)(const Tree&, int)) const {
    for (int c = 0; c < size(); ++c)
      if (Head(c) == i && pred(*this, c)) return true;
    return false;
  }

 private:
  std::span<const Token> t_;
  bool ok_ = false;
};

bool IsSubject(const Tree& tree, int c) {
  const std::string_view r = tree.Rel(c);
  return r == "nsubj" || r == "csubj" || r == "expl";
}

bool IsBlockingMarker(const Tree& tree, int c) {
  const std::string_view r = tree.Rel(c);
  if (r != "case" && r != "mark" && r != "advmod") return false;
  return IsBlockingWord(Lower(tree.At(c).form));
}

bool IsFutureAux(const Tree& tree, int c) {
  const std::string_view r = tree.Rel(c);
  if (r != "aux") return false;
  const std::string f = Lower(tree.At(c).form);
  return f == "will" || f == "'ll" || f == "wo" || f == "shall" || f == "would" ||
         tree.At(c).lemma == "will";
}

bool IsPlanWord(std::string_view lower) {
  return lower == "plan" || lower == "plans" || lower == "planned" || lower == "planning" ||
         lower == "scheduled" || lower == "due" || lower == "set" || lower == "going" ||
         lower == "expected" || lower == "intends" || lower == "intend" || lower == "poised";
}

// The clauses above the verb's own whose modifiers also date it: through
// xcomp ("agreed to meet") and, for a conjunct with no subject of its own,
// the first conjunct ("struck Gaza and killed five").
std::vector<int> UpperClauses(const Tree& tree, int clause) {
  std::vector<int> out;
  for (int steps = 0; clause >= 0 && steps <= tree.size(); ++steps) {
    const std::string_view r = tree.Rel(clause);
    const bool shares = r == "xcomp" ||
                        (r == "conj" && tree.Verbal(clause) && !tree.HasChild(clause, IsSubject));
    if (!shares || tree.Head(clause) < 0) break;
    clause = tree.ClauseOf(tree.Head(clause));
    if (clause < 0) break;
    out.push_back(clause);
  }
  return out;
}

Tense TenseOf(std::span<const Token> tokens, const Tree& tree, int verb) {
  if (tokens[static_cast<size_t>(verb)].feats.find("Tense=Fut") != std::string::npos)
    return Tense::kFuture;
  if (!tree.ok()) {
    for (int i = std::max(0, verb - 3); i < verb; ++i) {
      const std::string f = Lower(tokens[static_cast<size_t>(i)].form);
      if (f == "will" || f == "'ll" || f == "shall" || f == "would") return Tense::kFuture;
    }
    return Tense::kPast;
  }
  if (tree.HasChild(verb, IsFutureAux)) return Tense::kFuture;
  const int clause = tree.ClauseOf(verb);
  if (clause >= 0 && clause != verb && tree.HasChild(clause, IsFutureAux)) return Tense::kFuture;
  int below = clause;
  for (int upper : UpperClauses(tree, clause)) {
    if (tree.HasChild(upper, IsFutureAux)) return Tense::kFuture;
    // "is due to visit", "plans to meet"
    if (below >= 0 && tree.Rel(below) == "xcomp" && IsPlanWord(Lower(tree.At(upper).form)))
      return Tense::kFuture;
    below = upper;
  }
  return Tense::kPast;
}

constexpr int kNoTier = 99;

// How closely expression [begin, end) belongs to `verb`: 0 attached to the
// verb, 1 to a clause above it, 2 elsewhere in the verb's clause, 3 elsewhere
// in a clause above; kNoTier when in another clause or behind "after"/"before".
int TierOf(const Tree& tree, int verb, const std::vector<int>& upper, int begin, int end) {
  const int verb_clause = tree.ClauseOf(verb);
  auto inside = [&](int i) { return i >= begin && i < end; };
  auto is_upper = [&](int c) {
    return c >= 0 && (c == verb_clause || std::find(upper.begin(), upper.end(), c) != upper.end());
  };
  std::vector<int> anchors;
  for (int i = begin; i < end; ++i) {
    const std::string_view r = tree.Rel(i);
    if (!inside(tree.Head(i)) && r != "punct" && r != "case" && r != "cc" && r != "mark")
      anchors.push_back(i);
  }
  if (anchors.empty())
    for (int i = begin; i < end; ++i)
      if (!inside(tree.Head(i))) anchors.push_back(i);

  int best = kNoTier;
  for (int a : anchors) {
    const int h = tree.Head(a);
    if (h < 0) continue;
    const int clause = tree.ClauseOf(h);  // -1 on a broken tree
    if (clause < 0 && h != verb) continue;
    // "after Thursday's attack": a time the event is measured from, not its own.
    bool blocked = false;
    for (int x = a, steps = 0; x >= 0 && x != clause && x != verb && steps <= tree.size();
         ++steps) {
      if (tree.HasChild(x, IsBlockingMarker)) blocked = true;
      x = tree.Head(x);
    }
    if (blocked) continue;
    int tier = kNoTier;
    if (h == verb)
      tier = 0;
    else if (is_upper(h) && h == clause)
      tier = 1;
    else if (clause == verb_clause)
      tier = 2;
    else if (is_upper(clause))
      tier = 3;
    best = std::min(best, tier);
  }
  return best;
}

ResolvedDate DocumentDate(Date document_date) { return ResolvedDate{document_date, {}, ""}; }

}  // namespace

ResolvedDate ResolveEventDate(const Document& doc, const Sentence& sentence, int verb,
                              Date document_date) {
  const std::span<const Token> tokens = doc.TokensOf(sentence);
  if (verb < 0 || static_cast<size_t>(verb) >= tokens.size()) return DocumentDate(document_date);
  const Tree tree(tokens);
  const Tense tense = TenseOf(tokens, tree, verb);
  const std::vector<Word> words = WordsOf(tokens);
  const Matcher matcher(words, document_date, tense);
  const std::vector<Found> found = FindAll(words, matcher);
  if (found.empty()) return DocumentDate(document_date);

  const std::vector<int> upper =
      tree.ok() ? UpperClauses(tree, tree.ClauseOf(verb)) : std::vector<int>{};
  const Found* best = nullptr;
  int best_tier = kNoTier, best_rank = 0, best_distance = 0;
  for (const Found& f : found) {
    const int begin = static_cast<int>(f.begin), end = static_cast<int>(f.end);
    const int tier = tree.ok() ? TierOf(tree, verb, upper, begin, end) : 0;
    if (tier == kNoTier) continue;
    const int rank = PrecisionRank(f.parsed.precision);
    const int distance = verb < begin ? begin - verb : verb >= end ? verb - end + 1 : 0;
    if (best == nullptr || tier < best_tier || (tier == best_tier && rank < best_rank) ||
        (tier == best_tier && rank == best_rank && distance < best_distance)) {
      best = &f;
      best_tier = tier;
      best_rank = rank;
      best_distance = distance;
    }
  }
  if (best == nullptr) return DocumentDate(document_date);
  return ResolvedDate{best->parsed.date, best->parsed.precision,
                      SourceText(doc.TextOf(sentence), tokens.subspan(best->begin,
                                                                      best->end - best->begin))};
}

std::optional<ResolvedDate> ParseDateExpression(std::span<const Token> tokens,
                                                Date document_date) {
  while (!tokens.empty() && IsPunct(tokens.front())) tokens = tokens.subspan(1);
  while (!tokens.empty() && IsPunct(tokens.back())) tokens = tokens.first(tokens.size() - 1);
  if (tokens.empty()) return std::nullopt;
  const std::vector<Word> words = WordsOf(tokens);
  const Matcher matcher(words, document_date, Tense::kPast);
  auto m = matcher.At(0);
  if (!m || m->end != words.size()) return std::nullopt;
  return ResolvedDate{m->date, m->precision, JoinForms(tokens)};
}

}  // namespace parley::enrich

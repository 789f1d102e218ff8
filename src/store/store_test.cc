#include "store/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <thread>

#include <fmt/format.h>

#include "io/event_writer.h"
#include "store/connection.h"
#include "store/period.h"
#include "store/query.h"
#include "store/store_test_util.h"
#include "store/synthetic.h"

namespace parley::store {
namespace {

using testing::FreshStore;

Date D(int y, int m, int d) { return Date{y, m, d}; }

struct EventSpec {
  std::string source, source_country, target, target_country, code, plover;
  int quad;
  double goldstein;
  Date event_date;       // unknown = the document date
  double lat = 0, lon = 0;  // 0, 0 = no place
};

// A document whose sentences each carry one event.
CodedDocument MakeDocument(const std::string& id, Date date, const std::vector<std::string>& sentences,
                           const std::vector<EventSpec>& specs) {
  CodedDocument out;
  Document& doc = out.document;
  doc.id = id;
  doc.date = date;
  doc.title = "Title of " + id;
  doc.url = "https://example.org/" + id;
  Sentence title;  // the headline, as the readers deliver it
  title.field = TextField::kTitle;
  title.index = -1;
  title.end = static_cast<uint32_t>(doc.title.size());
  doc.sentences.push_back(title);
  for (size_t i = 0; i < sentences.size(); ++i) {
    Sentence s;
    s.index = static_cast<int32_t>(i);
    s.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += sentences[i];
    s.end = static_cast<uint32_t>(doc.text.size());
    doc.text += " ";
    doc.sentences.push_back(s);
  }
  for (size_t i = 0; i < specs.size(); ++i) {
    const EventSpec& spec = specs[i];
    Event e;
    e.doc_id = id;
    e.sentence = static_cast<int32_t>(i);
    e.date = date;
    e.source = {spec.source, "source words", 0, 1};
    e.target = {spec.target, "target words", 3, 4};
    e.event = {spec.code, "verb", 2, 2};
    e.pattern = "verbs.txt:" + std::to_string(10 + i);
    e.meta.root_code = spec.code.substr(0, 2);
    e.meta.label = "label " + spec.code;
    e.meta.quad_class = spec.quad;
    e.meta.goldstein = spec.goldstein;
    e.meta.has_goldstein = true;
    e.meta.plover_type = spec.plover;
    e.meta.source.country = spec.source_country;
    e.meta.target.country = spec.target_country;
    e.meta.event_date = spec.event_date.known() ? spec.event_date : date;
    if (spec.event_date.known()) {
      e.meta.date_precision = DatePrecision::kDay;
      e.meta.date_text = "on Sunday";
    }
    if (spec.lat != 0 || spec.lon != 0) {
      e.meta.location = {"Place", "the place", spec.source_country, "", "city", "city", spec.lat, spec.lon, true};
    }
    out.events.push_back(std::move(e));
  }
  return out;
}

// Three documents, six events: talks and fighting in Gaza, fighting and an
// appeal in Sudan.
std::vector<CodedDocument> Corpus() {
  return {
      MakeDocument("d1", D(2024, 7, 1),
                   {"Israeli negotiators met Hamas officials in Cairo to discuss a ceasefire.",
                    "Israeli jets struck Khan Younis on Sunday."},
                   {{"ISRGOV", "ISR", "PSEREBHMS", "PSE", "046", "CONSULT", 1, 7.0, {}, 30.04, 31.24},
                    {"ISRMIL", "ISR", "PSE", "PSE", "190", "ASSAULT", 4, -10.0, D(2024, 6, 30), 31.34, 34.30}}),
      MakeDocument("d2", D(2024, 7, 8),
                   {"Egypt urged Israel to accept the ceasefire proposal.", "Hamas rejected the proposal."},
                   {{"EGYGOV", "EGY", "ISRGOV", "ISR", "020", "REQUEST", 1, 3.0, {}},
                    {"PSEREBHMS", "PSE", "ISRGOV", "ISR", "120", "REJECT", 3, -4.0, {}}}),
      MakeDocument("d3", D(2024, 8, 15),
                   {"Sudan's army fought the Rapid Support Forces in Khartoum.",
                    "The United Nations appealed for a ceasefire in Sudan."},
                   {{"SDNMIL", "SDN", "SDNREB", "SDN", "190", "ASSAULT", 4, -10.0, {}, 15.5, 32.5},
                    {"IGOUNO", "", "SDN", "SDN", "020", "REQUEST", 1, 3.0, {}}}),
  };
}

std::vector<std::string> Keys(const EventPage& page) {
  std::vector<std::string> keys;
  for (const auto& e : page.events) keys.push_back(e.event.doc_id + ":" + std::to_string(e.event.sentence));
  return keys;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = std::make_unique<FreshStore>(GetParam());
    if (fresh_->url().empty()) GTEST_SKIP() << "set PARLEY_TEST_PG to a PostgreSQL URL to run this engine";
    auto store = Store::Open(fresh_->url());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  void IngestCorpus() {
    auto corpus = Corpus();
    auto report = store_->Ingest(corpus);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    ASSERT_EQ(report->stored, 3u);
  }

  std::unique_ptr<FreshStore> fresh_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, OpensEmptyAndReportsEngine) {
  EXPECT_EQ(store_->engine(), GetParam());
  auto counts = store_->Counts();
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->documents, 0u);
  EXPECT_EQ(counts->events, 0u);
}

TEST_P(StoreTest, ReingestAddsNothing) {
  auto corpus = Corpus();
  auto first = store_->Ingest(corpus);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->stored, 3u);
  EXPECT_EQ(first->already_stored, 0u);
  EXPECT_EQ(first->events, 6u);
  EXPECT_TRUE(first->skipped.empty());

  auto again = store_->Ingest(corpus);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->stored, 0u);
  EXPECT_EQ(again->already_stored, 3u);
  EXPECT_EQ(again->events, 0u);

  // Reopened, still exactly once.
  store_.reset();
  auto reopened = Store::Open(fresh_->url());
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  auto third = (*reopened)->Ingest(corpus);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->already_stored, 3u);
  auto counts = (*reopened)->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 3u);
  EXPECT_EQ(counts->events, 6u);
  auto all = (*reopened)->Events({}, 0);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 6u);
  for (const auto& e : all->events) EXPECT_EQ(e.event.meta.documents, std::vector<std::string>{e.event.doc_id});
}

TEST_P(StoreTest, MixedBatchStoresOnlyNewDocumentsAndSaysWhatItSkipped) {
  auto corpus = Corpus();
  ASSERT_TRUE(store_->Ingest(std::span(corpus).first(1)).ok());
  std::vector<CodedDocument> batch = corpus;
  batch.push_back(corpus[2]);             // twice in one batch
  batch.push_back(MakeDocument("", D(2024, 1, 1), {"No id."}, {}));
  auto report = store_->Ingest(batch);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->stored, 2u);
  EXPECT_EQ(report->already_stored, 2u);  // d1 stored before, d3 repeated
  ASSERT_EQ(report->skipped.size(), 1u);
  EXPECT_EQ(report->skipped[0].ToString(), "(no id): document has no id");
  EXPECT_EQ(report->events, 4u);
}

// A batch that fails part-way (here: a trigger rejects one document's
// events) writes nothing at all, and the same batch goes in whole later.
TEST_P(StoreTest, FailedBatchWritesNothing) {
  auto raw = GetParam() == "sqlite" ? OpenSqlite(fresh_->url().substr(7)) : OpenPostgres(fresh_->url());
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  Status s = GetParam() == "sqlite"
                 ? (*raw)->Exec("CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.doc_id = 'd2' "
                                "BEGIN SELECT RAISE(ABORT, 'poisoned document'); END")
                 : (*raw)->Exec("CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                "IF NEW.doc_id = 'd2' THEN RAISE EXCEPTION 'poisoned document'; END IF; "
                                "RETURN NEW; END $$; "
                                "CREATE TRIGGER poison BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION poison()");
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto corpus = Corpus();
  auto failed = store_->Ingest(corpus);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("poisoned document"), std::string::npos) << failed.status().ToString();
  int64_t rows = -1;
  s = (*raw)->Query(
      "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM sentences) + (SELECT count(*) FROM events) "
      "+ (SELECT count(*) FROM mentions) + (SELECT count(*) FROM actors) + (SELECT count(*) FROM day_counts)",
      {}, [&](const Row& r) { rows = r.Int(0); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(rows, 0);

  ASSERT_TRUE((*raw)->Exec("DROP TRIGGER poison" + std::string(GetParam() == "sqlite" ? "" : " ON events")).ok());
  auto stored = store_->Ingest(corpus);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->stored, 3u);
  auto counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->events, 6u);
}

TEST_P(StoreTest, EventsReadBackAsWritten) {
  IngestCorpus();
  auto page = store_->Events({}, 0);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  auto corpus = Corpus();
  for (const StoredEvent& stored : page->events) {
    const CodedDocument& doc = *std::find_if(corpus.begin(), corpus.end(), [&](const CodedDocument& d) {
      return d.document.id == stored.event.doc_id;
    });
    Event expected = doc.events[static_cast<size_t>(stored.event.sentence)];
    expected.meta.documents = {expected.doc_id};
    std::string want, got;
    io::AppendEventJson(expected, want);
    io::AppendEventJson(stored.event, got);
    EXPECT_EQ(got, want);
    const Sentence& s = doc.document.sentences[static_cast<size_t>(stored.event.sentence) + 1];
    EXPECT_EQ(stored.sentence_text, doc.document.text.substr(s.begin, s.end - s.begin));
  }
}

TEST_P(StoreTest, NewestFirstWithTotalLimitAndOffset) {
  IngestCorpus();
  auto all = store_->Events({}, 0);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(Keys(*all), (std::vector<std::string>{"d3:0", "d3:1", "d2:0", "d2:1", "d1:0", "d1:1"}));
  auto page = store_->Events({}, 2, 3);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 6u);
  EXPECT_EQ(Keys(*page), (std::vector<std::string>{"d2:1", "d1:0"}));
}

struct FilterCase {
  const char* name;
  EventFilter filter;
  std::vector<std::string> expected;  // newest first
};

TEST_P(StoreTest, FiltersSelectTheRightEvents) {
  IngestCorpus();
  auto with = [](auto set) {
    EventFilter f;
    set(f);
    return f;
  };
  const std::vector<FilterCase> cases = {
      {"from", with([](EventFilter& f) { f.from = D(2024, 7, 2); }), {"d3:0", "d3:1", "d2:0", "d2:1"}},
      {"to: event date, not document date", with([](EventFilter& f) { f.to = D(2024, 6, 30); }), {"d1:1"}},
      {"actor either side", with([](EventFilter& f) { f.actor = "ISR"; }), {"d2:0", "d2:1", "d1:0", "d1:1"}},
      {"source prefix", with([](EventFilter& f) { f.source = "ISRMIL"; }), {"d1:1"}},
      {"target prefix", with([](EventFilter& f) { f.target = "PSE"; }), {"d1:0", "d1:1"}},
      {"dyad", with([](EventFilter& f) { f.source = "PSE", f.target = "ISR"; }), {"d2:1"}},
      {"country either side", with([](EventFilter& f) { f.country = "SDN"; }), {"d3:0", "d3:1"}},
      {"code prefix", with([](EventFilter& f) { f.code = "19"; }), {"d3:0", "d1:1"}},
      {"code exact", with([](EventFilter& f) { f.code = "046"; }), {"d1:0"}},
      {"root, one digit", with([](EventFilter& f) { f.root = "2"; }), {"d3:1", "d2:0"}},
      {"plover", with([](EventFilter& f) { f.plover = "ASSAULT"; }), {"d3:0", "d1:1"}},
      {"quad class", with([](EventFilter& f) { f.quad_class = 3; }), {"d2:1"}},
      {"bbox", with([](EventFilter& f) { f.bbox = EventFilter::BoundingBox{34, 31, 35, 32}; }), {"d1:1"}},
      {"text", with([](EventFilter& f) { f.text = "ceasefire"; }), {"d3:1", "d2:0", "d1:0"}},
      {"text, all words, any case", with([](EventFilter& f) { f.text = "CEASEFIRE proposal"; }), {"d2:0"}},
      {"text of a headline", with([](EventFilter& f) { f.text = "title"; }), {}},  // no event there
      {"text, no words: no condition", with([](EventFilter& f) { f.text = "!!"; }),
       {"d3:0", "d3:1", "d2:0", "d2:1", "d1:0", "d1:1"}},
      {"combined", with([](EventFilter& f) {
         f.country = "ISR", f.quad_class = 4, f.from = D(2024, 6, 1), f.to = D(2024, 7, 31);
       }),
       {"d1:1"}},
      {"nothing matches", with([](EventFilter& f) { f.country = "FRA"; }), {}},
  };
  for (const auto& c : cases) {
    auto page = store_->Events(c.filter, 100);
    ASSERT_TRUE(page.ok()) << c.name << ": " << page.status().ToString();
    EXPECT_EQ(Keys(*page), c.expected) << c.name;
    EXPECT_EQ(page->total, c.expected.size()) << c.name;
  }
}

TEST_P(StoreTest, BadFiltersAreRejectedWithWhy) {
  EventFilter root;
  root.root = "4x";
  EXPECT_EQ(store_->Events(root).status().ToString(),
            "invalid argument: root '4x' is not a CAMEO root code (01..20)");
  EventFilter quad;
  quad.quad_class = 5;
  EXPECT_EQ(store_->Events(quad).status().ToString(), "invalid argument: QuadClass 5 is not 1..4");
  EventFilter box;
  box.bbox = EventFilter::BoundingBox{10, 0, 5, 1};
  EXPECT_EQ(store_->TimeSeries(box, Interval::kDay).status().ToString(),
            "invalid argument: bounding box has its minimum above its maximum");
}

std::vector<std::string> Render(const std::vector<SeriesPoint>& series) {
  std::vector<std::string> out;
  for (const auto& p : series)
    out.push_back(fmt::format("{} {} [{},{},{},{}] {}", p.period, p.counts.events, p.counts.quad[0],
                              p.counts.quad[1], p.counts.quad[2], p.counts.quad[3], p.counts.goldstein));
  return out;
}

TEST_P(StoreTest, TimeSeriesPerDayWeekMonth) {
  IngestCorpus();
  EventFilter dyad;
  dyad.source = "ISR";
  dyad.target = "PSE";
  struct Case {
    Interval interval;
    std::vector<std::string> expected;
  };
  // 2024-06-30 is a Sunday, 2024-07-01 a Monday.
  const std::vector<Case> cases = {
      {Interval::kDay, {"2024-06-30 1 [0,0,0,1] -10", "2024-07-01 1 [1,0,0,0] 7"}},
      {Interval::kWeek, {"2024-06-24 1 [0,0,0,1] -10", "2024-07-01 1 [1,0,0,0] 7"}},
      {Interval::kMonth, {"2024-06-01 1 [0,0,0,1] -10", "2024-07-01 1 [1,0,0,0] 7"}},
  };
  for (const auto& c : cases) {
    auto series = store_->TimeSeries(dyad, c.interval);
    ASSERT_TRUE(series.ok()) << series.status().ToString();
    EXPECT_EQ(Render(*series), c.expected) << IntervalName(c.interval);
  }
  EventFilter country;
  country.country = "ISR";
  auto monthly = store_->TimeSeries(country, Interval::kMonth);
  ASSERT_TRUE(monthly.ok());
  EXPECT_EQ(Render(*monthly), (std::vector<std::string>{"2024-06-01 1 [0,0,0,1] -10", "2024-07-01 3 [2,0,1,0] 6"}));
}

TEST_P(StoreTest, DyadsAndCountries) {
  IngestCorpus();
  auto dyads = store_->Dyads({}, 0);
  ASSERT_TRUE(dyads.ok()) << dyads.status().ToString();
  std::vector<std::string> got;
  for (const auto& d : *dyads)
    got.push_back(fmt::format("{}>{} {} {}", d.source, d.target, d.counts.events, d.counts.goldstein));
  // Ties keep (source, target) order; a side without a country shows its code.
  EXPECT_EQ(got, (std::vector<std::string>{"ISR>PSE 2 -3", "EGY>ISR 1 3", "IGOUNO>SDN 1 3", "PSE>ISR 1 -4",
                                           "SDN>SDN 1 -10"}));
  auto top = store_->Dyads({}, 1);
  ASSERT_TRUE(top.ok());
  EXPECT_EQ(top->size(), 1u);

  auto countries = store_->Countries({});
  ASSERT_TRUE(countries.ok()) << countries.status().ToString();
  got.clear();
  for (const auto& c : *countries)
    got.push_back(fmt::format("{} {} {} [{},{},{},{}]", c.country, c.counts.events, c.counts.goldstein,
                              c.counts.quad[0], c.counts.quad[1], c.counts.quad[2], c.counts.quad[3]));
  EXPECT_EQ(got, (std::vector<std::string>{"ISR 4 -4 [2,0,1,1]", "PSE 3 -7 [1,0,1,1]", "SDN 2 -7 [1,0,0,1]",
                                           "EGY 1 3 [1,0,0,0]"}));
  EventFilter july;
  july.from = D(2024, 7, 1);
  july.to = D(2024, 7, 31);
  auto in_july = store_->Countries(july);
  ASSERT_TRUE(in_july.ok());
  ASSERT_FALSE(in_july->empty());
  EXPECT_EQ((*in_july)[0].country, "ISR");
  EXPECT_EQ((*in_july)[0].counts.events, 3u);
}

TEST_P(StoreTest, NegotiationsAreReplacedAndLoaded) {
  std::vector<StoredNegotiation> first = {{"isr-pse", R"({"id":"isr-pse","state":"talks"})"},
                                          {"sdn-rsf", R"({"id":"sdn-rsf","state":"stalled"})"}};
  ASSERT_TRUE(store_->ReplaceNegotiations(first).ok());
  auto all = store_->Negotiations();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].json, R"({"id":"sdn-rsf","state":"stalled"})");
  std::vector<StoredNegotiation> second = {{"isr-pse", R"({"id":"isr-pse","state":"agreement"})"}};
  ASSERT_TRUE(store_->ReplaceNegotiations(second).ok());
  auto one = store_->Negotiation("isr-pse");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->json, R"({"id":"isr-pse","state":"agreement"})");
  EXPECT_EQ(store_->Negotiation("sdn-rsf").status().ToString(), "not found: no negotiation with id 'sdn-rsf'");
}

TEST_P(StoreTest, InvalidUtf8IsStoredAsReplacementCharacters) {
  auto doc = MakeDocument("bad-bytes", D(2024, 1, 2), {"Talks in Gen\xff" "eva ended."},
                          {{"USAGOV", "USA", "SDNREB", "SDN", "046", "CONSULT", 1, 7.0, {}}});
  auto report = store_->Ingest(std::span(&doc, 1));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto page = store_->Events({});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->events.size(), 1u);
  EXPECT_EQ(page->events[0].sentence_text, "Talks in Gen\xEF\xBF\xBD" "eva ended.");
}

TEST_P(StoreTest, ConcurrentIngestsStoreEachDocumentOnce) {
  SyntheticCorpus corpus({});
  constexpr int kDocs = 120;
  size_t expected_events = 0;
  for (int n = 0; n < kDocs; ++n) expected_events += corpus.Document(static_cast<uint64_t>(n)).events.size();
  std::vector<std::thread> threads;
  std::vector<size_t> stored(4);
  std::vector<std::string> errors(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      // Each thread ingests every document, in its own order, in batches of 10.
      for (int b = 0; b < kDocs / 10; ++b) {
        std::vector<CodedDocument> batch;
        int first = ((b + t * 3) % (kDocs / 10)) * 10;
        for (int n = first; n < first + 10; ++n) batch.push_back(corpus.Document(static_cast<uint64_t>(n)));
        auto report = store_->Ingest(batch);
        if (!report.ok()) {
          errors[static_cast<size_t>(t)] = report.status().ToString();
          return;
        }
        stored[static_cast<size_t>(t)] += report->stored;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  size_t total_stored = 0;
  for (size_t s : stored) total_stored += s;
  EXPECT_EQ(total_stored, static_cast<size_t>(kDocs));
  auto counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, static_cast<size_t>(kDocs));
  EXPECT_EQ(counts->events, expected_events);
}

// Differential: the aggregates (from the day_counts summary or from the
// events, by filter) against the same sums computed here from every event.
TEST_P(StoreTest, AggregatesAgreeWithTheEventsTheySum) {
  IngestCorpus();
  SyntheticCorpus synthetic({.seed = 3, .first_day = D(2023, 1, 1), .days = 400});
  std::vector<CodedDocument> docs;
  for (uint64_t n = 0; n < 300; ++n) docs.push_back(synthetic.Document(n));
  // A document and events without any date: in dyads and countries, never in a series.
  docs.push_back(MakeDocument("undated", Date{}, {"Somewhere, someone met someone."},
                              {{"FRAGOV", "FRA", "DEUGOV", "DEU", "040", "CONSULT", 1, 1.0, {}}}));
  docs.back().events[0].meta.event_date = Date{};
  ASSERT_TRUE(store_->Ingest(std::span(docs).first(150)).ok());  // two batches: counts add up
  ASSERT_TRUE(store_->Ingest(std::span(docs).subspan(150)).ok());
  auto all = store_->Events({}, 0);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->events.size(), 6u + 1u + [&] {
    size_t n = 0;
    for (size_t i = 0; i < 300; ++i) n += docs[i].events.size();
    return n;
  }());

  struct Case {
    const char* name;
    EventFilter filter;
    bool from_summary;
  };
  auto with = [](auto set) {
    EventFilter f;
    set(f);
    return f;
  };
  const std::vector<Case> cases = {
      {"everything", {}, true},
      {"one quarter", with([](EventFilter& f) { f.from = D(2023, 4, 1), f.to = D(2023, 6, 30); }), true},
      {"a country", with([](EventFilter& f) { f.country = "AFG"; }), true},
      {"a country in a year", with([](EventFilter& f) { f.country = "ALB", f.from = D(2023, 1, 1), f.to = D(2023, 12, 31); }),
       true},
      {"a country's conflict", with([](EventFilter& f) { f.country = "AFG", f.quad_class = 4; }), false},
      {"an actor", with([](EventFilter& f) { f.actor = "AFGGOV"; }), false},
  };
  auto row_date = [](const Event& e) { return e.meta.event_date.known() ? e.meta.event_date : e.date; };
  auto label = [](const std::string& country, const std::string& code) { return country.empty() ? code : country; };
  for (const auto& c : cases) {
    EXPECT_EQ(AnsweredFromDayCounts(c.filter), c.from_summary) << c.name;
    auto selected = store_->Events(c.filter, 0);
    ASSERT_TRUE(selected.ok()) << c.name;
    std::map<std::pair<std::string, std::string>, EventCounts> dyads;
    std::map<std::string, EventCounts> countries;
    std::map<std::string, EventCounts> weeks;
    auto add = [](EventCounts& to, const Event& e) {
      ++to.events;
      if (e.meta.quad_class >= 1) ++to.quad[static_cast<size_t>(e.meta.quad_class - 1)];
      to.goldstein += e.meta.goldstein;
    };
    for (const auto& stored : selected->events) {
      const Event& e = stored.event;
      add(dyads[{label(e.meta.source.country, e.source.code), label(e.meta.target.country, e.target.code)}], e);
      if (!e.meta.source.country.empty()) add(countries[e.meta.source.country], e);
      if (!e.meta.target.country.empty() && e.meta.target.country != e.meta.source.country)
        add(countries[e.meta.target.country], e);
      Date d = row_date(e);
      if (d.known()) add(weeks[DateOfDay(PeriodStart(DayNumber(d), Interval::kWeek)).ToIso()], e);
    }
    auto same = [&](const EventCounts& got, const EventCounts& want, const std::string& what) {
      EXPECT_EQ(got.events, want.events) << c.name << ": " << what;
      EXPECT_EQ(got.quad, want.quad) << c.name << ": " << what;
      EXPECT_NEAR(got.goldstein, want.goldstein, 1e-6) << c.name << ": " << what;
    };
    auto got_dyads = store_->Dyads(c.filter, 0);
    ASSERT_TRUE(got_dyads.ok()) << c.name << ": " << got_dyads.status().ToString();
    EXPECT_EQ(got_dyads->size(), dyads.size()) << c.name;
    for (const auto& d : *got_dyads) same(d.counts, dyads[{d.source, d.target}], d.source + ">" + d.target);
    auto got_countries = store_->Countries(c.filter);
    ASSERT_TRUE(got_countries.ok()) << c.name;
    EXPECT_EQ(got_countries->size(), countries.size()) << c.name;
    for (const auto& x : *got_countries) same(x.counts, countries[x.country], x.country);
    auto got_weeks = store_->TimeSeries(c.filter, Interval::kWeek);
    ASSERT_TRUE(got_weeks.ok()) << c.name;
    EXPECT_EQ(got_weeks->size(), weeks.size()) << c.name;
    for (const auto& p : *got_weeks) same(p.counts, weeks[p.period], p.period);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::Values("sqlite", "postgresql"), testing::EngineName);

TEST(StoreOpenTest, UrlFormsNameTheSameFile) {
  FreshStore fresh("sqlite");
  const std::string path = fresh.dir() + "/forms.db";
  for (const std::string& url : {path, "sqlite:" + path, "sqlite://" + path}) {
    auto store = Store::Open(url);
    ASSERT_TRUE(store.ok()) << url << ": " << store.status().ToString();
    EXPECT_STREQ((*store)->engine(), "sqlite");
    auto doc = MakeDocument("forms-" + std::to_string(url.size()), D(2024, 5, 1), {"One."}, {});
    ASSERT_TRUE((*store)->Ingest(std::span(&doc, 1)).ok()) << url;
  }
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok());
  auto counts = (*store)->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 3u);  // three URLs, one file
  EXPECT_EQ(Store::Open("").status().ToString(), "invalid argument: store URL is empty");
  EXPECT_EQ(Store::Open("sqlite:").status().ToString(), "invalid argument: store URL is empty");
}

TEST(StoreOpenTest, UnwritablePlaceFailsWithThePath) {
  auto store = Store::Open("sqlite:/nonexistent-dir/x/parley.db");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().ToString(),
            "I/O error: /nonexistent-dir/x/parley.db: cannot open: unable to open database file");
}

TEST(StoreOpenTest, FileThatIsNotADatabaseFails) {
  FreshStore fresh("sqlite");
  std::string path = fresh.dir() + "/not-a-db.txt";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("this is a text file, long enough to be looked at as a database header.........\n", f);
    std::fclose(f);
  }
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("file is not a database"), std::string::npos)
      << store.status().ToString();
}

TEST(StoreOpenTest, UnreachablePostgresFailsWithTheUrlWithoutPassword) {
  auto store = Store::Open("postgresql://parley:secret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().message().rfind("postgresql://parley:***@127.0.0.1:1/none?connect_timeout=2: cannot connect: ", 0),
            0u)
      << store.status().ToString();
}

TEST(IntervalTest, NamesRoundTripAndBadNamesSayWhat) {
  for (Interval i : {Interval::kDay, Interval::kWeek, Interval::kMonth}) {
    auto parsed = ParseInterval(IntervalName(i));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, i);
  }
  EXPECT_EQ(ParseInterval("year").status().ToString(), "invalid argument: interval 'year' is not day, week or month");
}

}  // namespace
}  // namespace parley::store

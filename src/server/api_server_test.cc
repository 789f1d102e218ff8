// The server in-process on an ephemeral loopback port, driven by real HTTP
// requests.
#include "server/api_server.h"

#include <sys/types.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <climits>
#include <cmath>
#include <functional>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <simdjson.h>

#include "io/format.h"
#include "pipeline/document_coder.h"
#include "tracker/negotiations.h"

namespace parley::server {
namespace {

namespace fs = std::filesystem;
namespace dom = simdjson::dom;

constexpr const char* kToken = "test-token-3f9a";
constexpr size_t kMaxBody = 256 * 1024;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ApiServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = CodingResources::Load("");
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    resources_ = std::move(loaded).value().release();
    web_ = new fs::path(fs::temp_directory_path() / ("parley_api_server_test_web_" + std::to_string(::getpid())));
    fs::create_directories(*web_ / "assets");
    std::ofstream(*web_ / "index.html") << "<!doctype html><title>Parley</title>";
    std::ofstream(*web_ / "assets" / "app.js") << "console.log(1);";
    std::ofstream(*web_ / "assets" / "style.css") << "body{}";
  }
  static void TearDownTestSuite() {
    delete resources_;
    resources_ = nullptr;
    fs::remove_all(*web_);
    delete web_;
  }

  void SetUp() override {
    db_ = fs::temp_directory_path() /
          ("parley_api_server_test_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    RemoveStore();
    auto opened = store::Store::Open(db_.string());
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.token = kToken;
    options.web_dir = web_->string();
    options.max_body = kMaxBody;
    options.threads = 8;
    Backend backend;
    backend.coder = &resources_->coder();
    backend.model = &resources_->model();
    backend.store = store_.get();
    server_ = std::make_unique<ApiServer>(options, backend);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(60, 0);
  }
  void TearDown() override {
    if (server_) {
      server_->Stop();
      thread_.join();
    }
    server_.reset();
    store_.reset();
    RemoveStore();
  }
  void RemoveStore() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db_.string() + suffix);
  }

  // The response, which must have arrived.
  httplib::Result Get(const std::string& path) {
    auto r = client_->Get(path);
    EXPECT_TRUE(r) << path << ": " << httplib::to_string(r.error());
    return r;
  }
  httplib::Result Post(const std::string& path, const std::string& body, const char* token = kToken) {
    httplib::Headers headers;
    if (token != nullptr) headers.emplace("Authorization", std::string("Bearer ") + token);
    auto r = client_->Post(path, headers, body, "application/x-ndjson");
    EXPECT_TRUE(r) << path << ": " << httplib::to_string(r.error());
    return r;
  }
  // The "error" member of an error response.
  static std::string ErrorOf(const httplib::Result& r) {
    dom::parser parser;
    dom::element root;
    if (parser.parse(r->body).get(root)) return "(not JSON: " + r->body + ")";
    std::string_view error;
    if (root["error"].get_string().get(error)) return "(no error member: " + r->body + ")";
    return std::string(error);
  }

  static CodingResources* resources_;
  static fs::path* web_;
  fs::path db_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

CodingResources* ApiServerTest::resources_ = nullptr;
fs::path* ApiServerTest::web_ = nullptr;

TEST_F(ApiServerTest, CodeReturnsEventsWithTheirSentences) {
  std::string body = ReadFile(PARLEY_SOURCE_DIR "/examples/sudan-talks-2025.jsonl");
  auto r = client_->Post("/api/code", body, "application/x-ndjson");  // no token needed
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  dom::parser parser;
  dom::element root = parser.parse(r->body);
  EXPECT_EQ(int64_t(root["documents_read"]), 3);
  EXPECT_EQ(dom::array(root["skipped"]).size(), 0u);
  dom::array events = root["events"];
  ASSERT_GT(events.size(), 5u);
  for (dom::element e : events) {
    std::string_view sentence = e["sentence_text"];
    std::string_view verb = e["event"]["text"];
    EXPECT_NE(sentence.find(verb), std::string_view::npos) << sentence << " / " << verb;
    EXPECT_EQ(std::string_view(e["doc_id"]).rfind("sudan-", 0), 0u);
  }
  // Labelled as a form (curl -d does that), the body is still read as documents.
  auto form = client_->Post("/api/code", body, "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  ASSERT_EQ(form->status, 200) << form->body;
  dom::parser form_parser;
  EXPECT_EQ(dom::array(form_parser.parse(form->body)["events"]).size(), events.size());
  // The same documents as a JSON array code the same.
  std::string array = "[";
  std::istringstream lines(body);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) array += (array.size() > 1 ? "," : "") + line;
  array += "]";
  auto again = client_->Post("/api/code", array, "application/json");
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 200);
  dom::parser parser2;
  EXPECT_EQ(dom::array(parser2.parse(again->body)["events"]).size(), events.size());
}

TEST_F(ApiServerTest, CodeReportsBadRecordsAndKeepsTheRest) {
  auto r = client_->Post("/api/code",
                         "{\"id\":\"ok\",\"date\":\"2024-08-15\",\"text\":\"Egypt urged Israel to accept "
                         "the ceasefire proposal.\"}\n{\"id\":\"bad\",\"date\":\"2024-13-01\",\"text\":\"x\"}\n",
                         "application/x-ndjson");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  dom::parser parser;
  dom::element root = parser.parse(r->body);
  EXPECT_EQ(int64_t(root["documents_read"]), 1);
  dom::array skipped = root["skipped"];
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(std::string_view(skipped.at(0)["id"]), "request:2");
  EXPECT_EQ(std::string_view(skipped.at(0)["reason"]), "\"date\" 2024-13-01 does not exist");
}

struct ErrorCase {
  const char* method;
  const char* path;
  const char* body;
  int status;
  const char* error;
};

TEST_F(ApiServerTest, ErrorsAreJsonWithAClearMessage) {
  const ErrorCase cases[] = {
      /*1*/ {"GET", "/api/events?from=2024-13-01", "", 400, "from: not a date: 2024-13-01"},
      /*2*/ {"GET", "/api/events?limit=5000", "", 400, "limit: must be 1..1000, got 5000"},
      /*3*/ {"GET", "/api/events?bbox=1,2", "", 400, "bbox: want minlon,minlat,maxlon,maxlat, got 1,2"},
      /*4*/ {"GET", "/api/timeseries?source=ISR", "", 400,
             "source and target: give both (a dyad), or use country= or actor="},
      /*5*/ {"GET", "/api/timeseries?country=SDN&interval=hour", "", 400,
             "interval: want day, week or month, got hour"},
      /*6*/ {"GET", "/api/dyads?limit=0", "", 400, "limit: must be 1..1000, got 0"},
      /*7*/ {"GET", "/api/countries?to=2024-02-30", "", 400, "to: not a date: 2024-02-30"},
      /*8*/ {"GET", "/api/nothing", "", 404, "no such route: /api/nothing"},
      /*9*/ {"GET", "/assets/missing.js", "", 404, "no such route: /assets/missing.js"},
      /*10*/ {"GET", "/assets/../../etc/passwd", "", 404, "no such route: /assets/../../etc/passwd"},
      /*11*/ {"DELETE", "/api/events", "", 405, "DELETE /api/events: method not allowed (allowed: GET)"},
      /*12*/ {"GET", "/api/documents", "", 405, "GET /api/documents: method not allowed (allowed: POST)"},
      /*13*/ {"PUT", "/api/code", "x", 405, "PUT /api/code: method not allowed (allowed: POST)"},
      /*14*/ {"POST", "/api/code", "", 400, "empty body: send JSON Lines documents or a JSON array of them"},
      /*15*/ {"POST", "/api/code", "[{\"id\":1", 400,
              "body is not a valid JSON array: The JSON document has an improper structure: missing or "
              "superfluous commas, braces, missing keys, etc."},
      /*16*/ {"POST", "/api/code?store=1", "{}", 400, "this route takes no parameters"},
  };
  int n = 0;
  for (const auto& c : cases) {
    ++n;
    std::string method = c.method;
    httplib::Result r = method == "GET"      ? client_->Get(c.path)
                        : method == "DELETE" ? client_->Delete(c.path)
                        : method == "PUT"    ? client_->Put(c.path, c.body, "text/plain")
                                             : client_->Post(c.path, c.body, "application/json");
    ASSERT_TRUE(r) << "case " << n;
    EXPECT_EQ(r->status, c.status) << "case " << n << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json") << "case " << n;
    EXPECT_EQ(ErrorOf(r), c.error) << "case " << n;
  }
  auto r = client_->Delete("/api/events");
  EXPECT_EQ(r->get_header_value("Allow"), "GET");
}

TEST_F(ApiServerTest, WritesNeedTheToken) {
  const std::string doc = "{\"id\":\"t1\",\"text\":\"Egypt urged Israel to accept the proposal.\"}\n";
  auto none = Post("/api/documents", doc, nullptr);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(ErrorOf(none), "missing Authorization: Bearer <token>");
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
  auto wrong = Post("/api/documents", doc, "test-token-3f9b");
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(ErrorOf(wrong), "wrong token");
  auto shorter = Post("/api/documents", doc, "test");
  EXPECT_EQ(shorter->status, 401);
  httplib::Headers basic = {{"Authorization", std::string("Basic ") + kToken}};
  auto scheme = client_->Post("/api/documents", basic, doc, "application/x-ndjson");
  EXPECT_EQ(scheme->status, 401);
}

TEST_F(ApiServerTest, BodiesOverTheLimitGet413) {
  std::string big = "{\"id\":\"big\",\"text\":\"" + std::string(kMaxBody, 'a') + "\"}\n";
  for (const char* path : {"/api/code", "/api/documents"}) {
    auto r = Post(path, big);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413) << path;
    EXPECT_EQ(ErrorOf(r), "request body too large: the limit is 262144 bytes") << path;
  }
  // Just under the limit is read (and coded).
  std::string fits = "{\"id\":\"fits\",\"text\":\"" + std::string(kMaxBody - 40, 'a') + "\"}\n";
  ASSERT_LE(fits.size(), kMaxBody);
  auto r = Post("/api/code", fits);
  EXPECT_EQ(r->status, 200) << r->body.substr(0, 200);
}

TEST_F(ApiServerTest, ServesTheDashboard) {
  auto index = Get("/");
  ASSERT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>Parley</title>");
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  auto js = Get("/assets/app.js");
  ASSERT_EQ(js->status, 200);
  EXPECT_EQ(js->body, "console.log(1);");
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->get_header_value("X-Content-Type-Options"), "nosniff");
  auto css = Get("/assets/style.css");
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  auto file = Get("/index.html");
  EXPECT_EQ(file->status, 200);
}

std::string Str(dom::element v) { return std::string(std::string_view(v)); }

// One event's identity across /api/code and /api/events.
std::string Key(dom::element e) {
  return std::string(std::string_view(e["doc_id"])) + "|" + std::to_string(int64_t(e["sentence"])) + "|" +
         std::string(std::string_view(e["source"]["code"])) + "|" +
         std::string(std::string_view(e["target"]["code"])) + "|" +
         std::string(std::string_view(e["event"]["code"]));
}

TEST_F(ApiServerTest, IngestThenQueryTheExample) {
  std::string body = ReadFile(PARLEY_SOURCE_DIR "/examples/sudan-talks-2025.jsonl");
  auto coded = Post("/api/code", body);
  ASSERT_EQ(coded->status, 200);
  dom::parser code_parser;
  dom::array coded_events = code_parser.parse(coded->body)["events"];
  std::multiset<std::string> expected;
  for (dom::element e : coded_events) expected.insert(Key(e));

  auto empty = Get("/api/health");
  ASSERT_EQ(empty->status, 200);
  EXPECT_EQ(empty->body, "{\"status\":\"ok\",\"store\":\"sqlite\",\"documents\":0,\"events\":0}");

  auto ingest = Post("/api/documents", body);
  ASSERT_EQ(ingest->status, 200) << ingest->body;
  EXPECT_EQ(ingest->body, "{\"documents_read\":3,\"stored\":3,\"already_stored\":0,\"skipped\":[],\"events\":" +
                              std::to_string(expected.size()) + "}");
  // Idempotent: the same documents again add nothing.
  auto again = Post("/api/documents", body);
  ASSERT_EQ(again->status, 200);
  EXPECT_EQ(again->body, "{\"documents_read\":3,\"stored\":0,\"already_stored\":3,\"skipped\":[],\"events\":0}");
  auto health = Get("/api/health");
  EXPECT_EQ(health->body, "{\"status\":\"ok\",\"store\":\"sqlite\",\"documents\":3,\"events\":" +
                              std::to_string(expected.size()) + "}");

  // Every coded event is stored once, with its sentence.
  auto all = Get("/api/events?limit=1000");
  ASSERT_EQ(all->status, 200) << all->body;
  dom::parser parser;
  dom::element page = parser.parse(all->body);
  EXPECT_EQ(size_t(int64_t(page["total"])), expected.size());
  std::multiset<std::string> stored;
  std::string previous_date = "9999-99-99";
  for (dom::element e : dom::array(page["events"])) {
    stored.insert(Key(e));
    EXPECT_FALSE(std::string_view(e["id"]).empty());
    std::string_view sentence = e["sentence_text"];
    EXPECT_NE(sentence.find(std::string_view(e["event"]["text"])), std::string_view::npos) << sentence;
    std::string date = Str(e["event_date"]);
    EXPECT_LE(date, previous_date) << "newest first";
    previous_date = date;
  }
  EXPECT_EQ(stored, expected);

  // Filters, each checked against the full list.
  struct FilterCase {
    std::string query;
    std::function<bool(dom::element)> keeps;
  };
  auto side_country = [](dom::element e, std::string_view c) {
    return std::string_view(e["source"]["country"]) == c || std::string_view(e["target"]["country"]) == c;
  };
  auto starts = [](dom::element v, std::string_view prefix) {
    return std::string_view(v).substr(0, prefix.size()) == prefix;
  };
  const FilterCase filters[] = {
      {"country=ARE", [&](dom::element e) { return side_country(e, "ARE"); }},
      {"actor=SDNREB", [&](dom::element e) {
         return starts(e["source"]["code"], "SDNREB") || starts(e["target"]["code"], "SDNREB");
       }},
      {"source=SDNGOV&target=ARE", [&](dom::element e) {
         return starts(e["source"]["code"], "SDNGOV") && starts(e["target"]["code"], "ARE");
       }},
      {"code=12", [&](dom::element e) { return starts(e["event"]["code"], "12"); }},
      {"root=11", [&](dom::element e) { return std::string_view(e["root"]) == "11"; }},
      {"quad=4", [&](dom::element e) { return int64_t(e["quad_class"]) == 4; }},
      {"plover=ACCUSE", [&](dom::element e) { return std::string_view(e["plover"]["type"]) == "ACCUSE"; }},
      {"from=2025-01-01&to=2025-06-30", [&](dom::element e) {
         std::string_view d = e["event_date"];
         return d >= "2025-01-01" && d <= "2025-06-30";
       }},
  };
  for (const auto& f : filters) {
    size_t want = 0;
    for (dom::element e : dom::array(page["events"])) want += f.keeps(e);
    auto r = Get("/api/events?limit=1000&" + f.query);
    ASSERT_EQ(r->status, 200) << f.query << ": " << r->body;
    dom::parser p;
    dom::element got = p.parse(r->body);
    EXPECT_EQ(size_t(int64_t(got["total"])), want) << f.query;
    EXPECT_GT(want, 0u) << f.query << " should match something in the example";
    for (dom::element e : dom::array(got["events"])) EXPECT_TRUE(f.keeps(e)) << f.query << ": " << Key(e);
  }

  // Text search finds the sentence with the words.
  auto text = Get("/api/events?q=truce%20proposal");
  ASSERT_EQ(text->status, 200) << text->body;
  dom::parser tp;
  dom::element found = tp.parse(text->body);
  EXPECT_GT(int64_t(found["total"]), 0);
  for (dom::element e : dom::array(found["events"])) {
    std::string sentence = Str(e["sentence_text"]);
    EXPECT_NE(sentence.find("truce proposal"), std::string::npos) << sentence;
  }

  // Pages of 2 put together are the whole list.
  std::vector<std::string> paged;
  for (size_t offset = 0; offset < expected.size(); offset += 2) {
    auto r = Get("/api/events?limit=2&offset=" + std::to_string(offset));
    dom::parser p;
    for (dom::element e : dom::array(p.parse(r->body)["events"])) {
      paged.push_back(Str(e["id"]));
    }
  }
  std::vector<std::string> whole;
  for (dom::element e : dom::array(page["events"])) whole.push_back(Str(e["id"]));
  EXPECT_EQ(paged, whole);
}

TEST_F(ApiServerTest, AggregatesAddUpToTheEvents) {
  auto ingest = Post("/api/documents", ReadFile(PARLEY_SOURCE_DIR "/examples/sudan-talks-2025.jsonl"));
  ASSERT_EQ(ingest->status, 200) << ingest->body;
  dom::parser ep;
  dom::element events = ep.parse(Get("/api/events?country=SDN&limit=1000")->body);
  int64_t sdn_events = events["total"];
  ASSERT_GT(sdn_events, 0);

  for (const char* interval : {"day", "week", "month"}) {
    auto r = Get(std::string("/api/timeseries?country=SDN&interval=") + interval);
    ASSERT_EQ(r->status, 200) << r->body;
    dom::parser p;
    dom::element series = p.parse(r->body);
    EXPECT_EQ(std::string_view(series["interval"]), interval);
    int64_t sum = 0;
    std::string previous;
    for (dom::element point : dom::array(series["series"])) {
      std::string period = Str(point["period"]);
      EXPECT_LT(previous, period) << "oldest first";
      previous = period;
      int64_t n = point["events"], quads = 0;
      for (dom::element q : dom::array(point["quad"])) quads += int64_t(q);
      double goldstein = point["goldstein"];
      EXPECT_EQ(goldstein, std::round(goldstein * 1000) / 1000) << "sums are rounded: " << goldstein;
      EXPECT_EQ(quads, n) << period;
      sum += n;
      if (std::string_view(interval) == "month") {
        EXPECT_EQ(period.substr(8), "01");
      }
    }
    EXPECT_EQ(sum, sdn_events) << interval;
  }

  // A dyad's series counts that dyad's events.
  dom::parser dp;
  dom::element dyad_events = dp.parse(Get("/api/events?source=SDNGOV&target=ARE")->body);
  dom::parser sp;
  dom::element dyad_series = sp.parse(Get("/api/timeseries?source=SDNGOV&target=ARE&interval=month")->body);
  int64_t dyad_sum = 0;
  for (dom::element point : dom::array(dyad_series["series"])) dyad_sum += int64_t(point["events"]);
  EXPECT_EQ(dyad_sum, int64_t(dyad_events["total"]));
  EXPECT_GT(dyad_sum, 0);

  dom::parser allp;
  int64_t total = allp.parse(Get("/api/events")->body)["total"];
  auto dyads = Get("/api/dyads?limit=1000");
  ASSERT_EQ(dyads->status, 200) << dyads->body;
  dom::parser p;
  int64_t dyad_total = 0, previous = INT64_MAX;
  bool saw_sdn_are = false;
  for (dom::element d : dom::array(p.parse(dyads->body)["dyads"])) {
    int64_t n = d["events"];
    EXPECT_LE(n, previous) << "most events first";
    previous = n;
    dyad_total += n;
    if (std::string_view(d["source"]) == "SDN" && std::string_view(d["target"]) == "ARE") saw_sdn_are = true;
  }
  EXPECT_EQ(dyad_total, total);
  EXPECT_TRUE(saw_sdn_are) << dyads->body;
  auto top = Get("/api/dyads?limit=1");
  dom::parser tp;
  EXPECT_EQ(dom::array(tp.parse(top->body)["dyads"]).size(), 1u);

  auto countries = Get("/api/countries");
  ASSERT_EQ(countries->status, 200) << countries->body;
  dom::parser cp;
  bool saw_sdn = false;
  for (dom::element c : dom::array(cp.parse(countries->body)["countries"])) {
    if (std::string_view(c["country"]) == "SDN") {
      saw_sdn = true;
      EXPECT_EQ(int64_t(c["events"]), sdn_events);
    }
  }
  EXPECT_TRUE(saw_sdn);
  // A date range before the example leaves nothing.
  auto none = Get("/api/countries?from=2000-01-01&to=2000-12-31");
  EXPECT_EQ(none->body, "{\"countries\":[]}");
}

TEST_F(ApiServerTest, IngestReportsBadRecordsAndStoresTheRest) {
  auto r = Post("/api/documents",
                "[{\"id\":\"good\",\"date\":\"2024-08-15\",\"text\":\"Egypt urged Israel to accept the ceasefire proposal.\"},"
                "{\"id\":\"nodate\",\"date\":\"2024-02-30\",\"text\":\"x\"},"
                "{\"text\":\"no id\"}]");
  ASSERT_EQ(r->status, 200) << r->body;
  dom::parser p;
  dom::element report = p.parse(r->body);
  EXPECT_EQ(int64_t(report["documents_read"]), 1);
  EXPECT_EQ(int64_t(report["stored"]), 1);
  dom::array skipped = report["skipped"];
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_EQ(std::string_view(skipped.at(0)["id"]), "request:2");
  EXPECT_EQ(std::string_view(skipped.at(0)["reason"]), "\"date\" 2024-02-30 does not exist");
  EXPECT_EQ(std::string_view(skipped.at(1)["id"]), "request:3");
  EXPECT_EQ(std::string_view(skipped.at(1)["reason"]), "missing \"id\"");
  dom::parser hp;
  EXPECT_EQ(int64_t(hp.parse(Get("/api/health")->body)["documents"]), 1);
}

TEST_F(ApiServerTest, ConcurrentIngestsStoreEachDocumentOnce) {
  const std::string body = ReadFile(PARLEY_SOURCE_DIR "/examples/sudan-talks-2025.jsonl");
  constexpr int kClients = 6;
  std::vector<std::string> replies(kClients);
  std::vector<int> statuses(kClients, 0);
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", server_->port());
      client.set_read_timeout(120, 0);
      auto r = client.Post("/api/documents", {{"Authorization", std::string("Bearer ") + kToken}}, body,
                           "application/x-ndjson");
      if (r) {
        statuses[c] = r->status;
        replies[c] = r->body;
      }
      // Readers at the same time.
      auto events = client.Get("/api/events?limit=5");
      if (!events || events->status != 200) statuses[c] = -1;
    });
  }
  for (auto& t : clients) t.join();
  int64_t stored = 0, already = 0;
  for (int c = 0; c < kClients; ++c) {
    ASSERT_EQ(statuses[c], 200) << replies[c];
    dom::parser p;
    dom::element report = p.parse(replies[c]);
    stored += int64_t(report["stored"]);
    already += int64_t(report["already_stored"]);
  }
  EXPECT_EQ(stored, 3);
  EXPECT_EQ(already, 3 * kClients - 3);
  dom::parser hp;
  EXPECT_EQ(int64_t(hp.parse(Get("/api/health")->body)["documents"]), 3);
  dom::parser np;
  EXPECT_GT(dom::array(np.parse(Get("/api/negotiations")->body)["negotiations"]).size(), 0u);
}

TEST_F(ApiServerTest, NegotiationsFollowTheIngestedDocuments) {
  auto none = Get("/api/negotiations");
  ASSERT_EQ(none->status, 200);
  EXPECT_EQ(none->body, "{\"negotiations\":[]}");

  // The tracker run directly on the same documents, as `parley negotiations` does.
  const std::string file = PARLEY_SOURCE_DIR "/examples/gaza-ceasefire-2025.jsonl";
  pipeline::DocumentCoder coder(resources_->coder(), resources_->model());
  std::vector<Document> docs;
  std::vector<Event> events;
  io::ReadSummary summary;
  ASSERT_TRUE(io::ReadDocuments(file, std::nullopt,
                                [&](Document&& d) {
                                  ASSERT_TRUE(coder.Code(d, events).ok());
                                  docs.push_back(std::move(d));
                                },
                                summary)
                  .ok());
  tracker::TrackerOptions options;
  options.lexicon = &resources_->coder().lexicon();
  std::vector<tracker::Negotiation> direct = tracker::TrackNegotiations(docs, events, options);
  ASSERT_FALSE(direct.empty());

  // Ingested in two batches: the second changes the negotiations.
  std::string body = ReadFile(file);
  size_t half = body.find('\n', body.size() / 2) + 1;
  auto first = Post("/api/documents", body.substr(0, half));
  ASSERT_EQ(first->status, 200) << first->body;
  dom::parser fp;
  int64_t after_first = dom::array(fp.parse(Get("/api/negotiations")->body)["negotiations"]).size();
  EXPECT_GT(after_first, 0);
  auto second = Post("/api/documents", body.substr(half));
  ASSERT_EQ(second->status, 200) << second->body;
  EXPECT_EQ(second->body.find("negotiations_error"), std::string::npos) << second->body;

  auto list = Get("/api/negotiations");
  ASSERT_EQ(list->status, 200);
  dom::parser lp;
  dom::array listed = lp.parse(list->body)["negotiations"];
  ASSERT_EQ(listed.size(), direct.size()) << list->body;
  size_t i = 0;
  for (dom::element n : listed) {
    const tracker::Negotiation& want = direct[i++];
    std::string summary_json;
    tracker::AppendNegotiationSummaryJson(want, summary_json);
    EXPECT_EQ(simdjson::minify(n), summary_json);

    auto one = Get("/api/negotiations/" + want.id);
    ASSERT_EQ(one->status, 200);
    dom::parser op;
    dom::element full = op.parse(one->body);
    EXPECT_EQ(Str(full["id"]), want.id);
    EXPECT_EQ(Str(full["state"]), tracker::StateName(want.state));
    dom::array timeline = full["timeline"];
    ASSERT_EQ(timeline.size(), want.timeline.size()) << want.id;
    size_t k = 0;
    for (dom::element step : timeline) {
      const tracker::Step& s = want.timeline[k++];
      EXPECT_EQ(Str(step["kind"]), tracker::StepKindName(s.kind));
      EXPECT_EQ(Str(step["evidence"]["doc_id"]), s.evidence.doc_id);
      EXPECT_EQ(Str(step["evidence"]["text"]), s.evidence.text);
    }
    EXPECT_EQ(dom::array(full["terms"]).size(), want.terms.size()) << want.id;
  }
  auto missing = Get("/api/negotiations/NOPE-XYZ");
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(ErrorOf(missing), "no negotiation with id 'NOPE-XYZ'");
}

}  // namespace
}  // namespace parley::server

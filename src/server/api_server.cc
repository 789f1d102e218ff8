#include "server/api_server.h"

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iterator>
#include <mutex>
#include <regex>
#include <string_view>
#include <thread>
#include <utility>

#include <fmt/format.h>
#include <httplib.h>

#include "io/read_summary.h"
#include "pipeline/document_coder.h"
#include "server/documents_body.h"
#include "server/json_writer.h"
#include "server/negotiation_refresh.h"
#include "server/params.h"
#include "server/static_files.h"

namespace parley::server {
namespace {

constexpr const char* kJson = "application/json";

void SendJson(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), kJson);
}

void SendError(httplib::Response& res, int status, std::string_view message) {
  SendJson(res, status, ErrorJson(message));
}

// 400 for a bad request parameter or body, 500 for anything else.
void SendStatus(httplib::Response& res, const Status& status) {
  bool client = status.code() == ErrorCode::kInvalidArgument || status.code() == ErrorCode::kParseError;
  SendError(res, client ? 400 : 500, status.message());
}

const char* ReasonFor(int status) {
  switch (status) {
    case 400: return "bad request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "no such route";
    case 405: return "method not allowed";
    case 414: return "request URI too long";
    case 416: return "range not satisfiable";
    default: return status >= 500 ? "internal server error" : "request failed";
  }
}

// Whether the URL has a query string. (Request::params also holds the fields
// of a form-encoded body, which is what curl -d labels any body as.)
bool HasQuery(const httplib::Request& req) { return req.target.find('?') != std::string::npos; }

// Compares without an early exit, so the time taken says nothing about how
// much of the token matched (only whether the length did).
bool SameToken(std::string_view given, std::string_view expected) {
  if (given.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < given.size(); ++i)
    diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
  return diff == 0;
}

// An OpenAPI path ("/api/negotiations/{id}") as the regex the HTTP library
// matches: each {name} one path segment; {path} the rest of the path.
std::string PatternFor(const std::string& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      size_t close = path.find('}', i);
      out += path.compare(i, close - i + 1, "{path}") == 0 ? "(.+)" : "([^/]+)";
      i = close;
    } else if (path[i] == '.') {
      out += "\\.";
    } else {
      out += path[i];
    }
  }
  return out;
}

// "key": [rows], each row an object with the fields `name_row` writes, then
// "events", "quad" and "goldstein", as every aggregate route has them.
template <typename Row, typename NameRow>
void AppendCountRows(std::string_view key, const std::vector<Row>& rows, JsonWriter& out, NameRow name_row) {
  out.Key(key).BeginArray();
  for (const Row& row : rows) {
    out.BeginObject();
    name_row(row, out);
    out.Field("events", row.counts.events).Key("quad").BeginArray();
    for (size_t n : row.counts.quad) out.Int(static_cast<int64_t>(n));
    // Weights have one decimal; rounding the sum hides the binary noise of
    // adding them (6.899999999999999 → 6.9); + 0.0 turns -0 into 0.
    out.EndArray().Field("goldstein", std::round(row.counts.goldstein * 1000) / 1000 + 0.0).EndObject();
  }
  out.EndArray();
}

}  // namespace

struct ApiServer::Impl {
  using Handler = void (Impl::*)(const httplib::Request&, httplib::Response&);
  struct Route {
    const char* method;
    const char* path;  // as in docs/openapi.yaml
    Handler handler;
  };
  static const std::vector<Route>& Table();

  ServerOptions options;
  Backend backend;
  httplib::Server http;
  std::mutex mu;
  int bound_port = 0;
  int listen_fd = -1;
  std::atomic<bool> running{false};   // inside Run()
  std::atomic<bool> stopping{false};  // Stop() was called

  std::unique_ptr<NegotiationRefresher> refresher;

  Impl(ServerOptions o, const Backend& b)
      : options(std::move(o)),
        backend(b),
        refresher(std::make_unique<NegotiationRefresher>(*b.store, *b.coder, *b.model)) {}

  void Register();
  bool CheckToken(const httplib::Request& req, httplib::Response& res) const;
  void NoRoute(const httplib::Request& req, httplib::Response& res) const;

  void Health(const httplib::Request& req, httplib::Response& res);
  void Code(const httplib::Request& req, httplib::Response& res);
  void Documents(const httplib::Request& req, httplib::Response& res);
  void Events(const httplib::Request& req, httplib::Response& res);
  void Timeseries(const httplib::Request& req, httplib::Response& res);
  void Dyads(const httplib::Request& req, httplib::Response& res);
  void Countries(const httplib::Request& req, httplib::Response& res);
  void Negotiations(const httplib::Request& req, httplib::Response& res);
  void Negotiation(const httplib::Request& req, httplib::Response& res);
  void StaticFile(const httplib::Request& req, httplib::Response& res);
};

const std::vector<ApiServer::Impl::Route>& ApiServer::Impl::Table() {
  static const std::vector<Route> routes = {
      {"GET", "/api/health", &Impl::Health},
      {"POST", "/api/documents", &Impl::Documents},
      {"POST", "/api/code", &Impl::Code},
      {"GET", "/api/events", &Impl::Events},
      {"GET", "/api/timeseries", &Impl::Timeseries},
      {"GET", "/api/dyads", &Impl::Dyads},
      {"GET", "/api/countries", &Impl::Countries},
      {"GET", "/api/negotiations", &Impl::Negotiations},
      {"GET", "/api/negotiations/{id}", &Impl::Negotiation},
      {"GET", "/", &Impl::StaticFile},
      {"GET", "/assets/{path}", &Impl::StaticFile},
      {"GET", "/{file}", &Impl::StaticFile},
  };
  return routes;
}

void ApiServer::Impl::Register() {
  for (const Route& route : Table()) {
    auto handler = [this, h = route.handler](const httplib::Request& req, httplib::Response& res) {
      (this->*h)(req, res);
    };
    std::string pattern = PatternFor(route.path);
    if (std::string_view(route.method) == "GET") http.Get(pattern, handler);
    else http.Post(pattern, handler);
  }
  // Whatever no route took: 405 when the path exists under another method,
  // else 404. Registered last, so only unmatched requests get here.
  auto fallback = [this](const httplib::Request& req, httplib::Response& res) { NoRoute(req, res); };
  http.Get(".*", fallback);
  http.Post(".*", fallback);
  http.Put(".*", fallback);
  http.Patch(".*", fallback);
  http.Delete(".*", fallback);
  http.Options(".*", fallback);

  // Errors the library raises itself (413 over --max-body, 400 for a
  // malformed request) get the same {"error": ...} body as the handlers'.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [max_body = options.max_body](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string message = res.status == 413
                                  ? fmt::format("request body too large: the limit is {} bytes", max_body)
                                  : ReasonFor(res.status);
        res.set_content(ErrorJson(message), kJson);
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendError(res, 500, "internal server error");
  });
}

void ApiServer::Impl::NoRoute(const httplib::Request& req, httplib::Response& res) const {
  std::string allowed;
  for (const Route& route : Table()) {
    if (std::regex_match(req.path, std::regex(PatternFor(route.path))) &&
        allowed.find(route.method) == std::string::npos)
      allowed += (allowed.empty() ? "" : ", ") + std::string(route.method);
  }
  if (allowed.empty()) return SendError(res, 404, "no such route: " + req.path);
  res.set_header("Allow", allowed);
  SendError(res, 405, fmt::format("{} {}: method not allowed (allowed: {})", req.method, req.path, allowed));
}

bool ApiServer::Impl::CheckToken(const httplib::Request& req, httplib::Response& res) const {
  if (options.token.empty()) {
    SendError(res, 403, "writes are disabled: start parley serve with --token or $PARLEY_TOKEN");
    return false;
  }
  std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.empty()) {
    res.set_header("WWW-Authenticate", "Bearer");
    SendError(res, 401, "missing Authorization: Bearer <token>");
    return false;
  }
  if (header.compare(0, kBearer.size(), kBearer) != 0 ||
      !SameToken(std::string_view(header).substr(kBearer.size()), options.token)) {
    res.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    SendError(res, 401, "wrong token");
    return false;
  }
  return true;
}

void ApiServer::Impl::Code(const httplib::Request& req, httplib::Response& res) {
  if (HasQuery(req)) return SendError(res, 400, "this route takes no parameters");
  pipeline::DocumentCoder document_coder(*backend.coder, *backend.model);
  document_coder.set_parse_only_event_sentences(true);  // answers with events and their text only
  io::ReadSummary summary;
  std::vector<io::SkippedRecord> failed;
  JsonWriter events;
  events.BeginArray();
  std::vector<Event> coded;
  Status read = ReadDocumentsBody(
      req.body,
      [&](Document&& doc) {
        coded.clear();
        Status s = document_coder.Code(doc, coded);
        if (!s.ok()) {
          failed.push_back({doc.id, "cannot code: " + s.message()});
          return;
        }
        for (const Event& e : coded) AppendEventWithSentence(e, SentenceText(doc, e), events);
      },
      summary);
  if (!read.ok()) return SendStatus(res, read);
  events.EndArray();
  summary.skipped.insert(summary.skipped.end(), failed.begin(), failed.end());
  JsonWriter out;
  out.BeginObject().Key("events").Raw(events.str());
  out.Field("documents_read", summary.documents).Key("skipped").BeginArray();
  for (const auto& s : summary.skipped) out.BeginObject().Field("id", s.where).Field("reason", s.reason).EndObject();
  out.EndArray().EndObject();
  SendJson(res, 200, out.Take());
}

void ApiServer::Impl::StaticFile(const httplib::Request& req, httplib::Response& res) {
  auto file = ResolveStaticFile(options.web_dir, req.path);
  if (!file.ok()) {
    if (file.status().code() == ErrorCode::kNotFound && req.path == "/")
      return SendError(res, 404, fmt::format("no dashboard in {}: build it with scripts/build-web.sh",
                                             options.web_dir));
    return SendError(res, 404, "no such route: " + req.path);
  }
  std::ifstream in(*file, std::ios::binary);
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return SendError(res, 500, "cannot read " + req.path);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", req.path.rfind("/assets/", 0) == 0 ? "public, max-age=3600" : "no-cache");
  res.set_content(std::move(body), std::string(ContentTypeFor(file->filename().string())));
}

void ApiServer::Impl::Health(const httplib::Request& req, httplib::Response& res) {
  if (HasQuery(req)) return SendError(res, 400, "this route takes no parameters");
  auto counts = backend.store->Counts();
  if (!counts.ok()) return SendError(res, 503, "store unavailable: " + counts.status().message());
  JsonWriter out;
  out.BeginObject()
      .Field("status", "ok")
      .Field("store", backend.store->engine())
      .Field("documents", counts->documents)
      .Field("events", counts->events)
      .EndObject();
  SendJson(res, 200, out.Take());
}

void ApiServer::Impl::Documents(const httplib::Request& req, httplib::Response& res) {
  if (!CheckToken(req, res)) return;
  if (HasQuery(req)) return SendError(res, 400, "this route takes no parameters");
  pipeline::DocumentCoder document_coder(*backend.coder, *backend.model);
  io::ReadSummary summary;
  std::vector<io::SkippedRecord> failed;
  std::vector<store::CodedDocument> batch;
  Status read = ReadDocumentsBody(
      req.body,
      [&](Document&& doc) {
        store::CodedDocument coded;
        Status s = document_coder.Code(doc, coded.events);
        if (!s.ok()) {
          failed.push_back({doc.id, "cannot code: " + s.message()});
          return;
        }
        coded.document = std::move(doc);
        batch.push_back(std::move(coded));
      },
      summary);
  if (!read.ok()) return SendStatus(res, read);
  auto report = backend.store->Ingest(batch);
  if (!report.ok()) return SendError(res, 500, "nothing stored: " + report.status().message());
  // New documents can change any negotiation; the documents are stored
  // whatever the tracker says, so its failure is reported, not a 500.
  Status tracked;
  if (report->stored > 0) {
    auto refreshed = refresher->Refresh();
    if (!refreshed.ok()) tracked = refreshed.status();
  }
  JsonWriter out;
  out.BeginObject()
      .Field("documents_read", summary.documents)
      .Field("stored", report->stored)
      .Field("already_stored", report->already_stored)
      .Key("skipped")
      .BeginArray();
  for (const auto* list : {&summary.skipped, &failed, &report->skipped})
    for (const auto& s : *list) out.BeginObject().Field("id", s.where).Field("reason", s.reason).EndObject();
  out.EndArray().Field("events", report->events);
  if (!tracked.ok()) out.Field("negotiations_error", tracked.message());
  SendJson(res, 200, out.EndObject().Take());
}

void ApiServer::Impl::Events(const httplib::Request& req, httplib::Response& res) {
  auto request = ParseEventsRequest(req.params);
  if (!request.ok()) return SendStatus(res, request.status());
  auto page = backend.store->Events(request->filter, static_cast<size_t>(request->limit),
                                    static_cast<size_t>(request->offset));
  if (!page.ok()) return SendStatus(res, page.status());
  JsonWriter out;
  out.BeginObject().Field("total", page->total).Key("events").BeginArray();
  for (const store::StoredEvent& e : page->events) AppendStoredEvent(e, out);
  out.EndArray().EndObject();
  SendJson(res, 200, out.Take());
}

void ApiServer::Impl::Timeseries(const httplib::Request& req, httplib::Response& res) {
  auto request = ParseSeriesRequest(req.params);
  if (!request.ok()) return SendStatus(res, request.status());
  auto series = backend.store->TimeSeries(request->filter, request->interval);
  if (!series.ok()) return SendStatus(res, series.status());
  JsonWriter out;
  out.BeginObject().Field("interval", store::IntervalName(request->interval));
  AppendCountRows("series", *series, out, [](const store::SeriesPoint& p, JsonWriter& w) {
    w.Field("period", p.period);
  });
  SendJson(res, 200, out.EndObject().Take());
}

void ApiServer::Impl::Dyads(const httplib::Request& req, httplib::Response& res) {
  auto request = ParseDyadsRequest(req.params);
  if (!request.ok()) return SendStatus(res, request.status());
  auto dyads = backend.store->Dyads(request->filter, static_cast<size_t>(request->limit));
  if (!dyads.ok()) return SendStatus(res, dyads.status());
  JsonWriter out;
  out.BeginObject();
  AppendCountRows("dyads", *dyads, out, [](const store::DyadCounts& d, JsonWriter& w) {
    w.Field("source", d.source).Field("target", d.target);
  });
  SendJson(res, 200, out.EndObject().Take());
}

void ApiServer::Impl::Countries(const httplib::Request& req, httplib::Response& res) {
  auto request = ParseCountriesRequest(req.params);
  if (!request.ok()) return SendStatus(res, request.status());
  auto countries = backend.store->Countries(request->filter);
  if (!countries.ok()) return SendStatus(res, countries.status());
  JsonWriter out;
  out.BeginObject();
  AppendCountRows("countries", *countries, out, [](const store::CountryCounts& c, JsonWriter& w) {
    w.Field("country", c.country);
  });
  SendJson(res, 200, out.EndObject().Take());
}

void ApiServer::Impl::Negotiations(const httplib::Request& req, httplib::Response& res) {
  if (HasQuery(req)) return SendError(res, 400, "this route takes no parameters");
  auto stored = backend.store->Negotiations();
  if (!stored.ok()) return SendStatus(res, stored.status());
  JsonWriter out;
  out.BeginObject().Key("negotiations").BeginArray();
  for (const store::StoredNegotiation& n : *stored) {
    auto summary = NegotiationSummaryJson(n.json);
    if (!summary.ok()) return SendError(res, 500, "negotiation " + n.id + ": " + summary.status().message());
    out.Raw(*summary);
  }
  SendJson(res, 200, out.EndArray().EndObject().Take());
}

void ApiServer::Impl::Negotiation(const httplib::Request& req, httplib::Response& res) {
  if (HasQuery(req)) return SendError(res, 400, "this route takes no parameters");
  auto stored = backend.store->Negotiation(req.matches[1].str());
  if (!stored.ok()) {
    if (stored.status().code() == ErrorCode::kNotFound) return SendError(res, 404, stored.status().message());
    return SendStatus(res, stored.status());
  }
  SendJson(res, 200, std::move(stored->json));
}

ApiServer::ApiServer(ServerOptions options, const Backend& backend)
    : impl_(std::make_unique<Impl>(std::move(options), backend)) {
  Impl& s = *impl_;
  s.Register();
  s.http.set_payload_max_length(s.options.max_body);
  int threads = s.options.threads > 0 ? s.options.threads : 1;
  s.http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.http.set_keep_alive_max_count(1000);
  s.http.set_tcp_nodelay(true);
  // The library listens with a backlog of 5, too short for a burst of
  // clients connecting at once: the rest would wait for a SYN retransmit
  // (a second or more). Remember the socket and listen again with the
  // system's maximum once it is bound.
  s.http.set_socket_options([&s](socket_t fd) {
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    s.listen_fd = fd;
  });
}

ApiServer::~ApiServer() { Stop(); }

Status ApiServer::Bind() {
  Impl& s = *impl_;
  std::lock_guard lock(s.mu);
  if (s.options.port == 0) {
    s.bound_port = s.http.bind_to_any_port(s.options.host);
    if (s.bound_port <= 0) s.bound_port = 0;
  } else if (s.http.bind_to_port(s.options.host, s.options.port)) {
    s.bound_port = s.options.port;
  }
  if (s.bound_port == 0)
    return Status::IoError(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)",
                                       s.options.host, s.options.port));
  if (s.listen_fd >= 0) ::listen(s.listen_fd, SOMAXCONN);
  return Status::Ok();
}

int ApiServer::port() const { return impl_->bound_port; }

Status ApiServer::Run() {
  Impl& s = *impl_;
  s.running = true;
  bool ok = s.stopping || s.http.listen_after_bind();
  s.running = false;
  if (!ok) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

void ApiServer::Stop() {
  Impl& s = *impl_;
  s.stopping = true;
  // The library's stop() does nothing until its accept loop has started.
  while (s.running && !s.http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  s.http.stop();
}

std::vector<RouteInfo> ApiServer::Routes() {
  std::vector<RouteInfo> out;
  for (const auto& route : Impl::Table()) out.push_back({route.method, route.path});
  return out;
}

}  // namespace parley::server

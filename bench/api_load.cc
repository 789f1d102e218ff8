// api_load: a load test of `parley serve` from a second process. N clients
// (threads, each with its own keep-alive connection) send a mix of GET
// queries to a server on a loopback address until `--requests` are done or
// `--seconds` have passed, whichever comes first; then it reports
// requests/s, latency median/p95/p99/max and every error. Exit status 1 when
// any request failed. Only loopback addresses are accepted.
//
//   api_load --port 8080 --clients 100 --requests 20000 --seconds 60
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <httplib.h>

namespace {

using Clock = std::chrono::steady_clock;

// The query mixes. "example": what the dashboard asks for over the bundled
// examples' actors and dates, whole-range aggregates included. "windowed": the
// same kinds of query, each bounded to a month or a year, as the dashboard
// asks once a date range is chosen: on a store of millions of events the
// whole-range aggregates take seconds each (the store's own cost), and 100
// clients asking for them at once on two cores only measure that queue.
const std::vector<std::string> kExampleMix = {
    "/api/health",
    "/api/events?limit=100",
    "/api/events?country=SDN&limit=50",
    "/api/events?actor=SDNREB&from=2024-01-01&to=2025-12-31",
    "/api/events?source=SDNGOV&target=ARE",
    "/api/events?root=12&limit=20",
    "/api/events?quad=4&offset=10&limit=10",
    "/api/events?q=truce%20proposal",
    "/api/events?code=11&plover=ACCUSE",
    "/api/events?bbox=20,0,45,25",
    "/api/timeseries?country=SDN&interval=day",
    "/api/timeseries?source=SDN&target=ARE&interval=week",
    "/api/timeseries?actor=USA&interval=month&from=2024-01-01",
    "/api/dyads?limit=50",
    "/api/countries",
    "/api/countries?from=2025-01-01&to=2025-12-31",
    "/api/negotiations",
};
const std::vector<std::string> kWindowedMix = {
    "/api/health",
    "/api/events?limit=100",
    "/api/events?country=ISR&from=2020-03-01&to=2020-03-31&limit=50",
    "/api/events?actor=USA&from=2020-03-01&to=2020-03-31",
    "/api/events?source=ISR&target=PSE&from=2020-01-01&to=2020-12-31",
    "/api/events?root=12&from=2020-03-01&to=2020-03-31&limit=20",
    "/api/events?quad=4&from=2020-03-01&to=2020-03-31&offset=10&limit=10",
    "/api/events?country=SDN&q=talks&from=2020-03-01&to=2020-03-31",
    "/api/events?bbox=30,20,40,35&from=2020-03-01&to=2020-03-31",
    "/api/timeseries?country=SDN&interval=day&from=2020-03-01&to=2020-03-31",
    "/api/timeseries?source=ISR&target=PSE&interval=week&from=2020-01-01&to=2020-12-31",
    "/api/timeseries?actor=USA&interval=month&from=2020-01-01&to=2020-12-31",
    "/api/dyads?from=2020-03-01&to=2020-03-31&limit=50",
    "/api/countries?from=2020-03-01&to=2020-03-31",
    "/api/negotiations",
};

struct ClientResult {
  std::vector<double> latencies_ms;
  std::map<std::string, size_t> errors;  // what went wrong → how often
};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t i = static_cast<size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(i, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Load test of parley serve on a loopback address"};
  std::string host = "127.0.0.1";
  int port = 8080;
  int clients = 100;
  size_t requests = 20000;
  double seconds = 60;
  std::string mix = "example";
  int timeout = 30;
  app.add_option("--host", host, "Loopback address of the server")->capture_default_str();
  app.add_option("--port", port, "Server port")->capture_default_str();
  app.add_option("--clients", clients, "Concurrent clients (connections)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--requests", requests, "Stop after this many requests in all")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--seconds", seconds, "Stop after this long at most")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--timeout", timeout, "Seconds a client waits for a response before counting an error")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  app.add_option("--mix", mix, "Query mix: example or windowed (see the source)")
      ->check(CLI::IsMember({"example", "windowed"}))
      ->capture_default_str();
  // bench/api_load.sh passes defaults first; options given after them win.
  for (CLI::Option* option : app.get_options()) option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  CLI11_PARSE(app, argc, argv);
  if (!IsLoopback(host)) {
    std::fprintf(stderr, "api_load: %s is not a loopback address; this test only runs on loopback\n",
                 host.c_str());
    return 2;
  }

  const std::vector<std::string>& paths = mix == "windowed" ? kWindowedMix : kExampleMix;
  std::atomic<size_t> next{0};
  std::vector<ClientResult> results(static_cast<size_t>(clients));
  std::vector<std::thread> threads;
  auto start = Clock::now();
  auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      ClientResult& out = results[static_cast<size_t>(c)];
      httplib::Client client(host, port);
      client.set_keep_alive(true);
      client.set_connection_timeout(10, 0);
      client.set_read_timeout(timeout, 0);
      while (Clock::now() < deadline) {
        size_t i = next.fetch_add(1);
        if (i >= requests) break;
        const std::string& path = paths[i % paths.size()];
        auto sent = Clock::now();
        auto r = client.Get(path);
        out.latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
        if (!r)
          ++out.errors["connection: " + httplib::to_string(r.error())];
        else if (r->status != 200)
          ++out.errors["HTTP " + std::to_string(r->status) + " " + path];
        else if (r->body.empty() || r->body.front() != '{' || r->body.back() != '}')
          ++out.errors["not a JSON object: " + path];
      }
    });
  }
  for (auto& t : threads) t.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();

  std::vector<double> all;
  std::map<std::string, size_t> errors;
  size_t error_count = 0;
  for (auto& r : results) {
    all.insert(all.end(), r.latencies_ms.begin(), r.latencies_ms.end());
    for (const auto& [what, n] : r.errors) {
      errors[what] += n;
      error_count += n;
    }
  }
  std::sort(all.begin(), all.end());
  std::printf("api_load: %d clients, %zu requests in %.2f s, %s mix of %zu queries (http://%s:%d)\n", clients,
              all.size(), elapsed, mix.c_str(), paths.size(), host.c_str(), port);
  std::printf("  throughput  %.0f requests/s\n", static_cast<double>(all.size()) / elapsed);
  std::printf("  latency ms  median %.2f  p95 %.2f  p99 %.2f  max %.2f\n", Percentile(all, 50),
              Percentile(all, 95), Percentile(all, 99), all.empty() ? 0.0 : all.back());
  std::printf("  errors      %zu\n", error_count);
  for (const auto& [what, n] : errors) std::printf("    %zu × %s\n", n, what.c_str());
  return error_count == 0 && !all.empty() ? 0 : 1;
}

// `parley serve`: the HTTP API and the dashboard over an event store.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

#include <pthread.h>

#include "cli/commands.h"
#include "server/api_server.h"
#include "server/backend.h"
#include "store/store.h"

namespace parley::cli {
namespace {

struct ServeOptions {
  server::ServerOptions server;
  std::string store = "parley.db";
  std::string model;
};

int RunServe(ServeOptions o) {
  if (o.server.token.empty())
    if (const char* env = std::getenv("PARLEY_TOKEN"); env != nullptr) o.server.token = env;
  auto resources = server::CodingResources::Load(o.model);
  if (!resources.ok()) {
    std::fprintf(stderr, "parley serve: %s\n", resources.status().ToString().c_str());
    return 1;
  }
  auto store = store::Store::Open(o.store);
  if (!store.ok()) {
    std::fprintf(stderr, "parley serve: %s\n", store.status().ToString().c_str());
    return 1;
  }
  server::Backend backend;
  backend.coder = &(*resources)->coder();
  backend.model = &(*resources)->model();
  backend.store = store->get();

  // SIGINT/SIGTERM are taken by one thread that stops the server, so open
  // requests finish and the store closes cleanly. Blocked here, before any
  // other thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::ApiServer api(o.server, backend);
  Status bound = api.Bind();
  if (!bound.ok()) {
    std::fprintf(stderr, "parley serve: %s\n", bound.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "parley serve: listening on http://%s:%d/ (store %s: %s; %d threads; writes %s)\n",
               o.server.host.c_str(), api.port(), (*store)->engine(), o.store.c_str(), o.server.threads,
               o.server.token.empty() ? "disabled: no --token" : "need the token");
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    api.Stop();
  });
  Status served = api.Run();
  // Run() also ends on its own error; wake the stopper so it can be joined.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  if (!served.ok()) {
    std::fprintf(stderr, "parley serve: %s\n", served.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "parley serve: stopped\n");
  return 0;
}

}  // namespace

Command RegisterServe(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP API and the dashboard over an event store");
  auto o = std::make_shared<ServeOptions>();
  cmd->add_option("--store", o->store, "Event store: a SQLite file path, or postgresql://...")
      ->capture_default_str();
  cmd->add_option("--host", o->server.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", o->server.port, "Port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--token", o->server.token,
                  "Bearer token that writes must present (default: $PARLEY_TOKEN; none: writes refused)");
  cmd->add_option("--web", o->server.web_dir, "The built dashboard to serve at /")->capture_default_str();
  cmd->add_option("--max-body", o->server.max_body, "Largest request body in bytes (larger: 413)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--threads", o->server.threads,
                  "Worker threads = connections served at once (keep-alive holds a thread)")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  cmd->add_option("--model", o->model,
                  "Tagger/parser model for raw text (default: $PARLEY_MODEL, models/parley-en.model)");
  return {cmd, [o] { return RunServe(*o); }};
}

}  // namespace parley::cli

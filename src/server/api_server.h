// `parley serve`: the HTTP API of docs/api.md and docs/openapi.yaml over a
// store, plus the dashboard's static files.
//
//   ApiServer server(options, resources);
//   Status bound = server.Bind();        // listening from here on
//   std::thread t([&] { server.Run(); }); // serves until Stop()
//
// Handlers run on a pool of `options.threads` threads (one per open
// connection: the HTTP library keeps a connection on its thread while it is
// kept alive). They share the coder, the parse model and the store, which are
// immutable or thread-safe; every request gets its own DocumentCoder.
// Bind/Run/Stop are thread-safe with respect to each other.
#ifndef PARLEY_SERVER_API_SERVER_H_
#define PARLEY_SERVER_API_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "coder/coder.h"
#include "parley/status.h"
#include "parse/model.h"
#include "server/backend.h"

namespace parley::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = any free port (see ApiServer::port())
  // Bearer token that writes (POST /api/documents) must present; "" refuses
  // every write with 403.
  std::string token;
  std::string web_dir = "web/dist";  // the built dashboard
  size_t max_body = 16u << 20;       // larger request bodies get 413
  int threads = 128;                 // connections served at once
};

// One route of the API as docs/openapi.yaml names it: "GET",
// "/api/negotiations/{id}".
struct RouteInfo {
  std::string method;
  std::string path;
};

class ApiServer {
 public:
  // REQUIRES: `backend`'s members outlive the server.
  ApiServer(ServerOptions options, const Backend& backend);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Opens the listening socket. Fails when the address cannot be bound.
  Status Bind();
  // The bound port (the chosen one when options.port was 0). REQUIRES: Bind() ok.
  int port() const;
  // Accepts and serves connections until Stop(). REQUIRES: Bind() ok.
  Status Run();
  // Makes Run() return; open requests finish first.
  void Stop();

  // Every route the server answers, in registration order.
  static std::vector<RouteInfo> Routes();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::server

#endif  // PARLEY_SERVER_API_SERVER_H_

// docs/openapi.yaml describes exactly the routes the server registers.
#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "server/api_server.h"
#include "server/params.h"

namespace parley::server {
namespace {

// "METHOD path" for every operation under `paths:` in the OpenAPI file. The
// file keeps the usual layout: paths two spaces in, operations four.
std::set<std::string> OperationsIn(const std::string& file) {
  std::ifstream in(file);
  EXPECT_TRUE(in) << "cannot read " << file;
  const std::regex path_line(R"(^  (/[^:\s]*):\s*$)");
  const std::regex operation_line(R"(^    (get|put|post|delete|options|head|patch|trace):)");
  std::set<std::string> out;
  bool in_paths = false;
  std::string path;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != ' ' && line[0] != '#') in_paths = line.rfind("paths:", 0) == 0;
    if (!in_paths) continue;
    std::smatch m;
    if (std::regex_match(line, m, path_line)) {
      path = m[1];
    } else if (std::regex_search(line, m, operation_line)) {
      std::string method = m[1];
      std::transform(method.begin(), method.end(), method.begin(), ::toupper);
      out.insert(method + " " + path);
    }
  }
  return out;
}

TEST(OpenApiTest, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  std::set<std::string> documented = OperationsIn(PARLEY_SOURCE_DIR "/docs/openapi.yaml");
  std::set<std::string> served;
  for (const RouteInfo& r : ApiServer::Routes()) served.insert(r.method + " " + r.path);
  ASSERT_GE(served.size(), 12u);
  for (const auto& op : served) EXPECT_TRUE(documented.count(op)) << op << " is served but not in docs/openapi.yaml";
  for (const auto& op : documented) EXPECT_TRUE(served.count(op)) << op << " is in docs/openapi.yaml but not served";
}

// The query parameters docs/openapi.yaml lists for `path`: "name: X" lines
// and "$ref: '#/components/parameters/X'" inside the path's block, "in:
// query" only.
std::set<std::string> QueryParametersIn(const std::string& file, const std::string& path) {
  std::ifstream in(file);
  const std::regex named(R"(name: ([A-Za-z_]+), in: query)");
  const std::regex shared(R"(\$ref: '#/components/parameters/([A-Za-z_]+)')");
  std::set<std::string> out;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  /", 0) == 0) inside = line == "  " + path + ":";
    if (!inside) continue;
    std::smatch m;
    if (std::regex_search(line, m, named) || std::regex_search(line, m, shared)) out.insert(m[1]);
  }
  return out;
}

TEST(OpenApiTest, QueryParametersMatchWhatTheParsersAccept) {
  for (const RouteInfo& r : ApiServer::Routes()) {
    std::set<std::string> accepted;
    for (std::string_view name : QueryParameters(r.path)) accepted.insert(std::string(name));
    EXPECT_EQ(QueryParametersIn(PARLEY_SOURCE_DIR "/docs/openapi.yaml", r.path), accepted) << r.path;
  }
  EXPECT_EQ(QueryParameters("/api/events").size(), 14u);
}

}  // namespace
}  // namespace parley::server

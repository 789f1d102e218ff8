#include "server/static_files.h"

#include <array>
#include <system_error>
#include <utility>

namespace parley::server {

std::string_view ContentTypeFor(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".topojson", "application/json"},
      {".geojson", "application/geo+json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".yaml", "application/yaml"},
  }};
  size_t dot = file_name.rfind('.');
  size_t slash = file_name.rfind('/');
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    std::string_view ext = file_name.substr(dot);
    for (const auto& [known, type] : kTypes)
      if (ext.size() == known.size() &&
          std::equal(ext.begin(), ext.end(), known.begin(),
                     [](char a, char b) { return (a | 0x20) == b; }))
        return type;
  }
  return "application/octet-stream";
}

Result<std::filesystem::path> ResolveStaticFile(const std::filesystem::path& root,
                                                std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/')
    return Status::InvalidArgument("path must start with '/'");
  if (url_path == "/") url_path = "/index.html";
  std::filesystem::path file = root;
  std::string_view rest = url_path.substr(1);
  while (true) {
    size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (segment.empty() || segment.front() == '.' ||
        segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos)
      return Status::InvalidArgument("bad path segment in " + std::string(url_path));
    file /= std::string(segment);
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    return Status::NotFound("no such file: " + std::string(url_path));
  return file;
}

}  // namespace parley::server

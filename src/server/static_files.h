// Serving the dashboard's built files (web/dist): which file a URL path
// names, and its Content-Type. A path that climbs out of the folder, or names
// hidden files, is refused before the file system is touched. Stateless;
// thread-safe.
#ifndef PARLEY_SERVER_STATIC_FILES_H_
#define PARLEY_SERVER_STATIC_FILES_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "parley/status.h"

namespace parley::server {

// The Content-Type for a file name, by extension (".js" →
// "text/javascript; charset=utf-8"); "application/octet-stream" when unknown.
std::string_view ContentTypeFor(std::string_view file_name);

// The regular file under `root` that `url_path` ("/", "/index.html",
// "/assets/app.js") names; "/" is "/index.html". NotFound when there is no
// such file; InvalidArgument when the path has empty, "." or ".." segments,
// segments starting with '.', backslashes or NUL bytes.
Result<std::filesystem::path> ResolveStaticFile(const std::filesystem::path& root,
                                                std::string_view url_path);

}  // namespace parley::server

#endif  // PARLEY_SERVER_STATIC_FILES_H_

#include "server/static_files.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

namespace parley::server {
namespace {

TEST(StaticFilesTest, ContentTypes) {
  const std::pair<const char*, const char*> cases[] = {
      {"index.html", "text/html; charset=utf-8"},
      {"app.4f2a.js", "text/javascript; charset=utf-8"},
      {"style.CSS", "text/css; charset=utf-8"},
      {"countries-110m.json", "application/json"},
      {"icon.svg", "image/svg+xml"},
      {"font.woff2", "font/woff2"},
      {"README", "application/octet-stream"},
      {"dir.js/file", "application/octet-stream"},
  };
  for (const auto& [name, type] : cases) EXPECT_EQ(ContentTypeFor(name), type) << name;
}

TEST(StaticFilesTest, ResolvesOnlyFilesInsideTheRoot) {
  // Per process: two runs of the suite at once must not share the directory.
  auto root = std::filesystem::temp_directory_path() / ("parley_static_files_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<html></html>";
  std::ofstream(root / "assets" / "app.js") << "1;";
  std::ofstream(root / ".secret") << "x";

  auto index = ResolveStaticFile(root, "/");
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->filename(), "index.html");
  auto app = ResolveStaticFile(root, "/assets/app.js");
  ASSERT_TRUE(app.ok());
  EXPECT_EQ(*app, root / "assets" / "app.js");

  EXPECT_EQ(ResolveStaticFile(root, "/assets").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(ResolveStaticFile(root, "/missing.js").status().code(), ErrorCode::kNotFound);
  for (const char* bad : {"/../etc/passwd", "/assets/../index.html", "/.secret", "/assets//app.js",
                          "/assets/./app.js", "/a\\b", "assets/app.js", "/assets/"})
    EXPECT_EQ(ResolveStaticFile(root, bad).status().code(), ErrorCode::kInvalidArgument) << bad;
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace parley::server

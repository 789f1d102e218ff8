#include "lexicon/reader_util.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "parley/date.h"

namespace parley::lexicon::internal {

Status ReadWholeFile(const std::string& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    std::string msg = "cannot open " + path + ": " + std::strerror(err);
    return err == ENOENT ? Status::NotFound(std::move(msg)) : Status::IoError(std::move(msg));
  }
  out.clear();
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long size = std::ftell(f);
    if (size > 0) out.reserve(static_cast<size_t>(size));
    std::fseek(f, 0, SEEK_SET);
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IoError("cannot read " + path);
  return Status::Ok();
}

bool LineReader::Next(std::string_view& line, int& number) {
  while (pos_ < text_.size()) {
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view l = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++number_;
    while (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (in_comment_) {
      if (l.find("-->") != std::string_view::npos) in_comment_ = false;
      continue;
    }
    std::string_view t = Trim(l);
    if (t.size() >= 2 && t[0] == '<' && t[1] == '!') {
      if (t.find("-->") == std::string_view::npos) in_comment_ = true;
      continue;
    }
    line = l;
    number = number_;
    return true;
  }
  return false;
}

std::string_view StripComment(std::string_view line, bool semicolon) {
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '[') {
      ++depth;
    } else if (c == ']') {
      if (depth > 0) --depth;
    } else if (depth == 0 && (c == '#' || (semicolon && c == ';'))) {
      return line.substr(0, i);
    }
  }
  return line;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsBlank(s[b])) ++b;
  while (e > b && IsBlank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

void SplitPhrase(std::string_view phrase, std::vector<std::string_view>& out) {
  out.clear();
  size_t i = 0, n = phrase.size();
  while (i < n) {
    while (i < n && (IsBlank(phrase[i]) || phrase[i] == '_')) ++i;
    size_t b = i;
    while (i < n && !IsBlank(phrase[i]) && phrase[i] != '_') ++i;
    if (i > b) out.push_back(phrase.substr(b, i - b));
  }
}

void SplitBlanks(std::string_view s, std::vector<std::string_view>& out) {
  out.clear();
  size_t i = 0, n = s.size();
  while (i < n) {
    while (i < n && IsBlank(s[i])) ++i;
    size_t b = i;
    while (i < n && !IsBlank(s[i])) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
}

std::string Where(const std::string& name, int line, std::string_view what, std::string_view text) {
  std::string out = name;
  out += ':';
  out += std::to_string(line);
  out += ": ";
  out += what;
  if (!text.empty()) {
    out += ": ";
    out += text;
  }
  return out;
}

bool ParseDictDate(std::string_view s, int& yyyymmdd) {
  if (s.size() != 6 && s.size() != 8) return false;
  auto d = Date::Parse(s);
  if (!d.ok()) return false;
  yyyymmdd = d->ToInt();
  return true;
}

}  // namespace parley::lexicon::internal

#include "enrich/gazetteer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <functional>
#include <system_error>

namespace parley::enrich {
namespace internal {
extern const char* const kGazetteerTsv;  // generated from data/geo/gazetteer.tsv
}  // namespace internal

std::string NameKey(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool space = true;  // drop leading spaces
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99), U+02BC MODIFIER LETTER APOSTROPHE (CA BC).
    if (c == '\xE2' && name.substr(i, 3) == "\xE2\x80\x99") {
      i += 2;
      continue;
    }
    if (c == '\xCA' && name.substr(i, 2) == "\xCA\xBC") {
      i += 1;
      continue;
    }
    if (c == '\'' || c == '.' || c == '`') continue;
    if (c == '-' || c == ' ' || c == '\t') {
      if (!space) out.push_back(' ');
      space = true;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
    space = false;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    const size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool ParseDouble(std::string_view s, double& out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// Never 0, the empty slot of Gazetteer::prefix_hashes_.
uint64_t PrefixHash(std::string_view key) { return std::hash<std::string_view>{}(key) | 1; }

int WordsIn(std::string_view key) {
  return key.empty() ? 0 : static_cast<int>(std::count(key.begin(), key.end(), ' ')) + 1;
}

}  // namespace

Result<Gazetteer> Gazetteer::Parse(std::string_view tsv, std::string_view name) {
  Gazetteer g;
  size_t line_no = 0;
  auto error = [&](std::string_view what) {
    return Status::ParseError(fmt::format("{}:{}: {}", name, line_no, what));
  };
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() != 9) return error(fmt::format("expected 9 tab-separated fields, got {}", f.size()));
    GazetteerEntry e;
    e.name = std::string(f[0]);
    e.type = std::string(f[2]);
    e.country = std::string(f[3]);
    e.adm1 = std::string(f[4]);
    if (e.name.empty()) return error("empty name");
    if (e.type != "country" && e.type != "region" && e.type != "city" && e.type != "area" &&
        e.type != "sea")
      return error(fmt::format("unknown type '{}'", e.type));
    const auto [ptr, ec] = std::from_chars(f[5].data(), f[5].data() + f[5].size(), e.population);
    if (ec != std::errc() || ptr != f[5].data() + f[5].size() || e.population < 0)
      return error(fmt::format("bad population '{}'", f[5]));
    if (!f[6].empty() || !f[7].empty()) {
      if (!ParseDouble(f[6], e.lat) || !ParseDouble(f[7], e.lon) || e.lat < -90 || e.lat > 90 ||
          e.lon < -180 || e.lon > 180)
        return error(fmt::format("bad coordinates '{}' '{}'", f[6], f[7]));
      e.has_coordinates = true;
    }
    if (f[8] != "0" && f[8] != "1") return error(fmt::format("bad capital flag '{}'", f[8]));
    e.capital = f[8] == "1";
    if (g.entries_.size() >= UINT32_MAX) return error("too many places");
    const auto index = static_cast<uint32_t>(g.entries_.size());
    std::vector<std::string> keys{NameKey(e.name)};
    if (!f[1].empty())
      for (std::string_view alias : Split(f[1], ';'))
        if (!alias.empty()) keys.push_back(NameKey(alias));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::string& k : keys) {
      if (k.empty()) continue;
      g.max_words_ = std::max(g.max_words_, WordsIn(k));
      g.by_key_[std::move(k)].push_back(index);
    }
    g.entries_.push_back(std::move(e));
  }
  std::vector<uint64_t> prefixes;
  for (const auto& [key, places] : g.by_key_) {
    for (size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1))
      prefixes.push_back(PrefixHash(std::string_view(key).substr(0, space)));
    prefixes.push_back(PrefixHash(key));
  }
  std::sort(prefixes.begin(), prefixes.end());
  prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());
  size_t slots = 1024;
  while (slots < prefixes.size() * 2) slots *= 2;
  g.prefix_hashes_.assign(slots, 0);
  for (uint64_t h : prefixes) {
    size_t s = h & (slots - 1);
    while (g.prefix_hashes_[s] != 0) s = (s + 1) & (slots - 1);
    g.prefix_hashes_[s] = h;
  }
  return g;
}

bool Gazetteer::MayBeginName(std::string_view key) const {
  if (prefix_hashes_.empty()) return false;
  const uint64_t h = PrefixHash(key);
  const size_t mask = prefix_hashes_.size() - 1;
  for (size_t s = h & mask;; s = (s + 1) & mask) {
    if (prefix_hashes_[s] == h) return true;
    if (prefix_hashes_[s] == 0) return false;
  }
}

const Gazetteer& Gazetteer::Builtin() {
  static const Gazetteer gazetteer = [] {
    Result<Gazetteer> parsed = Parse(internal::kGazetteerTsv, "data/geo/gazetteer.tsv");
    assert(parsed.ok() && "the compiled-in gazetteer does not parse");
    return parsed.ok() ? std::move(parsed).value() : Gazetteer();
  }();
  return gazetteer;
}

std::vector<const GazetteerEntry*> Gazetteer::Find(std::string_view name) const {
  std::vector<const GazetteerEntry*> out;
  auto it = by_key_.find(NameKey(name));
  if (it == by_key_.end()) return out;
  out.reserve(it->second.size());
  for (uint32_t i : it->second) out.push_back(&entries_[i]);
  return out;
}

}  // namespace parley::enrich

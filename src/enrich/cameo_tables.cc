#include "enrich/cameo_tables.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <system_error>
#include <utility>

#include "enrich/actor_fields.h"

namespace parley::enrich {
namespace internal {
// data/cameo/cameo-events.tsv, compiled in by src/enrich/CMakeLists.txt.
extern const char* const kCameoEventsTsv;
}  // namespace internal

namespace {

constexpr std::array<std::string_view, 8> kColumns = {
    "code", "label", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "plover_context"};

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Splits on tabs; at most kColumns.size() + 1 fields are kept, enough to tell
// "too many".
size_t SplitTabs(std::string_view line, std::array<std::string_view, kColumns.size() + 1>& out) {
  size_t n = 0;
  while (n < out.size()) {
    size_t tab = line.find('\t');
    out[n++] = line.substr(0, tab);
    if (tab == std::string_view::npos) return n;
    line.remove_prefix(tab + 1);
  }
  return n;
}

}  // namespace

Result<CameoTables> CameoTables::Parse(std::string_view tsv, std::string_view name) {
  CameoTables tables;
  bool seen_header = false;
  size_t line_no = 0;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto error = [&](std::string what) {
      return Status::ParseError(fmt::format("{}:{}: {}", name, line_no, what));
    };
    std::array<std::string_view, kColumns.size() + 1> f;
    size_t n = SplitTabs(line, f);
    if (n != kColumns.size()) {
      return error(fmt::format("expected {} tab-separated fields, got {}{}", kColumns.size(),
                               n, n > kColumns.size() ? " or more" : ""));
    }
    if (!seen_header) {
      if (!std::equal(kColumns.begin(), kColumns.end(), f.begin())) {
        return error(fmt::format("expected the header line \"{}\"", fmt::join(kColumns, "\\t")));
      }
      seen_header = true;
      continue;
    }
    CameoCodeInfo row;
    row.code = f[0];
    row.label = f[1];
    row.root = f[2];
    if (!IsDigits(row.code) || row.code.size() < 2 || row.code.size() > 4) {
      return error(fmt::format("code \"{}\" is not 2 to 4 digits", row.code));
    }
    if (row.root != std::string_view(row.code).substr(0, 2)) {
      return error(fmt::format("code {} has root \"{}\", expected {}", row.code, row.root,
                               row.code.substr(0, 2)));
    }
    if (f[3].size() != 1 || f[3][0] < '1' || f[3][0] > '4') {
      return error(fmt::format("code {}: quad_class \"{}\" is not 1 to 4", row.code, f[3]));
    }
    row.quad_class = f[3][0] - '0';
    if (!f[4].empty()) {
      const char* end = f[4].data() + f[4].size();
      auto [ptr, ec] = std::from_chars(f[4].data(), end, row.goldstein);
      if (ec != std::errc() || ptr != end || row.goldstein < -10 || row.goldstein > 10) {
        return error(fmt::format("code {}: goldstein \"{}\" is not a number from -10 to 10",
                                 row.code, f[4]));
      }
      row.has_goldstein = true;
    }
    row.plover_type = f[5];
    row.plover_mode = f[6];
    row.plover_context = f[7];
    tables.rows_.push_back(std::move(row));
  }
  if (!seen_header) return Status::ParseError(fmt::format("{}: no header line", name));
  std::sort(tables.rows_.begin(), tables.rows_.end(),
            [](const CameoCodeInfo& a, const CameoCodeInfo& b) { return a.code < b.code; });
  auto dup = std::adjacent_find(tables.rows_.begin(), tables.rows_.end(),
                                [](const CameoCodeInfo& a, const CameoCodeInfo& b) { return a.code == b.code; });
  if (dup != tables.rows_.end()) {
    return Status::ParseError(fmt::format("{}: code {} is listed twice", name, dup->code));
  }
  return tables;
}

const CameoTables& CameoTables::Builtin() {
  static const CameoTables tables = [] {
    Result<CameoTables> parsed = Parse(internal::kCameoEventsTsv, "data/cameo/cameo-events.tsv");
    assert(parsed.ok() && "the compiled-in CAMEO table does not parse");
    return parsed.ok() ? std::move(parsed).value() : CameoTables();
  }();
  return tables;
}

const CameoCodeInfo* CameoTables::FindExact(std::string_view code) const {
  auto it = std::lower_bound(rows_.begin(), rows_.end(), code,
                             [](const CameoCodeInfo& row, std::string_view c) { return row.code < c; });
  return it != rows_.end() && it->code == code ? &*it : nullptr;
}

const CameoCodeInfo* CameoTables::Find(std::string_view code) const {
  if (const CameoCodeInfo* row = FindExact(code)) return row;
  // Parents: the leading digits, cut to 4, 3 and 2 ("0811i" → "0811";
  // "0875" → "087" → "08").
  size_t digits = 0;
  while (digits < code.size() && digits < 4 && code[digits] >= '0' && code[digits] <= '9') ++digits;
  for (size_t n = digits; n >= 2; --n) {
    if (n == code.size()) continue;  // the exact code, already tried
    if (const CameoCodeInfo* row = FindExact(code.substr(0, n))) return row;
  }
  return nullptr;
}

void AddCameoMetadata(Event& event) {
  EventMetadata& meta = event.meta;
  const CameoCodeInfo* row = CameoTables::Builtin().Find(event.event.code);
  meta.root_code = row ? row->root : "";
  meta.label = row ? row->label : "";
  meta.quad_class = row ? row->quad_class : 0;
  meta.goldstein = row ? row->goldstein : 0;
  meta.has_goldstein = row && row->has_goldstein;
  meta.plover_type = row ? row->plover_type : "";
  meta.plover_mode = row ? row->plover_mode : "";
  meta.plover_context = row ? row->plover_context : "";
  meta.source = SplitActorCode(event.source.code, event.source.text);
  meta.target = SplitActorCode(event.target.code, event.target.text);
}

}  // namespace parley::enrich

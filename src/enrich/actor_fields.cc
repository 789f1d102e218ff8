#include "enrich/actor_fields.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace parley::enrich {
namespace internal {
// dictionaries/cameo-codes.txt, compiled in by src/enrich/CMakeLists.txt.
extern const char* const kCameoCodesTxt;
}  // namespace internal

namespace {

// The 3-letter codes of dictionaries/cameo-codes.txt ("KIND CODE description"
// lines), by kind; sorted for binary search.
struct CodeSets {
  std::vector<std::string> countries;  // kinds "country" and "region"
  std::vector<std::string> roles;      // kinds "sector" and "actor"
  // (code, name) of kind "country" lines, sorted by code.
  std::vector<std::pair<std::string, std::string>> country_names;
};

const CodeSets& Codes() {
  static const CodeSets sets = [] {
    CodeSets s;
    std::string_view text = internal::kCameoCodesTxt;
    while (!text.empty()) {
      size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) continue;
      std::string_view kind = line.substr(0, sp);
      std::string_view code = line.substr(sp + 1, 3);
      if (code.size() != 3 || (line.size() > sp + 4 && line[sp + 4] != ' ')) continue;
      if (kind == "country" || kind == "region") {
        s.countries.emplace_back(code);
        if (kind == "country" && line.size() > sp + 5)
          s.country_names.emplace_back(std::string(code), std::string(line.substr(sp + 5)));
      } else if (kind == "sector" || kind == "actor") {
        s.roles.emplace_back(code);
      }
    }
    for (auto* v : {&s.countries, &s.roles}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    std::sort(s.country_names.begin(), s.country_names.end());
    return s;
  }();
  return sets;
}

bool Contains(const std::vector<std::string>& sorted, std::string_view code) {
  return std::binary_search(sorted.begin(), sorted.end(), code, std::less<>());
}

bool IsCodeChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

bool IsCameoCountryCode(std::string_view code) { return Contains(Codes().countries, code); }
bool IsCameoRoleCode(std::string_view code) { return Contains(Codes().roles, code); }

std::string_view CameoCountryName(std::string_view code) {
  const auto& names = Codes().country_names;
  auto it = std::lower_bound(names.begin(), names.end(), code,
                             [](const auto& row, std::string_view c) { return row.first < c; });
  if (it == names.end() || it->first != code) return {};
  return it->second;
}

ActorFields SplitActorCode(std::string_view code, std::string_view text) {
  ActorFields fields;
  fields.name = std::string(text);
  if (!code.empty() && code.front() == '"') {  // a new actor, named in quotes
    if (fields.name.empty()) {
      code.remove_prefix(1);
      if (!code.empty() && code.back() == '"') code.remove_suffix(1);
      fields.name = std::string(code);
    }
    return fields;
  }
  std::string upper(code);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (upper.empty() || !std::all_of(upper.begin(), upper.end(), IsCodeChar)) return fields;

  std::string_view rest = upper;
  std::string_view first = rest.substr(0, 3);
  if (first == "---") {
    rest.remove_prefix(3);
  } else if (first.size() == 3 && IsCameoCountryCode(first)) {
    fields.country = std::string(first);
    rest.remove_prefix(3);
  }
  while (!rest.empty()) {
    std::string_view group = rest.substr(0, 3);
    rest.remove_prefix(group.size());
    if (group == "---") continue;
    if (fields.known_group.empty() && !IsCameoRoleCode(group) && !IsCameoCountryCode(group)) {
      fields.known_group = std::string(group);
    } else {
      fields.sectors += group;
    }
  }
  return fields;
}

}  // namespace parley::enrich

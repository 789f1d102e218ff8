// CAMEO event-code metadata: label, root, QuadClass, Goldstein weight and the
// PLOVER type/mode/context of every CAMEO code, from data/cameo/cameo-events.tsv
// (compiled into the library; see data/cameo/README.md for sources and caveats).
//
// CameoTables is immutable once built and safe to share between threads;
// Builtin() builds the compiled-in tables once, on first use.
#ifndef PARLEY_ENRICH_CAMEO_TABLES_H_
#define PARLEY_ENRICH_CAMEO_TABLES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parley/event.h"
#include "parley/status.h"

namespace parley::enrich {

// One row of the table.
struct CameoCodeInfo {
  std::string code;   // "0871"
  std::string label;  // "Declare truce, ceasefire"
  std::string root;   // "08"
  int quad_class = 0;  // 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
  double goldstein = 0;  // -10 .. +10
  bool has_goldstein = false;
  std::string plover_type;     // "RETREAT"; "" for roots 01 and 02 (PLOVER drops them)
  std::string plover_mode;     // "ceasefire"; "" when none
  std::string plover_context;  // "military"; several joined by ';'; "" when none
};

class CameoTables {
 public:
  // The tables compiled in from data/cameo/cameo-events.tsv.
  static const CameoTables& Builtin();

  // Parses a table in the cameo-events.tsv format: '#' comment lines, a header
  // line, then one row of 8 tab-separated columns per code. Errors name
  // `name:line`, e.g. "cameo-events.tsv:7: expected 8 tab-separated fields, got 3".
  static Result<CameoTables> Parse(std::string_view tsv, std::string_view name);

  // The row of `code`; failing that, of its parents ("0871" → "087" → "08"),
  // so odd or dictionary-specific codes ("0875", "0811i") still get root,
  // QuadClass and Goldstein. nullptr when even the root is unknown ("+++", "",
  // "21"). The pointer lives as long as the tables.
  const CameoCodeInfo* Find(std::string_view code) const;

  // Number of codes (rows).
  size_t size() const { return rows_.size(); }

 private:
  CameoTables() = default;
  const CameoCodeInfo* FindExact(std::string_view code) const;

  std::vector<CameoCodeInfo> rows_;  // sorted by code
};

// Fills event.meta's CAMEO fields (root_code, label, quad_class, goldstein,
// has_goldstein, plover_*) from event.event.code via CameoTables::Builtin(),
// resetting them when the code is unknown, and meta.source / meta.target from
// the actor codes and texts (SplitActorCode). Leaves the date fields alone.
void AddCameoMetadata(Event& event);

}  // namespace parley::enrich

#endif  // PARLEY_ENRICH_CAMEO_TABLES_H_

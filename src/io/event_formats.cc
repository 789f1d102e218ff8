#include "io/event_formats.h"

#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "io/event_writer.h"
#include "io/io_util.h"

namespace parley::io {

const std::array<std::string_view, kGdeltColumnCount> kGdeltColumns = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
};

const std::array<std::string_view, kPhoenixColumnCount> kPhoenixColumns = {
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "PentaClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources",
};

namespace {

// Our flat CSV: the JSON Lines record with nested objects spelled out.
constexpr std::array<std::string_view, 34> kCsvColumns = {
    "doc_id", "sentence", "sentence_id", "date",
    "source_code", "source_text", "source_first_token", "source_last_token",
    "source_country", "source_sectors", "source_known_group",
    "target_code", "target_text", "target_first_token", "target_last_token",
    "target_country", "target_sectors", "target_known_group",
    "event_code", "event_text", "event_first_token", "event_last_token",
    "pattern", "issues", "root", "label", "quad_class", "goldstein",
    "plover_type", "plover_mode", "plover_context", "event_date", "date_precision", "date_text",
};

// Phoenix's root actors besides countries, and its primary agents
// (phoenix_pipeline postprocess.process_actors).
constexpr std::array<std::string_view, 4> kPhoenixRootActors = {"IGO", "NGO", "IMG", "MNC"};
constexpr std::array<std::string_view, 13> kPhoenixPrimaryAgents = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view s) {
  for (std::string_view x : list)
    if (x == s) return true;
  return false;
}

template <size_t N>
std::string JoinColumns(const std::array<std::string_view, N>& names, char separator) {
  std::string out;
  for (size_t i = 0; i < N; ++i) {
    if (i) out += separator;
    out += names[i];
  }
  out += '\n';
  return out;
}

// Copies `text`, with invalid UTF-8 as U+FFFD and, when `tsv`, control
// characters (tab, newline, ...) as spaces.
void AppendClean(std::string_view text, bool tsv, std::string& out) {
  for (size_t i = 0; i < text.size();) {
    auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x80) {
      size_t len = Utf8SequenceLength(text, i);
      if (len == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(text.substr(i, len));
        i += len;
      }
      continue;
    }
    out += (tsv && (u < 0x20 || u == 0x7F)) ? ' ' : text[i];
    ++i;
  }
}

void AppendTsvRow(const std::vector<std::string>& fields, std::string& out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += '\t';
    AppendClean(fields[i], /*tsv=*/true, out);
  }
  out += '\n';
}

void AppendCsvField(std::string_view field, std::string& out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    AppendClean(field, /*tsv=*/false, out);
    return;
  }
  out += '"';
  size_t start = 0;
  for (size_t q = field.find('"'); q != std::string_view::npos; q = field.find('"', start)) {
    AppendClean(field.substr(start, q - start), /*tsv=*/false, out);
    out += "\"\"";
    start = q + 1;
  }
  AppendClean(field.substr(start), /*tsv=*/false, out);
  out += '"';
}

void AppendCsvRow(const std::vector<std::string>& fields, std::string& out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    AppendCsvField(fields[i], out);
  }
  out += '\n';
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The CAMEO root: the enrichment's, else the code's first two digits.
std::string RootCode(const Event& e) {
  if (!e.meta.root_code.empty()) return e.meta.root_code;
  if (AllDigits(e.event.code) && e.event.code.size() >= 2) return e.event.code.substr(0, 2);
  return "";
}

// The date an event row is filed under: the resolved event date, else the
// document date.
const Date& RowDate(const Event& e) { return e.meta.event_date.known() ? e.meta.event_date : e.date; }

std::string Yyyymmdd(const Date& d) {
  return d.known() ? fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day) : "";
}

// An actor code, "" for the placeholder "---" of a missing actor.
std::string_view ActorCode(const CodedSpan& span) {
  return span.code == "---" ? std::string_view() : std::string_view(span.code);
}

std::string Goldstein(const EventMetadata& meta) {
  return meta.has_goldstein && std::isfinite(meta.goldstein) ? FormatGoldstein(meta.goldstein) : "";
}

std::string QuadClass(const EventMetadata& meta) {
  return meta.quad_class >= 1 && meta.quad_class <= 4 ? fmt::format("{}", meta.quad_class) : "";
}

std::string SourceUrl(const Event& e) {
  std::string_view id = e.doc_id;
  return id.starts_with("http://") || id.starts_with("https://") ? e.doc_id : "";
}

std::string Token(int32_t first, int32_t last, bool want_last) {
  if (first < 0 || last < first) return "";
  return fmt::format("{}", want_last ? last : first);
}

void AppendGdeltActor(const CodedSpan& span, const ActorFields& actor, std::vector<std::string>& f) {
  std::string_view code = ActorCode(span);
  f.emplace_back(code);
  f.push_back(code.empty() ? "" : (actor.name.empty() ? span.text : actor.name));
  f.push_back(actor.country);
  f.push_back(actor.known_group);
  f.emplace_back();  // EthnicCode
  f.emplace_back();  // Religion1Code
  f.emplace_back();  // Religion2Code
  for (size_t i = 0; i < 3; ++i) {
    size_t at = i * 3;
    f.push_back(at + 3 <= actor.sectors.size() ? actor.sectors.substr(at, 3) : "");
  }
}

void AppendGdelt(const Event& e, std::string& out) {
  std::vector<std::string> f;
  f.reserve(kGdeltColumnCount);
  const Date& d = RowDate(e);
  f.push_back(fmt::format("{}", StableEventId(e)));
  f.push_back(Yyyymmdd(d));
  f.push_back(d.known() ? fmt::format("{:04}{:02}", d.year, d.month) : "");
  f.push_back(d.known() ? fmt::format("{}", d.year) : "");
  f.push_back(d.known() ? GdeltFractionDate(d) : "");
  AppendGdeltActor(e.source, e.meta.source, f);
  AppendGdeltActor(e.target, e.meta.target, f);
  // IsRootEvent: GDELT marks events of the lead paragraph; the headline counts too.
  f.push_back(e.sentence <= 0 ? "1" : "0");
  f.push_back(e.event.code);
  f.push_back(AllDigits(e.event.code) && e.event.code.size() >= 3 ? e.event.code.substr(0, 3)
                                                                  : e.event.code);
  f.push_back(RootCode(e));
  f.push_back(QuadClass(e.meta));
  f.push_back(Goldstein(e.meta));
  f.push_back(fmt::format("{}", e.meta.num_mentions));  // one until de-duplicated (--dedup)
  f.push_back(fmt::format("{}", e.meta.num_sources));
  f.push_back(fmt::format("{}", e.meta.num_articles));
  f.emplace_back();  // AvgTone
  f.resize(f.size() + 2 * 8);  // Actor1Geo_*, Actor2Geo_*: not resolved
  // ActionGeo_*: GDELT's types are 1 country, 4 world city, 5 world state
  // (2 and 3 for US states and cities); CountryCode holds Parley's ISO 3166
  // alpha-3 code where GDELT writes FIPS; ADM1 and feature ids stay empty.
  const Place& place = e.meta.location;
  if (place.known()) {
    bool us = place.country == "USA";
    int type = place.feature_type == "country" ? 1
               : place.feature_type == "city"  ? (us ? 3 : 4)
                                               : (us ? 2 : 5);
    std::string full = place.name;
    if (!place.adm1.empty() && place.adm1 != place.name) full += ", " + place.adm1;
    f.push_back(std::to_string(type));
    f.push_back(full);
    f.push_back(place.country);
    f.push_back("");
    f.push_back("");
    f.push_back(place.has_coordinates ? fmt::format("{:.4f}", place.lat) : "");
    f.push_back(place.has_coordinates ? fmt::format("{:.4f}", place.lon) : "");
    f.push_back("");
  } else {
    f.resize(f.size() + 8);
  }
  f.push_back(e.date.known() ? Yyyymmdd(e.date) + "000000" : "");
  f.push_back(SourceUrl(e));
  AppendTsvRow(f, out);
}

// Phoenix's split of an actor code: the full code, the entity (country or
// IGO/NGO/IMG/MNC), the primary agent, and the other 3-letter groups joined
// by ';'.
void AppendPhoenixActor(const CodedSpan& span, const ActorFields& actor, std::vector<std::string>& f) {
  std::string_view code = ActorCode(span);
  std::string_view head = code.substr(0, 3);
  std::string entity;
  if (!actor.country.empty() && head == actor.country) {
    entity = actor.country;
  } else if (Contains(kPhoenixRootActors, head)) {
    entity = std::string(head);
  }
  std::string role;
  size_t rest = 3;
  if (code.size() >= 6 && Contains(kPhoenixPrimaryAgents, code.substr(3, 3))) {
    role = std::string(code.substr(3, 3));
    rest = 6;
  }
  std::string attributes;
  for (size_t i = rest; i < code.size(); i += 3) {
    if (!attributes.empty()) attributes += ';';
    attributes += code.substr(i, 3);
  }
  f.emplace_back(code);
  f.push_back(std::move(entity));
  f.push_back(std::move(role));
  f.push_back(std::move(attributes));
}

void AppendPhoenix(const Event& e, std::string& out) {
  std::vector<std::string> f;
  f.reserve(kPhoenixColumnCount);
  const Date& d = RowDate(e);
  f.push_back(fmt::format("{}", StableEventId(e)));
  f.push_back(Yyyymmdd(d));
  f.push_back(d.known() ? fmt::format("{:04}", d.year) : "");
  f.push_back(d.known() ? fmt::format("{:02}", d.month) : "");
  f.push_back(d.known() ? fmt::format("{:02}", d.day) : "");
  AppendPhoenixActor(e.source, e.meta.source, f);
  AppendPhoenixActor(e.target, e.meta.target, f);
  f.push_back(e.event.code);
  std::string root = RootCode(e);
  int penta = PhoenixPentaClass(root);
  f.push_back(root);
  f.push_back(penta >= 0 ? fmt::format("{}", penta) : "");
  f.push_back(Goldstein(e.meta));
  // Issues as Phoenix writes them: "CODE,count;CODE,count". Ours are "CODE N".
  std::string issues;
  for (const std::string& issue : e.issues) {
    if (!issues.empty()) issues += ';';
    size_t space = issue.rfind(' ');
    if (space != std::string::npos && AllDigits(std::string_view(issue).substr(space + 1))) {
      issues += issue.substr(0, space) + ',' + issue.substr(space + 1);
    } else {
      issues += issue;
    }
  }
  f.push_back(std::move(issues));
  f.resize(f.size() + 5);  // Lat, Lon, LocationName, StateName, CountryCode
  f.push_back(fmt::format("{}_{}", e.doc_id, e.sentence));
  f.push_back(SourceUrl(e));
  f.emplace_back();  // NewsSources
  AppendTsvRow(f, out);
}

void AppendCsvSpan(const CodedSpan& span, const ActorFields* actor, std::vector<std::string>& f) {
  f.push_back(span.code);
  f.push_back(span.text);
  f.push_back(Token(span.first_token, span.last_token, false));
  f.push_back(Token(span.first_token, span.last_token, true));
  if (actor != nullptr) {
    f.push_back(actor->country);
    f.push_back(actor->sectors);
    f.push_back(actor->known_group);
  }
}

void AppendCsv(const Event& e, std::string& out) {
  std::vector<std::string> f;
  f.reserve(kCsvColumns.size());
  const EventMetadata& m = e.meta;
  f.push_back(e.doc_id);
  f.push_back(fmt::format("{}", e.sentence));
  f.push_back(e.sentence_id);
  f.push_back(e.date.ToIso());
  AppendCsvSpan(e.source, &m.source, f);
  AppendCsvSpan(e.target, &m.target, f);
  AppendCsvSpan(e.event, nullptr, f);
  f.push_back(e.pattern);
  std::string issues;
  for (const std::string& issue : e.issues) {
    if (!issues.empty()) issues += ';';
    issues += issue;
  }
  f.push_back(std::move(issues));
  f.push_back(m.root_code);
  f.push_back(m.label);
  f.push_back(QuadClass(m));
  f.push_back(Goldstein(m));
  f.push_back(m.plover_type);
  f.push_back(m.plover_mode);
  f.push_back(m.plover_context);
  f.push_back(m.event_date.ToIso());
  f.push_back(DatePrecisionName(m.date_precision));
  f.push_back(m.date_text);
  AppendCsvRow(f, out);
}

uint64_t Fnv1a(std::string_view bytes, uint64_t h) {
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  std::string n;
  for (char c : name) n += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (n == "jsonl" || n == "json") return OutputFormat::kJsonLines;
  if (n == "gdelt") return OutputFormat::kGdelt;
  if (n == "phoenix") return OutputFormat::kPhoenix;
  if (n == "csv") return OutputFormat::kCsv;
  return Status::InvalidArgument(
      fmt::format("unknown output format {}; expected jsonl, gdelt, phoenix or csv", Quote(name, 40)));
}

const char* OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kJsonLines: return "jsonl";
    case OutputFormat::kGdelt: return "gdelt";
    case OutputFormat::kPhoenix: return "phoenix";
    case OutputFormat::kCsv: return "csv";
  }
  return "jsonl";
}

std::string FormatHeader(OutputFormat format) {
  switch (format) {
    case OutputFormat::kJsonLines: return "";
    case OutputFormat::kGdelt: return JoinColumns(kGdeltColumns, '\t');
    case OutputFormat::kPhoenix: return JoinColumns(kPhoenixColumns, '\t');
    case OutputFormat::kCsv: return JoinColumns(kCsvColumns, ',');
  }
  return "";
}

bool WritesHeaderByDefault(OutputFormat format) { return format == OutputFormat::kCsv; }

void AppendEvent(OutputFormat format, const Event& event, std::string& out) {
  switch (format) {
    case OutputFormat::kJsonLines: AppendEventJson(event, out); return;
    case OutputFormat::kGdelt: AppendGdelt(event, out); return;
    case OutputFormat::kPhoenix: AppendPhoenix(event, out); return;
    case OutputFormat::kCsv: AppendCsv(event, out); return;
  }
}

uint64_t StableEventId(const Event& e) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto add = [&h](std::string_view part) {
    h = Fnv1a(part, h);
    h = Fnv1a(std::string_view("\0", 1), h);  // separator: "ab"+"c" differs from "a"+"bc"
  };
  add(e.doc_id);
  add(e.sentence_id);
  add(fmt::format("{}", e.sentence));
  for (const CodedSpan* span : {&e.source, &e.target, &e.event}) {
    add(span->code);
    add(fmt::format("{},{}", span->first_token, span->last_token));
  }
  return h & 0x7FFFFFFFFFFFFFFFULL;
}

std::string GdeltFractionDate(const Date& date) {
  int days = (date.month - 1) * 30 + date.day;     // GDELT counts 30-day months
  int fraction = (days * 10000 * 2 + 365) / (2 * 365);  // days / 365, 4 decimals, rounded
  return fmt::format("{}.{:04}", date.year, fraction);
}

int PhoenixPentaClass(std::string_view root) {
  if (root.size() != 2 || !AllDigits(root)) return -1;
  int r = (root[0] - '0') * 10 + (root[1] - '0');
  if (r >= 1 && r <= 2) return 0;
  if (r >= 3 && r <= 5) return 1;
  if (r >= 6 && r <= 8) return 2;
  if ((r >= 9 && r <= 13) || r == 16) return 3;
  if (r >= 14 && r <= 20) return 4;
  return -1;
}

}  // namespace parley::io

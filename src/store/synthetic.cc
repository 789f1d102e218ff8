#include "store/synthetic.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "store/period.h"

namespace parley::store {
namespace {

// ISO 3166 alpha-3 codes, as CAMEO uses them.
constexpr std::array<const char*, 200> kCountries = {
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB",
    "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "KHM", "CMR",
    "CAN", "CPV", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "COD", "CRI", "CIV", "HRV", "CUB", "CYP",
    "CZE", "DNK", "DJI", "DMA", "DOM", "ECU", "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN",
    "FRA", "GAB", "GMB", "GEO", "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN",
    "ISL", "IND", "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "PRK",
    "KOR", "KWT", "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS",
    "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MDA", "MCO", "MNG", "MNE", "MAR", "MOZ", "MMR",
    "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "MKD", "NOR", "OMN", "PAK", "PLW", "PSE", "PAN",
    "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "ROU", "RUS", "RWA", "KNA", "LCA", "VCT", "WSM", "SMR",
    "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK", "SVN", "SLB", "SOM", "ZAF", "SSD", "ESP", "LKA",
    "SDN", "SUR", "SWE", "CHE", "SYR", "TWN", "TJK", "TZA", "THA", "TLS", "TGO", "TON", "TTO", "TUN", "TUR",
    "TKM", "TUV", "UGA", "UKR", "ARE", "GBR", "USA", "URY", "UZB", "VUT", "VAT", "VEN", "VNM", "YEM", "ZMB",
    "ZWE", "XKX", "HKG", "MAC", "PRI"};

struct Sector {
  const char* code;
  const char* words;
};
constexpr std::array<Sector, 9> kSectors = {{{"", "officials"},
                                             {"GOV", "government"},
                                             {"GOV", "foreign minister"},
                                             {"MIL", "army"},
                                             {"REB", "rebels"},
                                             {"OPP", "opposition leaders"},
                                             {"CVL", "civilians"},
                                             {"MED", "journalists"},
                                             {"COP", "police"}}};

struct Code {
  const char* code;
  int quad;
  double goldstein;
  const char* plover;
  const char* verb;
};
// A spread of CAMEO codes over all four QuadClasses, weighted by how often
// news reports them (earlier entries more often).
constexpr std::array<Code, 32> kCodes = {{
    {"010", 1, 0.0, "CONSULT", "said it would discuss"},
    {"042", 1, 1.9, "CONSULT", "visited"},
    {"043", 1, 2.8, "CONSULT", "hosted"},
    {"036", 1, 4.0, "CONSULT", "expressed willingness to meet"},
    {"046", 1, 7.0, "CONSULT", "held negotiations with"},
    {"040", 1, 1.0, "CONSULT", "consulted"},
    {"051", 1, 3.4, "COOPERATE", "praised"},
    {"057", 1, 8.0, "AGREE", "signed a ceasefire agreement with"},
    {"045", 1, 5.0, "CONSULT", "mediated talks with"},
    {"031", 1, 5.2, "AGREE", "pledged to cooperate with"},
    {"020", 1, 3.0, "REQUEST", "appealed to"},
    {"071", 2, 7.4, "AID", "sent economic aid to"},
    {"073", 2, 7.4, "AID", "delivered humanitarian aid to"},
    {"0841", 2, 7.0, "RETREAT", "released prisoners held by"},
    {"087", 2, 9.0, "RETREAT", "agreed to a ceasefire with"},
    {"061", 2, 6.4, "COOPERATE", "cooperated economically with"},
    {"111", 3, -2.0, "DISAPPROVE", "criticized"},
    {"112", 3, -2.0, "DISAPPROVE", "accused"},
    {"120", 3, -4.0, "REJECT", "rejected the proposal of"},
    {"1246", 3, -4.0, "REJECT", "refused to negotiate with"},
    {"130", 3, -4.4, "THREATEN", "threatened"},
    {"138", 3, -7.0, "THREATEN", "threatened military force against"},
    {"160", 3, -4.0, "REDUCE", "cut ties with"},
    {"172", 4, -5.0, "COERCE", "imposed sanctions on"},
    {"173", 4, -5.0, "COERCE", "arrested members of"},
    {"180", 4, -9.0, "ASSAULT", "attacked"},
    {"190", 4, -10.0, "ASSAULT", "fought"},
    {"193", 4, -10.0, "ASSAULT", "clashed with"},
    {"195", 4, -10.0, "ASSAULT", "carried out air strikes on"},
    {"141", 3, -6.5, "PROTEST", "staged demonstrations against"},
    {"150", 4, -7.2, "MOBILIZE", "mobilized troops against"},
    {"200", 4, -10.0, "ASSAULT", "used mass violence against"},
}};

// Deterministic per-document generator.
class Draw {
 public:
  explicit Draw(uint64_t seed) : rng_(seed) {}
  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  int Between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  double Real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng_); }
  // Skewed towards small indexes, as news attention is: index ~ n * u^3.
  size_t Skewed(size_t n) {
    double u = Real(0, 1);
    return std::min(n - 1, static_cast<size_t>(static_cast<double>(n) * u * u * u));
  }

 private:
  std::mt19937_64 rng_;
};

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// Each country's rough centre, from its index (plausible, not geographic).
void CentreOf(size_t country, double& lat, double& lon) {
  uint64_t h = Mix(country + 17);
  lat = static_cast<double>(h % 12000) / 100.0 - 55.0;           // -55 .. 65
  lon = static_cast<double>((h >> 20) % 34000) / 100.0 - 170.0;  // -170 .. 170
}

}  // namespace

SyntheticCorpus::SyntheticCorpus(Options options) : options_(std::move(options)) {}

size_t SyntheticCorpus::CountryCount() { return kCountries.size(); }

CodedDocument SyntheticCorpus::Document(uint64_t n) const {
  Draw draw(Mix(options_.seed * 1000003 + n));
  CodedDocument out;
  parley::Document& doc = out.document;
  doc.id = fmt::format("{}-{}", options_.id_prefix, n);
  int64_t day = DayNumber(options_.first_day) + static_cast<int64_t>(draw.Below(static_cast<size_t>(options_.days)));
  doc.date = DateOfDay(day);
  doc.url = fmt::format("https://news.example.org/{}/{}", doc.date.ToIso(), n);
  // One main dyad per document, as a news story has: a country and one of
  // its few regular partners.
  size_t a = draw.Skewed(kCountries.size());
  size_t b = (a + 1 + Mix(a * 7 + draw.Below(5)) % (kCountries.size() - 1)) % kCountries.size();
  doc.title = fmt::format("{} and {}: talks and tensions", kCountries[a], kCountries[b]);
  Sentence headline;
  headline.field = TextField::kTitle;
  headline.index = -1;
  headline.end = static_cast<uint32_t>(doc.title.size());
  doc.sentences.push_back(headline);
  int events = draw.Between(options_.min_events, options_.max_events);
  for (int i = 0; i < events; ++i) {
    bool swap = draw.Below(3) == 0;
    size_t s = swap ? b : a, t = swap ? a : b;
    if (draw.Below(6) == 0) t = draw.Below(kCountries.size());  // a third party
    const Sector& ss = kSectors[draw.Below(kSectors.size())];
    const Sector& ts = kSectors[draw.Below(kSectors.size())];
    const Code& code = kCodes[draw.Skewed(kCodes.size())];
    double lat, lon;
    CentreOf(draw.Below(3) == 0 ? t : s, lat, lon);
    lat += draw.Real(-3, 3);
    lon += draw.Real(-3, 3);
    std::string source_words = fmt::format("{} {}", kCountries[s], ss.words);
    std::string target_words = fmt::format("{} {}", kCountries[t], ts.words);
    std::string sentence = fmt::format("{} {} {} near the city of Place{} on day {}.", source_words, code.verb,
                                       target_words, draw.Below(500), draw.Below(28) + 1);
    Sentence sent;
    sent.index = i;
    sent.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += sentence;
    sent.end = static_cast<uint32_t>(doc.text.size());
    doc.text += ' ';
    doc.sentences.push_back(sent);

    Event e;
    e.doc_id = doc.id;
    e.sentence = i;
    e.date = doc.date;
    auto words = [](const std::string& w) { return static_cast<int32_t>(std::count(w.begin(), w.end(), ' ')); };
    e.source = {std::string(kCountries[s]) + ss.code, source_words, 0, words(source_words)};
    int32_t verb_first = e.source.last_token + 1;
    std::string verb(code.verb);
    e.event = {code.code, verb, verb_first, verb_first + words(verb)};
    e.target = {std::string(kCountries[t]) + ts.code, target_words, e.event.last_token + 1,
                e.event.last_token + 1 + words(target_words)};
    e.pattern = fmt::format("dictionaries/verbs.txt:{}", 100 + draw.Below(4000));
    EventMetadata& m = e.meta;
    m.root_code = std::string(code.code).substr(0, 2);
    m.label = code.verb;
    m.quad_class = code.quad;
    m.goldstein = code.goldstein;
    m.has_goldstein = true;
    m.plover_type = code.plover;
    m.source = {kCountries[s], ss.code, "", source_words};
    m.target = {kCountries[t], ts.code, "", target_words};
    // Most events happen on the document's day, some a day or a week before.
    int back = draw.Below(4) == 0 ? draw.Between(1, 7) : 0;
    m.event_date = DateOfDay(day - back);
    m.date_precision = back ? DatePrecision::kDay : DatePrecision::kDocument;
    m.date_text = back ? "on Monday" : "";
    m.location.name = fmt::format("Place{}", draw.Below(500));
    m.location.text = m.location.name;
    m.location.country = kCountries[s];
    m.location.feature_type = "city";
    m.location.precision = "city";
    m.location.lat = lat;
    m.location.lon = lon;
    m.location.has_coordinates = true;
    out.events.push_back(std::move(e));
  }
  return out;
}

}  // namespace parley::store

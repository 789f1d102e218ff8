#include "enrich/places.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <tuple>

namespace parley::enrich {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool Capitalized(const Token& t) {
  if (t.form.empty()) return false;
  const auto c = static_cast<unsigned char>(t.form[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Two or more letters, all capitals ("NATO", "EU", "GAZA").
bool AllCapitals(std::string_view form) {
  int letters = 0;
  for (char c : form) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

// Whether some word of the sentence begins with a small letter: then its
// words in capitals are acronyms, not a headline's or dateline's shouting.
bool HasLowercaseWord(std::span<const Token> tokens) {
  for (const Token& t : tokens)
    if (!t.form.empty() && t.form[0] >= 'a' && t.form[0] <= 'z') return true;
  return false;
}

bool Tagged(const Token& t) { return !t.upos.empty() || !t.xpos.empty(); }

bool ProperNoun(const Token& t) { return t.upos == "PROPN" || t.xpos.starts_with("NNP"); }

bool IsDirection(std::string_view lower) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "northern", "southern", "eastern", "western", "central", "north", "south",
      "east", "west", "northeastern", "northwestern", "southeastern", "southwestern",
      "northeast", "northwest", "southeast", "southwest", "northernmost", "southernmost",
      "occupied"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// Capitalized words that continue a name ("Israel Defense Forces") — except
// these, which often follow a place ("in Gaza Thursday").
bool IsCalendarWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// Capitalized English words that are also the names of small places.
bool IsCommonWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "the", "a", "an", "of", "police", "president", "minister", "army", "government",
      "mobile", "reading", "split", "nice", "university", "union", "said", "says", "will",
      "may", "march", "bath", "deal", "opposition", "parliament", "congress", "senate",
      "state", "republic", "office", "ministry", "council", "court", "party", "forces",
      "prime", "general", "chief", "leader", "security", "media"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end() || IsCalendarWord(lower);
}

std::string JoinForms(std::span<const Token> tokens, int begin, int end) {
  std::string out;
  for (int i = begin; i < end; ++i) {
    if (!out.empty()) out.push_back(' ');
    out += tokens[static_cast<size_t>(i)].form;
  }
  return out;
}

// The words as written where the offsets allow, else the forms joined.
std::string SourceText(const std::string& text, std::span<const Token> tokens, int begin, int end) {
  const Token& first = tokens[static_cast<size_t>(begin)];
  const Token& last = tokens[static_cast<size_t>(end - 1)];
  if (first.begin < first.end && last.begin < last.end && first.begin <= last.end &&
      last.end <= text.size())
    return text.substr(first.begin, last.end - first.begin);
  return JoinForms(tokens, begin, end);
}

int64_t Importance(const GazetteerEntry& e) {
  if (e.type == "area" || e.type == "sea") return int64_t{1} << 40;
  if (e.type == "country") return int64_t{1} << 41;
  if (e.type == "region") return e.has_coordinates ? 200000 : 1000;  // US states beat small towns
  return e.capital ? e.population * 3 : e.population;
}

bool Contains(std::span<const std::string> list, const std::string& s) {
  return !s.empty() && std::find(list.begin(), list.end(), s) != list.end();
}

// A dependency tree view over a sentence (heads 1-based, 0 = root).
class Tree {
 public:
  explicit Tree(std::span<const Token> t) : t_(t) {
    ok_ = !t.empty();
    for (const Token& tok : t)
      if (tok.head < 0 || tok.head > static_cast<int32_t>(t.size())) ok_ = false;
  }
  bool ok() const { return ok_; }
  int size() const { return static_cast<int>(t_.size()); }
  int Head(int i) const { return t_[static_cast<size_t>(i)].head - 1; }
  std::string_view Rel(int i) const {
    std::string_view r = t_[static_cast<size_t>(i)].deprel;
    return r.substr(0, r.find(':'));
  }
  bool ClauseHead(int i) const {
    const std::string_view r = Rel(i);
    if (Head(i) < 0 || r == "root" || r == "ccomp" || r == "xcomp" || r == "advcl" ||
        r == "acl" || r == "csubj" || r == "parataxis")
      return true;
    const Token& t = t_[static_cast<size_t>(i)];
    return r == "conj" && (t.upos == "VERB" || t.upos == "AUX" || t.xpos.starts_with("VB"));
  }
  int ClauseOf(int i) const {  // -1 on a cycle
    for (int steps = 0; i >= 0 && steps <= size(); ++steps) {
      if (ClauseHead(i)) return i;
      i = Head(i);
    }
    return -1;
  }

 private:
  std::span<const Token> t_;
  bool ok_ = false;
};

bool IsLocative(std::string_view lower) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "in", "at", "near", "on", "across", "outside", "inside", "into", "around", "throughout",
      "along", "within", "off", "over", "nearby", "onto"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// The word of the mention whose head lies outside it; -1 when none does.
int MentionHead(const Tree& tree, const PlaceMention& m) {
  for (int i = m.begin; i < m.end; ++i) {
    const int h = tree.Head(i);
    if (h < m.begin || h >= m.end) return i;
  }
  return -1;
}

// 0: attached by a locative preposition in the verb's clause; 1: elsewhere in
// the verb's clause; 2: elsewhere in the sentence.
int TierOf(std::span<const Token> tokens, const Tree& tree, int verb, const PlaceMention& m) {
  const int n = static_cast<int>(tokens.size());
  if (!tree.ok()) {
    for (int i = m.begin - 1; i >= 0 && i >= m.begin - 2; --i)
      if (IsLocative(Lower(tokens[static_cast<size_t>(i)].form))) return 0;
    return 1;
  }
  const int head = MentionHead(tree, m);
  if (head < 0) return 2;
  const int clause = tree.ClauseOf(verb);
  if (clause < 0 || tree.ClauseOf(head) != clause) {
    // A place that heads its own clause piece ("in Gaza" attached via acl) is
    // not the verb's.
    return 2;
  }
  for (int c = 0; c < n; ++c)
    if (tree.Head(c) == head && tree.Rel(c) == "case" &&
        IsLocative(Lower(tokens[static_cast<size_t>(c)].form)))
      return 0;
  return 1;
}

// Whether the mention is a subject or object (or a conjunct of one): a
// country there is a party, not a place ("The United States and France
// condemned Iran" is not located in France).
bool CoreArgument(const Tree& tree, const PlaceMention& m) {
  if (!tree.ok()) return false;
  int head = MentionHead(tree, m);
  for (int steps = 0; head >= 0 && steps <= tree.size() && tree.Rel(head) == "conj"; ++steps) head = tree.Head(head);
  if (head < 0) return false;
  const std::string_view r = tree.Rel(head);
  return r == "nsubj" || r == "obj" || r == "iobj";
}

bool Overlaps(const PlaceMention& m, const CodedSpan& span) {
  if (span.first_token < 0) return false;
  const int last = std::max(span.first_token, span.last_token);
  return m.begin <= last && span.first_token < m.end;
}

}  // namespace

std::vector<PlaceMention> FindPlaceMentions(std::span<const Token> tokens,
                                            const Gazetteer& gazetteer) {
  std::vector<PlaceMention> out;
  const int n = static_cast<int>(tokens.size());
  const bool lowercase_sentence = HasLowercaseWord(tokens);
  int pending_direction = -1;  // index of a direction word just before
  for (int i = 0; i < n;) {
    const Token& first = tokens[static_cast<size_t>(i)];
    const std::string lower = Lower(first.form);
    const bool direction = IsDirection(lower);
    if (!Capitalized(first) && lower != "the" && !direction) {
      pending_direction = -1;
      ++i;
      continue;
    }
    // Past the first words that no name begins with, no longer phrase can
    // be a name: look those up no further.
    int reach = std::min(gazetteer.max_words(), n - i);
    for (int len = 1; len <= reach; ++len) {
      const std::string key = NameKey(JoinForms(tokens, i, i + len));
      if (!key.empty() && !gazetteer.MayBeginName(key)) reach = len - 1;
    }
    PlaceMention found;
    for (int len = std::min(gazetteer.max_words(), n - i); len >= 1; --len) {
      const int end = i + len;
      const Token& last = tokens[static_cast<size_t>(end - 1)];
      if (!Capitalized(last)) continue;
      if (len == 1) {
        if (IsCommonWord(lower)) break;
        if (Tagged(first) && !ProperNoun(first)) break;
      }
      if (len > reach) continue;
      std::vector<const GazetteerEntry*> candidates = gazetteer.Find(JoinForms(tokens, i, end));
      if (len == 1 && lowercase_sentence && AllCapitals(first.form)) {
        // An acronym in running text names an organisation ("NATO", "the
        // EU", "the AU"), not the namesake town (Nato, Philippines; Eu,
        // France); a country or region may go by its capitals ("UAE").
        std::erase_if(candidates, [&](const GazetteerEntry* e) {
          return e->type != "country" && e->type != "region" && e->name != first.form;
        });
      }
      if (candidates.empty()) continue;
      if (len == 1 && !Tagged(first) && i == 0) {
        // Untagged and sentence-initial: only names of note.
        bool notable = false;
        for (const GazetteerEntry* e : candidates)
          notable = notable || e->type != "city" || e->population >= 100000;
        if (!notable) continue;
      }
      // A longer name not in the gazetteer, begun by a proper noun that is
      // no place on the left ("the Middle East": not Cameroon's East region).
      if (i > 0) {
        const Token& prev = tokens[static_cast<size_t>(i - 1)];
        const std::string prev_lower = Lower(prev.form);
        const bool continued = Capitalized(prev) && (Tagged(prev) ? ProperNoun(prev) : i > 1) &&
                               !IsDirection(prev_lower) && !IsCalendarWord(prev_lower) &&
                               gazetteer.Find(prev.form).empty();
        if (continued) break;
      }
      // A longer name not in the gazetteer ("Israel Defense Forces").
      if (end < n) {
        const Token& next = tokens[static_cast<size_t>(end)];
        const bool continues = Capitalized(next) && !IsCalendarWord(Lower(next.form)) &&
                               (Tagged(next) ? ProperNoun(next) : true) &&
                               gazetteer.Find(next.form).empty();
        if (continues) break;
      }
      found.begin = i;
      found.end = end;
      found.candidates = std::move(candidates);
      break;
    }
    if (found.candidates.empty()) {
      pending_direction = direction ? i : -1;
      ++i;
      continue;
    }
    if (pending_direction == i - 1 && pending_direction >= 0) {
      found.begin = pending_direction;
      found.directional = true;
    }
    pending_direction = -1;
    i = found.end;
    out.push_back(std::move(found));
  }
  return out;
}

const GazetteerEntry* ChoosePlace(std::span<const GazetteerEntry* const> candidates,
                                  std::span<const std::string> actor_countries,
                                  std::span<const std::string> document_countries) {
  // An actor's country is weak evidence: it does not make a town win over a
  // namesake city six times its size (Geneva, Illinois for a U.S. envoy in
  // Geneva). Places the document names are stronger and always count.
  constexpr int64_t kDwarfed = 6;
  int64_t largest = 0;
  for (const GazetteerEntry* e : candidates)
    if (e->type == "city") largest = std::max(largest, e->population);
  auto dwarfed = [&](const GazetteerEntry& e) {
    return e.type == "city" && e.population > 0 && e.population * kDwarfed < largest;
  };
  const GazetteerEntry* best = nullptr;
  std::array<int64_t, 3> best_key{};
  for (const GazetteerEntry* e : candidates) {
    const std::array<int64_t, 3> k = {!dwarfed(*e) && Contains(actor_countries, e->country) ? 1 : 0,
                                      Contains(document_countries, e->country) ? 1 : 0,
                                      Importance(*e)};
    if (best == nullptr || k > best_key ||
        (k == best_key && std::tie(e->name, e->country) < std::tie(best->name, best->country))) {
      best = e;
      best_key = k;
    }
  }
  return best;
}

std::vector<std::string> DocumentCountries(const Document& doc) {
  const Gazetteer& gazetteer = Gazetteer::Builtin();
  std::vector<std::string> named;
  for (const Sentence& s : doc.sentences) {
    for (const PlaceMention& m : FindPlaceMentions(doc.TokensOf(s), gazetteer)) {
      // The country of a name of one country, or of a country or region
      // that is the name's best reading ("Virginia" → USA).
      const std::string& country = m.candidates.front()->country;
      bool one_country = !country.empty();
      for (const GazetteerEntry* e : m.candidates) one_country = one_country && e->country == country;
      const GazetteerEntry* top = ChoosePlace(m.candidates, {}, {});
      if (one_country && !Contains(named, country)) named.push_back(country);
      else if (!one_country && top->type != "city" && !top->country.empty() &&
               !Contains(named, top->country))
        named.push_back(top->country);
    }
  }
  return named;
}

Place ResolveEventPlace(const Document& doc, const Sentence& sentence, const Event& event) {
  return ResolveEventPlace(doc, sentence, event, DocumentCountries(doc));
}

Place ResolveEventPlace(const Document& doc, const Sentence& sentence, const Event& event,
                        std::span<const std::string> named) {
  const Gazetteer& gazetteer = Gazetteer::Builtin();
  const std::span<const Token> tokens = doc.TokensOf(sentence);
  const std::vector<PlaceMention> mentions = FindPlaceMentions(tokens, gazetteer);
  if (mentions.empty()) return Place{};

  std::vector<std::string> actors;
  for (const std::string* c : {&event.meta.source.country, &event.meta.target.country})
    if (!c->empty()) actors.push_back(*c);

  const int verb = event.event.first_token;
  const int n = static_cast<int>(tokens.size());
  const Tree tree(tokens);
  const PlaceMention* best = nullptr;
  const GazetteerEntry* best_entry = nullptr;
  int best_tier = std::numeric_limits<int>::max(), best_distance = 0;
  for (const PlaceMention& m : mentions) {
    const GazetteerEntry* e = ChoosePlace(m.candidates, actors, named);
    const bool in_source = Overlaps(m, event.source), in_target = Overlaps(m, event.target);
    if ((in_source || in_target || CoreArgument(tree, m)) && e->type == "country") continue;
    // A place name that is the whole actor (give or take "the") coded as an
    // institution is a metonym ("Washington welcomed", "The White House
    // said": USAGOV), the government, not where it happened; a place coded
    // as just its country ("struck Khan Younis": PSE) is where it happened,
    // as much as a place attached to the verb.
    auto covers = [&](const CodedSpan& span) {
      if (span.first_token > m.begin || span.last_token < m.end - 1) return false;
      for (int t = span.first_token; t <= span.last_token; ++t)
        if ((t < m.begin || t >= m.end) && Lower(tokens[static_cast<size_t>(t)].form) != "the") return false;
      return true;
    };
    if ((covers(event.source) && event.source.code.size() > 3) ||
        (covers(event.target) && event.target.code.size() > 3))
      continue;
    const bool target_place = in_target && covers(event.target);
    int tier = in_source                    ? 4
               : in_target && !target_place ? 3
               : verb >= 0 && verb < n      ? TierOf(tokens, tree, verb, m)
                                            : 2;
    const int distance = verb < 0 ? m.begin : verb < m.begin ? m.begin - verb
                                          : verb >= m.end   ? verb - m.end + 1
                                                            : 0;
    if (best == nullptr || tier < best_tier || (tier == best_tier && distance < best_distance)) {
      best = &m;
      best_entry = e;
      best_tier = tier;
      best_distance = distance;
    }
  }
  if (best == nullptr) return Place{};
  Place p;
  p.name = best_entry->name;
  p.text = SourceText(doc.TextOf(sentence), tokens, best->begin, best->end);
  p.country = best_entry->country;
  p.adm1 = best_entry->adm1;
  p.feature_type = best_entry->type;
  p.precision = best_entry->type == "city"      ? "city"
                : best_entry->type == "country" ? (best->directional ? "region" : "country")
                                                : "region";
  p.lat = best_entry->lat;
  p.lon = best_entry->lon;
  p.has_coordinates = best_entry->has_coordinates;
  return p;
}

}  // namespace parley::enrich

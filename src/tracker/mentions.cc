#include "tracker/mentions.h"

#include <algorithm>
#include <cctype>

#include "enrich/actor_fields.h"
#include "lexicon/lexicon.h"

namespace parley::tracker {
namespace {

// Capitalised words of actor phrases that say what someone is, not who.
const std::set<std::string, std::less<>> kNotNames = {
    "president", "prime", "minister", "foreign", "secretary", "mr", "mrs", "ms", "dr", "sheikh",
    "senior", "chief", "head", "director", "officials", "official", "government", "army",
    "forces", "force", "military", "defense", "defence", "ministry", "council", "security",
    "national", "state", "general", "king", "crown", "prince", "spokesman", "spokeswoman", "the",
    "and", "special", "envoy", "leader", "deputy", "affairs", "department", "office", "agency",
    "movement", "group", "sovereignty", "united", "republic", "islamic", "people", "peoples",
    "democratic", "federal", "supreme", "high", "commander", "party", "front", "authority",
    "international", "intelligence", "police", "militants", "rebels", "troops", "on", "of",
    "in", "a", "an", "president-elect", "house", "white", "war", "cabinet"};

std::string Lower(std::string_view s) { return LowerWord(s); }

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string StripPossessive(std::string w) {
  if (w.ends_with("'s")) w.resize(w.size() - 2);
  return w;
}

bool Contains(const std::vector<std::string_view>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

const Mention* MentionStartingAt(const std::vector<Mention>& mentions, int at) {
  for (const Mention& m : mentions)
    if (m.first == at) return &m;
  return nullptr;
}
const Mention* MentionEndingAt(const std::vector<Mention>& mentions, int at) {
  for (const Mention& m : mentions)
    if (m.last == at) return &m;
  return nullptr;
}

// From a mention, further mentions joined by "," / "and" / "as well as".
void ChainRight(const SentenceWords& w, const std::vector<Mention>& mentions, const Mention* m,
                std::set<std::string>& out) {
  const int n = static_cast<int>(w.size());
  while (m != nullptr) {
    out.insert(m->party);
    int k = m->last + 1;
    bool joined = false;
    while (k < n && (w.lower[k] == "," || w.lower[k] == "and" || w.lower[k] == "the")) {
      joined = joined || w.lower[k] != "the";
      ++k;
    }
    if (k + 1 < n && w.lower[k] == "as" && w.lower[k + 1] == "well" && k + 2 < n) {
      k += 3;
      joined = true;
      if (k < n && w.lower[k] == "the") ++k;
    }
    m = joined ? MentionStartingAt(mentions, k) : nullptr;
  }
}

void ChainLeft(const SentenceWords& w, const std::vector<Mention>& mentions, const Mention* m,
               std::set<std::string>& out) {
  while (m != nullptr) {
    out.insert(m->party);
    int k = m->first - 1;
    bool joined = false;
    while (k >= 0 && (w.lower[k] == "," || w.lower[k] == "and" || w.lower[k] == "the")) {
      joined = joined || w.lower[k] != "the";
      --k;
    }
    m = joined ? MentionEndingAt(mentions, k) : nullptr;
  }
}

const std::vector<std::string_view> kSkipRight = {",", "by", "the", "of", "from", ":", "including",
                                                  "--", "-", "—", "countries", "nations", "states"};
const std::vector<std::string_view> kSkipLeft = {
    "other", "key", "chief", "main", "the", "and", "a", "an", "as", "acting", "which", "who",
    "has", "have", "had", "is", "are", "was", "were", "been", "also", "jointly", "helped",
    "international", "regional", ",", "officials", "negotiators", "diplomats", "two", "three",
    "will", "would", "to", "offered", "agreed"};  // "X will host", "X offered to mediate"

}  // namespace

void AliasTable::AddAlias(std::string alias, const std::string& party) {
  if (alias.size() < 2) return;
  size_t words = SplitSpaces(alias).size();
  max_words_ = std::max(max_words_, words);
  parties_[std::move(alias)].insert(party);
}

void AliasTable::Add(const std::string& party, const std::string& text) {
  if (party.empty() || text.empty()) return;
  std::vector<std::string> words = SplitSpaces(text);
  if (!words.empty() && Lower(words[0]) == "the") words.erase(words.begin());
  if (words.empty()) return;
  if (words.size() <= 4) {
    std::string alias;
    for (const std::string& word : words) {
      if (!alias.empty()) alias += ' ';
      alias += Lower(word);
    }
    AddAlias(StripPossessive(std::move(alias)), party);
  }
  for (const std::string& word : words) {
    if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0]))) continue;
    std::string lower = StripPossessive(Lower(word));
    if (kNotNames.count(lower) != 0) continue;
    AddAlias(std::move(lower), party);
  }
}

std::vector<Mention> AliasTable::Find(const SentenceWords& w) const {
  std::vector<Mention> out;
  const int n = static_cast<int>(w.size());
  for (int i = 0; i < n;) {
    int matched = 0;
    for (int len = static_cast<int>(std::min<size_t>(max_words_, n - i)); len >= 1 && !matched;
         --len) {
      std::string key;
      for (int k = 0; k < len; ++k) {
        if (k > 0) key += ' ';
        key += w.lower[i + k];
      }
      auto it = parties_.find(StripPossessive(key));
      if (it != parties_.end() && it->second.size() == 1) {
        out.push_back({i, i + len - 1, *it->second.begin()});
        matched = len;
      }
    }
    i += matched > 0 ? matched : 1;
  }
  return out;
}

std::vector<Mention> FindActorMentions(const lexicon::Lexicon& lexicon, const SentenceWords& w,
                                       Date date) {
  std::vector<lexicon::WordId> ids;
  ids.reserve(w.size());
  for (const std::string& form : w.forms) ids.push_back(lexicon.vocab.FindUpperOf(form));
  std::vector<Mention> out;
  for (size_t i = 0; i < ids.size();) {
    lexicon::PhraseMatch m = lexicon.actors.LongestMatch(ids, i);
    if (m.length == 0) {
      ++i;
      continue;
    }
    std::string_view code = lexicon.actors.CodeOn(m.entry, date);
    std::string party = PartyCode(enrich::SplitActorCode(code, ""));
    if (!party.empty())
      out.push_back({static_cast<int>(i), static_cast<int>(i + m.length) - 1, std::move(party)});
    i += m.length;
  }
  return out;
}

std::vector<Mention> MergeMentions(std::vector<Mention> first, const std::vector<Mention>& second) {
  for (const Mention& m : second) {
    bool overlaps = std::any_of(first.begin(), first.end(), [&](const Mention& f) {
      return m.first <= f.last && f.first <= m.last;
    });
    if (!overlaps) first.push_back(m);
  }
  std::sort(first.begin(), first.end(),
            [](const Mention& a, const Mention& b) { return a.first < b.first; });
  return first;
}

std::vector<std::pair<std::string, std::string>> PairsNamedBetween(
    const SentenceWords& w, const std::vector<Mention>& mentions) {
  std::vector<std::pair<std::string, std::string>> pairs;
  const int n = static_cast<int>(w.size());
  // "talks between", "an intermediary between", "a truce between"; not
  // "the conflict between".
  static const std::vector<std::string_view> kSidesOf = {
      "talk*", "negotiat*", "intermediar*", "mediat*", "go-between", "agreement*", "deal*",
      "ceasefire*", "cease-fire*", "truce*", "accord*", "exchange*", "swap*", "contacts"};
  for (int b = 0; b < n; ++b) {
    if (w.lower[b] != "between") continue;
    if (FindAny(w, kSidesOf, b - 3, b) < 0) continue;
    int k = b + 1;
    if (k < n && w.lower[k] == "the") ++k;
    const Mention* a = MentionStartingAt(mentions, k);
    if (a == nullptr) continue;
    k = a->last + 1;
    if (k >= n || w.lower[k] != "and") continue;
    ++k;
    if (k < n && w.lower[k] == "the") ++k;
    const Mention* c = MentionStartingAt(mentions, k);
    if (c == nullptr || c->party == a->party) continue;
    pairs.emplace_back(std::min(a->party, c->party), std::max(a->party, c->party));
  }
  return pairs;
}

std::set<std::string> MediatorsNamed(const SentenceWords& w, const std::vector<Mention>& mentions) {
  std::set<std::string> named;
  const int n = static_cast<int>(w.size());
  for (int from = 0;;) {
    int cue = FindAny(w, cues::kMediator, from);
    if (cue < 0) break;
    from = cue + 1;
    int k = cue + 1;
    while (k < n && Contains(kSkipRight, w.lower[k])) ++k;
    ChainRight(w, mentions, MentionStartingAt(mentions, k), named);
    k = cue - 1;
    while (k >= 0 && Contains(kSkipLeft, w.lower[k])) --k;
    if (k >= 0) ChainLeft(w, mentions, MentionEndingAt(mentions, k), named);
    // "As an intermediary between A and B, X and Y received ...": the
    // subject after the opening clause.
    if (n > 0 && w.lower[0] == "as") {
      int comma = -1;
      for (int i = 0; i < n; ++i)
        if (w.lower[i] == ",") {
          comma = i;
          break;
        }
      if (comma > cue) {
        k = comma + 1;
        if (k < n && w.lower[k] == "the") ++k;
        ChainRight(w, mentions, MentionStartingAt(mentions, k), named);
      }
    }
  }
  for (const auto& [a, b] : PairsNamedBetween(w, mentions)) {
    named.erase(a);
    named.erase(b);
  }
  return named;
}

}  // namespace parley::tracker

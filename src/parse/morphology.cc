#include "parse/morphology.h"

#include <algorithm>
#include <map>

#include "parse/hash.h"
#include "parse/tagger.h"

namespace parley::parse {
namespace {

constexpr size_t kMaxSuffix = 6;
// A tag keeps unseen words as they are when at least this share of its
// training words, and this many, are their own lemma.
constexpr double kKeepingShare = 0.95;
constexpr int kMinKeepingWords = 100;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerString(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

uint64_t SuffixKey(int xpos, std::string_view lower, size_t len) {
  return Key(90, static_cast<uint64_t>(xpos), HashBytes(lower.substr(lower.size() - len)), len);
}

// The most frequent value of each key; ties go to the smaller value.
template <typename M>
void KeepMostFrequent(const M& counts, U64Map<uint32_t>& out) {
  for (const auto& [key, values] : counts) {
    uint32_t best = 0;
    int best_count = -1;
    for (const auto& [v, c] : values)
      if (c > best_count) best = v, best_count = c;
    out.Insert(key, best);
  }
}

}  // namespace

std::string StripVoice(std::string_view feats) {
  std::string out;
  size_t start = 0;
  while (start <= feats.size()) {
    size_t bar = feats.find('|', start);
    if (bar == std::string_view::npos) bar = feats.size();
    std::string_view f = feats.substr(start, bar - start);
    if (!f.empty() && f.substr(0, 6) != "Voice=") {
      if (!out.empty()) out += '|';
      out += f;
    }
    start = bar + 1;
  }
  return out;
}

namespace {

// The shortest rewrite of `form` into `lemma`, from the lowercased form or
// the form as written; false when none fits a Rule.
bool ShortestRewrite(std::string_view form, std::string_view lower, std::string_view lemma, Lemmatizer::Rule& best) {
  size_t best_cost = SIZE_MAX;
  for (int keep_case = 0; keep_case < 2; ++keep_case) {
    const std::string_view base = keep_case ? form : lower;
    size_t common = 0;
    while (common < base.size() && common < lemma.size() && base[common] == lemma[common]) ++common;
    const size_t cut = base.size() - common;
    if (cut > 255) continue;
    const size_t cost = cut + (lemma.size() - common);
    if (cost < best_cost) {
      best_cost = cost;
      best.cut = static_cast<uint8_t>(cut);
      best.lower = keep_case ? 0 : 1;
      best.add = std::string(lemma.substr(common));
    }
  }
  return best_cost != SIZE_MAX;
}

}  // namespace

Lemmatizer::RuleIds Lemmatizer::IndexRules() const {
  RuleIds ids;
  for (size_t i = 0; i < rules_.size(); ++i)
    ids.emplace(std::make_tuple(rules_[i].cut, rules_[i].lower, rules_[i].add), static_cast<uint32_t>(i));
  return ids;
}

uint32_t Lemmatizer::InternRule(const Rule& rule, RuleIds& ids) {
  auto [it, added] = ids.emplace(std::make_tuple(rule.cut, rule.lower, rule.add), static_cast<uint32_t>(rules_.size()));
  if (added) rules_.push_back(rule);
  return it->second;
}

void Lemmatizer::Train(const std::vector<MorphExample>& data) {
  RuleIds rule_ids = IndexRules();
  std::map<uint64_t, std::map<uint32_t, int>> exact, suffix;
  for (const MorphExample& ex : data) {
    const std::string lower = LowerString(ex.form);
    Rule best;
    if (!ShortestRewrite(ex.form, lower, ex.lemma, best)) continue;
    const uint32_t id = InternRule(best, rule_ids);
    ++exact[Key(91, HashLower(ex.form), static_cast<uint64_t>(ex.xpos))][id];
    for (size_t len = 0; len <= std::min(kMaxSuffix, lower.size()); ++len)
      ++suffix[SuffixKey(ex.xpos, lower, len)][id];
  }
  KeepMostFrequent(exact, exact_);
  KeepMostFrequent(suffix, suffix_);
  // Tags whose training words are (almost) all their own lemma keep an
  // unseen word as it is: a name the suffix rules would rewrite ("Moreau"
  // NNP: "arreau", from some other name's ending) stays itself.
  std::map<int, std::pair<int, int>> same;  // xpos -> (lemma == form, all)
  for (const MorphExample& ex : data) {
    auto& [kept, all] = same[ex.xpos];
    kept += ex.lemma == ex.form;
    ++all;
  }
  keeps_unseen_.clear();
  for (const auto& [xpos, counts] : same) {
    if (xpos < 0 || counts.second < kMinKeepingWords || counts.first < counts.second * kKeepingShare) continue;
    if (keeps_unseen_.size() <= static_cast<size_t>(xpos)) keeps_unseen_.resize(static_cast<size_t>(xpos) + 1, 0);
    keeps_unseen_[static_cast<size_t>(xpos)] = 1;
  }
}

size_t Lemmatizer::AddIrregularForms(const std::vector<MorphExample>& forms) {
  RuleIds rule_ids = IndexRules();
  size_t added = 0;
  for (const MorphExample& ex : forms) {
    const uint64_t key = Key(91, HashLower(ex.form), static_cast<uint64_t>(ex.xpos));
    if (exact_.Find(key) != nullptr) continue;  // the treebank's own reading wins
    const std::string lower = LowerString(ex.form);
    Rule rule;
    if (!ShortestRewrite(ex.form, lower, ex.lemma, rule)) continue;
    exact_.Insert(key, InternRule(rule, rule_ids));
    ++added;
  }
  return added;
}

void Lemmatizer::Prefetch(uint64_t lower_hash, int xpos) const {
  exact_.Prefetch(Key(91, lower_hash, static_cast<uint64_t>(xpos)));
}

void Lemmatizer::Lemmatize(std::string_view form, uint64_t lower_hash, int xpos, std::string& out) const {
  const uint32_t* rule = exact_.Find(Key(91, lower_hash, static_cast<uint64_t>(xpos)));
  if (rule == nullptr && xpos >= 0 && static_cast<size_t>(xpos) < keeps_unseen_.size() &&
      keeps_unseen_[static_cast<size_t>(xpos)]) {
    out.assign(form);
    return;
  }
  if (rule == nullptr) {
    // Unseen (word, tag): the longest known suffix with this tag.
    char buf[kMaxSuffix];
    const size_t n = std::min(form.size(), kMaxSuffix);
    for (size_t i = 0; i < n; ++i) buf[i] = Lower(form[form.size() - n + i]);
    const std::string_view tail(buf, n);
    for (size_t len = n + 1; rule == nullptr && len-- > 0;) rule = suffix_.Find(SuffixKey(xpos, tail, len));
  }
  if (rule == nullptr || *rule >= rules_.size() || rules_[*rule].cut > form.size()) {
    out.assign(form);
    return;
  }
  const Rule& r = rules_[*rule];
  // Rules count bytes, learned mostly on ASCII: "'re" -> "be" cuts three.
  // Cut whole characters only: "’re" (a three-byte apostrophe) -> "be", not
  // half an apostrophe.
  size_t keep = form.size() - r.cut;
  while (keep > 0 && (static_cast<unsigned char>(form[keep]) & 0xC0) == 0x80) --keep;
  out.assign(form.data(), keep);
  if (r.lower)
    for (char& c : out) c = Lower(c);
  out.append(r.add);
}

void Lemmatizer::Write(ByteWriter& w) const {
  w.Put<uint32_t>(static_cast<uint32_t>(rules_.size()));
  for (const Rule& r : rules_) {
    w.Put<uint8_t>(r.cut);
    w.Put<uint8_t>(r.lower);
    w.PutString(r.add);
  }
  exact_.Write(w);
  suffix_.Write(w);
  w.PutArray(keeps_unseen_);
}

bool Lemmatizer::Read(ByteReader& r) {
  uint32_t n = 0;
  if (!r.Get(n) || n > (1u << 24)) return r.Fail();
  rules_.assign(n, Rule());
  for (Rule& rule : rules_)
    if (!r.Get(rule.cut) || !r.Get(rule.lower) || !r.GetString(rule.add)) return false;
  if (!exact_.Read(r) || !suffix_.Read(r)) return false;
  keeps_unseen_.clear();
  return r.AtEnd() || r.GetArray(keeps_unseen_);  // absent in models made before it
}

void FeatsTable::Train(const std::vector<MorphExample>& data) {
  std::map<std::string, uint32_t> ids{{"", 0}};
  names_.assign(1, "");
  std::map<uint64_t, std::map<uint32_t, int>> word, tag;
  for (const MorphExample& ex : data) {
    const std::string f = StripVoice(ex.feats == "_" ? std::string_view() : ex.feats);
    auto [it, added] = ids.emplace(f, static_cast<uint32_t>(names_.size()));
    if (added) names_.push_back(f);
    const uint64_t x = static_cast<uint64_t>(ex.xpos), u = static_cast<uint64_t>(ex.upos);
    ++word[Key(92, HashLower(ex.form), x, u)][it->second];
    ++tag[Key(93, x, u)][it->second];
  }
  KeepMostFrequent(tag, tag_);
  // Keep word entries only where they differ from the tag default.
  U64Map<uint32_t> all;
  KeepMostFrequent(word, all);
  word_ = U64Map<uint32_t>();
  for (const MorphExample& ex : data) {
    const uint64_t x = static_cast<uint64_t>(ex.xpos), u = static_cast<uint64_t>(ex.upos);
    const uint64_t k = Key(92, HashLower(ex.form), x, u);
    const uint32_t* v = all.Find(k);
    const uint32_t* d = tag_.Find(Key(93, x, u));
    if (v && d && *v != *d) word_.Insert(k, *v);
  }
  BuildDense();
}

void FeatsTable::Prefetch(uint64_t lower_hash, int xpos, int upos) const {
  word_.Prefetch(Key(92, lower_hash, static_cast<uint64_t>(xpos), static_cast<uint64_t>(upos)));
}

const std::string& FeatsTable::Feats(uint64_t lower_hash, int xpos, int upos) const {
  const uint64_t x = static_cast<uint64_t>(xpos), u = static_cast<uint64_t>(upos);
  const uint32_t* v = word_.Find(Key(92, lower_hash, x, u));
  if (v == nullptr) {
    if (x < kDenseTags && u < kDenseTags) {
      const uint32_t d = dense_[x * kDenseTags + u];
      return d < names_.size() ? names_[d] : names_[0];
    }
    v = tag_.Find(Key(93, x, u));
  }
  if (v == nullptr || *v >= names_.size()) return names_[0];
  return names_[*v];
}

void FeatsTable::BuildDense() {
  dense_.assign(kDenseTags * kDenseTags, 0);
  for (uint64_t x = 0; x < kDenseTags; ++x)
    for (uint64_t u = 0; u < kDenseTags; ++u)
      if (const uint32_t* v = tag_.Find(Key(93, x, u))) dense_[x * kDenseTags + u] = *v;
}

void FeatsTable::Write(ByteWriter& w) const {
  w.PutStrings(names_);
  word_.Write(w);
  tag_.Write(w);
}

bool FeatsTable::Read(ByteReader& r) {
  if (!r.GetStrings(names_) || names_.empty()) return r.Fail();
  if (!word_.Read(r) || !tag_.Read(r)) return false;
  BuildDense();
  return true;
}

}  // namespace parley::parse

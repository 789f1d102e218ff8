#include "lexicon/petrarch_import.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <span>
#include <unordered_map>

#include "lexicon/actor_dictionary.h"
#include "lexicon/agent_dictionary.h"
#include "lexicon/discard_list.h"
#include "lexicon/inflect.h"
#include "lexicon/reader_util.h"

namespace parley::lexicon {

using internal::Trim;

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string Header(DictKind kind, const std::string& name) {
  std::string out = std::string(kParleyMagic) + " " + DictKindName(kind) + " 1\n";
  out += "# Converted from " + name + " by 'parley dict import-petrarch'.\n";
  return out;
}

// yyyymmdd → "YYYY-MM-DD".
std::string IsoDate(int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
  return buf;
}

std::string Joined(std::span<const WordId> words, const Vocabulary& vocab) {
  std::string out;
  for (WordId w : words) {
    if (!out.empty()) out += ' ';
    out += vocab.Spelling(w);
  }
  return out;
}

// A label must not hold the brackets that delimit it.
bool UsableLabel(std::string_view s) { return s.find_first_of("[]") == std::string_view::npos; }

// Text that Parley would read differently: list separators and comments.
bool UsableName(std::string_view s) {
  if (s.find(';') != std::string_view::npos) return false;
  if (!s.empty() && s[0] == '#') return false;
  for (size_t i = 1; i < s.size(); ++i)
    if (s[i] == '#' && internal::IsBlank(s[i - 1]) && (i + 1 == s.size() || internal::IsBlank(s[i + 1])))
      return false;
  return true;
}

std::string ImportActors(std::string_view text, const std::string& name, std::vector<std::string>& notes) {
  Vocabulary vocab;
  ActorDictionary dict;
  (void)dict.LoadPetrarchText(text, name, vocab);  // only file reading fails
  std::vector<std::vector<std::string>> names(dict.size());
  dict.ForEachPhrase([&](std::span<const WordId> words, uint32_t e) { names[e].push_back(Joined(words, vocab)); });
  std::string out = Header(DictKind::kActors, name);
  for (uint32_t i = 0; i < dict.size(); ++i) {
    const ActorEntry& e = dict.entry(i);
    std::string label;
    for (auto w : NameWords(e.phrase)) label += (label.empty() ? "" : " ") + std::string(w);
    std::string key = NameKey(label);
    std::vector<std::string> others;
    for (const auto& n : names[i])
      if (n != key) others.push_back(n);
    if (!UsableLabel(label) || !UsableName(label)) {
      auto it = std::find_if(others.begin(), others.end(), [](const std::string& n) {
        return UsableLabel(n) && UsableName(n);
      });
      if (it == others.end()) {
        notes.push_back(internal::Where(name, e.line, "actor name cannot be written as a Parley label; entry left out", e.phrase));
        continue;
      }
      notes.push_back(internal::Where(name, e.line, "actor name cannot be a Parley label; dropped, '" + *it + "' used instead", e.phrase));
      label = *it;
      others.erase(it);
    }
    out += "\n[" + label + "]\n";
    for (const auto& n : others) {
      if (!UsableName(n)) {
        notes.push_back(internal::Where(name, e.line, "name cannot be written in Parley's list syntax; left out", n));
        continue;
      }
      out += "names = " + n + "\n";
    }
    if (!e.default_code.empty() || e.dated.empty())
      out += "code = " + (e.default_code.empty() ? std::string("---") : e.default_code) + "\n";
    for (const DatedCode& d : e.dated) {
      out += "code ";
      if (d.from != 0) out += IsoDate(d.from) + " ";
      out += "..";
      if (d.to != 99999999) out += " " + IsoDate(d.to);
      out += " = " + (d.code.empty() ? std::string("---") : d.code) + "\n";
    }
  }
  return out;
}

// The phrase with its last word in the regular plural ("" if none).
std::string PluralOf(const std::string& phrase) {
  size_t sp = phrase.rfind(' ');
  std::string head = sp == std::string::npos ? "" : phrase.substr(0, sp + 1);
  std::string last = sp == std::string::npos ? phrase : phrase.substr(sp + 1);
  std::string pl = internal::NounPlural(last);
  return pl.empty() ? "" : head + pl;
}

// Names that, with plural = auto, give exactly `phrases`; empty when no such set.
std::vector<std::string> AutoPluralBase(const std::vector<std::string>& phrases) {
  std::set<std::string> all(phrases.begin(), phrases.end());
  std::set<std::string> plurals;
  for (const auto& p : phrases) {
    std::string pl = PluralOf(p);
    if (!pl.empty() && pl != p && all.count(pl)) plurals.insert(pl);
  }
  std::vector<std::string> base;
  for (const auto& p : phrases)
    if (!plurals.count(p)) base.push_back(p);
  std::set<std::string> expanded;
  for (const auto& b : base) {
    expanded.insert(b);
    std::string pl = PluralOf(b);
    if (!pl.empty()) expanded.insert(pl);
  }
  if (expanded != all) return {};
  return base;
}

std::string ImportAgents(std::string_view text, const std::string& name, std::vector<std::string>& notes) {
  Vocabulary vocab;
  AgentDictionary dict;
  (void)dict.LoadPetrarchText(text, name, vocab);
  std::vector<std::vector<std::string>> names(dict.size());
  dict.ForEachPhrase([&](std::span<const WordId> words, uint32_t e) { names[e].push_back(Joined(words, vocab)); });
  std::string out = Header(DictKind::kAgents, name);
  for (uint32_t i = 0; i < dict.size(); ++i) {
    const AgentEntry& e = dict.entry(i);
    std::vector<std::string> phrases;
    for (const auto& n : names[i])
      if (UsableName(n) && UsableLabel(n)) phrases.push_back(n);
      else notes.push_back(internal::Where(name, e.line, "name cannot be written in Parley's syntax; left out", n));
    if (phrases.empty()) {
      notes.push_back(internal::Where(name, e.line, "agent has no name of its own (all taken by earlier entries); left out", e.phrase));
      continue;
    }
    std::vector<std::string> base = AutoPluralBase(phrases);
    bool plural = !base.empty();
    if (!plural) base = phrases;
    // The label: the phrase as written when it is one of the names.
    std::string written = NameKey(e.phrase);
    auto it = std::find(base.begin(), base.end(), written);
    if (it != base.end()) std::rotate(base.begin(), it, it + 1);
    out += "\n[" + Lower(base[0]) + "]\n";
    for (size_t k = 1; k < base.size(); ++k) out += "names = " + Lower(base[k]) + "\n";
    out += "code = " + (e.prefix ? e.code + "~" : "~" + e.code) + "\n";
    if (!plural) out += "plural = none\n";
  }
  return out;
}

std::string ImportDiscards(std::string_view text, const std::string& name, std::vector<std::string>& notes) {
  DiscardList dict;
  (void)dict.LoadPetrarchText(text, name);
  std::string story, sentence;
  for (const DiscardHit& h : dict.phrases()) {
    bool whole_word = !h.phrase.empty() && h.phrase.back() == '_';
    std::string words;
    for (auto w : NameWords(h.phrase)) words += (words.empty() ? "" : " ") + std::string(w);
    if (!UsableName(words)) {
      notes.push_back(name + ": discard phrase cannot be written in Parley's list syntax; left out: " + h.phrase);
      continue;
    }
    (h.whole_story ? story : sentence) += "phrases = " + words + (whole_word ? "" : "*") + "\n";
  }
  std::string out = Header(DictKind::kDiscards, name);
  out += "# A final '*' marks a stem: PETRARCH matches a discard phrase as a word prefix unless it ends in '_'.\n";
  if (!story.empty()) out += "\n[story discards]\nscope = story\n" + story;
  if (!sentence.empty()) out += "\n[sentence discards]\nscope = sentence\n" + sentence;
  return out;
}

// Lower-cases a pattern or phrase, leaving "&SYNSET" references as written.
std::string LowerText(std::string_view s) {
  std::string out(s);
  bool in_ref = false;
  for (char& c : out) {
    if (c == '&') in_ref = true;
    else if (internal::IsBlank(c) || c == '(' || c == ')' || c == '{' || c == '}') in_ref = false;
    if (!in_ref && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "WIRE_+TAP" → "wire +tap"; '_' inside "&NAME" references is kept.
std::string Spaced(std::string_view s) {
  std::string out;
  std::vector<std::string_view> toks;
  internal::SplitBlanks(s, toks);
  for (auto t : toks) {
    if (!out.empty()) out += ' ';
    if (t.find('&') != std::string_view::npos) {
      out += t;
      continue;
    }
    std::string piece;
    for (char c : t) piece += c == '_' ? ' ' : c;
    out += Trim(piece);
  }
  return LowerText(out);
}

class VerbImporter {
 public:
  VerbImporter(const std::string& name, std::vector<std::string>& notes) : name_(name), notes_(notes) {}

  std::string Run(std::string_view text) {
    internal::LineReader reader(text);
    std::string_view raw;
    while (reader.Next(raw, line_)) {
      std::string_view s = Trim(internal::StripComment(raw, /*semicolon=*/true));
      if (s.empty() || s[0] == '<') continue;
      if (s[0] == '&') {
        SynsetHeader(s);
        continue;
      }
      if (s[0] == '+' && in_synset_) {
        members_.push_back(std::string(Trim(s.substr(1))));
        continue;
      }
      EndSynset();
      if (s.substr(0, 3) == "---") {
        BlockHeader(s);
      } else if (s[0] == '-') {
        Pattern(s, s.substr(1));
      } else if (s[0] == '~') {
        OpenImplicit("transformations");
        blocks_ += "transformation = " + std::string(Trim(s.substr(1))) + "\n";
      } else if (s[0] == '*' || s[0] == '$' || s[0] == '%' || s[0] == '(') {
        Pattern(s, s);
      } else if (s[0] == '{') {
        Skip("verb forms on a line of their own", s);
      } else {
        Verb(s);
      }
    }
    EndSynset();
    std::string out = Header(DictKind::kVerbs, name_);
    if (!synsets_.empty()) out += synsets_;
    out += blocks_;
    return out;
  }

 private:
  void Skip(std::string_view why, std::string_view s) {
    notes_.push_back(internal::Where(name_, line_, std::string(why) + "; skipped, as PETRARCH does", s));
    blocks_ += "# import skipped " + name_ + ":" + std::to_string(line_) + " (" + std::string(why) + "): " +
               std::string(s) + "\n";
  }

  void SynsetHeader(std::string_view s) {
    EndSynset();
    std::vector<std::string_view> toks;
    internal::SplitBlanks(s.substr(1), toks);
    std::string n = toks.empty() ? "" : std::string(toks[0]);
    syn_plural_ = n.empty() || n.back() != '_';
    while (!n.empty() && n.back() == '_') n.pop_back();
    if (n.empty()) {
      Skip("synset without a name", s);
      return;
    }
    syn_name_ = n;
    syn_line_ = line_;
    in_synset_ = true;
    members_.clear();
  }

  void EndSynset() {
    if (!in_synset_) return;
    in_synset_ = false;
    // A member ending in '_' gets no plural; Parley sets plurals per synset,
    // so a mixed synset lists its plurals explicitly.
    bool mixed = false;
    for (const auto& m : members_)
      if (syn_plural_ && !m.empty() && m.back() == '_') mixed = true;
    synsets_ += "\n[&" + syn_name_ + "]\n";
    if (!syn_plural_ || mixed) synsets_ += "plural = none\n";
    for (const auto& m : members_) {
      std::string text = m;
      size_t cut = text.find_first_of("[{");
      if (cut != std::string::npos) text = std::string(Trim(text.substr(0, cut)));
      if (text.empty()) continue;
      std::string spaced = Spaced(text);
      synsets_ += "members = " + spaced + "\n";
      if (mixed && text.back() != '_') {
        std::vector<std::string_view> words;
        internal::SplitPhrase(text, words);
        if (!words.empty() && words.back()[0] != '&') {
          std::string pl = internal::NounPlural(ToUpperKey(words.back()));
          if (!pl.empty()) {
            size_t sp = spaced.rfind(' ');
            synsets_ += "members = " + (sp == std::string::npos ? "" : spaced.substr(0, sp + 1)) + Lower(pl) + "\n";
          }
        }
      }
    }
  }

  void BlockHeader(std::string_view s) {
    std::string_view t = s;
    while (!t.empty() && t[0] == '-') t.remove_prefix(1);
    size_t open = t.find('[');
    std::string_view label = Trim(open == std::string_view::npos ? t : t.substr(0, open));
    while (!label.empty() && (label.back() == '-' || label.back() == '_')) label.remove_suffix(1);
    label = Trim(label);
    std::string code = "---";
    if (open != std::string_view::npos) {
      size_t close = t.find(']', open);
      if (close != std::string_view::npos) {
        std::string c;
        for (char ch : t.substr(open + 1, close - open - 1))
          if (!internal::IsBlank(ch)) c += ch;
        if (!c.empty()) code = c;
      }
    }
    std::string l = label.empty() ? std::string("unnamed") : Lower(label);
    if (!UsableLabel(l)) l = "unnamed";
    blocks_ += "\n[" + l + "]\ncode = " + code + "\n";
    in_block_ = true;
  }

  void OpenImplicit(std::string_view label) {
    if (in_block_) return;
    blocks_ += "\n[" + Lower(label) + "]\ncode = ---\n";
    in_block_ = true;
  }

  void Pattern(std::string_view s, std::string_view body) {
    if (!in_block_) return Skip("pattern outside a verb block", s);
    size_t open = body.rfind('[');
    size_t close = open == std::string_view::npos ? open : body.find(']', open);
    if (close == std::string_view::npos) return Skip("pattern has no [code]", s);
    std::string code;
    for (char c : body.substr(open + 1, close - open - 1))
      if (!internal::IsBlank(c)) code += c;
    std::string_view elements = Trim(body.substr(0, open));
    if (code.empty() || elements.empty()) return Skip("pattern without a code or elements", s);
    blocks_ += "pattern = " + LowerText(elements) + " -> " + code + "\n";
  }

  void Verb(std::string_view s) {
    size_t lb = s.find('{');
    size_t rb = lb == std::string_view::npos ? lb : s.find('}', lb);
    if (lb != std::string_view::npos && rb == std::string_view::npos) return Skip("missing '}'", s);
    size_t open = s.find('[');
    if (lb != std::string_view::npos && open != std::string_view::npos && open > lb && open < rb)
      open = s.find('[', rb);
    size_t head_end = std::min(lb, open);
    std::string_view head = Trim(s.substr(0, head_end == std::string_view::npos ? s.size() : head_end));
    std::string code;
    if (open != std::string_view::npos) {
      size_t close = s.find(']', open);
      if (close == std::string_view::npos) return Skip("missing ']'", s);
      for (char c : s.substr(open + 1, close - open - 1))
        if (!internal::IsBlank(c)) code += c;
    }
    std::string verb = Spaced(head);
    std::vector<std::string_view> words;
    internal::SplitPhrase(verb, words);
    if (words.empty()) return Skip("empty verb", s);
    if (!in_block_) {
      // TABARI files without "--- NAME ---" headers: an implicit block named after the verb.
      std::string_view w = words[0];
      for (auto x : words)
        if (x[0] == '+') w = x;
      while (!w.empty() && w[0] == '+') w.remove_prefix(1);
      OpenImplicit(ToUpperKey(w));
    }
    int plus = 0;
    for (auto w : words)
      if (w[0] == '+') ++plus;
    if (plus > 1) {
      // PETRARCH takes the first '+' word; Parley allows one mark.
      notes_.push_back(internal::Where(name_, line_, "more than one '+' in a multi-word verb; the first kept", s));
      bool seen = false;
      std::string fixed;
      for (auto w : words) {
        std::string_view x = w;
        if (x[0] == '+') {
          if (seen) x.remove_prefix(1);
          seen = true;
        }
        fixed += (fixed.empty() ? "" : " ") + std::string(x);
      }
      verb = fixed;
    }
    std::string arrow = code.empty() ? "" : " -> " + code;
    if (lb == std::string_view::npos) {
      blocks_ += "verbs = " + verb + arrow + "\n";
      return;
    }
    std::string list(s.substr(lb + 1, rb - lb - 1));
    for (char& c : list)
      if (c == ',') c = ' ';
    std::vector<std::string_view> items;
    internal::SplitBlanks(list, items);
    bool multi = words.size() > 1;
    std::vector<std::string> forms;
    for (auto item : items) {
      forms.push_back(Spaced(item));
      if (forms.back().find(' ') != std::string::npos) multi = true;
    }
    std::string joined;
    for (const auto& f : forms) joined += (joined.empty() ? "" : multi ? ", " : " ") + f;
    blocks_ += "forms = " + verb + ":" + (joined.empty() ? "" : " " + joined) + arrow + "\n";
  }

  const std::string& name_;
  std::vector<std::string>& notes_;
  int line_ = 0;
  bool in_block_ = false;
  bool in_synset_ = false;
  bool syn_plural_ = true;
  std::string syn_name_;
  int syn_line_ = 0;
  std::vector<std::string> members_;
  std::string synsets_, blocks_;
};

}  // namespace

std::optional<DictKind> GuessPetrarchKind(std::string_view file_name) {
  std::string n = Lower(file_name.substr(file_name.find_last_of('/') + 1));
  auto has = [&](std::string_view s) { return n.find(s) != std::string::npos; };
  if (n.size() < 4 || n.substr(n.size() - 4) != ".txt") return std::nullopt;
  if (has("actors")) return DictKind::kActors;
  if (has("agents")) return DictKind::kAgents;
  if (has("discards")) return DictKind::kDiscards;
  if (has("verbs") || n.substr(0, 6) == "cameo.") return DictKind::kVerbs;
  return std::nullopt;
}

std::string ImportPetrarch(DictKind kind, std::string_view text, const std::string& name,
                           std::vector<std::string>& notes) {
  switch (kind) {
    case DictKind::kActors: return ImportActors(text, name, notes);
    case DictKind::kAgents: return ImportAgents(text, name, notes);
    case DictKind::kDiscards: return ImportDiscards(text, name, notes);
    case DictKind::kVerbs: return VerbImporter(name, notes).Run(text);
  }
  return "";
}

}  // namespace parley::lexicon

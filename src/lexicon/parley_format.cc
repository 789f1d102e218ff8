#include "lexicon/parley_format.h"

#include <charconv>

#include "lexicon/reader_util.h"
#include "lexicon/vocabulary.h"
#include "parley/date.h"

namespace parley::lexicon {

using internal::IsBlank;
using internal::Trim;

const char* DictKindName(DictKind kind) {
  switch (kind) {
    case DictKind::kActors: return "actors";
    case DictKind::kAgents: return "agents";
    case DictKind::kVerbs: return "verbs";
    case DictKind::kDiscards: return "discards";
  }
  return "?";
}

std::string Diagnostic::ToString() const { return file + ":" + std::to_string(line) + ": " + message; }

namespace {

std::string_view SkipBom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

// Removes a '#' comment: '#' first on the line (after blanks), or a '#'
// between blanks (or at the end), so that codes such as "###" survive.
std::string_view StripHash(std::string_view line) {
  std::string_view t = Trim(line);
  if (!t.empty() && t[0] == '#') return {};
  for (size_t i = 1; i < line.size(); ++i)
    if (line[i] == '#' && IsBlank(line[i - 1]) && (i + 1 == line.size() || IsBlank(line[i + 1])))
      return line.substr(0, i);
  return line;
}

bool HasBlank(std::string_view s) {
  for (char c : s)
    if (IsBlank(c)) return true;
  return false;
}

// Splits a ';'-separated list, trimming each item (empty items kept as "").
std::vector<std::string_view> SplitList(std::string_view value, char sep = ';') {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t cut = value.find(sep, pos);
    out.push_back(Trim(value.substr(pos, cut == std::string_view::npos ? std::string_view::npos : cut - pos)));
    if (cut == std::string_view::npos) return out;
    pos = cut + 1;
  }
}

// "YYYY-MM-DD" → yyyymmdd.
bool ParseIsoDate(std::string_view s, int& out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto d = Date::Parse(s);
  if (!d.ok()) return false;
  out = d->ToInt();
  return true;
}

class Reader {
 public:
  Reader(const std::string& name, std::vector<Diagnostic>& errors, ParleyDictionary& dict)
      : name_(name), errors_(errors), d_(dict) {}

  void Run(std::string_view text) {
    size_t pos = 0;
    int number = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view raw = text.substr(pos, end - pos);
      pos = end + 1;
      ++number;
      if (number == 1) continue;  // the header, already read
      line_ = number;
      std::string_view s = Trim(StripHash(raw));
      if (s.empty()) continue;
      if (s[0] == '[') {
        Label(s);
      } else {
        Item(s);
      }
    }
    FinishBlock();
  }

 private:
  enum class Block { kNone, kActor, kAgent, kDiscard, kVerb, kSynset };

  void Error(std::string message) { errors_.push_back(Diagnostic{name_, line_, std::move(message)}); }

  void Label(std::string_view s) {
    FinishBlock();
    size_t close = s.find(']');
    if (close == std::string_view::npos) {
      Error("missing ']' after the label: " + std::string(s));
      block_ = Block::kNone;
      bad_block_ = true;
      return;
    }
    if (!Trim(s.substr(close + 1)).empty()) Error("text after the label: " + std::string(s));
    std::string label(Trim(s.substr(1, close - 1)));
    bad_block_ = false;
    if (std::string why = BadQuotes(label); label.empty() || !why.empty()) {
      Error(label.empty() ? std::string("empty label") : why);
      block_ = Block::kNone;
      bad_block_ = true;
      return;
    }
    switch (d_.kind) {
      case DictKind::kActors:
        block_ = Block::kActor;
        d_.actors.push_back(ParleyActor{});
        d_.actors.back().label = label;
        d_.actors.back().line = line_;
        d_.actors.back().names.push_back(NameAt{label, line_});
        break;
      case DictKind::kAgents:
        block_ = Block::kAgent;
        d_.agents.push_back(ParleyAgent{});
        d_.agents.back().label = label;
        d_.agents.back().line = line_;
        d_.agents.back().names.push_back(NameAt{label, line_});
        break;
      case DictKind::kDiscards:
        block_ = Block::kDiscard;
        d_.discards.push_back(ParleyDiscard{});
        d_.discards.back().label = label;
        d_.discards.back().line = line_;
        break;
      case DictKind::kVerbs:
        if (label[0] == '&') {
          std::string syn = ToUpperKey(Trim(std::string_view(label).substr(1)));
          if (syn.empty() || HasBlank(syn)) {
            Error("bad synset name '" + label + "' (want [&NAME], one word)");
            block_ = Block::kNone;
            bad_block_ = true;
            return;
          }
          block_ = Block::kSynset;
          d_.synsets.push_back(ParleySynset{syn, line_, {}, true});
        } else {
          block_ = Block::kVerb;
          d_.verb_blocks.push_back(ParleyVerbBlock{});
          d_.verb_blocks.back().label = label;
          d_.verb_blocks.back().line = line_;
        }
        break;
    }
    seen_.clear();
  }

  // Checks that end a block: what it must have.
  void FinishBlock() {
    switch (block_) {
      case Block::kActor: {
        const ParleyActor& a = d_.actors.back();
        if (!a.default_code && a.dated.empty())
          errors_.push_back(Diagnostic{name_, a.line, "actor [" + a.label + "] has no code"});
        break;
      }
      case Block::kAgent: {
        const ParleyAgent& a = d_.agents.back();
        if (a.code_line == 0) errors_.push_back(Diagnostic{name_, a.line, "agent [" + a.label + "] has no code"});
        break;
      }
      case Block::kDiscard: {
        const ParleyDiscard& a = d_.discards.back();
        if (a.phrases.empty())
          errors_.push_back(Diagnostic{name_, a.line, "discard block [" + a.label + "] has no phrases"});
        break;
      }
      default:
        break;
    }
    block_ = Block::kNone;
  }

  // A key that may appear once per block; false (and an error) when repeated.
  bool Once(const std::string& key) {
    for (const auto& [k, l] : seen_)
      if (k == key) {
        Error("'" + key + "' given twice in a block (first at line " + std::to_string(l) + ")");
        return false;
      }
    seen_.emplace_back(key, line_);
    return true;
  }

  bool NoQualifier(std::string_view key, std::string_view qualifier) {
    if (qualifier.empty()) return true;
    Error("'" + std::string(key) + "' takes no qualifier before '=': " + std::string(qualifier));
    return false;
  }

  // A code value: one word; "---" is the null code. Upper-cased into `out`.
  bool Code(std::string_view value, std::string& out) {
    if (value.empty() || HasBlank(value)) {
      Error("a code is one word: '" + std::string(value) + "'");
      return false;
    }
    out = ToUpperKey(value);
    return true;
  }

  // Appends the ';'-separated names of `value`.
  void Names(std::string_view value, std::vector<NameAt>& out) {
    for (auto item : SplitList(value)) {
      if (item.empty()) {
        Error("empty name in the list");
        continue;
      }
      if (NameWords(item).empty()) {
        Error("a name needs a word: '" + std::string(item) + "'");
        continue;
      }
      if (std::string why = BadQuotes(item); !why.empty()) {
        Error(std::move(why));
        continue;
      }
      out.push_back(NameAt{std::string(item), line_});
    }
  }

  // "plural = auto | none".
  void Plural(std::string_view value, bool& plural) {
    if (!Once("plural")) return;
    if (value == "auto") plural = true;
    else if (value == "none") plural = false;
    else Error("plural is 'auto' or 'none', not '" + std::string(value) + "'");
  }

  void UnknownKey(std::string_view key, const char* want) {
    Error("unknown key '" + std::string(key) + "' in " + DictKindName(d_.kind) + " (want " + want + ")");
  }

  void Item(std::string_view s) {
    size_t eq = s.find('=');
    if (eq == std::string_view::npos) {
      Error("malformed line (want 'key = value' or '[label]'): " + std::string(s));
      return;
    }
    std::string_view head = Trim(s.substr(0, eq));
    std::string_view value = Trim(s.substr(eq + 1));
    size_t sp = 0;
    while (sp < head.size() && !IsBlank(head[sp])) ++sp;
    std::string_view key = head.substr(0, sp);
    std::string_view qualifier = Trim(head.substr(sp));
    if (key.empty()) {
      Error("malformed line (no key before '='): " + std::string(s));
      return;
    }
    if (block_ == Block::kNone) {
      if (!bad_block_) Error("'" + std::string(key) + "' outside a block (start one with '[label]')");
      return;
    }
    if (value.empty()) {
      Error("'" + std::string(key) + "' has an empty value");
      return;
    }
    switch (block_) {
      case Block::kActor: ActorItem(key, qualifier, value); break;
      case Block::kAgent: AgentItem(key, qualifier, value); break;
      case Block::kDiscard: DiscardItem(key, qualifier, value); break;
      case Block::kVerb: VerbItem(key, qualifier, value); break;
      case Block::kSynset: SynsetItem(key, qualifier, value); break;
      case Block::kNone: break;
    }
  }

  void ActorItem(std::string_view key, std::string_view qualifier, std::string_view value) {
    ParleyActor& a = d_.actors.back();
    if (key == "names") {
      if (NoQualifier(key, qualifier)) Names(value, a.names);
    } else if (key == "code") {
      std::string code;
      if (!Code(value, code)) return;
      if (code == "---") code.clear();
      if (qualifier.empty()) {
        if (a.default_code) {
          Error("second default code (first at line " + std::to_string(a.default_line) + ")");
          return;
        }
        a.default_code = std::move(code);
        a.default_line = line_;
        return;
      }
      ParleyActor::Dated dc;
      if (!DateRange(qualifier, dc)) return;
      dc.code = std::move(code);
      dc.line = line_;
      a.dated.push_back(std::move(dc));
    } else if (key == "type") {
      if (!NoQualifier(key, qualifier)) return;
      if (value == "place") {
        a.place = true;
      } else if (value == "capital") {
        a.capital = true;
      } else {
        Error("actor type is 'place', 'capital' or absent: '" + std::string(value) + "'");
        return;
      }
    } else {
      UnknownKey(key, "names, code, type");
    }
  }

  // "A .. B", "A ..", ".. B" with dates YYYY-MM-DD.
  bool DateRange(std::string_view q, ParleyActor::Dated& dc) {
    size_t dots = q.find("..");
    if (dots == std::string_view::npos) {
      Error("a dated code needs a range 'FROM .. TO' (YYYY-MM-DD, either end may be left open): " + std::string(q));
      return false;
    }
    std::string_view a = Trim(q.substr(0, dots)), b = Trim(q.substr(dots + 2));
    if (a.empty() && b.empty()) {
      Error("date range with neither start nor end");
      return false;
    }
    if (!a.empty() && !ParseIsoDate(a, dc.from)) {
      Error("bad date '" + std::string(a) + "' (want YYYY-MM-DD)");
      return false;
    }
    if (!b.empty() && !ParseIsoDate(b, dc.to)) {
      Error("bad date '" + std::string(b) + "' (want YYYY-MM-DD)");
      return false;
    }
    dc.range = (a.empty() ? std::string() : std::string(a) + " ") + ".." + (b.empty() ? "" : " " + std::string(b));
    if (dc.to < dc.from) {
      Error("date range " + dc.range + " ends before it starts");
      return false;
    }
    return true;
  }

  void AgentItem(std::string_view key, std::string_view qualifier, std::string_view value) {
    ParleyAgent& a = d_.agents.back();
    if (!NoQualifier(key, qualifier)) return;
    if (key == "names") {
      Names(value, a.names);
    } else if (key == "code") {
      if (!Once("code")) return;
      std::string code;
      if (!Code(value, code)) return;
      if (code.size() >= 2 && code.front() == '~' && code.back() != '~') {
        a.code = code.substr(1);
      } else if (code.size() >= 2 && code.back() == '~' && code.front() != '~') {
        a.code = code.substr(0, code.size() - 1);
        a.prefix = true;
      } else {
        Error("an agent code is '~CODE' (after the actor's code) or 'CODE~' (before it), not '" +
              std::string(value) + "'");
        return;
      }
      a.code_line = line_;
    } else if (key == "plural") {
      Plural(value, a.plural);
    } else {
      UnknownKey(key, "names, code, plural");
    }
  }

  void DiscardItem(std::string_view key, std::string_view qualifier, std::string_view value) {
    ParleyDiscard& a = d_.discards.back();
    if (!NoQualifier(key, qualifier)) return;
    if (key == "phrases") {
      Names(value, a.phrases);
    } else if (key == "scope") {
      if (!Once("scope")) return;
      if (value == "sentence") a.whole_story = false;
      else if (value == "story") a.whole_story = true;
      else Error("scope is 'sentence' or 'story', not '" + std::string(value) + "'");
    } else {
      UnknownKey(key, "phrases, scope");
    }
  }

  // Splits "TEXT -> CODE"; `required` demands the code.
  bool Arrow(std::string_view item, bool required, std::string_view& text, std::string& code) {
    size_t arrow = item.rfind("->");
    code.clear();
    if (arrow == std::string_view::npos) {
      text = Trim(item);
      if (required) Error("'" + std::string(item) + "' needs '-> CODE' at the end");
      return !required;
    }
    text = Trim(item.substr(0, arrow));
    return Code(Trim(item.substr(arrow + 2)), code);
  }

  // Checks a verb phrase: words, at most one marked with '+'.
  bool VerbPhrase(std::string_view text) {
    auto words = NameWords(text);
    if (words.empty()) {
      Error("empty verb");
      return false;
    }
    int plus = 0;
    for (auto w : words) {
      if (w[0] == '+') ++plus;
      if (w == "+") {
        Error("'+' must be glued to the verb word: '" + std::string(text) + "'");
        return false;
      }
    }
    if (plus > 1) {
      Error("more than one word marked with '+' in '" + std::string(text) + "'");
      return false;
    }
    return true;
  }

  void VerbItem(std::string_view key, std::string_view qualifier, std::string_view value) {
    ParleyVerbBlock& b = d_.verb_blocks.back();
    if (key == "synset") {
      std::string_view q = qualifier;
      if (q.empty() || q[0] != '&' || HasBlank(q) || q.size() < 2) {
        Error("synset needs a name: 'synset &NAME = member; member'");
        return;
      }
      ParleySynset syn{ToUpperKey(q.substr(1)), line_, {}, true};
      Names(value, syn.members);
      d_.synsets.push_back(std::move(syn));
      return;
    }
    if (!NoQualifier(key, qualifier)) return;
    if (key == "code") {
      if (!Once("code")) return;
      if (Code(value, b.code)) b.code_line = line_;
    } else if (key == "verbs") {
      for (auto item : SplitList(value)) {
        if (item.empty()) {
          Error("empty verb in the list");
          continue;
        }
        ParleyVerb v;
        std::string_view text;
        if (!Arrow(item, false, text, v.code) || !VerbPhrase(text)) continue;
        v.verb = std::string(text);
        v.line = line_;
        b.verbs.push_back(std::move(v));
      }
    } else if (key == "forms") {
      ParleyVerb v;
      std::string_view text;
      if (!Arrow(value, false, text, v.code)) return;
      size_t colon = text.find(':');
      if (colon == std::string_view::npos) {
        Error("forms are written 'verb: form form ...': " + std::string(value));
        return;
      }
      std::string_view base = Trim(text.substr(0, colon)), list = Trim(text.substr(colon + 1));
      if (!VerbPhrase(base)) return;
      v.verb = std::string(base);
      v.listed_forms = true;
      v.line = line_;
      bool commas = list.find(',') != std::string_view::npos;
      if (commas || NameWords(base).size() > 1) {
        for (auto f : SplitList(list, ',')) {
          if (f.empty()) continue;
          if (!VerbPhrase(f)) return;
          v.forms.emplace_back(f);
        }
      } else {
        for (auto f : NameWords(list)) v.forms.emplace_back(f);
      }
      b.verbs.push_back(std::move(v));
    } else if (key == "nouns") {
      for (auto item : SplitList(value)) {
        if (item.empty()) {
          Error("empty noun in the list");
          continue;
        }
        ParleyNoun noun;
        std::string_view text;
        if (!Arrow(item, false, text, noun.code)) continue;
        if (NameWords(text).empty() || text.find('+') != std::string_view::npos) {
          Error("a noun is plain words: '" + std::string(item) + "'");
          continue;
        }
        noun.noun = std::string(text);
        noun.line = line_;
        b.nouns.push_back(std::move(noun));
      }
    } else if (key == "pattern") {
      ParleyPattern p;
      std::string_view text;
      if (!Arrow(value, true, text, p.code)) return;
      if (text.empty()) {
        Error("empty pattern");
        return;
      }
      p.elements = std::string(text);
      p.line = line_;
      b.patterns.push_back(std::move(p));
    } else if (key == "transformation") {
      b.transformations.push_back(NameAt{std::string(value), line_});
    } else {
      UnknownKey(key, "code, verbs, forms, nouns, pattern, synset, transformation");
    }
  }

  void SynsetItem(std::string_view key, std::string_view qualifier, std::string_view value) {
    ParleySynset& syn = d_.synsets.back();
    if (!NoQualifier(key, qualifier)) return;
    if (key == "members") {
      Names(value, syn.members);
    } else if (key == "plural") {
      Plural(value, syn.plural);
    } else {
      UnknownKey(key, "members, plural");
    }
  }

  const std::string& name_;
  std::vector<Diagnostic>& errors_;
  ParleyDictionary& d_;
  int line_ = 0;
  Block block_ = Block::kNone;
  bool bad_block_ = false;  // the current block's label was malformed: its items are not reported again
  std::vector<std::pair<std::string, int>> seen_;  // once-per-block keys of the current block
};

}  // namespace

bool IsParleyDictionary(std::string_view text) { return SkipBom(text).substr(0, kParleyMagic.size()) == kParleyMagic; }

std::vector<std::string_view> NameWords(std::string_view name) {
  std::vector<std::string_view> out;
  internal::SplitPhrase(name, out);
  return out;
}

std::string_view CasedWord(std::string_view word) {
  if (word.size() < 3 || word.front() != '"' || word.back() != '"') return {};
  return word.substr(1, word.size() - 2);
}

std::string BadQuotes(std::string_view name) {
  for (std::string_view w : NameWords(name)) {
    if (w.find('"') == std::string_view::npos) continue;
    const std::string_view inner = CasedWord(w);
    if (inner.empty() || inner.find('"') != std::string_view::npos)
      return "a quote opens and closes one word: " + std::string(w);
  }
  return {};
}

std::string NameKey(std::string_view name) {
  std::string out;
  for (auto w : NameWords(name)) {
    if (!out.empty()) out += ' ';
    const std::string_view cased = CasedWord(w);
    out += ToUpperKey(cased.empty() ? w : cased);
  }
  return out;
}

Result<ParleyDictionary> ReadParleyDictionary(std::string_view text, const std::string& name,
                                              std::vector<Diagnostic>& errors) {
  text = SkipBom(text);
  std::string_view first = text.substr(0, text.find('\n'));
  while (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  auto fail = [&](const std::string& what) { return Status::ParseError(name + ":1: " + what); };
  if (first.substr(0, kParleyMagic.size()) != kParleyMagic)
    return fail("not a Parley dictionary (the first line must be '# parley-dictionary: KIND 1')");
  std::vector<std::string_view> words;
  internal::SplitBlanks(first.substr(kParleyMagic.size()), words);
  if (words.size() != 2) return fail("the header is '# parley-dictionary: KIND VERSION', e.g. '# parley-dictionary: actors 1'");
  ParleyDictionary dict;
  dict.name = name;
  if (words[0] == "actors") dict.kind = DictKind::kActors;
  else if (words[0] == "agents") dict.kind = DictKind::kAgents;
  else if (words[0] == "verbs") dict.kind = DictKind::kVerbs;
  else if (words[0] == "discards") dict.kind = DictKind::kDiscards;
  else return fail("unknown dictionary kind '" + std::string(words[0]) + "' (want actors, agents, verbs or discards)");
  int version = 0;
  auto [ptr, ec] = std::from_chars(words[1].data(), words[1].data() + words[1].size(), version);
  if (ec != std::errc() || ptr != words[1].data() + words[1].size() || version != kParleyFormatVersion)
    return fail("unsupported format version '" + std::string(words[1]) + "' (this Parley reads version 1)");
  dict.version = version;
  Reader(name, errors, dict).Run(text);
  return dict;
}

}  // namespace parley::lexicon

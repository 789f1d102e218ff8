#include "lexicon/dict_lint.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include "lexicon/inflect.h"
#include "lexicon/reader_util.h"
#include "lexicon/verb_dictionary.h"
#include "lexicon/vocabulary.h"

namespace parley::lexicon {

using internal::Trim;

Result<CodeList> CodeList::Parse(std::string_view text, const std::string& name) {
  CodeList out;
  internal::LineReader reader(text);
  std::string_view raw;
  int line = 0;
  std::vector<std::string_view> words;
  while (reader.Next(raw, line)) {
    std::string_view s = Trim(internal::StripComment(raw, false));
    if (s.empty()) continue;
    internal::SplitBlanks(s, words);
    if (words.size() < 2)
      return Status::ParseError(internal::Where(name, line, "want 'KIND CODE [description]'", s));
    std::string code(words[1]);
    if (words[0] == "country" || words[0] == "region" || words[0] == "actor") out.lead_.insert(code);
    else if (words[0] == "sector") out.sector_.insert(code);
    else if (words[0] == "event") out.event_.insert(code);
    else return Status::ParseError(internal::Where(name, line, "unknown kind '" + std::string(words[0]) + "'", s));
  }
  return out;
}

namespace {

struct Owner {
  size_t file = 0;
  int line = 0;
  size_t entry = 0;  // unique over all files
  std::string label;
  std::string shown;  // the name as written
  bool plural = false;
};

class Linter {
 public:
  Linter(const std::vector<DictFile>& files, const CodeList* codes) : files_(files), codes_(codes) {}

  std::vector<Diagnostic> Run() {
    std::vector<const DictFile*> verb_files;
    for (file_ = 0; file_ < files_.size(); ++file_) {
      const DictFile& f = files_[file_];
      std::vector<Diagnostic> errors;
      auto dict = ReadParleyDictionary(f.text, f.name, errors);
      for (auto& e : errors) Add(e.line, std::move(e.message));
      if (!dict.ok()) {
        std::string msg = dict.status().message();
        std::string prefix = f.name + ":1: ";
        if (msg.compare(0, prefix.size(), prefix) == 0) msg = msg.substr(prefix.size());
        Add(1, std::move(msg));
        continue;
      }
      switch (dict->kind) {
        case DictKind::kActors: Actors(*dict); break;
        case DictKind::kAgents: Agents(*dict); break;
        case DictKind::kDiscards: Discards(*dict); break;
        case DictKind::kVerbs:
          Verbs(*dict);
          if (errors.empty()) verb_files.push_back(&f);
          break;
      }
    }
    // The PETRARCH pattern rules, through the loader (synsets may cross files).
    Vocabulary vocab;
    VerbDictionary verbs;
    for (const DictFile* f : verb_files) (void)verbs.LoadParleyText(f->text, f->name, vocab);
    for (const std::string& w : verbs.warnings()) AddWarning(w);
    QuotedWordsWrittenOtherwise();
    std::stable_sort(out_.begin(), out_.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second.line < b.second.line;
    });
    std::vector<Diagnostic> result;
    for (auto& [file, d] : out_) result.push_back(std::move(d));
    return result;
  }

 private:
  void Add(int line, std::string message) {
    out_.emplace_back(file_, Diagnostic{files_[file_].name, line, std::move(message)});
  }

  // "name:line: what: text" from a loader → a Diagnostic of that file.
  void AddWarning(const std::string& w) {
    for (size_t i = 0; i < files_.size(); ++i) {
      const std::string& n = files_[i].name;
      if (w.compare(0, n.size() + 1, n + ":") != 0) continue;
      int line = 0;
      const char* b = w.data() + n.size() + 1;
      auto [p, ec] = std::from_chars(b, w.data() + w.size(), line);
      if (ec != std::errc() || w.compare(static_cast<size_t>(p - w.data()), 2, ": ") != 0) continue;
      out_.emplace_back(i, Diagnostic{n, line, w.substr(static_cast<size_t>(p - w.data()) + 2)});
      return;
    }
  }

  std::string Where(const Owner& o) const { return files_[o.file].name + ":" + std::to_string(o.line); }

  // Records a name of an entry; reports a clash with an earlier one.
  void Name(std::unordered_map<std::string, Owner>& names, const std::string& key, Owner o, const char* what) {
    if (key.empty()) return;
    auto [it, fresh] = names.emplace(key, o);
    if (fresh) return;
    const Owner& first = it->second;
    if (first.entry == o.entry) {
      if (first.plural || o.plural) return;  // "police; polices": the plural is harmless
      Add(o.line, std::string(what) + " '" + o.shown + "' repeated in [" + o.label + "] (first at line " +
                      std::to_string(first.line) + ")");
      return;
    }
    std::string shown = "'" + o.shown + "'" + (o.plural ? " (generated plural)" : "");
    std::string other = "'" + first.shown + "'" + (first.plural ? " (generated plural)" : "");
    Add(o.line, "duplicate " + std::string(what) + " " + shown + ": " + other + " of [" + first.label + "] at " +
                    Where(first) + " has the same words");
  }

  void ActorCode(int line, const std::string& code) {
    if (code.empty() || codes_ == nullptr) return;
    for (char c : code)
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        Add(line, "malformed actor code '" + code + "' (letters and digits only)");
        return;
      }
    if (code.size() < 3) {
      Add(line, "actor code '" + code + "' is shorter than a country code");
      return;
    }
    if (!codes_->IsActorLead(std::string_view(code).substr(0, 3)))
      Add(line, "unknown country code '" + code.substr(0, 3) + "' in actor code '" + code + "'");
  }

  // Where each word of a name is written: a quoted word matches only as
  // written unless the word is also written otherwise (vocabulary.h).
  struct WordUse {
    size_t file = 0;
    int line = 0;
    std::string written;  // as between the quotes, or as in the name
  };
  void Words(const NameAt& n) {
    for (std::string_view w : NameWords(n.text)) {
      const std::string_view cased = CasedWord(w);
      const std::string key = ToUpperKey(cased.empty() ? w : cased);
      WordUse use{file_, n.line, std::string(cased.empty() ? w : cased)};
      if (cased.empty()) unquoted_words_.emplace(key, std::move(use));
      else quoted_words_.emplace(key, std::move(use));
    }
  }
  void QuotedWordsWrittenOtherwise() {
    for (const auto& [key, quoted] : quoted_words_) {
      const WordUse* other = nullptr;
      if (auto it = unquoted_words_.find(key); it != unquoted_words_.end()) other = &it->second;
      if (other == nullptr) continue;
      out_.emplace_back(quoted.file,
                        Diagnostic{files_[quoted.file].name, quoted.line,
                                   "quoted \"" + quoted.written + "\" matches in any case: the word is also written " +
                                       other->written + " at " + files_[other->file].name + ":" +
                                       std::to_string(other->line)});
    }
  }

  void Actors(const ParleyDictionary& d) {
    for (const ParleyActor& a : d.actors) {
      size_t entry = next_entry_++;
      for (const NameAt& n : a.names) {
        Name(actor_names_, NameKey(n.text), Owner{file_, n.line, entry, a.label, n.text, false}, "name");
        Words(n);
      }
      if (a.default_code) ActorCode(a.default_line, *a.default_code);
      for (size_t i = 0; i < a.dated.size(); ++i) {
        const auto& x = a.dated[i];
        ActorCode(x.line, x.code);
        for (size_t j = 0; j < i; ++j) {
          const auto& y = a.dated[j];
          if (x.from <= y.to && y.from <= x.to)
            Add(x.line, "date range " + x.range + " overlaps " + y.range + " at line " + std::to_string(y.line));
        }
      }
    }
  }

  void Agents(const ParleyDictionary& d) {
    for (const ParleyAgent& a : d.agents) {
      size_t entry = next_entry_++;
      for (const NameAt& n : a.names) {
        std::string key = NameKey(n.text);
        Name(agent_names_, key, Owner{file_, n.line, entry, a.label, n.text, false}, "name");
        Words(n);
        if (!a.plural) continue;
        size_t sp = key.rfind(' ');
        std::string pl = internal::NounPlural(sp == std::string::npos ? key : key.substr(sp + 1));
        if (pl.empty()) continue;
        std::string pkey = (sp == std::string::npos ? "" : key.substr(0, sp + 1)) + pl;
        // Spelled like the name: "officials" for "official", "OFFICIALS" for "OFFICIAL".
        size_t cut = n.text.find_last_of(' ') + 1;
        std::string last = n.text.substr(cut);
        size_t k = 0;
        while (k < last.size() && k < pl.size() && ToUpperKey(last.substr(k, 1)) == pl.substr(k, 1)) ++k;
        std::string tail = pl.substr(k);
        if (!last.empty() && last.back() >= 'a' && last.back() <= 'z')
          for (char& c : tail) c = static_cast<char>(c - 'A' + 'a');
        std::string shown = n.text.substr(0, cut) + last.substr(0, k) + tail;
        Name(agent_names_, pkey, Owner{file_, n.line, entry, a.label, shown, true}, "name");
      }
      if (a.code_line == 0 || codes_ == nullptr) continue;
      std::string_view c = a.code;
      if (c.size() < 3) {
        Add(a.code_line, "agent code '" + a.code + "' is shorter than a role code");
      } else if (a.prefix ? !codes_->IsActorLead(c.substr(0, 3)) : !codes_->IsSector(c.substr(0, 3))) {
        Add(a.code_line, std::string(a.prefix ? "unknown leading code '" : "unknown role code '") +
                             std::string(c.substr(0, 3)) + "' in agent code '" + (a.prefix ? a.code + "~" : "~" + a.code) +
                             "'");
      }
    }
  }

  void Discards(const ParleyDictionary& d) {
    for (const ParleyDiscard& b : d.discards) {
      size_t entry = next_entry_++;
      for (const NameAt& p : b.phrases) {
        std::string key = NameKey(p.text);
        if (!p.text.empty() && p.text.back() == '*') key += '*';
        Name(discard_phrases_, key, Owner{file_, p.line, entry, b.label, p.text, false}, "phrase");
      }
    }
  }

  void EventCode(int line, const std::string& code) {
    if (codes_ == nullptr) return;
    size_t pos = 0;
    while (true) {
      size_t colon = code.find(':', pos);
      std::string part = code.substr(pos, colon == std::string::npos ? std::string::npos : colon - pos);
      // ":072" (PETRARCH's "[:072]"): no event forward, 072 from the target
      // back to the source ("received fighter jets from Denmark").
      const bool reverse_only = part.empty() && pos == 0 && colon != std::string::npos && colon + 1 < code.size();
      if (!reverse_only && part != "---" && !codes_->IsEvent(part))
        Add(line, "unknown CAMEO event code '" + part + "'" + (part == code ? "" : " in '" + code + "'"));
      if (colon == std::string::npos) return;
      pos = colon + 1;
    }
  }

  void Verbs(const ParleyDictionary& d) {
    for (const ParleySynset& s : d.synsets) {
      auto [it, fresh] = synsets_.emplace(s.name, Owner{file_, s.line, 0, s.name, s.name, false});
      if (!fresh) Add(s.line, "synset &" + s.name + " defined again (first at " + Where(it->second) + ")");
    }
    for (const ParleyVerbBlock& b : d.verb_blocks) {
      size_t entry = next_entry_++;
      if (b.code_line) EventCode(b.code_line, b.code);
      for (const ParleyVerb& v : b.verbs) {
        std::string key;
        for (auto w : NameWords(v.verb)) {
          while (!w.empty() && w[0] == '+') w.remove_prefix(1);
          key += (key.empty() ? "" : " ") + ToUpperKey(w);
        }
        Name(verbs_, key, Owner{file_, v.line, entry, b.label, v.verb, false}, "verb");
        if (!v.code.empty()) EventCode(v.line, v.code);
      }
      for (const ParleyPattern& p : b.patterns) EventCode(p.line, p.code);
      for (const ParleyNoun& noun : b.nouns) {
        std::string key;
        for (auto w : NameWords(noun.noun)) key += (key.empty() ? "" : " ") + ToUpperKey(w);
        Name(nouns_, key, Owner{file_, noun.line, entry, b.label, noun.noun, false}, "event noun");
        if (!noun.code.empty()) EventCode(noun.line, noun.code);
      }
    }
  }

  const std::vector<DictFile>& files_;
  const CodeList* codes_;
  size_t file_ = 0;
  size_t next_entry_ = 0;
  std::unordered_map<std::string, Owner> actor_names_, agent_names_, discard_phrases_, verbs_, synsets_, nouns_;
  std::map<std::string, WordUse> quoted_words_, unquoted_words_;  // by upper-cased word; the first use
  std::vector<std::pair<size_t, Diagnostic>> out_;
};

std::string Root(const std::string& code) {
  if (code.size() >= 2 && code[0] >= '0' && code[0] <= '2' && code[1] >= '0' && code[1] <= '9') {
    std::string r = code.substr(0, 2);
    if (r >= "01" && r <= "20") return r;
  }
  return "none";
}

}  // namespace

std::vector<Diagnostic> LintDictionaries(const std::vector<DictFile>& files, const CodeList* codes) {
  return Linter(files, codes).Run();
}

DictStats CountDictionaries(const std::vector<DictFile>& files) {
  DictStats s;
  for (const DictFile& f : files) {
    std::vector<Diagnostic> errors;
    auto d = ReadParleyDictionary(f.text, f.name, errors);
    if (!d.ok()) continue;
    ++s.files;
    for (const auto& a : d->actors) {
      ++s.actors;
      s.actor_names += a.names.size();
      s.dated_codes += a.dated.size();
    }
    for (const auto& a : d->agents) {
      ++s.agents;
      s.agent_names += a.names.size();
    }
    for (const auto& b : d->discards) {
      ++s.discard_blocks;
      s.discard_phrases += b.phrases.size();
    }
    s.synsets += d->synsets.size();
    for (const auto& b : d->verb_blocks) {
      ++s.verb_blocks;
      s.verbs += b.verbs.size();
      s.patterns += b.patterns.size();
      s.event_nouns += b.nouns.size();
      ++s.by_root[Root(b.code)].first;
      for (const auto& p : b.patterns) ++s.by_root[Root(p.code)].second;
    }
  }
  return s;
}

std::string FormatStats(const DictStats& s) {
  auto n = [](size_t v) { return std::to_string(v); };
  std::string out = "files: " + n(s.files) + "\n";
  out += "actors: " + n(s.actors) + " entries, " + n(s.actor_names) + " names, " + n(s.dated_codes) + " dated codes\n";
  out += "agents: " + n(s.agents) + " entries, " + n(s.agent_names) + " names\n";
  out += "verbs: " + n(s.verb_blocks) + " blocks, " + n(s.verbs) + " verbs, " + n(s.patterns) + " patterns, " +
         n(s.synsets) + " synsets, " + n(s.event_nouns) + " event nouns\n";
  if (!s.by_root.empty()) {
    out += "  by CAMEO root (blocks / patterns):";
    for (const auto& [root, c] : s.by_root) out += " " + root + " " + n(c.first) + "/" + n(c.second);
    out += "\n";
  }
  out += "discards: " + n(s.discard_blocks) + " blocks, " + n(s.discard_phrases) + " phrases\n";
  return out;
}

}  // namespace parley::lexicon

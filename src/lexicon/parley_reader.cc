// Compiles Parley-format dictionaries (parley_format.h) into the lookup
// structures the PETRARCH readers fill, so the coder sees no difference.
#include <string>
#include <vector>

#include "lexicon/actor_dictionary.h"
#include "lexicon/agent_dictionary.h"
#include "lexicon/discard_list.h"
#include "lexicon/inflect.h"
#include "lexicon/parley_format.h"
#include "lexicon/reader_util.h"
#include "lexicon/verb_dictionary.h"

namespace parley::lexicon {
namespace {

using internal::Where;

// Reads the text and insists on the kind and on no errors.
Result<ParleyDictionary> ReadForLoad(std::string_view text, const std::string& name, DictKind want) {
  std::vector<Diagnostic> errors;
  auto dict = ReadParleyDictionary(text, name, errors);
  if (!dict.ok()) return dict.status();
  if (dict->kind != want)
    return Status::InvalidArgument(name + ":1: a dictionary of " + DictKindName(dict->kind) + " given as " +
                                   DictKindName(want));
  if (!errors.empty()) {
    std::string msg = errors[0].ToString();
    if (errors.size() > 1)
      msg += " (and " + std::to_string(errors.size() - 1) + " more; 'parley dict lint " + name + "' lists them)";
    return Status::ParseError(std::move(msg));
  }
  return dict;
}

// A name's words as WordIds (interned); a quoted word matches only as written.
void Intern(std::string_view name, Vocabulary& vocab, std::vector<WordId>& out) {
  out.clear();
  for (auto w : NameWords(name)) {
    const std::string_view cased = CasedWord(w);
    out.push_back(cased.empty() ? vocab.Intern(ToUpperKey(w)) : vocab.InternCased(cased));
  }
}

std::string Underscored(std::string_view phrase) {
  std::string out;
  for (auto w : NameWords(phrase)) {
    if (!out.empty()) out += '_';
    out += w;
  }
  return out;
}

template <typename Dict>
Status LoadFile(Dict& dict, const std::string& path, Vocabulary& vocab) {
  std::string text;
  Status s = internal::ReadWholeFile(path, text);
  if (!s.ok()) return s;
  return dict.LoadParleyText(text, path, vocab);
}

}  // namespace

Status ActorDictionary::LoadParleyFile(const std::string& path, Vocabulary& vocab) {
  return LoadFile(*this, path, vocab);
}

Status ActorDictionary::LoadParleyText(std::string_view text, const std::string& name, Vocabulary& vocab) {
  auto dict = ReadForLoad(text, name, DictKind::kActors);
  if (!dict.ok()) return dict.status();
  std::vector<WordId> ids;
  for (const ParleyActor& a : dict->actors) {
    ActorEntry e;
    e.phrase = a.label;
    e.default_code = a.default_code.value_or("");
    for (const auto& d : a.dated) e.dated.push_back(DatedCode{d.from, d.to, d.code});
    e.file = name;
    e.line = a.line;
    e.place = a.place;
    e.capital = a.capital;
    uint32_t idx = AddEntry(std::move(e));
    for (const NameAt& n : a.names) {
      Intern(n.text, vocab, ids);
      uint32_t got = AddPhrase(idx, ids);
      if (got != idx) {
        const ActorEntry& first = entry(got);
        AddWarning(Where(name, n.line,
                         "name already belongs to [" + first.phrase + "] at " + first.file + ":" +
                             std::to_string(first.line) + "; ignored here",
                         n.text));
      }
    }
  }
  return Status::Ok();
}

Status AgentDictionary::LoadParleyFile(const std::string& path, Vocabulary& vocab) {
  return LoadFile(*this, path, vocab);
}

Status AgentDictionary::LoadParleyText(std::string_view text, const std::string& name, Vocabulary& vocab) {
  auto dict = ReadForLoad(text, name, DictKind::kAgents);
  if (!dict.ok()) return dict.status();
  std::vector<WordId> ids;
  for (const ParleyAgent& a : dict->agents) {
    uint32_t idx = AddEntry(AgentEntry{a.label, a.code, a.prefix, name, a.line});
    for (const NameAt& n : a.names) {
      Intern(n.text, vocab, ids);
      uint32_t got = AddPhrase(idx, ids);
      if (got != idx) {
        const AgentEntry& first = entry(got);
        AddWarning(Where(name, n.line,
                         "name already belongs to [" + first.phrase + "] at " + first.file + ":" +
                             std::to_string(first.line) + "; ignored here",
                         n.text));
      }
      if (!a.plural) continue;
      // (A name ending in a quoted word has no plural made for it.)
      if (vocab.IsCased(ids.back())) continue;
      std::string pl = internal::NounPlural(vocab.Spelling(ids.back()));
      if (pl.empty()) continue;
      ids.back() = vocab.Intern(pl);
      AddPhrase(idx, ids);
    }
  }
  return Status::Ok();
}

Status DiscardList::LoadParleyFile(const std::string& path) {
  std::string text;
  Status s = internal::ReadWholeFile(path, text);
  if (!s.ok()) return s;
  return LoadParleyText(text, path);
}

Status DiscardList::LoadParleyText(std::string_view text, const std::string& name) {
  auto dict = ReadForLoad(text, name, DictKind::kDiscards);
  if (!dict.ok()) return dict.status();
  for (const ParleyDiscard& d : dict->discards) {
    for (const NameAt& p : d.phrases) {
      std::string_view words = p.text;
      bool stem = words.back() == '*';
      if (stem) words.remove_suffix(1);
      std::string joined;
      for (auto w : NameWords(words)) joined += std::string(w) + " ";
      if (!AddPhrase(joined, !stem, d.whole_story, p.text))
        AddWarning(Where(name, p.line, "empty discard phrase; skipped", p.text));
    }
  }
  return Status::Ok();
}

Status VerbDictionary::LoadParleyFile(const std::string& path, Vocabulary& vocab) {
  return LoadFile(*this, path, vocab);
}

// Each Parley line is translated into the PETRARCH line that means the same
// and fed to the PETRARCH verb parser, so both formats share one set of rules
// for verb forms, multi-word verbs, synsets and pattern elements.
Status VerbDictionary::LoadParleyText(std::string_view text, const std::string& name, Vocabulary& vocab) {
  auto dict = ReadForLoad(text, name, DictKind::kVerbs);
  if (!dict.ok()) return dict.status();
  VerbLineFeeder feed(*this, vocab, name);
  // Synsets first, in file order, so patterns may use a synset defined below them.
  for (const ParleySynset& s : dict->synsets) {
    std::string shown = "&" + s.name;
    feed.Feed(shown + (s.plural ? "" : "_"), s.line, shown);
    for (const NameAt& m : s.members) feed.Feed("+" + m.text, m.line, m.text);
  }
  for (const ParleyVerbBlock& b : dict->verb_blocks) {
    feed.Feed("--- " + b.label + " [" + b.code + "] ---", b.line, "[" + b.label + "]");
    for (const ParleyVerb& v : b.verbs) {
      std::string line = Underscored(v.verb);
      if (v.listed_forms) {
        line += " {";
        for (size_t i = 0; i < v.forms.size(); ++i) line += (i ? " " : "") + Underscored(v.forms[i]);
        line += "}";
      }
      if (!v.code.empty()) line += " [" + v.code + "]";
      feed.Feed(line, v.line, v.verb);
    }
    for (const ParleyNoun& noun : b.nouns) {
      EventNoun e;
      Intern(noun.noun, vocab, e.words);
      e.code = noun.code.empty() ? b.code : noun.code;
      e.file = name;
      e.line = noun.line;
      if (e.code == "---") {
        AddWarning(Where(name, noun.line, "event noun without a code (the block has none); skipped", noun.noun));
        continue;
      }
      if (!AddEventNoun(std::move(e), vocab))
        AddWarning(Where(name, noun.line, "event noun listed twice; ignored here", noun.noun));
    }
    for (const ParleyPattern& p : b.patterns)
      feed.Feed("- " + p.elements + " [" + p.code + "]", p.line, p.elements + " -> " + p.code);
    for (const NameAt& t : b.transformations) feed.Feed("~ " + t.text, t.line, "~ " + t.text);
  }
  return Status::Ok();
}

}  // namespace parley::lexicon

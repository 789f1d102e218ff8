#include "lexicon/agent_dictionary.h"

#include <unordered_map>

#include "lexicon/inflect.h"
#include "lexicon/phrase_trie.h"
#include "lexicon/reader_util.h"

namespace parley::lexicon {

using internal::Trim;
using internal::Where;

struct AgentDictionary::Impl {
  internal::PhraseTrie trie;
  std::unordered_map<std::string, std::vector<std::string>> substitutions;  // "PERSON" → items
  std::vector<std::string> warnings;
};

namespace {

// Expands every "!NAME!" marker of `text` (upper-cased) into `out`. Returns
// the unknown marker name on failure, or "" on success.
std::string ExpandMarkers(const std::string& text,
                          const std::unordered_map<std::string, std::vector<std::string>>& subs,
                          std::vector<std::string>& out) {
  out.assign(1, std::string());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t a = text.find('!', pos);
    size_t b = a == std::string::npos ? std::string::npos : text.find('!', a + 1);
    if (b == std::string::npos) {
      for (auto& o : out) o += text.substr(pos);
      break;
    }
    for (auto& o : out) o += text.substr(pos, a - pos);
    std::string marker = text.substr(a + 1, b - a - 1);
    auto it = subs.find(marker);
    if (it == subs.end()) return marker.empty() ? std::string("!!") : marker;
    std::vector<std::string> next;
    next.reserve(out.size() * it->second.size());
    for (const auto& o : out)
      for (const auto& item : it->second) next.push_back(o + item);
    out.swap(next);
    pos = b + 1;
  }
  return "";
}

}  // namespace

AgentDictionary::AgentDictionary() : impl_(std::make_shared<Impl>()) {}

Status AgentDictionary::LoadPetrarchFile(const std::string& path, Vocabulary& vocab) {
  std::string text;
  Status s = internal::ReadWholeFile(path, text);
  if (!s.ok()) return s;
  return LoadPetrarchText(text, path, vocab);
}

Status AgentDictionary::LoadPetrarchText(std::string_view text, const std::string& name, Vocabulary& vocab) {
  Impl& impl = *impl_;
  auto& warn = impl.warnings;
  internal::LineReader reader(text);
  std::string_view raw;
  int line = 0;
  std::vector<std::string_view> words;
  std::vector<WordId> ids;
  std::vector<std::string> expanded, items;

  auto insert = [&](std::string_view phrase, bool plural, uint32_t e) {
    internal::SplitPhrase(phrase, words);
    if (words.empty()) return;
    ids.clear();
    for (auto w : words) ids.push_back(vocab.Intern(ToUpperKey(w)));
    impl.trie.Insert(ids, e);
    if (!plural) return;
    std::string pl = internal::NounPlural(ToUpperKey(words.back()));
    if (pl.empty()) return;
    ids.back() = vocab.Intern(pl);
    impl.trie.Insert(ids, e);
  };

  while (reader.Next(raw, line)) {
    std::string_view s = Trim(internal::StripComment(raw, /*semicolon=*/false));
    if (s.empty() || s[0] == '<') continue;
    // Substitution set: "!NAME! = A, B, C".
    if (s[0] == '!') {
      size_t close = s.find('!', 1);
      size_t eq = close == std::string_view::npos ? close : s.find_first_not_of(" \t", close + 1);
      if (eq != std::string_view::npos && s[eq] == '=') {
        std::string key = ToUpperKey(s.substr(1, close - 1));
        auto& list = impl.substitutions[key];
        list.clear();
        std::string_view rest = s.substr(eq + 1);
        while (!rest.empty()) {
          size_t comma = rest.find(',');
          std::string_view item = Trim(rest.substr(0, comma));
          if (!item.empty()) list.push_back(ToUpperKey(item));
          if (comma == std::string_view::npos) break;
          rest = rest.substr(comma + 1);
        }
        if (list.empty()) warn.push_back(Where(name, line, "empty substitution set", s));
        continue;
      }
    }
    size_t open = s.find('[');
    if (open == std::string_view::npos) {
      warn.push_back(Where(name, line, "agent has no [code]; skipped", s));
      continue;
    }
    size_t close = s.find(']', open);
    if (close == std::string_view::npos) {
      close = s.find('}', open);
      if (close == std::string_view::npos) {
        warn.push_back(Where(name, line, "missing ']'; skipped", s));
        continue;
      }
      warn.push_back(Where(name, line, "code closed with '}'", s));
    }
    std::string code;
    for (char c : s.substr(open + 1, close - open - 1))
      if (!internal::IsBlank(c)) code += c;
    AgentEntry entry;
    if (code.size() >= 2 && code.front() == '~') {
      entry.code = ToUpperKey(std::string_view(code).substr(1));
    } else if (code.size() >= 2 && code.back() == '~') {
      entry.code = ToUpperKey(std::string_view(code).substr(0, code.size() - 1));
      entry.prefix = true;
    } else {
      warn.push_back(Where(name, line, "agent code has no '~'; skipped", s));
      continue;
    }
    std::string_view head = s.substr(0, open);
    std::string_view plurals;
    bool braces = false;
    size_t lb = head.find('{');
    if (lb != std::string_view::npos) {
      size_t rb = head.find('}', lb);
      if (rb == std::string_view::npos) {
        warn.push_back(Where(name, line, "missing '}'; skipped", s));
        continue;
      }
      braces = true;
      plurals = head.substr(lb + 1, rb - lb - 1);
      head = head.substr(0, lb);
    }
    head = Trim(head);
    std::string phrase = ToUpperKey(head);
    std::string bad = ExpandMarkers(phrase, impl.substitutions, expanded);
    if (!bad.empty()) {
      warn.push_back(Where(name, line, "unknown substitution set !" + bad + "!; skipped", s));
      continue;
    }
    internal::SplitPhrase(phrase, words);
    if (words.empty()) {
      warn.push_back(Where(name, line, "empty agent phrase; skipped", s));
      continue;
    }
    // Plurals only for a plain last word: not after {..}, a final '_' or a marker.
    bool plural = !braces && phrase.back() != '_' && words.back().find('!') == std::string_view::npos;
    auto e = static_cast<uint32_t>(entries_.size());
    entry.phrase = std::string(head);
    entry.file = name;
    entry.line = line;
    entries_.push_back(std::move(entry));
    for (const auto& x : expanded) insert(x, plural, e);
    if (braces) {
      std::string list = ToUpperKey(plurals);
      for (char& c : list)
        if (c == ',') c = ' ';
      std::vector<std::string_view> forms;
      internal::SplitBlanks(list, forms);
      for (auto f : forms) {
        bad = ExpandMarkers(std::string(f), impl.substitutions, items);
        if (!bad.empty()) {
          warn.push_back(Where(name, line, "unknown substitution set !" + bad + "! in plural", s));
          continue;
        }
        for (const auto& x : items) insert(x, false, e);
      }
    }
  }
  return Status::Ok();
}

PhraseMatch AgentDictionary::LongestMatch(std::span<const WordId> words, size_t start) const {
  return impl_->trie.LongestMatch(words, start);
}

uint32_t AgentDictionary::AddEntry(AgentEntry entry) {
  entries_.push_back(std::move(entry));
  return static_cast<uint32_t>(entries_.size() - 1);
}

uint32_t AgentDictionary::AddPhrase(uint32_t entry, std::span<const WordId> words) {
  return impl_->trie.Insert(words, entry);
}

void AgentDictionary::AddWarning(std::string warning) { impl_->warnings.push_back(std::move(warning)); }

void AgentDictionary::ForEachPhrase(const std::function<void(std::span<const WordId>, uint32_t)>& fn) const {
  impl_->trie.ForEach(fn);
}

size_t AgentDictionary::phrase_count() const { return impl_->trie.phrase_count(); }

const std::vector<std::string>& AgentDictionary::warnings() const { return impl_->warnings; }

}  // namespace parley::lexicon

#include "lexicon/actor_dictionary.h"

#include "lexicon/phrase_trie.h"
#include "lexicon/reader_util.h"

namespace parley::lexicon {

using internal::kNone;
using internal::Trim;
using internal::Where;

struct ActorDictionary::Impl {
  internal::PhraseTrie trie;
  std::vector<std::string> warnings;
};

namespace {

bool LooksLikeDates(std::string_view s) {
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != '-' && c != '<' && c != '>') return false;
  }
  return digit;
}

// Parses the inside of one "[...]" actor code block.
bool ParseActorCode(std::string_view inner, DatedCode& out, bool& dated, std::string& why) {
  inner = Trim(inner);
  size_t i = 0;
  while (i < inner.size() && !internal::IsBlank(inner[i]) && inner[i] != '<' && inner[i] != '>') ++i;
  std::string_view code = inner.substr(0, i);
  std::string rest;
  for (char c : inner.substr(i))
    if (!internal::IsBlank(c)) rest += c;
  if (code.empty() || (rest.empty() && LooksLikeDates(code))) {
    why = "code block has no code";
    return false;
  }
  out = DatedCode{};
  out.code = ToUpperKey(code);
  if (out.code == "---") out.code.clear();
  dated = !rest.empty();
  if (!dated) return true;
  auto bad_date = [&](std::string_view d) {
    why = "bad date '" + std::string(d) + "' (want YYMMDD or YYYYMMDD)";
    return false;
  };
  if (rest[0] == '<' || rest[0] == '>') {
    std::string_view d = std::string_view(rest).substr(1);
    int v = 0;
    if (!internal::ParseDictDate(d, v)) return bad_date(d);
    (rest[0] == '<' ? out.to : out.from) = v;
    return true;
  }
  size_t dash = rest.find('-');
  if (dash == std::string::npos) {
    why = "date restriction is not <date, >date or date-date";
    return false;
  }
  std::string_view a = std::string_view(rest).substr(0, dash), b = std::string_view(rest).substr(dash + 1);
  if (!internal::ParseDictDate(a, out.from)) return bad_date(a);
  if (!internal::ParseDictDate(b, out.to)) return bad_date(b);
  if (out.to < out.from) {
    why = "date range " + std::string(a) + "-" + std::string(b) + " ends before it starts";
    return false;
  }
  return true;
}

}  // namespace

ActorDictionary::ActorDictionary() : impl_(std::make_shared<Impl>()) {}

Status ActorDictionary::LoadPetrarchFile(const std::string& path, Vocabulary& vocab) {
  std::string text;
  Status s = internal::ReadWholeFile(path, text);
  if (!s.ok()) return s;
  return LoadPetrarchText(text, path, vocab);
}

Status ActorDictionary::LoadPetrarchText(std::string_view text, const std::string& name, Vocabulary& vocab) {
  Impl& impl = *impl_;
  auto& warn = impl.warnings;
  internal::LineReader reader(text);
  std::string_view raw;
  int line = 0;
  uint32_t cur = kNone;  // entry receiving synonyms and restrictions
  bool merging = false;  // cur is an earlier entry that a duplicate primary phrase merges into
  std::vector<std::string_view> words;
  std::vector<WordId> ids;
  std::string upper;

  // Adds the "[...]" blocks of `codes` to entry `e`.
  auto add_codes = [&](uint32_t e, std::string_view codes, std::string_view whole) {
    size_t pos = 0;
    while (true) {
      size_t open = codes.find('[', pos);
      if (open == std::string_view::npos) {
        if (!Trim(codes.substr(pos)).empty()) warn.push_back(Where(name, line, "text after the code ignored", whole));
        return;
      }
      if (!Trim(codes.substr(pos, open - pos)).empty())
        warn.push_back(Where(name, line, "text before the code ignored", whole));
      size_t close = codes.find(']', open);
      if (close == std::string_view::npos) {
        warn.push_back(Where(name, line, "missing ']'", whole));
        return;
      }
      DatedCode dc;
      bool dated = false;
      std::string why;
      if (!ParseActorCode(codes.substr(open + 1, close - open - 1), dc, dated, why)) {
        warn.push_back(Where(name, line, why + "; restriction skipped", whole));
      } else if (dated) {
        entries_[e].dated.push_back(std::move(dc));
      } else if (!merging || entries_[e].default_code.empty()) {
        entries_[e].default_code = std::move(dc.code);
      }
      pos = close + 1;
    }
  };
  // Adds `phrase` for entry `e`; returns the entry that owns it (an earlier
  // one for a duplicate), or kNone for an empty phrase.
  auto add_phrase = [&](std::string_view phrase, uint32_t e, std::string_view whole, bool primary) -> uint32_t {
    internal::SplitPhrase(phrase, words);
    if (words.empty()) {
      warn.push_back(Where(name, line, "empty actor phrase; skipped", whole));
      return kNone;
    }
    ids.clear();
    for (auto w : words) {
      upper = ToUpperKey(w);
      ids.push_back(vocab.Intern(upper));
    }
    uint32_t got = impl.trie.Insert(ids, e);
    if (got != e) {
      const ActorEntry& first = entries_[got];
      std::string at = first.file + ":" + std::to_string(first.line);
      warn.push_back(Where(name, line,
                           primary ? "duplicate actor phrase; its codes are merged into the entry at " + at
                                   : "duplicate actor synonym (first at " + at + ") ignored",
                           whole));
    }
    return got;
  };

  while (reader.Next(raw, line)) {
    std::string_view s = Trim(internal::StripComment(raw, /*semicolon=*/true));
    if (s.empty() || s[0] == '<') continue;  // blank, comment, or a TABARI section tag
    if (s[0] == '[') {
      if (cur == kNone) {
        warn.push_back(Where(name, line, "code line without an actor; skipped", s));
        continue;
      }
      add_codes(cur, s, s);
      continue;
    }
    size_t bracket = s.find('[');
    std::string_view phrase = s.substr(0, bracket == std::string_view::npos ? s.size() : bracket);
    std::string_view codes = bracket == std::string_view::npos ? std::string_view() : s.substr(bracket);
    if (s[0] == '+') {
      if (cur == kNone) {
        warn.push_back(Where(name, line, "synonym without a primary actor; skipped", s));
        continue;
      }
      add_phrase(phrase.substr(1), cur, s, /*primary=*/false);
      if (!codes.empty()) add_codes(cur, codes, s);
      continue;
    }
    auto e = static_cast<uint32_t>(entries_.size());
    ActorEntry entry;
    entry.phrase = std::string(Trim(phrase));
    entry.file = name;
    entry.line = line;
    entries_.push_back(std::move(entry));
    uint32_t got = add_phrase(phrase, e, s, /*primary=*/true);
    if (got != e) entries_.pop_back();
    cur = got;
    merging = got != e;
    if (cur == kNone) continue;
    if (!codes.empty()) add_codes(cur, codes, s);
  }
  return Status::Ok();
}

PhraseMatch ActorDictionary::LongestMatch(std::span<const WordId> words, size_t start) const {
  return impl_->trie.LongestMatch(words, start);
}

std::string_view ActorDictionary::CodeOn(uint32_t entry, Date date) const {
  const ActorEntry& e = entries_[entry];
  if (date.known()) {
    int d = date.ToInt();
    for (const DatedCode& dc : e.dated)
      if (dc.from <= d && d <= dc.to) return dc.code;
  }
  return e.default_code;
}

uint32_t ActorDictionary::AddEntry(ActorEntry entry) {
  entries_.push_back(std::move(entry));
  return static_cast<uint32_t>(entries_.size() - 1);
}

uint32_t ActorDictionary::AddPhrase(uint32_t entry, std::span<const WordId> words) {
  return impl_->trie.Insert(words, entry);
}

void ActorDictionary::AddWarning(std::string warning) { impl_->warnings.push_back(std::move(warning)); }

void ActorDictionary::ForEachPhrase(const std::function<void(std::span<const WordId>, uint32_t)>& fn) const {
  impl_->trie.ForEach(fn);
}

size_t ActorDictionary::phrase_count() const { return impl_->trie.phrase_count(); }

const std::vector<std::string>& ActorDictionary::warnings() const { return impl_->warnings; }

}  // namespace parley::lexicon

#include "lexicon/issue_list.h"

#include "lexicon/inflect.h"
#include "lexicon/phrase_trie.h"
#include "lexicon/reader_util.h"
#include "lexicon/vocabulary.h"

namespace parley::lexicon {

using internal::Trim;
using internal::Where;

struct IssueList::Impl {
  internal::TextMatcher matcher;
  std::vector<uint32_t> phrase_code;  // by matcher id: index into codes, or kNone = ignore phrase
  std::vector<std::string> codes;
  size_t lines = 0;
  std::vector<std::string> warnings;
};

namespace {

constexpr size_t kMaxExpansions = 4096;

// Alternatives for one "+"-free part: "n:word", "v:word" or "word".
void PartForms(std::string_view part, std::vector<std::string>& out) {
  out.clear();
  if (part.size() > 2 && (part[0] == 'N' || part[0] == 'V') && part[1] == ':') {
    std::string w(part.substr(2));
    if (part[0] == 'N') {
      out.push_back(w);
      std::string pl = internal::NounPlural(w);
      if (!pl.empty()) out.push_back(std::move(pl));
    } else {
      internal::RegularVerbForms(w, out);
    }
    return;
  }
  out.emplace_back(part);
}

// Expands an upper-cased issue phrase into all its spellings.
bool Expand(std::string_view phrase, std::vector<std::string>& out) {
  std::vector<std::string_view> tokens;
  internal::SplitBlanks(phrase, tokens);
  out.assign(1, std::string());
  std::vector<std::string> token_forms, part_forms, next;
  for (size_t t = 0; t < tokens.size(); ++t) {
    // Expand one blank-delimited token: parts joined by '+' → ' ' or '-'.
    std::string_view tok = tokens[t];
    token_forms.assign(1, std::string());
    size_t pos = 0;
    bool first = true;
    while (true) {
      size_t plus = tok.find('+', pos);
      std::string_view part = tok.substr(pos, plus == std::string_view::npos ? tok.size() - pos : plus - pos);
      if (!part.empty()) {
        PartForms(part, part_forms);
        next.clear();
        for (const auto& base : token_forms)
          for (const auto& f : part_forms) {
            if (first) {
              next.push_back(base + f);
            } else {
              next.push_back(base + " " + f);
              next.push_back(base + "-" + f);
            }
          }
        token_forms.swap(next);
        first = false;
      }
      if (plus == std::string_view::npos) break;
      pos = plus + 1;
    }
    next.clear();
    for (const auto& o : out)
      for (const auto& f : token_forms) next.push_back(t == 0 ? o + f : o + " " + f);
    out.swap(next);
    if (out.size() > kMaxExpansions) return false;
  }
  return true;
}

}  // namespace

IssueList::IssueList() : impl_(std::make_shared<Impl>()) {}

Status IssueList::LoadPetrarchFile(const std::string& path) {
  std::string text;
  Status s = internal::ReadWholeFile(path, text);
  if (!s.ok()) return s;
  return LoadPetrarchText(text, path);
}

Status IssueList::LoadPetrarchText(std::string_view text, const std::string& name) {
  Impl& impl = *impl_;
  auto& warn = impl.warnings;
  internal::LineReader reader(text);
  std::string_view raw;
  int line = 0;
  std::string category;
  std::vector<std::string> forms;
  while (reader.Next(raw, line)) {
    std::string_view s = Trim(internal::StripComment(raw, /*semicolon=*/false));
    if (s.empty()) continue;
    if (s[0] == '<') {
      std::string upper = ToUpperKey(s);
      if (upper.rfind("</ISSUE", 0) == 0) {
        category.clear();
      } else if (upper.rfind("<ISSUE", 0) == 0) {
        size_t c = upper.find("CATEGORY=\"");
        size_t e = c == std::string::npos ? c : upper.find('"', c + 10);
        category = e == std::string::npos ? std::string() : upper.substr(c + 10, e - c - 10);
        if (category.empty()) warn.push_back(Where(name, line, "<ISSUE> without CATEGORY=\"...\"", s));
      }
      continue;
    }
    bool ignore = s[0] == '~';
    while (!s.empty() && s[0] == '~') s.remove_prefix(1);
    std::string_view phrase = s;
    std::string code;
    size_t open = s.find('[');
    if (open != std::string_view::npos) {
      phrase = s.substr(0, open);
      size_t close = s.find(']', open);
      if (close == std::string_view::npos) {
        warn.push_back(Where(name, line, "missing ']'; skipped", s));
        continue;
      }
      code = ToUpperKey(Trim(s.substr(open + 1, close - open - 1)));
      if (!Trim(s.substr(close + 1)).empty()) warn.push_back(Where(name, line, "text after the code ignored", s));
    }
    if (!ignore && code.empty()) {
      if (category.empty()) {
        warn.push_back(Where(name, line, "issue phrase has no code and no <ISSUE CATEGORY>; skipped", s));
        continue;
      }
      code = category;
    }
    std::string upper = ToUpperKey(Trim(phrase));
    for (char& c : upper)
      if (c == '_') c = ' ';
    if (upper.empty()) {
      warn.push_back(Where(name, line, "empty issue phrase; skipped", s));
      continue;
    }
    if (!Expand(upper, forms)) {
      warn.push_back(Where(name, line, "too many expansions; skipped", s));
      continue;
    }
    uint32_t code_index = internal::kNone;
    if (!ignore) {
      for (uint32_t i = 0; i < impl.codes.size(); ++i)
        if (impl.codes[i] == code) code_index = i;
      if (code_index == internal::kNone) {
        code_index = static_cast<uint32_t>(impl.codes.size());
        impl.codes.push_back(code);
      }
    }
    ++impl.lines;
    for (const auto& f : forms) {
      std::string norm = internal::TextMatcher::Normalize(f);
      if (norm.empty()) continue;
      auto id = static_cast<uint32_t>(impl.phrase_code.size());
      if (impl.matcher.Add(norm, /*whole_word=*/true, id) == id) impl.phrase_code.push_back(code_index);
    }
  }
  return Status::Ok();
}

std::vector<std::pair<std::string, int>> IssueList::Find(std::string_view sentence_text) const {
  const Impl& impl = *impl_;
  std::vector<std::pair<std::string, int>> out;
  if (impl.phrase_code.empty()) return out;
  std::string t = internal::TextMatcher::Normalize(sentence_text);
  bool ignored = false;
  std::vector<uint32_t> hits;
  impl.matcher.ForEachMatch(t, [&](uint32_t id, size_t) {
    uint32_t c = impl.phrase_code[id];
    if (c == internal::kNone) ignored = true;
    else hits.push_back(c);
  });
  if (ignored) return out;
  for (uint32_t c : hits) {
    bool found = false;
    for (auto& [code, n] : out)
      if (code == impl.codes[c]) {
        ++n;
        found = true;
        break;
      }
    if (!found) out.emplace_back(impl.codes[c], 1);
  }
  return out;
}

size_t IssueList::size() const { return impl_->lines; }
size_t IssueList::phrase_count() const { return impl_->matcher.size(); }
const std::vector<std::string>& IssueList::warnings() const { return impl_->warnings; }

}  // namespace parley::lexicon

#include "lexicon/discard_list.h"

#include "lexicon/phrase_trie.h"
#include "lexicon/reader_util.h"

namespace parley::lexicon {

using internal::Trim;
using internal::Where;

struct DiscardList::Impl {
  internal::TextMatcher matcher;
  std::vector<DiscardHit> phrases;  // by matcher id
  std::vector<std::string> warnings;
};

DiscardList::DiscardList() : impl_(std::make_shared<Impl>()) {}

Status DiscardList::LoadPetrarchFile(const std::string& path) {
  std::string text;
  Status s = internal::ReadWholeFile(path, text);
  if (!s.ok()) return s;
  return LoadPetrarchText(text, path);
}

Status DiscardList::LoadPetrarchText(std::string_view text, const std::string& name) {
  Impl& impl = *impl_;
  internal::LineReader reader(text);
  std::string_view raw;
  int line = 0;
  while (reader.Next(raw, line)) {
    std::string_view s = Trim(internal::StripComment(raw, /*semicolon=*/false));
    if (s.empty() || s[0] == '<') continue;
    DiscardHit hit;
    if (s[0] == '+') {
      hit.whole_story = true;
      s = Trim(s.substr(1));
    }
    bool whole_word = !s.empty() && s.back() == '_';
    std::string phrase(s);
    for (char& c : phrase)
      if (c == '_') c = ' ';
    if (!AddPhrase(phrase, whole_word, hit.whole_story, std::string(s)))
      impl.warnings.push_back(Where(name, line, "empty discard phrase; skipped", raw));
  }
  return Status::Ok();
}

bool DiscardList::AddPhrase(std::string_view words, bool whole_word, bool whole_story, std::string shown) {
  Impl& impl = *impl_;
  std::string phrase = internal::TextMatcher::Normalize(words);
  while (!phrase.empty() && phrase.back() == ' ') phrase.pop_back();
  if (phrase.empty()) return false;
  auto id = static_cast<uint32_t>(impl.phrases.size());
  uint32_t got = impl.matcher.Add(phrase, whole_word, id);
  if (got == id) {
    impl.phrases.push_back(DiscardHit{std::move(shown), whole_story});
  } else if (whole_story) {
    impl.phrases[got].whole_story = true;  // story scope on any copy makes it story-level
  }
  return true;
}

void DiscardList::AddWarning(std::string warning) { impl_->warnings.push_back(std::move(warning)); }

const std::vector<DiscardHit>& DiscardList::phrases() const { return impl_->phrases; }

std::optional<DiscardHit> DiscardList::Find(std::string_view sentence_text) const {
  const Impl& impl = *impl_;
  if (impl.phrases.empty()) return std::nullopt;
  std::string t = internal::TextMatcher::Normalize(sentence_text);
  uint32_t first = internal::kNone;
  uint32_t story = internal::kNone;
  impl.matcher.ForEachMatch(t, [&](uint32_t id, size_t) {
    if (first == internal::kNone) first = id;
    if (story == internal::kNone && impl.phrases[id].whole_story) story = id;
  });
  if (story != internal::kNone) return impl.phrases[story];
  if (first != internal::kNone) return impl.phrases[first];
  return std::nullopt;
}

size_t DiscardList::size() const { return impl_->phrases.size(); }

const std::vector<std::string>& DiscardList::warnings() const { return impl_->warnings; }

}  // namespace parley::lexicon

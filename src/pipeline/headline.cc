#include "pipeline/headline.h"

#include <algorithm>
#include <string_view>

namespace parley::pipeline {
namespace {

struct ActorMention {
  uint32_t entry = 0;
  std::vector<std::string> countries;  // one per '/'-separated code; may be empty
  std::string words;                   // the tokens as written
};

// "USAGOV" → "USA"; "" for codes with no country ("---GOV", "", "GO").
std::string CountryOf(std::string_view code) {
  if (code.size() < 3) return "";
  for (char c : code.substr(0, 3))
    if (c < 'A' || c > 'Z') return "";
  return std::string(code.substr(0, 3));
}

std::vector<ActorMention> Mentions(const Document& doc, const Sentence& sentence,
                                   const lexicon::Lexicon& lex) {
  auto tokens = doc.TokensOf(sentence);
  std::vector<lexicon::WordId> words(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i)
    words[i] = lex.vocab.FindUpperOf(tokens[i].form);
  std::vector<ActorMention> out;
  for (size_t i = 0; i < words.size();) {
    auto match = lex.actors.LongestMatch(words, i);
    if (match.length == 0) {
      ++i;
      continue;
    }
    ActorMention m;
    m.entry = match.entry;
    std::string_view code = lex.actors.CodeOn(match.entry, doc.date);
    while (!code.empty()) {  // "FRO/BIL/SAM": one phrase, several actors
      size_t slash = code.find('/');
      std::string country = CountryOf(code.substr(0, slash));
      if (!country.empty()) m.countries.push_back(std::move(country));
      if (slash == std::string_view::npos) break;
      code.remove_prefix(slash + 1);
    }
    size_t end = std::min(words.size(), i + match.length);
    for (size_t t = i; t < end; ++t) {
      if (!m.words.empty()) m.words += ' ';
      m.words += tokens[t].form;
    }
    out.push_back(std::move(m));
    i = end;
  }
  return out;
}

}  // namespace

bool HeadlineMismatch(const Document& doc, const lexicon::Lexicon& lex,
                      std::vector<std::string>* unmatched) {
  if (unmatched != nullptr) unmatched->clear();
  std::vector<ActorMention> title, body;
  bool body_has_tokens = false;
  for (const Sentence& s : doc.sentences) {
    bool is_title = s.field == TextField::kTitle || s.index < 0;
    if (!is_title && s.token_count > 0) body_has_tokens = true;
    auto found = Mentions(doc, s, lex);
    auto& into = is_title ? title : body;
    into.insert(into.end(), std::make_move_iterator(found.begin()),
                std::make_move_iterator(found.end()));
  }
  if (title.empty() || !body_has_tokens) return false;
  bool flagged = false;
  for (const ActorMention& t : title) {
    bool seen = std::any_of(body.begin(), body.end(), [&](const ActorMention& b) {
      if (b.entry == t.entry) return true;
      for (const std::string& c : t.countries)
        if (std::find(b.countries.begin(), b.countries.end(), c) != b.countries.end()) return true;
      return false;
    });
    if (seen) continue;
    flagged = true;
    if (unmatched != nullptr &&
        std::find(unmatched->begin(), unmatched->end(), t.words) == unmatched->end())
      unmatched->push_back(t.words);
  }
  return flagged;
}

}  // namespace parley::pipeline

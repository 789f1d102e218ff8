#include "lexicon/verb_dictionary.h"

#include <algorithm>

#include "lexicon/inflect.h"
#include "lexicon/phrase_trie.h"
#include "lexicon/reader_util.h"

namespace parley::lexicon {

using internal::kNone;
using internal::Trim;

namespace {

constexpr size_t kMaxSynsetExpansion = 100000;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Splits on '_' keeping empty pieces ("IN_" → "IN", "").
void SplitUnderscores(std::string_view s, std::vector<std::string_view>& out) {
  out.clear();
  size_t pos = 0;
  while (true) {
    size_t u = s.find('_', pos);
    out.push_back(s.substr(pos, u == std::string_view::npos ? s.size() - pos : u - pos));
    if (u == std::string_view::npos) return;
    pos = u + 1;
  }
}

// A verb written as "+CORDON_OFF", "WIRE_+TAP", "LASH OUT" or "BAN".
struct VerbPhrase {
  std::vector<WordId> before, after;
  WordId verb = kNoWord;
  std::string verb_spelling;
  int plus_count = 0;
};

bool ParseVerbPhrase(std::string_view text, Vocabulary& vocab, VerbPhrase& out) {
  std::vector<std::string_view> parts;
  internal::SplitPhrase(text, parts);
  out = VerbPhrase{};
  if (parts.empty()) return false;
  size_t verb_at = parts.size();
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i][0] == '+') {
      ++out.plus_count;
      if (verb_at == parts.size()) verb_at = i;
    }
  }
  if (verb_at == parts.size()) verb_at = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    while (!p.empty() && p[0] == '+') p.remove_prefix(1);
    if (p.empty()) return false;
    std::string upper = ToUpperKey(p);
    WordId id = vocab.Intern(upper);
    if (i < verb_at) out.before.push_back(id);
    else if (i > verb_at) out.after.push_back(id);
    else {
      out.verb = id;
      out.verb_spelling = std::move(upper);
    }
  }
  return true;
}

}  // namespace

class VerbParser {
 public:
  VerbParser(VerbDictionary& d, Vocabulary& vocab, const std::string& name) : d_(d), vocab_(vocab), name_(name) {}

  void Run(std::string_view text) {
    internal::LineReader reader(text);
    std::string_view raw;
    while (reader.Next(raw, line_)) {
      std::string_view s = Trim(internal::StripComment(raw, /*semicolon=*/true));
      if (s.empty() || s[0] == '<') continue;
      Line(s);
    }
  }

  // One line from another reader (VerbLineFeeder).
  void Feed(std::string_view s, int line, std::string_view shown) {
    line_ = line;
    shown_ = shown;
    s = Trim(s);
    if (!s.empty()) Line(s);
    shown_ = {};
  }

 private:
  void Line(std::string_view s) {
    if (s[0] == '&') {
      SynsetHeader(s);
      return;
    }
    if (s[0] == '+' && synset_ != kNone) {
      SynsetMember(s);
      return;
    }
    synset_ = kNone;
    if (StartsWith(s, "---")) {
      BlockHeader(s);
    } else if (s[0] == '-') {
      PatternLine(s, s.substr(1));
    } else if (s[0] == '~') {
      d_.transformations_.push_back(VerbTransformation{std::string(shown_.empty() ? s : shown_), line_});
    } else if (s[0] == '*' || s[0] == '$' || s[0] == '%' || s[0] == '(') {
      Warn("pattern line without a leading '-'; read as a pattern", s);
      PatternLine(s, s);
    } else if (s[0] == '{') {
      Warn("verb forms on a line of their own are not supported; skipped", s);
    } else {
      VerbLine(s);
    }
  }

  void Warn(std::string_view what, std::string_view text) {
    d_.warnings_.push_back(internal::Where(name_, line_, what, shown_.empty() ? text : shown_));
  }

  void SynsetHeader(std::string_view s) {
    std::vector<std::string_view> toks;
    internal::SplitBlanks(s.substr(1), toks);
    std::string name = toks.empty() ? std::string() : ToUpperKey(toks[0]);
    synset_plurals_ = name.empty() || name.back() != '_';
    while (!name.empty() && name.back() == '_') name.pop_back();
    if (name.empty()) {
      Warn("synset without a name; skipped", s);
      synset_ = kNone;
      return;
    }
    if (toks.size() > 1) Warn("text after the synset name ignored", s);
    auto it = d_.synset_index_.find(name);
    if (it != d_.synset_index_.end()) {
      Warn("synset &" + name + " defined again; phrases added to the earlier definition", s);
      synset_ = it->second;
      return;
    }
    synset_ = static_cast<uint32_t>(d_.synsets_.size());
    d_.synsets_.push_back(Synset{name, {}});
    d_.synset_index_.emplace(std::move(name), synset_);
  }

  // Resolves the synset reference starting at parts[i] ("&NAME", where the
  // name may itself contain '_'): the longest defined name wins.
  bool ResolveSynset(const std::vector<std::string_view>& parts, size_t i, uint32_t& index, size_t& last) {
    for (size_t j = parts.size(); j-- > i;) {
      if (parts[j].empty()) continue;
      std::string name;
      for (size_t k = i; k <= j; ++k) {
        if (k > i) name += '_';
        name += parts[k];
      }
      name = ToUpperKey(std::string_view(name).substr(1));
      auto it = d_.synset_index_.find(name);
      if (it != d_.synset_index_.end()) {
        index = it->second;
        last = j;
        return true;
      }
    }
    return false;
  }

  void SynsetMember(std::string_view s) {
    std::string_view text = Trim(s.substr(1));
    size_t cut = text.find_first_of("[{");
    if (cut != std::string_view::npos) {
      Warn("code or forms after a synset member ignored", s);
      text = Trim(text.substr(0, cut));
    }
    bool plural = synset_plurals_ && !text.empty() && text.back() != '_';
    std::vector<std::string_view> toks, parts;
    internal::SplitBlanks(text, toks);
    std::vector<std::vector<WordId>> seqs(1);
    bool last_is_word = false;
    for (auto tok : toks) {
      SplitUnderscores(tok, parts);
      for (size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].empty()) continue;
        if (parts[i][0] == '&') {
          uint32_t idx = 0;
          size_t last = i;
          if (!ResolveSynset(parts, i, idx, last)) {
            Warn("unknown synset " + std::string(parts[i]) + "; member skipped", s);
            return;
          }
          if (idx == synset_) {
            Warn("synset refers to itself; member skipped", s);
            return;
          }
          const auto& inner = d_.synsets_[idx].phrases;
          if (inner.empty()) continue;
          if (seqs.size() * inner.size() > kMaxSynsetExpansion) {
            Warn("synset member expands to too many phrases; skipped", s);
            return;
          }
          std::vector<std::vector<WordId>> next;
          next.reserve(seqs.size() * inner.size());
          for (const auto& a : seqs)
            for (const auto& b : inner) {
              next.push_back(a);
              next.back().insert(next.back().end(), b.begin(), b.end());
            }
          seqs.swap(next);
          last_is_word = false;
          i = last;
        } else {
          WordId w = vocab_.Intern(ToUpperKey(parts[i]));
          for (auto& q : seqs) q.push_back(w);
          last_is_word = true;
        }
      }
    }
    if (seqs.size() == 1 && seqs[0].empty()) {
      Warn("empty synset member; skipped", s);
      return;
    }
    auto& phrases = d_.synsets_[synset_].phrases;
    for (auto& q : seqs) {
      if (plural && last_is_word) {
        std::string pl = internal::NounPlural(vocab_.Spelling(q.back()));
        if (!pl.empty()) {
          std::vector<WordId> p2 = q;
          p2.back() = vocab_.Intern(pl);
          phrases.push_back(std::move(q));
          phrases.push_back(std::move(p2));
          continue;
        }
      }
      phrases.push_back(std::move(q));
    }
  }

  void BlockHeader(std::string_view s) {
    std::string_view t = s;
    while (!t.empty() && t[0] == '-') t.remove_prefix(1);
    VerbBlock b;
    b.file = name_;
    b.line = line_;
    size_t open = t.find('[');
    std::string_view name = open == std::string_view::npos ? t : t.substr(0, open);
    name = Trim(name);
    while (!name.empty() && (name.back() == '-' || name.back() == '_')) name.remove_suffix(1);
    b.name = ToUpperKey(Trim(name));
    b.code = "---";
    if (open != std::string_view::npos) {
      size_t close = t.find(']', open);
      if (close == std::string_view::npos) {
        Warn("missing ']' in block header; block code taken as ---", s);
      } else {
        std::string code;
        for (char c : t.substr(open + 1, close - open - 1))
          if (!internal::IsBlank(c)) code += c;
        if (!code.empty()) b.code = ToUpperKey(code);
        if (t.find('[', close) != std::string_view::npos) Warn("second code in block header ignored", s);
      }
    }
    if (b.name.empty()) Warn("verb block without a name", s);
    block_ = static_cast<uint32_t>(d_.blocks_.size());
    d_.blocks_.push_back(std::move(b));
  }

  void AddForm(WordId form, uint32_t e) {
    auto& v = d_.entries_by_form_[form];
    if (std::find(v.begin(), v.end(), e) == v.end()) v.push_back(e);
  }

  uint32_t NewEntry(const VerbPhrase& vp, const std::string& code, std::string_view text) {
    auto e = static_cast<uint32_t>(d_.entries_.size());
    VerbEntry entry;
    entry.block = block_;
    entry.before = vp.before;
    entry.after = vp.after;
    entry.code = code;
    entry.verb = vp.verb;
    entry.text = std::string(text);
    entry.line = line_;
    d_.entries_.push_back(std::move(entry));
    d_.blocks_[block_].entries.push_back(e);
    return e;
  }

  void VerbLine(std::string_view s) {
    size_t lb = s.find('{');
    size_t rb = lb == std::string_view::npos ? lb : s.find('}', lb);
    if (lb != std::string_view::npos && rb == std::string_view::npos) {
      Warn("missing '}'; verb skipped", s);
      return;
    }
    size_t open = s.find('[');
    if (lb != std::string_view::npos && open != std::string_view::npos && open > lb && open < rb)
      open = s.find('[', rb);  // a '[' inside the forms is not the code
    size_t head_end = std::min(lb, open);
    std::string head(Trim(s.substr(0, head_end == std::string_view::npos ? s.size() : head_end)));
    for (char& c : head)
      if (internal::IsBlank(c)) c = '_';
    bool braces = lb != std::string_view::npos;
    std::string_view forms_text = braces ? s.substr(lb + 1, rb - lb - 1) : std::string_view();
    std::string own_code;
    size_t tail = braces ? rb + 1 : head_end;
    if (open != std::string_view::npos) {
      size_t close = s.find(']', open);
      if (close == std::string_view::npos) {
        Warn("missing ']'; verb skipped", s);
        return;
      }
      for (char c : s.substr(open + 1, close - open - 1))
        if (!internal::IsBlank(c)) own_code += c;
      own_code = ToUpperKey(own_code);
      tail = std::max(tail, close + 1);
    }
    if (tail != std::string_view::npos && tail < s.size() && !Trim(s.substr(tail)).empty())
      Warn("text after the verb's code ignored", s);
    VerbPhrase vp;
    if (!ParseVerbPhrase(head, vocab_, vp)) {
      Warn("empty verb; skipped", s);
      return;
    }
    if (vp.plus_count > 1) Warn("more than one '+' in a multi-word verb; the first marks the verb", s);
    if (block_ == kNone) {
      // TABARI-style file without "--- NAME ---" headers: an implicit block.
      VerbBlock b;
      b.name = vp.verb_spelling;
      b.code = "---";
      b.file = name_;
      b.line = line_;
      block_ = static_cast<uint32_t>(d_.blocks_.size());
      d_.blocks_.push_back(std::move(b));
    }
    std::string code = own_code.empty() ? d_.blocks_[block_].code : own_code;
    uint32_t e = NewEntry(vp, code, head);
    d_.base_forms_.insert(vp.verb);
    AddForm(vp.verb, e);
    if (!braces) {
      std::vector<std::string> forms;
      internal::RegularVerbForms(vp.verb_spelling, forms);
      for (const auto& f : forms) AddForm(vocab_.Intern(f), e);
      return;
    }
    std::string list(forms_text);
    for (char& c : list)
      if (c == ',') c = ' ';
    std::vector<std::string_view> items;
    internal::SplitBlanks(list, items);
    std::vector<uint32_t> siblings;
    for (auto item : items) {
      VerbPhrase fp;
      if (!ParseVerbPhrase(item, vocab_, fp)) {
        Warn("empty verb form ignored", s);
        continue;
      }
      uint32_t target = e;
      if (fp.before != vp.before || fp.after != vp.after) {
        // The form's other words differ from the base (e.g. +WIRE_TAP {+WIRE_TAPS}): its own entry.
        target = kNone;
        for (uint32_t sib : siblings)
          if (d_.entries_[sib].before == fp.before && d_.entries_[sib].after == fp.after) target = sib;
        if (target == kNone) {
          target = NewEntry(fp, code, item);
          siblings.push_back(target);
        }
      }
      AddForm(fp.verb, target);
    }
  }

  void PatternLine(std::string_view s, std::string_view body) {
    if (block_ == kNone) {
      Warn("pattern outside a verb block; skipped", s);
      return;
    }
    size_t open = body.rfind('[');
    if (open == std::string_view::npos) {
      Warn("pattern has no [code]; skipped", s);
      return;
    }
    size_t close = body.find(']', open);
    if (close == std::string_view::npos) {
      Warn("missing ']'; pattern skipped", s);
      return;
    }
    VerbPattern p;
    for (char c : body.substr(open + 1, close - open - 1))
      if (!internal::IsBlank(c)) p.code += c;
    p.code = ToUpperKey(p.code);
    if (p.code.empty()) {
      Warn("empty pattern code; skipped", s);
      return;
    }
    if (!Trim(body.substr(close + 1)).empty()) Warn("text after the pattern's code ignored", s);
    std::string text;
    for (char c : body.substr(0, open)) {
      if (c == '{' || c == '}' || c == '(' || c == ')') {
        text += ' ';
        text += c;
        text += ' ';
      } else {
        text += c;
      }
    }
    std::vector<std::string_view> toks, parts;
    internal::SplitBlanks(text, toks);
    int verbs = 0;
    std::vector<PatternToken> groups;
    for (auto tok : toks) {
      PatternElement el;
      if (tok.size() == 1 && (tok[0] == '{' || tok[0] == '(')) {
        bool nested = !groups.empty() && (tok[0] == '(' || groups.back() == PatternToken::kNounGroupOpen);
        el.kind = tok[0] == '{' ? PatternToken::kNounGroupOpen : PatternToken::kPrepOpen;
        if (nested) {
          Warn("badly nested '{' / '(' in pattern; skipped", s);
          return;
        }
        groups.push_back(el.kind);
        p.elements.push_back(el);
        continue;
      }
      if (tok.size() == 1 && (tok[0] == '}' || tok[0] == ')')) {
        PatternToken want = tok[0] == '}' ? PatternToken::kNounGroupOpen : PatternToken::kPrepOpen;
        if (groups.empty() || groups.back() != want) {
          Warn(std::string("unmatched '") + tok[0] + "' in pattern; skipped", s);
          return;
        }
        groups.pop_back();
        el.kind = tok[0] == '}' ? PatternToken::kNounGroupClose : PatternToken::kPrepClose;
        p.elements.push_back(el);
        continue;
      }
      std::string repaired;
      if (tok.size() > 1 && (tok[0] == '*' || tok.back() == '*') && tok.find('_') == std::string_view::npos) {
        // "*SCEPTICAL": the verb glued to a word; read as "*_SCEPTICAL".
        Warn("'*' glued to a word; read as joined by '_'", s);
        repaired = tok[0] == '*' ? "*_" + std::string(tok.substr(1))
                                 : std::string(tok.substr(0, tok.size() - 1)) + "_*";
        tok = repaired;
      }
      SplitUnderscores(tok, parts);
      for (size_t i = 0; i < parts.size(); ++i) {
        std::string_view part = parts[i];
        if (part.empty()) continue;
        PatternElement e;
        size_t last = i;
        if (part == "*") {
          e.kind = PatternToken::kVerb;
          ++verbs;
        } else if (part == "$") {
          e.kind = PatternToken::kSource;
        } else if (part == "+") {
          e.kind = PatternToken::kTarget;
        } else if (part == "%") {
          e.kind = PatternToken::kCompound;
        } else if (part == "^") {
          e.kind = PatternToken::kSkip;
        } else if (part[0] == '&') {
          e.kind = PatternToken::kSynset;
          if (!ResolveSynset(parts, i, e.synset, last)) {
            Warn("unknown synset " + std::string(part) + "; pattern skipped", s);
            return;
          }
        } else {
          e.kind = PatternToken::kWord;
          e.word = vocab_.Intern(ToUpperKey(part));
        }
        for (size_t k = last + 1; k < parts.size(); ++k)
          if (!parts[k].empty()) e.joined_to_next = true;
        p.elements.push_back(e);
        i = last;
      }
    }
    if (!groups.empty()) {
      Warn("unclosed '{' / '(' in pattern; skipped", s);
      return;
    }
    if (verbs != 1) {
      Warn(verbs == 0 ? "pattern has no '*'; skipped" : "pattern has more than one '*'; skipped", s);
      return;
    }
    p.file = name_;
    p.line = line_;
    auto idx = static_cast<uint32_t>(d_.patterns_.size());
    d_.patterns_.push_back(std::move(p));
    d_.blocks_[block_].patterns.push_back(idx);
  }

  VerbDictionary& d_;
  Vocabulary& vocab_;
  const std::string& name_;
  int line_ = 0;
  std::string_view shown_;  // what warnings quote instead of the line (Feed)
  uint32_t synset_ = kNone;  // synset receiving '+' members
  bool synset_plurals_ = true;
  uint32_t block_ = kNone;
};

Status VerbDictionary::LoadPetrarchFile(const std::string& path, Vocabulary& vocab) {
  std::string text;
  Status s = internal::ReadWholeFile(path, text);
  if (!s.ok()) return s;
  return LoadPetrarchText(text, path, vocab);
}

Status VerbDictionary::LoadPetrarchText(std::string_view text, const std::string& name, Vocabulary& vocab) {
  const size_t first_new = patterns_.size();
  VerbParser(*this, vocab, name).Run(text);
  MarkDialect(first_new);
  return Status::Ok();
}

void VerbDictionary::MarkDialect(size_t first) {
  // The dialect is a property of the file: one annotated pattern marks them all.
  bool syntactic = false;
  for (size_t i = first; i < patterns_.size() && !syntactic; ++i)
    for (const PatternElement& e : patterns_[i].elements)
      if (e.kind == PatternToken::kNounGroupOpen || e.kind == PatternToken::kPrepOpen) syntactic = true;
  for (size_t i = first; i < patterns_.size(); ++i) patterns_[i].syntactic = syntactic;
}

VerbLineFeeder::VerbLineFeeder(VerbDictionary& dict, Vocabulary& vocab, std::string name)
    : dict_(dict), name_(std::move(name)), first_pattern_(dict.patterns_.size()),
      parser_(std::make_unique<VerbParser>(dict, vocab, name_)) {}

VerbLineFeeder::~VerbLineFeeder() { dict_.MarkDialect(first_pattern_); }

void VerbLineFeeder::Feed(std::string_view petrarch_line, int line, std::string_view shown) {
  parser_->Feed(petrarch_line, line, shown);
}

bool VerbDictionary::AddEventNoun(EventNoun noun, Vocabulary& vocab, bool with_plural) {
  if (noun.words.empty()) return false;
  auto add = [&](EventNoun n) {
    std::vector<uint32_t>& same_head = nouns_by_head_[n.words.back()];
    for (uint32_t i : same_head)
      if (nouns_[i].words == n.words) return false;
    const uint32_t index = static_cast<uint32_t>(nouns_.size());
    // Longest first, so the coder takes "peace talks" before "talks".
    auto at = std::find_if(same_head.begin(), same_head.end(),
                           [&](uint32_t i) { return nouns_[i].words.size() < n.words.size(); });
    same_head.insert(at, index);
    nouns_.push_back(std::move(n));
    return true;
  };
  std::string plural;
  if (with_plural) {
    const std::string head(vocab.Spelling(noun.words.back()));
    // A word already plural in form ("talks", "hostilities") gets none.
    if (head.empty() || head.back() != 'S') plural = internal::NounPlural(head);
  }
  EventNoun plural_noun = noun;
  if (!add(std::move(noun))) return false;
  if (!plural.empty()) {
    plural_noun.words.back() = vocab.Intern(plural);
    add(std::move(plural_noun));
  }
  return true;
}

std::span<const uint32_t> VerbDictionary::EventNounsWithHead(WordId head) const {
  return nouns_by_head_.Find(head);
}

std::span<const uint32_t> VerbDictionary::EntriesForForm(WordId form) const {
  return entries_by_form_.Find(form);
}

size_t VerbDictionary::ListsById::size() const {
  return static_cast<size_t>(
      std::count_if(lists_.begin(), lists_.end(), [](const std::vector<uint32_t>& l) { return !l.empty(); }));
}

int VerbDictionary::FindSynset(std::string_view name) const {
  auto it = synset_index_.find(std::string(name));
  return it == synset_index_.end() ? -1 : static_cast<int>(it->second);
}

}  // namespace parley::lexicon

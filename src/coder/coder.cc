#include "coder/coder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <span>
#include <string_view>

#include "coder/tree.h"

namespace parley::coder {

using lexicon::kNoWord;
using lexicon::Lexicon;
using lexicon::PatternElement;
using lexicon::PatternToken;
using lexicon::VerbPattern;
using lexicon::WordId;

bool CoderOptions::Apply(const std::string& option, const std::string& value) {
  std::string v = lexicon::ToUpperKey(value);
  if (option == "require_dyad") {
    if (v == "TRUE" || v == "1") require_dyad = true;
    else if (v == "FALSE" || v == "0") require_dyad = false;
    else return false;
  } else if (option == "new_actor_length") {
    char* end = nullptr;
    long n = std::strtol(value.c_str(), &end, 10);
    if (end == value.c_str() || *end != '\0' || n < 0 || n > 1000) return false;
    new_actor_length = static_cast<int>(n);
  }
  return true;
}

// Synsets can hold hundreds of phrases (&CURRENCY, &WEAPON): one-word members
// are looked up in a sorted vector, only multi-word ones are scanned.
struct SynsetIndex {
  // A phrase of two or more words, with the words it must have at either
  // end: matching scans every phrase at every position, and the end word
  // rules most out without reading the phrase.
  struct Multi {
    const std::vector<WordId>* words;
    WordId first;
    WordId last;
  };
  struct Entry {
    std::vector<WordId> single_words;  // sorted
    std::vector<Multi> multi;
  };
  std::vector<Entry> entries;

  explicit SynsetIndex(const lexicon::VerbDictionary& verbs) {
    entries.resize(verbs.synset_count());
    for (size_t i = 0; i < verbs.synset_count(); ++i) {
      for (const auto& phrase : verbs.synset(static_cast<uint32_t>(i)).phrases) {
        if (phrase.size() == 1) entries[i].single_words.push_back(phrase[0]);
        else if (phrase.size() > 1) entries[i].multi.push_back(Multi{&phrase, phrase.front(), phrase.back()});
      }
      std::sort(entries[i].single_words.begin(), entries[i].single_words.end());
    }
  }
  bool HasSingle(uint32_t synset, WordId w) const {
    const auto& v = entries[synset].single_words;
    return w != kNoWord && std::binary_search(v.begin(), v.end(), w);
  }
};

// What each verb pattern needs of a sentence, in flat arrays: the words it
// names and the synsets it names (each must match somewhere). A verb such as
// SAY has hundreds of patterns and most are ruled out by these, so the check
// should not chase each pattern's own element vector.
struct PatternNeeds {
  // Per pattern p: words [word_begin[p], word_begin[p + 1]), synsets likewise.
  std::vector<uint32_t> word_begin, synset_begin;
  std::vector<WordId> words;
  std::vector<uint32_t> synsets;

  explicit PatternNeeds(const lexicon::VerbDictionary& verbs) {
    word_begin.reserve(verbs.pattern_count() + 1);
    synset_begin.reserve(verbs.pattern_count() + 1);
    for (size_t i = 0; i < verbs.pattern_count(); ++i) {
      word_begin.push_back(static_cast<uint32_t>(words.size()));
      synset_begin.push_back(static_cast<uint32_t>(synsets.size()));
      for (const PatternElement& e : verbs.pattern(static_cast<uint32_t>(i)).elements) {
        if (e.kind == PatternToken::kWord) words.push_back(e.word);
        if (e.kind == PatternToken::kSynset) synsets.push_back(e.synset);
      }
    }
    word_begin.push_back(static_cast<uint32_t>(words.size()));
    synset_begin.push_back(static_cast<uint32_t>(synsets.size()));
  }
  std::span<const WordId> words_of(uint32_t pattern) const {
    return {words.data() + word_begin[pattern], words.data() + word_begin[pattern + 1]};
  }
  std::span<const uint32_t> synsets_of(uint32_t pattern) const {
    return {synsets.data() + synset_begin[pattern], synsets.data() + synset_begin[pattern + 1]};
  }
};

namespace {

// Verbs of alleging: what they allege is not established ("accused the UAE
// of supplying the drones", "convicted of spying for Israel").
constexpr std::array<std::string_view, 7> kAlleging = {"accuse", "blame", "charge", "allege",
                                                       "suspect", "deny", "convict"};

constexpr int kMaxPhraseDepth = 24;

// A dictionary phrase found in the sentence: tokens [begin, end).
struct Mention {
  int begin = 0;
  int end = 0;
  bool is_actor = false;
  uint32_t entry = 0;
  // The actor after the hyphen of a joined pair ("Egyptian-Qatari"), or -1.
  int64_t second_entry = -1;
};

// One resolved actor: its full code and the tokens it came from.
struct ActorCode {
  std::string code;
  int first = -1;
  int last = -1;
};

// Slots a pattern bound to actor mentions ($, +, %).
struct PatternMatch {
  int score = -1;
  int source_mention = -1;
  int target_mention = -1;
  bool compound = false;
};

// The dictionary entries a verb matches and the pattern that decides its code.
struct VerbChoice {
  std::vector<uint32_t> chosen;  // the entries of the longest match
  int first = -1, last = -1;     // the verb's words
  std::string code;
  std::string where;  // the deciding dictionary line, for audits
  PatternMatch best;
  uint32_t best_pattern = 0;
};

// The per-sentence buffers, kept on each thread between sentences so that
// coding a sentence allocates little once they have grown.
struct SentenceScratch {
  SentenceTree tree;
  std::vector<WordId> words, lemmas, present, present_slots, lookup_ids;
  std::vector<std::string_view> lookup;
  std::vector<Mention> mentions;
  std::vector<int> mention_of;
  std::vector<uint8_t> allowed, synset_state;
  std::vector<uint8_t> unrealized;  // per verb: an intended, demanded or refused complement
};

// words[i] and lemmas[i]: the ids of token i's form and lemma (the form's
// id where the lemma is spelled like it, give or take case: "the", "Gaza"),
// looked up in one batch, each hashed once.
void LookUpWords(const lexicon::Vocabulary& vocab, std::span<const Token> toks, SentenceScratch& x) {
  const size_t n = toks.size();
  x.lookup.clear();
  for (const Token& t : toks) x.lookup.push_back(t.form);
  for (const Token& t : toks)
    if (!lexicon::SameUpperKey(t.lemma, t.form)) x.lookup.push_back(t.lemma);
  x.lookup_ids.resize(x.lookup.size());
  vocab.FindUpperOfEach(x.lookup, x.lookup_ids);
  x.words.resize(n);
  x.lemmas.resize(n);
  size_t next_lemma = n;
  for (size_t i = 0; i < n; ++i) {
    x.words[i] = x.lookup_ids[i];
    x.lemmas[i] = lexicon::SameUpperKey(toks[i].lemma, toks[i].form) ? x.words[i] : x.lookup_ids[next_lemma++];
  }
}

// What one is ready or willing to do is intended (SentenceCoder::IsReadyComplement).
constexpr std::array<std::string_view, 4> kReady = {"ready", "willing", "prepared", "eager"};

// The CAMEO code for the intent to do what `code` does: "express intent to"
// (03x) for cooperation, aid and yielding, a threat (13x) for coercion and
// force; "" where CAMEO has none.
std::string IntentOf(std::string_view code) {
  const std::string_view root = code.substr(0, 2);
  auto fourth = [&](std::string_view base, std::initializer_list<std::pair<std::string_view, std::string_view>> by) {
    for (const auto& [prefix, intent] : by)
      if (code.starts_with(prefix)) return std::string(intent);
    return std::string(base);
  };
  if (root == "03" || root == "13") return std::string(code);
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return "031";
  if (root == "07") return fourth("033", {{"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}});
  if (root == "08")
    return fourth("035", {{"081", "0351"}, {"082", "0352"}, {"084", "0353"}, {"085", "0354"}, {"086", "0355"},
                          {"087", "0356"}});
  if (root == "17") return "137";
  if (root == "18" || root == "19" || root == "20") return "138";
  return "";
}

// Roots whose target may be a place: force, the place being what is hit
// (exhibit force posture 15, coerce 17, assault 18, fight 19, mass violence
// 20), and, with `aid`, aid (07), which goes to the people there.
bool FallsOnPlaces(std::string_view code, bool aid) {
  const std::string_view root = code.substr(0, 2);
  // Aid, given or promised (033x), goes to a place's people ("aid to Gaza"),
  // and so does aid or help let in, or promised to be (086x, 0355: "allowed
  // humanitarian aid into Gaza").
  return root == "15" || root == "17" || root == "18" || root == "19" || root == "20" ||
         (aid && (root == "07" || code.starts_with("033") || code.starts_with("086") || code == "0355"));
}

// Whether a code's root is a kind of act two sides do together: intent to
// cooperate, consult, diplomatic and material cooperation, yield (03-06, 08).
bool IsMutualRoot(std::string_view code) {
  const std::string_view root = code.substr(0, 2);
  return root == "03" || root == "04" || root == "05" || root == "06" || root == "08";
}

// A determiner, possessive, number or adjective before a noun.
bool IsObjectPremodifier(const Token& t) {
  return t.xpos == "DT" || t.xpos == "PDT" || t.xpos == "PRP$" || t.xpos == "CD" || t.xpos == "JJ" ||
         t.xpos == "JJR" || t.xpos == "JJS";
}

bool IsPronoun(const Token& t) {
  return t.xpos == "PRP" || t.xpos == "PRP$" || t.upos == "PRON";
}

bool HasCase(const SentenceTree& tree, std::span<const Token> toks, int node,
             std::string_view lower_word) {
  for (int c : tree.children(node)) {
    if (tree.rel(c) != Rel::kCase) continue;
    std::string_view f = toks[c].form;
    if (f.size() != lower_word.size()) continue;
    bool same = true;
    for (size_t i = 0; i < f.size(); ++i)
      if ((f[i] | 0x20) != lower_word[i]) same = false;
    if (same) return true;
  }
  return false;
}

// All the per-sentence work; lives for one CodeSentence call.
class SentenceCoder {
 public:
  SentenceCoder(const Lexicon& lex, const SynsetIndex& synsets, const PatternNeeds& pattern_needs,
                const CoderOptions& opt, const Document& doc, const Sentence& sentence,
                std::vector<Event>& out, SentenceScratch& scratch)
      : lex_(lex), synsets_(synsets), pattern_needs_(pattern_needs), opt_(opt), doc_(doc), sentence_(sentence),
        toks_(doc.TokensOf(sentence)), out_(out), tree_(scratch.tree), words_(scratch.words),
        mentions_(scratch.mentions), mention_of_(scratch.mention_of), lemmas_(scratch.lemmas),
        allowed_(scratch.allowed), first_event_(out.size()), present_(scratch.present),
        present_slots_(scratch.present_slots), synset_state_(scratch.synset_state), scratch_(scratch) {}

  void Run();

 private:
  void FindMentions();
  // kAdjectivalPassive: v is a participle the tagger read as an adjective
  // after "be" ("were wounded in clashes"), a passive, coded only for
  // force. kIntent: v is what its subject is ready or willing to do ("was
  // ready to negotiate"), coded as the intent to do it (IntentOf).
  enum class VerbMode { kPlain, kAdjectivalPassive, kIntent };
  void CodeVerb(int v, VerbMode mode = VerbMode::kPlain);
  // Whether v is the infinitive of "be ready/willing/prepared/eager to".
  bool IsReadyComplement(int v) const;
  bool IsAdjectivalPassive(int v) const;
  // Whether verb v only says what is intended, wanted, alleged or
  // conditional, not done; `unrealized` holds the answers for the verbs
  // before it.
  bool Unrealized(int v, std::span<const uint8_t> unrealized) const;
  // The longest dictionary entries verb v matches and the pattern that
  // decides its code; false when none matches.
  bool ChooseVerbCode(int v, VerbChoice& choice);
  void PassiveParties(int v, int patient, int by_agent, int last, const std::string& code,
                      std::vector<ActorCode>& sources, std::vector<ActorCode>& targets) const;
  // The source of an active verb; returns its subject (-1 if none).
  int ActiveSource(int v, int first, std::vector<ActorCode>& sources) const;
  // The target of an active verb after its words; returns its first object
  // (-1 if none).
  int ActiveTargets(int v, int last, int subject, const std::string& code, const std::vector<ActorCode>& sources,
                    std::vector<ActorCode>& targets) const;
  // Coordinated subjects of a mutual act as each other's targets.
  void MutualTargets(int v, std::span<const uint32_t> chosen, const std::string& code, int first_object,
                     const std::vector<ActorCode>& sources, std::vector<ActorCode>& targets) const;
  // New actors from the words (CoderOptions::new_actor_length) where no
  // dictionary names a side.
  void NewActors(int v, int last, int subject, int first_object, std::vector<ActorCode>& sources,
                 std::vector<ActorCode>& targets) const;
  // Whether the verb's form has a code of its own in the dictionaries (not
  // only "---" entries such as "launched", "carried out").
  bool SaysSomething(int v) const;
  // A verb entry's code: its own, else its block's.
  const std::string& VerbEntryCode(uint32_t e) const;
  // The actor dictionary entry of the mention token t is in; null when t is
  // in none (or in an agent phrase).
  const lexicon::ActorEntry* ActorEntryAt(int t) const;
  // Event nouns ("Israeli airstrikes on Gaza", "talks between X and Y"),
  // after the verbs, so a noun a verb already coded is not coded again.
  // `unrealized` is what Run found of each verb (Unrealized): a noun
  // under such a verb is not coded.
  void CodeEventNouns(std::span<const uint8_t> unrealized);
  void CodeEventNoun(int head, int first, const lexicon::EventNoun& noun, std::span<const uint8_t> unrealized);
  // The lower-case preposition (case marker) of `node`, or "".
  std::string CaseWord(int node) const;
  bool MatchEntry(uint32_t entry_index, int v, int* first, int* last) const;
  PatternMatch MatchPattern(const VerbPattern& p, int first, int last, int limit) const;
  // Matches element `e` ending at (leftward) or starting at (rightward) `pos`;
  // returns the tokens consumed (0 = no match) and the mention bound, if any.
  int MatchElementAt(const PatternElement& e, int pos, bool leftward, int* mention) const;

  int FindSubject(int v) const;
  bool IsConjunct(int v) const;
  // Whether v is a present-participle adverbial clause whose subject is its
  // head's ("..., killing 15 people"), not one that only restates it.
  bool TakesItsHeadsSubject(int v) const;
  // Whether v is "call" naming its object ("called the proposal positive").
  bool NamesItsObject(int v) const;
  std::vector<ActorCode> SubjectlessSource(int v, int first) const;
  // Recursion follows modifiers and conjuncts; `depth` bounds it on
  // untrusted trees (a phrase nested deeper than kMaxPhraseDepth is not read).
  std::vector<ActorCode> EntityCodes(int head, const std::vector<ActorCode>* inherited,
                                     int depth = 0) const;
  std::vector<ActorCode> BaseActors(int head, int depth) const;
  std::vector<ActorCode> MentionActors(int mention) const;
  std::string NewActor(int head) const;
  int SkipNounPhrase(int pos, bool leftward) const;
  std::vector<ActorCode> ActorsWithConj(int head, int depth) const;
  void Agents(int head, bool nominal_only, std::vector<const lexicon::AgentEntry*>& out) const;
  int NounPhraseHead(int t) const;
  std::vector<ActorCode> CodesForMention(int mention) const;
  // With known_only, actors that are only a role with no country are passed over.
  // Actors in a phrase that names company or context, not a party
  // (NotAParty), are never taken.
  std::vector<ActorCode> FirstActorAfter(int v, int from, int to, int skip_subtree,
                                         bool known_only = false) const;
  // The first node on the path from `from` (itself included) up to v
  // (excluded) for which found(node) holds, or -1; the walk also stops at
  // the root and after kMaxPhraseDepth steps. Every "is t inside such a
  // phrase of v" test below is one of these walks.
  template <typename Found>
  int OnPathUp(int from, int v, Found found) const {
    for (int j = from, guard = 0; j >= 0 && j != v && guard < kMaxPhraseDepth; j = tree_.head(j), ++guard)
      if (found(j)) return j;
    return -1;
  }
  // True when token t sits in a phrase of v introduced by `prepositions`.
  bool InPhraseOf(int t, int v, std::span<const std::string_view> prepositions) const;
  bool NotAParty(int t, int v) const;
  // Drops targets that are places ("type = place") unless the code is one
  // whose target a place can be: force (15, 17-20), where the place is what
  // is hit, and aid (07), which goes to the people there. "Refused to send
  // a delegation to Geneva" has no target.
  void DropPlaceTargets(const std::string& code, std::vector<ActorCode>& targets) const;
  // Force against a capital ("struck Kyiv") is against the city: a target
  // that is just a capital of the dictionaries (type = capital) keeps only
  // its country code.
  void CapitalsAsPlaces(const std::string& code, std::vector<ActorCode>& targets) const;
  // The one country of the places in verb v's locative phrases, or "".
  std::string PlaceCountry(int v) const;
  // Gives a role with no country named the country the other side's makes
  // plain: the state's own opposition, the police protesters face.
  void DomesticCountry(const std::string& code, ActorCode& source, ActorCode& target) const;
  bool InLocativePhrase(int t, int v) const;
  // Whether the actor found first is a place or capital of Parley's
  // dictionaries in a locative phrase of v: it says where, not who.
  bool OnlySaysWhere(const std::vector<ActorCode>& found, int v) const;
  // Whether token t's lemma is one of `lemmas`.
  bool LemmaIn(int t, std::span<const std::string_view> lemmas) const;
  // Whether token t lies in a phrase beside a border ("near the Afghan
  // border", "along the frontier") below word v: a border has two sides,
  // so its country's name says neither whose the phrase is, nor who is
  // acted on, nor where it happened.
  bool BesideABorder(int t, int v) const;
  // Whether a verb other than v stands between token t and v ("signed a
  // pact allowing troops to be deployed": "troops" under "allowing").
  bool InAnotherClause(int t, int v) const;
  // Whom a clause of purpose of verb v turns against or presses ("to
  // denounce the government", "urging the government"), or none.
  std::vector<ActorCode> AddresseeOfPurpose(int v) const;
  // Whether token t lies in what a verb of alleging below v alleges ("executed
  // a man convicted of spying for Israel": Israel was not executed).
  bool InAnAllegation(int t, int v) const;
  // The actor a word names by itself, as a one-word match (length 0 when
  // none).
  lexicon::PhraseMatch OneWordActor(std::string_view word) const;
  // The actors named inside one joined word at token t: the one behind
  // "Iran-backed", or the first of a pair such as "Egyptian-Qatari" with the
  // second's entry in `second` (length 0 when none).
  lexicon::PhraseMatch ActorsInJoinedWord(int t, int64_t& second) const;
  // "met his Saudi counterpart": a country's counterpart of the other side
  // holds the same role there (SAU + the other's GOV).
  void TakeCounterpartsRole(ActorCode& a, const ActorCode& other) const;
  // The word under which token t is the "by" agent of a passive participle
  // other than verb v ("a truce brokered by Egypt"), or -1.
  int AgentOfAnotherVerb(int t, int v) const;
  bool UnknownCountry(const std::vector<ActorCode>& codes) const;
  bool UnknownCountry(const ActorCode& a) const { return a.code.rfind(opt_.unknown_country, 0) == 0; }
  // Whether token t is the infinitive marker "to", and whether verb v has one.
  bool IsToMarker(int t) const;
  bool HasInfinitiveTo(int v) const;
  // Whether c is a verb with an auxiliary of its own that the parser
  // conjoined to a noun: a misplaced clause, not another entity ("had
  // accepted the proposal and was waiting for Israel's response").
  bool IsClauseConjoinedToANoun(int c) const;
  // Whether token t is what is given in exchange for what v does.
  bool InExchangeFor(int t, int v) const;
  bool Excluded(int t, int v) const;
  void Emit(const std::vector<ActorCode>& sources, const std::vector<ActorCode>& targets,
            const std::string& code, int verb_first, int verb_last, const std::string& pattern);
  std::string Words(int first, int last) const;

  // False when the pattern names a word the sentence does not contain, or a
  // synset none of whose phrases can start in it (MatchPattern would fail).
  bool MayMatch(uint32_t pattern) const;
  bool Present(WordId w) const;
  size_t PresentSlot(WordId w) const {
    return static_cast<size_t>((w * 0x9E3779B97F4A7C15ull) >> 40) & (present_slots_.size() - 1);
  }
  bool SynsetMayMatch(uint32_t synset) const;
  void AllowSyntacticRegion(int v, int first, int last);
  bool IsNegated(int v) const;
  bool MentionsNegation(const VerbPattern& p) const;

  const Lexicon& lex_;
  const SynsetIndex& synsets_;
  const PatternNeeds& pattern_needs_;
  const CoderOptions& opt_;
  const Document& doc_;
  const Sentence& sentence_;
  std::span<const Token> toks_;
  std::vector<Event>& out_;

  // The buffers below live in the thread's SentenceScratch.
  SentenceTree& tree_;
  std::vector<WordId>& words_;
  std::vector<Mention>& mentions_;
  std::vector<int>& mention_of_;  // token → index in mentions_, or -1
  std::vector<WordId>& lemmas_;   // upper-cased lemma of each token, kNoWord when unknown
  // While matching a PETRARCH 2 (syntactic) pattern: which tokens the pattern
  // may use, and whether words also match by lemma ("EFFORT" ~ "efforts").
  std::vector<uint8_t>& allowed_;
  int allowed_for_ = -1;  // the verb allowed_ was computed for
  bool syntactic_ = false;
  size_t first_event_ = 0;  // this sentence's first event in out_
  std::vector<WordId>& present_;  // distinct word and lemma ids of the sentence
  // present_ as an open-addressing set (kEmptySlot = empty; power-of-two size).
  static constexpr WordId kEmptySlot = 0xFFFFFFFFu;
  std::vector<WordId>& present_slots_;
  // Per synset, found on first need: 0 unknown, 1 may match, 2 cannot.
  std::vector<uint8_t>& synset_state_;
  SentenceScratch& scratch_;  // owns the vectors above
};

const std::string& SentenceCoder::VerbEntryCode(uint32_t e) const {
  const auto& entry = lex_.verbs.entry(e);
  return entry.code.empty() ? lex_.verbs.block(entry.block).code : entry.code;
}

bool SentenceCoder::SaysSomething(int v) const {
  for (uint32_t e : lex_.verbs.EntriesForForm(words_[v]))
    if (VerbEntryCode(e) != "---") return true;
  return false;
}

const lexicon::ActorEntry* SentenceCoder::ActorEntryAt(int t) const {
  if (t < 0 || t >= static_cast<int>(mention_of_.size())) return nullptr;
  const int m = mention_of_[t];
  return m >= 0 && mentions_[m].is_actor ? &lex_.actors.entry(mentions_[m].entry) : nullptr;
}

void SentenceCoder::Run() {
  const int n = static_cast<int>(toks_.size());
  if (n == 0) return;
  tree_.Build(toks_);
  LookUpWords(lex_.vocab, toks_, scratch_);  // fills words_ and lemmas_
  synset_state_.assign(synsets_.entries.size(), 0);
  size_t slots = 16;
  while (slots < 4 * static_cast<size_t>(n)) slots *= 2;
  present_slots_.assign(slots, kEmptySlot);
  present_.clear();
  for (const auto* ids : {&words_, &lemmas_})
    for (WordId w : *ids) {
      size_t s = PresentSlot(w);
      while (present_slots_[s] != kEmptySlot && present_slots_[s] != w) s = (s + 1) & (slots - 1);
      if (present_slots_[s] == kEmptySlot) {
        present_slots_[s] = w;
        present_.push_back(w);
      }
    }
  FindMentions();
  std::vector<uint8_t>& unrealized = scratch_.unrealized;
  unrealized.assign(static_cast<size_t>(n), 0);
  for (int v = 0; v < n; ++v) {
    if (!tree_.IsVerbal(v)) {
      if (IsAdjectivalPassive(v)) CodeVerb(v, VerbMode::kAdjectivalPassive);
      continue;
    }
    Rel r = tree_.rel(v);
    if (r == Rel::kAux || r == Rel::kAuxPass || r == Rel::kCop) continue;
    unrealized[static_cast<size_t>(v)] = Unrealized(v, unrealized) ? 1 : 0;
    if (!unrealized[static_cast<size_t>(v)]) CodeVerb(v);
    else if (IsReadyComplement(v)) CodeVerb(v, VerbMode::kIntent);
  }
  CodeEventNouns(unrealized);
}

bool SentenceCoder::Unrealized(int v, std::span<const uint8_t> unrealized) const {
  const Rel r = tree_.rel(v);
  // What a coded verb governs as its complement ("vowed to destroy",
  // "refused to release", "threatened to attack") is intended, demanded
  // or refused, not done: the governing verb's event says it all. Under
  // a verb with no code of its own ("began to bomb", "continued to
  // attack") or a passive one with its subject ("X was seen to break
  // into") the complement is the event.
  // (What such a complement governs in turn is no more done: "called on
  // Gondor to be allowed to leave".)
  // What one party accuses another of is alleged, not established:
  // "accused the United Arab Emirates of supplying the drones" (an acl
  // of the accused), "blamed Gondor for attacking", "denied arming the
  // rebels".
  if (r == Rel::kAdvcl || r == Rel::kCcomp || r == Rel::kAcl || r == Rel::kXcomp) {
    int h = tree_.head(v);
    if (r == Rel::kAcl && h >= 0 && (tree_.rel(h) == Rel::kObj || tree_.rel(h) == Rel::kIobj)) h = tree_.head(h);
    // (After the verb: "Speaking after talks with ..., Lavrov accused
    // the West of ..." spoke, and talked.)
    if (h >= 0 && h < v && tree_.IsVerbal(h) && LemmaIn(h, kAlleging)) return true;
  }
  // Nor is a condition ("warned NATO of retaliation if it sent troops to
  // Ukraine", "unless Hamas releases the hostages").
  if (r == Rel::kAdvcl) {
    bool condition = false;
    for (int c : tree_.children(v)) {
      if (tree_.rel(c) != Rel::kMark) continue;
      const std::string_view f = toks_[static_cast<size_t>(c)].form;
      condition = condition || f == "if" || f == "If" || f == "unless" || f == "Unless";
    }
    if (condition) return true;
  }
  // Nor is what a noun's infinitive names: a bid, plan, deal or effort to
  // act ("ratified Sweden's bid to join NATO", "a deal to free the
  // hostages"), unless the noun is ranked ("the first country to recognise
  // Palestine" did).
  if (r == Rel::kAcl) {
    const int h = tree_.head(v);
    if (h >= 0 && !tree_.IsVerbal(h) && HasInfinitiveTo(v)) {
      static constexpr std::array<std::string_view, 5> kRanked = {"first", "last", "only", "next", "second"};
      bool ranked = false;
      for (int c : tree_.children(h))
        ranked = ranked || (c < h && (toks_[static_cast<size_t>(c)].xpos == "JJS" || LemmaIn(c, kRanked)));
      if (!ranked) return true;
    }
  }
  // Nor is what a verb of wanting or planning governs ("Obama wants Putin
  // to attack Switzerland", "plans to expand the offensive", "hopes that
  // Gondor will attack"), coded or not.
  if (r == Rel::kCcomp) {
    static constexpr std::array<std::string_view, 5> kHoping = {"want", "wish", "hope", "intend", "desire"};
    const int h = tree_.head(v);
    if (h >= 0 && tree_.ChildWith(h, Rel::kSubjPass) < 0 && LemmaIn(h, kHoping)) return true;
  }
  if (r == Rel::kXcomp) {
    static constexpr std::array<std::string_view, 9> kWanting = {"want",   "wish", "hope",   "plan", "intend",
                                                                 "seek",   "aim",  "desire", "aspire"};
    const int h = tree_.head(v);
    // Nor what one is ready, willing or prepared to do ("The Kremlin said
    // Russia was ready to negotiate with Ukraine": the intent, coded by
    // Run as such).
    if (h >= 0 && !tree_.IsVerbal(h) && LemmaIn(h, kReady)) return true;
    const bool passive = h >= 0 && tree_.ChildWith(h, Rel::kSubjPass) >= 0;
    const bool wanted = h >= 0 && LemmaIn(h, kWanting);
    // What one claims or reports to have done is reported as done
    // ("claimed to have shot down an American drone").
    static constexpr std::array<std::string_view, 7> kReporting = {"claim",    "say",   "report",     "confirm",
                                                                   "announce", "admit", "acknowledge"};
    static constexpr std::array<std::string_view, 1> kHave = {"have"};
    bool perfect = false;
    for (int c : tree_.children(v)) perfect = perfect || (tree_.rel(c) == Rel::kAux && LemmaIn(c, kHave));
    if (h >= 0 && perfect && LemmaIn(h, kReporting)) return false;
    return h >= 0 &&
           ((h < v && unrealized[static_cast<size_t>(h)]) || (SaysSomething(h) && !passive) || (wanted && !passive));
  }
  return false;
}

std::string SentenceCoder::CaseWord(int node) const {
  for (int c : tree_.children(node)) {
    if (tree_.rel(c) != Rel::kCase) continue;
    std::string w(toks_[c].form);
    for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return w;
  }
  return "";
}

void SentenceCoder::CodeEventNouns(std::span<const uint8_t> unrealized) {
  if (lex_.verbs.event_noun_count() == 0) return;
  const int n = static_cast<int>(toks_.size());
  for (int t = 0; t < n; ++t) {
    const std::string_view upos = toks_[t].upos;
    const bool noun = upos.empty() ? toks_[t].xpos.starts_with("NN") : (upos == "NOUN" || upos == "PROPN");
    if (!noun) continue;
    if (mention_of_[t] >= 0 && mentions_[mention_of_[t]].is_actor) continue;  // part of a name
    for (WordId head : {words_[t], lemmas_[t]}) {
      if (head == kNoWord) continue;
      const lexicon::EventNoun* match = nullptr;
      int first = t;
      for (uint32_t i : lex_.verbs.EventNounsWithHead(head)) {
        const lexicon::EventNoun& e = lex_.verbs.event_noun(i);
        const int k = static_cast<int>(e.words.size());
        if (t - (k - 1) < 0) continue;
        bool same = true;
        for (int j = 0; j + 1 < k && same; ++j) same = words_[t - (k - 1) + j] == e.words[j];
        if (same) {
          match = &e;
          first = t - (k - 1);
          break;
        }
      }
      if (match != nullptr) {
        CodeEventNoun(t, first, *match, unrealized);
        break;
      }
    }
  }
}

void SentenceCoder::CodeEventNoun(int head, int first, const lexicon::EventNoun& noun,
                                 std::span<const uint8_t> unrealized) {
  // "no talks", "not a ceasefire but ...".
  for (int c : tree_.children(head)) {
    const std::string_view f = toks_[c].form;
    if ((tree_.rel(c) == Rel::kDet || tree_.rel(c) == Rel::kNeg || tree_.rel(c) == Rel::kAdvmod) &&
        (f == "no" || f == "No" || f == "not" || f == "never"))
      return;
  }
  // Talks that "collapsed", a truce that "failed" or "was violated": the
  // subject of a verb of failing, ending or breaching is no event of its
  // kind.
  static constexpr std::array<std::string_view, 12> kFailed = {
      "collapse", "fail",   "stall",  "end",    "break",  "falter",
      "founder",  "derail", "expire", "violate", "breach", "shatter"};
  const int governor = tree_.head(head);
  if ((tree_.rel(head) == Rel::kSubj || tree_.rel(head) == Rel::kSubjPass) && governor >= 0 &&
      LemmaIn(governor, kFailed))
    return;
  // The object of a verb already coded ("launched airstrikes on Gaza", "held
  // talks with Hamas"), or a noun inside an event's words, is that event.
  auto within = [](int t, int from, int to) { return from >= 0 && from <= t && t <= to; };
  for (size_t i = first_event_; i < out_.size(); ++i) {
    const Event& e = out_[i];
    if (tree_.rel(head) == Rel::kObj && within(governor, e.event.first_token, e.event.last_token)) return;
    if (within(head, e.event.first_token, e.event.last_token) ||
        within(head, e.target.first_token, e.target.last_token) ||
        within(head, e.source.first_token, e.source.last_token))
      return;
  }
  const std::string root = noun.code.substr(0, 2);
  // Which prepositions introduce the target: force and coercion fall on a
  // place or people ("strikes on Gaza", "sanctions against Russia", "the
  // invasion of Ukraine"); cooperation and talk are with or to someone.
  static const std::vector<std::string> kForce = {"on", "against", "in", "at", "near", "into", "across", "of",
                                                  "targeting", "toward", "towards", "over", "inside"};
  static const std::vector<std::string> kCoerce = {"on", "against", "over", "of", "toward", "towards"};
  static const std::vector<std::string> kCooperate = {"with", "to", "toward", "towards", "for"};
  const bool force = FallsOnPlaces(noun.code, /*aid=*/false);
  const bool coerce = root == "11" || root == "12" || root == "13" || root == "14" || root == "16";
  const std::vector<std::string>& target_cases = force ? kForce : coerce ? kCoerce : kCooperate;

  std::vector<ActorCode> sources, targets;
  const std::string pattern = noun.file + ":" + std::to_string(noun.line);
  // The source: a premodifier ("Israeli airstrikes", "Russia's invasion",
  // "a Hamas delegation", "Qatari mediation") or a by-phrase.
  for (int c : tree_.children(head)) {
    const Rel r = tree_.rel(c);
    if (c < head && (r == Rel::kAmod || r == Rel::kPoss || r == Rel::kCompound)) {
      sources = EntityCodes(c, nullptr);
      if (!sources.empty()) break;
    }
  }
  const bool own_sources = !sources.empty();  // named before the noun itself
  // A quantity before the noun stands in its place ("launched a wave of
  // strikes against ...", "a new round of talks with ...").
  int phrase = head, verb = governor;
  if (verb >= 0 && !tree_.IsVerbal(verb) && tree_.rel(head) == Rel::kNmod && CaseWord(head) == "of") {
    phrase = verb;
    verb = tree_.head(verb);
  }
  // Talks a verb's unrealized complement would hold ("offered to host a new
  // round of negotiations between Israel and Hamas") are not held.
  if (verb >= 0 && tree_.IsVerbal(verb) && static_cast<size_t>(verb) < unrealized.size() &&
      unrealized[static_cast<size_t>(verb)])
    return;
  std::vector<ActorCode> sides;  // "between X and Y"
  auto read_phrases = [&](int node, bool own) {
    for (int c : tree_.children(node)) {
      const Rel r = tree_.rel(c);
      if ((r != Rel::kNmod && r != Rel::kObl) || c == head || c == phrase || BesideABorder(c, node)) continue;
      const std::string prep = CaseWord(c);
      if (own && (prep == "between" || prep == "among")) {
        if (sides.empty()) sides = EntityCodes(c, nullptr);
      } else if (own && prep == "by") {
        if (sources.empty()) sources = EntityCodes(c, nullptr);
      } else if (targets.empty() &&
                 std::find(target_cases.begin(), target_cases.end(), prep) != target_cases.end()) {
        targets = EntityCodes(c, nullptr);
      }
    }
  };
  read_phrases(head, true);
  if (phrase != head) read_phrases(phrase, true);
  // The parser often hangs the target on the verb ("expressed support for
  // Ukraine", "launched strikes on Gaza"); the verb coded nothing itself.
  const bool verb_object = verb >= 0 && tree_.IsVerbal(verb) &&
                           (tree_.rel(phrase) == Rel::kObj || tree_.rel(phrase) == Rel::kObl);
  if (targets.empty() && sides.empty() && verb_object) read_phrases(verb, false);
  if (!sides.empty()) {
    if (!sources.empty()) {
      // "Qatari mediation between Israel and Hamas": the source with each side.
      Emit(sources, sides, noun.code, first, head, pattern);
    } else if (sides.size() >= 2) {
      // "talks between Israel and Hamas": each side with the others.
      const std::vector<ActorCode> one{sides.front()};
      const std::vector<ActorCode> others(sides.begin() + 1, sides.end());
      Emit(one, others, noun.code, first, head, pattern);
      Emit(others, one, noun.code, first, head, pattern);
    }
    return;
  }
  // Else the subject of the verb whose object the noun is ("Hamas agreed to
  // talks with Egypt").
  // As its object, only a verb that says nothing of its own ("launched",
  // "joined", "carried out") lends its subject: "Egypt condemned the attacks
  // on Port Sudan" is Egypt's condemnation, not Egypt's attack. An oblique
  // ("arrived in Doha for talks with Hamas") is the subject's own.
  // But force or coercion the subject answers, opposes, warns of or
  // complains of is not its own act: "vowed to retaliate against Israel for
  // the strike on its consulate", "protested over the attacks", "warned
  // against a ground offensive in Rafah", "met amid clashes".
  static constexpr std::array<std::string_view, 9> kNotOwnAct = {"for",   "over", "after",   "against", "about",
                                                                 "of",    "amid", "despite", "since"};
  const std::string why = tree_.rel(phrase) == Rel::kObl ? CaseWord(phrase) : "";
  const bool grievance =
      (force || coerce) && std::find(kNotOwnAct.begin(), kNotOwnAct.end(), std::string_view(why)) != kNotOwnAct.end();
  if (sources.empty() && verb_object && !grievance && (tree_.rel(phrase) != Rel::kObj || !SaysSomething(verb))) {
    const int subject = FindSubject(verb);
    if (subject >= 0) sources = EntityCodes(subject, nullptr);
  }
  // "Russian-Ukrainian talks", "Israeli and Palestinian negotiators' talks":
  // two sides named before a mutual noun hold it with each other.
  if (IsMutualRoot(noun.code) && own_sources && targets.empty() && sources.size() >= 2 && sources.front().code != sources[1].code) {
    const std::vector<ActorCode> one{sources.front()};
    const std::vector<ActorCode> others(sources.begin() + 1, sources.end());
    Emit(one, others, noun.code, first, head, pattern);
    Emit(others, one, noun.code, first, head, pattern);
    return;
  }
  if (sources.empty() || targets.empty()) return;
  // One event per dyad and root: a verb's event of the same kind wins.
  for (size_t i = first_event_; i < out_.size(); ++i) {
    const Event& e = out_[i];
    if (e.event.code.compare(0, 2, root) == 0 && e.source.code == sources.front().code &&
        e.target.code == targets.front().code)
      return;
  }
  DropPlaceTargets(noun.code, targets);
  CapitalsAsPlaces(noun.code, targets);
  Emit(sources, targets, noun.code, first, head, pattern);
}

void SentenceCoder::FindMentions() {
  const int n = static_cast<int>(toks_.size());
  mention_of_.assign(n, -1);
  mentions_.clear();
  for (int i = 0; i < n;) {
    auto actor = lex_.actors.LongestMatch(words_, i);
    auto agent = lex_.agents.LongestMatch(words_, i);
    // Dictionaries written in capitals cannot tell "US" from "us": a word
    // the tagger read as a pronoun ("many of us") names no one.
    if (actor.length == 1 && agent.length == 0 && IsPronoun(toks_[i])) actor.length = 0;
    int64_t second = -1;
    if (actor.length == 0 && agent.length == 0) actor = ActorsInJoinedWord(i, second);
    if (actor.length == 0 && agent.length == 0) {
      ++i;
      continue;
    }
    Mention m;
    m.second_entry = second;
    m.begin = i;
    m.is_actor = actor.length >= agent.length;
    m.end = i + static_cast<int>(m.is_actor ? actor.length : agent.length);
    m.entry = m.is_actor ? actor.entry : agent.entry;
    for (int t = m.begin; t < m.end; ++t) mention_of_[t] = static_cast<int>(mentions_.size());
    mentions_.push_back(m);
    i = m.end;
  }
}

lexicon::PhraseMatch SentenceCoder::OneWordActor(std::string_view word) const {
  const WordId id[1] = {lex_.vocab.FindUpperOf(word)};
  if (id[0] == kNoWord) return {};
  const lexicon::PhraseMatch m = lex_.actors.LongestMatch(id, 0);
  return m.length == 1 ? m : lexicon::PhraseMatch{};
}

lexicon::PhraseMatch SentenceCoder::ActorsInJoinedWord(int t, int64_t& second) const {
  // "Iran-backed militias", "the Saudi-led coalition", "Russian-held
  // territory", "a British-flagged tanker": the first part names the actor
  // behind the phrase. (Not "US-brokered" or "Iranian-made": who mediated or
  // built something is not its side.) "an Egyptian-Qatari proposal",
  // "Russian-Ukrainian talks": two actors, both.
  static constexpr std::array<std::string_view, 15> kBacked = {
      "led",     "backed",     "based", "sponsored", "funded", "supported", "allied",    "aligned",
      "controlled", "held", "run",   "owned",     "occupied", "flagged",  "registered"};
  const std::string_view form = toks_[static_cast<size_t>(t)].form;
  const size_t dash = form.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= form.size()) return {};
  const std::string_view first = form.substr(0, dash), last = form.substr(dash + 1);
  std::string suffix(last);
  for (char& c : suffix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (std::find(kBacked.begin(), kBacked.end(), suffix) != kBacked.end())
    if (const lexicon::PhraseMatch backer = OneWordActor(first); backer.length > 0) return backer;
  if (first.find('-') != std::string_view::npos) return {};
  const lexicon::PhraseMatch a = OneWordActor(first);
  if (a.length == 0) return {};
  const lexicon::PhraseMatch b = OneWordActor(last);
  if (b.length == 0) return {};
  second = b.entry;
  return a;
}

std::string SentenceCoder::Words(int first, int last) const {
  std::string s;
  if (first < 0) return s;
  for (int i = first; i <= last; ++i) {
    if (!s.empty()) s += ' ';
    s += toks_[i].form;
  }
  return s;
}

// --- actors -----------------------------------------------------------------

std::vector<ActorCode> SentenceCoder::MentionActors(int m) const {
  std::vector<ActorCode> out;
  const Mention& mention = mentions_[m];
  for (const int64_t entry : {static_cast<int64_t>(mention.entry), mention.second_entry}) {
    if (entry < 0) continue;
    std::string_view code = lex_.actors.CodeOn(static_cast<uint32_t>(entry), doc_.date);
    // "FRO/BIL/SAM": one phrase standing for several actors.
    while (!code.empty()) {
      size_t slash = code.find('/');
      std::string_view one = code.substr(0, slash);
      if (!one.empty()) out.push_back(ActorCode{std::string(one), mention.begin, mention.end - 1});
      if (slash == std::string_view::npos) break;
      code.remove_prefix(slash + 1);
    }
  }
  return out;
}

std::vector<ActorCode> SentenceCoder::BaseActors(int head, int depth) const {
  if (depth > kMaxPhraseDepth) return {};
  int m = mention_of_[head];
  // As PETRARCH reads a noun phrase, its first actor wins: a possessor or
  // premodifier ("Ithilen's minister Calimehtar") before the head itself.
  for (int c : tree_.children(head)) {
    if (c > head) break;
    Rel r = tree_.rel(c);
    if (r != Rel::kCompound && r != Rel::kFlat && r != Rel::kAmod && r != Rel::kPoss &&
        r != Rel::kDet)
      continue;
    if (m >= 0 && mention_of_[c] == m) {
      // Part of the head's own phrase, whose own premodifiers still count:
      // "the Afghan charge d'affaires" ("Afghan" on "charge").
      for (int g : tree_.children(c)) {
        if (g > c || mention_of_[g] == m) continue;
        const Rel gr = tree_.rel(g);
        if (gr != Rel::kCompound && gr != Rel::kFlat && gr != Rel::kAmod && gr != Rel::kPoss) continue;
        auto found = ActorsWithConj(g, depth + 1);
        if (!found.empty()) return found;
      }
      continue;
    }
    auto found = ActorsWithConj(c, depth + 1);
    if (found.empty()) continue;
    // Unless the head names an actor of that very country more closely:
    // "Sudan's paramilitary Rapid Support Forces" are the RSF. (A title
    // between them is the text's word on a person's office, which a dated
    // entry may not know yet: "Iranian Foreign Minister X" stays IRNGOV.)
    auto titled = [&] {
      for (int t = found.front().last + 1; t < mentions_[m].begin; ++t)
        if (mention_of_[t] >= 0 && !mentions_[mention_of_[t]].is_actor) return true;
      return false;
    };
    if (m >= 0 && mentions_[m].is_actor && found.size() == 1 && found.front().code.size() == 3 &&
        found.front().last >= 0 && !titled()) {
      auto own = MentionActors(m);
      if (!own.empty() && std::all_of(own.begin(), own.end(), [&](const ActorCode& a) {
            return a.code.size() > 3 && a.code.starts_with(found.front().code);
          })) {
        for (ActorCode& a : own) a.first = std::min(a.first, found.front().first);
        return own;
      }
    }
    return found;
  }
  if (m >= 0 && mentions_[m].is_actor) return MentionActors(m);
  for (int pass = 0; pass < 2; ++pass) {
    for (int c : tree_.children(head)) {
      Rel r = tree_.rel(c);
      bool premod = r == Rel::kCompound || r == Rel::kFlat || r == Rel::kAmod || r == Rel::kPoss;
      bool postmod = r == Rel::kNmod || r == Rel::kObl;
      if ((pass == 0 && !(premod && c > head)) || (pass == 1 && !postmod)) continue;
      // Where something goes is not whose it is: "sent 20 warplanes toward
      // Taiwan" are no Taiwanese warplanes.
      if (pass == 1) {
        static constexpr std::array<std::string_view, 4> kWhither = {"toward", "towards", "into", "onto"};
        const std::string prep = CaseWord(c);
        if (std::find(kWhither.begin(), kWhither.end(), prep) != kWhither.end()) continue;
        if (BesideABorder(c, head)) continue;
      }
      // A modifying phrase brings its own agents: "ties with Gondor police".
      auto found = pass == 0 ? ActorsWithConj(c, depth + 1) : EntityCodes(c, nullptr, depth + 1);
      // A capital that only says where ("protesters in Jerusalem", "the
      // attack in Kabul") is the city: its country, not its government.
      if (const lexicon::ActorEntry* e = ActorEntryAt(c);
          postmod && e != nullptr && e->capital && InLocativePhrase(c, head))
        for (ActorCode& a : found)
          if (a.first == mentions_[mention_of_[c]].begin && a.code.size() > 3) a.code.resize(3);
      if (!found.empty()) return found;
    }
  }
  return {};
}

std::vector<ActorCode> SentenceCoder::ActorsWithConj(int head, int depth) const {
  auto result = BaseActors(head, depth);
  for (int c : tree_.children(head)) {
    if (tree_.rel(c) != Rel::kConj) continue;
    auto more = ActorsWithConj(c, depth + 1);
    result.insert(result.end(), more.begin(), more.end());
  }
  return result;
}

void SentenceCoder::Agents(int head, bool nominal_only,
                           std::vector<const lexicon::AgentEntry*>& out) const {
  // Agent phrases on the head and its premodifiers, in sentence order.
  // With nominal_only, adjectives are left out (see EntityCodes).
  auto nominal = [&](int t) {
    std::string_view x = toks_[t].xpos;
    return x.starts_with("NN") ||
           (x.empty() && (toks_[t].upos == "NOUN" || toks_[t].upos == "PROPN"));
  };
  int lo = head, hi = head;
  for (int c : tree_.children(head)) {
    Rel r = tree_.rel(c);
    if (r == Rel::kCompound || r == Rel::kFlat || r == Rel::kAmod || r == Rel::kPoss ||
        r == Rel::kDet) {
      lo = std::min(lo, tree_.left(c));
      hi = std::max(hi, tree_.right(c));
    }
  }
  int last_mention = -1;
  for (int t = lo; t <= hi; ++t) {
    int m = mention_of_[t];
    if (m < 0 || m == last_mention || mentions_[m].is_actor) continue;
    last_mention = m;
    if (nominal_only && !nominal(mentions_[m].end - 1)) continue;
    out.push_back(&lex_.agents.entry(mentions_[m].entry));
  }
}

std::vector<ActorCode> SentenceCoder::EntityCodes(int head,
                                                  const std::vector<ActorCode>* inherited,
                                                  int depth) const {
  if (depth > kMaxPhraseDepth) return {};
  std::vector<ActorCode> base = BaseActors(head, depth);
  if (base.empty()) {
    int appos = tree_.ChildWith(head, Rel::kAppos);
    if (appos >= 0) base = BaseActors(appos, 1);
  }
  // A common noun that is neither a role nor an actor, whose actor comes from
  // a phrase after it, takes only nominal roles: "military aid to Ukraine" is
  // not a Ukrainian military actor, but "government issue" is governmental.
  // With no actor at all, so does what is done, not who does it: "held
  // joint military exercises" has no military target, while "the official
  // news agency said" is the government's (PETRARCH's convention).
  std::string_view hx = toks_[head].xpos;
  bool proper_head = hx.starts_with("NNP") || (hx.empty() && toks_[head].upos == "PROPN");
  const Rel head_rel = tree_.rel(head);
  const bool subject = head_rel == Rel::kSubj || head_rel == Rel::kSubjPass;
  bool nominal_only = mention_of_[head] < 0 && !proper_head &&
                      (base.empty() ? !subject : base.front().first > head);
  std::vector<const lexicon::AgentEntry*> agents;
  Agents(head, nominal_only, agents);
  if (base.empty() && !agents.empty() && inherited != nullptr) base = *inherited;
  // "The delegation, led by Mossad chief David Barnea": a role with no
  // country of its own is of its leader's.
  if (base.empty() && !agents.empty()) {
    static constexpr std::array<std::string_view, 2> kLeading = {"lead", "head"};
    for (int c : tree_.children(head)) {
      if (c < head || tree_.rel(c) != Rel::kAcl || !LemmaIn(c, kLeading)) continue;
      for (int g : tree_.children(c)) {
        if (!(tree_.rel(g) == Rel::kAgent || HasCase(tree_, toks_, g, "by"))) continue;
        for (const ActorCode& leader : EntityCodes(g, nullptr, depth + 1))
          if (leader.code.size() >= 3 && leader.code.rfind(opt_.unknown_country, 0) != 0) {
            base.push_back(ActorCode{leader.code.substr(0, 3), head, head});
            break;
          }
      }
      if (!base.empty()) break;
    }
  }

  std::vector<ActorCode> result;
  if (!agents.empty()) {
    if (base.empty()) base.push_back(ActorCode{opt_.unknown_country, head, head});
    for (ActorCode a : base) {
      // An agent already implied by the actor ("White House" USAGOV + officials
      // GOV) or repeated is not added twice, nor is any 3-letter part of it
      // ("the Defence Ministry in Moscow": RUSGOV + GOVMIL is RUSGOVMIL).
      std::string prefix, suffix;
      auto has_part = [](std::string_view code, size_t from, std::string_view part) {
        for (size_t i = from; i + 3 <= code.size(); i += 3)
          if (code.substr(i, 3) == part) return true;
        return false;
      };
      for (const auto* ag : agents) {
        const std::string& c = ag->code;
        if (c.empty()) continue;
        if (ag->prefix) {
          if (prefix.find(c) == std::string::npos && a.code.rfind(c, 0) != 0) prefix += c;
        } else if (c.size() % 3 == 0 && a.code.size() % 3 == 0) {
          for (size_t i = 0; i < c.size(); i += 3) {
            const std::string_view part = std::string_view(c).substr(i, 3);
            if (!has_part(a.code, 3, part) && !has_part(suffix, 0, part)) suffix += part;
          }
        } else if (suffix.find(c) == std::string::npos &&
                   (a.code.size() <= 3 || a.code.find(c, 3) == std::string::npos)) {
          suffix += c;
        }
      }
      a.code = prefix + a.code + suffix;
      a.first = std::min(a.first, head);
      a.last = std::max(a.last, head);
      // The rest of a name the head begins ("envoy Tom Perriello").
      for (int c : tree_.children(head))
        if (c > head && tree_.rel(c) == Rel::kFlat) a.last = std::max(a.last, tree_.right(c));
      result.push_back(std::move(a));
    }
  } else {
    result = base;
  }
  for (int c : tree_.children(head)) {
    if (tree_.rel(c) != Rel::kConj) continue;
    if (IsClauseConjoinedToANoun(c)) continue;
    auto more = EntityCodes(c, &base, depth + 1);
    result.insert(result.end(), more.begin(), more.end());
  }
  return result;
}

int SentenceCoder::NounPhraseHead(int t) const {
  for (int guard = 0; guard < 8; ++guard) {
    Rel r = tree_.rel(t);
    int h = tree_.head(t);
    if (h < 0) break;
    if (r == Rel::kCompound || r == Rel::kFlat || r == Rel::kAmod || r == Rel::kPoss ||
        r == Rel::kDet) {
      t = h;
      continue;
    }
    // Inside a multi-word mention the phrase head is the token whose head lies outside.
    int m = mention_of_[t];
    if (m >= 0 && h >= mentions_[m].begin && h < mentions_[m].end) {
      t = h;
      continue;
    }
    break;
  }
  return t;
}

bool SentenceCoder::IsConjunct(int v) const {
  // A clause with a coordinating conjunction of its own is a conjunct
  // whatever the parser labelled it ("launched rockets, as well as sending
  // drones" with "sending" an adverbial clause).
  return tree_.rel(v) == Rel::kConj || (tree_.rel(v) == Rel::kAdvcl && tree_.ChildWith(v, Rel::kCc) >= 0);
}

bool SentenceCoder::NamesItsObject(int v) const {
  // "Hamas called the proposal positive", "Moscow called Kyiv's incursion a
  // major provocation": calling something something is naming it, not a
  // telephone call. The second complement is a predicate (xcomp) or, where
  // the parser hung it elsewhere, a noun phrase with a determiner and no
  // preposition after the object.
  if (toks_[static_cast<size_t>(v)].lemma != "call") return false;
  const int object = tree_.ChildWith(v, Rel::kObj);
  for (int c : tree_.children(v))
    if (tree_.rel(c) == Rel::kXcomp && !tree_.IsVerbal(c)) return true;
  if (object < 0) return false;
  for (int t = tree_.right(object) + 1; t <= tree_.right(v); ++t) {
    const std::string_view x = toks_[static_cast<size_t>(t)].xpos;
    const int noun = tree_.head(t);
    if ((x != "DT" && x != "PRP$") || noun <= t || tree_.ChildWith(noun, Rel::kCase) >= 0) continue;
    // Not the object of another verb ("called Erdogan to discuss the deal").
    bool in_clause = false;
    for (int h = tree_.head(noun); h >= 0 && h != v && !in_clause; h = tree_.head(h)) in_clause = tree_.IsVerbal(h);
    if (!in_clause) return true;
  }
  return false;
}

bool SentenceCoder::TakesItsHeadsSubject(int v) const {
  // A bare present-participle adverbial clause ("..., killing at least 15
  // Palestinians") has the subject of the clause it modifies; "...,
  // saying ..." only restates that clause and is no event of its own. (An
  // infinitive of purpose, "met to discuss the war in Sudan", a past
  // participle or a time clause, "after leaving Eriador", read that way made
  // more false events than true ones.)
  static constexpr std::array<std::string_view, 4> kRestating = {"say", "add", "tell", "note"};
  const Token& k = toks_[static_cast<size_t>(v)];
  return tree_.rel(v) == Rel::kAdvcl && k.xpos == "VBG" && tree_.ChildWith(v, Rel::kMark) < 0 &&
         !LemmaIn(v, kRestating);
}

int SentenceCoder::FindSubject(int v) const {
  for (int guard = 0; guard < 6 && v >= 0; ++guard) {
    int s = tree_.ChildWith(v, Rel::kSubj);
    if (s < 0) s = tree_.ChildWith(v, Rel::kCsubj);
    if (s < 0 && guard > 0) s = tree_.ChildWith(v, Rel::kSubjPass);  // "X was seen to break"
    if (s >= 0) return s;
    Rel r = tree_.rel(v);
    int h = tree_.head(v);
    if (h < 0) return -1;
    if (r == Rel::kXcomp) {
      // Object control ("urged Bree to help") before subject control.
      int obj = tree_.ChildWith(h, Rel::kObj);
      if (obj >= 0 && obj < v) return obj;
      v = h;
    } else if (IsConjunct(v) || TakesItsHeadsSubject(v)) {
      v = h;
    } else if (r == Rel::kRelcl || r == Rel::kAcl) {
      return h;
    } else {
      return -1;
    }
  }
  return -1;
}

std::vector<ActorCode> SentenceCoder::SubjectlessSource(int v, int first) const {
  // A finite verb the parse left without a subject ("On Thursday, Hezbollah
  // in Lebanon claimed ...", the subject misread as a conjunct of the
  // fronted date): as TABARI does, take the nearest actor before the verb
  // that is not inside a prepositional phrase, within the clause.
  std::string_view x = toks_[v].xpos;
  bool finite = x == "VBD" || x == "VBZ" || x == "VBP" ||
                toks_[v].feats.find("VerbForm=Fin") != std::string::npos;
  Rel r = tree_.rel(v);
  if (!finite || r == Rel::kRelcl || r == Rel::kAcl || r == Rel::kXcomp) return {};
  for (int t = first - 1; t >= 0; --t) {
    if (t != v && tree_.IsVerbal(t) && tree_.rel(t) != Rel::kAux &&
        tree_.rel(t) != Rel::kAuxPass && tree_.rel(t) != Rel::kCop)
      break;  // another clause
    int m = mention_of_[t];
    if (m < 0) continue;
    int np = NounPhraseHead(mentions_[m].begin);
    t = mentions_[m].begin;
    if (tree_.ChildWith(np, Rel::kCase) >= 0) continue;
    auto codes = CodesForMention(m);
    if (!codes.empty()) return codes;
  }
  return {};
}

bool SentenceCoder::Excluded(int t, int v) const {
  // Tokens under a coordinated verb or a parenthetical clause belong to other events.
  // So do tokens of a coordinated clause with its own subject, wherever the
  // parser hung it ("X and Y are co-hosting the talks, and Z are attending"),
  // and the agent of another verb's passive in an oblique of v: in "swapped
  // prisoners in a deal mediated by the United Arab Emirates" the Emirates
  // mediated; they are not who was swapped with. (The agent of what v acts
  // on directly is its party: "rejected a proposal put forward by Egypt".)
  if (const int participle = AgentOfAnotherVerb(t, v); participle >= 0)
    for (int j = participle; j >= 0 && j != v; j = tree_.head(j))
      if (tree_.rel(j) == Rel::kObl) return true;
  for (int j = t; j >= 0 && j != v; j = tree_.head(j)) {
    Rel r = tree_.rel(j);
    if (r == Rel::kParataxis) return true;
    // A participle clause after a comma tells what followed, with parties
    // of its own: "banned women from universities, drawing condemnation
    // from the United Nations"; "signed a memorandum with Somaliland,
    // angering Somalia".
    if (r == Rel::kAdvcl && j > v && toks_[static_cast<size_t>(j)].xpos == "VBG" && j > 0 &&
        toks_[static_cast<size_t>(j) - 1].form == ",")
      return true;
    if (r == Rel::kConj && tree_.head(j) == v) return true;  // a noun conjoined to the verb is a misparse
    if (r == Rel::kConj && tree_.IsVerbal(j) && j != t &&
        (tree_.ChildWith(j, Rel::kSubj) >= 0 || tree_.ChildWith(j, Rel::kSubjPass) >= 0))
      return true;
    // So is a clause the parser conjoined to a noun ("waiting" on
    // "proposal").
    if (j != t && IsClauseConjoinedToANoun(j)) return true;
  }
  return false;
}

std::vector<ActorCode> SentenceCoder::CodesForMention(int mention) const {
  int np = NounPhraseHead(mentions_[mention].begin);
  // A later conjunct stands for the whole coordination ("Gondor and Osgiliath")
  // when the first conjunct is itself a dictionary phrase; a name misread as
  // a conjunct of some other noun ("On Thursday, Hezbollah ...") stands alone.
  while (tree_.rel(np) == Rel::kConj && tree_.head(np) >= 0 &&
         !tree_.IsVerbal(tree_.head(np)) && mention_of_[tree_.head(np)] >= 0)
    np = tree_.head(np);
  return EntityCodes(np, nullptr);
}

bool SentenceCoder::UnknownCountry(const std::vector<ActorCode>& codes) const {
  for (const ActorCode& a : codes)
    if (!UnknownCountry(a)) return false;
  return !codes.empty();
}

bool SentenceCoder::IsToMarker(int t) const {
  return tree_.rel(t) == Rel::kMark && lexicon::SameUpperKey(toks_[static_cast<size_t>(t)].form, "to");
}

bool SentenceCoder::HasInfinitiveTo(int v) const {
  for (int c : tree_.children(v))
    if (IsToMarker(c)) return true;
  return false;
}

bool SentenceCoder::IsClauseConjoinedToANoun(int c) const {
  const int h = tree_.head(c);
  return tree_.rel(c) == Rel::kConj && tree_.IsVerbal(c) && h >= 0 && !tree_.IsVerbal(h) &&
         tree_.ChildWith(c, Rel::kAux) >= 0;
}

bool SentenceCoder::InExchangeFor(int t, int v) const {
  // The parser hangs it under "exchange" ("in exchange for prisoners"), or
  // on the verb right after "in exchange".
  static constexpr std::array<std::string_view, 1> kExchange = {"exchange"};
  return OnPathUp(t, v, [&](int j) {
           const Rel r = tree_.rel(j);
           if (r != Rel::kObl && r != Rel::kNmod) return false;
           if (LemmaIn(j, kExchange)) return CaseWord(j) == "in";
           const int c = tree_.ChildWith(j, Rel::kCase);
           return c >= 2 && lexicon::SameUpperKey(toks_[static_cast<size_t>(c)].form, "for") &&
                  LemmaIn(c - 1, kExchange) && lexicon::SameUpperKey(toks_[static_cast<size_t>(c) - 2].form, "in");
         }) >= 0;
}

bool SentenceCoder::InPhraseOf(int t, int v, std::span<const std::string_view> prepositions) const {
  return OnPathUp(t, v, [&](int j) {
           const Rel r = tree_.rel(j);
           if (r != Rel::kObl && r != Rel::kNmod) return false;
           const std::string prep = CaseWord(j);
           return std::find(prepositions.begin(), prepositions.end(), prep) != prepositions.end();
         }) >= 0;
}

bool SentenceCoder::NotAParty(int t, int v) const {
  // "brokered the deal alongside the United States", "like Egypt", "amid
  // pressure from Washington": company or context, not the one acted on;
  // "according to the United Nations": who reports it (UD: "according" is
  // the case word, "to" fixed on it); "exchanged messages through Omani
  // mediators": the go-between; "signed a pact during Putin's visit": when;
  // "released prisoners under a deal with the Vatican", "under pressure
  // from Washington": the terms it was done on; "freed 14 prisoners after a
  // visit by a US envoy": what came before.
  static constexpr std::array<std::string_view, 17> kNotAParty = {
      "alongside", "along",   "like",      "unlike",  "including", "besides", "except", "despite", "amid",
      "amidst",    "according", "through", "via",     "during",    "under",   "after",  "following"};
  // Nor is what is given in exchange ("release half of the hostages in
  // exchange for Palestinian prisoners").
  return InExchangeFor(t, v) || InPhraseOf(t, v, kNotAParty) || BesideABorder(t, v) || InAnAllegation(t, v);
}

bool SentenceCoder::InAnAllegation(int t, int v) const {
  // What is alleged hangs on the verb as its complement or oblique; its
  // subject and object are the accuser and the accused.
  return OnPathUp(t, v, [&](int below) {
           const int j = tree_.head(below);
           if (j < 0 || j == v || !tree_.IsVerbal(j) || !LemmaIn(j, kAlleging)) return false;
           const Rel r = tree_.rel(below);
           return r != Rel::kSubj && r != Rel::kSubjPass && r != Rel::kObj && r != Rel::kIobj;
         }) >= 0;
}

std::vector<ActorCode> SentenceCoder::AddresseeOfPurpose(int v) const {
  // A clause of v with no subject of its own, an infinitive with "to" or a
  // bare present participle, whose verb turns against someone or presses
  // them: its object ("to denounce the government's decision", "urging the
  // government to accept a deal"). (What a protest demands, "to demand a
  // deal to free the hostages", is not whom it is against.)
  static constexpr std::array<std::string_view, 13> kAddressing = {
      "denounce", "condemn", "protest", "oppose", "criticize", "criticise", "decry",
      "reject",   "slam",    "blame",   "accuse", "urge",      "press"};
  for (int clause : tree_.children(v)) {
    if (clause < v || tree_.rel(clause) != Rel::kAdvcl || tree_.ChildWith(clause, Rel::kSubj) >= 0 ||
        !LemmaIn(clause, kAddressing))
      continue;
    const bool purpose = HasInfinitiveTo(clause) ||
                         (tree_.ChildWith(clause, Rel::kMark) < 0 && toks_[static_cast<size_t>(clause)].xpos == "VBG");
    const int object = tree_.ChildWith(clause, Rel::kObj);
    if (!purpose || object < 0) continue;
    auto found = EntityCodes(object, nullptr);
    if (!found.empty()) return found;
  }
  return {};
}

bool SentenceCoder::InAnotherClause(int t, int v) const {
  return OnPathUp(tree_.head(t), v, [&](int j) { return tree_.IsVerbal(j); }) >= 0;
}

bool SentenceCoder::BesideABorder(int t, int v) const {
  static constexpr std::array<std::string_view, 3> kBorders = {"border", "frontier", "boundary"};
  static constexpr std::array<std::string_view, 5> kBeside = {"near", "on", "at", "along", "across"};
  return OnPathUp(t, v, [&](int j) {
           const Rel r = tree_.rel(j);
           if ((r != Rel::kObl && r != Rel::kNmod) || !LemmaIn(j, kBorders)) return false;
           const std::string prep = CaseWord(j);
           return std::find(kBeside.begin(), kBeside.end(), prep) != kBeside.end();
         }) >= 0;
}

int SentenceCoder::AgentOfAnotherVerb(int t, int v) const {
  const int agent = OnPathUp(t, v, [&](int j) {
    const int h = tree_.head(j);
    if (h < 0 || h == v) return false;
    const Rel r = tree_.rel(j);
    return r == Rel::kAgent || (r == Rel::kObl && tree_.IsVerbal(h) && toks_[static_cast<size_t>(h)].xpos == "VBN" &&
                                HasCase(tree_, toks_, j, "by"));
  });
  return agent >= 0 ? tree_.head(agent) : -1;
}

bool SentenceCoder::OnlySaysWhere(const std::vector<ActorCode>& found, int v) const {
  if (found.empty()) return false;
  const lexicon::ActorEntry* e = ActorEntryAt(found.front().first);
  return e != nullptr && (e->place || e->capital) && InLocativePhrase(found.front().first, v);
}

bool SentenceCoder::LemmaIn(int t, std::span<const std::string_view> lemmas) const {
  const std::string& lemma = toks_[static_cast<size_t>(t)].lemma;
  return std::find(lemmas.begin(), lemmas.end(), lemma) != lemmas.end();
}

bool SentenceCoder::InLocativePhrase(int t, int v) const {
  static constexpr std::array<std::string_view, 5> kLocative = {"in", "at", "near", "inside", "outside"};
  return InPhraseOf(t, v, kLocative);
}

std::vector<ActorCode> SentenceCoder::FirstActorAfter(int v, int from, int to, int skip_subtree,
                                                      bool known_only) const {
  for (int t = from; t <= to; ++t) {
    int m = mention_of_[t];
    if (m < 0) continue;
    if (skip_subtree >= 0 && tree_.Dominates(skip_subtree, t)) continue;
    if (!tree_.Dominates(v, t) || Excluded(t, v)) continue;
    if (NotAParty(t, v)) {
      t = mentions_[m].end - 1;
      continue;
    }
    auto codes = CodesForMention(m);
    if (!codes.empty() && !(known_only && UnknownCountry(codes))) return codes;
    t = mentions_[m].end - 1;
  }
  return {};
}

// --- verbs and patterns ----------------------------------------------------

bool SentenceCoder::MatchEntry(uint32_t entry_index, int v, int* first, int* last) const {
  const auto& e = lex_.verbs.entry(entry_index);
  const int n = static_cast<int>(toks_.size());
  int b = v - static_cast<int>(e.before.size());
  int a = v + static_cast<int>(e.after.size());
  if (b < 0 || a >= n) return false;
  for (size_t i = 0; i < e.before.size(); ++i)
    if (words_[b + i] != e.before[i]) return false;
  auto after_at = [&](int start) {
    if (start + static_cast<int>(e.after.size()) > n) return false;
    for (size_t i = 0; i < e.after.size(); ++i)
      if (words_[start + static_cast<int>(i)] != e.after[i]) return false;
    return true;
  };
  if (after_at(v + 1)) {
    *first = b;
    *last = a;
    return true;
  }
  if (e.after.empty()) return false;
  // A verb and its object noun ("file lawsuit", "lodge protest", "hold joint
  // exercises") take the object's determiners, adjectives and noun
  // modifiers before or among the listed words ("filed a lawsuit", "lodged
  // a formal protest", "filed a genocide case", "held joint military
  // exercises"), when the noun is the verb's own object.
  int pos = v + 1;
  int skipped = 0;
  for (WordId word : e.after) {
    while (pos < n && words_[pos] != word && skipped < 3 &&
           (IsObjectPremodifier(toks_[pos]) || tree_.rel(pos) == Rel::kCompound)) {
      ++pos;
      ++skipped;
    }
    if (pos >= n || words_[pos] != word) return false;
    ++pos;
  }
  const int noun = pos - 1;
  if (skipped == 0 || tree_.head(noun) != v || tree_.rel(noun) != Rel::kObj) return false;
  *first = b;
  *last = noun;
  return true;
}

int SentenceCoder::MatchElementAt(const PatternElement& e, int pos, bool leftward,
                                  int* mention) const {
  const int n = static_cast<int>(toks_.size());
  if (pos < 0 || pos >= n) return 0;
  if (syntactic_ && !allowed_[pos]) return 0;
  switch (e.kind) {
    case PatternToken::kWord:
      if (e.word == kNoWord) return 0;
      return words_[pos] == e.word || (syntactic_ && lemmas_[pos] == e.word) ? 1 : 0;
    case PatternToken::kSynset: {
      const auto& index = synsets_.entries[e.synset];
      auto usable = [&](int t) { return !syntactic_ || allowed_[t]; };
      int best = 0;
      for (const SynsetIndex::Multi& m : index.multi) {
        // The phrase's word at `pos`: its last word leftward, its first rightward.
        const WordId end_word = leftward ? m.last : m.first;
        if (words_[pos] != end_word && !(syntactic_ && lemmas_[pos] == end_word)) continue;
        const auto* phrase = m.words;
        int len = static_cast<int>(phrase->size());
        int start = leftward ? pos - len + 1 : pos;
        if (start < 0 || start + len > n || len <= best) continue;
        bool ok = true;
        for (int i = 0; i < len && ok; ++i) {
          int t = start + i;
          ok = (words_[t] == (*phrase)[i] || (syntactic_ && lemmas_[t] == (*phrase)[i])) &&
               usable(t);
        }
        if (ok) best = len;
      }
      if (best == 0 && (synsets_.HasSingle(e.synset, words_[pos]) ||
                        (syntactic_ && synsets_.HasSingle(e.synset, lemmas_[pos]))))
        best = 1;
      return best;
    }
    case PatternToken::kSource:
    case PatternToken::kTarget:
    case PatternToken::kCompound: {
      int m = mention_of_[pos];
      if (m < 0) return 0;
      const Mention& mm = mentions_[m];
      if (leftward ? mm.end - 1 != pos : mm.begin != pos) return 0;
      *mention = m;
      return mm.end - mm.begin;
    }
    default:
      return 0;
  }
}

bool IsNegationWord(std::string_view upper) {
  return upper == "NOT" || upper == "N'T" || upper == "NEVER" || upper == "NO" || upper == "NEITHER" ||
         upper == "CANNOT" || upper == "WON'T" || upper == "DON'T" || upper == "DIDN'T";
}

bool SentenceCoder::IsNegated(int v) const {
  // "did not attack", "will never recognise": a negating word on the verb.
  if (toks_[v].feats.find("Polarity=Neg") != std::string::npos) return true;
  for (int c : tree_.children(v)) {
    Rel r = tree_.rel(c);
    if (r == Rel::kNeg) return true;
    if ((r == Rel::kAdvmod || r == Rel::kAux) &&
        IsNegationWord(lexicon::ToUpperKey(toks_[c].form)))
      return true;
    // "Neither Russia nor Ukraine has agreed": the subject says no.
    if (r == Rel::kSubj)
      for (int g : tree_.children(c)) {
        const std::string_view f = toks_[static_cast<size_t>(g)].form;
        if (g < c && (f == "Neither" || f == "neither")) return true;
      }
  }
  return false;
}

bool SentenceCoder::MentionsNegation(const VerbPattern& p) const {
  auto negative = [&](WordId w) { return IsNegationWord(lex_.vocab.Spelling(w)); };
  for (const PatternElement& e : p.elements) {
    if (e.kind == PatternToken::kWord && negative(e.word)) return true;
    if (e.kind != PatternToken::kSynset) continue;
    for (const auto& phrase : lex_.verbs.synset(e.synset).phrases)
      for (WordId w : phrase)
        if (negative(w)) return true;
  }
  return false;
}

bool SentenceCoder::Present(WordId w) const {
  const size_t mask = present_slots_.size() - 1;
  for (size_t s = PresentSlot(w);; s = (s + 1) & mask) {
    if (present_slots_[s] == w) return true;
    if (present_slots_[s] == kEmptySlot) return false;
  }
}

bool SentenceCoder::SynsetMayMatch(uint32_t synset) const {
  uint8_t& state = synset_state_[synset];
  if (state == 0) {
    // A match needs a one-word member, or a phrase's first word, among the
    // sentence's words and lemmas (see MatchElementAt).
    bool may = false;
    const std::vector<WordId>& singles = synsets_.entries[synset].single_words;
    if (singles.size() < present_.size()) {
      for (WordId w : singles) may = may || (w != kNoWord && Present(w));
    } else {
      for (WordId w : present_) may = may || synsets_.HasSingle(synset, w);
    }
    for (const SynsetIndex::Multi& m : synsets_.entries[synset].multi) may = may || Present(m.first);
    state = may ? 1 : 2;
  }
  return state == 1;
}

bool SentenceCoder::MayMatch(uint32_t pattern) const {
  for (WordId w : pattern_needs_.words_of(pattern))
    if (!Present(w)) return false;
  for (uint32_t synset : pattern_needs_.synsets_of(pattern))
    if (!SynsetMayMatch(synset)) return false;
  return true;
}

int SentenceCoder::SkipNounPhrase(int pos, bool leftward) const {
  // TABARI's '^': pass over one base noun phrase (determiners, modifiers,
  // nouns, possessives, dictionary phrases), stopping at prepositions and verbs.
  const int n = static_cast<int>(toks_.size());
  int step = leftward ? -1 : 1;
  while (pos >= 0 && pos < n) {
    const Token& t = toks_[pos];
    std::string_view x = t.xpos;
    bool nominal = mention_of_[pos] >= 0 || x.starts_with("NN") || x.starts_with("JJ") ||
                   x == "DT" || x == "PRP$" || x == "CD" || x == "POS" || x == "PDT" ||
                   (x.empty() && (t.upos == "NOUN" || t.upos == "PROPN" || t.upos == "ADJ" ||
                                  t.upos == "DET" || t.upos == "NUM"));
    if (!nominal) break;
    pos += step;
  }
  return pos;
}

PatternMatch SentenceCoder::MatchPattern(const VerbPattern& p, int first, int last,
                                         int limit) const {
  PatternMatch result;
  const auto& el = p.elements;
  int star = -1;
  for (size_t i = 0; i < el.size(); ++i)
    if (el[i].kind == PatternToken::kVerb) star = static_cast<int>(i);
  if (star < 0) return result;
  int score = 0;
  auto bind = [&](const PatternElement& e, int mention, bool after_verb) {
    if (mention < 0) return;
    if (e.kind == PatternToken::kSource) result.source_mention = mention;
    if (e.kind == PatternToken::kTarget) result.target_mention = mention;
    if (e.kind == PatternToken::kCompound) {
      // Before the verb, a compound is both source and target ("% * [030]");
      // after it, the compound is the target ("* WITH %").
      if (after_verb) {
        result.target_mention = mention;
      } else {
        result.source_mention = mention;
        result.compound = true;
      }
    }
  };
  auto matchable = [](const PatternElement& e) {
    return e.kind == PatternToken::kWord || e.kind == PatternToken::kSynset ||
           e.kind == PatternToken::kSource || e.kind == PatternToken::kTarget ||
           e.kind == PatternToken::kCompound;
  };
  // A PETRARCH 2 noun group "{NEW &TIETYPES RELATIONS}" matches a noun (its
  // last word) whose premodifiers include the other words, as a unit.
  auto group_end = [&](size_t open) {
    size_t j = open + 1;
    while (j < el.size() && el[j].kind != PatternToken::kNounGroupClose) ++j;
    return j;
  };
  auto match_group = [&](size_t open, size_t close, int head_pos) -> int {
    // Returns the leftmost token used, or -1 when the group does not match here.
    int unused = -1;
    if (close <= open + 1) return -1;
    if (MatchElementAt(el[close - 1], head_pos, false, &unused) == 0) return -1;
    int leftmost = head_pos, next_free = tree_.left(head_pos);
    for (size_t j = open + 1; j + 1 < close; ++j) {
      if (!matchable(el[j])) continue;
      int found = 0, at = next_free;
      for (; at < head_pos; ++at) {
        if (!tree_.Dominates(head_pos, at)) continue;
        found = MatchElementAt(el[j], at, false, &unused);
        if (found > 0) break;
      }
      if (found == 0) return -1;
      leftmost = std::min(leftmost, at);
      next_free = at + found;
    }
    return leftmost;
  };
  // Before the verb, right to left.
  int pos = first - 1;
  bool must_touch = star > 0 && el[star - 1].joined_to_next;
  for (int i = star - 1; i >= 0; --i) {
    const auto& e = el[i];
    if (e.kind == PatternToken::kSkip) {
      pos = SkipNounPhrase(pos, /*leftward=*/true);
      must_touch = i > 0 && el[i - 1].joined_to_next;
      continue;
    }
    if (e.kind == PatternToken::kNounGroupClose) {
      int open = i;
      while (open >= 0 && el[open].kind != PatternToken::kNounGroupOpen) --open;
      if (open < 0) return result;
      int found_left = -1;
      for (int at = pos; at >= 0 && found_left < 0; --at) {
        found_left = match_group(static_cast<size_t>(open), static_cast<size_t>(i), at);
        if (must_touch) break;
      }
      if (found_left < 0) return result;
      for (int j = open + 1; j < i; ++j) score += matchable(el[j]) ? 1 : 0;
      pos = found_left - 1;
      i = open;
      must_touch = i > 0 && el[i - 1].joined_to_next;
      continue;
    }
    if (!matchable(e)) continue;
    int found = 0, at = pos, mention = -1;
    for (; at >= 0; --at) {
      found = MatchElementAt(e, at, /*leftward=*/true, &mention);
      if (found > 0 || must_touch) break;
    }
    if (found == 0) return result;
    bind(e, mention, false);
    score += 1;
    pos = at - found;
    must_touch = i > 0 && el[i - 1].joined_to_next;
  }
  // After the verb, left to right.
  pos = last + 1;
  must_touch = el[star].joined_to_next;
  // A phrase that names an actor ("protested (to +)") begins with a
  // preposition: "protested to China", not "protested to demand ...".
  // ("ordered (to leave)" is written for the infinitive.) Nor does a
  // pattern that ends in "to" ("ordered (&troops to)", troops sent to a
  // place) end in an infinitive's marker: "ordered French troops to leave".
  size_t last_word = el.size();
  for (size_t i = star + 1; i < el.size(); ++i)
    if (matchable(el[i])) last_word = i;
  // So does a phrase whose preposition a class of nouns follows ("agreed
  // (to &talks)": to talks or a summit, not "agreed to send ... at a
  // summit").
  bool preposition = false;
  for (size_t i = star + 1; i < el.size(); ++i) {
    const auto& e = el[i];
    if (e.kind == PatternToken::kPrepOpen) {
      for (size_t j = i + 1; j < el.size() && el[j].kind != PatternToken::kPrepClose; ++j)
        preposition = preposition || el[j].kind == PatternToken::kTarget || el[j].kind == PatternToken::kSource ||
                      el[j].kind == PatternToken::kCompound;
      preposition = preposition || (i + 2 < el.size() && el[i + 2].kind == PatternToken::kSynset);
    }
    if (e.kind == PatternToken::kSkip) {
      pos = SkipNounPhrase(pos, /*leftward=*/false);
      must_touch = e.joined_to_next;
      continue;
    }
    if (e.kind == PatternToken::kNounGroupOpen) {
      size_t close = group_end(i);
      if (close >= el.size()) return result;
      int head_at = -1;
      for (int at = pos; at <= limit && head_at < 0; ++at) {
        if (match_group(i, close, at) >= pos) head_at = at;
        if (must_touch && head_at < 0 && at > pos + 3) break;
      }
      if (head_at < 0) return result;
      for (size_t j = i + 1; j < close; ++j) score += matchable(el[j]) ? 1 : 0;
      pos = head_at + 1;
      i = close;
      must_touch = el[close].joined_to_next;
      continue;
    }
    if (!matchable(e)) {
      if (e.joined_to_next) must_touch = true;
      continue;
    }
    int found = 0, at = pos, mention = -1;
    for (; at <= limit; ++at) {
      const bool marker = tree_.rel(at) == Rel::kMark;
      const bool final_to = marker && i == last_word && e.kind == PatternToken::kWord && IsToMarker(at);
      found = marker && (preposition || final_to) ? 0 : MatchElementAt(e, at, /*leftward=*/false, &mention);
      if (found > 0 || must_touch) break;
    }
    preposition = false;
    if (found == 0) return result;
    bind(e, mention, true);
    score += 1;
    pos = at + found;
    must_touch = e.joined_to_next;
  }
  result.score = score;
  return result;
}

std::string SentenceCoder::NewActor(int head) const {
  // The phrase's own words: no clauses, appositions or coordinated phrases,
  // no preposition introducing it, no possessive marker.
  if (opt_.new_actor_length <= 0 || head < 0) return "";
  std::vector<int> keep;
  std::vector<int> stack{head};
  while (!stack.empty()) {
    int t = stack.back();
    stack.pop_back();
    keep.push_back(t);
    for (int c : tree_.children(t)) {
      Rel r = tree_.rel(c);
      if (r == Rel::kRelcl || r == Rel::kAcl || r == Rel::kAppos || r == Rel::kConj ||
          r == Rel::kCc || r == Rel::kPunct || r == Rel::kParataxis || r == Rel::kAdvcl)
        continue;
      if (t == head && r == Rel::kCase) continue;
      if (r == Rel::kCase && toks_[c].xpos == "POS") continue;
      stack.push_back(c);
    }
  }
  if (static_cast<int>(keep.size()) > opt_.new_actor_length) return "";
  std::sort(keep.begin(), keep.end());
  std::string text = "\"";
  for (int t : keep) {
    if (text.size() > 1) text += ' ';
    text += lexicon::ToUpperKey(toks_[t].form);
  }
  return text + "\"";
}

void SentenceCoder::AllowSyntacticRegion(int v, int first, int last) {
  // PETRARCH 2 patterns see the subject before the verb and the verb's own
  // objects and phrases after it, not other clauses.
  int pattern_subject = tree_.ChildWith(v, Rel::kSubjPass);
  if (pattern_subject < 0) pattern_subject = FindSubject(v);
  allowed_.assign(toks_.size(), 0);
  for (int t = 0; t < static_cast<int>(toks_.size()); ++t) {
    if (t < first) {
      allowed_[t] = pattern_subject >= 0 && tree_.Dominates(pattern_subject, t);
    } else if (t > last && tree_.Dominates(v, t)) {
      bool own = true;
      for (int j = t; j != v && own; j = tree_.head(j)) {
        Rel r = tree_.rel(j);
        own = !(r == Rel::kCcomp || r == Rel::kAdvcl || r == Rel::kParataxis ||
                r == Rel::kCsubj || r == Rel::kRelcl || r == Rel::kSubj ||
                (r == Rel::kConj && tree_.IsVerbal(j) && tree_.head(j) == v));
      }
      allowed_[t] = own;
    }
  }
  allowed_for_ = v;
}

bool SentenceCoder::IsAdjectivalPassive(int v) const {
  // "Hundreds of Palestinians were wounded in clashes with Israeli forces":
  // the tagger read "wounded" as an adjective, with "were" its copula.
  const Token& t = toks_[static_cast<size_t>(v)];
  if (t.xpos != "JJ" || !(t.form.ends_with("ed") || t.form.ends_with("en")) || tree_.ChildWith(v, Rel::kSubj) < 0)
    return false;
  const int cop = tree_.ChildWith(v, Rel::kCop);
  return cop >= 0 && toks_[static_cast<size_t>(cop)].lemma == "be";
}

bool SentenceCoder::IsReadyComplement(int v) const {
  const int h = tree_.head(v);
  return tree_.rel(v) == Rel::kXcomp && h >= 0 && !tree_.IsVerbal(h) && LemmaIn(h, kReady) &&
         tree_.ChildWith(h, Rel::kCop) >= 0 && !IsNegated(h);
}

void SentenceCoder::CodeVerb(int v, VerbMode mode) {
  const bool adjectival = mode == VerbMode::kAdjectivalPassive;
  VerbChoice choice;
  if (!ChooseVerbCode(v, choice)) return;
  if (mode == VerbMode::kIntent) {
    choice.code = IntentOf(choice.code);
    choice.best = PatternMatch{};  // the act's pattern says nothing of the intent
  }
  const std::string& code = choice.code;
  const int first = choice.first, last = choice.last;
  const PatternMatch& best = choice.best;
  const uint32_t best_pattern = choice.best_pattern;
  if (code.empty() || code == "---") return;
  // An adjective may be a state ("were divided", "was concerned"); wounds,
  // killings, arrests and attacks are done to someone.
  if (adjectival && !(code.starts_with("17") || code.starts_with("18") || code.starts_with("19") ||
                      code.starts_with("20")))
    return;
  if (code == "041" && NamesItsObject(v)) return;
  // A negated verb reports an event that did not happen, unless the
  // dictionary pattern that matched was written for the negation.
  if (IsNegated(v) && (best.score < 0 || !MentionsNegation(lex_.verbs.pattern(best_pattern))))
    return;

  // Passive voice: the subject is the target; the source is the "by" agent,
  // or, without one, the first actor after the verb ("X was shot dead in Y").
  int patient = tree_.ChildWith(v, adjectival ? Rel::kSubj : Rel::kSubjPass);
  bool passive = patient >= 0 || tree_.ChildWith(v, Rel::kAuxPass) >= 0;
  int by_agent = -1;
  auto is_by_phrase = [&](int c) {
    Rel r = tree_.rel(c);
    return r == Rel::kAgent ||
           (passive && (r == Rel::kObl || r == Rel::kNmod) && HasCase(tree_, toks_, c, "by"));
  };
  for (int c : tree_.children(v)) {
    if (is_by_phrase(c)) by_agent = c;
    // "opposed earlier by Osgiliath": parsers may hang the agent on the adverb.
    if (by_agent < 0 && tree_.rel(c) == Rel::kAdvmod)
      for (int g : tree_.children(c))
        if (by_agent < 0 && is_by_phrase(g)) by_agent = g;
    if (by_agent >= 0) break;
  }
  std::vector<ActorCode> sources, targets;
  if (passive && patient >= 0) {
    PassiveParties(v, patient, by_agent, last, code, sources, targets);
  } else {
    const int subject = ActiveSource(v, first, sources);
    const int first_object = ActiveTargets(v, last, subject, code, sources, targets);
    MutualTargets(v, choice.chosen, code, first_object, sources, targets);
    NewActors(v, last, subject, first_object, sources, targets);
  }
  if (best.source_mention >= 0) {
    auto slot = CodesForMention(best.source_mention);
    if (!slot.empty()) sources = slot;
  }
  if (best.target_mention >= 0) {
    auto slot = CodesForMention(best.target_mention);
    if (!slot.empty()) targets = slot;
  }
  if (best.compound) targets = sources;
  // A place is not abducted but taken ("captured Aleppo": 192, not 181).
  const bool place_taken = code == "181" && !targets.empty() &&
                           std::all_of(targets.begin(), targets.end(), [&](const ActorCode& a) {
                             const lexicon::ActorEntry* e = ActorEntryAt(a.first);
                             return e != nullptr && (e->place || e->capital);
                           });
  const std::string final_code = place_taken ? std::string("192") : code;
  DropPlaceTargets(final_code, targets);
  CapitalsAsPlaces(final_code, targets);
  Emit(sources, targets, final_code, first, last, choice.where);
}

bool SentenceCoder::ChooseVerbCode(int v, VerbChoice& choice) {
  auto entries = lex_.verbs.EntriesForForm(words_[v]);
  if (entries.empty()) return false;
  // The most specific entries win: multi-word verbs before single words,
  // counted in listed words, not in the words the match spans ("held joint
  // military exercises" is "hold joint exercises" before "hold exercises").
  // A form listed in several blocks tries the patterns of each.
  std::vector<uint32_t> chosen;
  int first = v, last = v;
  int best_len = 0;
  for (uint32_t e : entries) {
    int f = v, l = v;
    if (!MatchEntry(e, v, &f, &l)) continue;
    const auto& listed = lex_.verbs.entry(e);
    const int len = 1 + static_cast<int>(listed.before.size() + listed.after.size());
    if (len > best_len) {
      chosen.clear();
      best_len = len;
      first = f;
      last = l;
    }
    if (len == best_len) chosen.push_back(e);
  }
  if (chosen.empty()) return false;

  std::string code;
  std::string pattern_where;  // where the deciding dictionary line is, for audits
  for (uint32_t e : chosen) {
    const auto& entry = lex_.verbs.entry(e);
    const auto& block = lex_.verbs.block(entry.block);
    const std::string& c = entry.code.empty() ? block.code : entry.code;
    if (code.empty() || code == "---") {
      code = c;
      pattern_where = block.file + ":" + std::to_string(entry.line);
    }
  }
  PatternMatch best;
  uint32_t best_pattern = 0;
  int limit = tree_.right(v);
  std::vector<uint32_t> seen_blocks;
  for (uint32_t e : chosen) {
    uint32_t b = lex_.verbs.entry(e).block;
    if (std::find(seen_blocks.begin(), seen_blocks.end(), b) != seen_blocks.end()) continue;
    seen_blocks.push_back(b);
    for (uint32_t pi : lex_.verbs.block(b).patterns) {
      if (!MayMatch(pi)) continue;
      const auto& p = lex_.verbs.pattern(pi);
      if (p.syntactic && allowed_for_ != v) AllowSyntacticRegion(v, first, last);
      syntactic_ = p.syntactic;
      PatternMatch m = MatchPattern(p, first, last, limit);
      syntactic_ = false;
      if (m.score > best.score) {
        best = m;
        best_pattern = pi;
        code = p.code;
        pattern_where = p.file + ":" + std::to_string(p.line);
      }
    }
  }
  choice.chosen = std::move(chosen);
  choice.first = first;
  choice.last = last;
  choice.code = std::move(code);
  choice.where = std::move(pattern_where);
  choice.best = best;
  choice.best_pattern = best_pattern;
  return true;
}

// The passive's subject is the target; the source is the "by" agent or,
// without one, the first actor in the verb's own phrases.
void SentenceCoder::PassiveParties(int v, int patient, int by_agent, int last, const std::string& code,
                                   std::vector<ActorCode>& sources, std::vector<ActorCode>& targets) const {
  targets = EntityCodes(patient, nullptr);
  if (by_agent >= 0) sources = EntityCodes(by_agent, nullptr);
  // An agent that is a thing names its sender inside its phrase ("was hit
  // by a drone launched from Yemen").
  if (sources.empty() && by_agent >= 0) {
    sources = FirstActorAfter(v, tree_.left(by_agent), tree_.right(by_agent), patient);
    if (OnlySaysWhere(sources, v)) sources.clear();
  }
  if (sources.empty()) {
    // Only the verb's own phrases ("shot dead in Osgiliath"), not a
    // complement clause ("was seen to break into an anti-Gondor parade").
    // A place or capital of Parley's dictionaries only says where ("Haniyeh
    // was killed in Tehran" is no killing by Iran's government); names of
    // PETRARCH's dictionaries have no such type and keep their convention.
    // Nor where the patient was sent ("troops were deployed to Russia's
    // Kursk region" are not Russia's doing).
    static constexpr std::array<std::string_view, 5> kWhither = {"to", "into", "toward", "towards", "onto"};
    for (int c : tree_.children(v)) {
      Rel r = tree_.rel(c);
      if (c <= last || !(r == Rel::kObl || (r == Rel::kXcomp && !tree_.IsVerbal(c)))) continue;
      if (r == Rel::kObl && std::find(kWhither.begin(), kWhither.end(), CaseWord(c)) != kWhither.end()) continue;
      sources = FirstActorAfter(v, tree_.left(c), tree_.right(c), patient);
      if (OnlySaysWhere(sources, v)) {
        sources.clear();
        continue;
      }
      if (!sources.empty()) break;
    }
  }
  // "Several rockets were fired from Lebanon into northern Israel": force
  // whose patient is a weapon falls on the phrase it was aimed at.
  if (targets.empty() && FallsOnPlaces(code, /*aid=*/false)) {
    static constexpr std::array<std::string_view, 6> kAimedAt = {"into", "at", "on", "toward", "towards", "against"};
    for (int c : tree_.children(v)) {
      if (c <= last || tree_.rel(c) != Rel::kObl) continue;
      const std::string prep = CaseWord(c);
      if (std::find(kAimedAt.begin(), kAimedAt.end(), prep) == kAimedAt.end()) continue;
      targets = FirstActorAfter(v, tree_.left(c), tree_.right(c), patient);
      if (!targets.empty()) break;
    }
  }
}

int SentenceCoder::ActiveSource(int v, int first, std::vector<ActorCode>& sources) const {
  const int subject = FindSubject(v);
  if (subject >= 0) {
    // "The Israeli military said its forces had killed ...": a role (or a
    // thing) owned by "its" or "their" belongs to the subject of a clause
    // above.
    std::vector<ActorCode> owner;
    const int poss = tree_.ChildWith(subject, Rel::kPoss);
    if (poss >= 0 && mention_of_[poss] < 0 && (toks_[poss].xpos == "PRP$" || toks_[poss].form == "its"))
      for (int h = tree_.head(v); h >= 0 && owner.empty(); h = tree_.head(h)) {
        const int s = FindSubject(h);
        if (s >= 0 && s != subject && !tree_.Dominates(subject, s)) owner = EntityCodes(s, nullptr);
      }
    sources = EntityCodes(subject, owner.empty() ? nullptr : &owner);
    // "... said its airstrikes killed dozens": whose airstrikes they are.
    if (sources.empty()) sources = owner;
    // "France, along with Germany and Britain, condemned ...": they did too.
    static constexpr std::array<std::string_view, 3> kAlong = {"along", "alongside", "together"};
    if (!sources.empty())
      for (int c : tree_.children(subject)) {
        if (c < subject || tree_.rel(c) != Rel::kNmod) continue;
        const std::string prep = CaseWord(c);
        if (std::find(kAlong.begin(), kAlong.end(), prep) == kAlong.end()) continue;
        for (ActorCode& a : EntityCodes(c, nullptr)) sources.push_back(std::move(a));
      }
  }
  if (subject < 0) {
    // The clause that should have given the subject: up the control chain.
    int top = v;
    while (tree_.head(top) >= 0 && tree_.IsVerbal(tree_.head(top)) &&
           (tree_.rel(top) == Rel::kXcomp || IsConjunct(top)))
      top = tree_.head(top);
    sources = SubjectlessSource(top, top == v ? first : top);
  }
  // A relative pronoun stands for the noun its clause modifies ("the plane
  // crash that killed Prigozhin": the crash, not whoever speaks of it).
  const bool relative = subject >= 0 && (toks_[subject].xpos == "WDT" || toks_[subject].xpos == "WP");
  if (sources.empty() && relative && tree_.rel(v) == Rel::kRelcl) sources = EntityCodes(tree_.head(v), nullptr);
  // So does "the group" or "the movement" that wire copy writes for the
  // armed group it has just named ("Houthi spokesman Yahya Saree said the
  // group had fired a hypersonic missile at Tel Aviv").
  static constexpr std::array<std::string_view, 5> kStandIns = {"group", "movement", "militia", "organisation",
                                                                "organization"};
  auto stand_in = [&](int t) {
    if (!LemmaIn(t, kStandIns) || mention_of_[t] >= 0) return false;
    const int det = tree_.ChildWith(t, Rel::kDet);
    if (det < 0 || !lexicon::SameUpperKey(toks_[static_cast<size_t>(det)].form, "the")) return false;
    for (int c : tree_.children(t))
      if (c != det && tree_.rel(c) != Rel::kPunct) return false;  // "the Wagner group" names its own
    return true;
  };
  if (sources.empty() && subject >= 0 && !relative && (IsPronoun(toks_[subject]) || stand_in(subject))) {
    // "Ethiopia indicated it would act": the pronoun stands for the matrix subject.
    for (int h = tree_.head(v); h >= 0 && sources.empty(); h = tree_.head(h)) {
      int s = FindSubject(h);
      if (s >= 0 && s != subject) sources = EntityCodes(s, nullptr);
    }
  }
  return subject;
}

int SentenceCoder::ActiveTargets(int v, int last, int subject, const std::string& code,
                                 const std::vector<ActorCode>& sources, std::vector<ActorCode>& targets) const {
  int first_object = -1;
  for (int c : tree_.children(v)) {
    Rel r = tree_.rel(c);
    if (r != Rel::kObj && r != Rel::kIobj) continue;
    if (first_object < 0) first_object = c;
    if (targets.empty()) targets = EntityCodes(c, nullptr);
  }
  // "Egypt condemned and rejected the Israeli operation": a verb with no
  // object shares its conjunct's (one with no subject of its own).
  if (first_object < 0)
    for (int c : tree_.children(v)) {
      if (c < v || tree_.rel(c) != Rel::kConj || !tree_.IsVerbal(c) || tree_.ChildWith(c, Rel::kSubj) >= 0 ||
          tree_.ChildWith(c, Rel::kCc) < 0)
        continue;
      const int shared = tree_.ChildWith(c, Rel::kObj);
      if (shared < 0) continue;
      first_object = shared;
      targets = EntityCodes(shared, nullptr);
      break;
    }
  // A place or capital in a locative phrase only says where a statement,
  // appeal, rejection or the like was made ("the minister said in Moscow",
  // "condemned the attack in Kabul"), not to whom. Visits and meetings (04:
  // "arrived in Doha") are with the place's government, protests (14) in a
  // capital are mostly at it, and force (15, 17-20) and aid (07) fall on
  // the place.
  // (Speaking somewhere is no visit: "Speaking in Brussels, NATO's
  // secretary general urged ...".)
  static constexpr std::array<std::string_view, 2> kSpeaking = {"speak", "talk"};
  const std::string_view root = std::string_view(code).substr(0, 2);
  const bool place_may_be_target =
      FallsOnPlaces(code, /*aid=*/true) || (root == "04" && !LemmaIn(v, kSpeaking)) || root == "14";
  auto only_where = [&](const std::vector<ActorCode>& found) {
    return !place_may_be_target && OnlySaysWhere(found, v);
  };
  if (targets.empty()) {
    targets = FirstActorAfter(v, last + 1, tree_.right(v), subject);
    if (only_where(targets)) {
      targets.clear();
    } else if (root == "14" && OnlySaysWhere(targets, v)) {
      // Where a protest was held yields to whom it was against, named
      // after it outside a locative phrase and another verb's clause:
      // "protested in Tel Aviv against the government".
      // So does whom its purpose is about: "marched through Tbilisi to
      // denounce the government's decision".
      auto after = FirstActorAfter(v, targets.back().last + 1, tree_.right(v), subject);
      if (!after.empty() && after.front().first >= 0 && !InLocativePhrase(after.front().first, v) &&
          !InAnotherClause(after.front().first, v)) {
        targets = after;
      } else if (auto addressed = AddresseeOfPurpose(v); !addressed.empty()) {
        targets = addressed;
      }
    } else if (FallsOnPlaces(code, /*aid=*/false) && !targets.empty() && targets.front().first >= 0) {
      // Where force came from yields to where it went: "fired rockets from
      // Gaza into southern Israel".
      static constexpr std::array<std::string_view, 1> kFrom = {"from"};
      if (InPhraseOf(targets.front().first, v, kFrom)) {
        auto after = FirstActorAfter(v, targets.back().last + 1, tree_.right(v), subject);
        // (Its own phrase, that is: "into southern Israel" may hang on "Gaza".)
        if (!after.empty() && after.front().first >= 0 && CaseWord(NounPhraseHead(after.front().first)) != "from" &&
            !InAnotherClause(after.front().first, v))
          targets = after;
      }
    }
  }
  // An object that is only a role ("send a delegation to Qatar", "deployed
  // troops in Lebanon") yields to an actor with a country later in the phrase.
  // But a role that the place only locates, with a source of the place's
  // own country or of none, is of that country ("Kenyan police fired tear
  // gas at protesters in Nairobi": Kenyan protesters, as Emit localizes
  // them, not Kenya).
  if (UnknownCountry(targets)) {
    auto later = FirstActorAfter(v, last + 1, tree_.right(v), subject, /*known_only=*/true);
    bool locates_the_role = false;
    // A country in a locative phrase locates the role too ("Gunmen
    // kidnapped 20 students in Nigeria": Nigerian students).
    const bool country_where = !later.empty() && later.front().first >= 0 && later.front().code.size() == 3 &&
                               InLocativePhrase(later.front().first, v) && !InAnotherClause(later.front().first, v);
    if (!later.empty() && (OnlySaysWhere(later, v) || country_where)) {
      const std::string place = PlaceCountry(v);
      locates_the_role = !place.empty() && (sources.empty() || UnknownCountry(sources) ||
                                            sources.front().code.compare(0, place.size(), place) == 0);
    }
    if (!later.empty() && !only_where(later) && !locates_the_role) targets = later;
  }
  return first_object;
}

void SentenceCoder::MutualTargets(int v, std::span<const uint32_t> chosen, const std::string& code, int first_object,
                                  const std::vector<ActorCode>& sources, std::vector<ActorCode>& targets) const {
  // "Putin and Trump met in Anchorage", "Israel and Hamas reached an
  // agreement", "X and Y held talks in Jeddah", "X and Y signed a peace
  // agreement in Washington", "X and Y exchanged fire", "X and Y swapped
  // prisoners": coordinated
  // subjects of a reciprocal verb (with or without an object), or of a
  // verb that says nothing itself whose object is a mutual event noun
  // (talks, agreement, ceasefire, ...), are each other's targets; a place
  // is only where it happened. ("X and Y are attending" is neither.)
  static constexpr std::array<std::string_view, 18> kReciprocal = {
      "meet",    "talk",     "negotiate", "agree", "sign",  "initial", "cooperate", "confer", "consult",
      "reconcile", "discuss", "exchange", "swap",  "trade", "clash",   "fight",     "battle", "spar"};
  auto mutual_noun = [&](int t) {
    for (WordId w : {words_[t], lemmas_[t]}) {
      if (w == kNoWord) continue;
      for (uint32_t i : lex_.verbs.EventNounsWithHead(w))
        if (IsMutualRoot(lex_.verbs.event_noun(i).code)) return true;
    }
    return false;
  };
  // "held a fourth round of indirect talks": the talks are what was held.
  // Returns the mutual noun, or -1.
  auto mutual_object = [&](int t) {
    if (mutual_noun(t)) return t;
    for (int c : tree_.children(t))
      if (tree_.rel(c) == Rel::kNmod && CaseWord(c) == "of" && mutual_noun(c)) return c;
    return -1;
  };
  // Only a verb that says nothing of its own makes its object mutual:
  // "held talks", "reached an agreement", but not "co-hosting the talks".
  bool neutral = true;
  for (uint32_t e : chosen) neutral = neutral && VerbEntryCode(e) == "---";
  // Material cooperation (06: "held joint naval exercises", "shared
  // intelligence") and diplomatic cooperation itself (050: "re-established
  // diplomatic ties") are between them too when no one else is named.
  // "Israel and Hezbollah accused each other": the object says so.
  bool each_other = false;
  if (first_object >= 0 && first_object + 1 < static_cast<int>(toks_.size())) {
    const std::string_view f = toks_[static_cast<size_t>(first_object)].form;
    const std::string_view g = toks_[static_cast<size_t>(first_object) + 1].form;
    each_other = ((f == "each" || f == "Each") && g == "other") || ((f == "one" || f == "One") && g == "another");
  }
  const bool mutual =
      each_other || LemmaIn(v, kReciprocal) ||
      (first_object >= 0 && neutral && mutual_object(first_object) >= 0) || code.compare(0, 2, "06") == 0 ||
      code == "050";
  // Only for a reported fact: "a chance for Israel and Hamas to reach an
  // agreement" is no agreement.
  const bool infinitive = tree_.rel(v) == Rel::kXcomp || tree_.rel(v) == Rel::kAcl || HasInfinitiveTo(v);
  static constexpr std::array<std::string_view, 3> kExchanging = {"exchange", "swap", "trade"};
  const bool exchange = LemmaIn(v, kExchanging);
  if (mutual && !infinitive && sources.size() >= 2) {
    bool only_places = true;
    for (const ActorCode& t : targets) {
      const lexicon::ActorEntry* e = ActorEntryAt(t.first);
      const bool place = e != nullptr && e->place;
      // A role that only modifies the mutual noun says what kind of talks
      // ("resumed military talks", "a new round of military talks":
      // ---MIL), not with whom.
      const int talks = first_object >= 0 ? mutual_object(first_object) : -1;
      const bool kind_of_object =
          talks >= 0 && t.first >= tree_.left(talks) && t.last <= talks && UnknownCountry({t});
      // So does whoever brokered or drafted it ("signed an agreement
      // drafted by the United States"), and a role with no country in
      // the object of an exchange is what was exchanged ("swapped 95
      // prisoners of war": ---MIL), where "fought militants" names the
      // other side.
      const bool exchanged = exchange && first_object >= 0 && tree_.Dominates(first_object, t.first) &&
                             UnknownCountry({t});
      // What is discussed or negotiated is the topic ("Turkish and Syrian
      // officials discussed the return of refugees": ---REF).
      static constexpr std::array<std::string_view, 2> kTopical = {"discuss", "negotiate"};
      const bool topic = first_object >= 0 && LemmaIn(v, kTopical) && tree_.Dominates(first_object, t.first) &&
                         UnknownCountry({t});
      // And a role with no country in a clause of another verb ("signed a
      // defence pact allowing troops to be deployed").
      only_places = only_places && t.first >= 0 &&
                    (place || kind_of_object || exchanged || topic || InLocativePhrase(t.first, v) ||
                     AgentOfAnotherVerb(t.first, v) >= 0 || (InAnotherClause(t.first, v) && UnknownCountry({t})));
    }
    if (only_places) targets = sources;
  }
}

void SentenceCoder::NewActors(int v, int last, int subject, int first_object, std::vector<ActorCode>& sources,
                              std::vector<ActorCode>& targets) const {
  if (opt_.new_actor_length > 0) {
    if (sources.empty() && subject >= 0) {
      std::string text = NewActor(subject);
      if (!text.empty()) sources.push_back(ActorCode{text, subject, subject});
    }
    if (targets.empty()) {
      int object = first_object;
      for (int c : tree_.children(v))
        if (object < 0 && c > last && tree_.rel(c) == Rel::kObl) object = c;
      std::string text = NewActor(object);
      if (!text.empty()) targets.push_back(ActorCode{text, object, object});
    }
  }
}

void SentenceCoder::DropPlaceTargets(const std::string& code, std::vector<ActorCode>& targets) const {
  if (FallsOnPlaces(code, /*aid=*/true)) return;
  std::erase_if(targets, [&](const ActorCode& a) {
    const lexicon::ActorEntry* e = ActorEntryAt(a.first);
    return e != nullptr && e->place;
  });
}

void SentenceCoder::CapitalsAsPlaces(const std::string& code, std::vector<ActorCode>& targets) const {
  if (!FallsOnPlaces(code, /*aid=*/false)) return;
  for (ActorCode& a : targets) {
    const lexicon::ActorEntry* e = ActorEntryAt(a.first);
    if (e == nullptr || !e->capital) continue;
    // The mention must be the whole target ("the government in Kyiv" stays
    // UKRGOV), or name a part of the city ("Beirut's southern suburbs").
    static constexpr std::array<std::string_view, 12> kPartsOfACity = {
        "suburb", "outskirts", "outskirt", "district", "neighbourhood", "neighborhood",
        "airport", "port",    "centre",   "center",   "street",        "quarter"};
    const Mention& m = mentions_[mention_of_[a.first]];
    const bool whole = m.begin == a.first && m.end - 1 == a.last;
    if (!whole && !LemmaIn(NounPhraseHead(a.first), kPartsOfACity)) continue;
    if (a.code.size() > 3) a.code.resize(3);
  }
}

void SentenceCoder::TakeCounterpartsRole(ActorCode& a, const ActorCode& other) const {
  static constexpr std::array<std::string_view, 1> kCounterpart = {"counterpart"};
  const std::string& unknown = opt_.unknown_country;
  if (a.first < 0 || a.code.size() != 3 || a.code == unknown || other.code.size() <= 3) return;
  // The phrase's head or a word before it: "his Chinese counterpart Wang Yi".
  const int head = NounPhraseHead(a.first);
  bool counterpart = LemmaIn(head, kCounterpart);
  for (int c : tree_.children(head))
    counterpart = counterpart || (c < head && LemmaIn(c, kCounterpart));
  if (counterpart) a.code += other.code.substr(3);
}

std::string SentenceCoder::PlaceCountry(int v) const {
  // The country of the places in the verb's locative phrases ("in Tbilisi",
  // "near the border in northern Nigeria"): places and capitals of the
  // dictionaries and countries themselves; none when they disagree.
  // A participle or coordinated clause with no place of its own happened
  // where the clause it hangs on did ("protested in Tel Aviv, urging the
  // government to accept a deal").
  const int n = static_cast<int>(mention_of_.size());
  for (int guard = 0; v >= 0 && v < n && guard < kMaxPhraseDepth; ++guard) {
    std::string country;
    bool found = false;
    for (const Mention& m : mentions_) {
      if (!m.is_actor || !tree_.Dominates(v, m.begin) || !InLocativePhrase(m.begin, v) || BesideABorder(m.begin, v))
        continue;
      const lexicon::ActorEntry& e = lex_.actors.entry(m.entry);
      const std::string_view code = lex_.actors.CodeOn(m.entry, doc_.date);
      if (!(e.place || e.capital || code.size() == 3) || code.size() < 3 ||
          code.rfind(opt_.unknown_country, 0) == 0)
        continue;
      const std::string_view here = code.substr(0, 3);
      if (found && country != here) return "";
      country = here;
      found = true;
    }
    if (found) return country;
    const Rel r = tree_.rel(v);
    const int h = tree_.head(v);
    if (h < 0 || !tree_.IsVerbal(h) || !(r == Rel::kAdvcl || r == Rel::kXcomp || IsConjunct(v))) break;
    v = h;
  }
  return "";
}

void SentenceCoder::DomesticCountry(const std::string& code, ActorCode& source, ActorCode& target) const {
  const std::string& unknown = opt_.unknown_country;
  auto known_country = [&](const ActorCode& a) { return a.code.size() >= 3 && !UnknownCountry(a); };
  // The sectors after the country, three letters each.
  auto has_sector = [&](const ActorCode& a, std::string_view sector) {
    const size_t from = UnknownCountry(a) ? unknown.size() : 3;
    for (size_t i = from; i + 3 <= a.code.size(); i += 3)
      if (std::string_view(a.code).substr(i, 3) == sector) return true;
    return false;
  };
  auto take_country = [&](ActorCode& a, const ActorCode& from) { a.code = from.code.substr(0, 3) + a.code.substr(unknown.size()); };
  if (!UnknownCountry(target) && !UnknownCountry(source)) return;
  // Whom a state's forces arrest or repress, with no country named, are
  // its own people ("The Venezuelan government arrested several
  // opposition leaders"), as ICEWS writes "Opposition (Venezuela)"; so is
  // an opposition, court, legislature or party a state accuses, rejects,
  // threatens or coerces ("South Korea's president declared martial law,
  // accusing the opposition of anti-state activities": KOROPP).
  const std::string_view root = std::string_view(code).substr(0, 2);
  const bool domestic_institution = has_sector(target, "OPP") || has_sector(target, "JUD") ||
                                    has_sector(target, "LEG") || has_sector(target, "PTY");
  if (UnknownCountry(target) && known_country(source) &&
      (code.starts_with("173") || code.starts_with("175") ||
       (domestic_institution && (root == "11" || root == "12" || root == "13" || root == "17")))) {
    take_country(target, source);
    return;
  }
  // Police and the protesters they face are of one country ("Protesters
  // in Nairobi clashed with police": KENOPP and KENCOP).
  auto police_and_protesters = [&](ActorCode& unnamed, const ActorCode& named) {
    if (!UnknownCountry(unnamed) || !known_country(named)) return;
    if ((has_sector(unnamed, "COP") && has_sector(named, "OPP")) ||
        (has_sector(unnamed, "OPP") && has_sector(named, "COP")))
      take_country(unnamed, named);
  };
  police_and_protesters(source, target);
  police_and_protesters(target, source);
}

void SentenceCoder::Emit(const std::vector<ActorCode>& sources,
                         const std::vector<ActorCode>& targets, const std::string& code,
                         int verb_first, int verb_last, const std::string& pattern) {
  std::vector<ActorCode> none{ActorCode{opt_.null_actor, -1, -1}};
  if ((sources.empty() || targets.empty()) && opt_.require_dyad) return;
  auto known = [&](const ActorCode& a) {
    return !opt_.require_known_country || a.code.rfind(opt_.unknown_country, 0) != 0;
  };
  const auto& src = sources.empty() ? none : sources;
  const auto& tgt = targets.empty() ? none : targets;
  // "032:033": the first code for source→target, the second for target→source.
  std::string forward = code, backward;
  if (auto colon = code.find(':'); colon != std::string::npos) {
    forward = code.substr(0, colon);
    backward = code.substr(colon + 1);
  }
  // A role with no country ("police", "protesters") in news takes the
  // country of the place the event happened ("in Tbilisi": Georgia), when
  // the other side is of that country or has none either: "Georgian police
  // detained protesters in Tbilisi" is GEOCOP against Georgian protesters,
  // as ICEWS writes "Protester (Georgia)". Otherwise it stays unknown.
  std::string place_country;
  bool place_looked_up = false;
  auto place = [&]() -> const std::string& {
    if (!place_looked_up) {
      place_country = PlaceCountry(verb_first);
      place_looked_up = true;
    }
    return place_country;
  };
  auto localize = [&](ActorCode& a, const ActorCode& other) {
    const std::string& unknown = opt_.unknown_country;
    if (!opt_.require_known_country || a.code.rfind(unknown, 0) != 0) return;
    if (place().empty()) return;
    if (other.code.rfind(unknown, 0) != 0 && other.code.rfind(place_country, 0) != 0) return;
    // Not where the other side is the place itself: "a police mission
    // arrived in Haiti" came from elsewhere.
    if (other.code == place_country && other.first >= 0 && InLocativePhrase(other.first, verb_first)) return;
    a.code = place_country + a.code.substr(unknown.size());
  };
  auto push = [&](ActorCode s, ActorCode t, std::string c) {
    if (c.empty() || c == "---") return;
    // The dictionaries list the usual venues of talks as third places
    // (044, "met ... in Doha"); in one side's own country it is a visit,
    // hosted (043) or paid (042): "Qatar's prime minister met Hamas leaders
    // in Doha" is Qatar receiving Hamas.
    if (c == "044" && !place().empty()) {
      if (s.code.starts_with(place())) c = "043";
      else if (t.code.starts_with(place())) c = "042";
    }
    TakeCounterpartsRole(t, s);
    TakeCounterpartsRole(s, t);
    const std::string s_was = s.code, t_was = t.code;
    localize(s, t);
    localize(t, ActorCode{s_was, s.first, s.last});
    DomesticCountry(c, s, t);
    if (!known(s) || !known(t)) return;
    if (s.code == t.code && (s.first == t.first || s.code != s_was || t.code != t_was)) return;
    // A statement that names the speaker's own country says nothing to
    // anyone ("U.S. officials stated that the U.S. would participate").
    if (c.starts_with("01") && t.code.size() == 3 && s.code.size() > 3 && s.code.starts_with(t.code)) return;
    for (size_t i = first_event_; i < out_.size(); ++i) {  // one per (source, target, code)
      const Event& e = out_[i];
      if (e.source.code == s.code && e.target.code == t.code && e.event.code == c) return;
    }
    Event ev;
    ev.doc_id = doc_.id;
    ev.sentence_id = sentence_.id;
    ev.sentence = sentence_.index;
    ev.date = doc_.date;
    ev.source = CodedSpan{s.code, Words(s.first, s.last), s.first, s.last};
    ev.target = CodedSpan{t.code, Words(t.first, t.last), t.first, t.last};
    ev.event = CodedSpan{c, Words(verb_first, verb_last), verb_first, verb_last};
    ev.pattern = pattern;
    out_.push_back(std::move(ev));
  };
  for (const auto& s : src)
    for (const auto& t : tgt) {
      if (s.code == t.code) continue;
      push(s, t, forward);
    }
  if (!backward.empty())
    for (const auto& s : src)
      for (const auto& t : tgt) {
        if (s.code == t.code) continue;
        push(t, s, backward);
      }
}

}  // namespace

Coder::Coder(std::shared_ptr<const Lexicon> lexicon, CoderOptions options)
    : lexicon_(std::move(lexicon)),
      options_(std::move(options)),
      synsets_(std::make_shared<SynsetIndex>(lexicon_->verbs)),
      pattern_needs_(std::make_shared<PatternNeeds>(lexicon_->verbs)) {}

void Coder::CodeSentence(const Document& doc, const Sentence& sentence, std::vector<Event>& out,
                         SentenceTrace* trace) const {
  if (sentence.token_count > kMaxSentenceTokens) {
    if (trace) trace->too_long = true;
    return;
  }
  const std::string& text = doc.TextOf(sentence);
  std::string_view sentence_text;
  if (sentence.end > sentence.begin && sentence.end <= text.size())
    sentence_text = std::string_view(text).substr(sentence.begin, sentence.end - sentence.begin);
  std::string rebuilt;
  if (sentence_text.empty()) {
    for (const Token& t : doc.TokensOf(sentence)) {
      if (!rebuilt.empty()) rebuilt += ' ';
      rebuilt += t.form;
    }
    sentence_text = rebuilt;
  }
  if (auto hit = lexicon_->discards.Find(sentence_text)) {
    if (trace) {
      trace->discarded = true;
      trace->discard_phrase = hit->phrase;
      trace->story_discarded = hit->whole_story;
    }
    return;
  }
  const std::span<const Token> tokens = doc.TokensOf(sentence);
  if (tokens.empty() || tokens.front().head < 0) return;  // not parsed: cannot yield events
  size_t first_new = out.size();
  thread_local SentenceScratch scratch;
  SentenceCoder(*lexicon_, *synsets_, *pattern_needs_, options_, doc, sentence, out, scratch).Run();
  if (first_new == out.size() || lexicon_->issues.size() == 0) return;
  auto issues = lexicon_->issues.Find(sentence_text);
  for (size_t i = first_new; i < out.size(); ++i)
    for (const auto& [issue, count] : issues)
      out[i].issues.push_back(issue + " " + std::to_string(count));
}

bool Coder::MayYieldEvents(std::span<const Token> tokens) const {
  const lexicon::Lexicon& lex = *lexicon_;
  thread_local SentenceScratch scratch;  // the words, as the sentence coder looks them up
  LookUpWords(lex.vocab, tokens, scratch);
  const std::vector<WordId>& words = scratch.words;
  bool trigger = false;
  for (size_t i = 0; i < tokens.size() && !trigger; ++i) {
    const WordId w = words[i], l = scratch.lemmas[i];
    trigger = (w != kNoWord && (!lex.verbs.EntriesForForm(w).empty() || !lex.verbs.EventNounsWithHead(w).empty())) ||
              (l != w && l != kNoWord && !lex.verbs.EventNounsWithHead(l).empty());
  }
  if (!trigger) return false;
  // Without a dyad requirement (or with new actors made up from any noun
  // phrase) an event needs no dictionary actor.
  if (!options_.require_dyad || options_.new_actor_length > 0) return true;
  for (size_t i = 0; i < words.size(); ++i)
    if (lex.actors.LongestMatch(words, i).length > 0 || lex.agents.LongestMatch(words, i).length > 0)
      return true;
  return false;
}

void Coder::MarkNames(std::span<const Token> tokens, std::span<uint8_t> names) const {
  const lexicon::Lexicon& lex = *lexicon_;
  thread_local SentenceScratch scratch;
  LookUpWords(lex.vocab, tokens, scratch);
  // Capitalised with a small letter after: a name as written, where an
  // acronym could as well be a shouted common word ("US", "IS").
  auto capitalised = [](std::string_view f) {
    return !f.empty() && f[0] >= 'A' && f[0] <= 'Z' &&
           std::any_of(f.begin() + 1, f.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  for (size_t i = 0; i < tokens.size();) {
    const size_t length = lex.actors.LongestMatch(scratch.words, i).length;
    if (length == 0) {
      ++i;
      continue;
    }
    for (size_t j = i; j < i + length; ++j)
      if (capitalised(tokens[j].form)) names[j] = 1;
    i += length;
  }
}

size_t Coder::CodeDocument(const Document& doc, std::vector<Event>& out) const {
  size_t before = out.size();
  size_t coded = 0;
  for (const Sentence& s : doc.sentences) {
    if (s.token_count == 0) continue;
    SentenceTrace trace;
    CodeSentence(doc, s, out, &trace);
    if (trace.story_discarded) {
      out.resize(before);
      return 0;
    }
    ++coded;
  }
  return coded;
}

}  // namespace parley::coder

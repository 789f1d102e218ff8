// Golden sentences for the committed English model (models/parley-en.model).
// Skipped when the model file is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parse/model.h"

namespace parley::parse {
namespace {

const std::string kModelPath = std::string(PARLEY_SOURCE_DIR) + "/" + kDefaultModelPath;

class EnglishModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kModelPath)) return;
    Result<Model> m = Model::Load(kModelPath);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = new Model(std::move(*m));
  }
  static void TearDownTestSuite() { delete model_; }
  void SetUp() override {
    if (model_ == nullptr) GTEST_SKIP() << kModelPath << " not found";
  }

  static std::vector<Token> Annotate(const std::string& sentence) {
    std::vector<Token> tokens;
    std::stringstream in(sentence);
    std::string w;
    while (in >> w) tokens.emplace_back().form = w;
    model_->Annotate(tokens);
    return tokens;
  }
  // `verb` is a simple past (VBD) with `subject` and `object` its arguments.
  static void ExpectSimplePast(const std::string& sentence, const std::string& verb, const std::string& subject,
                               const std::string& object) {
    auto t = Annotate(sentence);
    EXPECT_EQ(Word(t, verb).xpos, "VBD") << sentence;
    EXPECT_EQ(Arc(t, subject), "nsubj(" + verb + ", " + subject + ")") << sentence;
    EXPECT_EQ(Arc(t, object), "obj(" + verb + ", " + object + ")") << sentence;
  }
  // "deprel(head, dependent)" for the word `dep`, e.g. "nsubj(struck, Israel)".
  static std::string Arc(const std::vector<Token>& t, const std::string& dep) {
    for (const Token& k : t)
      if (k.form == dep)
        return k.deprel + "(" + (k.head == 0 ? "ROOT" : t[static_cast<size_t>(k.head - 1)].form) + ", " + dep + ")";
    return "no word " + dep;
  }
  static const Token& Word(const std::vector<Token>& t, const std::string& form) {
    for (const Token& k : t)
      if (k.form == form) return k;
    return t.front();
  }
  static Model* model_;
};
Model* EnglishModelTest::model_ = nullptr;

TEST_F(EnglishModelTest, Strike) {
  auto t = Annotate("Israel struck targets in southern Lebanon on Thursday .");
  EXPECT_EQ(Arc(t, "struck"), "root(ROOT, struck)");
  EXPECT_EQ(Arc(t, "Israel"), "nsubj(struck, Israel)");
  EXPECT_EQ(Arc(t, "targets"), "obj(struck, targets)");
  EXPECT_EQ(Arc(t, "in"), "case(Lebanon, in)");
  EXPECT_EQ(Arc(t, "southern"), "amod(Lebanon, southern)");
  EXPECT_EQ(Arc(t, "Thursday"), "obl(struck, Thursday)");
  const Token& struck = Word(t, "struck");
  EXPECT_EQ(struck.upos, "VERB");
  EXPECT_EQ(struck.lemma, "strike");
  EXPECT_EQ(Word(t, "targets").lemma, "target");
  EXPECT_EQ(Word(t, "targets").feats, "Number=Plur");
  EXPECT_EQ(Word(t, "Israel").upos, "PROPN");
}

// The tagger reads "struck" after a proper noun as VBN; a participle with a
// subject and an object but no auxiliary is retagged VBD (and the sentence
// parsed again).
TEST_F(EnglishModelTest, FiniteParticipleRepaired) {
  auto t = Annotate("Israel struck targets in southern Lebanon on Thursday .");
  EXPECT_EQ(Word(t, "struck").xpos, "VBD");
  EXPECT_EQ(Word(t, "struck").feats, "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin");
  ExpectSimplePast("North Korea on Thursday fired two artillery shells at Seoul .", "fired", "Korea", "shells");
  // Read as a relative clause on "Monday" until retagged and parsed again.
  auto m = Annotate("On Monday , Israel struck targets in Gaza .");
  EXPECT_EQ(Word(m, "struck").xpos, "VBD");
  EXPECT_EQ(Arc(m, "struck"), "root(ROOT, struck)");
  EXPECT_EQ(Arc(m, "Israel"), "nsubj(struck, Israel)");
  EXPECT_EQ(Arc(m, "Monday"), "obl(struck, Monday)");
  // A conjunct shares the first verb's auxiliary: still a participle.
  auto c = Annotate("He was arrested and charged with murder .");
  EXPECT_EQ(Word(c, "charged").xpos, "VBN");
  EXPECT_EQ(Word(c, "arrested").xpos, "VBN");
}

// Known miss of the current model: the PP attaches to "targets". Enable when
// a model gets it.
TEST_F(EnglishModelTest, DISABLED_StrikeKnownMisses) {
  auto t = Annotate("Israel struck targets in southern Lebanon on Thursday .");
  EXPECT_EQ(Arc(t, "Lebanon"), "obl(struck, Lebanon)");
}

TEST_F(EnglishModelTest, Passive) {
  auto t = Annotate("The talks were held in Cairo by the ministers .");
  EXPECT_EQ(Arc(t, "talks"), "nsubj:pass(held, talks)");
  EXPECT_EQ(Arc(t, "were"), "aux:pass(held, were)");
  EXPECT_EQ(Arc(t, "ministers"), "obl:agent(held, ministers)");
  const Token& held = Word(t, "held");
  EXPECT_EQ(held.lemma, "hold");
  EXPECT_EQ(held.feats, "Tense=Past|VerbForm=Part|Voice=Pass");
  EXPECT_EQ(Word(t, "were").upos, "AUX");
  EXPECT_EQ(Word(t, "were").lemma, "be");
}

TEST_F(EnglishModelTest, NegationAndPerfect) {
  auto t = Annotate("Police have not arrested the protesters .");
  EXPECT_EQ(Arc(t, "Police"), "nsubj(arrested, Police)");
  EXPECT_EQ(Arc(t, "have"), "aux(arrested, have)");
  EXPECT_EQ(Arc(t, "not"), "advmod(arrested, not)");
  EXPECT_EQ(Arc(t, "protesters"), "obj(arrested, protesters)");
  EXPECT_EQ(Word(t, "not").feats, "Polarity=Neg");
  EXPECT_EQ(Word(t, "arrested").feats, "Tense=Past|VerbForm=Part");  // perfect: no Voice=Pass
}

// Two titled names joined by "and" are one coordinated subject, even where
// the parser makes each a subject of the verb (one subject per predicate in
// UD): the coder needs the conjunct to code both signers.
// The subject of a perfect is active: the model labels these two nsubj:pass
// (which would swap who did what), ActivateSubjectsOfActiveVerbs mends them.
TEST_F(EnglishModelTest, ThePerfectHasAnActiveSubject) {
  auto t = Annotate("On the same day , the terrorist group Hamas has indicated it will take part in the elections .");
  EXPECT_EQ(Arc(t, "group"), "nsubj(indicated, group)");
  t = Annotate("A witness alleged that Zarqawi had not allowed the group to share resources with al - Qaeda .");
  EXPECT_EQ(Arc(t, "Zarqawi"), "nsubj(allowed, Zarqawi)");
  // A passive keeps its passive subject.
  t = Annotate("Zarqawi had been allowed to share resources .");
  EXPECT_EQ(Arc(t, "Zarqawi"), "nsubj:pass(allowed, Zarqawi)");
}

// The sentence is rooted in its main verb, not in a fronted phrase or in a
// subject with a relative clause.
TEST_F(EnglishModelTest, TheMainVerbIsTheRoot) {
  auto expect_arcs = [](const std::string& sentence, std::initializer_list<const char*> arcs) {
    const auto t = Annotate(sentence);
    for (const char* arc : arcs) {
      const std::string a = arc;
      const std::string dep = a.substr(a.find(", ") + 2, a.size() - a.find(", ") - 3);
      EXPECT_EQ(Arc(t, dep), a) << sentence;
    }
  };
  expect_arcs("According to the army , the militants fled across the border into Pakistan .",
              {"root(ROOT, fled)", "obl(fled, army)", "nsubj(fled, militants)", "punct(fled, .)"});
  expect_arcs("The president , who took office in January , vowed to end the war within months .",
              {"root(ROOT, vowed)", "nsubj(vowed, president)", "acl:relcl(president, took)", "punct(vowed, .)"});
  expect_arcs("Egypt and Qatar , which have mediated between the two sides , welcomed the agreement .",
              {"root(ROOT, welcomed)", "nsubj(welcomed, Egypt)", "acl:relcl(Egypt, mediated)"});
  expect_arcs("France and Germany , which brokered the Minsk accords , urged Russia to show restraint .",
              {"root(ROOT, urged)", "nsubj(urged, France)", "acl:relcl(France, brokered)"});
  // The main verb misread as a participle ("promised" a reduced relative).
  expect_arcs("The general , who led the coup in 2021 , promised elections within a year .",
              {"root(ROOT, promised)", "nsubj(promised, general)", "acl:relcl(general, led)"});
  EXPECT_EQ(Word(Annotate("The general , who led the coup in 2021 , promised elections within a year ."),
                 "promised").xpos,
            "VBD");
  // The reporting verb roots the sentence, the report its complement.
  expect_arcs(
      "Azerbaijan and Armenia have agreed on the text of a peace treaty , Azerbaijan 's foreign ministry said .",
      {"root(ROOT, said)", "ccomp(said, agreed)", "nsubj(said, ministry)", "punct(agreed, ,)", "punct(said, .)"});
  // A second clause after ", and" with a coordinated subject of its own.
  expect_arcs(
      "Saudi Arabia and Switzerland are co-hosting the talks , and Egypt , the United Arab Emirates , the African "
      "Union and the United Nations are attending as observers .",
      {"root(ROOT, co-hosting)", "conj(co-hosting, attending)", "nsubj(attending, Egypt)", "conj(Egypt, Union)",
       "obj(co-hosting, talks)"});
  // An adjective and a name coordinated before the subject modify it.
  expect_arcs("Israeli and Hamas negotiators are expected to meet in Cairo next week .",
              {"root(ROOT, expected)", "amod(negotiators, Israeli)", "conj(Israeli, Hamas)", "cc(Hamas, and)",
               "punct(expected, .)"});
}

// The infinitive after the object of a verb of telling or asking is the
// verb's complement.
TEST_F(EnglishModelTest, ToldToActIsAComplement) {
  auto t = Annotate("The UN envoy urged both parties to return to the negotiating table .");
  EXPECT_EQ(Arc(t, "parties"), "obj(urged, parties)");
  EXPECT_EQ(Arc(t, "return"), "xcomp(urged, return)");
  t = Annotate("The president asked the army to restore order .");
  EXPECT_EQ(Arc(t, "restore"), "xcomp(asked, restore)");
}

TEST_F(EnglishModelTest, CoordinatedSubjectsAreConjuncts) {
  auto t = Annotate(
      "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev signed a joint "
      "declaration at the White House on Friday .");
  int subjects = 0;
  for (const Token& k : t) subjects += k.head > 0 && t[static_cast<size_t>(k.head - 1)].form == "signed" &&
                                       k.deprel.rfind("nsubj", 0) == 0;
  EXPECT_EQ(subjects, 1);
  EXPECT_EQ(Word(t, "and").deprel, "cc");
  const Token& second = Word(t, "Ilham");
  EXPECT_EQ(second.deprel, "conj");
  ASSERT_GT(second.head, 0);
  const std::string first = t[static_cast<size_t>(second.head - 1)].form;
  EXPECT_TRUE(first == "Nikol" || first == "Pashinyan" || first == "Minister") << first;
  // The second subject's possessor: the model alone made "Jordan" a
  // conjunct of "Sisi" and "King Abdullah" a second subject.
  t = Annotate("Egyptian President Abdel Fattah al - Sisi and Jordan 's King Abdullah warned against a ground "
               "offensive in Rafah .");
  EXPECT_EQ(Arc(t, "Jordan"), "nmod:poss(Abdullah, Jordan)");
  EXPECT_EQ(Arc(t, "'s"), "case(Jordan, 's)");
  EXPECT_EQ(Arc(t, "Abdullah"), "conj(Abdel, Abdullah)");
  EXPECT_EQ(Arc(t, "and"), "cc(Abdullah, and)");
}

// "from the United States, Saudi Arabia, Egypt and the United Arab
// Emirates": one list (the model alone makes "Saudi Arabia" an apposition of
// "proposal" and starts a second list there).
TEST_F(EnglishModelTest, ACommaListStaysOneList) {
  auto t = Annotate(
      "On Sunday , army chief Abdel Fattah al-Burhan rejected the latest truce proposal from the United "
      "States , Saudi Arabia , Egypt and the United Arab Emirates .");
  EXPECT_EQ(Arc(t, "Arabia"), "conj(States, Arabia)");
  EXPECT_EQ(Arc(t, "Egypt"), "conj(States, Egypt)");
  EXPECT_EQ(Arc(t, "Emirates"), "conj(States, Emirates)");
}

// A titled name as subject: the title describes the name (nmod:desc), so
// the subject keeps it ("U.S. special envoy Tom Perriello" is one actor).
// The model alone hangs "envoy" on "met" as a bare oblique.
TEST_F(EnglishModelTest, ATitleBeforeASubjectNameDescribesIt) {
  auto t = Annotate("U.S. special envoy Tom Perriello met representatives of the Rapid Support Forces in "
                    "Geneva on Wednesday .");
  EXPECT_EQ(Arc(t, "Tom"), "nsubj(met, Tom)");
  EXPECT_EQ(Arc(t, "envoy"), "nmod:desc(Tom, envoy)");
  // A bare time before the subject stays on the verb.
  auto time = Annotate("Today Israel struck targets in southern Lebanon .");
  EXPECT_NE(Word(time, "Today").deprel, "nmod:desc");
}

// A sentence with no finite verb whose root is a noun: the verb the model
// read as a participle is a simple past ("police" is no root with an object).
TEST_F(EnglishModelTest, AVerblessSentenceGetsItsVerbBack) {
  ExpectSimplePast("Turkish police detained dozens of protesters in Istanbul .", "detained", "police", "dozens");
  ExpectSimplePast("Egyptian mediators proposed a truce .", "proposed", "mediators", "truce");
  // The participle between the subject and the object it was read to modify.
  ExpectSimplePast("The Turkish air force struck targets in northern Iraq on Monday .", "struck", "force", "targets");
  // A reported clause with no finite verb of its own.
  ExpectSimplePast("Turkish police detained dozens of protesters , the ministry said .", "detained", "police", "dozens");
  // The reported clause before ", officials said": "killed at least" reads
  // like a passive participle.
  auto reported_at_least = Annotate("Israeli strikes killed at least 30 people in Gaza , health officials said .");
  EXPECT_EQ(Word(reported_at_least, "killed").xpos, "VBD");
  EXPECT_EQ(Arc(reported_at_least, "strikes"), "nsubj(killed, strikes)");
  EXPECT_EQ(Arc(reported_at_least, "people"), "obj(killed, people)");  // was a subject of "said"
  EXPECT_EQ(Arc(reported_at_least, "officials"), "nsubj(said, officials)");
  // Which of two participles is the verb is left to the parser.
  auto launched = Annotate("Drones launched by the militia hit the airport , the army said .");
  EXPECT_EQ(Word(launched, "launched").xpos, "VBN");
  // A clause reported without "that": its verb read as a participle, its
  // subject as the object of "said".
  ExpectSimplePast("The Pentagon said U.S. forces shot down three drones launched from Yemen .", "shot", "forces",
                   "drones");
  // ... or as a subjectless complement of "said", its subject the object.
  auto shot = Annotate("Ukraine 's air force said it shot down 40 of 45 drones launched by Russia overnight .");
  EXPECT_EQ(Word(shot, "shot").xpos, "VBD");
  EXPECT_EQ(Word(shot, "shot").lemma, "shoot");  // WordNet's exception list: EWT has no "shot" VBD
  EXPECT_EQ(Arc(shot, "it"), "nsubj(shot, it)");
  auto jets = Annotate("The ministry said Israeli jets struck a convoy near the border .");
  EXPECT_EQ(Arc(jets, "jets"), "nsubj(struck, jets)");
  EXPECT_EQ(Arc(jets, "struck"), "ccomp(said, struck)");
  // The object read as an agent with no "by": "hosted" a participle on the
  // subject's name.
  auto hosted = Annotate("Russian President Vladimir Putin hosted Indian Prime Minister Narendra Modi in Moscow .");
  EXPECT_EQ(Arc(hosted, "hosted"), "root(ROOT, hosted)");
  EXPECT_EQ(Word(hosted, "hosted").xpos, "VBD");
  EXPECT_EQ(Arc(hosted, "Narendra"), "obj(hosted, Narendra)");
  // The participle before the object's own premodifiers.
  auto delivered = Annotate("The World Food Programme delivered food aid to 500,000 people in northern Gaza .");
  EXPECT_EQ(Arc(delivered, "delivered"), "root(ROOT, delivered)");
  EXPECT_EQ(Arc(delivered, "aid"), "obj(delivered, aid)");
  // The subject's name ends in an apposition of its first word (the
  // model's "Recep ... , Erdogan"); or, with the names known to the
  // dictionaries, the guest's name is an apposition of the host's.
  const std::string host = "Turkish President Recep Tayyip Erdogan hosted Hamas leader Ismail Haniyeh in Istanbul .";
  auto hosted_alone = Annotate(host);
  EXPECT_EQ(Arc(hosted_alone, "hosted"), "root(ROOT, hosted)");
  EXPECT_EQ(Word(hosted_alone, "hosted").xpos, "VBD");
  std::vector<Token> named;
  std::vector<uint8_t> known;
  {
    std::stringstream in(host);
    std::string w;
    while (in >> w) {
      named.emplace_back().form = w;
      known.push_back(w == "Recep" || w == "Tayyip" || w == "Erdogan" || w == "Hamas" || w == "Ismail" ||
                      w == "Haniyeh");
    }
  }
  model_->Annotate(named, {}, known);
  EXPECT_EQ(Arc(named, "hosted"), "root(ROOT, hosted)");
  EXPECT_EQ(Arc(named, "Ismail"), "obj(hosted, Ismail)");
  // A participle read as an adjective, its object as a conjunct with no
  // conjunction.
  auto wounded = Annotate("Hamas fighters wounded two Israeli soldiers .");
  EXPECT_EQ(Arc(wounded, "wounded"), "root(ROOT, wounded)");
  EXPECT_EQ(Arc(wounded, "soldiers"), "obj(wounded, soldiers)");
  // A name right after a preposition right after the participle.
  auto called_on = Annotate("Germany 's chancellor called on China to use its influence on Russia .");
  EXPECT_EQ(Arc(called_on, "called"), "root(ROOT, called)");
  EXPECT_EQ(Word(called_on, "called").xpos, "VBD");
  // But not a passive's agent.
  auto delivered_by = Annotate("Talk delivered by Haim Saban at the conference");
  EXPECT_EQ(Word(delivered_by, "delivered").xpos, "VBN");
  // A fragment with a finite verb keeps its participle.
  auto called = Annotate("It was the print called Cowboys and Indians .");
  EXPECT_EQ(Word(called, "called").xpos, "VBN");
}

// "fired tear gas": the tagger read "tear" as a present-tense verb and the
// parser made "tear gas at protesters" a clause under "fired".
TEST_F(EnglishModelTest, AVerbReadInsideACompoundNounIsANoun) {
  auto t = Annotate("Kenyan police fired tear gas at protesters in Nairobi .");
  EXPECT_EQ(Word(t, "tear").xpos, "NN");
  EXPECT_EQ(Word(t, "tear").upos, "NOUN");
  EXPECT_EQ(Arc(t, "tear"), "compound(gas, tear)");
  EXPECT_EQ(Arc(t, "gas"), "obj(fired, gas)");
  // With "tear" a noun the clause has no finite verb: a second round of
  // repairs finds "used" the verb.
  auto used = Annotate("Police used tear gas to disperse protesters in Nairobi .");
  EXPECT_EQ(Word(used, "used").xpos, "VBD");
  EXPECT_EQ(Arc(used, "used"), "root(ROOT, used)");
  // A verb after a verb with a subject of its own stays a verb.
  auto said = Annotate("The ministry said Israeli jets struck a convoy .");
  EXPECT_EQ(Word(said, "struck").xpos, "VBD");
}

// A "subject" with a preposition of its own is no subject: its verb is a
// reduced relative's participle.
TEST_F(EnglishModelTest, ASubjectWithAPrepositionIsNoSubject) {
  auto t = Annotate("Britain imposed sanctions on six Israeli settlers accused of violence against Palestinians .");
  EXPECT_EQ(Word(t, "accused").xpos, "VBN");
  EXPECT_EQ(Arc(t, "accused"), "acl(settlers, accused)");
  // Not where the past and the participle differ.
  auto knew = Annotate(
      "Lots of people in the CIA and divisions elsewhere in the US government knew all about the threat .");
  EXPECT_EQ(Word(knew, "knew").xpos, "VBD");
}

// A VBZ with a plural subject is a plural noun when it ends the object of a
// participle before it.
TEST_F(EnglishModelTest, APluralReadAsAVerbIsANoun) {
  auto t = Annotate("Mexican authorities extradited 29 cartel figures to the United States on Thursday .");
  EXPECT_EQ(Word(t, "figures").xpos, "NNS");
  EXPECT_EQ(Word(t, "extradited").xpos, "VBD");
  EXPECT_EQ(Arc(t, "extradited"), "root(ROOT, extradited)");
  EXPECT_EQ(Arc(t, "figures"), "obj(extradited, figures)");
  // A preposition between them: the VBZ is a verb ("leads" with its own
  // subject, "treatment").
  auto leads = Annotate("Parents prosecuted after homeopathic treatment leads to daughter 's death");
  EXPECT_EQ(Word(leads, "leads").xpos, "VBZ");
}

// A sentence of eight words or more that the tagger leaves with no finite
// verb gets one, where a verb form's finite tag scored close enough: the
// headline "Russia and Ukraine complete ..." had "complete" an adjective
// and no verb at all. A noun never yields ("drones" in "Turkish drones
// struck ..."), and a short fragment keeps its tags.
TEST_F(EnglishModelTest, ASentenceWithNoFiniteVerbGetsOne) {
  auto t = Annotate("Russia and Ukraine complete largest prisoner swap of the war");
  EXPECT_EQ(Word(t, "complete").xpos, "VBP");
  EXPECT_EQ(Word(t, "complete").upos, "VERB");
  EXPECT_EQ(Arc(t, "complete"), "root(ROOT, complete)");
  auto drones = Annotate("According to the observatory , Turkish drones struck Kurdish-led forces near Kobani .");
  EXPECT_NE(Word(drones, "drones").xpos, "VBZ");
  auto fragment = Annotate("Image : Twitter / Barack Obama .");
  for (const auto& w : fragment) EXPECT_NE(w.xpos.rfind("VB", 0), 0u) << w.form;
}

// Coordinated subjects joined by "and" with a hyphened participle before the
// second ("the Kurdish-led SDF") are one coordination.
TEST_F(EnglishModelTest, AHyphenedParticipleDoesNotBreakCoordinatedSubjects) {
  auto t = Annotate("The Syrian government and the Kurdish - led SDF clashed near the dam .");
  EXPECT_EQ(Arc(t, "SDF"), "conj(government, SDF)");
  EXPECT_EQ(Arc(t, "government"), "nsubj(clashed, government)");
}

// An unseen name is its own lemma (the suffix rules made "Moreau" "arreau").
TEST_F(EnglishModelTest, AnUnseenNameIsItsOwnLemma) {
  auto t = Annotate("Curator Jean Moreau said the gallery had received the photographs .");
  EXPECT_EQ(Word(t, "Moreau").xpos, "NNP");
  EXPECT_EQ(Word(t, "Moreau").lemma, "Moreau");
}

// Word salad made of the words the repairs look for: every sentence still
// gets one tree (one root labelled root, no cycles), whatever the rules did.
TEST_F(EnglishModelTest, RepairsKeepATree) {
  const std::vector<std::string> vocab = {"Israel", "Hamas",    "said",   "killed",    "at",      "least",  "30",
                                          "people", ",",        "which",  "who",       "has",     "have",   "been",
                                          "According", "to",    "the",    "army",      "urged",   "parties", "return",
                                          "police", "detained", "struck", "officials", "and",     "in",     "Gaza",
                                          ".",      "shot",     "down",   "drones",    "that",    "Israeli", "agreed",
                                          "promised", "elections", "negotiators", "fired", "tear", "gas", "on", "accused", "29", "figures"};
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<Token> t(1 + rng() % 40);
    for (Token& k : t) k.form = vocab[rng() % vocab.size()];
    model_->Annotate(t);
    const int32_t n = static_cast<int32_t>(t.size());
    int roots = 0;
    for (int32_t i = 0; i < n; ++i) {
      const Token& k = t[static_cast<size_t>(i)];
      ASSERT_TRUE(k.head >= 0 && k.head <= n && k.head != i + 1) << "trial " << trial << " word " << i + 1;
      roots += k.head == 0;
      EXPECT_EQ(k.head == 0, k.deprel == "root") << "trial " << trial << " word " << i + 1;
      int32_t at = i + 1;
      for (int32_t steps = 0; at != 0; ++steps) {
        ASSERT_LE(steps, n) << "cycle through word " << i + 1 << " in trial " << trial;
        at = t[static_cast<size_t>(at - 1)].head;
      }
    }
    EXPECT_EQ(roots, 1) << "trial " << trial;
  }
}

}  // namespace
}  // namespace parley::parse

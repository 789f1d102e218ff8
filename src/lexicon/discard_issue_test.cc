#include <gtest/gtest.h>

#include "lexicon/discard_list.h"
#include "lexicon/issue_list.h"

namespace parley::lexicon {
namespace {

std::string Hit(const DiscardList& d, std::string_view text) {
  auto h = d.Find(text);
  if (!h) return "-";
  return h->phrase + (h->whole_story ? " (story)" : "");
}

TEST(DiscardList, StemWholeWordAndStory) {
  DiscardList d;
  ASSERT_TRUE(d.LoadPetrarchText("# Story-level discards have a '+'\n"
                                 "+World Golf Championships   # pas\n"
                                 "+ World Golf Championships\n"
                                 "BASEBALL   \n"
                                 "GROUP A_\n"
                                 "MONTHS LATER\n",
                                 "t.discards")
                  .ok());
  EXPECT_EQ(d.size(), 4u);
  EXPECT_EQ(Hit(d, "He likes baseball."), "BASEBALL");
  EXPECT_EQ(Hit(d, "Baseballs were sold"), "BASEBALL");  // stem match
  EXPECT_EQ(Hit(d, "They played minibaseball"), "-");     // must start at a word start
  EXPECT_EQ(Hit(d, "(baseball) fans"), "BASEBALL");
  EXPECT_EQ(Hit(d, "In Group A, Spain won"), "GROUP A_");
  EXPECT_EQ(Hit(d, "In group   a"), "GROUP A_");
  EXPECT_EQ(Hit(d, "In group ab they"), "-");  // '_' = whole word
  EXPECT_EQ(Hit(d, "Months later, baseball at the WORLD GOLF CHAMPIONSHIPS"), "World Golf Championships (story)");
  EXPECT_EQ(Hit(d, "Peace talks resumed"), "-");
}

TEST(IssueList, ExpansionsCategoriesAndIgnorePhrases) {
  IssueList issues;
  ASSERT_TRUE(issues
                  .LoadPetrarchText("<ISSUE CATEGORY=\"ID_ATROCITY\" TYPE=\"ALL\">\n"
                                    "n:atrocity [ID_ATROCITY]\n"
                                    "ethnic v:purge [ID_ATROCITY]\n"
                                    "war n:crime [WAR_CRIME]\n"
                                    "pre+n:school [EARLY_EDUCATION]\n"
                                    "genocide\n"
                                    "~Saturday Night massacre\n"
                                    "~~Armenian genocide  # historical\n"
                                    "</ISSUE>\n"
                                    "orphan phrase\n",
                                    "t.issues")
                  .ok());
  using Counts = std::vector<std::pair<std::string, int>>;
  EXPECT_EQ(issues.Find("Atrocities and war crimes; an atrocity."),
            (Counts{{"ID_ATROCITY", 2}, {"WAR_CRIME", 1}}));
  EXPECT_EQ(issues.Find("They ethnic purged and ethnic purging"), (Counts{{"ID_ATROCITY", 2}}));
  EXPECT_EQ(issues.Find("pre-schools and pre school"), (Counts{{"EARLY_EDUCATION", 2}}));
  EXPECT_EQ(issues.Find("The genocide"), (Counts{{"ID_ATROCITY", 1}}));  // code from the category
  EXPECT_EQ(issues.Find("The Armenian genocide"), Counts{});              // ignore phrase cancels all
  EXPECT_EQ(issues.Find("genocides"), Counts{});                          // whole words only
  ASSERT_EQ(issues.warnings().size(), 1u);
  EXPECT_EQ(issues.warnings()[0],
            "t.issues:10: issue phrase has no code and no <ISSUE CATEGORY>; skipped: orphan phrase");
}

}  // namespace
}  // namespace parley::lexicon

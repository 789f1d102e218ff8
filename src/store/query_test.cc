#include "store/query.h"

#include <gtest/gtest.h>

namespace parley::store {
namespace {

TEST(Fts5QueryTest, QuotesEachWord) {
  struct Case {
    const char* text;
    const char* query;
  };
  const Case cases[] = {
      {"ceasefire", "\"ceasefire\""},
      {"Ceasefire talks", "\"Ceasefire\" \"talks\""},
      {"\"hostage\" OR deal*", "\"hostage\" \"OR\" \"deal\""},  // operators are words, quotes dropped
      {"Doha-based", "\"Doha\" \"based\""},
      {"  ", ""},
      {"Genève", "\"Genève\""},
  };
  for (const auto& c : cases) EXPECT_EQ(Fts5Query(c.text), c.query) << c.text;
}

TEST(BuildWhereTest, OneParameterPerValueInOrder) {
  EventFilter f;
  f.from = Date{2024, 7, 1};
  f.actor = "ISR";
  f.country = "PSE";
  f.root = "19";
  f.text = "air strike";
  auto sqlite = BuildWhere(Engine::kSqlite, f);
  ASSERT_TRUE(sqlite.ok());
  EXPECT_EQ(sqlite->sql,
            " WHERE e.row_day >= $1 AND ((e.source_code >= $2 AND e.source_code < $3) OR "
            "(e.target_code >= $4 AND e.target_code < $5)) AND (e.source_country = $6 OR e.target_country = $6) "
            "AND (e.code >= $7 AND e.code < $8) AND e.root = $9 AND e.sentence_key IN (SELECT rowid FROM sentences_fts "
            "WHERE sentences_fts MATCH $10)");
  ASSERT_EQ(sqlite->params.size(), 10u);
  EXPECT_EQ(std::get<int64_t>(sqlite->params[0]), 19905);
  EXPECT_EQ(std::get<std::string>(sqlite->params[2]), "ISS");
  EXPECT_EQ(std::get<std::string>(sqlite->params[9]), "\"air\" \"strike\"");
  auto pg = BuildWhere(Engine::kPostgres, f);
  ASSERT_TRUE(pg.ok());
  EXPECT_NE(pg->sql.find("plainto_tsquery('simple', $10)"), std::string::npos) << pg->sql;
  EXPECT_EQ(std::get<std::string>(pg->params[9]), "air strike");
}

TEST(BuildWhereTest, EmptyFilterHasNoWhere) {
  auto where = BuildWhere(Engine::kSqlite, {});
  ASSERT_TRUE(where.ok());
  EXPECT_EQ(where->sql, "");
  EXPECT_TRUE(where->params.empty());
}

}  // namespace
}  // namespace parley::store

// De-duplication across documents: the same event reported by several
// sentences and documents becomes one event that says how often it was
// reported (EventMetadata::num_mentions, num_sources, num_articles,
// documents), the way GDELT counts NumMentions / NumSources / NumArticles.
// Pure functions; thread-safe.
#ifndef PARLEY_PIPELINE_DEDUP_H_
#define PARLEY_PIPELINE_DEDUP_H_

#include <string>
#include <string_view>
#include <vector>

#include "parley/event.h"

namespace parley::pipeline {

struct DedupOptions {
  // Report lag: events whose dates differ by at most this many days merge
  // (a story told on Thursday and retold on Friday). 0 = same day only.
  int max_lag_days = 1;
};

// Events with the same (source code, target code, event code) whose dates
// (meta.event_date, else the sentence date) are at most `max_lag_days` after
// the earliest event of a group become one event:
//  - a group is anchored at its earliest date (no chaining: with lag 1, days
//    1, 2 and 3 give {1, 2} and {3});
//  - two events whose dates were both stated to the day
//    (DatePrecision::kDay) on different days never merge;
//  - an event that fits several groups joins the latest (the closest in
//    date); events with unknown dates merge only with each other;
//  - the kept event is the earliest (ties: the first in input order), with its
//    text, spans, pattern, issues and dates;
//  - num_mentions = distinct (document, sentence) pairs, num_articles =
//    distinct document ids, num_sources = distinct sources (SourceOf),
//    documents = the sorted distinct document ids;
//  - headline_mismatch stays set only when every supporting document's event
//    was flagged (one document with a matching headline vouches for it).
// The result keeps the input order of the kept events. Input counts are not
// summed: each input event counts as one mention.
std::vector<Event> Deduplicate(std::vector<Event> events, const DedupOptions& options = {});

// The news source behind a document id, for num_sources: the host of a URL
// id ("https://www.bbc.co.uk/news/x" → "bbc.co.uk", a leading "www." dropped);
// otherwise the id itself. Ids such as "sudan-geneva-2024-08-15" carry no
// reliable outlet name, so each such document counts as its own source.
std::string SourceOf(std::string_view doc_id);

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_DEDUP_H_

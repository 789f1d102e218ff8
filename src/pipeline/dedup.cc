#include "pipeline/dedup.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <utility>

namespace parley::pipeline {
namespace {

const Date& EventDate(const Event& e) { return e.meta.event_date.known() ? e.meta.event_date : e.date; }

// Days since 1970-01-01; a month or day of 0 (not stated) counts as the first.
int64_t DayNumber(const Date& d) { return d.DayNumber(); }

struct Cluster {
  size_t first;          // index of the kept event in the (sorted) input
  int64_t first_day = 0;
  bool known = false;    // whether the dates are known
  int day_date = 0;      // yyyymmdd of a kDay-precision member; 0 = none
  std::set<std::pair<std::string, int32_t>> mentions;
  std::set<std::string> documents, sources;
  bool all_flagged = true;
};

}  // namespace

std::string SourceOf(std::string_view doc_id) {
  size_t scheme = doc_id.find("://");
  if (scheme == std::string_view::npos || scheme == 0) return std::string(doc_id);
  std::string_view rest = doc_id.substr(scheme + 3);
  std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  host = host.substr(0, host.find(':'));
  if (host.empty()) return std::string(doc_id);
  std::string out(host);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (out.starts_with("www.")) out.erase(0, 4);
  return out;
}

std::vector<Event> Deduplicate(std::vector<Event> events, const DedupOptions& options) {
  // Visit events by (key, date, input position) so that each group's
  // earliest event comes first.
  std::vector<size_t> order(events.size());
  std::iota(order.begin(), order.end(), size_t{0});
  auto key = [&](size_t i) {
    const Event& e = events[i];
    const Date& d = EventDate(e);
    return std::tie(e.source.code, e.target.code, e.event.code, d);
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });

  std::vector<Cluster> clusters;
  size_t group_begin = 0;  // first cluster of the current (source, target, code) group
  const Event* previous = nullptr;
  for (size_t i : order) {
    const Event& e = events[i];
    if (previous == nullptr || previous->source.code != e.source.code ||
        previous->target.code != e.target.code || previous->event.code != e.event.code)
      group_begin = clusters.size();
    previous = &e;
    const Date& date = EventDate(e);
    const bool known = date.known();
    const int64_t day = known ? DayNumber(date) : 0;
    const int stated = e.meta.date_precision == DatePrecision::kDay && known ? date.ToInt() : 0;
    Cluster* into = nullptr;
    // Most recent first; every cluster here started on or before `day`.
    for (size_t c = clusters.size(); c-- > group_begin;) {
      Cluster& cl = clusters[c];
      if (cl.known != known) continue;
      if (known && day - cl.first_day > options.max_lag_days) break;
      if (stated != 0 && cl.day_date != 0 && cl.day_date != stated) continue;
      into = &cl;
      break;
    }
    if (into == nullptr) {
      clusters.push_back(Cluster{i, day, known, 0, {}, {}, {}, true});
      into = &clusters.back();
    }
    if (into->day_date == 0) into->day_date = stated;
    into->mentions.emplace(e.doc_id, e.sentence);
    into->documents.insert(e.doc_id);
    into->sources.insert(SourceOf(e.doc_id));
    into->all_flagged = into->all_flagged && e.meta.headline_mismatch;
  }

  std::sort(clusters.begin(), clusters.end(),
            [](const Cluster& a, const Cluster& b) { return a.first < b.first; });
  std::vector<Event> out;
  out.reserve(clusters.size());
  for (Cluster& cl : clusters) {
    Event e = std::move(events[cl.first]);
    e.meta.num_mentions = static_cast<int>(cl.mentions.size());
    e.meta.num_articles = static_cast<int>(cl.documents.size());
    e.meta.num_sources = static_cast<int>(cl.sources.size());
    e.meta.documents.assign(cl.documents.begin(), cl.documents.end());
    e.meta.headline_mismatch = cl.all_flagged;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace parley::pipeline

// `parley events --store URL [filters]`: the stored events a filter selects,
// newest first, as JSON Lines (docs/events.md) with each event's
// "sentence_text"; the total goes to stderr.
#include <cstdio>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "server/json_writer.h"
#include "store/store.h"

namespace parley::cli {
namespace {

struct EventsOptions {
  std::string store = "parley.db";
  std::string from, to;
  store::EventFilter filter;
  std::string bbox;
  size_t limit = 100;
  size_t offset = 0;
};

Status ParseDate(const std::string& text, const char* option, std::optional<Date>& out) {
  if (text.empty()) return Status::Ok();
  auto d = Date::Parse(text);
  if (!d.ok()) return Status::InvalidArgument(fmt::format("{} {}: {}", option, text, d.status().message()));
  out = *d;
  return Status::Ok();
}

Status ParseBbox(const std::string& text, std::optional<store::EventFilter::BoundingBox>& out) {
  if (text.empty()) return Status::Ok();
  store::EventFilter::BoundingBox box;
  const store::BoundingBoxError error = store::ParseBoundingBox(text, box);
  if (error != store::BoundingBoxError::kNone)
    return Status::InvalidArgument(fmt::format("--bbox {}: {}", text, store::BoundingBoxProblem(error)));
  out = box;
  return Status::Ok();
}

int RunEvents(EventsOptions o) {
  Status s = ParseDate(o.from, "--from", o.filter.from);
  if (s.ok()) s = ParseDate(o.to, "--to", o.filter.to);
  if (s.ok()) s = ParseBbox(o.bbox, o.filter.bbox);
  if (!s.ok()) {
    std::fprintf(stderr, "parley events: %s\n", s.message().c_str());
    return 2;
  }
  auto store = store::Store::Open(o.store);
  if (!store.ok()) {
    std::fprintf(stderr, "parley events: %s\n", store.status().ToString().c_str());
    return 1;
  }
  auto page = (*store)->Events(o.filter, o.limit, o.offset);
  if (!page.ok()) {
    std::fprintf(stderr, "parley events: %s\n", page.status().ToString().c_str());
    return page.status().code() == ErrorCode::kInvalidArgument ? 2 : 1;
  }
  for (const store::StoredEvent& e : page->events) {
    // The same record as the API's events, without the store id.
    server::JsonWriter out;
    server::AppendEventWithSentence(e.event, e.sentence_text, out);
    std::string line = out.Take();
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  std::fprintf(stderr, "parley events: %zu of %zu matching events\n", page->events.size(), page->total);
  return 0;
}

}  // namespace

Command RegisterEvents(CLI::App& app) {
  auto* cmd = app.add_subcommand("events", "Query stored events (JSON Lines on stdout, newest first)");
  auto o = std::make_shared<EventsOptions>();
  cmd->add_option("--store", o->store, "Store: a SQLite file (PATH or sqlite:PATH) or postgresql://...")
      ->capture_default_str();
  cmd->add_option("--from", o->from, "First date, YYYY-MM-DD (the event's date)");
  cmd->add_option("--to", o->to, "Last date, YYYY-MM-DD");
  cmd->add_option("--actor", o->filter.actor, "Either side's actor code prefix (ISR, ISRGOV)");
  cmd->add_option("--source", o->filter.source, "Source actor code prefix");
  cmd->add_option("--target", o->filter.target, "Target actor code prefix");
  cmd->add_option("--country", o->filter.country, "Either side's country (ISR)");
  cmd->add_option("--code", o->filter.code, "CAMEO event code prefix (04, 046)");
  cmd->add_option("--root", o->filter.root, "CAMEO root code (19)");
  cmd->add_option("--plover", o->filter.plover, "PLOVER event type (ASSAULT)");
  cmd->add_option("--quad", o->filter.quad_class, "QuadClass 1-4")->check(CLI::Range(1, 4));
  cmd->add_option("--bbox", o->bbox, "Place bounding box minlon,minlat,maxlon,maxlat");
  cmd->add_option("-q,--text", o->filter.text, "Words that must all occur in the event's sentence");
  cmd->add_option("--limit", o->limit, "Events to print (0: all)")->capture_default_str();
  cmd->add_option("--offset", o->offset, "Events to skip first")->capture_default_str();
  return {cmd, [o] { return RunEvents(*o); }};
}

}  // namespace parley::cli

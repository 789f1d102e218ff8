#include "pipeline/progress.h"

#include <unistd.h>

#include <map>

#include <fmt/format.h>

namespace parley::pipeline {
namespace {

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", GroupThousands(n), n == 1 ? one : many);
}

std::string Rate(size_t documents, double seconds) {
  return fmt::format("{:.1f} documents/s", static_cast<double>(documents) / seconds);
}

}  // namespace

std::string GroupThousands(size_t n) {
  std::string digits = fmt::format("{}", n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string FormatProgress(size_t documents, size_t events, double seconds) {
  std::string out = Plural(documents, "document", "documents");
  if (seconds > 0) out += ", " + Rate(documents, seconds);
  out += ", " + Plural(events, "event", "events");
  return out;
}

std::string FormatSummary(const RunSummary& s) {
  std::string out = fmt::format(
      "parley code: {} read, {} coded, {} skipped; {}; {}", Plural(s.documents_read, "document", "documents"),
      GroupThousands(s.documents_coded), GroupThousands(s.skipped.size()),
      Plural(s.sentences, "sentence", "sentences"), Plural(s.events, "event", "events"));
  if (s.deduplicated) out += fmt::format(", {} after de-duplication", GroupThousands(s.events_after_dedup));
  out += fmt::format("; {}; {:.2f} s", Plural(s.flagged.size(), "flagged headline", "flagged headlines"),
                     s.seconds);
  if (s.seconds > 0) out += ", " + Rate(s.documents_read, s.seconds);
  out += '\n';

  // Skipped records grouped by reason, in order of first appearance.
  std::vector<std::string> reasons;
  std::map<std::string, std::vector<std::string>> where;
  for (const io::SkippedRecord& r : s.skipped) {
    auto [it, added] = where.try_emplace(r.reason);
    if (added) reasons.push_back(r.reason);
    it->second.push_back(r.where);
  }
  constexpr size_t kMaxPlaces = 5;
  for (const std::string& reason : reasons) {
    const auto& places = where[reason];
    if (places.size() == 1) {  // as the readers report it: "  skipped a.jsonl:3: why"
      out += fmt::format("  skipped {}: {}\n", places[0], reason);
      continue;
    }
    out += fmt::format("  skipped {} records ({}): ", places.size(), reason);
    for (size_t i = 0; i < places.size() && i < kMaxPlaces; ++i) {
      if (i > 0) out += ", ";
      out += places[i];
    }
    if (places.size() > kMaxPlaces) out += fmt::format(" and {} more", places.size() - kMaxPlaces);
    out += '\n';
  }
  for (const FlaggedHeadline& f : s.flagged) {
    out += fmt::format("  headline mismatch: {}: ", f.doc_id);
    for (size_t i = 0; i < f.actors.size(); ++i) {
      if (i > 0) out += ", ";
      out += f.actors[i];
    }
    out += '\n';
  }
  return out;
}

bool ProgressLine::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

void ProgressLine::Update(size_t documents, size_t events) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  std::string line =
      FormatProgress(documents, events, std::chrono::duration<double>(now - start_).count());
  size_t width = line.size();
  if (width < width_) line.append(width_ - width, ' ');  // blank what a longer line left
  width_ = width;
  std::fprintf(out_, "\r%s", line.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressLine::Finish() {
  if (!drawn_) return;
  std::fprintf(out_, "\r%s\r", std::string(width_, ' ').c_str());
  std::fflush(out_);
  drawn_ = false;
  width_ = 0;
}

}  // namespace parley::pipeline

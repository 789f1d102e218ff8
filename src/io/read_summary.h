// What every document reader reports besides the documents themselves.
//
// Readers hand each good Document to a DocumentSink as soon as it is read and
// account for every input record: it is either delivered (counted in
// `documents`) or listed in `skipped` with where it was and why. Plain value
// types; thread-compatible.
#ifndef PARLEY_IO_READ_SUMMARY_H_
#define PARLEY_IO_READ_SUMMARY_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "parley/document.h"

namespace parley::io {

// An input record a reader did not deliver (or delivered only in part).
struct SkippedRecord {
  std::string where;   // "file.jsonl:17" or "file.xml:120 (id DEMO-03)"
  std::string reason;  // what is wrong, e.g. "\"date\" 2024-13-01 does not exist"

  // "file.jsonl:17: \"date\" 2024-13-01 does not exist"
  std::string ToString() const { return where + ": " + reason; }
};

struct ReadSummary {
  size_t documents = 0;                // documents handed to the sink
  std::vector<SkippedRecord> skipped;  // records not handed on, with why
  // Problems that did not cost a document (e.g. a PETRARCH <Parse> that did
  // not convert: the document is delivered unparsed). Listed, never silent.
  std::vector<SkippedRecord> warnings;
};

// Receives each document as it is read. Called on the reader's thread.
using DocumentSink = std::function<void(Document&&)>;

}  // namespace parley::io

#endif  // PARLEY_IO_READ_SUMMARY_H_

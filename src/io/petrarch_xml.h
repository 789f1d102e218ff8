// Reads PETRARCH / universal-PETRARCH XML records: the <Environment> (dictionary
// files, <Include> categories, <Config> options), then each <Sentence> with its
// expected codings (<EventCoding>), its <Text> and an optional <Parse> — either
// a Penn Treebank tree (converted by syntax::AppendPennSentence) or CoNLL-U
// lines (io::AppendConlluSentence). <Config> elements between sentences change
// the options for the records after them; a <Stop> element ends the records.
//
// A file that is not well-formed XML fails with "file.xml:LINE: ...". Within a
// well-formed file every <Sentence> is returned, even one without id or date or
// whose parse fails (see PetrarchRecord::error and parse_error), and each such
// record is also listed in the summary's `skipped` with where and why, so an
// evaluation can count it. Thread-compatible.
#ifndef PARLEY_IO_PETRARCH_XML_H_
#define PARLEY_IO_PETRARCH_XML_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "io/read_summary.h"
#include "parley/document.h"
#include "parley/status.h"

namespace parley::io {

// One expected event, as written in <EventCoding sourcecode targetcode eventcode>.
struct ExpectedEvent {
  std::string source, target, code;
};

struct PetrarchRecord {
  // id, date (from date="YYYYMMDD"), text = <Text> with whitespace runs made
  // single spaces and trimmed, and one parsed Sentence (index 0, id = record
  // id) when the <Parse> converts.
  Document doc;
  // category="..."; if absent source="..." (the UD file); else the id up to '-' or '_'.
  std::string category;
  std::vector<ExpectedEvent> expected;
  bool expects_no_events = false;  // <EventCoding noevents="True">
  std::string expected_error;      // <EventCoding error="..."> ("dateline", "bad_input_parse", ...)
  // The <Config option value> settings in force at this record: the
  // <Environment>'s, then every <Config> before it, in document order.
  std::map<std::string, std::string> config;
  bool has_parse = false;
  std::string parse_error;  // non-empty when <Parse> was present but did not convert
  std::string error;        // non-empty when the record lacks an id, a valid date or <Text>
  int line = 0;             // line of the <Sentence> element
};

struct PetrarchEnvironment {
  std::string verbfile, actorfile, agentfile, discardfile, issuefile;
  std::vector<std::string> include;  // <Include> categories, split on whitespace
  std::map<std::string, std::string> config;
};

struct PetrarchFile {
  PetrarchEnvironment environment;
  std::vector<PetrarchRecord> records;
  // documents: records with neither error nor parse_error; skipped: the
  // others, as "file.xml:LINE (id X)" and the reason; warnings: odd markup
  // that cost no record (a <Config> without option, records after <Stop>...).
  ReadSummary summary;
};

// Reads the file at `path`. Fails when it cannot be read or is not well-formed XML.
Result<PetrarchFile> ReadPetrarchXml(const std::string& path);
// The same for XML already in memory, named `name` in messages.
Result<PetrarchFile> ReadPetrarchXmlFromString(std::string_view content, const std::string& name);

// For ReadDocuments: hands each record's doc to `sink`. A record with an id
// and some text or parse is delivered even when its date or parse is bad (the
// document then has an unknown date or no tokens; a warning says why); the
// others are skipped. Fails only as ReadPetrarchXmlFromString does.
Status ReadPetrarchDocuments(std::string_view content, const std::string& name, const DocumentSink& sink,
                             ReadSummary& summary);

}  // namespace parley::io

#endif  // PARLEY_IO_PETRARCH_XML_H_

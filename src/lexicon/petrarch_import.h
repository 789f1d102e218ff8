// Converts PETRARCH/TABARI dictionaries into Parley's own format
// (docs/dictionary-format.md), as `parley dict import-petrarch` does.
//
// Actors, agents and discards are read with the PETRARCH readers and written
// back from what they compiled, so merges, duplicates, generated plurals and
// "!SET!" expansions come out exactly as the coder would have seen them.
// Verbs are converted line by line (the Parley verb reader feeds the same
// parser). Lines the PETRARCH readers skip are kept as comments. Plain
// functions; thread-compatible.
#ifndef PARLEY_LEXICON_PETRARCH_IMPORT_H_
#define PARLEY_LEXICON_PETRARCH_IMPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/parley_format.h"
#include "parley/status.h"

namespace parley::lexicon {

// The kind of a PETRARCH dictionary, from its file name: "*.actors.txt",
// "*agents*", "*discards*", "*verbs*" or "CAMEO.*"; nullopt for the others
// (issue lists, XML, ...).
std::optional<DictKind> GuessPetrarchKind(std::string_view file_name);

// Converts one PETRARCH file's text; `name` (the source file) is named in the
// output's comments. `notes` gets "name:line: ..." for every line or entry
// that could not be carried over (each also a warning of the PETRARCH reader).
std::string ImportPetrarch(DictKind kind, std::string_view text, const std::string& name,
                           std::vector<std::string>& notes);

}  // namespace parley::lexicon

#endif  // PARLEY_LEXICON_PETRARCH_IMPORT_H_

// The body of POST /api/documents and /api/code: Parley JSON Lines documents
// (one {"id","date","title","text","url"} object per line) or one JSON array
// of such objects. Both go through io::ReadJsonLines, so the API accepts and
// rejects exactly what `parley code` does. Stateless; thread-safe.
#ifndef PARLEY_SERVER_DOCUMENTS_BODY_H_
#define PARLEY_SERVER_DOCUMENTS_BODY_H_

#include <string_view>

#include "io/read_summary.h"
#include "parley/status.h"

namespace parley::server {

// Hands each good document to `sink`; a bad record (invalid JSON, missing
// "id" or "text", impossible date, repeated id) lands in `summary.skipped`
// as "request:N" (N = line, or array element counting from 1) with why.
// Fails only when the body is none of the two shapes: empty, or an array that
// is not valid JSON.
Status ReadDocumentsBody(std::string_view body, const io::DocumentSink& sink,
                         io::ReadSummary& summary);

}  // namespace parley::server

#endif  // PARLEY_SERVER_DOCUMENTS_BODY_H_

// Keeps the store's negotiations current: after an ingest that stored new
// documents, the tracker (tracker/negotiations.h) runs again over every stored
// event and the result replaces the stored negotiations, which GET
// /api/negotiations[/{id}] then serve without running the tracker.
//
// The tracker wants parsed documents. Documents with negotiation events
// (CAMEO roots 02, 03, 04, 05, 08, 10, 12) are read back from the store and
// parsed again; for the others (conflict only, shown as escalation) the
// sentences their events came from are enough. Thread-safe: refreshes are
// serialised, so the last one to finish saw every document stored before it.
#ifndef PARLEY_SERVER_NEGOTIATION_REFRESH_H_
#define PARLEY_SERVER_NEGOTIATION_REFRESH_H_

#include <mutex>
#include <string>

#include "coder/coder.h"
#include "parley/status.h"
#include "parse/model.h"
#include "store/store.h"

namespace parley::server {

class NegotiationRefresher {
 public:
  // REQUIRES: all three outlive the refresher.
  NegotiationRefresher(store::Store& store, const coder::Coder& coder, const parse::Model& model)
      : store_(store), coder_(coder), model_(model) {}

  // Runs the tracker over the store and replaces its negotiations. Returns
  // how many there are now.
  Result<size_t> Refresh();

 private:
  store::Store& store_;
  const coder::Coder& coder_;
  const parse::Model& model_;
  std::mutex mu_;
};

// The list entry for one stored negotiation: the tracker's full JSON cut down
// to {"id","parties","mediators","state","first_date","last_date","steps"},
// steps being the timeline's length. ParseError when `json` is not the
// tracker's object.
Result<std::string> NegotiationSummaryJson(const std::string& json);

}  // namespace parley::server

#endif  // PARLEY_SERVER_NEGOTIATION_REFRESH_H_

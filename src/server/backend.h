// What the API's handlers work with: the coder and parse model (shared,
// immutable; every request makes its own pipeline::DocumentCoder from them)
// and the event store. Thread-safe to share.
#ifndef PARLEY_SERVER_BACKEND_H_
#define PARLEY_SERVER_BACKEND_H_

#include <memory>
#include <optional>
#include <string>

#include "coder/coder.h"
#include "parley/status.h"
#include "parse/model.h"
#include "store/store.h"

namespace parley::server {

// Parley's own dictionaries and tagger/parser model, loaded once.
class CodingResources {
 public:
  // `model_path` as for pipeline::ResolveModelPath ("" = the default model).
  static Result<std::unique_ptr<CodingResources>> Load(const std::string& model_path);

  const coder::Coder& coder() const { return *coder_; }
  const parse::Model& model() const { return *model_; }

 private:
  CodingResources() = default;
  std::optional<coder::Coder> coder_;
  std::optional<parse::Model> model_;
};

struct Backend {
  const coder::Coder* coder = nullptr;
  const parse::Model* model = nullptr;
  store::Store* store = nullptr;  // thread-safe (store/store.h)
};

}  // namespace parley::server

#endif  // PARLEY_SERVER_BACKEND_H_

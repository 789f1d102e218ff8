// Status and Result<T>: how every Parley library call reports failure.
//
// Errors carry a stable code and a message that says where (file:line, record
// id) and what is wrong, e.g. "actors.txt:1203: date range 250120-210120 ends
// before it starts". No exceptions cross module boundaries. Thread-compatible.
#ifndef PARLEY_STATUS_H_
#define PARLEY_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace parley {

// Stable error codes; never renumber.
enum class ErrorCode : int {
  kOk = 0,
  kInvalidArgument = 1,  // caller passed something unusable
  kParseError = 2,       // input text is malformed
  kNotFound = 3,         // a file or entry does not exist
  kIoError = 4,          // reading or writing failed
  kUnsupported = 5,      // valid input we do not handle (yet)
  kInternal = 6,         // a bug in Parley
};

const char* ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {ErrorCode::kInvalidArgument, std::move(m)}; }
  static Status ParseError(std::string m) { return {ErrorCode::kParseError, std::move(m)}; }
  static Status NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {ErrorCode::kIoError, std::move(m)}; }
  static Status Unsupported(std::string m) { return {ErrorCode::kUnsupported, std::move(m)}; }
  static Status Internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "parse error: file.xml:12: <Sentence> has no date" or "OK".
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result needs a value or an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace parley

#endif  // PARLEY_STATUS_H_

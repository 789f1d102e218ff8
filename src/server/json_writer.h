// A small streaming JSON writer for API responses: it places the commas and
// colons, escapes strings per RFC 8259 (io::AppendJsonString, invalid UTF-8 →
// U+FFFD) and writes numbers in their shortest exact form, so a handler only
// says what goes where. Misuse (a value where a key is due) is a bug and
// asserts. Thread-compatible.
#ifndef PARLEY_SERVER_JSON_WRITER_H_
#define PARLEY_SERVER_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/event.h"
#include "store/store.h"

namespace parley::server {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Double(double value);  // null when not finite
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // A complete JSON value written elsewhere (e.g. by io::AppendEventJson).
  JsonWriter& Raw(std::string_view json);

  // Key(key) then the value.
  JsonWriter& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, const char* value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, int64_t value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, int value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, size_t value) {
    return Key(key).Int(static_cast<int64_t>(value));
  }
  JsonWriter& Field(std::string_view key, double value) { return Key(key).Double(value); }

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();

  std::string out_;
  // One entry per open container: true for objects. `need_comma_` says a
  // value was already written at this level; `after_key_` that a key awaits
  // its value.
  std::vector<bool> in_object_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

// {"error":"<message>"}
std::string ErrorJson(std::string_view message);

// The text of the sentence `event` came from ("" when `doc` lacks it).
std::string_view SentenceText(const Document& doc, const Event& event);

// The event as io::AppendEventJson writes it (docs/events.md) with
// "sentence_text" added as the last key.
void AppendEventWithSentence(const Event& event, std::string_view sentence_text, JsonWriter& out);

// A stored event as above, with its store id before "sentence_text" as
// "id": a decimal string, because the 63-bit id does not fit the numbers
// JavaScript reads exactly.
void AppendStoredEvent(const store::StoredEvent& event, JsonWriter& out);

}  // namespace parley::server

#endif  // PARLEY_SERVER_JSON_WRITER_H_

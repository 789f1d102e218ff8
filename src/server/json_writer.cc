#include "server/json_writer.h"

#include <cassert>
#include <cmath>

#include <fmt/format.h>

#include "io/event_writer.h"
#include "parley/document.h"

namespace parley::server {

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  assert((in_object_.empty() || !in_object_.back()) && "JSON object member needs a key");
  if (need_comma_) out_ += ',';
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  in_object_.push_back(true);
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  assert(!in_object_.empty() && in_object_.back() && !after_key_);
  out_ += '}';
  in_object_.pop_back();
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  in_object_.push_back(false);
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  assert(!in_object_.empty() && !in_object_.back());
  out_ += ']';
  in_object_.pop_back();
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  assert(!in_object_.empty() && in_object_.back() && !after_key_);
  if (need_comma_) out_ += ',';
  io::AppendJsonString(key, out_);
  out_ += ':';
  after_key_ = true;
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  io::AppendJsonString(value, out_);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t value) {
  BeforeValue();
  fmt::format_to(std::back_inserter(out_), "{}", value);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Double(double value) {
  if (!std::isfinite(value)) return Null();
  BeforeValue();
  out_ += io::FormatGoldstein(value);  // shortest decimal that reads back exactly
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_ += json;
  need_comma_ = true;
  return *this;
}

std::string ErrorJson(std::string_view message) {
  JsonWriter w;
  w.BeginObject().Field("error", message).EndObject();
  return w.Take();
}

std::string_view SentenceText(const Document& doc, const Event& event) {
  for (const Sentence& s : doc.sentences) {
    bool title = s.field == TextField::kTitle;
    if (title ? event.sentence != -1 : s.index != event.sentence) continue;
    const std::string& text = doc.TextOf(s);
    if (s.begin > s.end || s.end > text.size()) return {};
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  return {};
}

namespace {

// The event's JSON object left open, so the caller can add keys.
std::string OpenEventJson(const Event& event) {
  std::string json;
  io::AppendEventJson(event, json);
  // AppendEventJson ends the object with "}\n"; reopen it for more keys.
  while (!json.empty() && json.back() == '\n') json.pop_back();
  assert(!json.empty() && json.back() == '}');
  json.pop_back();
  return json;
}

void CloseWithSentence(std::string& json, std::string_view sentence_text, JsonWriter& out) {
  json += ",\"sentence_text\":";
  io::AppendJsonString(sentence_text, json);
  json += '}';
  out.Raw(json);
}

}  // namespace

void AppendEventWithSentence(const Event& event, std::string_view sentence_text, JsonWriter& out) {
  std::string json = OpenEventJson(event);
  CloseWithSentence(json, sentence_text, out);
}

void AppendStoredEvent(const store::StoredEvent& event, JsonWriter& out) {
  std::string json = OpenEventJson(event.event);
  fmt::format_to(std::back_inserter(json), ",\"id\":\"{}\"", event.id);
  CloseWithSentence(json, event.sentence_text, out);
}

}  // namespace parley::server

#include "io/petrarch_xml.h"

#include <algorithm>
#include <functional>
#include <utility>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "io/conllu.h"
#include "io/io_util.h"
#include "syntax/penn_to_ud.h"

namespace parley::io {
namespace {

using RecordSink = std::function<void(PetrarchRecord&&)>;

// Whitespace runs → one space; ends trimmed.
std::string NormalizeSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (IsAsciiSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// The element's character data (text and CDATA children, comments skipped) and
// the offset of its first piece, or -1.
std::string TextOf(pugi::xml_node node, ptrdiff_t* offset = nullptr) {
  std::string text;
  if (offset) *offset = -1;
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) continue;
    if (offset && *offset < 0) *offset = child.offset_debug();
    text += child.value();
  }
  return text;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

enum class ParseKind { kPenn, kConllu, kUnknown };

// '(' first → Penn; a first line (after "#" comments) of "ID<TAB>..." with a
// numeric ID (3, 3-4, 3.1) → CoNLL-U.
ParseKind DetectParseKind(std::string_view parse) {
  std::string_view t = TrimAscii(parse);
  if (t.starts_with('(')) return ParseKind::kPenn;
  size_t pos = 0;
  while (pos < t.size()) {
    size_t nl = t.find('\n', pos);
    std::string_view line = t.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? t.size() : nl + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\r')) line.remove_prefix(1);
    if (TrimAscii(line).empty() || line.starts_with('#')) continue;
    size_t i = 0;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    if (i == 0) return ParseKind::kUnknown;
    while (i < line.size() && ((line[i] >= '0' && line[i] <= '9') || line[i] == '-' || line[i] == '.')) ++i;
    return i < line.size() && line[i] == '\t' ? ParseKind::kConllu : ParseKind::kUnknown;
  }
  return ParseKind::kUnknown;
}

class Reader {
 public:
  Reader(std::string_view content, std::string name) : content_(content), name_(std::move(name)), lines_(content) {}

  // Walks the document in order; `on_record` gets each <Sentence>.
  Status Read(PetrarchFile& file, const RecordSink& on_record) {
    pugi::xml_document xml;
    pugi::xml_parse_result result =
        xml.load_buffer(content_.data(), content_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
      return Status::ParseError(fmt::format("{}:{}: not well-formed XML: {}", name_,
                                            lines_.LineOf(static_cast<size_t>(std::max<ptrdiff_t>(0, result.offset))),
                                            result.description()));
    }
    std::map<std::string, std::string> config;
    int stop_line = 0;
    size_t after_stop = 0;
    pugi::xml_node node = xml.first_child();
    while (node) {
      bool descend = false;
      if (node.type() == pugi::node_element) {
        std::string_view tag = node.name();
        if (tag == "Sentence") {
          if (stop_line) {
            ++after_stop;
          } else {
            PetrarchRecord record = ReadRecord(node, config, file.summary);
            on_record(std::move(record));
          }
        } else if (stop_line) {
          descend = true;  // only counting what the <Stop> leaves unread
        } else if (tag == "Environment") {
          ReadEnvironment(node, file.environment, file.summary);
          config = file.environment.config;
        } else if (tag == "Config") {
          ApplyConfig(node, config, file.summary);
        } else if (tag == "Stop") {
          stop_line = LineOf(node);
        } else {
          descend = true;
        }
      }
      if (descend && node.first_child()) {
        node = node.first_child();
        continue;
      }
      while (node && !node.next_sibling()) node = node.parent();
      if (node) node = node.next_sibling();
    }
    if (after_stop > 0)
      file.summary.warnings.push_back(
          {fmt::format("{}:{}", name_, stop_line),
           fmt::format("<Stop>: the {} <Sentence> record{} after it were not read", after_stop,
                       after_stop == 1 ? "" : "s")});
    return Status::Ok();
  }

 private:
  int LineOf(pugi::xml_node node) const {
    ptrdiff_t offset = node.offset_debug();
    return offset < 0 ? 0 : lines_.LineOf(static_cast<size_t>(offset));
  }

  void ApplyConfig(pugi::xml_node node, std::map<std::string, std::string>& config, ReadSummary& summary) {
    std::string option(TrimAscii(node.attribute("option").value()));
    if (option.empty()) {
      summary.warnings.push_back({fmt::format("{}:{}", name_, LineOf(node)), "<Config> without an option attribute; ignored"});
      return;
    }
    config[option] = std::string(TrimAscii(node.attribute("value").value()));
  }

  void ReadEnvironment(pugi::xml_node env, PetrarchEnvironment& out, ReadSummary& summary) {
    for (pugi::xml_node child : env.children()) {
      if (child.type() != pugi::node_element) continue;
      std::string_view tag = child.name();
      std::string value(TrimAscii(TextOf(child)));
      if (tag == "Verbfile") out.verbfile = value;
      else if (tag == "Actorfile") out.actorfile = value;
      else if (tag == "Agentfile") out.agentfile = value;
      else if (tag == "Discardfile") out.discardfile = value;
      else if (tag == "Issuefile") out.issuefile = value;
      else if (tag == "Config") ApplyConfig(child, out.config, summary);
      else if (tag == "Include") {
        std::string_view rest = value;
        while (!rest.empty()) {
          size_t end = 0;
          while (end < rest.size() && !IsAsciiSpace(rest[end])) ++end;
          out.include.emplace_back(rest.substr(0, end));
          rest = TrimAscii(rest.substr(end));
        }
      }
    }
  }

  PetrarchRecord ReadRecord(pugi::xml_node node, const std::map<std::string, std::string>& config,
                            ReadSummary& summary) {
    PetrarchRecord r;
    r.line = LineOf(node);
    r.config = config;
    r.doc.id = std::string(TrimAscii(node.attribute("id").value()));
    const std::string where = r.doc.id.empty() ? fmt::format("{}:{}", name_, r.line)
                                               : fmt::format("{}:{} (id {})", name_, r.line, r.doc.id);
    std::vector<std::string> problems;
    if (r.doc.id.empty()) problems.push_back("<Sentence> has no id");

    std::string_view date = TrimAscii(node.attribute("date").value());
    if (date.empty()) {
      problems.push_back("<Sentence> has no date");
    } else if (Result<Date> d = Date::Parse(date); d.ok()) {
      r.doc.date = *d;
    } else {
      problems.push_back(d.status().message());
    }

    if (pugi::xml_attribute a = node.attribute("category"); a) {
      r.category = TrimAscii(a.value());
    } else if (pugi::xml_attribute s = node.attribute("source"); s) {
      r.category = TrimAscii(s.value());
    } else {
      r.category = r.doc.id.substr(0, r.doc.id.find_first_of("-_"));
    }

    pugi::xml_node text, parse;
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      std::string_view tag = child.name();
      if (tag == "EventCoding") {
        if (EqualsIgnoreCase(TrimAscii(child.attribute("noevents").value()), "true")) r.expects_no_events = true;
        if (pugi::xml_attribute e = child.attribute("error"); e) r.expected_error = e.value();
        pugi::xml_attribute source = child.attribute("sourcecode"), target = child.attribute("targetcode"),
                            event = child.attribute("eventcode");
        if (source || target || event) r.expected.push_back({source.value(), target.value(), event.value()});
      } else if (tag == "Text" && !text) {
        text = child;
      } else if (tag == "Parse" && !parse) {
        parse = child;
      }
    }
    if (text) {
      r.doc.text = NormalizeSpace(TextOf(text));
    } else {
      problems.push_back("<Sentence> has no <Text>");
    }
    if (parse) ConvertParse(parse, where, r, summary);

    if (!problems.empty()) {
      for (size_t i = 0; i < problems.size(); ++i) r.error += (i ? "; " : "") + problems[i];
      summary.skipped.push_back({where, r.error});
    } else if (!r.parse_error.empty()) {
      summary.skipped.push_back({where, "<Parse> did not convert: " + r.parse_error});
    } else {
      ++summary.documents;
    }
    return r;
  }

  void ConvertParse(pugi::xml_node parse, const std::string& where, PetrarchRecord& r, ReadSummary& summary) {
    r.has_parse = true;
    ptrdiff_t offset = -1;
    std::string content = TextOf(parse, &offset);
    int first_line = offset < 0 ? LineOf(parse) : lines_.LineOf(static_cast<size_t>(offset));
    Document& doc = r.doc;
    size_t tokens_before = doc.tokens.size(), sentences_before = doc.sentences.size();
    Status status;
    switch (DetectParseKind(content)) {
      case ParseKind::kPenn: {
        std::string_view tree = TrimAscii(content);
        status = syntax::AppendPennSentence(tree, doc, TextField::kBody, 0);
        if (!status.ok()) status = Status(status.code(), fmt::format("{}:{}: {}", name_, first_line, status.message()));
        break;
      }
      case ParseKind::kConllu:
        status = AppendConlluSentence(content, BlockLocation{name_, first_line}, doc, TextField::kBody, 0);
        break;
      case ParseKind::kUnknown:
        status = TrimAscii(content).empty()
                     ? Status::ParseError(fmt::format("{}:{}: empty <Parse>", name_, first_line))
                     : Status::ParseError(fmt::format("{}:{}: <Parse> is neither a Penn Treebank tree nor CoNLL-U: {}",
                                                      name_, first_line, Quote(TrimAscii(content), 40)));
        break;
    }
    if (!status.ok()) {
      doc.tokens.resize(tokens_before);
      doc.sentences.resize(sentences_before);
      r.parse_error = status.message();
      return;
    }
    if (doc.sentences.size() == sentences_before) return;
    Sentence& sentence = doc.sentences.back();
    if (sentence.id.empty()) sentence.id = doc.id;
    if (doc.text.empty() && sentence.token_count > 0) {
      // No <Text> to align to (GigaWord's TEST_ records): the words, spaced, become the text.
      for (Token& t : doc.TokensOf(sentence)) {
        if (!doc.text.empty()) doc.text += ' ';
        t.begin = static_cast<uint32_t>(doc.text.size());
        doc.text += t.form;
        t.end = static_cast<uint32_t>(doc.text.size());
      }
      sentence.begin = 0;
      sentence.end = static_cast<uint32_t>(doc.text.size());
      summary.warnings.push_back({where, "empty <Text>; the text is rebuilt from the parse"});
    }
  }

  std::string_view content_;
  std::string name_;
  LineIndex lines_;
};

}  // namespace

Result<PetrarchFile> ReadPetrarchXmlFromString(std::string_view content, const std::string& name) {
  PetrarchFile file;
  Reader reader(content, name);
  Status status = reader.Read(file, [&](PetrarchRecord&& r) { file.records.push_back(std::move(r)); });
  if (!status.ok()) return status;
  return file;
}

Result<PetrarchFile> ReadPetrarchXml(const std::string& path) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ReadPetrarchXmlFromString(*content, DisplayName(path));
}

Status ReadPetrarchDocuments(std::string_view content, const std::string& name, const DocumentSink& sink,
                             ReadSummary& summary) {
  PetrarchFile file;  // environment and per-record accounting; records are streamed
  Reader reader(content, name);
  Status status = reader.Read(file, [&](PetrarchRecord&& r) {
    std::string where = r.doc.id.empty() ? fmt::format("{}:{}", name, r.line)
                                         : fmt::format("{}:{} (id {})", name, r.line, r.doc.id);
    if (r.doc.id.empty() || (r.doc.text.empty() && r.doc.sentences.empty())) {
      summary.skipped.push_back({where, r.error.empty() ? "<Sentence> has neither text nor parse" : r.error});
      return;
    }
    if (!r.error.empty()) summary.warnings.push_back({where, r.error});
    if (!r.parse_error.empty())
      summary.warnings.push_back({where, "<Parse> did not convert; the text is delivered unparsed: " + r.parse_error});
    ++summary.documents;
    sink(std::move(r.doc));
  });
  if (!status.ok()) return status;
  for (SkippedRecord& w : file.summary.warnings) summary.warnings.push_back(std::move(w));
  return Status::Ok();
}

}  // namespace parley::io

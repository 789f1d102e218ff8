#include "parse/wordnet.h"

#include <array>
#include <fstream>
#include <initializer_list>
#include <string_view>

namespace parley::parse {

Status ReadWordNetExceptions(const std::string& dir, const std::vector<std::string>& xpos_names,
                             std::vector<IrregularForm>& out) {
  struct List {
    const char* file;
    std::initializer_list<const char*> tags;
  };
  const std::array<List, 4> lists = {{{"verb.exc", {"VBD", "VBN", "VBZ", "VBG"}},
                                      {"noun.exc", {"NNS"}},
                                      {"adj.exc", {"JJR", "JJS"}},
                                      {"adv.exc", {"RBR", "RBS"}}}};
  for (const List& list : lists) {
    std::vector<int> tags;
    for (const char* name : list.tags)
      for (size_t i = 0; i < xpos_names.size(); ++i)
        if (xpos_names[i] == name) tags.push_back(static_cast<int>(i));
    const std::string path = dir + "/" + list.file;
    std::ifstream in(path);
    if (!in)
      return Status::NotFound(path + ": cannot open WordNet's exception list (install wordnet-base: "
                              "scripts/install-deps.sh)");
    std::string line;
    while (std::getline(in, line)) {
      const std::string_view text(line);
      const size_t space = text.find(' ');
      if (space == std::string_view::npos || space == 0) continue;
      const std::string_view form = text.substr(0, space);
      std::string_view lemma = text.substr(space + 1);
      lemma = lemma.substr(0, lemma.find(' '));
      if (lemma.empty() || form == lemma || form.find('_') != std::string_view::npos ||
          lemma.find('_') != std::string_view::npos)
        continue;
      for (int tag : tags) out.push_back({std::string(form), std::string(lemma), tag});
    }
  }
  return Status::Ok();
}

}  // namespace parley::parse

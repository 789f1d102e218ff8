#include "parley/document.h"

namespace parley {

bool Document::IsParsed() const {
  for (const Token& t : tokens)
    if (t.head < 0) return false;
  return true;
}

}  // namespace parley

// Splits a CAMEO actor code into GDELT-style actor fields: country, role/type
// codes ("sectors") and known group, using the country, region and role codes
// of dictionaries/cameo-codes.txt (compiled into the library).
//
// Conventions (GDELT Actor1CountryCode / Actor1KnownGroupCode / Type1-3Code):
//   "ISRGOVMIL" → country ISR, sectors GOVMIL
//   "---GOV"    → country "",  sectors GOV
//   "IGOUNO"    → country "",  sectors IGO, known_group UNO
//   "PSEREBHMS" → country PSE, sectors REB, known_group HMS
//   "NGOHRIAMN" → country "",  sectors NGOHRI, known_group AMN
// The country is the first 3 letters when they are a country or CAMEO region
// code (GDELT lists regions such as AFR among its country codes). The rest is
// read in 3-letter groups: role, actor-type, religion and ethnic codes, and
// countries or regions further in, go to `sectors`. The first other group is
// the known group, and any later group goes to `sectors` too, so no part of the
// code is lost. A quoted new actor ("\"THE MINISTRY OF MAGIC\""), an empty code
// and anything that is not letters, digits and '-' give only the name.
// Thread-safe.
#ifndef PARLEY_ENRICH_ACTOR_FIELDS_H_
#define PARLEY_ENRICH_ACTOR_FIELDS_H_

#include <string_view>

#include "parley/event.h"

namespace parley::enrich {

// `text` becomes ActorFields::name; for a quoted code with no text, the words
// between the quotes do.
ActorFields SplitActorCode(std::string_view code, std::string_view text);

// Whether `code` (3 letters) is a country or region code in
// dictionaries/cameo-codes.txt; IsCameoRoleCode: a role, actor-type, religion
// or ethnic code there ("GOV", "IGO", "MOS").
bool IsCameoCountryCode(std::string_view code);
bool IsCameoRoleCode(std::string_view code);

// The ISO 3166 name of a country code in dictionaries/cameo-codes.txt
// ("ISR" → "Israel"); "" for regions and unknown codes.
std::string_view CameoCountryName(std::string_view code);

}  // namespace parley::enrich

#endif  // PARLEY_ENRICH_ACTOR_FIELDS_H_

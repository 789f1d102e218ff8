#!/usr/bin/env python3
"""Writes dictionaries/countries.txt: every ISO 3166-1 country as a Parley actor.

Usage (from the repository root; python3 stdlib only):
    tools/gen-countries.py > dictionaries/countries.txt

Needs the Debian packages iso-codes and ruby-countries (scripts/install-deps.sh
installs both). Sources and licences: dictionaries/README.md. For each country:
its label (ISO common name, else the ISO name), the ISO official name, the
ruby-countries name, historical names from ISO 3166-3 for renamed states, the
nationality adjective (ruby-countries `nationality`) and its plural, and a few
hand-listed demonym nouns (DEMONYMS) and news names (NEWS_NAMES: "Britain",
"DR Congo", "Saudi"). ASCII spellings are added for names with
diacritics. The code is the ISO alpha-3 code unless CAMEO's countrynames.txt
(text_to_CAMEO) codes the country differently; then CAMEO's code is used.
"""
import argparse
import glob
import json
import os
import re
import sys
import unicodedata

# ISO 3166-3 entries that renamed a state which goes on under a current code:
# their names become names of the successor. (Mergers and splits, such as
# the USSR, get their own entries with their ISO 3166-3 code: SEPARATE.)
RENAMED = {"BUR": "MMR", "DHY": "BEN", "HVO": "BFA", "NHB": "VUT", "RHO": "ZWE", "TMP": "TLS",
           "ZAR": "COD", "BYS": "BLR", "AFI": "DJI"}
SEPARATE = {"SUN": ["Soviet Union", "USSR"], "DDR": ["East Germany"], "CSK": ["Czechoslovakia"],
            "YUG": ["Yugoslavia"], "SCG": [], "VDR": ["North Vietnam"], "YMD": ["South Yemen"],
            "ANT": [], "SKM": []}
# Demonym nouns that differ from the adjective (facts; hand-listed).
DEMONYMS = {
    "GBR": ["Briton", "Britons"], "DNK": ["Dane", "Danes"], "POL": ["Pole", "Poles"],
    "SWE": ["Swede", "Swedes"], "TUR": ["Turk", "Turks"], "FIN": ["Finn", "Finns"],
    "ESP": ["Spaniard", "Spaniards"], "NZL": ["New Zealander", "New Zealanders"],
    "FRA": ["Frenchman", "Frenchmen"], "NLD": ["Dutchman", "Dutchmen"], "PHL": ["Filipinos"],
    "ISL": ["Icelander", "Icelanders"], "LUX": ["Luxembourger", "Luxembourgers"],
    "IRL": ["Irishman", "Irishmen"], "CHE": ["Swiss"], "USA": ["U.S."],
    "ARE": ["Emirati", "Emiratis", "UAE"],
}
# Short names and demonyms that news uses and the sources lack (facts;
# hand-listed). "English" (the language) is left out. A word in double
# quotes matches only in capitals: "US", not the pronoun "us".
NEWS_NAMES = {
    "GBR": ["Britain", "Great Britain", "UK", "U.K."], "CIV": ["Ivory Coast"],
    "COD": ["DR Congo", "DRC", "Congo-Kinshasa"], "COG": ["Republic of Congo", "Congo-Brazzaville"],
    "MMR": ["Burma", "Burmese"], "NLD": ["Holland"], "BIH": ["Bosnia", "Bosnian", "Bosnians"],
    "VAT": ["Vatican", "the Vatican"], "USA": ["USA", "America", '"US"'], "SAU": ["Saudi", "Saudis"],
    "SRB": ["Serb", "Serbs"], "HRV": ["Croat", "Croats"], "KSV": ["Kosovar", "Kosovars"],
    "AZE": ["Azeri", "Azeris"], "KAZ": ["Kazakh", "Kazakhs"], "UZB": ["Uzbek", "Uzbeks"],
    "TJK": ["Tajik", "Tajiks"], "KGZ": ["Kyrgyz"], "ECU": ["Ecuadorian", "Ecuadorians"],
    "ARG": ["Argentine", "Argentines", "Argentinian", "Argentinians"], "ISL": ["Icelandic"],
    "SVN": ["Slovenian", "Slovenians"], "NPL": ["Nepali", "Nepalis"], "PSE": ["Gazan", "Gazans"],
    "PHL": ["Philippine"],
    # A breakaway state no ISO or CAMEO code names: coded as the country it
    # declared itself out of, as CAMEO codes such actors.
    "SOM": ["Somaliland"],
}
# Names the sources give one state that news uses for another (facts;
# hand-listed): wire copy (AP, Reuters) writes "Congo" for the Democratic
# Republic of the Congo and "Republic of Congo" for its neighbour.
NOT_NAMES = {"COG": ["Congo"]}
NEWS_NAMES["COD"] = NEWS_NAMES["COD"] + ["Congo"]
# A nationality shared by several states that news uses for one of them,
# as it does the bare name: "the Congolese army" is DR Congo's.
SHARED_NATIONALITY_IN_NEWS = {"Congolese": "COD"}
# ruby-countries nationalities corrected by hand (None: left out).
NATIONALITY = {"NER": "Nigerien", "VAT": None}
NO_PLURAL_ENDINGS = ("ese", "ish", "ss", "sh")
NO_PLURAL = {"Dutch", "French", "Swiss"}


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def plural(adj):
    if adj in NO_PLURAL or adj.endswith(NO_PLURAL_ENDINGS) or " " in adj:
        return None
    return adj + "s"


def readable(name):
    """ISO 'Iran, Islamic Republic of' → 'Islamic Republic of Iran'; '' when unusable."""
    if "(" in name:
        return ""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if tail.endswith((" of", " of the")) or (" " not in tail and tail not in ("Province",)):
        return f"{tail} {head}"
    return ""


def load_yaml_fields(path):
    """The few flat fields we need from a ruby-countries YAML file."""
    out = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"  (alpha3|name|nationality): (.*)$", line)
        if m:
            v = m.group(2).strip()
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
                v = v[1:-1]
            out[m.group(1)] = v
    return out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default="/usr/share/iso-codes/json")
    ap.add_argument("--ruby", default=None, help="ruby-countries data/countries folder")
    ap.add_argument("--cameo", default=os.path.join(root, "..", "shared", "data", "cameo"))
    a = ap.parse_args()
    if a.ruby is None:
        found = sorted(glob.glob("/usr/share/rubygems-integration/all/gems/countries-*/lib/countries/data/countries"))
        if not found:
            sys.exit("gen-countries: ruby-countries not installed (apt-get install ruby-countries)")
        a.ruby = found[-1]
    iso = json.load(open(os.path.join(a.iso, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    hist = json.load(open(os.path.join(a.iso, "iso_3166-3.json"), encoding="utf-8"))["3166-3"]
    ruby = {}
    for p in glob.glob(os.path.join(a.ruby, "*.yaml")):
        f = load_yaml_fields(p)
        if "alpha3" in f:
            ruby[f["alpha3"]] = f

    # CAMEO codes that differ from ISO, matched by name.
    by_name = {}
    for c in iso:
        for k in ("name", "common_name", "official_name"):
            if k in c:
                by_name[ascii_fold(c[k]).lower()] = c["alpha_3"]
    for c3, f in ruby.items():
        by_name.setdefault(ascii_fold(f.get("name", "")).lower(), c3)
    iso3s = {c["alpha_3"] for c in iso}
    historical = {ascii_fold(readable(h["name"]) or h["name"]).lower() for h in hist}
    historical |= {ascii_fold(h["name"]).lower() for h in hist}
    cameo = {}
    cameo_names = {}
    cow_state = set()
    cameo_only = []
    path = os.path.join(a.cameo, "countrynames.txt")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) < 3 or f[1] in ("---", ""):
                continue
            key = ascii_fold(f[0]).lower()
            if key in historical:
                continue
            iso3 = by_name.get(key) or (f[1] if f[1] in iso3s else None)
            if iso3 is None:
                if len(f[1]) == 3 and f[1] not in {h["alpha_3"] for h in hist}:
                    cameo_only.append((f[0], f[1]))  # Kosovo (KSV)
                continue
            if readable(f[0]) and key not in by_name:
                cameo_names.setdefault(iso3, []).append(readable(f[0]))
            if f[2] != "000":
                cow_state.add(iso3)
            if f[1] != iso3:
                cameo[iso3] = f[1]

    # Nationalities shared by several countries go to the one state among them
    # (Correlates of War code in countrynames.txt), else to none.
    nat_owners = {}
    for c in iso:
        n = NATIONALITY.get(c["alpha_3"], ruby.get(c["alpha_3"], {}).get("nationality"))
        if n:
            nat_owners.setdefault(n, []).append(c["alpha_3"])
    nationality = {}
    dropped = []
    for n, owners in nat_owners.items():
        if len(owners) == 1:
            nationality[owners[0]] = n
            continue
        if n in SHARED_NATIONALITY_IN_NEWS:
            nationality[SHARED_NATIONALITY_IN_NEWS[n]] = n
            continue
        states = [o for o in owners if o in cow_state]
        if len(states) == 1:
            nationality[states[0]] = n
        else:
            dropped.append(f"{n} ({', '.join(sorted(owners))})")

    out = []
    w = out.append
    w("# parley-dictionary: actors 1")
    w("# Countries of ISO 3166-1, generated by tools/gen-countries.py; do not edit")
    w("# (hand-written additions go in metonyms.txt). Sources and licences: dictionaries/README.md.")
    if dropped:
        w("# Nationalities shared by several states, left out: " + "; ".join(sorted(dropped)) + ".")
    taken = set()

    def block(label, names, code):
        seen = []
        for n in [label] + names:
            for v in (n, ascii_fold(n)):
                v = " ".join(v.split())
                if v and v.lower() not in [s.lower() for s in seen] and v.lower() not in taken:
                    seen.append(v)
        if not seen:
            return
        for s in seen:
            taken.add(s.lower())
        w("")
        w(f"[{seen[0]}]")
        for s in seen[1:]:
            w(f"names = {s}")
        w(f"code = {code}")

    for c in sorted(iso, key=lambda c: c.get("common_name", c["name"])):
        c3 = c["alpha_3"]
        label = c.get("common_name") or readable(c["name"]) or c.get("official_name") or c["name"]
        names = []
        for n in (readable(c["name"]), c.get("official_name"), ruby.get(c3, {}).get("name")):
            if n and readable(n):
                names.append(readable(n))
        names += cameo_names.get(c3, [])
        m = re.match(r"(.*) \((.*)\)$", c["name"])
        if m:
            names += [m.group(1), m.group(2)]
        for h in hist:
            if RENAMED.get(h["alpha_3"]) == c3:
                names.append(readable(h["name"]) or h["name"].split(",")[0])
        nat = nationality.get(c3)
        if nat:
            names.append(nat)
            if plural(nat):
                names.append(plural(nat))
        names += DEMONYMS.get(c3, [])
        names += NEWS_NAMES.get(c3, [])
        names = [n for n in names if n not in NOT_NAMES.get(c3, [])]
        if label in NOT_NAMES.get(c3, []):
            label = names[0]
        block(label, names, cameo.get(c3, c3))
    for name, code in cameo_only:
        block(name, NEWS_NAMES.get(code, []), code)
    for h in hist:
        if h["alpha_3"] in SEPARATE:
            n = readable(h["name"]) or h["name"].split(",")[0]
            names = SEPARATE[h["alpha_3"]] + [n] if SEPARATE[h["alpha_3"]] else [h["name"].split(",")[0], n]
            block(names[0], names[1:], h["alpha_3"])
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

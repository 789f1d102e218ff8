#!/usr/bin/env python3
"""Writes dictionaries/places.txt: place names coded to their country.

Usage (from the repository root; python3 stdlib only):
    tools/gen-places.py > dictionaries/places.txt

News names places as actors and targets ("strikes on Kharkiv", "fighting in
El Fasher"): CAMEO codes such a place as its country (UKR, SDN), as the
Phoenix dictionaries do. The places come from the project's gazetteer
(data/geo/gazetteer.tsv, GeoNames data CC BY 4.0, and data/geo/curated.tsv;
see data/geo/README.md):

- every curated area and place with a country (the Gaza Strip, Donbas, ...);
- ISO 3166-2 first-level regions;
- populated places of at least MIN_POPULATION people.

A name is left out when it could mislead the coder more than it helps:
- it is an ordinary English word in lower case in /usr/share/dict/words
  (Debian's wamerican: "mobile", "split", "reading");
- it is shorter than four letters;
- it names places in more than one country and the largest is not at least
  DOMINANCE times as populous as the largest elsewhere ("Tripoli" stays
  Libyan; a region counts as REGION_WEIGHT people, a curated area always
  wins);
- another Parley dictionary already has it (countries, capitals as
  governments in metonyms.txt, regions, people, organizations, agents).

Seas, gulfs and straits are written with code "---" (no country), and their
names are never coded as a namesake region: a country inside a sea's name is
no actor ("the Sea of Japan", "the Gulf of Oman"), and "the Red Sea" is not
Sudan's Red Sea state.
"""
import collections
import os
import re
import sys

MIN_POPULATION = 50000
DOMINANCE = 3
# A first-level region weighs as a middling city when names are ambiguous
# ("Gaza": the Palestinian city, not Mozambique's province).
REGION_WEIGHT = 100000
DICTIONARIES = ["countries.txt", "metonyms.txt", "regions.txt", "people.txt", "organizations.txt", "agents.txt"]


def key(name):
    return " ".join(name.replace("_", " ").split()).lower()


def existing_names(root):
    names = set()
    for f in DICTIONARIES:
        with open(os.path.join(root, "dictionaries", f), encoding="utf-8") as fh:
            for line in fh:
                line = line.split("#", 1)[0].strip()
                if line.startswith("[") and line.endswith("]"):
                    names.add(key(line[1:-1]))
                elif line.startswith("names") and "=" in line:
                    for n in line.split("=", 1)[1].split(";"):
                        if n.strip():
                            names.add(key(n))
    return names


def english_words(path="/usr/share/dict/words"):
    words = set()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for w in fh:
            w = w.strip()
            if w and w == w.lower():
                words.add(w.lower())
    return words


def curated_names(root):
    out = set()
    with open(os.path.join(root, "data/geo/curated.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            out.add(key(cols[0]))
    return out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    taken = existing_names(root)
    words = english_words()
    curated = curated_names(root)
    # name key -> list of (population, country, label, type)
    readings = collections.defaultdict(list)
    labels = {}
    aliases = collections.defaultdict(set)
    seas = collections.defaultdict(set)  # sea name -> its names
    with open(os.path.join(root, "data/geo/gazetteer.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9:
                continue
            name, alias_list, kind, country = cols[0], cols[1], cols[2], cols[3]
            population = int(cols[5] or 0)
            if kind == "sea":
                seas[name].update([name] + [a for a in alias_list.split(";") if a])
                continue
            if not country or kind == "country":
                continue
            wanted = (kind in ("area", "region") or key(name) in curated or
                      population >= MIN_POPULATION or (kind == "city" and cols[8] == "1"))
            names = [name] + [a for a in alias_list.split(";") if a]
            for n in names:
                k = key(n)
                # A reading counts for ambiguity even when it is not wanted.
                readings[k].append((population if kind == "city" else 10**9 if kind == "area" else REGION_WEIGHT,
                                    country, wanted))
                if wanted:
                    labels.setdefault((k, country), name)
                    aliases[(k, country)].add(n)
    chosen = collections.defaultdict(set)  # (label, country) -> names
    sea_keys = {key(n) for names in seas.values() for n in names}
    for name, names in seas.items():
        chosen[(name, "---")].update(n for n in names if key(n) not in taken)
    for k, rs in readings.items():
        if len(re.sub(r"[^a-z]", "", k)) < 4 or k in words or k in taken or k in sea_keys:
            continue
        if k.startswith("the "):
            bare = k[4:]
            if bare in words or bare in taken:
                continue
        best = {}
        for pop, country, wanted in rs:
            best[country] = max(best.get(country, -1), pop)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        country = ranked[0][0]
        if len(ranked) > 1 and ranked[0][1] < DOMINANCE * max(ranked[1][1], 1):
            continue
        if not any(w and c == country for _, c, w in rs):
            continue
        label = labels[(k, country)]
        chosen[(label, country)].update(n for n in aliases[(k, country)] if key(n) == k)
    out = sys.stdout
    out.write("# parley-dictionary: actors 1\n")
    out.write("# Generated by tools/gen-places.py from data/geo/gazetteer.tsv (GeoNames data,\n")
    out.write("# CC BY 4.0; curated areas: data/geo/curated.tsv); do not edit. A place named\n")
    out.write("# as an actor or target is coded as its country, as CAMEO does.\n")
    by_label = collections.defaultdict(list)
    written = set()
    for (label, country), names in chosen.items():
        # The label is also a name, so it must be one that was chosen.
        if key(label) not in {key(n) for n in names}:
            label = sorted(names)[0]
        by_label[label].append((country, names))
    for label in sorted(by_label, key=lambda s: (s.lower(), s)):
        for country, names in sorted(by_label[label], key=lambda cn: cn[0]):
            keys = sorted({key(n): n for n in sorted(names, reverse=True) if key(n) != key(label) and key(n) not in written}.values())
            if key(label) in written:
                continue
            written.add(key(label))
            written.update(key(n) for n in keys)
            out.write("\n[%s]\n" % label)
            if keys:
                out.write("names = %s\n" % "; ".join(keys))
            out.write("code = %s\n" % country)
            out.write("type = place\n")


if __name__ == "__main__":
    main()

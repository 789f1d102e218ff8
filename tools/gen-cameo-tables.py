#!/usr/bin/env python3
"""Writes data/cameo/cameo-events.tsv: CAMEO labels, QuadClass, Goldstein and PLOVER.

Usage (from the repository root; python3 stdlib only):
    tools/gen-cameo-tables.py            # writes data/cameo/cameo-events.tsv
    tools/gen-cameo-tables.py --check    # exits 1 if the committed table is stale

Sources (read only here; Parley needs none of them at run time):
  ../shared/data/cameo/CAMEO_codefile.txt  CAMEO 0.7b5 code labels (text_to_CAMEO, MIT,
      Philip Schrodt)
  ../shared/data/cameo/goldstein.tsv        Goldstein weights as published with GDELT
  ../shared/data/plover/CAMEO2PLOVER-2021.txt  CAMEO to PLOVER table, Open Event Data
      Alliance, CC BY-SA 4.0 (its columns are carried into the output, which is
      therefore CC BY-SA 4.0 too)
Every decision the script makes on top of the sources is in data/cameo/README.md.
"""
import argparse
import os
import re
import sys

# Obvious typos in CAMEO_codefile.txt (the ICEWS "LABELi" lines or the CAMEO
# manual spell them right). Each fix names the text it replaces, so a changed
# source fails loudly instead of being silently rewritten.
TYPO_FIXES = {
    "055": ("Apolgize", "Apologize"),
    "1051": ("Demand easing of adminstrative sanctions", "Demand easing of administrative sanctions"),
    "1444": ("Ostruct passage to demand change in institutions, regime",
             "Obstruct passage to demand change in institutions, regime"),
}

COLUMNS = ["code", "label", "root", "quad_class", "goldstein",
           "plover_type", "plover_mode", "plover_context"]


def quad_class(root):
    """CAMEO root → QuadClass, as GDELT 1.0/2.0 publishes it."""
    r = int(root)
    if 1 <= r <= 5:
        return 1  # verbal cooperation
    if 6 <= r <= 8:
        return 2  # material cooperation
    if 9 <= r <= 13:
        return 3  # verbal conflict
    if 14 <= r <= 20:
        return 4  # material conflict
    raise ValueError(f"root {root} outside 01-20")


def read_codebook(path):
    """{code: label} for the 20 roots and every 3- and 4-digit code."""
    labels = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        m = re.match(r"//(\d\d)[:=]\s*(.+)", line)
        if m:  # "//01: MAKE PUBLIC STATEMENT" heads a root
            text = m.group(2).strip()
            labels[m.group(1)] = text[:1] + text[1:].lower()
            continue
        # Plain LABEL lines only: "LABELi"/"LABELI" are ICEWS rewordings, and codes
        # with a letter ("0811i", "13y") are ICEWS variants, not CAMEO codes.
        m = re.match(r"LABEL:\s*(\d{3,4})=\s*(.*)", line)
        if m:
            labels[m.group(1)] = m.group(2).strip()  # a repeated code: the later line wins
    for code, (old, new) in TYPO_FIXES.items():
        if labels.get(code) != old:
            sys.exit(f"{path}: {code} is {labels.get(code)!r}, expected {old!r}; update TYPO_FIXES")
        labels[code] = new
    return labels


def read_goldstein(path):
    weights = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        f = line.rstrip("\n").split("\t")
        if n == 1 and f[0] == "CAMEOEVENTCODE":
            continue
        if len(f) != 2 or not re.fullmatch(r"\d{2,4}", f[0]):
            sys.exit(f"{path}:{n}: expected CODE<TAB>WEIGHT, got {line.rstrip()!r}")
        weights[f[0]] = float(f[1])
    return weights


def read_plover(path):
    """{code: (type, mode, context)} from "0841: RETREAT, release,   legal # comment"."""
    rows = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        m = re.match(r"(\d{3,4}):\s*([^#]*)", line)
        if not m:
            continue  # comments, "08: RETREAT" section heads, blank lines, "~~~~~"
        f = [x.strip() for x in m.group(2).split(",")]
        if len(f) != 3 or not re.fullmatch(r"[A-Z]+", f[0]):
            sys.exit(f"{path}:{n}: expected TYPE, mode, context, got {line.rstrip()!r}")
        context = ";".join(c.strip() for c in f[2].split(";") if c.strip())
        row = (f[0], f[1], context)
        if m.group(1) in rows and rows[m.group(1)] != row:
            sys.exit(f"{path}:{n}: {m.group(1)} mapped twice, differently")
        rows[m.group(1)] = row
    return rows


def fmt_weight(w):
    return f"{w:.1f}" if w is not None else ""


def build(args):
    labels = read_codebook(os.path.join(args.cameo, "CAMEO_codefile.txt"))
    weights = read_goldstein(os.path.join(args.cameo, "goldstein.tsv"))
    plover = read_plover(os.path.join(args.plover, "CAMEO2PLOVER-2021.txt"))
    for code in sorted(set(weights) - set(labels)):
        print(f"warning: goldstein.tsv has {code}, which the codebook lacks; skipped", file=sys.stderr)
    for code in sorted(set(plover) - set(labels)):
        print(f"warning: CAMEO2PLOVER has {code}, which the codebook lacks; skipped", file=sys.stderr)

    def parents(code):  # "0871" → "087", "08"; "087" → "08"; a root has none
        return [code[:n] for n in (3, 2) if n < len(code)]

    def plover_of(code):
        # A root takes its "xx0" code's mapping (xx0 is CAMEO's "not otherwise
        # specified" form of the root); a code the table lacks takes its parent's.
        # 01 and 02 are dropped by PLOVER and stay empty.
        if len(code) == 2:
            return plover.get(code + "0", ("", "", ""))
        for c in [code] + parents(code):
            if c in plover:
                return plover[c]
        return ("", "", "")

    def weight_of(code):
        for c in [code] + parents(code):
            if c in weights:
                if c != code:
                    print(f"note: {code} has no Goldstein weight; uses {c}'s {weights[c]}", file=sys.stderr)
                return weights[c]
        return None

    lines = [
        "# CAMEO event codes with QuadClass, Goldstein weight and PLOVER mapping.",
        "# Generated by tools/gen-cameo-tables.py; do not edit. Sources, licences and decisions:",
        "# data/cameo/README.md. The plover_* columns are from CAMEO2PLOVER-2021 by the Open Event",
        "# Data Alliance (https://github.com/openeventdata/PLOVER), CC BY-SA 4.0.",
        "\t".join(COLUMNS),
    ]
    for code in sorted(labels):
        root = code[:2]
        if root not in labels:
            sys.exit(f"code {code} has no root {root} in the codebook")
        row = [code, labels[code], root, str(quad_class(root)), fmt_weight(weight_of(code)),
               *plover_of(code)]
        if any("\t" in x or "\n" in x for x in row):
            sys.exit(f"code {code}: a field holds a tab or newline")
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n", len(labels)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = os.path.join(root, "..", "shared", "data")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cameo", default=os.path.join(shared, "cameo"))
    ap.add_argument("--plover", default=os.path.join(shared, "plover"))
    ap.add_argument("--out", default=os.path.join(root, "data", "cameo", "cameo-events.tsv"))
    ap.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = ap.parse_args()
    text, count = build(args)
    if args.check:
        old = open(args.out, encoding="utf-8").read() if os.path.exists(args.out) else ""
        if old != text:
            sys.exit(f"{args.out} is stale; run tools/gen-cameo-tables.py")
        print(f"{args.out}: up to date ({count} codes)", file=sys.stderr)
        return
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {args.out}: {count} codes", file=sys.stderr)


if __name__ == "__main__":
    main()

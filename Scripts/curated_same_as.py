#!/usr/bin/env python3
"""Map curated GPE ids (countries and cities) to the generated entities they absorb.

Reads Lexicons/generated/countries.jsonl (iso-codes, LGPL-2.1-or-later) and
Lexicons/generated/cities15000.jsonl (GeoNames, CC BY 4.0) and writes
Scripts/curated_same_as.tsv: ``curated_id<TAB>generated_id``, one pair a line, sorted by
curated id. The curated lexicon's ``same_as`` fields are filled from that file.

Countries map by ISO 3166-1 alpha-2 code. Cities map by (name, country): among the cities
of that country, those whose GeoNames ``name`` matches (ignoring case and diacritics) win
over those that only list the name among their alternates, and then the most populous one
wins. So Moscow is geonames-524901 (Moscow, RU), not Moscow, Idaho; New Delhi is
geonames-1261481, not Delhi, which lists "New Delhi" as an alternate name. Every match is
printed with its population so that it can be checked by eye.

Not mapped, on purpose: islamic-emirate-of-afghanistan (the Taliban state is its own curated
entity; the country is ``afghanistan`` -> iso3166-af), kurdistan-region (no ISO 3166-1
code), and the Afghan provinces (GeoNames' cities tables hold populated places, not
first-level divisions; a city of the same name, e.g. Farah, is a different entity).

Run from the repository root after the generators:

    python3 Scripts/curated_same_as.py
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATED = os.path.join(REPO_ROOT, "Lexicons", "generated")
OUTPUT = os.path.join(REPO_ROOT, "Scripts", "curated_same_as.tsv")

COUNTRIES = {
    "afghanistan": "af", "russia": "ru", "china": "cn", "united-states": "us", "iran": "ir",
    "pakistan": "pk", "iraq": "iq", "india": "in", "uzbekistan": "uz", "tajikistan": "tj",
    "turkmenistan": "tm", "kazakhstan": "kz", "kyrgyzstan": "kg", "turkey": "tr", "qatar": "qa",
    "saudi-arabia": "sa", "united-arab-emirates": "ae", "syria": "sy", "ukraine": "ua",
    "belarus": "by", "germany": "de", "france": "fr", "united-kingdom": "gb", "azerbaijan": "az",
}

# curated id -> (name as GeoNames spells it or an alternate of it, ISO alpha-2)
CITIES = {
    "moscow": ("Moscow", "ru"), "kabul": ("Kabul", "af"), "beijing": ("Beijing", "cn"),
    "erbil": ("Erbil", "iq"), "kandahar": ("Kandahar", "af"), "tashkent": ("Tashkent", "uz"),
    "tehran": ("Tehran", "ir"), "herat": ("Herat", "af"), "mazar-i-sharif": ("Mazar-e Sharif", "af"),
    "jalalabad": ("Jalalabad", "af"), "kunduz": ("Kunduz", "af"), "ghazni": ("Ghazni", "af"),
    "khost": ("Khost", "af"), "islamabad": ("Islamabad", "pk"), "peshawar": ("Peshawar", "pk"),
    "quetta": ("Quetta", "pk"), "karachi": ("Karachi", "pk"), "doha": ("Doha", "qa"),
    "dushanbe": ("Dushanbe", "tj"), "ashgabat": ("Ashgabat", "tm"), "astana": ("Astana", "kz"),
    "almaty": ("Almaty", "kz"), "bishkek": ("Bishkek", "kg"), "ankara": ("Ankara", "tr"),
    "istanbul": ("Istanbul", "tr"), "baghdad": ("Baghdad", "iq"), "new-delhi": ("New Delhi", "in"),
    "washington": ("Washington", "us"), "london": ("London", "gb"), "berlin": ("Berlin", "de"),
    "paris": ("Paris", "fr"), "geneva": ("Geneva", "ch"), "saint-petersburg": ("Saint Petersburg", "ru"),
    "kazan": ("Kazan", "ru"), "termez": ("Termez", "uz"), "riyadh": ("Riyadh", "sa"),
    "dubai": ("Dubai", "ae"),
}


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def load(name: str) -> list[dict]:
    with open(os.path.join(GENERATED, name), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main() -> int:
    countries = {e["iso3166"]["alpha2"].lower(): e for e in load("countries.jsonl")}
    cities = load("cities15000.jsonl")
    pairs = []
    for curated, alpha2 in COUNTRIES.items():
        entity = countries[alpha2]
        pairs.append((curated, entity["id"]))
        print(f"{curated}\t{entity['id']}\t{entity['name']}", file=sys.stderr)
    for curated, (name, country) in CITIES.items():
        key = fold(name)
        candidates = []
        for city in cities:
            if city.get("country") != country:
                continue
            primary = fold(city["name"]) == key
            if primary or any(fold(n) == key for n in city["names"]["und"]):
                candidates.append((not primary, -city["population"], city["geonames"], city))
        if not candidates:
            print(f"error: no city {name!r} in {country}", file=sys.stderr)
            return 1
        candidates.sort(key=lambda c: c[:3])
        best = candidates[0][3]
        others = ", ".join(f"{c[3]['id']} {c[3]['name']} {c[3]['population']}" for c in candidates[1:3])
        print(f"{curated}\t{best['id']}\t{best['name']} ({country}) pop {best['population']}"
              + (f"\t[also: {others}]" if others else ""), file=sys.stderr)
        pairs.append((curated, best["id"]))
    pairs.sort()
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("".join(f"{a}\t{b}\n" for a, b in pairs))
    print(f"{OUTPUT}: {len(pairs)} pairs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generate the country lexicon (Lexicons/generated/countries.jsonl) from Debian's iso-codes.

Source
    Debian package ``iso-codes`` (https://salsa.debian.org/iso-codes-team/iso-codes):
    ``/usr/share/iso-codes/json/iso_3166-1.json`` for the ISO 3166-1 codes and English
    names, and the gettext catalogs ``/usr/share/locale/<locale>/LC_MESSAGES/iso_3166-1.mo``
    for the translated names (read with Python's ``gettext`` module).
Licence
    iso-codes is LGPL-2.1-or-later; the generated file is derived from it and carries the
    same licence (see Lexicons/generated/README.md).

Output: one JSON object per line (JSONL), one entity per ISO 3166-1 country, sorted by id:

    {"id": "iso3166-af", "type": "GPE", "name": "Afghanistan",
     "names": {"en": ["Afghanistan", "Islamic Republic of Afghanistan"], "ru": [...], ...},
     "iso3166": {"alpha2": "AF", "alpha3": "AFG", "numeric": "004"}, "source": "iso-codes"}

``name`` is iso-codes' ``common_name`` where it has one (Iran, Syria, South Korea), else
``name``. ``names.en`` lists the display name, ``name``, ``official_name`` and ``common_name``
(deduplicated, in that order). For every other language, each of those English strings that
the catalog translates contributes its translation; all distinct translations are kept (also
those identical to the English name: German "Afghanistan" is a real German name),
deduplicated within the language. Strings the catalog does not translate are skipped
(gettext would return the English msgid). All names are NFC-normalised; Russian stress
marks (U+0301 after a Cyrillic letter, e.g. "Респу́блика") are removed, since the press
never writes them.

Locale directory names are converted to BCP 47 tags (see ``locale_to_bcp47``):

    ll            -> ll                 (ar, ru, fa, ps, ...)
    ll_CC         -> ll-CC              (pt_BR -> pt-BR, zh_CN -> zh-CN, zh_TW -> zh-TW,
                                         zh_HK -> zh-HK, bn_IN -> bn-IN)
    ll@latin      -> ll-Latn            (sr@latin -> sr-Latn, be@latin -> be-Latn;
                                         also the spelling sr@Latn)
    ll@cyrillic   -> ll-Cyrl            (uz@cyrillic -> uz-Cyrl)
    tt@iqtelif    -> tt-Latn            (İñtertat/Iqtelif is the Latin Tatar alphabet)
    ca@valencia   -> ca-valencia        (registered variant subtag)
    sr@ije        -> sr-ijekavsk        (registered variant subtag)
    en@shaw       -> en-Shaw            (Shavian script)
    mo            -> ro-Cyrl            ("mo" is deprecated in BCP 47; iso-codes' "mo"
                                         catalog is Moldovan in Cyrillic script)
    iw, in, ji    -> he, id, yi         (deprecated codes, if a catalog ever uses them)
    en@quot, en@boldquot                -> dropped (English with typographic quotes only)
    anything else with an unknown @modifier -> dropped, with a warning on stderr

Languages: only the catalogs of ``KEPT_LANGUAGES`` (the languages of the news Nomen is for
and the other large languages of world news). Other catalogs are skipped: their names are no
help on that news, and some are ordinary words of it (Franco-Provençal "Ende" for India is
German "end").

Quality filters (upstream translation errors; the tagger should not learn them):

- Catalogs listed in ``EXCLUDED_LOCALES`` are skipped: iso-codes 4.15's Amharic catalog
  is garbled (Ethiopia is "ጒት፥ጵ።" instead of "ኢትዮጵያ", China "ኂ፤ና" instead of "ቻይና").
- A translated name that one language gives to two or more different countries is dropped
  from all of them in that language (except the few in ``COLLISION_OWNERS``, checked by hand,
  which stay with their right owner), with a note on stderr. These are copy-paste errors
  in the catalogs (Crimean Tatar and Welsh give Afghanistan's official name as "Islamic
  Republic of Pakistan"; Persian gives "فلسطین" to Eritrea) or genuinely ambiguous short
  forms ("Congo"); either way the name cannot identify one country. The same string used
  by two *different* languages for different countries is kept.

Regenerate (from the repository root):

    python3 Scripts/generate_countries.py

Options: ``--json``, ``--locale-dir`` and ``--output`` override the default paths.
The output is deterministic for a given iso-codes version.
"""

from __future__ import annotations

import argparse
import gettext
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

DEFAULT_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_LOCALE_DIR = "/usr/share/locale"
DOMAIN = "iso_3166-1"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "Lexicons", "generated", "countries.jsonl")

# @modifier -> ("script", Xxxx) | ("variant", name) | None (drop the catalog)
MODIFIERS = {
    "latin": ("script", "Latn"),
    "Latn": ("script", "Latn"),
    "cyrillic": ("script", "Cyrl"),
    "Cyrl": ("script", "Cyrl"),
    "iqtelif": ("script", "Latn"),
    "shaw": ("script", "Shaw"),
    "valencia": ("variant", "valencia"),
    "ije": ("variant", "ijekavsk"),
    "quot": None,
    "boldquot": None,
}

# Deprecated ISO 639 codes -> (preferred language, implied script or None)
DEPRECATED_LANGUAGES = {
    "mo": ("ro", "Cyrl"),
    "iw": ("he", None),
    "in": ("id", None),
    "ji": ("yi", None),
}

# The languages whose names are kept: the languages of the news Nomen is for (the region's
# and the international press's), and the other large languages of world news. Catalogs of
# other languages are skipped: their names are no help on that news and some are ordinary
# words of it (Franco-Provençal "Ende" for India is German "end", Somali "Masar" for Egypt
# is part of Masar-e Scharif, Afrikaans "Pole" for Poland, Breton "Sina" for China).
KEPT_LANGUAGES = {
    # the region and the languages Nomen has rules or tests for
    "en", "ru", "uk", "be", "ar", "fa", "ps", "ur", "tr", "de", "fr", "zh", "hi", "bn",
    "uz", "kk", "ky", "tg", "tk", "az", "ckb", "kmr", "ug", "sd", "pa", "ne", "he", "ka", "hy", "mn",
    "as",  # Assamese: the Bengali script, and spellings Bengali writers share (আফগানিস্থান)
    # other large languages of world news
    "es", "it", "pt", "nl", "pl", "cs", "sk", "ro", "hu", "bg", "sr", "hr", "bs", "mk", "sl", "el",
    "sv", "da", "nb", "nn", "fi", "et", "lv", "lt", "ja", "ko", "id", "ms", "vi", "th", "ta", "te",
    "ml", "mr", "gu", "kn", "si", "my", "km", "sq",
}

# Locale directories whose iso_3166-1 catalog is unusable, with the reason.
EXCLUDED_LOCALES = {
    "am": "garbled text (Ethiopia = ጒት፥ጵ። rather than ኢትዮጵያ)",
}

BCP47_RE = re.compile(
    r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$"
)


def locale_to_bcp47(locale: str) -> str | None:
    """Convert a gettext locale directory name to a BCP 47 tag, or None to drop it."""
    base, _, modifier = locale.partition("@")
    language, _, region = base.partition("_")
    language = language.lower()
    script = None
    variants: list[str] = []
    if language in DEPRECATED_LANGUAGES:
        language, script = DEPRECATED_LANGUAGES[language]
    if modifier:
        if modifier not in MODIFIERS:
            print(f"warning: dropping locale {locale!r}: unknown modifier @{modifier}", file=sys.stderr)
            return None
        mapped = MODIFIERS[modifier]
        if mapped is None:
            return None
        kind, value = mapped
        if kind == "script":
            script = value
        else:
            variants.append(value)
    parts = [language]
    if script:
        parts.append(script)
    if region:
        parts.append(region.upper())
    parts.extend(variants)
    tag = "-".join(parts)
    if not BCP47_RE.match(tag):
        print(f"warning: dropping locale {locale!r}: {tag!r} is not a valid BCP 47 tag", file=sys.stderr)
        return None
    return tag


_CYRILLIC_STRESS_RE = re.compile(r"(?<=[\u0400-\u04FF])\u0301")


def clean(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    name = _CYRILLIC_STRESS_RE.sub("", unicodedata.normalize("NFD", name))
    name = unicodedata.normalize("NFC", name)
    return re.sub(r"\s+", " ", name)


def dedupe(items):
    seen = set()
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def load_catalogs(locale_dir: str) -> dict[str, list[dict[str, str]]]:
    """Return {bcp47 tag: [catalog dict, ...]} for every iso_3166-1 catalog found.

    Two locale directories may map to the same tag (e.g. sr@latin and sr@Latn); their
    catalogs are merged in sorted directory order.
    """
    catalogs: dict[str, list[dict[str, str]]] = {}
    pattern = os.path.join(locale_dir, "*", "LC_MESSAGES", DOMAIN + ".mo")
    for path in sorted(glob.glob(pattern)):
        locale = os.path.basename(os.path.dirname(os.path.dirname(path)))
        if locale in EXCLUDED_LOCALES:
            print(f"note: skipping locale {locale!r}: {EXCLUDED_LOCALES[locale]}", file=sys.stderr)
            continue
        tag = locale_to_bcp47(locale)
        if tag is None or tag == "en":
            continue
        if tag.split("-")[0] not in KEPT_LANGUAGES:
            print(f"note: skipping locale {locale!r}: not a language of the news Nomen is for", file=sys.stderr)
            continue
        with open(path, "rb") as handle:
            translations = gettext.GNUTranslations(handle)
        # gettext.gettext() returns the msgid itself for untranslated strings; the parsed
        # catalog tells "translated as the same text" apart from "not translated".
        catalog = {k: v for k, v in translations._catalog.items() if isinstance(k, str) and k and v}
        catalogs.setdefault(tag, []).append(catalog)
    return catalogs


def iso_codes_version() -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        return out or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def build(json_path: str, locale_dir: str) -> list[dict]:
    with open(json_path, encoding="utf-8") as handle:
        countries = json.load(handle)["3166-1"]
    catalogs = load_catalogs(locale_dir)
    entities = []
    for country in countries:
        entity_id = "iso3166-" + country["alpha_2"].lower()
        fields = [k for k in ("name", "official_name", "common_name") if k in country]
        msgids = [country[k] for k in fields]
        display = country.get("common_name", country["name"])
        names = {"en": dedupe(clean(n) for n in [display] + msgids)}
        for tag in sorted(catalogs):
            translated = []
            for catalog in catalogs[tag]:
                for field in fields:
                    if country[field] in catalog:
                        translated.append(clean(catalog[country[field]]))
            translated = dedupe(translated)
            if translated:
                names[tag] = translated
        entities.append({
            "id": entity_id,
            "type": "GPE",
            "name": clean(display),
            "names": names,
            "iso3166": {
                "alpha2": country["alpha_2"],
                "alpha3": country["alpha_3"],
                "numeric": country["numeric"],
            },
            "source": "iso-codes",
        })
    add_heads_before_brackets(entities)
    drop_within_language_collisions(entities)
    entities.sort(key=lambda e: e["id"])
    return entities


_TRAILING_BRACKET_RE = re.compile(r"^(?P<head>[^()]+?)\s*\([^()]+\)$")


def add_heads_before_brackets(entities: list[dict]) -> None:
    """Add the name a catalog writes before a closing parenthesis as a name of its own.

    Some catalogs give a country's name with a gloss or qualifier in brackets: Arabic
    "المجر (هنغاريا)" (Hungary), Polish "Palestyna (państwo)", English "Falkland Islands
    (Malvinas)". Written so, the name is never found in running text, where the press writes
    "المجر". The head is added unless the language writes it at the start of another country's
    name too (Kazakh "Корея (Солтүстік)" is North Korea, but "Корея" begins South Korea's
    name), in any language (Saint Martin's French part and the Dutch part share the head
    "Saint Martin" across catalogs): then the bracket is what tells the two apart.
    """
    def key(name: str) -> str:
        return re.sub(r"[\s\-]+", " ", name.casefold()).strip()

    # Compared across languages: Saint Martin's French part is "Saint Martin (…)" in one
    # catalog and the Dutch part "Saint-Martin (…)" in another.
    others: list[tuple[str, str]] = []
    for entity in entities:
        for names in entity["names"].values():
            for name in names:
                others.append((entity["id"], key(_TRAILING_BRACKET_RE.sub(r"\g<head>", name))))
    for entity in entities:
        for tag, names in entity["names"].items():
            heads = []
            for name in names:
                match = _TRAILING_BRACKET_RE.match(name)
                if not match:
                    continue
                head = clean(match.group("head"))
                folded = key(head)
                elsewhere = any(
                    owner != entity["id"] and (other == folded or other.startswith(folded + " "))
                    for owner, other in others
                )
                if head and not elsewhere:
                    heads.append(head)
            if heads:
                entity["names"][tag] = dedupe(names + heads)


# Names that a catalog gives to two countries, where one owner is certainly right (checked by
# hand): (tag, casefolded name) -> the country that keeps it. All other shared names are dropped.
COLLISION_OWNERS = {
    ("fa", "فلسطین"): "iso3166-ps",                     # Palestine; Eritrea's entry is wrong
    ("crh", "dominik cumhuriyeti"): "iso3166-do",        # Dominican Republic, not Dominica
    ("oc", "paraguai"): "iso3166-py",                    # Paraguay, not Nicaragua
    ("ga", "poblacht dhaonlathach an chongó"): "iso3166-cd",  # DR Congo, not Algeria
    ("kk", "орталық африка республикасы"): "iso3166-cf",  # Central African Republic, not Nepal
}


def drop_within_language_collisions(entities: list[dict]) -> None:
    """Resolve names that one language assigns to more than one country (see module doc).

    A shared name stays only with the owner named in ``COLLISION_OWNERS``; otherwise it is
    dropped from every country in that language.
    """
    owners: dict[tuple[str, str], set[str]] = {}
    for entity in entities:
        for tag, names in entity["names"].items():
            for name in names:
                owners.setdefault((tag, name.casefold()), set()).add(entity["id"])
    keep_for: dict[tuple[str, str], str | None] = {}
    for key, ids in sorted(owners.items()):
        if len(ids) < 2:
            continue
        winner = COLLISION_OWNERS.get(key)
        keep_for[key] = winner if winner in ids else None
        what = f"kept for {winner} only" if keep_for[key] else "dropped"
        print(f"note: {key[0]} name {key[1]!r} shared by {', '.join(sorted(ids))}: {what}", file=sys.stderr)
    for entity in entities:
        for tag in list(entity["names"]):
            kept = [
                n for n in entity["names"][tag]
                if keep_for.get((tag, n.casefold()), entity["id"]) == entity["id"]
            ]
            if kept:
                entity["names"][tag] = kept
            else:
                del entity["names"][tag]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", default=DEFAULT_JSON, help="iso_3166-1.json (default: %(default)s)")
    parser.add_argument("--locale-dir", default=DEFAULT_LOCALE_DIR, help="gettext locale root (default: %(default)s)")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="output JSONL (default: %(default)s)")
    args = parser.parse_args(argv)

    if not os.path.exists(args.json):
        print(f"{args.json}: error: not found (apt-get install iso-codes)", file=sys.stderr)
        return 66
    entities = build(args.json, args.locale_dir)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        for entity in entities:
            handle.write(json.dumps(entity, ensure_ascii=False, separators=(",", ":")) + "\n")
    os.replace(tmp, args.output)

    languages = sorted({tag for e in entities for tag in e["names"]})
    name_count = sum(len(v) for e in entities for v in e["names"].values())
    print(
        f"{args.output}: {len(entities)} entities, {name_count} names, {len(languages)} languages "
        f"(iso-codes {iso_codes_version()})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

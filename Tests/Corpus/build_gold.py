#!/usr/bin/env python3
"""Build the gold JSONL files of the multilingual test corpus from its marked-up sources.

Usage: python3 Tests/Corpus/build_gold.py [--check]

Reads Tests/Corpus/src/<lang>.txt and writes Tests/Corpus/<lang>.jsonl, one document a
line: {"id", "lang", "text", "entities": [{"start", "end", "text", "id", "type", ...}]}
with Unicode scalar offsets, end exclusive (what Python's str indexes), the layout that
`nomen evaluate --gold` and ../shared/tools/score.py read. With --check it writes
nothing and exits 1 when a committed .jsonl differs from what the sources give.

Source format: documents are separated by a line `=== DOC-ID`; the lines after it, up
to the next such line, are the document's text (trailing blank lines dropped).
A mention is marked `[[surface|entity-id]]`; `[[surface|entity-id|?]]` marks an
optional mention (neither missed when absent nor wrong when tagged). A `^` inside the
surface starts an alternative span running to the surface's end, accepted as well:
`[[Mawlawi ^Gul Hasan|gul-hasan]]`. Entity types come from the lexicons in
Lexicons/curated/, so a gold id the lexicons lack is an error here, not a silent miss.
"""
import glob
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MARK = re.compile(r"\[\[([^\]|]+)\|([a-z0-9-]+)(\|\?)?\]\]")


def entity_types():
    types = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "Lexicons", "curated", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
        for e in data.get("entities", []):
            types[e["id"]] = e["type"]
    return types


def parse_document(doc_id, lang, raw, types, errors):
    text, entities, pos = [], [], 0
    cursor = 0
    for m in MARK.finditer(raw):
        text.append(raw[cursor:m.start()])
        pos += m.start() - cursor
        surface, eid, optional = m.group(1), m.group(2), bool(m.group(3))
        alt = surface.find("^")
        clean = surface.replace("^", "")
        ent = {"start": pos, "end": pos + len(clean), "text": clean, "id": eid,
               "type": types.get(eid, "?")}
        if eid not in types:
            errors.append(f"{lang}:{doc_id}: unknown entity id {eid!r}")
        if alt >= 0:
            ent["alternatives"] = [[pos + alt, pos + len(clean)]]
        if optional:
            ent["optional"] = True
        entities.append(ent)
        text.append(clean)
        pos += len(clean)
        cursor = m.end()
    text.append(raw[cursor:])
    joined = "".join(text)
    if "[[" in joined or "]]" in joined:
        errors.append(f"{lang}:{doc_id}: unbalanced [[ ]] markup")
    for e in entities:
        assert joined[e["start"]:e["end"]] == e["text"]
    return {"id": doc_id, "lang": lang, "text": joined, "entities": entities}


def build(src, types, errors):
    lang = os.path.splitext(os.path.basename(src))[0]
    docs, doc_id, lines = [], None, []
    with open(src, encoding="utf-8") as f:
        content = f.read().splitlines()
    for line in content + ["=== <end>"]:
        if line.startswith("=== "):
            if doc_id is not None:
                while lines and not lines[-1].strip():
                    lines.pop()
                docs.append(parse_document(doc_id, lang, "\n".join(lines), types, errors))
            doc_id, lines = line[4:].strip(), []
        elif doc_id is not None:
            lines.append(line)
    return lang, docs


def main(argv):
    check = "--check" in argv
    types, errors, stale = entity_types(), [], []
    for src in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        lang, docs = build(src, types, errors)
        out = os.path.join(HERE, f"{lang}.jsonl")
        body = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
        if check:
            old = open(out, encoding="utf-8").read() if os.path.exists(out) else None
            if old != body:
                stale.append(out)
        else:
            with open(out, "w", encoding="utf-8") as f:
                f.write(body)
        print(f"{lang}: {len(docs)} documents, {sum(len(d['entities']) for d in docs)} mentions")
    for e in errors:
        print("error:", e, file=sys.stderr)
    for s in stale:
        print("stale:", s, "(run Tests/Corpus/build_gold.py)", file=sys.stderr)
    return 1 if errors or stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Score `nomen annotate` output against the benchmark gold (../shared/bench/gold.tsv).

    python3 Benchmarks/score_gold.py ANNOTATED.jsonl /tmp/bench-data/gold.tsv --n 10k [--json]

gold.tsv (written by ../shared/bench/gen_corpus.py) has one inserted mention a line:

    doc_id<TAB>start<TAB>end<TAB>row<TAB>entity_id<TAB>type

offsets in Unicode scalars into "text", end exclusive; `row` is the 0-based row in the
largest lexicon, so a mention counts for lexicon N when row < N.

ANNOTATED.jsonl is what `nomen annotate` writes: one line a document,
{"id": ..., "entities": [{"start", "end", "id", "match", ...}]} (scalar offsets, the default).

Entity ids: the bench lexicons use ids like E0000001; Nomen's ids are [a-z0-9-]+, and
`nomen lexicon import --from tsv` lower-cases them (e0000001). Gold ids are therefore
compared case-insensitively (--id-case exact turns that off).

Reports, over the documents of the gold file:
  - recall / precision of exact (doc id, start, end, entity id) matches: the headline;
  - the same for spans alone (doc id, start, end), which tells a wrong id from a miss;
  - false positives and misses broken down by Nomen's `match` kind, with a few examples.
Every predicted mention counts, whatever its `match` kind: a partial or fuzzy mention the
gold does not have is a false positive.
"""
import argparse
import collections
import json
import sys


def size_rows(label):
    label = label.strip().lower()
    if label.endswith("m"):
        return int(float(label[:-1]) * 1_000_000)
    if label.endswith("k"):
        return int(float(label[:-1]) * 1_000)
    return int(label)


def read_gold(path, n_rows, fold):
    gold = set()
    docs = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            did, s, e, row, eid, _typ = line.rstrip("\n").split("\t")
            docs.add(did)
            if int(row) < n_rows:
                gold.add((did, int(s), int(e), fold(eid)))
    return gold, docs


def read_predictions(path, fold):
    pred = {}
    docs = 0
    errors = 0
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            docs += 1
            if "error" in d:
                errors += 1
                continue
            did = d["id"]
            ids.add(did)
            for m in d.get("entities", []):
                key = (did, m["start"], m["end"], fold(m["id"]))
                # keep the first match kind seen for a key (duplicates are counted once)
                pred.setdefault(key, (m.get("match", "?"), m.get("text", "")))
    return pred, docs, errors, ids


def ratio(a, b):
    return a / b if b else 0.0


def score(pred_path, gold_path, n, id_case="lower", examples=5, only_annotated=False):
    fold = (lambda s: s.lower()) if id_case == "lower" else (lambda s: s)
    gold, gold_docs = read_gold(gold_path, size_rows(n), fold)
    pred, n_docs, n_errors, pred_docs = read_predictions(pred_path, fold)
    if only_annotated:
        gold = {k for k in gold if k[0] in pred_docs}
        gold_docs = gold_docs & pred_docs
    keys = set(pred)
    tp = keys & gold
    fp = keys - gold
    fn = gold - keys
    gold_spans = {k[:3] for k in gold}
    pred_spans = {k[:3] for k in keys}
    span_tp = gold_spans & pred_spans
    fp_by_kind = collections.Counter(pred[k][0] for k in fp)
    tp_by_kind = collections.Counter(pred[k][0] for k in tp)
    wrong_id = {k for k in fp if k[:3] in gold_spans}
    fp_examples = [dict(doc=k[0], start=k[1], end=k[2], id=k[3], match=pred[k][0], text=pred[k][1])
                   for k in sorted(fp)[:examples]]
    fn_examples = [dict(doc=k[0], start=k[1], end=k[2], id=k[3]) for k in sorted(fn)[:examples]]
    return dict(
        n=n, docs=n_docs, error_docs=n_errors, gold_docs=len(gold_docs),
        gold=len(gold), predicted=len(keys), tp=len(tp), fp=len(fp), fn=len(fn),
        recall=round(ratio(len(tp), len(gold)), 4), precision=round(ratio(len(tp), len(keys)), 4),
        span_recall=round(ratio(len(span_tp), len(gold_spans)), 4),
        span_precision=round(ratio(len(span_tp), len(pred_spans)), 4),
        fp_right_span_wrong_id=len(wrong_id),
        tp_by_match=dict(tp_by_kind.most_common()), fp_by_match=dict(fp_by_kind.most_common()),
        fp_examples=fp_examples, fn_examples=fn_examples,
    )


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("annotated", help="nomen annotate output (JSONL)")
    ap.add_argument("gold", help="gold.tsv from gen_corpus.py")
    ap.add_argument("--n", required=True, help="lexicon size label: 10k, 100k, 1m")
    ap.add_argument("--id-case", choices=("lower", "exact"), default="lower")
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--only-annotated-docs", action="store_true",
                    help="score only the documents in ANNOTATED (for a slice of the corpus)")
    ap.add_argument("--corpus", help="corpus.jsonl: print the text around the examples")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    a = ap.parse_args(argv)
    r = score(a.annotated, a.gold, a.n, a.id_case, a.examples, a.only_annotated_docs)
    if a.json:
        print(json.dumps(r, ensure_ascii=False))
        return
    print("lexicon %s: %d docs (%d errors), gold %d, predicted %d" % (
        r["n"], r["docs"], r["error_docs"], r["gold"], r["predicted"]))
    print("exact (doc, start, end, id): recall %.4f precision %.4f (tp %d, fp %d, fn %d)" % (
        r["recall"], r["precision"], r["tp"], r["fp"], r["fn"]))
    print("spans only (doc, start, end): recall %.4f precision %.4f; right span, wrong id: %d" % (
        r["span_recall"], r["span_precision"], r["fp_right_span_wrong_id"]))
    print("true positives by match: %s" % r["tp_by_match"])
    print("false positives by match: %s" % r["fp_by_match"])
    texts = {}
    if a.corpus:
        want = {x["doc"] for x in r["fp_examples"] + r["fn_examples"]}
        with open(a.corpus, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d["id"] in want:
                    texts[d["id"]] = d["text"]

    def context(x):
        t = texts.get(x["doc"])
        if t is None:
            return ""
        s, e = x["start"], x["end"]
        return "   …%s[%s]%s…" % (t[max(0, s - 40):s], t[s:e], t[e:e + 40])

    for x in r["fp_examples"]:
        print("  fp %s%s" % (json.dumps(x, ensure_ascii=False), context(x)))
    for x in r["fn_examples"]:
        print("  fn %s%s" % (json.dumps(x, ensure_ascii=False), context(x)))


if __name__ == "__main__":
    sys.exit(main())

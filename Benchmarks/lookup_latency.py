#!/usr/bin/env python3
"""Per-query latency of `nomen lookup`, one query at a time through a pipe.

    python3 Benchmarks/lookup_latency.py [--nomen .build/release/nomen] [--queries 2000]
                                         [--json-out FILE] [--config NAME=PATH[,PATH...]]...

For each lexicon configuration, starts `nomen lookup --format jsonl --lexicon ...` once and
writes one name, reads one line, writes the next: the time from writing a query to reading its
answer is the latency (a client that waits for each answer, not a batch). Reports p50, p90, p99,
max and mean in milliseconds, overall and by script, and the time to the first answer of a
process whose compiled index is already cached (`warm start`: process start + index load +
one query).

Default configurations (from the repository root):
  default              the shipped lexicons (Lexicons/DEFAULT)
  default+cities15000  plus Lexicons/generated/cities15000.jsonl (GeoNames, population >= 15,000)
  default+cities500    plus Lexicons/generated/cities500.jsonl, only when it exists; generate it
                       with `python3 Scripts/generate_cities.py --min-population 500`
                       (~235k cities, ~1.4M names; needs `pip install -r Scripts/requirements.txt`)

Queries (seeded, the same for every run): half are the `query` column of
Tests/LookupEval/queries.tsv (Latin, Cyrillic, Arabic script and Han spellings, romanisations,
honorifics, typos, distractors), half are names drawn from the configuration's JSONL lexicons
(every script their `names` hold). The first --warmup queries are not measured.

Compiled indexes are cached in --cache-dir (NOMEN_CACHE_DIR): the first process of a
configuration compiles and caches the index ("first start", reported but not part of the
latencies); the measured process loads it from the cache.
"""
import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def default_paths():
    lex = os.path.join(ROOT, "Lexicons")
    with open(os.path.join(lex, "DEFAULT"), encoding="utf-8") as f:
        rel = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    return [os.path.join(lex, r) for r in rel]


def configurations(extra):
    base = default_paths()
    gen = os.path.join(ROOT, "Lexicons", "generated")
    configs = [("default", base)]
    for name in ("cities15000", "cities500"):
        p = os.path.join(gen, name + ".jsonl")
        if os.path.exists(p):
            configs.append(("default+" + name, base + [p]))
    for spec in extra:
        name, _, paths = spec.partition("=")
        configs.append((name, [p for p in paths.split(",") if p]))
    return configs


def script_of(s):
    """The script of the first letter: Latin, Cyrillic, Arabic, Han, ... (Unicode name prefix)."""
    for ch in s:
        if ch.isalpha():
            try:
                n = unicodedata.name(ch)
            except ValueError:
                continue
            w = n.split()[0]
            if w == "CJK":
                return "Han"
            return w.capitalize()
    return "Other"


def eval_queries():
    out = []
    with open(os.path.join(ROOT, "Tests", "LookupEval", "queries.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if cols and cols[0]:
                out.append((cols[0], cols[1] if len(cols) > 1 else ""))
    return out


def lexicon_names(paths, limit_files_mb=None):
    """(name, entity id) of every name in the JSONL files among paths (folders: their .jsonl files)."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            for dp, _dn, fns in os.walk(p):
                files += [os.path.join(dp, fn) for fn in sorted(fns) if fn.endswith(".jsonl")]
        elif p.endswith(".jsonl"):
            files.append(p)
    names = []
    for fp in files:
        with open(fp, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                e = json.loads(line)
                for _lang, vs in (e.get("names") or {}).items():
                    for v in vs:
                        if isinstance(v, dict):
                            v = v.get("name") or v.get("text") or ""
                        if v and "\n" not in v and "\r" not in v:
                            names.append((v, e.get("id", "")))
    return names


def pct(xs, p):
    if not xs:
        return None
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def summary(lat):
    return dict(n=len(lat), p50_ms=round(pct(lat, 50), 3), p90_ms=round(pct(lat, 90), 3),
                p99_ms=round(pct(lat, 99), 3), max_ms=round(max(lat), 3),
                mean_ms=round(statistics.fmean(lat), 3))


class Lookup:
    def __init__(self, nomen, paths, env):
        argv = [nomen, "lookup", "--format", "jsonl", "--quiet"]
        for p in paths:
            argv += ["--lexicon", p]
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env, bufsize=0)
        # Queries go out unbuffered; answers are read through a buffer. (A raw pipe's
        # readline reads one byte a system call: about 0.6 ms for an answer of 1.5 kB,
        # which the latencies would count as nomen's.)
        self.out = io.BufferedReader(self.proc.stdout)

    def ask(self, q):
        t0 = time.perf_counter()
        self.proc.stdin.write((q + "\n").encode("utf-8"))
        line = self.out.readline()
        dt = time.perf_counter() - t0
        if not line:
            err = self.proc.stderr.read().decode("utf-8", "replace")
            raise RuntimeError("nomen lookup closed its output: " + err[-2000:])
        return dt, json.loads(line)

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        return self.proc.returncode


def measure(nomen, name, paths, nq, warmup, seed, env, evalq):
    rng = random.Random(seed)
    # first start: compiles and caches the index when the cache is cold
    t0 = time.perf_counter()
    lk = Lookup(nomen, paths, env)
    lk.ask("Kabul")
    first_start = time.perf_counter() - t0
    lk.close()

    lex = lexicon_names(paths)
    n_eval = nq // 2 if lex else nq
    qs = [("eval",) + evalq[rng.randrange(len(evalq))] for _ in range(n_eval)]
    qs += [("lexicon",) + lex[rng.randrange(len(lex))] for _ in range(nq - n_eval)]
    rng.shuffle(qs)
    warm = [("warmup",) + evalq[rng.randrange(len(evalq))] for _ in range(warmup)]

    t0 = time.perf_counter()
    lk = Lookup(nomen, paths, env)
    lk.ask("Kabul")
    warm_start = time.perf_counter() - t0
    for _src, q, _exp in warm:
        lk.ask(q)
    lat, by_script, by_source = [], {}, {}
    top1_ok = top1_n = matched_lex = echo_bad = 0
    slowest = []
    for src, q, expected in qs:
        dt, ans = lk.ask(q)
        ms = dt * 1000.0
        lat.append(ms)
        by_script.setdefault(script_of(q), []).append(ms)
        by_source.setdefault(src, []).append(ms)
        slowest.append((ms, q))
        if ans.get("query") != q:
            echo_bad += 1
        cands = ans.get("candidates") or []
        if src == "eval" and expected and expected != "-" and not expected.startswith("!"):
            top1_n += 1
            if cands and cands[0].get("id") == expected and cands[0].get("match"):
                top1_ok += 1
        if src == "lexicon" and any(c.get("match") for c in cands):
            matched_lex += 1
    rc = lk.close()
    slowest.sort(reverse=True)
    n_lex = len(by_source.get("lexicon", []))
    return dict(config=name, lexicons=[os.path.relpath(p, ROOT) for p in paths], lexicon_names=len(lex),
                first_start_s=round(first_start, 3), warm_start_s=round(warm_start, 3),
                warmup=warmup, overall=summary(lat),
                by_script={k: summary(v) for k, v in sorted(by_script.items(), key=lambda kv: -len(kv[1]))},
                by_source={k: summary(v) for k, v in by_source.items()},
                eval_top1=round(top1_ok / top1_n, 4) if top1_n else None, eval_top1_n=top1_n,
                lexicon_names_matched=round(matched_lex / n_lex, 4) if n_lex else None,
                echo_mismatches=echo_bad, exit_status=rc,
                slowest=[dict(ms=round(ms, 2), query=q) for ms, q in slowest[:8]])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nomen", default=os.path.join(ROOT, ".build", "release", "nomen"))
    ap.add_argument("--queries", type=int, default=2000, help="measured queries per configuration")
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--cache-dir", default="/tmp/nomen-bench/lookup-cache")
    ap.add_argument("--config", action="append", default=[], metavar="NAME=PATH[,PATH...]",
                    help="an extra lexicon configuration")
    ap.add_argument("--only", help="comma-separated configuration names to run")
    ap.add_argument("--json-out")
    a = ap.parse_args(argv)
    env = dict(os.environ, NOMEN_CACHE_DIR=a.cache_dir)
    os.makedirs(a.cache_dir, exist_ok=True)
    evalq = eval_queries()
    results = []
    for name, paths in configurations(a.config):
        if a.only and name not in a.only.split(","):
            continue
        sys.stderr.write("lookup latency: %s (%s)\n" % (name, ", ".join(os.path.relpath(p, ROOT) for p in paths)))
        r = measure(a.nomen, name, paths, a.queries, a.warmup, a.seed, env, evalq)
        o = r["overall"]
        sys.stderr.write("  first start %.2f s, warm start %.2f s; %d queries: p50 %.3f ms, p90 %.3f, p99 %.3f, "
                         "max %.2f, mean %.3f\n" % (r["first_start_s"], r["warm_start_s"], o["n"], o["p50_ms"],
                                                    o["p90_ms"], o["p99_ms"], o["max_ms"], o["mean_ms"]))
        for k, v in r["by_script"].items():
            sys.stderr.write("    %-10s n=%-5d p50 %.3f ms  p99 %.3f ms\n" % (k, v["n"], v["p50_ms"], v["p99_ms"]))
        results.append(r)
    cities500 = os.path.join(ROOT, "Lexicons", "generated", "cities500.jsonl")
    out = dict(date_utc=time.strftime("%Y-%m-%d %H:%M", time.gmtime()), nomen=a.nomen, queries=a.queries,
               seed=a.seed, cities500_present=os.path.exists(cities500), results=results)
    if a.json_out:
        with open(a.json_out, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write("\n")
    else:
        print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

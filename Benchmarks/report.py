#!/usr/bin/env python3
"""Write Benchmarks/RESULTS.md from the raw results of Benchmarks/compare.sh.

    python3 Benchmarks/report.py --raw WORK/nomen.jsonl --data DATA --peers WORK/peers.json \
        --lookup WORK/lookup.json --nomen .build/release/nomen --sizes "10k 100k" \
        --command "..." --started "..." --out Benchmarks/RESULTS.md

compare.sh calls it at the end; run it by hand to rewrite the markdown from the same raw files.
Inputs: the measurements compare.sh appended to nomen.jsonl (kind = floor, lexicon, annotate,
score), ../shared/bench/gen_corpus.py's manifest.json, anchors.py's results JSON (peers) and
lookup_latency.py's JSON. Missing inputs leave their sections out.
"""
import argparse
import json
import os
import platform
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The goals of issue 7 (at the 1M-name lexicon unless said otherwise).
GOAL_MBPS_1CORE = 40.0
GOAL_RATIO_1CORE = 2.0
GOAL_2CORE_SPEEDUP = 1.8
GOAL_LOAD_S = 0.5
GOAL_RSS_MB = 400.0
GOAL_COMPILE_S = 60.0
GOAL_QUALITY = 0.999
GOAL_LOOKUP_P50_MS = 0.2
GOAL_LOOKUP_P99_MS = 2.0


def size_rows(label):
    label = label.lower()
    if label.endswith("m"):
        return int(float(label[:-1]) * 1_000_000)
    if label.endswith("k"):
        return int(float(label[:-1]) * 1_000)
    return int(label)


def sh(argv):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        return ((r.stdout or "") + (r.stderr or "")).strip()
    except Exception:
        return ""


def first_line(s):
    return s.splitlines()[0] if s else ""


def cpuinfo_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def mem_gib():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 2 ** 20, 1)
    except OSError:
        pass
    return None


def os_name():
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.system()


def f(x, nd=2):
    if x is None:
        return "–"
    if isinstance(x, (int,)) and not isinstance(x, bool):
        return "{:,}".format(x)
    if abs(x) >= 100:
        return "{:,.0f}".format(x)
    if abs(x) >= 10 and nd > 1:
        return "%.1f" % x
    return ("%." + str(nd) + "f") % x


def ratio_str(a, b, nd=2):
    if a is None or b is None or b == 0:
        return "–"
    return ("%." + str(nd) + "f×") % (a / b)


def ok(cond):
    if cond is None:
        return "not measured"
    return "**met**" if cond else "**not met**"


def load_raw(path):
    floor, lex, ann, score, half, proto = None, {}, {}, {}, {}, {}
    if not os.path.exists(path):
        return floor, lex, ann, score, half, proto
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            k = r.get("kind")
            if k == "floor":
                floor = r
            elif k == "lexicon":
                lex[r["n"]] = r
            elif k == "annotate":
                ann[(r["n"], int(r["jobs"]))] = r
            elif k == "score":
                score[r["n"]] = r
            elif k == "half":
                half[r["n"]] = r
            elif k == "proto":
                proto[r["n"]] = r
    return floor, lex, ann, score, half, proto


def best_peers(ok_peers, n):
    """The peers at size n that a row compares with: the fastest tagger, the fastest end to end
    (load included), the quickest to load, the leanest, and the best recall + precision."""
    pe = [p for p in ok_peers if p["n"] == n]
    return (max(pe, key=lambda p: p["mbps"], default=None),
            max(pe, key=lambda p: p.get("mbps_incl_load") or 0, default=None),
            min(pe, key=lambda p: p.get("load_s") or 1e9, default=None),
            min(pe, key=lambda p: p.get("proc_maxrss_mb") or p.get("rss_peak_mb") or 1e9, default=None),
            max(pe, key=lambda p: ((p.get("recall") or 0) + (p.get("precision") or 0)), default=None))


def peer_cell(peer, value):
    """A peer named beside one of its figures ("ahocorasick-rs (47.3)"), or a dash."""
    return "%s (%s)" % (peer["tool"], value) if peer else "–"


def quality_cell(peer):
    """A peer's recall / precision with its name, or a dash."""
    return ("%s / %s (%s)" % (f(peer.get("recall"), 3), f(peer.get("precision"), 3), peer["tool"])) if peer else "–"


def peer_rows(path, sizes):
    if not path or not os.path.exists(path):
        return [], {}
    with open(path, encoding="utf-8") as fh:
        res = json.load(fh)
    rows = [t for t in res.get("taggers", []) if t.get("n") in sizes]
    rows.sort(key=lambda t: (t["tool"], size_rows(t["n"])))
    return rows, res.get("env", {})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--data", default="/tmp/bench-data")
    ap.add_argument("--peers")
    ap.add_argument("--lookup")
    ap.add_argument("--nomen", default=os.path.join(ROOT, ".build", "release", "nomen"))
    ap.add_argument("--sizes", default="10k 100k 1m")
    ap.add_argument("--command", default="Benchmarks/compare.sh")
    ap.add_argument("--started", default="")
    ap.add_argument("--out", default=os.path.join(ROOT, "Benchmarks", "RESULTS.md"))
    a = ap.parse_args()

    sizes = [s for s in a.sizes.replace(",", " ").split() if s]
    floor, lex, ann, score, half, proto = load_raw(a.raw)
    man = {}
    mp = os.path.join(a.data, "manifest.json")
    if os.path.exists(mp):
        with open(mp, encoding="utf-8") as fh:
            man = json.load(fh)
    corpus = man.get("corpus", {})
    text_bytes = corpus.get("text_bytes") or 50_001_873
    docs = corpus.get("docs") or 13973
    mb = text_bytes / 1e6
    peers, peer_env = peer_rows(a.peers, sizes)
    # Peers that do the same job (case-insensitive whole-word tagging, scored on the gold): the
    # grep/ripgrep rows of a reference results file count raw substrings and have no recall.
    ok_peers = [p for p in peers if p.get("status") == "ok" and p.get("mbps") and p.get("recall") is not None]
    for p in peers:  # older results files lack the end-to-end rate of the Python tools
        if p.get("status") == "ok" and not p.get("mbps_incl_load") and p.get("tag_s") and p.get("load_s") is not None:
            p["mbps_incl_load"] = round((p.get("text_bytes") or text_bytes) / 1e6 / (p["tag_s"] + p["load_s"]), 3)

    # derived Nomen numbers
    nomen = {}
    for n in sizes:
        L = lex.get(n)
        if not L:
            continue
        d = dict(lex=L, score=score.get(n), jobs={})
        for (nn, j), r in ann.items():
            if nn != n:
                continue
            wall = r["wall_s"]
            tag_s = max(1e-6, wall - L["load_s"])
            d["jobs"][j] = dict(r, mbps_e2e=mb / wall, mbps_tag=mb / tag_s, docs_per_s=docs / wall, tag_s=tag_s,
                               mbps_cpu=mb / max(1e-6, float(r.get("cpu_s") or 0) or wall))
        nomen[n] = d

    L_ = []
    w = L_.append
    w("# Benchmark results")
    w("")
    w("Generated by `Benchmarks/compare.sh` (see `Benchmarks/README.md` for the method). "
      "One run on one machine: numbers move with the code and with whatever else the machine does; "
      "compare rows of the same run.")
    w("")
    w("- **Command**: `%s` (from the repository root)" % a.command)
    w("- **Date**: %s to %s" % (a.started or "?", time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    try:
        load_avg = open("/proc/loadavg").read().split()[:3]
    except OSError:
        load_avg = []
    w("- **Machine**: %s, `nproc` %s, %s GiB RAM, %s, kernel %s; load average at the end %s" % (
        cpuinfo_model(), os.cpu_count(), mem_gib(), os_name(), platform.release(), " ".join(load_avg)))
    w("- **Versions**: %s; ICU %s (`pkg-config icu-uc`); %s; Python %s" % (
        first_line(sh(["swift", "--version"])), first_line(sh(["pkg-config", "--modversion", "icu-uc"])) or "?",
        first_line(sh([a.nomen, "--version"])) or "nomen ?", platform.python_version()))
    if floor and floor.get("nomen_sha"):
        w("- **Binary measured**: a copy of `%s` built %s, sha256 %s…" % (
            floor.get("nomen_src", ".build/release/nomen"), floor.get("nomen_built", "?"), floor["nomen_sha"]))
    if man:
        files = man.get("files", {})
        w("- **Data**: `../shared/bench/gen_corpus.py` seed %s in `%s`: %s docs, %.1f MB of UTF-8 text "
          "(corpus.jsonl %.1f MB), %s inserted mentions; corpus sha256 %s…, gold %s…" % (
              man.get("args", {}).get("seed"), a.data, f(docs), mb, files.get("corpus.jsonl", {}).get("bytes", 0) / 1e6,
              f(corpus.get("mentions", 0)), files.get("corpus.jsonl", {}).get("sha256", "?")[:12],
              files.get("gold.tsv", {}).get("sha256", "?")[:12]))
    if peer_env:
        w("- **Peers**: run by `../shared/bench/anchors.py` on %s UTC (%s)" % (
            peer_env.get("date_utc", "?"), ", ".join("%s %s" % (k, v) for k, v in sorted(
                (peer_env.get("packages") or {}).items()) if v and k in ("flashtext", "pyahocorasick", "ahocorasick-rs", "spacy"))))
    w("")

    # ---- headline ratios
    if nomen:
        w("## Nomen against the fastest peer")
        w("")
        w("MB = 10^6 bytes of document text (the peers' unit). Nomen's *tag MB/s* = text MB / (annotate wall "
          "time − index load time): it still includes reading and parsing the JSONL and writing the output "
          "JSONL, which the Python peers do not count (their tag time is a loop over texts already in memory). "
          "*Per CPU second* = text MB / (user + sys CPU time of the whole run, load included): with one job it is "
          "what the wall-clock figure would be on an idle core, so it is the steadier number when the machine is busy. "
          "*End to end* = text MB / whole run, load included, for Nomen and for each peer. "
          "Ratios are Nomen ÷ peer (above 1 = Nomen faster), except load and RSS (Nomen ÷ peer, below 1 = Nomen better). "
          "Each Nomen tagging figure is the run of median wall time of %s (`REPEAT`), as anchors.py times external "
          "commands; the Python peers run once each." % (
              next((("%d runs" % r["runs"]) for r in ann.values() if r.get("runs")), "one run")))
        w("")
        w("Peers compared: those scored on the gold (whole-word, case-insensitive taggers; grep and ripgrep rows are left out).")
        w("")
        w("| N | Nomen tag MB/s, 1 job | fastest peer (tag MB/s) | ratio | Nomen MB/s per CPU second, 1 job | Nomen end to end MB/s, 1 job | best peer end to end | ratio | Nomen 2 jobs tag MB/s (× 1 job) | Nomen load s | fastest peer load s | Nomen peak RSS MB, 1 job | lowest peer peak RSS MB | Nomen recall / precision | best peer recall / precision |")
        w("|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n in sizes:
            d = nomen.get(n)
            if not d:
                continue
            j1, j2 = d["jobs"].get(1), d["jobs"].get(2)
            fast, e2e, loadp, rssp, qual = best_peers(ok_peers, n)
            s = d["score"] or {}
            prss = (rssp.get("proc_maxrss_mb") or rssp.get("rss_peak_mb")) if rssp else None
            w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                n,
                f(j1["mbps_tag"]) if j1 else "–",
                peer_cell(fast, fast and f(fast["mbps"])),
                ratio_str(j1["mbps_tag"] if j1 else None, fast["mbps"] if fast else None),
                f(j1["mbps_cpu"]) if j1 else "–",
                f(j1["mbps_e2e"]) if j1 else "–",
                peer_cell(e2e, e2e and f(e2e.get("mbps_incl_load"))),
                ratio_str(j1["mbps_e2e"] if j1 else None, e2e.get("mbps_incl_load") if e2e else None),
                ("%s (%s)" % (f(j2["mbps_tag"]), ratio_str(j1["tag_s"], j2["tag_s"]))) if j1 and j2 else "–",
                f(d["lex"]["load_s"], 3),
                ("%s (%s)" % (f(loadp["load_s"], 3), loadp["tool"])) if loadp else "–",
                f(j1["rss_mb"], 0) if j1 else "–",
                ("%s (%s)" % (f(prss, 0), rssp["tool"])) if rssp else "–",
                "%s / %s" % (f(s.get("recall"), 4), f(s.get("precision"), 4)) if s else "–",
                quality_cell(qual)))
        w("")
        if not ok_peers:
            w("(No peer results in this run: `SKIP_PEERS=1` without an earlier `peers.json`, or no `PEERS_JSON`.)")
            w("")

    # ---- the peers' protocol
    if proto:
        w("## Nomen timed as the peers are timed")
        w("")
        w("`Benchmarks/Micro/PeerProtocol` (built and run by `compare.sh`) does what "
          "`anchors.py`'s `worker_tagger` does for each peer: *load* = reading the compiled index and "
          "making the tagger; *tag* = `Tagger.tag(_:)` over every document text already in memory, "
          "collecting (document, start, end) of each mention; reading and parsing corpus.jsonl is "
          "outside both timers and nothing is written. Recall and precision are of those spans against "
          "the gold, as anchors.py scores the peers. Nomen's whole pipeline runs, with the CLI's defaults.")
        w("")
        w("| N | Nomen tag MB/s | fastest peer (tag MB/s) | ratio | Nomen load s | Nomen end to end MB/s | best peer end to end | ratio | Nomen peak RSS MB | Nomen span recall / precision | best peer recall / precision |")
        w("|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|")
        for n in sizes:
            r = proto.get(n)
            if not r:
                continue
            fast, e2e, _, _, qual = best_peers(ok_peers, n)
            w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s |" % (
                n, f(r.get("mbps")),
                peer_cell(fast, fast and f(fast["mbps"])),
                ratio_str(r.get("mbps"), fast["mbps"] if fast else None),
                f(r.get("load_s"), 3), f(r.get("mbps_incl_load")),
                peer_cell(e2e, e2e and f(e2e.get("mbps_incl_load"))),
                ratio_str(r.get("mbps_incl_load"), e2e.get("mbps_incl_load") if e2e else None),
                f(r.get("rss_peak_mb"), 0), f(r.get("recall"), 4), f(r.get("precision"), 4),
                quality_cell(qual)))
        w("")
        w("Peak RSS here includes the corpus held in memory as Swift strings (about 50 MB of text), as "
          "the peers' figures include theirs.")
        w("")

    # ---- Nomen detail
    if nomen:
        w("## Nomen, per lexicon size")
        w("")
        if floor:
            w("Startup floor (a one-name index, empty input, median of %s): %s s, %s MB." % (
                next(iter(nomen.values()))["lex"].get("load_runs", "?"), f(floor["load_s"], 3), f(floor["rss_mb"], 0)))
            w("")
        w("| N | entities / names | import s | compile s | compile peak RSS MB | index MB | load s (median) | RSS after load MB | jobs | wall s | CPU s | end to end MB/s | tag MB/s | MB/s per CPU s | docs/s | peak RSS MB | output lines | same output as 1 job | load avg before |")
        w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
        for n in sizes:
            d = nomen.get(n)
            if not d:
                continue
            Lx = d["lex"]
            ents = (man.get("lexicon", {}).get(n, {}) or {}).get("entities")
            first = True
            for j in sorted(d["jobs"]):
                r = d["jobs"][j]
                lead = "| %s | %s / %s | %s | %s | %s | %s | %s | %s " % (
                    n, f(ents) if ents else "?", f(size_rows(n)), f(Lx["import_s"]), f(Lx["compile_s"]),
                    f(Lx["compile_rss_mb"], 0), f(Lx["index_bytes"] / 1e6, 1), f(Lx["load_s"], 3),
                    f(Lx["load_rss_mb"], 0)) if first else "| | | | | | | | "
                same = r.get("same_as_first")
                w(lead + "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                    j, f(r["wall_s"]), f(r["cpu_s"]), f(r["mbps_e2e"]), f(r["mbps_tag"]), f(r["mbps_cpu"]), f(int(round(r["docs_per_s"]))),
                    f(r["rss_mb"], 0), f(int(r["lines"])) + ("" if int(r["lines"]) == docs else " (expected %s)" % f(docs)),
                    "–" if same in ("", None) else ("yes" if same == 1 else "**no**"), r.get("loadavg_before", "–")))
                first = False
        w("")
        notes = {n: nomen[n]["lex"].get("note") for n in nomen if nomen[n]["lex"].get("note")}
        if notes:
            w("Import: " + "; ".join("%s: %s" % (n, v) for n, v in notes.items()) + ".")
            w("")
        bad = [(n, j) for n in nomen for j, r in nomen[n]["jobs"].items() if r.get("rc") not in (0, "0")]
        if bad:
            w("**annotate exited non-zero** for: " + ", ".join("%s --jobs %s (rc %s)" % (n, j, nomen[n]["jobs"][j]["rc"]) for n, j in bad))
            w("")

    # ---- growth with text size and lexicon size
    growth = [(n, half[n], ann.get((n, 1))) for n in sizes if n in half and ann.get((n, 1))]
    if growth:
        w("## Growth with text size and lexicon size")
        w("")
        w("`--jobs 1` on the first half of the corpus (by documents) and on the whole, per lexicon; times "
          "without the index load (its median above). Linear in the text: the whole takes twice the half "
          "(the *time ratio* near the *text ratio*). Flat in the lexicon: the rows differ little.")
        w("")
        w("| N | half: text MB | half: tag s | whole: text MB | whole: tag s | text ratio | time ratio | whole: tag MB/s |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|")
        for n, h, whole in growth:
            load = float(lex.get(n, {}).get("load_s") or 0)
            th = float(h["wall_s"]) - load
            tw = float(whole["wall_s"]) - load
            hb = int(h["text_bytes"])
            w("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                n, f(hb / 1e6, 1), f(th), f(text_bytes / 1e6, 1), f(tw), f(text_bytes / hb), f(tw / th if th > 0 else None),
                f(text_bytes / 1e6 / tw if tw > 0 else None, 1)))
        w("")

    # ---- quality
    if any(nomen[n]["score"] for n in nomen):
        w("## Quality against gold.tsv (`Benchmarks/score_gold.py`)")
        w("")
        w("Exact match of (document, start, end, entity id), offsets in Unicode scalars, over the gold mentions "
          "whose name is in lexicon N (the output of `--jobs 1`). *Spans* ignores the id. Every mention Nomen "
          "outputs counts, whatever its `match` kind.")
        w("")
        w("| N | gold | predicted | recall | precision | span recall | span precision | right span, wrong id | true positives by match | false positives by match |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
        for n in sizes:
            s = nomen.get(n, {}).get("score") if n in nomen else None
            if not s:
                continue
            w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                n, f(s["gold"]), f(s["predicted"]), f(s["recall"], 4), f(s["precision"], 4), f(s["span_recall"], 4),
                f(s["span_precision"], 4), f(s["fp_right_span_wrong_id"]),
                ", ".join("%s %s" % (k, f(v)) for k, v in s["tp_by_match"].items()) or "–",
                ", ".join("%s %s" % (k, f(v)) for k, v in s["fp_by_match"].items()) or "–"))
        w("")
        for n in sizes:
            s = nomen.get(n, {}).get("score") if n in nomen else None
            if s and (s.get("fn_examples") or s.get("fp_examples")):
                ex = ["missed %s %s–%s %s" % (x["doc"], x["start"], x["end"], x["id"]) for x in s.get("fn_examples", [])[:3]]
                ex += ["extra %s %s–%s %s “%s” (%s)" % (x["doc"], x["start"], x["end"], x["id"], x.get("text", ""), x["match"])
                       for x in s.get("fp_examples", [])[:3]]
                w("- %s: %s" % (n, "; ".join(ex)))
        w("")

    # ---- peers
    if peers:
        w("## Peers in this run (`../shared/bench/anchors.py`)")
        w("")
        w("Python tools: load = read TSV + build; tag = loop over in-memory texts (JSON parsing excluded). "
          "Tool definitions: `../shared/bench/ANCHORS.md`.")
        w("")
        w("| tool | N | load s | peak RSS MB | tag s | tag MB/s | MB/s incl. load | mentions | recall | precision | status |")
        w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for p in peers:
            if p.get("status") != "ok":
                w("| %s | %s | | | | | | | | | %s |" % (p["tool"], p["n"], p.get("status")))
                continue
            w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | ok |" % (
                p["tool"], p["n"], f(p.get("load_s"), 2), f(p.get("proc_maxrss_mb") or p.get("rss_peak_mb"), 0),
                f(p.get("tag_s")), f(p.get("mbps")), f(p.get("mbps_incl_load")), f(p.get("mentions")),
                f(p.get("recall"), 3), f(p.get("precision"), 3)))
        w("")

    # ---- lookup
    lk = None
    if a.lookup and os.path.exists(a.lookup):
        with open(a.lookup, encoding="utf-8") as fh:
            lk = json.load(fh)
    if lk and lk.get("results"):
        w("## Lookup latency (`Benchmarks/lookup_latency.py`, %s)" % lk.get("date_utc", "?"))
        w("")
        w("One `nomen lookup --format jsonl` process per configuration; one query written, its answer read, then "
          "the next (%s measured queries after %s warm-up ones; half from `Tests/LookupEval/queries.tsv`, half "
          "names drawn from the configuration's JSONL lexicons). *First start* compiles and caches the index; "
          "*warm start* = process start + cached index load + one query. *eval top-1* = share of the "
          "evaluation queries with an expected entity that got it first with `match: true`." % (
              lk.get("queries"), lk["results"][0].get("warmup")))
        w("")
        w("| lexicons | names in JSONL lexicons | first start s | warm start s | p50 ms | p90 ms | p99 ms | max ms | mean ms | by script: p50 / p99 ms | eval top-1 |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
        for r in lk["results"]:
            o = r["overall"]
            scripts = ["%s %s / %s (n %d)" % (k, f(v["p50_ms"], 2), f(v["p99_ms"], 2), v["n"])
                       for k, v in r["by_script"].items() if v["n"] >= 20]
            w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                r["config"], f(r["lexicon_names"]), f(r["first_start_s"]), f(r["warm_start_s"], 3), f(o["p50_ms"], 3),
                f(o["p90_ms"], 3), f(o["p99_ms"], 3), f(o["max_ms"]), f(o["mean_ms"], 3), "; ".join(scripts),
                f(r.get("eval_top1"), 3)))
        w("")
        slow = lk["results"][-1].get("slowest", [])[:5]
        if slow:
            w("Slowest queries (%s): %s" % (lk["results"][-1]["config"], "; ".join(
                "`%s` %s ms" % (x["query"], f(x["ms"])) for x in slow)))
            w("")
        if not lk.get("cities500_present"):
            w("`Lexicons/generated/cities500.jsonl` (the ~1.4M-name table the goal names) was not present; generate it "
              "with `python3 Scripts/generate_cities.py --min-population 500` and rerun to measure it.")
            w("")

    # ---- goals
    if nomen:
        w("## Goals of issue 7")
        w("")
        big = "1m" if "1m" in nomen else None
        d = nomen.get(big) if big else None
        j1 = d["jobs"].get(1) if d else None
        j2 = d["jobs"].get(2) if d else None
        fast = max([p for p in ok_peers if p["n"] == big], key=lambda p: p["mbps"], default=None) if big else None
        s = d["score"] if d else None
        w("| goal | measured | status |")
        w("|---|---|---|")
        w("| 1M names, 1 job: ≥ %.0f MB/s and ≥ %.0f× the fastest peer | %s | %s |" % (
            GOAL_MBPS_1CORE, GOAL_RATIO_1CORE,
            ("%s MB/s tag, %s the fastest peer (%s)" % (f(j1["mbps_tag"]), ratio_str(j1["mbps_tag"], fast["mbps"]) if fast else "?", fast["tool"] if fast else "no peer")) if j1 else "1m not measured",
            ok((j1["mbps_tag"] >= GOAL_MBPS_1CORE and (fast is None or j1["mbps_tag"] >= GOAL_RATIO_1CORE * fast["mbps"])) if j1 else None)))
        pr = proto.get(big) if big else None
        if pr:
            w("| the same, timed as the peers are (texts in memory, no JSONL) | %s | %s |" % (
                "%s MB/s tag, %s the fastest peer" % (f(pr.get("mbps")), ratio_str(pr.get("mbps"), fast["mbps"]) if fast else "?"),
                ok(pr.get("mbps", 0) >= GOAL_MBPS_1CORE and (fast is None or pr.get("mbps", 0) >= GOAL_RATIO_1CORE * fast["mbps"]))))
        # Tagging time, the index load left out: loading is one thread's work whatever --jobs says.
        w("| 2 jobs ≥ %.1f× 1 job (tag time, 1M) | %s | %s |" % (
            GOAL_2CORE_SPEEDUP,
            ("%s tag time (%s end to end, the load included)" % (ratio_str(j1["tag_s"], j2["tag_s"]), ratio_str(j1["wall_s"], j2["wall_s"])))
            if j1 and j2 else "1m not measured",
            ok((j1["tag_s"] / j2["tag_s"] >= GOAL_2CORE_SPEEDUP) if j1 and j2 else None)))
        w("| 1M index loads in ≤ %.1f s | %s | %s |" % (GOAL_LOAD_S, ("%s s" % f(d["lex"]["load_s"], 3)) if d else "1m not measured",
                                                          ok(d["lex"]["load_s"] <= GOAL_LOAD_S if d else None)))
        w("| peak RSS ≤ %.0f MB while tagging (1M) | %s | %s |" % (GOAL_RSS_MB, ("%s MB (1 job), %s MB (2 jobs)" % (f(j1["rss_mb"], 0), f(j2["rss_mb"], 0) if j2 else "–")) if j1 else "1m not measured",
                                                                  ok(max(j1["rss_mb"], j2["rss_mb"] if j2 else 0) <= GOAL_RSS_MB if j1 else None)))
        w("| 1M compile ≤ %.0f s | %s | %s |" % (GOAL_COMPILE_S, ("%s s" % f(d["lex"]["compile_s"])) if d else "1m not measured",
                                                 ok(d["lex"]["compile_s"] <= GOAL_COMPILE_S if d else None)))
        allq = [nomen[n]["score"] for n in nomen if nomen[n]["score"]]
        w("| recall and precision ≥ %.3f at every N | %s | %s |" % (
            GOAL_QUALITY, "; ".join("%s %s / %s" % (x["n"], f(x["recall"], 4), f(x["precision"], 4)) for x in allq) or "–",
            ok(all(x["recall"] >= GOAL_QUALITY and x["precision"] >= GOAL_QUALITY for x in allq) if allq else None)))
        ns = [n for n in sizes if n in nomen and nomen[n]["jobs"].get(1)]
        if len(ns) >= 2:
            a0, a1 = nomen[ns[0]]["jobs"][1]["mbps_tag"], nomen[ns[-1]]["jobs"][1]["mbps_tag"]
            c0, c1 = nomen[ns[0]]["jobs"][1]["mbps_cpu"], nomen[ns[-1]]["jobs"][1]["mbps_cpu"]
            w("| tagging nearly flat in lexicon size (1 job) | tag MB/s %s; per CPU s %s | %s (per CPU s %s) of the smallest |" % (
                " → ".join("%s %s" % (n, f(nomen[n]["jobs"][1]["mbps_tag"])) for n in ns),
                " → ".join("%s %s" % (n, f(nomen[n]["jobs"][1]["mbps_cpu"])) for n in ns),
                ratio_str(a1, a0), ratio_str(c1, c0)))
        if lk and lk.get("results"):
            r = lk["results"][-1]
            w("| lookup p50 ≤ %.1f ms, p99 ≤ %.0f ms (curated + cities500) | %s: p50 %s ms, p99 %s ms | %s |" % (
                GOAL_LOOKUP_P50_MS, GOAL_LOOKUP_P99_MS, r["config"], f(r["overall"]["p50_ms"], 3), f(r["overall"]["p99_ms"], 3),
                ok(r["overall"]["p50_ms"] <= GOAL_LOOKUP_P50_MS and r["overall"]["p99_ms"] <= GOAL_LOOKUP_P99_MS)
                + ("" if r["config"].endswith("cities500") else " (on a smaller lexicon)")))
        w("")

    text = "\n".join(L_) + "\n"
    # keep hand-written notes below the marker
    mark = "<!-- notes below this line are kept by report.py -->"
    if os.path.exists(a.out):
        old = open(a.out, encoding="utf-8").read()
        if mark in old:
            text += "\n" + mark + old.split(mark, 1)[1]
    with open(a.out, "w", encoding="utf-8") as fh:
        fh.write(text)


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Nomen against the peer taggers on the shared benchmark data, in one invocation.
#
#   Benchmarks/compare.sh                         # everything: 10k, 100k, 1m; peers; lookup latency
#   SIZES="10k 100k" Benchmarks/compare.sh        # a subset of the lexicon sizes
#
# Steps (see Benchmarks/README.md): build nomen in release; generate the data if missing
# (../shared/bench/gen_corpus.py); for each lexicon size: import the TSV, compile the index,
# time the index load, annotate the corpus with --jobs 1 and --jobs 2 under /usr/bin/time -v,
# score against gold.tsv; run the peers through ../shared/bench/anchors.py; measure lookup
# latency (Benchmarks/lookup_latency.py); write Benchmarks/RESULTS.md (Benchmarks/report.py).
#
# Environment (defaults in brackets):
#   DATA            benchmark data folder [/tmp/bench-data]
#   WORK            scratch folder for indexes, outputs and raw results [/tmp/nomen-bench]
#   SIZES           lexicon sizes, space or comma separated [10k 100k 1m]
#   JOBS_LIST       --jobs values to annotate with [1 2]
#   LOAD_RUNS       runs of the empty-input load measurement (median) [5]
#   PEERS           anchors.py --tools run at every size [pyahocorasick,ahocorasick-rs,flashtext]
#   SLOW_PEERS      anchors.py --tools run only at SLOW_PEER_SIZES [spacy-phrasematcher]
#   SLOW_PEER_SIZES sizes for SLOW_PEERS [10k]
#   PEER_TIMEOUT    anchors.py --timeout per (tool, size) process [600]
#   SKIP_PEERS=1    do not run the peers; the table uses PEERS_JSON if given, else WORK/peers.json if
#                   an earlier run left one
#   PEERS_JSON      an anchors.py results file to use instead of running the peers
#                   (e.g. ../shared/bench/anchors_results.json, the reference run)
#   SKIP_LOOKUP=1   do not measure lookup latency
#   LOOKUP_QUERIES  queries per lookup configuration [2000]
#   REPEAT          runs of each Nomen tagging measurement (annotate per --jobs, PeerProtocol);
#                   the run of median time is reported, as anchors.py does for external commands [3]
#   SKIP_BUILD=1    use the existing .build/release/nomen
#   SKIP_PEER_PROTOCOL=1  do not build and run Benchmarks/Micro's PeerProtocol (Nomen timed as
#                   anchors.py times the peers: texts in memory, no JSONL parsing or writing)
#   NOMEN           measure this binary instead of building (implies SKIP_BUILD=1)
#   VENV            the anchors virtualenv [/tmp/anchors-venv]; created with
#                   ../shared/bench/setup_anchors.sh when missing
#   RESULTS         where the markdown goes [Benchmarks/RESULTS.md]
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The exact command, with the settings that were given explicitly.
CMDLINE=""
for v in DATA WORK SIZES JOBS_LIST LOAD_RUNS PEERS SLOW_PEERS SLOW_PEER_SIZES PEER_TIMEOUT SKIP_PEERS \
         PEERS_JSON SKIP_LOOKUP LOOKUP_QUERIES REPEAT SKIP_BUILD SKIP_PEER_PROTOCOL NOMEN VENV RESULTS; do
    if [ -n "${!v+x}" ]; then CMDLINE+="$v=$(printf '%q' "${!v}") "; fi
done
CMDLINE+="Benchmarks/compare.sh"

DATA="${DATA:-/tmp/bench-data}"
WORK="${WORK:-/tmp/nomen-bench}"
SIZES="$(echo "${SIZES:-10k 100k 1m}" | tr ',' ' ')"
JOBS_LIST="$(echo "${JOBS_LIST:-1 2}" | tr ',' ' ')"
LOAD_RUNS="${LOAD_RUNS:-5}"
PEERS="${PEERS-pyahocorasick,ahocorasick-rs,flashtext}"
SLOW_PEERS="${SLOW_PEERS-spacy-phrasematcher}"
SLOW_PEER_SIZES="$(echo "${SLOW_PEER_SIZES:-10k}" | tr ' ' ',')"
PEER_TIMEOUT="${PEER_TIMEOUT:-600}"
SKIP_PEERS="${SKIP_PEERS:-0}"
PEERS_JSON="${PEERS_JSON:-}"
SKIP_LOOKUP="${SKIP_LOOKUP:-0}"
LOOKUP_QUERIES="${LOOKUP_QUERIES:-2000}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SKIP_PEER_PROTOCOL="${SKIP_PEER_PROTOCOL:-0}"
REPEAT="${REPEAT:-3}"
VENV="${VENV:-/tmp/anchors-venv}"
RESULTS="${RESULTS:-$ROOT/Benchmarks/RESULTS.md}"
BENCH="$ROOT/../shared/bench"
if [ -n "${NOMEN:-}" ]; then SKIP_BUILD=1; NOMEN="$(cd "$(dirname "$NOMEN")" && pwd)/$(basename "$NOMEN")"
else NOMEN="$ROOT/.build/release/nomen"; fi
RAW="$WORK/nomen.jsonl"          # one JSON object per measurement

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

mkdir -p "$WORK" || die "cannot create $WORK"
STARTED="$(date -u '+%Y-%m-%d %H:%M UTC')"
: > "$RAW"

# --- build --------------------------------------------------------------------------
if [ "$SKIP_BUILD" != 1 ]; then
    log "swift build -c release --product nomen"
    swift build -c release --product nomen > "$WORK/build.log" 2>&1 || {
        tail -20 "$WORK/build.log" >&2; die "release build failed (log: $WORK/build.log)"; }
fi
# Nomen timed as anchors.py times the peers (Benchmarks/Micro/PeerProtocol): built
# from this tree, and copied with its resources like the nomen binary below.
PROTO=""
if [ "$SKIP_PEER_PROTOCOL" != 1 ]; then
    log "swift build -c release --package-path Benchmarks/Micro --product PeerProtocol"
    # A build folder left by an older tree can miss a module the main package gained since
    # (a new C target): one clean retry.
    if swift build -c release --package-path Benchmarks/Micro --product PeerProtocol > "$WORK/build_proto.log" 2>&1 ||
        { log "PeerProtocol build failed; retrying from a clean Benchmarks/Micro/.build"; rm -rf Benchmarks/Micro/.build;
          swift build -c release --package-path Benchmarks/Micro --product PeerProtocol > "$WORK/build_proto.log" 2>&1; }; then
        rm -rf "$WORK/proto" && mkdir -p "$WORK/proto" &&
            cp -p Benchmarks/Micro/.build/release/PeerProtocol "$WORK/proto/" &&
            cp -Rp Benchmarks/Micro/.build/release/*.resources "$WORK/proto/" && PROTO="$WORK/proto/PeerProtocol"
    fi
    [ -n "$PROTO" ] || log "PeerProtocol not built (log: $WORK/build_proto.log): the peers'-protocol rows are left out"
fi
[ -x "$NOMEN" ] || die "no $NOMEN"
# Measure a private copy: others may relink .build/release/nomen while this runs.
rm -rf "$WORK/bin.new" && mkdir -p "$WORK/bin.new" || die "cannot create $WORK/bin.new"
cp -p "$NOMEN" "$WORK/bin.new/nomen" || die "cannot copy $NOMEN"
for r in "$(dirname "$NOMEN")"/*.resources; do [ -d "$r" ] && cp -rp "$r" "$WORK/bin.new/"; done
NOMEN_BUILT="$(date -u -r "$NOMEN" '+%Y-%m-%d %H:%M:%S UTC')"
NOMEN_SRC="$NOMEN"; case "$NOMEN_SRC" in "$ROOT"/*) NOMEN_SRC="${NOMEN_SRC#"$ROOT"/}" ;; esac
rm -rf "$WORK/bin" && mv "$WORK/bin.new" "$WORK/bin" || die "cannot move $WORK/bin.new"
NOMEN="$WORK/bin/nomen"
NOMEN_SHA="$(sha256sum "$NOMEN" | cut -c1-12)"
log "measuring $NOMEN (built $NOMEN_BUILT, sha256 $NOMEN_SHA…)"

# --- data ---------------------------------------------------------------------------
if [ ! -f "$DATA/corpus.jsonl" ] || [ ! -f "$DATA/gold.tsv" ] || [ ! -f "$DATA/manifest.json" ]; then
    log "generating the benchmark data in $DATA (~40 s)"
    python3 "$BENCH/gen_corpus.py" "$DATA" >&2 || die "gen_corpus.py failed"
fi
for n in $SIZES; do [ -f "$DATA/lexicon_$n.tsv" ] || die "no $DATA/lexicon_$n.tsv (sizes: 10k 100k 1m)"; done
CORPUS="$DATA/corpus.jsonl"
GOLD="$DATA/gold.tsv"
CORPUS_DOCS="$(wc -l < "$CORPUS")"

# --- helpers ------------------------------------------------------------------------
now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a - b }'; }
# timefield FILE "Label": a value from /usr/bin/time -v output
timefield() { awk -F': ' -v k="$2" '$1 ~ k { print $2; exit }' "$1" | tr -d ' '; }

# timed NAME CMD...: runs CMD under /usr/bin/time -v; sets WALL (s, from the clock around it),
# RSS_MB, CPU_S (user+sys), RC. Standard output goes wherever the caller redirected it.
timed() {
    local name="$1"; shift
    local tf="$WORK/time_$name.txt" t0 t1 user sys kb
    t0="$(now)"
    /usr/bin/time -v -o "$tf" "$@"
    RC=$?
    t1="$(now)"
    WALL="$(sub "$t1" "$t0")"
    kb="$(timefield "$tf" "Maximum resident set size")"
    user="$(timefield "$tf" "User time")"
    sys="$(timefield "$tf" "System time")"
    RSS_MB="$(awk -v k="${kb:-0}" 'BEGIN { printf "%.1f", k / 1024 }')"
    CPU_S="$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN { printf "%.2f", u + s }')"
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# record KEY=VALUE...: appends one JSON object to $RAW (numbers stay numbers).
record() {
    python3 - "$RAW" "$@" <<'EOF'
import json, sys
out = {}
for kv in sys.argv[2:]:
    k, _, v = kv.partition("=")
    try:
        out[k] = int(v)
    except ValueError:
        try:
            out[k] = float(v)
        except ValueError:
            out[k] = v
with open(sys.argv[1], "a", encoding="utf-8") as f:
    f.write(json.dumps(out, ensure_ascii=False) + "\n")
EOF
}

# --- startup floor: a one-name index -------------------------------------------------
: > "$WORK/empty.jsonl"
printf 'tiny\tPERSON\ten\tTiny Name\n' > "$WORK/tiny.tsv"
"$NOMEN" lexicon import --from tsv "$WORK/tiny.tsv" --output "$WORK/tiny.jsonl" 2>/dev/null &&
    "$NOMEN" lexicon compile "$WORK/tiny.jsonl" --output "$WORK/tiny.nomenidx" >/dev/null 2>&1 ||
    die "cannot compile a one-name lexicon"
walls=()
for _ in $(seq "$LOAD_RUNS"); do
    timed floor "$NOMEN" annotate "$WORK/empty.jsonl" --lexicon "$WORK/tiny.nomenidx" --jobs 1 --quiet > /dev/null
    walls+=("$WALL")
done
FLOOR="$(printf '%s\n' "${walls[@]}" | median)"
record kind=floor load_s="$FLOOR" rss_mb="$RSS_MB" nomen_built="$NOMEN_BUILT" nomen_sha="$NOMEN_SHA" nomen_src="$NOMEN_SRC"
log "startup floor (one-name index, empty input): ${FLOOR} s, ${RSS_MB} MB"

# --- Nomen, per lexicon size --------------------------------------------------------------
for n in $SIZES; do
    tsv="$DATA/lexicon_$n.tsv"
    jsonl="$WORK/lexicon_$n.jsonl"
    idx="$WORK/lexicon_$n.nomenidx"
    note=""

    log "[$n] nomen lexicon import --from tsv $tsv"
    timed "import_$n" "$NOMEN" lexicon import --from tsv "$tsv" --output "$jsonl" 2> "$WORK/import_$n.err"
    if [ "$RC" != 0 ]; then
        # The bench ids (E0000001) break Nomen's id rule [a-z0-9-]+ and PER is not a Nomen type:
        # import a copy with lower-case ids and PER -> PERSON (score_gold.py compares ids case-insensitively).
        first_error="$(head -1 "$WORK/import_$n.err")"; first_rc="$RC"
        log "[$n] direct import failed (rc $RC): $first_error"
        log "[$n] importing a copy with lower-case ids and PER -> PERSON"
        awk -F'\t' 'BEGIN { OFS = "\t" } { $1 = tolower($1); if ($2 == "PER") $2 = "PERSON"; print }' "$tsv" > "$WORK/lexicon_$n.nomen.tsv"
        timed "import_$n" "$NOMEN" lexicon import --from tsv "$WORK/lexicon_$n.nomen.tsv" --output "$jsonl" 2> "$WORK/import_$n.err"
        [ "$RC" = 0 ] || { tail -5 "$WORK/import_$n.err" >&2; die "[$n] import failed"; }
        note="direct import failed (rc $first_rc: ${first_error##*error: }); imported with ids lower-cased and PER mapped to PERSON"
    fi
    import_s="$WALL"; import_rss="$RSS_MB"

    log "[$n] nomen lexicon compile -> $idx"
    timed "compile_$n" "$NOMEN" lexicon compile "$jsonl" --output "$idx" > /dev/null 2> "$WORK/compile_$n.err"
    [ "$RC" = 0 ] || { tail -5 "$WORK/compile_$n.err" >&2; die "[$n] compile failed"; }
    compile_s="$WALL"; compile_rss="$RSS_MB"
    index_bytes="$(stat -c %s "$idx")"
    log "[$n] import ${import_s} s, compile ${compile_s} s (${compile_rss} MB), index $((index_bytes / 1000000)) MB"

    walls=()
    for _ in $(seq "$LOAD_RUNS"); do
        timed "load_$n" "$NOMEN" annotate "$WORK/empty.jsonl" --lexicon "$idx" --jobs 1 --quiet > /dev/null
        walls+=("$WALL")
    done
    load_s="$(printf '%s\n' "${walls[@]}" | median)"; load_rss="$RSS_MB"
    log "[$n] load (empty input, median of $LOAD_RUNS): ${load_s} s, ${load_rss} MB"

    record kind=lexicon n="$n" import_s="$import_s" import_rss_mb="$import_rss" compile_s="$compile_s" \
        compile_rss_mb="$compile_rss" index_bytes="$index_bytes" load_s="$load_s" load_rss_mb="$load_rss" \
        load_runs="$LOAD_RUNS" note="$note"

    first=""
    for j in $JOBS_LIST; do
        out="$WORK/annotated_${n}_j$j.jsonl"
        log "[$n] nomen annotate corpus.jsonl --jobs $j"
        load1="$(cut -d' ' -f1 /proc/loadavg)"
        # REPEAT runs, the one of median wall time kept (as anchors.py does for external
        # commands): one run on this shared host can be 10-20 % off.
        runs=()
        for r in $(seq "$REPEAT"); do
            timed "annotate_${n}_j${j}_r$r" "$NOMEN" annotate "$CORPUS" --lexicon "$idx" --jobs "$j" --quiet > "$out" 2> "$WORK/annotate_${n}_j$j.err"
            runs+=("$WALL $CPU_S $RSS_MB $RC")
            [ "$RC" = 0 ] || break
        done
        read -r WALL CPU_S RSS_MB RC <<< "$(printf '%s\n' "${runs[@]}" | sort -g -k1,1 | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')"
        walls_all="$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | paste -sd, -)"
        lines="$(wc -l < "$out")"
        errors="$(grep -c '"error":{' "$out" || true)"
        same=""
        if [ -z "$first" ]; then first="$out"; else
            if cmp -s "$first" "$out"; then same=1; else same=0; fi
        fi
        record kind=annotate n="$n" jobs="$j" wall_s="$WALL" cpu_s="$CPU_S" rss_mb="$RSS_MB" rc="$RC" \
            lines="$lines" docs="$CORPUS_DOCS" error_docs="$errors" same_as_first="$same" loadavg_before="$load1" \
            runs="$REPEAT" walls="$walls_all"
        log "[$n] --jobs $j: ${WALL} s wall (median of $walls_all), ${CPU_S} s cpu, ${RSS_MB} MB, rc $RC, $lines lines"
    done

    # The peers' protocol: texts already in memory, Tagger.tag over them, spans collected.
    if [ -n "$PROTO" ]; then
        log "[$n] Nomen in the peers' protocol (PeerProtocol: texts in memory, spans kept, nothing written)"
        ok=1
        : > "$WORK/proto_$n.json"
        for r in $(seq "$REPEAT"); do
            "$PROTO" "$idx" "$DATA" "$n" >> "$WORK/proto_$n.json" 2> "$WORK/proto_$n.err" || { ok=0; break; }
        done
        if [ "$ok" = 1 ]; then
            # The run of median tag time, as for annotate.
            python3 - "$RAW" "$WORK/proto_$n.json" <<'EOF'
import json, sys
runs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
runs.sort(key=lambda r: r["tag_s"])
s = dict(runs[(len(runs) - 1) // 2])
s["kind"] = "proto"
s["runs"] = len(runs)
s["tag_s_all"] = [r["tag_s"] for r in runs]
open(sys.argv[1], "a", encoding="utf-8").write(json.dumps(s, ensure_ascii=False) + "\n")
EOF
            log "[$n] peers' protocol: tag s $(python3 -c 'import json,sys; print([json.loads(l)["tag_s"] for l in open(sys.argv[1])])' "$WORK/proto_$n.json")"
        else
            log "[$n] PeerProtocol failed: $(tail -1 "$WORK/proto_$n.err")"
        fi
    fi

    # Text size: the first half of the corpus (by documents) with --jobs 1, against the whole.
    half="$WORK/corpus_half.jsonl"
    if [ ! -f "$half" ]; then
        head -n "$((CORPUS_DOCS / 2))" "$CORPUS" > "$half"
    fi
    half_text_bytes="$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8")))' "$half")"
    log "[$n] nomen annotate (first half of the corpus) --jobs 1"
    runs=()
    for r in $(seq "$REPEAT"); do
        timed "annotate_${n}_half_r$r" "$NOMEN" annotate "$half" --lexicon "$idx" --jobs 1 --quiet > /dev/null 2> "$WORK/annotate_${n}_half.err"
        runs+=("$WALL $CPU_S $RC")
    done
    read -r WALL CPU_S RC <<< "$(printf '%s\n' "${runs[@]}" | sort -g -k1,1 | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')"
    record kind=half n="$n" wall_s="$WALL" cpu_s="$CPU_S" rc="$RC" text_bytes="$half_text_bytes"
    log "[$n] half the corpus: ${WALL} s wall"

    log "[$n] scoring against gold.tsv"
    python3 "$ROOT/Benchmarks/score_gold.py" "$first" "$GOLD" --n "$n" --json > "$WORK/score_$n.json" ||
        die "[$n] score_gold.py failed"
    python3 - "$RAW" "$WORK/score_$n.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[2], encoding="utf-8"))
s["kind"] = "score"
open(sys.argv[1], "a", encoding="utf-8").write(json.dumps(s, ensure_ascii=False) + "\n")
EOF
    python3 "$ROOT/Benchmarks/score_gold.py" "$first" "$GOLD" --n "$n" | sed "s/^/[$n] /" >&2
done

# --- peers --------------------------------------------------------------------------------
PEERS_RESULTS="$WORK/peers.json"
if [ -n "$PEERS_JSON" ]; then
    PEERS_RESULTS="$PEERS_JSON"
    log "peers: using $PEERS_JSON (not run)"
elif [ "$SKIP_PEERS" = 1 ]; then
    log "peers: skipped (SKIP_PEERS=1)$( [ -f "$PEERS_RESULTS" ] && echo "; using the earlier $PEERS_RESULTS")"
else
    if [ ! -x "$VENV/bin/python" ]; then
        log "creating $VENV with ../shared/bench/setup_anchors.sh (a few minutes)"
        bash "$BENCH/setup_anchors.sh" "$VENV" >&2 || die "setup_anchors.sh failed"
    fi
    rm -f "$PEERS_RESULTS"
    sizes_csv="$(echo $SIZES | tr ' ' ',')"
    if [ -n "$PEERS" ]; then
        log "peers: anchors.py run --tools $PEERS --sizes $sizes_csv"
        "$VENV/bin/python" "$BENCH/anchors.py" run --data "$DATA" --sizes "$sizes_csv" --tools "$PEERS" \
            --timeout "$PEER_TIMEOUT" --results "$PEERS_RESULTS" --md "$WORK/peers.md" || log "anchors.py failed"
    fi
    # slow peers only at the sizes asked for that are also in SIZES
    slow_sizes=""
    for s in $(echo "$SLOW_PEER_SIZES" | tr ',' ' '); do
        case " $SIZES " in *" $s "*) slow_sizes+="${slow_sizes:+,}$s" ;; esac
    done
    if [ -n "$SLOW_PEERS" ] && [ -n "$slow_sizes" ]; then
        log "peers: anchors.py run --tools $SLOW_PEERS --sizes $slow_sizes"
        "$VENV/bin/python" "$BENCH/anchors.py" run --data "$DATA" --sizes "$slow_sizes" --tools "$SLOW_PEERS" \
            --timeout "$PEER_TIMEOUT" --results "$PEERS_RESULTS" --md "$WORK/peers.md" || log "anchors.py failed"
    fi
fi

# --- lookup latency ---------------------------------------------------------------------------
if [ "$SKIP_LOOKUP" != 1 ]; then
    log "lookup latency ($LOOKUP_QUERIES queries a configuration)"
    python3 "$ROOT/Benchmarks/lookup_latency.py" --nomen "$NOMEN" --queries "$LOOKUP_QUERIES" \
        --cache-dir "$WORK/lookup-cache" --json-out "$WORK/lookup.json" >&2 || log "lookup_latency.py failed"
fi

# --- report -----------------------------------------------------------------------------------
python3 "$ROOT/Benchmarks/report.py" --raw "$RAW" --data "$DATA" --peers "$PEERS_RESULTS" \
    --lookup "$WORK/lookup.json" --nomen "$NOMEN" --sizes "$SIZES" --command "$CMDLINE" \
    --started "$STARTED" --out "$RESULTS" || die "report.py failed"
log "wrote $RESULTS"

#!/usr/bin/env bash
# Fuzz/run-ci.sh: builds the libFuzzer targets, replays the kept crashers, then fuzzes
# each target for FUZZ_SECONDS from the seed corpus. Exits non-zero on any crash, with
# the crasher's path and its stack; exits 0 with a message when this machine cannot
# build libFuzzer targets. Called by .ci/run. See Fuzz/README.md.
#
# Environment:
#   FUZZ_SECONDS=45          fuzzing time per target
#   FUZZ_TARGETS="..."       targets to run (default: all six)
#   FUZZ_JOBS=N              targets fuzzed at once (default: the number of cores, at most 2)
#   REGRESSION_REPEAT=200    times each regression file is replayed in one process
#   SKIP_FUZZ=1              skip everything
# The whole script is one function, read before it runs: editing this file while it
# runs cannot change what it does.
main() {
set -uo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-45}
FUZZ_TARGETS=${FUZZ_TARGETS:-"fuzz-normalize fuzz-offsets fuzz-translit fuzz-tagger fuzz-jsonl fuzz-lexicon"}
REGRESSION_REPEAT=${REGRESSION_REPEAT:-200}
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
FUZZ_JOBS=${FUZZ_JOBS:-$(( cores < 2 ? 1 : 2 ))}

# Seed folders (under Fuzz/Seeds) each target starts from.
seeds_for() {
  case "$1" in
    fuzz-normalize|fuzz-offsets|fuzz-tagger) echo "text names" ;;
    fuzz-translit) echo "names" ;;
    fuzz-jsonl) echo "jsonl" ;;
    fuzz-lexicon) echo "lexicon" ;;
  esac
}

log() { echo "fuzz: $*"; }

if [ "${SKIP_FUZZ:-0}" = 1 ]; then log "skipped (SKIP_FUZZ=1)"; exit 0; fi
if ! command -v swift >/dev/null 2>&1; then log "skipped: no swift toolchain on PATH"; exit 0; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/nomen-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Can this toolchain link libFuzzer with AddressSanitizer? (Xcode's Swift cannot.)
cat > "$work/probe.swift" <<'EOF'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { 0 }
EOF
linker=()
if swiftc -sanitize=fuzzer,address -use-ld=lld -parse-as-library "$work/probe.swift" -o "$work/probe" >"$work/probe.log" 2>&1; then
  linker=(-Xswiftc -use-ld=lld)   # gold fails (internal error in format_file_lineno) on these; lld links them
elif ! swiftc -sanitize=fuzzer,address -parse-as-library "$work/probe.swift" -o "$work/probe" >>"$work/probe.log" 2>&1; then
  log "skipped: this toolchain cannot build libFuzzer targets (swiftc -sanitize=fuzzer,address failed):"
  sed 's/^/  /' "$work/probe.log" | head -5
  exit 0
fi

start=$(date +%s)
log "building the fuzz targets (release, -sanitize=fuzzer,address)…"
build() {
  swift build -c release --package-path Fuzz --scratch-path Fuzz/.build \
    -Xswiftc -sanitize=fuzzer,address "${linker[@]}" >"$work/build.log" 2>&1
}
if ! build; then
  # SwiftPM sometimes keeps a fuzz target's object after an API of the main package
  # changed (an "undefined symbol" at link time): rebuild the fuzz targets once.
  log "build failed; rebuilding the fuzz targets from scratch"
  rm -f Fuzz/.build/*/release/fuzz_*.build/*.o Fuzz/.build/*/release/FuzzSupport.build/*.o
  if ! build; then
    grep -E "error:" "$work/build.log" | head -20
    tail -20 "$work/build.log"
    log "FAILED: the fuzz package does not build"
    exit 1
  fi
fi
bin=$(swift build -c release --package-path Fuzz --scratch-path Fuzz/.build --show-bin-path)
log "built in $(( $(date +%s) - start )) s"

# The Swift runtime's own crash handler fights the sanitizer's; libFuzzer reports crashes.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
fuzz_flags=(-rss_limit_mb=2048 -timeout=30 -print_final_stats=1)

# Prints the report of a failed run: the check that failed or the sanitizer's error, and the stack.
show_failure() {
  awk '/FUZZ CHECK FAILED|==[0-9]+==ERROR|deadly signal|Test unit written|SUMMARY/ { on = 1 } on' "$1" | head -80 | sed 's/^/    /'
}

# run_target NAME: replays Regressions/NAME, then fuzzes NAME; writes $work/NAME.result.
run_target() {
  local t=$1 exe="$bin/$1" out="$work/$1" artifacts="$PWD/Fuzz/crash-$1"
  mkdir -p "$out/corpus" "$artifacts"
  local regressions=() f
  if [ -d "Fuzz/Regressions/$t" ]; then
    for f in Fuzz/Regressions/"$t"/*; do
      case "$f" in *.md|*'*') continue ;; esac
      regressions+=("$PWD/$f")
    done
  fi
  # Regressions: each file REGRESSION_REPEAT times in one process, so crashers that need
  # state built up by earlier inputs (caches, per-instance resources) reproduce too.
  if [ ${#regressions[@]} -gt 0 ]; then
    local args=() i
    for f in "${regressions[@]}"; do for ((i = 0; i < REGRESSION_REPEAT; i++)); do args+=("$f"); done; done
    if ! (cd "$out" && "$exe" "${fuzz_flags[@]}" -artifact_prefix="$artifacts/" "${args[@]}" >"$out/regressions.log" 2>&1); then
      local failed
      failed=$(grep -o 'Running: .*' "$out/regressions.log" | tail -1 | sed 's/Running: //')
      echo "FAIL 0 regression $failed" >"$out.result"
      return
    fi
  fi
  local dir
  for dir in $(seeds_for "$t"); do cp -R Fuzz/Seeds/"$dir"/. "$out/corpus/"; done
  for f in "${regressions[@]}"; do cp "$f" "$out/corpus/"; done
  (cd "$out" && "$exe" "${fuzz_flags[@]}" -max_total_time="$FUZZ_SECONDS" -artifact_prefix="$artifacts/" corpus >"$out/fuzz.log" 2>&1)
  local status=$?
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/fuzz.log" | tail -1 | grep -o '[0-9]*$')
  if [ $status -ne 0 ]; then
    local crasher
    crasher=$(grep -o 'Test unit written to .*' "$out/fuzz.log" | tail -1 | sed 's/Test unit written to //')
    echo "FAIL ${execs:-0} fuzz ${crasher:-unknown (status $status)}" >"$out.result"
  else
    echo "OK ${execs:-0} fuzz -" >"$out.result"
  fi
}

log "replaying regressions and fuzzing $FUZZ_SECONDS s per target, $FUZZ_JOBS at a time"
running=0
for t in $FUZZ_TARGETS; do
  if [ ! -x "$bin/$t" ]; then log "no such target: $t"; exit 1; fi
  run_target "$t" &
  running=$((running + 1))
  if [ $running -ge "$FUZZ_JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait

total=0
failures=0
for t in $FUZZ_TARGETS; do
  read -r verdict execs phase detail <"$work/$t.result" || { verdict=FAIL; execs=0; phase=?; detail="no result"; }
  total=$((total + execs))
  if [ "$verdict" = OK ]; then
    printf 'fuzz: %-15s %10s executions, no crash\n' "$t" "$execs"
  else
    failures=$((failures + 1))
    printf 'fuzz: %-15s %10s executions, CRASH (%s): %s\n' "$t" "$execs" "$phase" "$detail"
    show_failure "$work/$t/$([ "$phase" = regression ] && echo regressions || echo fuzz).log"
  fi
done
log "summary: $(echo $FUZZ_TARGETS | wc -w) targets, $total executions, $failures failed, $(( $(date +%s) - start )) s in all"
if [ $failures -ne 0 ]; then
  log "FAILED: reproduce with $bin/<target> <crasher>; minimize with -minimize_crash=1 -runs=10000"
  exit 1
fi
}
main "$@"

#!/usr/bin/env bash
# Fuzz/sanitizers.sh: the main package's test suite under ThreadSanitizer and
# AddressSanitizer (with LeakSanitizer). Each builds the package and its tests in its own
# folder (.build-tsan, .build-asan; git ignores .build-*/), which takes several minutes
# on two cores the first time. Exits non-zero when either run fails or reports an error.
#
# Environment:
#   SKIP_TSAN=1 / SKIP_ASAN=1   skip one of the runs
#   SANITIZER_FILTER=REGEX      run only the matching tests (swift test --filter)
#   SANITIZER_LOG_DIR=DIR       keep the logs there (default: a temporary folder, printed,
#                               and removed when both runs pass)
# The whole script is one function, read before it runs: editing this file while it
# runs cannot change what it does.
main() {
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v swift >/dev/null 2>&1; then echo "sanitizers: skipped: no swift toolchain on PATH"; exit 0; fi

logs=${SANITIZER_LOG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/nomen-sanitizers.XXXXXX")}
mkdir -p "$logs"
filter=()
if [ -n "${SANITIZER_FILTER:-}" ]; then filter=(--filter "$SANITIZER_FILTER"); fi

# The Swift runtime's crash handler gets in the sanitizers' way; they print the stacks.
export SWIFT_BACKTRACE=enable=no
# Every process writes its reports to a file of its own (log_path), the test runner and
# each `nomen` the end-to-end tests start alike: those tests capture the binary's stderr,
# so a report printed there would be lost. TSan goes on after a report, so one run
# shows every race.
reports="$logs/reports"
rm -rf "$reports"
mkdir -p "$reports"
export TSAN_OPTIONS="halt_on_error=0:second_deadlock_stack=1:log_path=$reports/tsan${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
export ASAN_OPTIONS="detect_stack_use_after_return=1:log_path=$reports/asan${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

failed=()

# run NAME SANITIZER SCRATCH: swift test with -sanitize=SANITIZER, Swift and C code alike.
run() {
  local name=$1 sanitizer=$2 scratch=$3 log="$logs/$1.log" start status files count
  start=$(date +%s)
  echo "sanitizers: $name: swift test -Xswiftc -sanitize=$sanitizer -Xcc -fsanitize=$sanitizer --scratch-path $scratch (log: $log)"
  swift test --scratch-path "$scratch" -Xswiftc -sanitize="$sanitizer" -Xcc -fsanitize="$sanitizer" \
    "${filter[@]}" >"$log" 2>&1
  status=$?
  files=$(ls "$reports/$name".* 2>/dev/null)
  count=$(cat $files /dev/null | grep -cE "WARNING: ThreadSanitizer|ERROR: (Address|Leak)Sanitizer")
  echo "sanitizers: $name: exit $status, $count sanitizer report(s), $(( $(date +%s) - start )) s"
  grep -E "Test run with .* (passed|failed)" "$log" | tail -1 | sed 's/^/    /'
  if [ "$count" -ne 0 ]; then
    failed+=("$name")
    for f in $files; do
      echo "    --- $f"
      awk '/WARNING: ThreadSanitizer|ERROR: (Address|Leak)Sanitizer/ { on = 1; n = 0 }
           on && n < 60 { print; n++ } /^SUMMARY:/ { on = 0 }' "$f" | head -200 | sed 's/^/    /'
    done
  fi
  if [ "$status" -ne 0 ]; then
    failed+=("$name")
    echo "    failing tests (the same tests may fail without a sanitizer: compare with swift test):"
    grep -E "^✘ Test .* recorded an issue" "$log" | sed -E 's/ recorded an issue( with [^:]*)? at ([^:]+:[0-9]+).*/ (\2)/' \
      | sort -u | cut -c1-160 | head -40 | sed 's/^/      /'
  fi
}

if [ "${SKIP_TSAN:-0}" != 1 ]; then run tsan thread .build-tsan; else echo "sanitizers: tsan skipped (SKIP_TSAN=1)"; fi
if [ "${SKIP_ASAN:-0}" != 1 ]; then run asan address .build-asan; else echo "sanitizers: asan skipped (SKIP_ASAN=1)"; fi

if [ ${#failed[@]} -ne 0 ]; then
  echo "sanitizers: FAILED: ${failed[*]} (logs in $logs)"
  exit 1
fi
if [ -z "${SANITIZER_LOG_DIR:-}" ]; then
  rm -rf "$logs"
  echo "sanitizers: passed"
else
  echo "sanitizers: passed (logs in $logs)"
fi
}
main "$@"

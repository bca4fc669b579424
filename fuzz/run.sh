#!/usr/bin/env bash
# Fuzzes Rampart's parsers of untrusted input with libFuzzer, address sanitizer on.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     default: 60 s for every target
#   fuzz/run.sh 7200                                  the long run: 2 CPU-hours per target
#   FUZZ_RUNS=20000 fuzz/run.sh                        CI's smoke: a fixed number of inputs from a
#                                                     fixed seed and a fresh corpus
#
# Each target starts from its committed seeds (fuzz/corpus/TARGET) and keeps what it finds in
# fuzz/corpus-work/TARGET (not committed). A crash, a hang (over 10 s on one input) or an input
# that takes over 4 GB is written to fuzz/crashes/ and makes this script exit 1: add the input
# to the regression tests, fix the parser, and run again. Leak detection is off: TOMLKit leaks a
# few kilobytes per parse (its TOMLArray literals), bounded and not ours.
set -uo pipefail
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" SWIFT_BACKTRACE="enable=no"
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
all=(FuzzPythonTokenizer FuzzPythonParser FuzzHTMLTokenizer FuzzConfiguration FuzzPipeline FuzzRequirements
     FuzzLockfiles FuzzOSV FuzzAdapters FuzzGitleaksConfig FuzzHostResources)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld)
swift build --package-path . "${flags[@]}" || { echo "fuzz: the harnesses do not build"; exit 2; }
bin=$(swift build --package-path . "${flags[@]}" --show-bin-path)
mkdir -p corpus-work crashes
failed=()
printf '%-22s %8s %12s %8s %8s  %s\n' target seconds runs corpus rss_mb result
if [ -n "${FUZZ_RUNS:-}" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  budget=(-runs="$FUZZ_RUNS" -seed=1)
else
  work=corpus-work
  budget=(-max_total_time="$seconds")
fi
for target in "${targets[@]}"; do
  mkdir -p "$work/$target"
  log=$(mktemp)
  "$bin/$target" "$work/$target" "corpus/$target" "${budget[@]}" -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 -detect_leaks=0 -artifact_prefix="crashes/$target-" -print_final_stats=1 >"$log" 2>&1
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  corpus=$(find "$work/$target" -type f | wc -l)
  if [ "$status" -eq 0 ]; then result=ok; else result="FAILED (exit $status, see crashes/)"; failed+=("$target"); tail -40 "$log"; fi
  printf '%-22s %8s %12s %8s %8s  %s\n' "$target" "$([ -n "${FUZZ_RUNS:-}" ] && echo - || echo "$seconds")" "$runs" "$corpus" "$rss" "$result"
  rm -f "$log"
done
if [ ${#failed[@]} -gt 0 ]; then echo "fuzz: ${failed[*]} found a crash, hang or memory blow-up"; exit 1; fi
echo "fuzz: ${#targets[@]} targets, $([ -n "${FUZZ_RUNS:-}" ] && echo "$FUZZ_RUNS inputs" || echo "$seconds s") each, no crash"

#!/usr/bin/env bash
# Benchmark: Rampart's Python parser against CPython's own `ast.parse` on the same files, in one
# run. Both read every file first and time parsing only (building the whole tree). Prints both
# times and the ratio, single-threaded and with every core.
#
#   bench/python-parse/run.sh [ROOT]      (default: the installed Python's library, site-packages included)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
[ -x .build/release/rampart ] || swift build -c release
list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$root" -name '*.py' -type f | sort > "$list"
cores=$(nproc)

cpython=$(python3 - "$list" <<'PY'
import ast, sys, time, warnings
paths = open(sys.argv[1]).read().split("\n")
sources = []
for p in paths:
    if p:
        try: sources.append(open(p, "rb").read())
        except OSError: pass
warnings.simplefilter("ignore")
start = time.perf_counter()
rejected = 0
for s in sources:
    try: ast.parse(s)
    except (SyntaxError, ValueError, RecursionError, MemoryError): rejected += 1
print(f"{time.perf_counter() - start:.3f} {len(sources)} {sum(map(len, sources))} {rejected}")
PY
)
read -r c_s files bytes c_rejected <<<"$cpython"
r1=$(.build/release/rampart python-ast --time --jobs 1 --python 3.11 --files-from "$list" /dev/null)
rn=$(.build/release/rampart python-ast --time --jobs "$cores" --python 3.11 --files-from "$list" /dev/null)
r1_s=$(echo "$r1" | sed -E 's/.* in ([0-9.]+) s.*/\1/')
rn_s=$(echo "$rn" | sed -E 's/.* in ([0-9.]+) s.*/\1/')
echo "files: $files ($bytes bytes) under $root"
echo "CPython ast.parse (one thread): ${c_s} s, $c_rejected rejected"
echo "Rampart (one thread):           $r1"
echo "Rampart ($cores threads):             $rn"
awk -v c="$c_s" -v a="$r1_s" -v b="$rn_s" 'BEGIN { printf "speed-up over CPython: %.2fx on one thread, %.2fx on all cores\n", c / a, c / b }'

#!/usr/bin/env bash
# Benchmark: Rampart's file discovery (`rampart files`: tree walk, .gitignore semantics, default
# excludes, binary sniffing) against ripgrep's `rg --files` (the reference fast walker that
# honours .gitignore) on the same tree, in one run. Prints the median of N runs and the ratio.
#
#   bench/file-discovery/run.sh [TREE] [RUNS]
#
# TREE defaults to the installed Python's library folder (stdlib and site-packages, ~13k files).
set -euo pipefail
cd "$(dirname "$0")/../.."
tree=${1:-$(python3 -c 'import sysconfig, os; print(os.path.dirname(sysconfig.get_paths()["stdlib"]))')}
runs=${2:-7}

command -v rg >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep; }
[ -x .build/release/rampart ] || swift build -c release
rampart=.build/release/rampart
# Walk the same folders as rg: no default excludes (site-packages, __pycache__ …).
config=$(mktemp --suffix=.yml)
trap 'rm -f "$config"' EXIT
echo "default_excludes: false" > "$config"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() {  # runs "$@" $runs times, prints the median wall time in ms
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
  done | median
}

# Warm the page cache so both read from memory.
"$rampart" files --config "$config" "$tree" >/dev/null 2>&1 || true
rg --files --hidden --no-require-git "$tree" >/dev/null 2>&1 || true

r_count=$("$rampart" files --config "$config" "$tree" 2>/dev/null | wc -l)
g_count=$(rg --files --hidden --no-require-git "$tree" 2>/dev/null | wc -l)
r_ms=$(time_ms "$rampart" files --config "$config" "$tree")
g_ms=$(time_ms rg --files --hidden --no-require-git "$tree")
g_ms1=$(time_ms rg --files --hidden --no-require-git -j1 "$tree")

echo "tree: $tree"
echo "files listed: rampart $r_count (it also sniffs every file and leaves binary and oversized ones out), rg $g_count"
printf '%-40s %8s ms\n' "rampart files (one thread)" "$r_ms" "rg --files --hidden --no-require-git" "$g_ms" "rg ... -j1" "$g_ms1"
awk -v r="$r_ms" -v g="$g_ms" -v g1="$g_ms1" 'BEGIN {
  printf "ratio rampart/rg: %.2f (rampart/rg -j1: %.2f; below 1 means Rampart is faster)\n", r / (g > 0 ? g : 1), r / (g1 > 0 ? g1 : 1) }'

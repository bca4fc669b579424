#!/usr/bin/env bash
# Benchmark: Rampart's secrets scan of a git history and of a working tree, against the floor
# (a bare `git log -p --all` into /dev/null) and against TruffleHog 2.x and detect-secrets (both
# from PyPI), on the same repository, in one run. Prints times, peak memory and ratios.
#
#   bench/secrets/run.sh [REPO]
#
# Without REPO it generates a synthetic Python project history (5,000 commits, about 200 MB of
# patches; bench/secrets/make_history.py) once, under $RAMPART_BENCH_CACHE (default /tmp).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check "truffleHog>=2,<3" "detect-secrets>=1.5,<2"
[ -x .build/release/rampart ] || swift build -c release
repo=${1:-}
if [ -z "$repo" ]; then
  repo=${RAMPART_BENCH_CACHE:-/tmp}/rampart-bench-history
  if [ ! -f "$repo/.complete" ]; then
    rm -rf "$repo" && mkdir -p "$repo"
    git -C "$repo" init -q
    python3 bench/secrets/make_history.py --commits "${COMMITS:-5000}" --megabytes "${MEGABYTES:-200}" | git -C "$repo" fast-import --quiet --done
    git -C "$repo" checkout -q main
    touch "$repo/.complete"
  fi
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
commits=$(git -C "$repo" rev-list --all --count)
patch_mb=$(git -C "$repo" log -p --all --no-color | wc -c | awk '{ printf "%.1f", $1 / 1048576 }')
tree_mb=$(git -C "$repo" ls-files -z | (cd "$repo" && xargs -0 cat) | wc -c | awk '{ printf "%.1f", $1 / 1048576 }')

measure() {  # name, command...: prints "wall cpu maxrss_kb"
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || true
  tail -1 "$tmp/$name.time" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

read -r g_wall g_cpu g_mem <<<"$(measure floor sh -c "git -C '$repo' log -p --all --no-color > /dev/null")"
read -r r_wall r_cpu r_mem <<<"$(measure rampart .build/release/rampart secrets "$repo" --history --fail-on none --verbose --format json --output "$tmp/rampart.json")"
read -r rt_wall rt_cpu rt_mem <<<"$(measure rampart-tree .build/release/rampart secrets "$repo" --fail-on none --verbose --format json --output "$tmp/rampart-tree.json")"
# /usr/bin/time's peak includes git (a child); Rampart's own peak comes from its --verbose line.
own_peak() { sed -n 's/^peak memory: \([0-9]*\) MB$/\1/p' "$1" | tail -1; }
r_own=$(own_peak "$tmp/rampart.err"); rt_own=$(own_peak "$tmp/rampart-tree.err")
read -r d_wall d_cpu d_mem <<<"$(measure detect-secrets sh -c "cd '$repo' && '$PWD/.venv/bin/detect-secrets' scan --all-files . > '$tmp/detect.json'")"
read -r t_wall t_cpu t_mem <<<"$(measure trufflehog .venv/bin/trufflehog --regex --entropy=False --json "file://$repo")"

count_rampart() { python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$1"; }
count_detect() { python3 -c "import json,sys; print(sum(len(v) for v in json.load(open(sys.argv[1]))['results'].values()))" "$1"; }
count_truffle() { grep -c '^{' "$1" || true; }

echo "repository: $repo ($commits commits, $patch_mb MB of patches, $tree_mb MB working tree)"
printf '%-36s %9s %9s %10s %9s\n' "run" "wall s" "cpu s" "peak MB" "findings"
printf '%-36s %9s %9s %10d %9s\n' "git log -p --all > /dev/null (floor)" "$g_wall" "$g_cpu" "$((g_mem / 1024))" "-"
printf '%-36s %9s %9s %10d %9s\n' "rampart secrets --history (+ git)" "$r_wall" "$r_cpu" "$((r_mem / 1024))" "$(count_rampart "$tmp/rampart.json")"
printf '%-36s %9s %9s %10d %9s\n' "trufflehog 2.x (history, regex)" "$t_wall" "$t_cpu" "$((t_mem / 1024))" "$(count_truffle "$tmp/trufflehog.out")"
printf '%-36s %9s %9s %10d %9s\n' "rampart secrets (working tree)" "$rt_wall" "$rt_cpu" "$((rt_mem / 1024))" "$(count_rampart "$tmp/rampart-tree.json")"
printf '%-36s %9s %9s %10d %9s\n' "detect-secrets scan (working tree)" "$d_wall" "$d_cpu" "$((d_mem / 1024))" "$(count_detect "$tmp/detect.json")"
echo "peak memory of the rampart process itself: history ${r_own:-?} MB, working tree ${rt_own:-?} MB"
awk -v g="$g_wall" -v r="$r_wall" -v t="$t_wall" -v rt="$rt_wall" -v d="$d_wall" -v mb="$tree_mb" 'BEGIN {
  printf "history: %.2fx the floor; %.1fx faster than TruffleHog 2.x\n", r / g, t / r
  printf "working tree: %.1f MB/s; %.1fx faster than detect-secrets\n", mb / (rt > 0 ? rt : 0.01), d / (rt > 0 ? rt : 0.01) }'

#!/usr/bin/env bash
# Benchmark: Rampart's Python SAST against Bandit (`bandit -r`) and Ruff (`ruff check --select S`,
# Ruff's port of Bandit's checks, fewer of them, and blind to `# nosec`) on the same tree, in one
# run. Prints wall and CPU time, peak memory, findings, and Rampart's ratios.
#
#   bench/python-sast/run.sh [ROOT]     (default: the standard library without site-packages)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check "bandit>=1.9,<1.10" ruff
[ -x .build/release/rampart ] || swift build -c release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The same files for all: everything but site-packages and caches.
printf "default_excludes: false\nexclude: ['site-packages/', '__pycache__/']\n" > "$tmp/rampart.yml"

measure() {  # name, command...: prints "wall cpu maxrss_kb"
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || true
  tail -1 "$tmp/$name.time" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

read -r r_wall r_cpu r_mem <<<"$(measure rampart .build/release/rampart sast "$root" --config "$tmp/rampart.yml" --fail-on none -q --format json --output "$tmp/rampart.json")"
read -r r1_wall r1_cpu r1_mem <<<"$(measure rampart1 .build/release/rampart sast "$root" --jobs 1 --config "$tmp/rampart.yml" --fail-on none -q --format json --output "$tmp/rampart1.json")"
read -r b_wall b_cpu b_mem <<<"$(measure bandit .venv/bin/bandit -r "$root" -x "$root/site-packages" -f json -o "$tmp/bandit.json" -q)"
read -r f_wall f_cpu f_mem <<<"$(measure ruff .venv/bin/ruff check --no-cache --select S --exit-zero --output-format json -o "$tmp/ruff.json" --extend-exclude site-packages "$root")"
read -r f1_wall f1_cpu f1_mem <<<"$(measure ruff1 env RAYON_NUM_THREADS=1 .venv/bin/ruff check --no-cache --select S --exit-zero --output-format json -o "$tmp/ruff1.json" --extend-exclude site-packages "$root")"

count() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['findings'] if 'findings' in d else d['results'] if 'results' in d else d))" "$1"; }
printf '%-28s %9s %9s %10s %9s\n' "tool" "wall s" "cpu s" "peak MB" "findings"
printf '%-28s %9s %9s %10d %9s\n' "rampart sast" "$r_wall" "$r_cpu" "$((r_mem / 1024))" "$(count "$tmp/rampart.json")"
printf '%-28s %9s %9s %10d %9s\n' "rampart sast --jobs 1" "$r1_wall" "$r1_cpu" "$((r1_mem / 1024))" "$(count "$tmp/rampart1.json")"
printf '%-28s %9s %9s %10d %9s\n' "bandit -r" "$b_wall" "$b_cpu" "$((b_mem / 1024))" "$(count "$tmp/bandit.json")"
printf '%-28s %9s %9s %10d %9s\n' "ruff check --select S" "$f_wall" "$f_cpu" "$((f_mem / 1024))" "$(count "$tmp/ruff.json")"
printf '%-28s %9s %9s %10d %9s\n' "ruff (one thread)" "$f1_wall" "$f1_cpu" "$((f1_mem / 1024))" "$(count "$tmp/ruff1.json")"
awk -v rw="$r_wall" -v rc="$r_cpu" -v r1c="$r1_cpu" -v bw="$b_wall" -v bc="$b_cpu" -v fw="$f_wall" -v fc="$f_cpu" -v f1c="$f1_cpu" 'BEGIN {
  printf "Rampart vs Bandit: %.1fx faster (wall), %.1fx less CPU\n", bw / rw, bc / rc
  printf "Rampart vs Ruff:   %.2fx Ruff'"'"'s wall time; single-threaded CPU %.2f s vs Ruff %.2f s (%.2fx)\n", rw / fw, r1c, f1c, r1c / f1c }'

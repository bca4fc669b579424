#!/usr/bin/env bash
# Benchmark: Rampart's custom rules against Semgrep on the same rules (the differential corpus
# and Bandit-like rules) over the same tree (the standard library without site-packages), in
# one run. Prints wall and CPU time, peak memory and findings for 50, 150 and 300 rules
# (Rampart) and for 300 rules (both), and the ratios.
#
#   bench/custom-rules/run.sh [ROOT] [--no-semgrep]      (KEEP_TMP=1 keeps the rule sets and tree for profiling)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
semgrep=yes
for arg in "$@"; do
  case "$arg" in
    --no-semgrep) semgrep=no ;;
    *) root=$arg ;;
  esac
done
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
[ -x .venv/bin/python ] || python3 -m venv .venv
[ "$semgrep" = no ] || [ -x .venv/bin/semgrep ] || .venv/bin/pip install -q --disable-pip-version-check semgrep
.venv/bin/python -c 'import yaml' 2>/dev/null || .venv/bin/pip install -q --disable-pip-version-check pyyaml
[ -x .build/release/rampart ] || swift build -c release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -n "${KEEP_TMP:-}" ] && trap - EXIT && echo "tmp: $tmp"

# Rule sets of 50, 150 and 300 rules, both kinds interleaved, one file each.
.venv/bin/python - "$tmp" <<'PY'
import glob, sys, yaml
tmp = sys.argv[1]
corpus = []
for f in sorted(glob.glob("Tests/RampartCustomRulesTests/Fixtures/corpus/*.yaml")):
    corpus += yaml.safe_load(open(f))["rules"]
bandit = yaml.safe_load(open("bench/custom-rules/bandit-like.yaml"))["rules"]
mixed = []
for i in range(max(len(corpus), len(bandit))):
    if i < len(corpus): mixed.append(corpus[i])
    if i < len(bandit): mixed.append(bandit[i])
for n in (50, 150, 300):
    yaml.safe_dump({"rules": mixed[:n]}, open(f"{tmp}/rules-{n}.yaml", "w"), sort_keys=False)
PY
printf "default_excludes: false\nexclude: ['site-packages/', '__pycache__/', '.semgrepignore']\nscanners: [python]\npython:\n  builtin: false\n" > "$tmp/rampart.yml"
# The same files for both: a copy of the tree with its own (empty) .semgrepignore, since
# Semgrep otherwise skips test folders and more by default.
mkdir -p "$tmp/tree"
(cd "$root" && find . -name '*.py' -not -path '*/site-packages/*' -not -path '*/__pycache__/*' -print0 | tar --null -T - -cf -) | tar -xf - -C "$tmp/tree"
printf '# scan everything\n' > "$tmp/tree/.semgrepignore"
root="$tmp/tree"

measure() {  # name, command...: prints "wall cpu maxrss_kb"
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || true
  tail -1 "$tmp/$name.time" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}
count_rampart() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for f in d['findings'] if f['ruleId'].startswith('rules/')))" "$1"; }

printf '%-34s %8s %8s %9s %9s\n' "tool" "wall s" "cpu s" "peak MB" "findings"
for n in 50 150 300; do
  read -r w c m <<<"$(measure "rampart$n" .build/release/rampart sast "$root" --rules "$tmp/rules-$n.yaml" --config "$tmp/rampart.yml" --fail-on none -q --format json --output "$tmp/rampart$n.json")"
  printf '%-34s %8s %8s %9d %9s\n' "rampart, $n rules" "$w" "$c" "$((m / 1024))" "$(count_rampart "$tmp/rampart$n.json")"
  eval "r${n}_wall=$w r${n}_cpu=$c"
done
read -r w c m <<<"$(measure parse .build/release/rampart sast "$root" --config "$tmp/rampart.yml" --fail-on none -q --format json --output "$tmp/parse.json")"
printf '%-34s %8s %8s %9d %9s\n' "rampart, parse only (0 rules)" "$w" "$c" "$((m / 1024))" "-"
if [ "$semgrep" = yes ]; then
  read -r sw sc sm <<<"$(measure semgrep .venv/bin/semgrep --metrics=off --disable-version-check --quiet --no-git-ignore \
    --config "$tmp/rules-300.yaml" --json -o "$tmp/semgrep.json" "$root")"
  sf=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['results']), '(%d errors)' % len(d['errors']))" "$tmp/semgrep.json" 2>/dev/null || echo "?")
  printf '%-34s %8s %8s %9d %9s\n' "semgrep, 300 rules" "$sw" "$sc" "$((sm / 1024))" "$sf"
  awk -v rw="$r300_wall" -v rc="$r300_cpu" -v sw="$sw" -v sc="$sc" 'BEGIN {
    printf "Rampart vs Semgrep (300 rules): %.0fx faster (wall), %.0fx less CPU\n", sw / rw, sc / rc }'
fi
awk -v a="$r50_wall" -v b="$r150_wall" -v c="$r300_wall" 'BEGIN {
  printf "Rampart wall time by rule count: 50 → %.2f s, 150 → %.2f s, 300 → %.2f s (300/50: %.2fx for 6x the rules)\n", a, b, c, c / a }'

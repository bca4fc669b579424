#!/usr/bin/env bash
# Benchmark: `rampart deps` on a project of 500 pinned requirements (packages and versions taken
# from the advisory data, so many are vulnerable), after the database is imported, against
# pip-audit (PyPI) on the same file in the same run. pip-audit asks an online service (PyPI or
# OSV); without network it cannot run, and the script then reports Rampart's time alone.
#
#   bench/deps/run.sh [OSV_JSON]   (default: ../shared/advisories/pypi-osv.json)
set -euo pipefail
cd "$(dirname "$0")/../.."
osv=${1:-../shared/advisories/pypi-osv.json}
[ -f "$osv" ] || { echo "no OSV data at $osv (pass a file or folder of OSV JSON)"; exit 2; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check pip-audit >/dev/null 2>&1 || echo "(pip-audit could not be installed)"
[ -x .build/release/rampart ] || swift build -c release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/project"
# 500 pins: each advisory package at the first version its first range introduces (or 1.0).
python3 - "$osv" "$tmp/project/requirements.txt" <<'PY'
import json, sys
records = json.load(open(sys.argv[1]))
pins = {}
for r in records:
    for a in r.get("affected", []):
        name = a["package"]["name"].lower()
        if name in pins: continue
        version = "1.0"
        for rg in a.get("ranges", []):
            for e in rg["events"]:
                if e.get("introduced", "0") != "0": version = e["introduced"]; break
        if a.get("versions"): version = a["versions"][0]
        pins[name] = version
names = sorted(pins)[:500]
open(sys.argv[2], "w").write("".join(f"{n}=={pins[n]}\n" for n in names))
print(f"{len(names)} pinned requirements")
PY
/usr/bin/time -f "%e" -o "$tmp/import.time" .build/release/rampart db import "$osv" --database "$tmp/osv.sqlite" >/dev/null
# The same 500 packages at a version newer than any advisory: a maintained project's case.
mkdir -p "$tmp/current" && sed 's/==.*/==999.0/' "$tmp/project/requirements.txt" > "$tmp/current/requirements.txt"
best_of() {  # folder: best wall time of 5 runs
  local best=999 t
  for run in 1 2 3 4 5; do
    /usr/bin/time -f "%e" -o "$tmp/deps.time" .build/release/rampart deps "$1" --database "$tmp/osv.sqlite" --allow-stale --fail-on none -q --format json --output "$tmp/rampart.json" || true
    t=$(cat "$tmp/deps.time"); best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
  done
  echo "$best"
}
current=$(best_of "$tmp/current")
best=$(best_of "$tmp/project")
findings=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for f in d['findings'] if not f['ruleId'].endswith('unpinned-requirement')))" "$tmp/rampart.json")
echo "database import: $(cat "$tmp/import.time") s"
echo "rampart deps, 500 pins at current versions (best of 5): $current s"
echo "rampart deps, 500 pins at vulnerable versions (best of 5): $best s, $findings vulnerability findings"
if [ -x .venv/bin/pip-audit ]; then
  if /usr/bin/time -f "%e" -o "$tmp/audit.time" .venv/bin/pip-audit --no-deps --disable-pip --progress-spinner off -r "$tmp/project/requirements.txt" -f json -o "$tmp/audit.json" >"$tmp/audit.out" 2>"$tmp/audit.err"; then :; fi
  if [ -s "$tmp/audit.json" ]; then
    a=$(cat "$tmp/audit.time")
    echo "pip-audit (online service): $a s"
    awk -v r="$best" -v a="$a" 'BEGIN { printf "Rampart is %.0fx faster than pip-audit\n", a / r }'
  else
    echo "pip-audit could not run here (it needs network access to PyPI or OSV): $( (grep -m1 -iE "error|connection|resolve" "$tmp/audit.err" || tail -1 "$tmp/audit.err") | cut -c1-160)"
  fi
fi

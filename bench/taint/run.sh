#!/usr/bin/env bash
# Benchmark: the built-in taint rules, Rampart against Semgrep running the same rules (exported
# with `rampart rules export-taint --semgrep`), in one run, on
#   1. the standard library without site-packages (a copy, so Semgrep's default ignores do not apply);
#   2. a synthetic project of 5,000 files, each a web module with a chain of 12 helper calls
#      between a request source and a sink.
# Prints wall and CPU time, peak memory and findings, and the ratios.
#
#   bench/taint/run.sh [--no-semgrep]      (KEEP_TMP=1 keeps the inputs)
set -euo pipefail
cd "$(dirname "$0")/../.."
semgrep=yes
[ "${1:-}" = "--no-semgrep" ] && semgrep=no
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
[ -x .venv/bin/python ] || python3 -m venv .venv
[ "$semgrep" = no ] || [ -x .venv/bin/semgrep ] || .venv/bin/pip install -q --disable-pip-version-check semgrep
[ -x .build/release/rampart ] || swift build -c release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -n "${KEEP_TMP:-}" ] && trap - EXIT && echo "tmp: $tmp"

.build/release/rampart rules export-taint > "$tmp/rampart-rules.yaml"
.build/release/rampart rules export-taint --semgrep > "$tmp/semgrep-rules.yaml"
printf "default_excludes: false\nexclude: ['site-packages/', '__pycache__/', '.semgrepignore']\nscanners: [python]\npython:\n  builtin: false\n" > "$tmp/rampart.yml"

stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
mkdir -p "$tmp/stdlib"
(cd "$stdlib" && find . -name '*.py' -not -path '*/site-packages/*' -not -path '*/__pycache__/*' -print0 | tar --null -T - -cf -) | tar -xf - -C "$tmp/stdlib"
printf '# scan everything\n' > "$tmp/stdlib/.semgrepignore"

python3 - "$tmp/synthetic" <<'PY'
import os, sys
root = sys.argv[1]
for d in range(50):
    os.makedirs(f"{root}/pkg{d}", exist_ok=True)
    for f in range(100):
        chain = "\n".join(f"def step{k}(value):\n    return step{k + 1}(value.strip())\n" for k in range(12))
        open(f"{root}/pkg{d}/views{f}.py", "w").write(f'''import os
import sqlite3
from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect(":memory:")

{chain}
def step12(value):
    return "SELECT * FROM t WHERE name = '" + value + "'"


@app.route("/{d}/{f}")
def view():
    name = request.args.get("name", "")
    rows = db.execute(step0(name)).fetchall()
    safe = db.execute("SELECT * FROM t WHERE id = ?", (int(name),)).fetchall()
    return str(len(rows) + len(safe))
''')
open(f"{root}/.semgrepignore", "w").write("# scan everything\n")
PY

measure() {  # name, command...: prints "wall cpu maxrss_kb"
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || true
  tail -1 "$tmp/$name.time" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}
count_rampart() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['findings']))" "$1"; }
count_semgrep() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['results']), '(%d errors)' % len(d['errors']))" "$1" 2>/dev/null || echo "?"; }

printf '%-44s %8s %8s %9s %12s\n' "tool" "wall s" "cpu s" "peak MB" "findings"
for input in stdlib synthetic; do
  read -r w c m <<<"$(measure "rampart-$input" .build/release/rampart sast "$tmp/$input" --rules "$tmp/rampart-rules.yaml" --config "$tmp/rampart.yml" --fail-on none -q --format json --output "$tmp/rampart-$input.json")"
  printf '%-44s %8s %8s %9d %12s\n' "rampart, 16 taint rules, $input" "$w" "$c" "$((m / 1024))" "$(count_rampart "$tmp/rampart-$input.json")"
  eval "r_${input}_wall=$w r_${input}_cpu=$c"
  read -r w c m <<<"$(measure "default-$input" .build/release/rampart sast "$tmp/$input" --fail-on none -q --format json --output "$tmp/default-$input.json")"
  printf '%-44s %8s %8s %9d %12s\n' "rampart sast (Bandit's checks + taint), $input" "$w" "$c" "$((m / 1024))" "$(count_rampart "$tmp/default-$input.json")"
  if [ "$semgrep" = yes ]; then
    read -r sw sc sm <<<"$(measure "semgrep-$input" .venv/bin/semgrep --metrics=off --disable-version-check --quiet --no-git-ignore \
      --config "$tmp/semgrep-rules.yaml" --json -o "$tmp/semgrep-$input.json" "$tmp/$input")"
    printf '%-44s %8s %8s %9d %12s\n' "semgrep, the same rules, $input" "$sw" "$sc" "$((sm / 1024))" "$(count_semgrep "$tmp/semgrep-$input.json")"
    eval "rw=\$r_${input}_wall rc=\$r_${input}_cpu"
    awk -v rw="$rw" -v rc="$rc" -v sw="$sw" -v sc="$sc" -v input="$input" 'BEGIN {
      printf "Rampart vs Semgrep (%s): %.0fx faster (wall), %.0fx less CPU\n", input, sw / rw, sc / rc }'
  fi
done

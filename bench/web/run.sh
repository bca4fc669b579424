#!/usr/bin/env bash
# Benchmark: `rampart web` on the test suite's vulnerable Flask app with 200 generated catalogue
# pages (Tests/RampartWebTests/Fixtures/flask_app.py), passive baseline and --active, against
# Wapiti 3 (PyPI; crawler plus its default header, cookie and CSP modules, then its injection
# modules) on the same app in the same run. ZAP itself needs Docker or a download that this
# machine cannot make; its published timings are in docs/ARCHITECTURE.md's DAST section.
#
#   bench/web/run.sh [PAGES]   (default 200)
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=${1:-200}
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -c "import flask" 2>/dev/null || .venv/bin/pip install -q --disable-pip-version-check "flask>=3,<4"
[ -x .venv-wapiti/bin/wapiti ] || { python3 -m venv .venv-wapiti && .venv-wapiti/bin/pip install -q --disable-pip-version-check wapiti3 >/dev/null 2>&1; } || echo "(wapiti3 could not be installed)"
[ -x .build/release/rampart ] || swift build -c release
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
.venv/bin/python Tests/RampartWebTests/Fixtures/flask_app.py vulnerable --pages "$pages" > "$tmp/port" 2>/dev/null &
server=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(head -1 "$tmp/port")/"
echo "app: $url ($pages catalogue pages + the fixture's routes)"

run_rampart() {  # label, extra options
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$tmp/time" .build/release/rampart web "$url" --max-pages 1000 --fail-on none -q --format json --output "$tmp/r.json" "$@" 2> "$tmp/err" || true
  read -r wall rss < "$tmp/time"
  python3 - "$tmp/r.json" "$label" "$wall" "$rss" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
note = next((d["message"] for d in report.get("errors", []) if d.get("code") == "requests"), "")
requests = int(note.split()[0]) if note else 0
wall = float(sys.argv[3])
findings = report["findings"]
print(f"rampart {sys.argv[2]}: {wall:.2f} s wall, {requests} requests ({requests / wall:.0f}/s), {len(findings)} findings, peak RSS {int(sys.argv[4]) // 1024} MB")
print(f"  {note}")
PY
  echo "$wall" > "$tmp/rampart-$label.time"
}
run_rampart passive
run_rampart active --active --submit-forms

if [ -x .venv-wapiti/bin/wapiti ]; then
  run_wapiti() {  # label, modules
    rm -rf "$tmp/wapiti-home"; mkdir -p "$tmp/wapiti-home"
    HOME="$tmp/wapiti-home" /usr/bin/time -f "%e %M" -o "$tmp/wtime" .venv-wapiti/bin/wapiti -u "$url" --scope folder -d 10 --max-links-per-page 200 \
      -m "$2" --flush-session -f json -o "$tmp/w.json" --no-bugreport >/dev/null 2>&1 || true
    read -r wall rss < "$tmp/wtime"
    local vulns
    vulns=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(len(v) for v in d.get('vulnerabilities', {}).values()) + sum(len(v) for v in d.get('anomalies', {}).values()))" "$tmp/w.json" 2>/dev/null || echo "?")
    local crawled
    crawled=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d.get('infos', {}).get('crawled_pages_nbr', '?'))" "$tmp/w.json" 2>/dev/null || echo "?")
    echo "wapiti $1: ${wall} s wall, $crawled pages crawled, $vulns findings, peak RSS $((rss / 1024)) MB"
    awk -v w="$wall" -v r="$(cat "$tmp/rampart-$1.time")" -v l="$1" 'BEGIN { printf "  Rampart %s is %.1fx faster than Wapiti\n", l, w / r }'
  }
  run_wapiti passive "http_headers,cookieflags,csp"
  run_wapiti active "http_headers,cookieflags,csp,xss,sql,exec,file,redirect"
fi

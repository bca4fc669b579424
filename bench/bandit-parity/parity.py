#!/usr/bin/env python3
"""Differential test of Rampart's Python SAST (in --bandit-compat mode) against real Bandit.

Runs Bandit (from the virtualenv `.ci/run` makes) and `rampart sast` on the same folder and
compares findings as (file, line, test id, severity, confidence). Prints
`N bandit findings, M rampart findings, K matched, precision P, recall R`, then the
differences by test id. Exits 1 when recall or precision on the implemented checks is below
the given floor.

    bench/bandit-parity/parity.py [--rampart PATH] [--bandit PATH] [--bandit-json FILE] [ROOT]

ROOT defaults to the standard library (without site-packages).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import sysconfig
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(here, "..", ".."))
parser = argparse.ArgumentParser()
parser.add_argument("root", nargs="?", default=sysconfig.get_paths()["stdlib"])
parser.add_argument("--rampart", default=os.path.join(repo, ".build/release/rampart"))
parser.add_argument("--bandit", default=os.path.join(repo, ".venv/bin/bandit"))
parser.add_argument("--bandit-json", help="reuse a Bandit JSON report instead of running Bandit")
parser.add_argument("--min-recall", type=float, default=0.0)
parser.add_argument("--min-precision", type=float, default=0.0)
parser.add_argument("--show", type=int, default=3, help="examples shown per differing test id")
args = parser.parse_args()
root = os.path.abspath(args.root)

if args.bandit_json:
    bandit = json.load(open(args.bandit_json))
else:
    out = tempfile.NamedTemporaryFile(suffix=".json", delete=False).name
    subprocess.run([args.bandit, "-r", root, "-x", os.path.join(root, "site-packages"), "-f", "json", "-o", out, "-q"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    bandit = json.load(open(out))
    os.unlink(out)

config = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False)
config.write("default_excludes: false\nexclude: ['site-packages/', '__pycache__/']\n")
config.close()
ours_out = tempfile.NamedTemporaryFile(suffix=".json", delete=False).name
subprocess.run([args.rampart, "sast", root, "--bandit-compat", "--config", config.name, "--fail-on", "none", "--quiet",
                "--format", "json", "--output", ours_out], check=False)
ours = json.load(open(ours_out))
os.unlink(ours_out)
os.unlink(config.name)


def rel(path):
    return os.path.relpath(os.path.abspath(path), root)


theirs = collections.Counter(
    (rel(r["filename"]), r["line_number"], r["test_id"], r["issue_severity"].lower(), r["issue_confidence"].lower())
    for r in bandit["results"])
mine = collections.Counter(
    (f["location"]["path"], f["location"]["line"], f["ruleId"].split("/", 1)[1], f["severity"], f["confidence"])
    for f in ours["findings"] if f["scanner"] == "python" and not f["suppressed"])
matched = sum((theirs & mine).values())
n_theirs, n_mine = sum(theirs.values()), sum(mine.values())
precision = matched / n_mine if n_mine else 1.0
recall = matched / n_theirs if n_theirs else 1.0
print(f"{n_theirs} bandit findings, {n_mine} rampart findings, {matched} matched, precision {precision:.4f}, recall {recall:.4f}")

missing = theirs - mine
extra = mine - theirs
by_id = collections.defaultdict(lambda: [[], []])
for key, count in missing.items():
    by_id[key[2]][0].extend([key] * count)
for key, count in extra.items():
    by_id[key[2]][1].extend([key] * count)
for test_id in sorted(by_id):
    miss, add = by_id[test_id]
    print(f"  {test_id}: {len(miss)} missed, {len(add)} extra")
    for key in miss[:args.show]:
        print(f"    missed {key}")
    for key in add[:args.show]:
        print(f"    extra  {key}")
errors = [e for e in ours.get("errors", []) if e.get("scanner") == "python"]
print(f"rampart skipped {len(errors)} files that do not parse; bandit skipped {len(bandit.get('errors', []))}")
sys.exit(0 if recall >= args.min_recall and precision >= args.min_precision else 1)

#!/usr/bin/env python3
"""Scores a tool on the labelled taint corpus (Tests/RampartPythonSASTTests/Fixtures/
taint-benchmark): per category the true-positive rate minus the false-positive rate over its
20 handlers, and the mean.

    bench/taint/score.py [--rampart PATH] [--bandit] [--semgrep RULES]

`--semgrep RULES` scores Semgrep running Rampart's built-in rules, exported in its format
(`rampart rules export-taint --semgrep > rules.yaml`).

A handler counts as flagged when the tool reports, anywhere in its file, a finding of the
rules that cover its category.
"""
import argparse, csv, json, os, subprocess, sys, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(ROOT, "Tests/RampartPythonSASTTests/Fixtures/taint-benchmark")

RAMPART = {
    "cmdi": ["python/taint-command-injection"], "codeinj": ["python/taint-code-injection"], "sqli": ["python/taint-sql-injection"],
    "ldapi": ["python/taint-ldap-injection"], "xpathi": ["python/taint-xpath-injection"], "xxe": ["python/taint-xxe"],
    "pathtraver": ["python/taint-path-traversal"], "redirect": ["python/taint-open-redirect"], "xss": ["python/taint-xss"],
    "trustbound": ["python/taint-trust-boundary"], "deserialization": ["python/taint-deserialization"],
    "hash": ["python/taint-weak-hash"], "weakrand": ["python/taint-weak-random"], "securecookie": ["python/taint-insecure-cookie"],
}
# Bandit's checks that cover each category (none for some: Bandit has no such check).
BANDIT = {
    "cmdi": ["B602", "B604", "B605", "B609"], "codeinj": ["B102", "B307"], "sqli": ["B608", "B610", "B611"], "ldapi": [], "xpathi": ["B320"],
    "xxe": ["B313", "B314", "B315", "B316", "B317", "B318", "B319", "B320", "B410"], "pathtraver": [], "redirect": [],
    "xss": ["B701", "B703", "B704"], "trustbound": [], "deserialization": ["B301", "B302", "B506"], "hash": ["B303", "B324"],
    "weakrand": ["B311"], "securecookie": [],
}


def labels():
    with open(os.path.join(CORPUS, "labels.csv")) as f:
        return list(csv.DictReader(f))


def score(flagged, rows, out=sys.stdout, title="tool"):
    cats = sorted({r["category"] for r in rows})
    results = {}
    print(f"{title}: category  TPR   FPR   TPR-FPR  (missed / false alarms)", file=out)
    for cat in cats:
        mine = [r for r in rows if r["category"] == cat]
        vul = [r for r in mine if r["vulnerable"] == "true"]
        safe = [r for r in mine if r["vulnerable"] == "false"]
        tp = [r for r in vul if (r["file"], cat) in flagged]
        fp = [r for r in safe if (r["file"], cat) in flagged]
        tpr, fpr = len(tp) / len(vul), len(fp) / len(safe)
        results[cat] = tpr - fpr
        missed = [r["reason"] for r in vul if r not in tp]
        alarms = [r["reason"] for r in fp]
        print(f"  {cat:16s} {tpr:5.2f} {fpr:5.2f} {tpr - fpr:7.2f}  {missed} / {alarms}", file=out)
    mean = sum(results.values()) / len(results)
    print(f"  mean TPR-FPR {mean:.3f}, lowest {min(results.values()):.2f} ({min(results, key=results.get)})", file=out)
    return results, mean


def rampart(path):
    out = subprocess.run([path, "sast", CORPUS, "--format", "json", "--fail-on", "none", "-q"], capture_output=True, text=True)
    report = json.loads(out.stdout)
    flagged = set()
    for f in report["findings"]:
        for cat, ids in RAMPART.items():
            if f["ruleId"] in ids:
                flagged.add((f["location"]["path"], cat))
    return flagged


def bandit():
    exe = os.path.join(ROOT, ".venv/bin/bandit")
    out = subprocess.run([exe, "-r", "-q", "-f", "json", CORPUS], capture_output=True, text=True)
    report = json.loads(out.stdout)
    flagged = set()
    for r in report["results"]:
        path = os.path.relpath(r["filename"], CORPUS)
        for cat, ids in BANDIT.items():
            if r["test_id"] in ids:
                flagged.add((path, cat))
    return flagged


def semgrep(rules):
    exe = os.path.join(ROOT, ".venv/bin/semgrep")
    out = subprocess.run([exe, "--metrics=off", "--disable-version-check", "--quiet", "--json", "--no-git-ignore", "--config", rules, CORPUS],
                         capture_output=True, text=True)
    report = json.loads(out.stdout)
    flagged = set()
    for r in report["results"]:
        path = os.path.relpath(r["path"], CORPUS)
        rule = "python/" + r["check_id"].split(".")[-1]
        for cat, ids in RAMPART.items():
            if rule in ids:
                flagged.add((path, cat))
    return flagged


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rampart", default=os.path.join(ROOT, ".build/release/rampart"))
    parser.add_argument("--bandit", action="store_true")
    parser.add_argument("--semgrep", metavar="RULES", help="the same rules for Semgrep (`rampart rules export-taint --semgrep`)")
    args = parser.parse_args()
    rows = labels()
    score(rampart(args.rampart), rows, title="rampart")
    if args.bandit:
        score(bandit(), rows, title="bandit")
    if args.semgrep:
        score(semgrep(args.semgrep), rows, title="semgrep")


if __name__ == "__main__":
    main()

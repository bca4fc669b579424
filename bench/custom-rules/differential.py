#!/usr/bin/env python3
"""Differential test of Rampart's custom rules against Semgrep itself.

Runs every rule of a corpus folder (rule files and their targets) with both tools and compares
findings as (rule id, file, start line, end line), both ways. Prints
`N semgrep findings, M rampart findings, K matched` and each difference.

    differential.py [--corpus DIR] [--rampart PATH] [--semgrep PATH] [--json OUT]
    differential.py --rules RULES --target DIR     (any rules on any code: a real-code check)

Exit status: 0 when both sides agree, 1 when they differ, 2 when a tool could not run.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def semgrep_findings(semgrep, corpus, rules):
    # Semgrep skips test folders and more unless the target has its own .semgrepignore.
    ignore = os.path.join(corpus, ".semgrepignore")
    made = not os.path.exists(ignore)
    if made:
        open(ignore, "w").write("# scan everything (Rampart's differential)\n")
    try:
        proc = subprocess.run(
            [semgrep, "--metrics=off", "--disable-version-check", "--quiet", "--json", "--no-git-ignore", "--timeout", "0",
             "--config", rules, corpus],
            capture_output=True, text=True, cwd=corpus)
    finally:
        if made:
            os.remove(ignore)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"semgrep did not answer with JSON (exit {proc.returncode}): {proc.stderr[-2000:]}")
    if data.get("errors"):
        print(f"semgrep reported {len(data['errors'])} error(s):", file=sys.stderr)
        for e in data["errors"][:10]:
            print("  ", str(e.get("message", e))[:300], file=sys.stderr)
    # Files Semgrep could not parse are left out of the comparison (both sides).
    unparsed = set()
    for e in data.get("errors", []):
        for span in e.get("spans", []) or []:
            if span.get("file"):
                unparsed.add(os.path.relpath(span["file"], corpus) if os.path.isabs(span["file"]) else span["file"])
        if e.get("path"):
            unparsed.add(os.path.relpath(e["path"], corpus) if os.path.isabs(e["path"]) else e["path"])
    prefix = os.path.basename(os.path.normpath(rules)) + "."
    out = set()
    for r in data["results"]:
        rule = r["check_id"]
        # With --config DIR Semgrep prefixes ids with the folder's name.
        rule = rule.split(prefix, 1)[-1] if os.path.isdir(rules) and prefix in rule else rule.rsplit(".", 1)[-1]
        out.add((rule, os.path.relpath(os.path.join(corpus, r["path"]) if not os.path.isabs(r["path"]) else r["path"], corpus),
                 r["start"]["line"], r["end"]["line"]))
    return {k for k in out if k[1] not in unparsed}, len(data["results"]), unparsed


def rampart_findings(rampart, corpus, rules):
    proc = subprocess.run(
        [rampart, "sast", corpus, "--rules", rules, "--format", "json", "--fail-on", "none", "-q",
         "--config", os.path.join(HERE, "rampart.yml")],
        capture_output=True, text=True)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"rampart did not answer with JSON (exit {proc.returncode}): {proc.stderr[-2000:]}")
    for d in data.get("diagnostics", data.get("summary", {}).get("diagnostics", [])) or []:
        if d.get("level") == "error":
            print("rampart error:", d.get("path", ""), d.get("line", ""), d.get("message", "")[:300], file=sys.stderr)
    out = set()
    for f in data["findings"]:
        if not f["ruleId"].startswith("rules/") or f.get("suppression"):
            continue
        loc = f["location"]
        out.add((f["ruleId"][len("rules/"):], os.path.relpath(os.path.join(corpus, loc["path"]), corpus) if not os.path.isabs(loc["path"]) else os.path.relpath(loc["path"], corpus),
                 loc["line"], loc.get("endLine", loc["line"])))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(ROOT, "Tests/RampartCustomRulesTests/Fixtures/corpus"))
    ap.add_argument("--rampart", default=os.path.join(ROOT, ".build/debug/rampart"))
    ap.add_argument("--semgrep", default=os.path.join(ROOT, ".venv/bin/semgrep"))
    ap.add_argument("--json", help="write the comparison here")
    ap.add_argument("--rules", help="rule file or folder (default: the corpus itself)")
    ap.add_argument("--target", help="code to scan (default: the corpus itself)")
    args = ap.parse_args()
    corpus = os.path.abspath(args.target or args.corpus)
    rules = os.path.abspath(args.rules or args.corpus)
    for tool in (args.rampart, args.semgrep):
        if not os.access(tool, os.X_OK):
            print(f"cannot run {tool}", file=sys.stderr)
            return 2
    sg, raw, unparsed = semgrep_findings(args.semgrep, corpus, rules)
    rp = {k for k in rampart_findings(args.rampart, corpus, rules) if k[1] not in unparsed}
    if unparsed:
        print(f"left out: {len(unparsed)} file(s) Semgrep could not parse: {', '.join(sorted(unparsed)[:5])}")
    both = sg & rp
    print(f"{len(sg)} semgrep findings, {len(rp)} rampart findings, {len(both)} matched"
          f" ({raw} semgrep results before merging identical ranges)")
    only_sg = sorted(sg - rp, key=lambda k: (k[1], k[2], k[0]))
    only_rp = sorted(rp - sg, key=lambda k: (k[1], k[2], k[0]))
    for label, items in (("only semgrep", only_sg), ("only rampart", only_rp)):
        for rule, path, start, end in items:
            print(f"  {label:13} {path}:{start}-{end}  {rule}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"semgrep": len(sg), "rampart": len(rp), "matched": len(both),
                       "only_semgrep": only_sg, "only_rampart": only_rp}, fh, indent=1)
    return 0 if not only_sg and not only_rp else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Differential test of Rampart's Python parser against CPython's own `ast`.

Parses every .py file under the given roots with CPython (`ast.parse` + `ast.dump(...,
include_attributes=True)`) and with `rampart python-ast`, compares the dumps including positions,
and prints `N files, M identical, K differ, E both rejected` (plus the files only one side
rejected). Exits 1 when any file differs or is rejected by one side only.

    bench/python-ast/diff.py [--rampart PATH] [--show N] [--list-differences FILE] ROOT...

With no ROOT, the standard library without site-packages.
"""
import argparse
import ast
import os
import subprocess
import sys
import sysconfig
import tempfile
import warnings


def python_files(roots):
    for root in roots:
        if os.path.isfile(root):
            yield root
            continue
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            if os.path.basename(folder) == "site-packages" and root != folder and not args.include_site_packages:
                dirs[:] = []
                continue
            for name in sorted(files):
                if name.endswith(".py"):
                    yield os.path.join(folder, name)


def cpython_dump(path):
    try:
        with open(path, "rb") as f:
            source = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source, filename=path)
        return ast.dump(tree, include_attributes=True)
    except (SyntaxError, ValueError, UnicodeDecodeError) as error:
        return None
    except RecursionError:
        return None
    except MemoryError:
        return None


def rampart_dumps(rampart, paths):
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt") as listing:
        listing.write("\n".join(paths) + "\n")
        list_path = listing.name
    try:
        result = subprocess.run([rampart, "python-ast", "--python", "3.11", "--files-from", list_path, "/dev/null"],
                                capture_output=True, timeout=3600)
    finally:
        os.unlink(list_path)
    out = result.stdout.decode("utf-8", "surrogateescape")
    dumps = {}
    current = None
    lines = []
    for line in out.split("\n"):
        if line.startswith("==> "):
            if current is not None:
                dumps[current] = "\n".join(lines).rstrip("\n")
            current = line[4:]
            lines = []
        else:
            lines.append(line)
    if current is not None:
        dumps[current] = "\n".join(lines).rstrip("\n")
    return dumps


parser = argparse.ArgumentParser()
parser.add_argument("roots", nargs="*")
parser.add_argument("--rampart", default=os.path.join(os.path.dirname(__file__), "../../.build/release/rampart"))
parser.add_argument("--show", type=int, default=5, help="print the first N differences")
parser.add_argument("--list-differences", help="write every differing or one-sided file to this file")
parser.add_argument("--include-site-packages", action="store_true")
args = parser.parse_args()

roots = args.roots or [sysconfig.get_paths()["stdlib"]]
paths = list(python_files(roots))
ours = rampart_dumps(args.rampart, paths)
identical = differ = both_rejected = only_cpython_rejects = only_rampart_rejects = 0
problems = []
for path in paths:
    theirs = cpython_dump(path)
    mine = ours.get(path)
    mine_rejected = mine is None or mine.startswith("!! ")
    if theirs is None and mine_rejected:
        both_rejected += 1
    elif theirs is None:
        only_cpython_rejects += 1
        problems.append((path, "CPython rejects, Rampart accepts", ""))
    elif mine_rejected:
        only_rampart_rejects += 1
        problems.append((path, "Rampart rejects: " + (mine or "no output")[:300], ""))
    elif mine == theirs:
        identical += 1
    else:
        differ += 1
        at = next((i for i, (a, b) in enumerate(zip(mine, theirs)) if a != b), min(len(mine), len(theirs)))
        problems.append((path, "differs", "rampart: ..." + mine[max(0, at - 150):at + 150] + "\ncpython: ..." + theirs[max(0, at - 150):at + 150]))

for path, what, detail in problems[:args.show]:
    print(f"{path}: {what}")
    if detail:
        print(detail)
if args.list_differences:
    with open(args.list_differences, "w") as f:
        for path, what, _ in problems:
            f.write(f"{path}\t{what.splitlines()[0]}\n")
print(f"{len(paths)} files, {identical} identical, {differ} differ, {both_rejected} both rejected"
      f" ({only_rampart_rejects} rejected by Rampart only, {only_cpython_rejects} by CPython only)")
sys.exit(0 if differ == 0 and only_rampart_rejects == 0 and only_cpython_rejects == 0 else 1)

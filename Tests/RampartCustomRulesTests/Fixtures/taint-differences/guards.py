# Guards (Rampart's `by-guard` sanitizers, docs/taint.md): Semgrep has no such option.
import os
import re
from flask import abort

BASE = "/srv/files"


def early_return():
    p = source()
    if '..' in p:
        return
    # ok: path-with-guards
    open(p)


def no_early_exit():
    p = source()
    if '..' in p:
        print("suspicious")
    # ruleid: path-with-guards
    open(p)


def abort_on_failure():
    p = source()
    if not os.path.realpath(p).startswith(BASE):
        abort(403)
    # ok: path-with-guards
    open(p)


def inside_the_check():
    p = source()
    if re.fullmatch(r"[a-z]+", p):
        # ok: path-with-guards
        open(p)
    # ruleid: path-with-guards
    open(p)


def asserted():
    p = source()
    assert os.path.realpath(p).startswith(BASE)
    # ok: path-with-guards
    open(p)


def combined(flag):
    p = source()
    if re.fullmatch("[a-z]+", p) and flag:
        # ok: path-with-guards
        open(p)
    if re.fullmatch("[a-z]+", p) or flag:
        # ruleid: path-with-guards
        open(p)
    if not ('..' in p or flag):
        # ok: path-with-guards
        open(p)


def another_variable():
    p = source()
    q = source()
    if '..' in q:
        raise ValueError("bad path")
    # ruleid: path-with-guards
    open(p)
    # ok: path-with-guards
    open(q)

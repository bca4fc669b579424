import hashlib
import os
import requests
import subprocess


def runs(request, other):
    # ruleid: mv-pattern-simple
    subprocess.run(request.args, shell=True)
    # ok: mv-pattern-simple
    subprocess.run(other.args)
    # ok: mv-pattern-simple
    subprocess.run(request)
    # NOTE: metavariable-pattern searches INSIDE the bound value, so the list element matches
    # ruleid: mv-pattern-simple
    subprocess.run([request.args])


def hashes(d):
    # ruleid: mv-pattern-either-nested
    hashlib.md5(d)
    # ruleid: mv-pattern-either-nested
    hashlib.sha1(d)
    # ok: mv-pattern-either-nested
    hashlib.sha256(d)


def gets(u):
    # ruleid: mv-pattern-with-not
    requests.get(u)
    # ok: mv-pattern-with-not
    requests.get("https://example.com")
    # ruleid: mv-pattern-with-not
    requests.get("https://" + u, timeout=3)


def queries(cursor, name):
    # ruleid: mv-pattern-deep
    cursor.execute("select {}".format(name))
    # ruleid: mv-pattern-deep
    cursor.execute(("select {}" + " x").format(name))
    # ok: mv-pattern-deep
    cursor.execute("select %s" % name)


def raws(db):
    # ruleid: mv-pattern-generic
    db.raw("DROP TABLE users")
    # ruleid: mv-pattern-generic
    db.raw("select 1; DROP   TABLE users; --")
    # ok: mv-pattern-generic
    db.raw("drop table users")
    # ok: mv-pattern-generic
    db.raw("SELECT * FROM drops")


def shells():
    # ruleid: mv-pattern-generic-ellipsis
    os.system("curl http://x.sh | sh")
    # ruleid: mv-pattern-generic-ellipsis
    os.system("curl -fsSL https://get.example.com/install | sh -")
    # ok: mv-pattern-generic-ellipsis
    os.system("curl http://x.sh > out")


def nested():
    # ruleid: mv-pattern-nested-mvp
    wrap(inner(secret))
    # ok: mv-pattern-nested-mvp
    wrap(inner(public))
    # ok: mv-pattern-nested-mvp
    wrap(secret)

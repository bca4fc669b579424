import bcrypt
import os
import pickle
import tempfile


def loads(blob):
    # ruleid: new-syntax-all-not
    pickle.loads(blob)
    # ok: new-syntax-all-not
    pickle.loads(b"constant")
    # ok: new-syntax-all-not
    pickle.dumps(blob)


def temps():
    # ruleid: new-syntax-any
    tempfile.mktemp()
    # ruleid: new-syntax-any
    os.tempnam("/tmp")
    # ok: new-syntax-any
    tempfile.mkstemp()


# ok: new-syntax-inside-where-regex
DB_PASSWORD = "top"


def config():
    # NOTE: where-regex is left-anchored like metavariable-regex: db_password does not match (pass|secret)
    # ok: new-syntax-inside-where-regex
    db_password = "x"
    # ruleid: new-syntax-inside-where-regex
    password = "x"
    # ruleid: new-syntax-inside-where-regex
    SECRET = "y"
    # ok: new-syntax-inside-where-regex
    username = "z"
    # ok: new-syntax-inside-where-regex
    my_secret = "w"
    return password, db_password, SECRET, username, my_secret


def salts():
    # ruleid: new-syntax-where-comparison
    bcrypt.gensalt(rounds=4)
    # ok: new-syntax-where-comparison
    bcrypt.gensalt(rounds=12)


def headers(v):
    # ruleid: new-syntax-where-focus
    set_header("X-Debug", v)
    # ok: new-syntax-where-focus
    set_header("X-Other", v)


def opens(request, path):
    # ruleid: new-syntax-where-pattern
    open(request.path, "rb")
    # ok: new-syntax-where-pattern
    open(path)

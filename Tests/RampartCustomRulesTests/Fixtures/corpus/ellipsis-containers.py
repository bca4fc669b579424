def strings(x):
    # ruleid: ellipsis-containers-string-any
    log("hello")
    # ruleid: ellipsis-containers-string-any
    log('')
    # NOTE: "..." does not match an f-string
    # ok: ellipsis-containers-string-any
    log(f"value {x}")
    # ok: ellipsis-containers-string-any
    log(x)
    # ok: ellipsis-containers-string-any
    log("a", "b")
    # NOTE: "..." does match a bytes literal
    # ruleid: ellipsis-containers-string-any
    log(b"bytes")


def lists(h):
    # ruleid: ellipsis-containers-list-contains
    allow_hosts(["*"])
    # ruleid: ellipsis-containers-list-contains
    allow_hosts(["a", "*", "b"])
    # ok: ellipsis-containers-list-contains
    allow_hosts(["a", "b"])
    # ok: ellipsis-containers-list-contains
    allow_hosts(("*",))
    # ok: ellipsis-containers-list-contains
    allow_hosts([["*"]])
    # ruleid: ellipsis-containers-list-prefix
    a = [0, 1, 2]
    # ruleid: ellipsis-containers-list-prefix
    b = [0]
    # ok: ellipsis-containers-list-prefix
    c = [1, 0]
    # ok: ellipsis-containers-list-prefix
    d = (0, 1)


def dicts(v):
    # ruleid: ellipsis-containers-dict-key
    cfg = {"debug": True}
    # ruleid: ellipsis-containers-dict-key
    cfg = {"a": 1, "debug": v, "b": 2}
    # ok: ellipsis-containers-dict-key
    cfg = {"Debug": True}
    # ok: ellipsis-containers-dict-key
    cfg = dict(debug=True)
    # ok: ellipsis-containers-dict-key
    cfg = {"nested": {"x": 1}}


def tuples(x):
    # ruleid: ellipsis-containers-tuple
    t = (1, 2, None)
    # ruleid: ellipsis-containers-tuple
    t = (None,)
    # ok: ellipsis-containers-tuple
    t = (None, 1)
    # ok: ellipsis-containers-tuple
    t = [1, None]


def sets(x):
    # ruleid: ellipsis-containers-set
    s = {"sha1", "md5"}
    # ok: ellipsis-containers-set
    s = {"sha1", "sha256"}
    # ok: ellipsis-containers-set
    s = ["md5"]


# ruleid: ellipsis-containers-empty-list
def f1(a, items=[]):
    return a


# ruleid: ellipsis-containers-empty-list
def f2(items=[], *, flag=False):
    return items


# ok: ellipsis-containers-empty-list
def f3(items=None):
    return items


# ok: ellipsis-containers-empty-list
def f4(items=[1]):
    return items


def chains(db, q):
    # ruleid: ellipsis-containers-chain
    db.objects.filter(a=1).raw("select")
    # ruleid: ellipsis-containers-chain
    db.raw("select")
    # ok: ellipsis-containers-chain
    db.objects.filter(a=1).raw
    # ok: ellipsis-containers-chain
    raw("select")

def cookies(resp, flag):
    # ruleid: kwargs-two-any-order
    resp.set_cookie = set_cookie("a", httponly=True, secure=False)
    # ruleid: kwargs-two-any-order
    set_cookie("a", secure=False, max_age=1, httponly=True)
    # ok: kwargs-two-any-order
    set_cookie("a", secure=False)
    # ok: kwargs-two-any-order
    set_cookie("a", httponly=True, secure=flag)
    # ok: kwargs-two-any-order
    set_cookie("a", True, False)


def connections(h, p):
    # ruleid: kwargs-exact-only
    connect(host=h, port=p)
    # ruleid: kwargs-exact-only
    connect(port=p, host=h)
    # ok: kwargs-exact-only
    connect(host=h, port=p, timeout=1)
    # ok: kwargs-exact-only
    connect(h, p)


def builders(x):
    # ruleid: kwargs-key-metavar
    build(name=None)
    # ruleid: kwargs-key-metavar
    build(x, a=1, b=None)
    # ok: kwargs-key-metavar
    build(None)
    # ok: kwargs-key-metavar
    build(name="None")


def emits(pw):
    # ruleid: kwargs-key-metavar-regex
    emit("event", password=pw)
    # ruleid: kwargs-key-metavar-regex
    emit(Token=pw)
    # ok: kwargs-key-metavar-regex
    emit("event", passwords=pw)
    # ok: kwargs-key-metavar-regex
    emit("password", pw)


def unpack(opts, f):
    # ruleid: kwargs-double-star
    run(**opts)
    # ruleid: kwargs-double-star
    f.call(1, x=2, **opts)
    # ok: kwargs-double-star
    run(*opts)
    # ok: kwargs-double-star
    run(**opts, x=1)

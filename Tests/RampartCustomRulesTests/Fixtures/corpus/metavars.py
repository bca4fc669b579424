def compare(a, b, obj):
    # ruleid: metavars-self-compare
    if a == a:
        pass
    # ruleid: metavars-self-compare
    if obj.x == obj.x:
        pass
    # ruleid: metavars-self-compare
    if f(a) == f(a):
        pass
    # ok: metavars-self-compare
    if a == b:
        pass
    # ok: metavars-self-compare
    if obj.x == obj.y:
        pass
    # ok: metavars-self-compare
    if a != a:
        pass


def pairs(a, b):
    # ruleid: metavars-underscore-independent, metavars-same-arg-twice
    pair(a, a)
    # ruleid: metavars-underscore-independent
    pair(a, b)
    # ok: metavars-underscore-independent
    pair(a)
    # ruleid: metavars-same-arg-twice, metavars-underscore-independent
    pair(1 + 2, 1 + 2)
    # ruleid: metavars-underscore-independent
    pair(1 + 2, 2 + 1)


def spreads(a, b, c):
    # ruleid: metavars-spread-args
    forward(a)
    # ruleid: metavars-spread-args
    forward(a, b, c)
    # ok: metavars-spread-args
    forward()
    # NOTE: a metavariable argument binds a splat argument too ($LAST = *a)
    # ruleid: metavars-spread-args
    forward(*a)
    # ruleid: metavars-spread-reuse
    check(a, b)
    log()
    execute(a, b)
    # ok: metavars-spread-reuse
    check(a, b)
    execute(b, a)


def methods(client, pw):
    # ruleid: metavars-func-name
    client.login(password=pw)
    # ruleid: metavars-func-name
    client.session.connect(password="x")
    # ok: metavars-func-name
    login(password=pw)
    # ok: metavars-func-name
    client.login(pw)
    # ok: metavars-func-name
    client.login(user="u", password=pw)


def assigns(x, y):
    # ruleid: metavars-assign-self
    x = x
    # ok: metavars-assign-self
    x = y
    # ok: metavars-assign-self
    x = x + 0
    # ruleid: metavars-call-any
    r = wrap(wrap(1))
    # ok: metavars-call-any
    r = wrap(unwrap(1))
    # ok: metavars-call-any
    r = wrap(wrap(1), 2)

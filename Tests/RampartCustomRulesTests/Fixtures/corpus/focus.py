def logins(u, pw, other):
    # ruleid: focus-single
    login(u, pw)
    login(
        u,
        # ruleid: focus-single
        "hunter2",
    )
    # ok: focus-single
    login(u)
    # ok: focus-single
    logout(u, pw)


def swaps(a, b):
    # ruleid: focus-two-list
    swap(a, b)
    # NOTE: a list of metavariables gives one finding per metavariable (union), each at its own range
    swap(
        # ruleid: focus-two-list
        a,
        # ruleid: focus-two-list
        b,
    )
    # ok: focus-two-list
    swap(a)


def pairs(a, b):
    # NOTE: separate focus-metavariable entries intersect their ranges
    # ruleid: focus-two-separate
    pair_up(a, b)
    # ruleid: focus-two-separate
    pair_up(wrap(a), b)


def queries(q):
    # ruleid: focus-with-not
    execute(q)
    # NOTE: pattern-not is checked against the whole execute(...) match, not the focused range, so this is still reported
    # ruleid: focus-with-not
    execute("select 1")
    # ruleid: focus-with-not
    execute("select " + q, 1)


# ruleid: focus-stmt-metavar
def runner(code):
    eval(code)


# ok: focus-stmt-metavar
def safe_runner(code):
    print(code)


def flows():
    # ruleid: focus-repeated-binding
    v = taint()
    # NOTE: only the first occurrence of $V is focused
    # ok: focus-repeated-binding
    sink(v)

import os


def subs(key, data):
    # ruleid: expressions-subscript
    v = os.environ["HOME"]
    # ruleid: expressions-subscript
    v = os.environ[key]
    # ok: expressions-subscript
    v = os.environ.get("HOME")
    # ok: expressions-subscript
    v = environ["HOME"]
    # ruleid: expressions-slice
    h = data[:8]
    # ok: expressions-slice
    h = data[0:8]
    # ok: expressions-slice
    h = data[:9]
    # ok: expressions-slice
    h = data[8]
    # ruleid: expressions-unary-minus
    t = data[-1]
    # ok: expressions-unary-minus
    t = data[1]
    return v, h, t


def binops(user_input, other):
    # ruleid: expressions-binop-concat
    q = "select " + user_input
    # ok: expressions-binop-concat
    q = user_input + "select "
    # ok: expressions-binop-concat
    q = "select " + other
    # ok: expressions-binop-concat
    q = "select " % user_input
    # NOTE: "a" + "b" is constant-folded into a string, so this matches
    # ruleid: expressions-binop-concat
    q = "a" + "b" + user_input
    return q


def comparisons(x, n, a, b, c):
    # ruleid: expressions-compare-lt
    if len(x) < n:
        pass
    # ok: expressions-compare-lt
    if n > len(x):
        pass
    # ok: expressions-compare-lt
    if len(x) <= n:
        pass
    # NOTE: reported range starts at the first `<` (col 10), not at `a`; it ends after `c`
    # ruleid: expressions-chained-compare
    if a < b < c:
        pass
    # ok: expressions-chained-compare
    if a < b and b < c:
        pass
    # ruleid: expressions-not
    if not verify(x):
        pass
    # ok: expressions-not
    if verify(x):
        pass
    # ruleid: expressions-is-none
    if x.token is None:
        pass
    # ok: expressions-is-none
    if x.token == None:
        pass
    # ok: expressions-is-none
    if x.token is not None:
        pass


def booleans(a, b, c):
    # ruleid: expressions-bool-three
    if a and b and c:
        pass
    # ok: expressions-bool-three
    if a and b:
        pass
    # ok: expressions-bool-three
    if a and b or c:
        pass
    # ruleid: expressions-bool-three
    if (a and b) and c:
        pass
    # ruleid: expressions-bool-three
    if a and (b and c):
        pass
    # NOTE: operand order matters for and/or
    # ok: expressions-bool-three
    if c and b and a:
        pass

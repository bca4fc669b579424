import os


def orders(u, role):
    # ruleid: equivalences-or-order
    if is_admin(u) or is_staff(u):
        pass
    # ok: equivalences-or-order
    if is_staff(u) or is_admin(u):
        pass
    # NOTE: boolean chains are flattened n-ary: a 2-operand pattern does not match a 3-operand chain
    # ok: equivalences-or-order
    if is_admin(u) or is_staff(u) or other(u):
        pass
    # ok: equivalences-or-order
    if other(u) or is_admin(u) or is_staff(u):
        pass
    # ruleid: equivalences-eq-order
    if role == "admin":
        pass
    # ok: equivalences-eq-order
    if "admin" == role:
        pass
    # ok: equivalences-eq-order
    if role != "admin":
        pass


def parens(a, b, c):
    # ruleid: equivalences-parens
    x = (a + b) * c
    # ruleid: equivalences-parens
    x = ((a + b)) * (c)
    # ok: equivalences-parens
    x = a + b * c
    # ruleid: equivalences-redundant-parens-arg
    single((x))
    # ok: equivalences-redundant-parens-arg
    single((x,))
    return x


def pair(flag):
    if flag:
        # ruleid: equivalences-tuple-parens
        return (1, 2)
    if not flag:
        # ruleid: equivalences-tuple-parens
        return 1, 2
    # ok: equivalences-tuple-parens
    return [1, 2]


def ints(p):
    # ruleid: equivalences-int-literal
    os.chmod(p, 0o777)
    # ruleid: equivalences-int-literal
    os.chmod(p, 511)
    # ruleid: equivalences-int-literal
    os.chmod(p, 0x1FF)
    # ok: equivalences-int-literal
    os.chmod(p, 0o755)
    # ok: equivalences-int-literal
    os.chmod(p, 511.0)


def bools(app):
    # ruleid: equivalences-true
    app.run(debug=True)
    # ok: equivalences-true
    app.run(debug=1)
    # ok: equivalences-true
    app.run(debug="True")


def strings():
    # ruleid: equivalences-string-quotes
    use("foo")
    # ruleid: equivalences-string-quotes
    use('foo')
    # ruleid: equivalences-string-quotes
    use("fo" "o")
    # ruleid: equivalences-string-quotes
    use(r"foo")
    # NOTE: a string pattern also matches the bytes literal with the same content
    # ruleid: equivalences-string-quotes
    use(b"foo")
    # ok: equivalences-string-quotes
    use("Foo")


def annotated(n):
    # ruleid: equivalences-plain-assign-vs-annotated
    limit = n
    # ruleid: equivalences-plain-assign-vs-annotated
    limit: int = 10
    # ok: equivalences-plain-assign-vs-annotated
    limit += 1
    # ok: equivalences-plain-assign-vs-annotated
    limits = n

def sql(cur, name, table):
    # ruleid: fstrings-lambda-fstring-in-execute
    cur.execute(f"select * from users where name = '{name}'")
    # ruleid: fstrings-lambda-fstring-in-execute
    cur.execute(f"{table}")
    # ok: fstrings-lambda-fstring-in-execute
    cur.execute("select * from users where name = %s", (name,))
    # ok: fstrings-lambda-fstring-in-execute
    cur.execute(f"select 1")
    # ruleid: fstrings-lambda-fstring-in-execute
    cur.execute(f"select {table} where {name}")
    # ruleid: fstrings-lambda-fstring-prefix
    q = f"SELECT {name}"
    # ok: fstrings-lambda-fstring-prefix
    q = f"DELETE {name}"
    # ok: fstrings-lambda-fstring-prefix
    q = "SELECT {name}"
    return q


def comps(items, d):
    # ruleid: fstrings-lambda-list-comp
    a = [str(i) for i in items]
    # ok: fstrings-lambda-list-comp
    b = [str(j) for i in items]
    # ok: fstrings-lambda-list-comp
    c = {str(i) for i in items}
    # ruleid: fstrings-lambda-any-comp
    e = [i * 2 for i in range(10)]
    # NOTE: a comprehension pattern without an `if` clause does not match one with a filter
    # ok: fstrings-lambda-any-comp
    e = [x for x in range(3) if x]
    # ok: fstrings-lambda-any-comp
    e = [i for i in items]
    # ruleid: fstrings-lambda-dict-comp
    f = {k: v for k, v in d.items()}
    # ok: fstrings-lambda-dict-comp
    f = {v: k for k, v in d.items()}
    # ruleid: fstrings-lambda-generator
    g = any(x > 1 for x in items)
    # NOTE: a generator-expression pattern also matches a list comprehension argument
    # ruleid: fstrings-lambda-generator
    g = any([x > 1 for x in items])
    return a, b, c, e, f, g


def lambdas(items):
    # ruleid: fstrings-lambda-lambda
    h = lambda s: eval(s)
    # ok: fstrings-lambda-lambda
    h = lambda s: eval(t)
    # ok: fstrings-lambda-lambda
    h = lambda s, t: eval(s)
    # ruleid: fstrings-lambda-lambda-any
    r = sorted(items, key=lambda it: it[0])
    # ruleid: fstrings-lambda-lambda-any
    r = sorted(items, reverse=True, key=lambda k: -k)
    # ok: fstrings-lambda-lambda-any
    r = sorted(items, key=lambda: 0)
    # ok: fstrings-lambda-lambda-any
    r = sorted(items, key=len)
    return h, r

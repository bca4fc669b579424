def queries(cursor, request, other):
    # ruleid: deep-expr-user-input-in-query
    cursor.execute("select " + request.args.get("id"))
    # ruleid: deep-expr-user-input-in-query
    cursor.execute(fmt("%s", [request.args.get("id")]))
    # ruleid: deep-expr-user-input-in-query
    cursor.execute(request.args.get("q"))
    # ok: deep-expr-user-input-in-query
    cursor.execute("select 1", other.args.get("id"))
    # ok: deep-expr-user-input-in-query
    cursor.executemany("select " + request.args.get("id"))
    # ok: deep-expr-user-input-in-query
    q = request.args.get("id")


def conditions(settings, conf):
    # ruleid: deep-expr-in-condition
    if settings.DEBUG:
        pass
    # ruleid: deep-expr-in-condition
    if not settings.DEBUG and conf.x:
        pass
    # ok: deep-expr-in-condition
    if conf.DEBUG:
        pass
    # ok: deep-expr-in-condition
    while settings.DEBUG:
        pass


def returns(secret, public):
    if public:
        # ruleid: deep-expr-in-return
        return secret
    if not public:
        # ruleid: deep-expr-in-return
        return {"value": [secret]}
    # ok: deep-expr-in-return
    return public


def statements(x):
    # ruleid: deep-expr-statement
    eval(x)
    # ruleid: deep-expr-statement
    y = 1 + eval(x)
    # ok: deep-expr-statement
    y = evaluate(x)
    # ruleid: deep-expr-statement
    print([eval(x)])
    return y

def nested():
    # NOTE: two findings, outer (x=wrapf(1)) and inner (x=1), both starting on this line
    # ruleid: ranges-nested-calls
    wrapf(wrapf(1))
    # ok: ranges-nested-calls
    wrapf(1, 2)


def either():
    # NOTE: three alternatives match this exact range with the same message: ONE finding
    # ruleid: ranges-either-same-range-same-message
    pairf(1, 2)
    # NOTE: two findings (messages differ: "first arg 1" and "first arg 2")
    # ruleid: ranges-either-same-range-diff-message
    duo(1, 2)
    # ruleid: ranges-either-same-range-same-message
    pairf()


def inside():
    # ruleid: ranges-inside-equal
    same(1)
    # ok: ranges-inside-equal
    same(2)
    # ok: ranges-not-inside-equal
    other(1)
    # ruleid: ranges-not-inside-equal
    other(2)


def stmts():
    # ruleid: ranges-assign-stmt
    total = compute()  # trailing comment
    # ok: ranges-assign-stmt
    total = compute(1)
    # ruleid: ranges-semicolon
    first(); second()
    # ok: ranges-semicolon
    second(); first()
    # ruleid: ranges-expr-in-stmt
    result = [inner_call()]
    # ruleid: ranges-expr-in-stmt
    if inner_call():
        pass
    # ok: ranges-expr-in-stmt
    inner_call
    # ruleid: ranges-multiline-call
    spread_out(
        1,
        2,
        flag=True,
    )

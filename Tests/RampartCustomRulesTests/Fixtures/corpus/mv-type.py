def queries(a: str, b: int, c):
    # ruleid: mv-type-annotated-param
    run_query(a)
    # ok: mv-type-annotated-param
    run_query(b)
    # ok: mv-type-annotated-param
    run_query(c)


def sleeps(n: int, s: str):
    # ruleid: mv-type-typed-metavar
    sleep_for(n)
    # ok: mv-type-typed-metavar
    sleep_for(s)
    local: int = compute()
    # ruleid: mv-type-typed-metavar
    sleep_for(local)
    inferred = 5
    # ruleid: mv-type-typed-metavar
    sleep_for(inferred)
    from_call = int("5")
    # ok: mv-type-typed-metavar
    sleep_for(from_call)
    # ruleid: mv-type-typed-metavar
    sleep_for(10)


def sessions(s: Session, t: AsyncSession, u: Engine):
    # ruleid: mv-type-class-type
    s.execute("x")
    # ruleid: mv-type-class-type
    t.execute("x")
    # ok: mv-type-class-type
    u.execute("x")


def literals(x: float):
    # ruleid: mv-type-literal-type
    scale(3)
    # ok: mv-type-literal-type
    scale(x)
    # ok: mv-type-literal-type
    scale("3")

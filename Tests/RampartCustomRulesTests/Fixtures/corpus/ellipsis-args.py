import requests


def cases(a, b, c, token, other):
    # ruleid: ellipsis-args-alone
    dangerous_call()
    # ruleid: ellipsis-args-alone
    dangerous_call(a, b, key=c)
    # ok: ellipsis-args-alone
    dangerous_caller(a)
    # ok: ellipsis-args-alone
    obj.dangerous_call(a)

    # ruleid: ellipsis-args-first-fixed
    open_file("x")
    # ruleid: ellipsis-args-first-fixed
    open_file(a, b, c)
    # NOTE: a positional $X does not bind a keyword argument
    # ok: ellipsis-args-first-fixed
    open_file(mode="r")
    # ok: ellipsis-args-first-fixed
    open_file()

    # ruleid: ellipsis-args-last-fixed
    configure("unsafe")
    # ruleid: ellipsis-args-last-fixed
    configure(a, b, "unsafe")
    # ok: ellipsis-args-last-fixed
    configure("unsafe", a)
    # ok: ellipsis-args-last-fixed
    configure(a, "safe")

    # ruleid: ellipsis-args-between
    wrap(1, 9)
    # ruleid: ellipsis-args-between
    wrap(1, 2, 3, 9)
    # ok: ellipsis-args-between
    wrap(9, 1)
    # ok: ellipsis-args-between
    wrap(1, 9, 10)

    # ruleid: ellipsis-args-middle-fixed
    send(token)
    # ruleid: ellipsis-args-middle-fixed
    send(a, token, b)
    # ok: ellipsis-args-middle-fixed
    send(a, tokens, b)
    # ok: ellipsis-args-middle-fixed
    send(a, token=token)

    # ruleid: ellipsis-args-kw-any-order
    requests.get("https://x", verify=False)
    # ruleid: ellipsis-args-kw-any-order
    requests.get("https://x", timeout=3, verify=False, headers={})
    # ruleid: ellipsis-args-kw-any-order
    requests.get(verify=False, url="https://x")
    # ok: ellipsis-args-kw-any-order
    requests.get("https://x", verify=True)
    # ok: ellipsis-args-kw-any-order
    requests.post("https://x", verify=False)

    # ruleid: ellipsis-args-exact-empty
    reset()
    # ok: ellipsis-args-exact-empty
    reset(a)
    # ruleid: ellipsis-args-spread
    reset(*other)

    # ruleid: ellipsis-args-spread
    run(*other)
    # ok: ellipsis-args-spread
    run(other)
    # ok: ellipsis-args-spread
    run(**other)
    # ok: ellipsis-args-spread
    run(a, *other)

def errors(x):
    # NOTE: `except $E:` does not match a bare `except:`
    # ruleid: statements-bare-except-pass
    try:
        x()
    except:
        pass
    # ruleid: statements-except-type-pass
    try:
        x()
    except ValueError:
        pass
    # ok: statements-bare-except-pass, statements-except-type-pass
    try:
        x()
    except ValueError:
        log()
    # NOTE: `except $E:` does not match `except ValueError as err:`
    # ok: statements-except-type-pass
    try:
        x()
    except ValueError as err:
        pass
    # NOTE: extra handlers are allowed; range covers the whole try statement
    # ruleid: statements-except-type-pass
    try:
        x()
    except KeyError:
        pass
    except ValueError:
        log()


def finals(x):
    # ruleid: statements-finally-return
    try:
        x()
    finally:
        cleanup()
        return 1


def finals2(x):
    # ok: statements-finally-return
    try:
        return x()
    finally:
        cleanup()


def rets(user, other):
    if user:
        # ruleid: statements-return-password
        return user.password
    if other:
        # ok: statements-return-password
        return user.passwords
    # ok: statements-return-password
    return (user.password, 1)


def assigns(a):
    # ruleid: statements-assign-literal
    api_secret = "abc"
    # ruleid: statements-assign-literal
    self.SECRET_KEY = 'x'
    # ok: statements-assign-literal
    api_secret = a
    # ok: statements-assign-literal
    api_token = "abc"
    s = ""
    # ruleid: statements-augmented
    s += "more"
    # ok: statements-augmented
    s = s + "more"
    # ok: statements-augmented
    s -= "more"
    # ruleid: statements-annotated
    name: str = a
    # ok: statements-annotated
    count: int = a
    # ok: statements-annotated
    name = a
    # ruleid: statements-tuple-unpack
    k, v = a.split("=")
    # ruleid: statements-tuple-unpack
    (k, v) = a.split("=", 1)
    # ok: statements-tuple-unpack
    k, v, w = a.split("=")
    # ok: statements-tuple-unpack
    k = a.split("=")

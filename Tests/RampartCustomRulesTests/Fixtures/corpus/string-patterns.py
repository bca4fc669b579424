import jwt


def urls(u):
    # ruleid: string-patterns-regex-literal
    fetch("http://example.com")
    # ruleid: string-patterns-regex-literal
    fetch('http://example.com/path')
    # ok: string-patterns-regex-literal
    fetch("https://example.com")
    # ok: string-patterns-regex-literal
    fetch(u)
    # ok: string-patterns-regex-literal
    fetch("see http://example.com")


def passwords(p):
    # ruleid: string-patterns-any-string-mv
    set_password("hunter2")
    # ruleid: string-patterns-any-string-mv
    set_password('')
    # ok: string-patterns-any-string-mv
    set_password(p)
    # ok: string-patterns-any-string-mv
    set_password(f"{p}")
    # ruleid: string-patterns-any-string-mv
    set_password(b"raw")
    # ruleid: string-patterns-any-string-mv
    set_password("hun" "ter2")


def tokens(t):
    # ruleid: string-patterns-exact-string
    jwt.decode(t, algorithm="none")
    # ruleid: string-patterns-exact-string
    jwt.decode(t, algorithm='none')
    # ruleid: string-patterns-exact-string
    jwt.decode(t, algorithm="no" "ne")
    # ok: string-patterns-exact-string
    jwt.decode(t, algorithm="None")
    # ok: string-patterns-exact-string
    jwt.decode(t, algorithms=["none"])
    # ruleid: string-patterns-exact-string
    jwt.decode(t, algorithm="""none""")


def modes():
    # ruleid: string-patterns-case-insensitive-regex
    set_mode("DEBUG")
    # ruleid: string-patterns-case-insensitive-regex
    set_mode("my-debug-mode")
    # ok: string-patterns-case-insensitive-regex
    set_mode("release")


def registers():
    # ruleid: string-patterns-same-string-twice
    register("a", alias="a")
    # ruleid: string-patterns-same-string-twice
    register("a", alias='a')
    # ok: string-patterns-same-string-twice
    register("a", alias="b")

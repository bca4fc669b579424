import os


def timeouts():
    # ruleid: mv-comparison-greater
    set_timeout(301)
    # ok: mv-comparison-greater
    set_timeout(300)
    # ok: mv-comparison-greater
    set_timeout(t)
    # ruleid: mv-comparison-greater
    set_timeout(0x200)
    # ok: mv-comparison-greater
    set_timeout("900")


def keys():
    # ruleid: mv-comparison-arith
    gen_key(bytes=128)
    # ok: mv-comparison-arith
    gen_key(bytes=256)


def ranges():
    # ruleid: mv-comparison-two-mvs
    make_range(10, 1)
    # ok: mv-comparison-two-mvs
    make_range(1, 10)
    # ok: mv-comparison-two-mvs
    make_range(5, 5)


def binds():
    # ruleid: mv-comparison-bool-ops
    bind(port=22)
    # ok: mv-comparison-bool-ops
    bind(port=80)
    # ok: mv-comparison-bool-ops
    bind(port=8080)


def chmods(p):
    # ruleid: mv-comparison-in-list
    os.chmod(p, 0o777)
    # ruleid: mv-comparison-in-list
    os.chmod(p, 438)
    # ok: mv-comparison-in-list
    os.chmod(p, 0o644)


def rounds():
    # ruleid: mv-comparison-int-of-string
    pbkdf2(rounds="5000")
    # ok: mv-comparison-int-of-string
    pbkdf2(rounds="20000")


def tls():
    # ruleid: mv-comparison-str-eq
    use_tls(version="1.0")
    # ok: mv-comparison-str-eq
    use_tls(version="1.2")
    # ok: mv-comparison-str-eq
    use_tls(version=1.0)


def labels():
    # ruleid: mv-comparison-re-match
    label("tmp_file")
    # ok: mv-comparison-re-match
    label("my_tmp")


def levels():
    # ruleid: mv-comparison-string-compare
    set_level("debug")
    # ok: mv-comparison-string-compare
    set_level("info")
    # ok: mv-comparison-string-compare
    set_level(debug)


def iterations():
    n = 500
    # ruleid: mv-comparison-constprop
    hash_pw(iterations=n)
    # ok: mv-comparison-constprop
    hash_pw(iterations=5000)


def widths():
    # ruleid: mv-comparison-str-of-int
    set_width(0x10)
    # NOTE: str() of a string literal is its content, so "16" also matches
    # ruleid: mv-comparison-str-of-int
    set_width("16")
    # ok: mv-comparison-str-of-int
    set_width(16.0)
    # NOTE: str() of a float literal does not give "1.0"-style text (see mv-comparison-str-eq)
    # ok: mv-comparison-str-eq
    use_tls(version=1.0)


def names():
    # NOTE: `$N < "m"` is never true for strings and even poisons `$N == "zzz" or $N < "m"` (no match at all)
    # ok: mv-comparison-string-ordering
    set_name("abc")
    # ruleid: mv-comparison-string-ordering
    set_name("xyz")
    # ruleid: mv-comparison-string-ordering
    set_name("zzz")
    # NOTE: a non-literal (identifier) makes the whole comparison false, even `!=`
    # ok: mv-comparison-string-ordering
    set_name(abc)


def ratios(x):
    # ruleid: mv-comparison-float-negative
    set_ratio(2.5)
    # ruleid: mv-comparison-float-negative
    set_ratio(-1)
    # NOTE: the bound expression 1 - 2 is evaluated
    # ruleid: mv-comparison-float-negative
    set_ratio(1 - 2)
    # ok: mv-comparison-float-negative
    set_ratio(0.5)
    # ok: mv-comparison-float-negative
    set_ratio(-x)

# Rampart's precision features (docs/taint.md): Semgrep reports the `ok` lines here.
import configparser


def constant_branches(kind):
    x = source() if 7 * 18 - 106 > 200 else "safe"
    # ok: taint-more-precise
    sink(x)
    # 7 * 18 + 106 is 232: the tainted branch is the one taken.
    x = source() if 7 * 18 + 106 > 200 else "safe"
    # ruleid: taint-more-precise
    sink(x)
    y = source() if False else "ok"
    # ok: taint-more-precise
    sink(y)
    flag = 3 * 4 == 12
    z = "ok"
    if not flag:
        z = source()
    # ok: taint-more-precise
    sink(z)
    w = source()
    while False:
        w = "ok"
    # ruleid: taint-more-precise
    sink(w)
    mode = "strict"
    match mode:
        case "strict":
            v = "ok"
        case _:
            v = source()
    # ok: taint-more-precise
    sink(v)
    u = source() if kind else "ok"
    # ruleid: taint-more-precise
    sink(u)


def dict_entries():
    d = {}
    d['a'] = source()
    # ok: taint-more-precise
    sink(d['b'])
    # ruleid: taint-more-precise
    sink(d['a'])
    d['a'] = "ok"
    # ok: taint-more-precise
    sink(d['a'])
    e = {"a": source(), "b": "ok"}
    # ok: taint-more-precise
    sink(e["b"])
    # ok: taint-more-precise
    sink(e.get("b"))
    # ruleid: taint-more-precise
    sink(e.get("a"))
    # ruleid: taint-more-precise
    sink(e)
    key = "a"
    # ruleid: taint-more-precise
    sink(e[key])


def list_entries():
    items = ["ok"]
    items.append(source())
    # ok: taint-more-precise
    sink(items[0])
    # ruleid: taint-more-precise
    sink(items[1])
    # ruleid: taint-more-precise
    sink(items[-1])
    items.pop(0)
    # ruleid: taint-more-precise
    sink(items[0])
    # ruleid: taint-more-precise
    sink(items)
    more = [source(), "ok"]
    first = more.pop(0)
    # ok: taint-more-precise
    sink(more[0])
    # ruleid: taint-more-precise
    sink(first)


def config_entries():
    config = configparser.ConfigParser()
    config.set("db", "host", source())
    config.set("db", "name", "app")
    # ok: taint-more-precise
    sink(config.get("db", "name"))
    # ruleid: taint-more-precise
    sink(config.get("db", "host"))

def c1():
    # ruleid: taint-basic
    sink(source())

def c2():
    x = source()
    # ruleid: taint-basic
    sink(x)

def c3():
    x = source()
    x = "ok"
    # ok: taint-basic
    sink(x)

def c4(c):
    if c:
        x = source()
    else:
        x = "a"
    # ruleid: taint-basic
    sink(x)

def c5():
    # ok: taint-basic
    sink(clean(source()))

def c6():
    # ruleid: taint-basic
    sink(f(source()))

def c7():
    x = source()
    # ruleid: taint-basic
    sink(x.strip())

def c8(o):
    o.a = source()
    # ruleid: taint-basic
    sink(o.a)
    # ok: taint-basic
    sink(o.b)
    # ruleid: taint-basic
    sink(o)

def c9():
    d = {}
    d['a'] = source()
    # ruleid: taint-basic
    sink(d['a'])
    # ruleid: taint-basic
    sink(d)

def c10():
    # ruleid: taint-basic
    sink("a" + source())
    # ruleid: taint-basic
    sink(f"{source()}")
    # ruleid: taint-basic
    sink("%s" % source())
    # ruleid: taint-basic
    sink("{}".format(source()))

def c11(x):
    for i in range(3):
        # ruleid: taint-basic
        sink(x)
        x = source()

x = source()
def c12():
    # ruleid: taint-basic
    sink(x)

def c13(p):
    # ok: taint-basic
    sink(p)

def c14():
    y = source()
    # ruleid: taint-basic
    g = lambda: sink(y)

def c15():
    # ruleid: taint-basic
    sink("safe", source())

def c16():
    # ruleid: taint-basic
    sink(a=source())

def c17(c):
    a = source()
    b = source()
    # ruleid: taint-basic
    sink(a + b)

def c18():
    a, b = source(), "ok"
    # ruleid: taint-basic
    sink(b)
    # ruleid: taint-basic
    sink(a)

def c19():
    x = "a"
    x += source()
    # ruleid: taint-basic
    sink(x)

def c20():
    try:
        x = source()
    except Exception:
        x = "ok"
    # ruleid: taint-basic
    sink(x)

def c21(c):
    x = source()
    if c:
        return
    # ruleid: taint-basic
    sink(x)

def c22():
    with source() as f:
        # ruleid: taint-basic
        sink(f)

def c23():
    # ruleid: taint-basic
    sink([y for y in source()])

def c24():
    if (x := source()):
        # ruleid: taint-basic
        sink(x)

def c25(a):
    # ruleid: taint-basic
    sink(a[source()])

def c26():
    x = source()
    clean(x)
    # ruleid: taint-basic
    sink(x)

def c28():
    x = source()
    def inner():
        # ok: taint-basic
        sink(x)

def c30():
    x = source()
    y = x
    x = "ok"
    # ruleid: taint-basic
    sink(y)
    # ok: taint-basic
    sink(x)

def more1(c, items):
    x = source()
    while c:
        x = "ok"
        break
    # ruleid: taint-basic
    sink(x)
    while True:
        y = source()
        break
    # ruleid: taint-basic
    sink(y)
    z = "ok"
    for i in items:
        if c:
            z = source()
            continue
        # ruleid: taint-basic
        sink(z)
    for w in items:
        pass
    else:
        w = source()
    # ruleid: taint-basic
    sink(w)

def more2(c):
    try:
        x = source()
        x = "ok"
    except ValueError:
        # ruleid: taint-basic
        sink(x)
    try:
        y = "ok"
        raise ValueError()
    except ValueError:
        y = source()
    finally:
        # ruleid: taint-basic
        sink(y)

def more3(c):
    if c:
        x = source()
        return
    # ok: taint-basic
    sink(x)
    y = source()
    del y
    # ruleid: taint-basic
    sink(y)

def more4(o, p, q):
    x = source()
    x.attr = "ok"
    # ruleid: taint-basic
    sink(x)
    o.a = source()
    o = Foo()
    # ok: taint-basic
    sink(o)
    p.a.b = source()
    # ruleid: taint-basic
    sink(p.a)
    # ok: taint-basic
    sink(p.c)
    # ruleid: taint-basic
    sink(p.a.b.c)
    q.n += source()
    # ruleid: taint-basic
    sink(q.n)

def more5(c, *args, **kw):
    x = source()
    # ruleid: taint-basic
    sink(*x)
    # ruleid: taint-basic
    sink(**x)
    # ruleid: taint-basic
    sink("%s" % (x,))
    # ruleid: taint-basic
    sink(len(x))
    # ruleid: taint-basic
    sink(x == 1)
    # ruleid: taint-basic
    sink(not x)
    # ruleid: taint-basic
    sink(source() if c else "ok")
    # ruleid: taint-basic
    sink({"a": source()})
    # ruleid: taint-basic
    sink([source()][0])
    # ruleid: taint-basic
    sink(clean(x) + x)
    # ok: taint-basic
    sink(clean(x) + "a")

async def more6():
    # ruleid: taint-basic
    sink(await source())

def more7():
    global gg
    gg = source()
    # ruleid: taint-basic
    sink(gg)
    x = source()
    import x
    # ruleid: taint-basic
    sink(x)

class Handler:
    def get(self):
        self.a = source()
        # ruleid: taint-basic
        sink(self.a)
        # ok: taint-basic
        sink(self)
        # ok: taint-basic
        sink(self.b)

def more8(items):
    for x in source():
        pass
    # ruleid: taint-basic
    sink(x)
    # ok: taint-basic
    sink([y for y in items if (z := source())])
    x = source()
    x = x.replace("a", "b")
    # ruleid: taint-basic
    sink(x)
    x = clean(x)
    # ok: taint-basic
    sink(x)

def more9(command):
    with open(source()) as f:
        # ruleid: taint-basic
        sink(f)

def a1():
    # ruleid: focus-sink
    sink1(source(), "ok")
    # ok: focus-sink
    sink1("ok", source())
    x = source()
    # ruleid: focus-sink
    sink1(x)
    # ruleid: focus-sink
    sink1(f(x))

def a2():
    # ruleid: exact-sink
    sink2(source())
    x = source()
    # ruleid: exact-sink
    sink2(x)
    # ruleid: exact-sink
    sink2(x + "a")
    # ruleid: exact-sink
    sink2(f(x))

def a3(y, z):
    make_tainted(y)
    # ruleid: side-effect
    sink3(y)
    # ok: side-effect
    sink3(z)
    make_tainted(z)
    scrub(z)
    # ok: side-effect
    sink3(z)

def a4():
    l = []
    l.append(source())
    # ruleid: propagate
    sink4(l)
    m = []
    # ok: propagate
    sink4(m)

def g():
    return source()

def a5():
    # ok: focus-sink
    sink1(g())

class K:
    def m1(self):
        self.x = source()
    def m2(self):
        # ok: focus-sink
        sink1(self.x)

def a6(a=source()):
    # ruleid: focus-sink
    sink1(a)

def a7():
    y = source().foo()
    # ruleid: focus-sink
    sink1(y)
    # ruleid: focus-sink
    sink1(source().bar)

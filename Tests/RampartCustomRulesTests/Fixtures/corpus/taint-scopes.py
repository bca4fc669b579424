def before():
    # ok: taint-scope
    sink(g1)

g1 = source()
g2 = source()
g2 = "ok"
g3 = "ok"

def after():
    # ruleid: taint-scope
    sink(g1)
    # ok: taint-scope
    sink(g2)
    # ok: taint-scope
    sink(g3)

g3 = source()

class C:
    attr = source()
    # ruleid: taint-scope
    sink(attr)
    def m(self):
        # ok: taint-scope
        sink(attr)

def outer():
    x = source()
    def inner():
        # ok: taint-scope
        sink(x)
        # ruleid: taint-scope
        sink(g1)
    return inner

def shadow():
    g1 = "ok"
    # ok: taint-scope
    sink(g1)

def uses_global():
    global g4
    g4 = source()

def reads_g4():
    # ok: taint-scope
    sink(g4)

for item in source():
    # ruleid: taint-scope
    sink(item)

if True:
    # ruleid: taint-scope
    sink(g1)

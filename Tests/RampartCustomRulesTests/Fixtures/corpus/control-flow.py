import models


# ruleid: control-flow-class-base
class User(models.Model):
    name = 1


# ok: control-flow-class-base
class Other(Model):
    name = 1


# NOTE: the base-class list is matched exactly (no implicit ...)
# ok: control-flow-class-base
class Mixed(Base, models.Model):
    name = 1


# ruleid: control-flow-class-attr
class Settings(object):
    x = 1
    debug = True


# ok: control-flow-class-attr
class Settings2:
    debug = False


# NOTE: the finding covers the whole class, from `class` to the end of its last method
# ruleid: control-flow-method-in-class
class Runner:
    def run(self, code):
        prepare()
        eval(code)

    # ok: control-flow-method-in-class
    def run2(cls, code):
        eval(code)

    # ok: control-flow-method-in-class
    def run3(self, code):
        exec(code)


def branches(c, x):
    # ruleid: control-flow-if-else
    if c:
        x = 1
    else:
        x = 1
    # ok: control-flow-if-else
    if c:
        x = 1
    else:
        x = 2
    # ok: control-flow-if-else
    if c:
        x = 1
    elif x:
        x = 1


def loops(items):
    # ruleid: control-flow-while-true
    while True:
        poll()
    # ok: control-flow-while-true
    while True:
        if poll():
            break
    # ok: control-flow-while-true
    while True:
        poll()
        break
    # ruleid: control-flow-for-loop-body
    for it in items:
        db.query(it)
    # ok: control-flow-for-loop-body
    for it in items:
        cache.query(it)
    # ok: control-flow-for-loop-body
    db.query(items)


def auth(u):
    # ruleid: control-flow-if-no-else
    if is_admin(u):
        grant()
    # ruleid: control-flow-if-no-else
    if is_admin(u):
        grant()
    else:
        deny()
    # ok: control-flow-if-no-else
    if not is_admin(u):
        deny()

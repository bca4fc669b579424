import os


def view(request, pk):
    # ruleid: inside-function-body
    print(pk)
    if pk:
        # ruleid: inside-function-body
        print("nested")


def helper(pk):
    # ok: inside-function-body
    print(pk)


# ok: inside-function-body
print("module")


def conv(s):
    # ruleid: inside-not-inside-try
    a = int(s)
    try:
        # ok: inside-not-inside-try
        b = int(s)
    except ValueError:
        b = 0
    try:
        pass
    except ValueError:
        # ok: inside-not-inside-try
        c = int(s)
    return a, b, c


def db(conn, other):
    # ok: inside-after-statement
    conn.execute("a")
    conn.close()
    # ruleid: inside-after-statement
    conn.execute("b")
    # ok: inside-after-statement
    other.execute("c")


def locked(f, lock, other):
    with lock:
        # ruleid: inside-with-block
        f.write("x")
    # ok: inside-with-block
    f.write("y")
    with other:
        # ok: inside-with-block
        f.write("z")


def deletes(user, obj):
    if user.has_perm("delete"):
        # ok: inside-not-inside-if
        obj.delete()
    # ruleid: inside-not-inside-if
    obj.delete()
    if user.is_active:
        # ruleid: inside-not-inside-if
        obj.delete()


class Widget:
    def __init__(self, v):
        # ruleid: inside-class-method
        self.value = v

    def update(self, v):
        # ok: inside-class-method
        self.value = v


def __init__(self, v):
    # ok: inside-class-method
    self.value = v


def taint():
    x = input()
    y = "ls"
    # ruleid: inside-same-metavar-binding
    os.system(x)
    # ok: inside-same-metavar-binding
    os.system(y)


def logs(password, logger):
    # ruleid: inside-expression-context
    logger.info("pw=%s", password)
    # ok: inside-expression-context
    check(password)
    # ruleid: inside-expression-context
    logger.debug(fmt(password))

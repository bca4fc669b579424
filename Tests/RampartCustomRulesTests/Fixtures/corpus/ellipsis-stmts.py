def seq1():
    # ruleid: ellipsis-stmts-open-then-close
    fh = open("a")
    data = fh.read()
    fh.close()


def seq2():
    # ok: ellipsis-stmts-open-then-close
    fh = open("a")
    other.close()


def seq3(flag):
    # ruleid: ellipsis-stmts-open-then-close
    fh = open("a")
    if flag:
        fh.close()


def seq4():
    # ok: ellipsis-stmts-open-then-close
    fh.close()
    fh = open("a")


def seq5(flag):
    if flag:
        fh = open("a")
    # ok: ellipsis-stmts-open-then-close
    fh.close()


def adj():
    # ruleid: ellipsis-stmts-adjacent
    lock.acquire()
    lock.release()
    # ok: ellipsis-stmts-adjacent
    lock.acquire()
    work_item()
    lock.release()


def deleted(x, y):
    # ruleid: ellipsis-stmts-use-after-del
    del x
    print("gap")
    use(x)
    # ok: ellipsis-stmts-use-after-del
    del y
    use(x)


def three():
    # ruleid: ellipsis-stmts-three-step
    begin()
    work()
    commit()


def three_gap():
    # ruleid: ellipsis-stmts-three-step
    begin()
    log()
    work()
    log()
    commit()


def three_wrong_order():
    # ok: ellipsis-stmts-three-step
    begin()
    commit()
    work()


# NOTE: a leading `...` yields one match per possible start statement, including the enclosing def
# ruleid: ellipsis-stmts-leading
def lead():
    # ruleid: ellipsis-stmts-leading
    setup()
    # ruleid: ellipsis-stmts-leading
    finish()


def taint1():
    # ruleid: ellipsis-stmts-no-reassign
    v = source()
    sink(v)


def taint2():
    # ok: ellipsis-stmts-no-reassign
    v = source()
    v = clean(v)
    sink(v)


def taint3():
    # ruleid: ellipsis-stmts-no-reassign
    v = source()
    w = clean(v)
    sink(v)

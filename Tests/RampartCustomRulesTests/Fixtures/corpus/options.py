import hashlib


def md5s():
    algo = "md5"
    # ruleid: options-default-constprop
    hashlib.new(algo)
    # ruleid: options-no-constprop, options-default-constprop
    hashlib.new("md5")


def symbolic(request):
    data = request.get_data()
    # ruleid: options-symbolic
    eval(data)
    # ruleid: options-symbolic, options-no-symbolic
    eval(request.get_data())


def symbolic_reassigned(request):
    data = request.get_data()
    data = "1"
    # ok: options-symbolic
    eval(data)


def chains(db):
    q = db.session.query(User)
    f = q.filter(User.id == 1)
    # ruleid: options-symbolic-chain
    f.all()
    # ok: options-symbolic-chain
    q.all()


def boolops(u):
    # ruleid: options-commutative-boolop
    if is_admin(u) and is_staff(u):
        pass
    # NOTE: with commutative_boolop: true the operands may appear in any order
    # ruleid: options-commutative-boolop
    if is_staff(u) and is_admin(u):
        pass
    # ok: options-commutative-boolop
    if is_staff(u) or is_admin(u):
        pass

import hashlib

MODULE_ALGO = "md5"
MUTATED = "md5"
FLAG = True


def set_global():
    global MUTATED
    MUTATED = "sha256"


def single():
    algo = "md5"
    # ruleid: constprop-hash-md5
    hashlib.new(algo)
    # ruleid: constprop-hash-md5
    hashlib.new(MODULE_ALGO)
    # NOTE: a module global assigned again anywhere (here via `global` in another function) is not propagated
    # ok: constprop-hash-md5
    hashlib.new(MUTATED)


def reassigned():
    algo = "md5"
    algo = "sha256"
    # ok: constprop-hash-md5
    hashlib.new(algo)


def reassigned_after():
    algo = "md5"
    # ruleid: constprop-hash-md5
    hashlib.new(algo)
    algo = "sha256"


def branch(c):
    algo = "sha256"
    if c:
        algo = "md5"
    # ok: constprop-hash-md5
    hashlib.new(algo)


def both_branches(c):
    if c:
        algo = "md5"
    else:
        algo = "md5"
    # ruleid: constprop-hash-md5
    hashlib.new(algo)


def param_default(algo="md5"):
    # ok: constprop-hash-md5
    hashlib.new(algo)


def flags(cmd):
    sh = True
    # ruleid: constprop-shell-true
    run(cmd, shell=sh)
    # ruleid: constprop-shell-true
    run(cmd, shell=FLAG)
    # ok: constprop-shell-true
    run(cmd, shell=not sh)


def concat():
    base = "http://"
    host = base + "admin"
    # ruleid: constprop-concat
    open_url(host)
    # ruleid: constprop-concat
    open_url("http://" + "admin")
    # ruleid: constprop-concat
    open_url(f"http://{'admin'}")
    # ok: constprop-concat
    open_url(base + "admins")


def ints():
    port = 8000 + 80
    # ruleid: constprop-int
    listen(port)
    # ruleid: constprop-int
    listen(0x1F90)
    # ok: constprop-int
    listen("8080")


def regex_via_const():
    name = "rc4"
    # ruleid: constprop-regex-str
    cipher(name)
    # ok: constprop-regex-str
    cipher("rc4-hmac")


class Holder:
    algo = "md5"

    def use(self):
        # ok: constprop-hash-md5
        hashlib.new(self.algo)

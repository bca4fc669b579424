import hashlib
import random
import subprocess
import yaml
from yaml import SafeLoader


def execs(code):
    # ruleid: either-not-either-calls
    eval(code)
    # ruleid: either-not-either-calls
    exec(code)
    # ruleid: either-not-either-calls
    compile(code, "f", "exec")
    # ok: either-not-either-calls
    compile(code, "f", "eval")
    # ok: either-not-either-calls
    evaluate(code)


def overlap():
    # NOTE: both alternatives match this range; two findings are reported because the
    # interpolated messages differ ('"config"' vs the literal unbound '$X')
    # ruleid: either-not-either-overlap
    load("config")
    # ruleid: either-not-either-overlap
    load(other)


def yamls(data):
    # ruleid: either-not-not-safe-arg
    yaml.load(data)
    # ruleid: either-not-not-safe-arg
    yaml.load(data, Loader=yaml.Loader)
    # ok: either-not-not-safe-arg
    yaml.load(data, Loader=yaml.SafeLoader)
    # ok: either-not-not-safe-arg
    yaml.load(data, Loader=SafeLoader)


def procs(cmd):
    # ruleid: either-not-not-literal
    subprocess.run(cmd, shell=True)
    # ok: either-not-not-literal
    subprocess.run("ls -l", shell=True)
    # ok: either-not-not-literal
    subprocess.run(["ls", cmd])
    # ruleid: either-not-not-literal
    subprocess.run("ls " + cmd)


def ranges():
    # ruleid: either-not-not-larger-range
    wrapper(dangerous())
    # ruleid: either-not-not-larger-range
    dangerous()


def hashes(d):
    # ruleid: either-not-nested-either-in-patterns
    hashlib.md5(d)
    # ruleid: either-not-nested-either-in-patterns
    hashlib.new("sha1", d)
    # ok: either-not-nested-either-in-patterns
    hashlib.sha256(d)
    # ok: either-not-nested-either-in-patterns
    hashlib.new("sha512", d)


def tokens():
    # ruleid: either-not-patterns-in-either
    token = random.random()
    # ok: either-not-patterns-in-either
    value = random.random()
    # ruleid: either-not-patterns-in-either
    c = random.choice(secrets_alphabet)
    return token, value, c


def smaller_not(x):
    # ruleid: either-not-not-smaller-range
    outer(inner())
    # ok: either-not-not-smaller-range
    outer(x)

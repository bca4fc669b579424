import hashlib
import requests
import yaml


def loads(data, other):
    # ruleid: fix-yaml-safe-load
    a = yaml.load(data)
    # ok: fix-yaml-safe-load
    b = yaml.load(data, Loader=yaml.SafeLoader)
    # ruleid: fix-yaml-safe-load
    c = yaml.load(other.read())
    return a, b, c


def reqs(url):
    # ruleid: fix-verify-true
    requests.get(url, verify=False)
    # ruleid: fix-verify-true
    requests.post(url, timeout=5, verify=False)
    # ok: fix-verify-true
    requests.get(url, verify=True)


def hashes(d):
    # ruleid: fix-regex-group
    h = hashlib.md5(d)
    # ok: fix-regex-group
    h = hashlib.sha256(d)
    return h


def prints(a, b):
    # ruleid: fix-args-ellipsis
    print(a, b, sep="-")
    # ruleid: fix-args-ellipsis
    print()
    # ok: fix-args-ellipsis
    pprint(a)


def nones(x):
    # ruleid: fix-multiline
    if x.value == None:
        pass
    # ok: fix-multiline
    if x.value is None:
        pass


def tags():
    # ruleid: fix-regex-count
    tag(old, old)
    # ok: fix-regex-count
    tags(old)


def asserts(x):
    # ruleid: fix-statement
    assert x > 0
    return x

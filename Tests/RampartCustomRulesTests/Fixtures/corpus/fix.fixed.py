import hashlib
import requests
import yaml


def loads(data, other):
    # ruleid: fix-yaml-safe-load
    a = yaml.safe_load(data)
    # ok: fix-yaml-safe-load
    b = yaml.load(data, Loader=yaml.SafeLoader)
    # ruleid: fix-yaml-safe-load
    c = yaml.safe_load(other.read())
    return a, b, c


def reqs(url):
    # ruleid: fix-verify-true
    requests.get(url, verify=True)
    # ruleid: fix-verify-true
    requests.post(url, timeout=5, verify=True)
    # ok: fix-verify-true
    requests.get(url, verify=True)


def hashes(d):
    # ruleid: fix-regex-group
    h = hashlib.sha256(d)
    # ok: fix-regex-group
    h = hashlib.sha256(d)
    return h


def prints(a, b):
    # ruleid: fix-args-ellipsis
    logger.info(a, b, sep="-")
    # ruleid: fix-args-ellipsis
    logger.info()
    # ok: fix-args-ellipsis
    pprint(a)


def nones(x):
    # ruleid: fix-multiline
    if (x.value is None):
        pass
    # ok: fix-multiline
    if x.value is None:
        pass


def tags():
    # ruleid: fix-regex-count
    tag(new, old)
    # ok: fix-regex-count
    tags(old)


def asserts(x):
    # ruleid: fix-statement
    if not (x > 0):
        raise AssertionError()
    return x

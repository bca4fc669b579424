#!/usr/bin/env python3
"""Writes the labelled taint corpus: for each of 14 flaw categories, 20 small Flask handlers
(one a file), 10 truly vulnerable and 10 safe for one reason (a constant branch, a container
key, a guard, a sanitiser, a safe API, a helper). labels.csv says which is which and why;
bench/taint/score.py and RampartPythonSASTTests score a tool on it (TPR - FPR per category).

    python3 make_corpus.py   (rewrites the category folders and labels.csv next to it)
"""
import csv, os, shutil, textwrap

HERE = os.path.dirname(os.path.abspath(__file__))

# Per category: imports, the tainted value, the sink given a variable, a sanitiser, a safe
# API (whole body given the source), an allow-list guard.
INJECTION = {
    "cmdi": dict(imports="import os, re, shlex, subprocess", src='request.args.get("host", "")',
                 sink='os.system("ping -c 1 " + {x})\n    return "ok"', sanitize="shlex.quote({x})",
                 safe_api='subprocess.run(["ping", "-c", "1", {src}])\n    return "ok"',
                 guard='if not re.fullmatch(r"[a-z0-9.-]+", {x}):\n        abort(400)'),
    "codeinj": dict(imports="import ast, re", src='request.args.get("expr", "1")',
                    sink="return str(eval({x}))", sanitize="str(int({x}))",
                    safe_api="return str(ast.literal_eval({src}))",
                    guard='if not {x}.isdigit():\n        abort(400)'),
    "sqli": dict(imports="import re, sqlite3\ndb = sqlite3.connect(':memory:')", src='request.args.get("name", "")',
                 sink='return str(db.execute("SELECT * FROM users WHERE name = \'" + {x} + "\'").fetchall())', sanitize="str(int({x}))",
                 safe_api='return str(db.execute("SELECT * FROM users WHERE name = ?", ({src},)).fetchall())',
                 guard='if not re.fullmatch(r"[A-Za-z]+", {x}):\n        abort(400)'),
    "ldapi": dict(imports="import ldap, ldap.filter, re\nconn = ldap.initialize('ldap://directory')", src='request.args.get("user", "")',
                  sink='return str(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + {x} + ")"))',
                  sanitize="ldap.filter.escape_filter_chars({x})",
                  safe_api='return str(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, ldap.filter.filter_format("(uid=%s)", [{src}])))',
                  guard='if not {x}.isalnum():\n        abort(400)'),
    "xpathi": dict(imports="import re\nfrom lxml import etree\nroot = etree.fromstring('<users/>')", src='request.args.get("name", "")',
                   sink='return str(root.xpath("//user[@name=\'" + {x} + "\']"))', sanitize="str(int({x}))",
                   safe_api='return str(root.xpath("//user[@name=$name]", name={src}))',
                   guard='if not re.fullmatch(r"[A-Za-z]+", {x}):\n        abort(400)'),
    "xxe": dict(imports="import defusedxml.ElementTree\nfrom lxml import etree", src="request.get_data()",
                sink="parser = etree.XMLParser(resolve_entities=True)\n    return etree.fromstring({x}, parser).tag", sanitize=None,
                safe_api="return defusedxml.ElementTree.fromstring({src}).tag",
                guard=None, safe_alt="parser = etree.XMLParser(resolve_entities=False)\n    return etree.fromstring({src}, parser).tag"),
    "pathtraver": dict(imports="import os", src='request.args.get("file", "")',
                       sink='with open("/srv/files/" + {x}) as f:\n        return f.read()', sanitize="os.path.basename({x})",
                       safe_api='return send_from_directory("/srv/files", {src})',
                       guard='if ".." in {x} or {x}.startswith("/"):\n        abort(400)'),
    "redirect": dict(imports="from urllib.parse import urlparse\nALLOWED = {'example.com'}", src='request.args.get("next", "/")',
                     sink="return redirect({x})", sanitize=None,
                     safe_api='return redirect(url_for("handler"))',
                     safe_alt='return redirect(url_for("handler", next={src}))',
                     guard="if urlparse({x}).netloc not in ALLOWED:\n        abort(400)"),
    "xss": dict(imports="import re\nfrom markupsafe import escape", src='request.args.get("name", "")',
                sink='return "<p>Hello " + {x} + "</p>"', sanitize="str(escape({x}))",
                safe_api='return render_template("hello.html", name={src})',
                guard='if not re.fullmatch(r"[A-Za-z ]+", {x}):\n        abort(400)'),
    "trustbound": dict(imports="ROLES = {'reader', 'writer'}", src='request.args.get("role", "")',
                       sink='session["role"] = {x}\n    return "ok"', sanitize="str(int({x}))",
                       safe_api='session["visits"] = session.get("visits", 0) + 1\n    request.args.get("role")\n    return "ok"',
                       guard="if {x} not in ROLES:\n        abort(400)"),
    "deserialization": dict(imports="import json, pickle, yaml", src="request.get_data()",
                            sink="return str(pickle.loads({x}))", sanitize=None,
                            safe_api="return str(json.loads({src}))", guard=None,
                            safe_alt="return str(yaml.safe_load({src}))"),
}

HEADER = "from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for\n"


def injection_cases(cat, d):
    src, sink = d["src"], d["sink"]
    S = lambda x: sink.format(x=x)
    cases = []
    # Vulnerable: the source reaches the sink.
    cases.append((True, "direct", f"x = {src}\n    {S('x')}"))
    cases.append((True, "string building", f"x = \"{{}}\".format({src}).strip()\n    {S('x')}"))
    cases.append((True, "helper in the file", f"x = passthrough({src})\n    {S('x')}"))
    cases.append((True, "container key", f"d = {{}}\n    d[\"k\"] = {src}\n    d[\"j\"] = \"safe\"\n    x = d[\"k\"]\n    {S('x')}"))
    cases.append((True, "list index", f"items = [\"safe\"]\n    items.append({src})\n    x = items[1]\n    {S('x')}"))
    cases.append((True, "constant branch", f"x = {src} if 7 * 18 + 106 > 200 else \"safe\"\n    {S('x')}"))
    cases.append((True, "method call", f"x = Holder({src}).value\n    {S('x')}"))
    cases.append((True, "loop", f"x = \"\"\n    for part in {src}.split(\",\"):\n        x += part\n    {S('x')}"))
    cases.append((True, "helper in another file", f"x = helpers.passthrough({src})\n    {S('x')}"))
    cases.append((True, "configuration entry", f"config = configparser.ConfigParser()\n    config.add_section(\"s\")\n    config.set(\"s\", \"k\", {src})\n    x = config.get(\"s\", \"k\")\n    {S('x')}"))
    # Safe, each for one reason.
    cases.append((False, "constant branch", f"x = {src} if 7 * 18 - 106 > 200 else \"safe\"\n    {S('x')}"))
    cases.append((False, "container key", f"d = {{}}\n    d[\"k\"] = {src}\n    d[\"j\"] = \"safe\"\n    x = d[\"j\"]\n    {S('x')}"))
    cases.append((False, "list index", f"items = [\"safe\"]\n    items.append({src})\n    x = items[0]\n    {S('x')}"))
    cases.append((False, "strong update", f"x = {src}\n    x = \"safe\"\n    {S('x')}"))
    if d.get("sanitize"):
        cases.append((False, "sanitiser", f"x = {d['sanitize'].format(x=src)}\n    {S('x')}"))
    else:
        cases.append((False, "safe API", d["safe_alt"].format(src=src)))
    cases.append((False, "safe API", d["safe_api"].format(src=src)))
    cases.append((False, "helper in the file", f"x = constant({src})\n    {S('x')}"))
    if d.get("guard"):
        cases.append((False, "guard", f"x = {src}\n    {d['guard'].format(x='x')}\n    {S('x')}"))
    else:
        cases.append((False, "configuration entry", f"config = configparser.ConfigParser()\n    config.add_section(\"s\")\n    config.set(\"s\", \"k\", {src})\n    config.set(\"s\", \"j\", \"safe\")\n    x = config.get(\"s\", \"j\")\n    {S('x')}"))
    cases.append((False, "list pop", f"items = [{src}, \"safe\"]\n    items.pop(0)\n    x = items[0]\n    {S('x')}"))
    cases.append((False, "helper in another file", f"x = helpers.constant({src})\n    {S('x')}"))
    return [(cat, d["imports"], v, r, b) for v, r, b in cases]


def special_cases():
    out = []
    hash_imports = "import hashlib\nimport helpers"
    v = [
        ("direct", 'return hashlib.md5(request.get_data()).hexdigest()'),
        ("by name", 'return hashlib.new("sha1", request.get_data()).hexdigest()'),
        ("variable", 'algorithm = "md5"\n    return hashlib.new(algorithm, request.get_data()).hexdigest()'),
        ("container key", 'd = {"a": "md5", "b": "sha256"}\n    return hashlib.new(d["a"], request.get_data()).hexdigest()'),
        ("constant branch", 'algorithm = "md5" if 7 * 18 + 106 > 200 else "sha256"\n    return hashlib.new(algorithm, request.get_data()).hexdigest()'),
        ("list index", 'names = ["sha256"]\n    names.append("md5")\n    return hashlib.new(names[1], request.get_data()).hexdigest()'),
        ("helper in the file", 'return hashlib.new(passthrough("md5"), request.get_data()).hexdigest()'),
        ("sha1 direct", 'return hashlib.sha1(request.get_data()).hexdigest()'),
        ("hmac", 'import hmac\n    return hmac.new(b"key", request.get_data(), hashlib.md5).hexdigest()'),
        ("configuration entry", 'config = configparser.ConfigParser()\n    config.add_section("s")\n    config.set("s", "algorithm", "md5")\n    return hashlib.new(config.get("s", "algorithm"), request.get_data()).hexdigest()'),
    ]
    s = [
        ("direct", 'return hashlib.sha256(request.get_data()).hexdigest()'),
        ("by name", 'return hashlib.new("sha512", request.get_data()).hexdigest()'),
        ("strong update", 'algorithm = "md5"\n    algorithm = "sha256"\n    return hashlib.new(algorithm, request.get_data()).hexdigest()'),
        ("container key", 'd = {"a": "md5", "b": "sha256"}\n    return hashlib.new(d["b"], request.get_data()).hexdigest()'),
        ("constant branch", 'algorithm = "md5" if 7 * 18 - 106 > 200 else "sha256"\n    return hashlib.new(algorithm, request.get_data()).hexdigest()'),
        ("list index", 'names = ["sha256"]\n    names.append("md5")\n    return hashlib.new(names[0], request.get_data()).hexdigest()'),
        ("helper in the file", 'return hashlib.new(constant("md5"), request.get_data()).hexdigest()'),
        ("not for security", 'return hashlib.md5(request.get_data(), usedforsecurity=False).hexdigest()'),
        ("configuration entry", 'config = configparser.ConfigParser()\n    config.add_section("s")\n    config.set("s", "algorithm", "md5")\n    config.set("s", "strong", "sha384")\n    return hashlib.new(config.get("s", "strong"), request.get_data()).hexdigest()'),
        ("match over a constant", 'mode = "strong"\n    match mode:\n        case "strong":\n            algorithm = "sha256"\n        case _:\n            algorithm = "md5"\n    return hashlib.new(algorithm, request.get_data()).hexdigest()'),
    ]
    out += [("hash", hash_imports, True, r, b) for r, b in v] + [("hash", hash_imports, False, r, b) for r, b in s]

    rand_imports = "import random, secrets\nimport helpers"
    v = [
        ("direct", "return str(random.random())"),
        ("randint", "return str(random.randint(0, 10 ** 6))"),
        ("getrandbits", "token = random.getrandbits(64)\n    return str(token)"),
        ("choice", 'return "".join(random.choice("abcdef") for _ in range(16))'),
        ("constant branch", "value = random.random() if 7 * 18 + 106 > 200 else secrets.randbelow(100)\n    return str(value)"),
        ("helper in the file", "return str(passthrough(random.random()))"),
        ("container", 'd = {"v": random.randrange(100)}\n    return str(d["v"])'),
        ("loop", "total = 0\n    for _ in range(3):\n        total += random.randint(1, 6)\n    return str(total)"),
        ("imported name", "from random import uniform\n    return str(uniform(0, 1))"),
        ("shuffle", "items = list(range(10))\n    random.shuffle(items)\n    return str(items)"),
    ]
    s = [
        ("secrets", "return secrets.token_hex(16)"),
        ("SystemRandom", "return str(random.SystemRandom().random())"),
        ("randbelow", "return str(secrets.randbelow(100))"),
        ("constant branch", "value = random.random() if 7 * 18 - 106 > 200 else secrets.randbelow(100)\n    return str(value)"),
        ("dead loop", "value = secrets.randbelow(10)\n    while False:\n        value = random.random()\n    return str(value)"),
        ("if over a constant", "value = secrets.token_urlsafe()\n    if 2 + 2 == 5:\n        value = str(random.random())\n    return value"),
        ("match over a constant", 'mode = "secure"\n    match mode:\n        case "secure":\n            value = secrets.randbits(32)\n        case _:\n            value = random.getrandbits(32)\n    return str(value)'),
        ("token_urlsafe", "return secrets.token_urlsafe(32)"),
        ("choice", 'return "".join(secrets.choice("abcdef") for _ in range(16))'),
        ("SystemRandom instance", "generator = random.SystemRandom()\n    return str(generator.randint(0, 10))"),
    ]
    out += [("weakrand", rand_imports, True, r, b) for r, b in v] + [("weakrand", rand_imports, False, r, b) for r, b in s]

    cookie_imports = "from flask import make_response\nimport helpers"
    pre = 'response = make_response("ok")\n    '
    post = "\n    return response"
    v = [
        ("no flag", 'response.set_cookie("session", "value")'),
        ("secure=False", 'response.set_cookie("session", "value", secure=False)'),
        ("variable", 'flag = False\n    response.set_cookie("session", "value", secure=flag)'),
        ("constant branch", 'flag = False if 7 * 18 + 106 > 200 else True\n    response.set_cookie("session", "value", secure=flag)'),
        ("container key", 'options = {"secure": False, "httponly": True}\n    response.set_cookie("session", "value", secure=options["secure"])'),
        ("httponly only", 'response.set_cookie("session", "value", httponly=True)'),
        ("helper in the file", 'response.set_cookie("session", "value", secure=passthrough(False))'),
        ("None", 'response.set_cookie("session", "value", secure=None)'),
        ("list index", 'flags = [True]\n    flags.append(False)\n    response.set_cookie("session", "value", secure=flags[1])'),
        ("samesite only", 'response.set_cookie("session", "value", samesite="Lax")'),
    ]
    s = [
        ("secure=True", 'response.set_cookie("session", "value", secure=True)'),
        ("variable", 'flag = True\n    response.set_cookie("session", "value", secure=flag)'),
        ("strong update", 'flag = False\n    flag = True\n    response.set_cookie("session", "value", secure=flag)'),
        ("constant branch", 'flag = False if 7 * 18 - 106 > 200 else True\n    response.set_cookie("session", "value", secure=flag)'),
        ("container key", 'options = {"secure": True, "debug": False}\n    response.set_cookie("session", "value", secure=options["secure"])'),
        ("all flags", 'response.set_cookie("session", "value", secure=True, httponly=True, samesite="Strict")'),
        ("helper in the file", 'response.set_cookie("session", "value", secure=always_true(False))'),
        ("list index", 'flags = [True]\n    flags.append(False)\n    response.set_cookie("session", "value", secure=flags[0])'),
        ("match over a constant", 'mode = "production"\n    match mode:\n        case "production":\n            flag = True\n        case _:\n            flag = False\n    response.set_cookie("session", "value", secure=flag)'),
        ("if over a constant", 'flag = True\n    if 2 + 2 == 5:\n        flag = False\n    response.set_cookie("session", "value", secure=flag)'),
    ]
    out += [("securecookie", cookie_imports, True, r, pre + b + post) for r, b in v] + [("securecookie", cookie_imports, False, r, pre + b + post) for r, b in s]
    return out


PRELUDE = '''
import configparser
import helpers

app = Flask(__name__)


def passthrough(value):
    return value


def constant(value):
    return "safe"


def always_true(value):
    return True


class Holder:
    def __init__(self, value):
        self.value = value

'''

HELPERS = '''"""Helpers the corpus's handlers import: flows through them cross a file."""


def passthrough(value):
    return value.strip()


def constant(value):
    return "safe"
'''


def main():
    rows = []
    cases = []
    for cat, d in INJECTION.items():
        cases += injection_cases(cat, d)
    cases += special_cases()
    for cat in sorted({c[0] for c in cases}):
        folder = os.path.join(HERE, cat)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        with open(os.path.join(folder, "helpers.py"), "w") as f:
            f.write(HELPERS)
    counters = {}
    for cat, imports, vulnerable, reason, body in cases:
        n = counters.get(cat, 0) + 1
        counters[cat] = n
        name = f"{cat}/{cat}_{n:02d}.py"
        label = "vulnerable" if vulnerable else "safe"
        text = f"# {cat} {n:02d}: {label} ({reason})\n" + HEADER + imports + "\n" + PRELUDE + f"\n@app.route(\"/{cat}/{n:02d}\")\ndef handler():\n    {body}\n"
        with open(os.path.join(HERE, name), "w") as f:
            f.write(text)
        rows.append((name, cat, "true" if vulnerable else "false", reason))
    with open(os.path.join(HERE, "labels.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "category", "vulnerable", "reason"])
        w.writerows(rows)
    print(f"{len(rows)} cases in {len(counters)} categories")


if __name__ == "__main__":
    main()

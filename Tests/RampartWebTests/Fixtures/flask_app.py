#!/usr/bin/env python3
"""A deliberately vulnerable Flask app and its secure twin, for the web scanner's tests.

    flask_app.py vulnerable|secure [--tls CERT KEY] [--pages N]

Serves on 127.0.0.1 and a free port, printed on the first line of standard output. Both modes
have the same routes; the vulnerable one plants at least one instance of every passive rule's
condition and of every active check (see PLANTED), the secure one does each thing right
(headers, cookies, CSRF tokens, escaping, bound SQL parameters, no debugger). `--pages N` adds
N generated catalogue pages (the benchmark's site).
"""
import base64
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading

import graphene
from flask import Flask, Response, abort, make_response, redirect, render_template_string, request, session
from markupsafe import Markup, escape
from werkzeug.serving import WSGIRequestHandler, make_server

MODE = sys.argv[1] if len(sys.argv) > 1 else "vulnerable"
VULNERABLE = MODE == "vulnerable"
CERT = KEY = None
PAGES = 0
WATCH_STDIN = False
args = sys.argv[2:]
while args:
    if args[0] == "--watch-stdin":
        WATCH_STDIN = True
        args = args[1:]
    elif args[0] == "--tls" and len(args) >= 3:
        CERT, KEY = args[1], args[2]
        args = args[3:]
    elif args[0] == "--pages" and len(args) >= 2:
        PAGES = int(args[1])
        args = args[2:]
    else:
        args = args[1:]

app = Flask(__name__)
app.secret_key = "fixture-secret-key-not-real"
app.config["SESSION_COOKIE_HTTPONLY"] = not VULNERABLE
app.config["SESSION_COOKIE_SECURE"] = not VULNERABLE
app.config["SESSION_COOKIE_SAMESITE"] = None if VULNERABLE else "Lax"

FILES = tempfile.mkdtemp(prefix="rampart-fixture-files-")
with open(os.path.join(FILES, "readme.txt"), "w") as handle:
    handle.write("Read me.\n")
# Every route opens a connection per request to a file database: one shared connection fails
# under concurrent requests, which would blur the differentials and the error messages.
DB_PATH = os.path.join(FILES, "shop.db")
with sqlite3.connect(DB_PATH) as setup:
    setup.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, owner TEXT)")
    setup.executemany("INSERT INTO items VALUES (?, ?, ?)", [(1, "lamp", "alice"), (2, "desk", "bob"), (3, "chair", "alice")])
    setup.execute("CREATE TABLE staff (name TEXT, password TEXT)")
    setup.execute("INSERT INTO staff VALUES ('root', 'x9-not-guessable-Q')")


def query(sql, parameters=()):
    with sqlite3.connect(DB_PATH) as connection:
        return connection.execute(sql, parameters).fetchall()
USERS = {"alice": "wonderland"}
NONCE = "r4nd0mN0nc3"


# Submissions the twin refused for a wrong anti-CSRF token: a scan that fuzzes or loses tokens
# shows up here (/_fixture/csrf-rejections).
CSRF_REJECTIONS = []


@app.route("/_fixture/csrf-rejections")
def fixture_csrf_rejections():
    return {"rejections": CSRF_REJECTIONS}


def csrf_token():
    if "csrf" not in session:
        session["csrf"] = base64.urlsafe_b64encode(os.urandom(18)).decode()
    return session["csrf"]


def page(title, body):
    """A whole HTML page; the vulnerable one loads third-party scripts the insecure way."""
    if VULNERABLE:
        head = (
            '<script src="https://cdn.thirdparty.example/lib.js"></script>'
            '<script src="https://cdn.polyfill.io/v3/polyfill.min.js"></script>'
        )
    else:
        head = f'<script nonce="{NONCE}" src="/static/app.js"></script>'
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<h1>{title}</h1>
{body}
</body></html>
"""


@app.after_request
def headers(response):
    if VULNERABLE:
        response.headers["X-Powered-By"] = "Flask"
        return response
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = (
            f"default-src 'self'; script-src 'self' 'nonce-{NONCE}'; style-src 'self'; img-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        )
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Cross-Origin-Embedder-Policy"] = "require-corp"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response


@app.route("/")
def index():
    if VULNERABLE:
        session["user"] = "alice"
        session["role"] = "admin"  # planted: privileges in a readable signed cookie
    else:
        session["visits"] = session.get("visits", 0) + 1
    links = [
        "/about", "/search?q=lamp", "/item?id=1", "/user?name=alice", "/goto?url=/about", "/download?file=readme.txt",
        "/hello?name=world", "/ping?host=127.0.0.1", "/calc?expr=1%2B1", "/comment", "/files/", "/prefs?theme=dark",
        "/feed?charset=utf-8", "/color?c=red", "/old-page", "/api/data", "/crash", "/missing-page", "/app",
        "/legacy", "/admin-basic", "/contact", "/django-404", "/static/app.js", "/report", "/graphql", "/mixed", "/raw", "/csp",
        "/guestbook", "/product?id=1", "/lookup?name=lamp", "/track?ref=spring", "/fetch?url=http%3A%2F%2F127.0.0.1%2F", "/staff/login",
        "/settings", "/reset-password?token=t0k3n", "/items/2/delete", "/logout",
    ]
    if VULNERABLE:
        links += [
            "/profile?sessionid=8f2a9c4e1b7d3f6a0c5e", "/welcome?email=alice%40example.com&password=hunter2",
            "/goto?url=https%3A%2F%2Fpartner.example%2Fwelcome", "/feed?charset=iso-8859-7",
        ]
    if PAGES:
        links.append("/catalogue/0")
    items = "".join(f'<li><a href="{link}">{escape(link)}</a></li>' for link in links)
    extra = ""
    if VULNERABLE:
        extra = (
            '<p><a href="https://docs.partner.example/" target="_blank">Partner docs</a></p>'
            "<!-- TODO: remove the admin backdoor before release -->"
        )
    else:
        extra = '<p><a href="https://docs.partner.example/" target="_blank" rel="noopener noreferrer">Partner docs</a></p>'
    response = make_response(page("Shop", f"<ul>{items}</ul>{extra}"))
    if VULNERABLE:
        response.set_cookie("tracking", "abc123def456")
        response.set_cookie("__Host-id", "42", path="/app")
    else:
        response.set_cookie("tracking", "abc123def456", secure=True, httponly=True, samesite="Lax")
        response.set_cookie("__Host-id", "42", path="/", secure=True, httponly=True, samesite="Strict")
    return response


@app.route("/about")
def about():
    body = "<p>We are a small shop.</p>"
    if VULNERABLE:
        body += (
            "<p>Internal API at 10.0.3.17, build 1732896000.</p>"
            "<p>Card on file: 4556 7375 8689 9855; admin password hash: 5f4dcc3b5aa765d61d8327deb882cf99.</p>"
            "<p>Session blob rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==</p>"
        )
    return page("About", body)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    if VULNERABLE:
        shown = Markup(q)  # planted: reflected XSS
        field = f'<input name="q" value="{q}">'  # planted: user-controllable attribute
    else:
        shown = escape(q)
        field = '<input name="q">'
    return page("Search", f'<form action="/search" method="get">{field}<button>Go</button></form><p>Results for {shown}</p>')


@app.route("/item")
def item():
    item_id = request.args.get("id", "1")
    if VULNERABLE:
        rows = query(f"SELECT name FROM items WHERE id = {item_id}")  # planted: SQL injection
    else:
        rows = query("SELECT name FROM items WHERE id = ?", (item_id,))
    return page("Item", "".join(f"<p>{escape(row[0])}</p>" for row in rows) or "<p>No such item.</p>")


@app.route("/user")
def user():
    name = request.args.get("name", "")
    if VULNERABLE:
        rows = query(f"SELECT name FROM items WHERE owner = '{name}'")  # planted: SQL injection
    else:
        rows = query("SELECT name FROM items WHERE owner = ?", (name,))
    return page("User", "<ul>" + "".join(f"<li>{escape(row[0])}</li>" for row in rows) + "</ul>")


@app.route("/goto")
def goto():
    target = request.args.get("url", "/")
    if not VULNERABLE and (not target.startswith("/") or target.startswith("//")):
        target = "/"
    return redirect(target)  # planted (vulnerable): open redirect, off-site redirect


@app.route("/download")
def download():
    name = request.args.get("file", "readme.txt")
    path = os.path.join(FILES, name) if VULNERABLE else os.path.join(FILES, os.path.basename(name))
    try:
        with open(path) as handle:  # planted (vulnerable): path traversal
            return Response(handle.read(), mimetype="text/plain")
    except OSError:
        abort(404)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    if VULNERABLE:
        return render_template_string(page("Hello", f"<p>Hello {name}</p>"))  # planted: SSTI
    return render_template_string(page("Hello", "<p>Hello {{ name }}</p>"), name=name)


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    if VULNERABLE:
        out = subprocess.run(f"echo pinging {host}", shell=True, capture_output=True, text=True, timeout=5).stdout  # planted
    else:
        out = subprocess.run(["echo", "pinging", host], capture_output=True, text=True, timeout=5).stdout
    return page("Ping", f"<pre>{escape(out)}</pre>")


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "1+1")
    if VULNERABLE:
        try:
            result = eval(expr)  # planted: code injection
        except Exception as error:
            result = f"error: {error}"
    else:
        parts = expr.split("+")
        result = sum(int(p) for p in parts if p.strip().isdigit())
    return page("Calculator", f"<p>= {escape(str(result))}</p>")


@app.route("/comment", methods=["GET", "POST"])
def comment():
    if request.method == "POST":
        if not VULNERABLE and request.form.get("csrf_token") != session.get("csrf"):
            CSRF_REJECTIONS.append(request.path)
            abort(400)
        return page("Thanks", f"<p>Thanks, {escape(request.form.get('author', ''))}.</p>")
    token = "" if VULNERABLE else f'<input type="hidden" name="csrf_token" value="{csrf_token()}">'
    action = "" if VULNERABLE else ' action="/comment"'
    return page(
        "Comment",
        f'<form method="post"{action}>{token}<input name="author"><textarea name="text"></textarea><button>Send</button></form>',
    )


@app.route("/contact")
def contact():
    if VULNERABLE:
        if request.is_secure:
            action = "http://127.0.0.1:9/contact-submit"  # planted: HTTPS page posting to HTTP
        else:
            action = "https://forms.partner.example/contact"  # planted: HTTP page posting to HTTPS
    else:
        action = "/comment"
    token = "" if VULNERABLE else f'<input type="hidden" name="csrf_token" value="{csrf_token()}">'
    return page("Contact", f'<form method="post" action="{action}">{token}<input name="email" type="email"><button>Send</button></form>')


@app.route("/files/")
def files():
    if VULNERABLE:
        return "<html><head><title>Index of /files</title></head><body><h1>Index of /files</h1><ul><li><a href=\"readme.txt\">readme.txt</a></li></ul></body></html>"
    return page("Files", '<p><a href="/download?file=readme.txt">readme</a></p>')


@app.route("/files/readme.txt")
def files_readme():
    return Response("Read me.\n", mimetype="text/plain")


@app.route("/prefs")
def prefs():
    theme = request.args.get("theme", "light")
    response = make_response(page("Preferences", "<p>Saved.</p>"))
    if VULNERABLE:
        response.set_cookie("theme", theme)  # planted: cookie poisoning
    else:
        session["theme"] = "dark" if theme == "dark" else "light"
    return response


@app.route("/feed")
def feed():
    charset = request.args.get("charset", "utf-8")
    if not VULNERABLE:
        charset = "utf-8"
    body = f'<!DOCTYPE html><html><head><meta charset="{"iso-8859-1" if VULNERABLE else "utf-8"}"><title>Feed</title></head><body><p>News</p></body></html>'
    return Response(body, content_type=f"text/html; charset={charset}")


@app.route("/color")
def color():
    c = request.args.get("c", "red")
    if VULNERABLE:
        return page("Color", f"<div onclick=\"setColor('{c}')\">Pick</div>")  # planted: user-controllable JS event
    return page("Color", "<div>Pick</div>" if c not in ("red", "blue") else f"<p>{escape(c)} picked</p>")


@app.route("/old-page")
def old_page():
    if VULNERABLE:
        response = redirect("/about")
        response.set_data("<html><body>" + "<p>Customer: alice@example.com, order 1001</p>" * 60 + "</body></html>")
        return response
    return redirect("/about")


@app.route("/api/data")
def api_data():
    response = make_response(json.dumps({"items": ["lamp", "desk"]}))
    response.mimetype = "application/json"
    if VULNERABLE:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["X-Backend-Server"] = "app-server-03.internal"
        response.headers["X-ChromeLogger-Data"] = "eyJ2ZXJzaW9uIjoiNC4wIn0="
        response.headers["X-Debug-Token"] = "a1b2c3"
        response.headers["Age"] = "120"
        response.headers["X-Cache"] = "HIT"
    return response


@app.route("/raw")
def raw():
    response = Response(b"raw bytes")
    if VULNERABLE:
        del response.headers["Content-Type"]  # planted: no Content-Type
    else:
        response.mimetype = "text/plain"
    return response


@app.route("/csp")
def csp():
    response = make_response(page("Policy", "<p>A page with its own policy.</p>"))
    if VULNERABLE:
        response.headers["Content-Security-Policy"] = "default-src *; script-src 'self' 'unsafe-inline' 'unsafe-eval'"  # planted
    return response


@app.route("/crash")
def crash():
    if VULNERABLE:
        query("SELECT * FROM no_such_table")  # planted: traceback with sqlite3.OperationalError
    return page("Crash", "<p>Nothing crashed.</p>")


@app.route("/app")
def spa():
    if VULNERABLE:
        return f"""<!DOCTYPE html><html><head><title>App</title></head><body><div id="root"></div>
<a href="#">Loading</a>
<script>var target = location.hash.slice(1); eval(decodeURIComponent(target)); document.write(target);</script>
</body></html>"""
    return page("App", "<p>The app.</p>")


@app.route("/legacy")
def legacy():
    response = make_response(page("Legacy", "<p>Old system.</p>"))
    if VULNERABLE:
        response.headers["Server"] = "Apache/2.4.7 (Ubuntu) OpenSSL/1.0.1f"
    return response


@app.route("/profile")
def profile():
    return page("Profile", "<p>Your profile.</p>")


@app.route("/welcome")
def welcome():
    return page("Welcome", "<p>Welcome back.</p>")


# Endpoints a scan must never request or submit without --unsafe: every request to them is
# recorded, and /_fixture/touched lists them for the tests.
TOUCHED = []


def touched(name):
    TOUCHED.append(f"{request.method} {name}")


@app.route("/_fixture/touched")
def fixture_touched():
    return {"touched": TOUCHED}


@app.route("/reset")
def reset():
    touched("/reset")
    return page("Reset", "<p>Check your mail.</p>")


@app.route("/reset-password")
def reset_password():
    touched("/reset-password")
    return page("Reset", "<p>Your password was reset.</p>")


@app.route("/items/<int:number>/delete")
def delete_item(number):
    touched("/items/delete")
    return page("Deleted", "<p>Deleted.</p>")


@app.route("/settings")
def settings():
    token = "" if VULNERABLE else f'<input type="hidden" name="csrf_token" value="{csrf_token()}">'
    return page("Settings", f'<form method="post" action="/settings/credentials">{token}'
                '<input type="password" name="current_password"><input type="password" name="new_password">'
                '<input type="password" name="confirm_password"><button>Change</button></form>'
                f'<form method="post" action="/register">{token}<input name="username"><input type="password" name="password">'
                '<input type="password" name="password2"><button>Register</button></form>')


@app.route("/settings/credentials", methods=["POST"])
def change_credentials():
    touched("/settings/credentials")
    return page("Changed", "<p>Password changed.</p>")


REGISTERED = []


@app.route("/register", methods=["POST"])
def register():
    # Paired fields must come with equal values: a mismatch is refused.
    if request.form.get("password") != request.form.get("password2"):
        return page("Register", "<p>The passwords differ.</p>"), 400
    REGISTERED.append(request.form.get("username", ""))
    return page("Register", "<p>Welcome aboard.</p>")


@app.route("/_fixture/registered")
def fixture_registered():
    return {"registered": REGISTERED}


# Stored XSS: the guestbook keeps every message and shows it on its own page (the POST
# redirects there) and on the home of the book.
GUESTBOOK = []


@app.route("/guestbook", methods=["GET", "POST"])
def guestbook():
    if request.method == "POST":
        if not VULNERABLE and request.form.get("csrf_token") != session.get("csrf"):
            CSRF_REJECTIONS.append(request.path)
            abort(400)
        GUESTBOOK.append((request.form.get("name", "")[:200], request.form.get("message", "")[:500]))
        return redirect("/guestbook/entries")
    token = "" if VULNERABLE else f'<input type="hidden" name="csrf_token" value="{csrf_token()}">'
    return page("Guestbook", f'<p><a href="/guestbook/entries">Read the book</a></p><form method="post" action="/guestbook">{token}'
                '<input name="name"><textarea name="message"></textarea><button>Sign</button></form>')


@app.route("/guestbook/entries")
def guestbook_entries():
    render = (lambda text: Markup(text)) if VULNERABLE else escape  # planted (vulnerable): stored XSS
    items = "".join(f"<li><b>{escape(name)}</b>: {render(message)}</li>" for name, message in GUESTBOOK[-50:])
    return page("Entries", f"<ul>{items}</ul>")


# Blind SQL injection: errors are swallowed, only the page's content changes.
@app.route("/product")
def product():
    product_id = request.args.get("id", "1")
    try:
        if VULNERABLE:
            rows = query(f"SELECT name FROM items WHERE id = {product_id}")  # planted: boolean-blind
        else:
            rows = query("SELECT name FROM items WHERE id = ?", (product_id,))
    except sqlite3.Error:
        rows = []
    return page("Product", "".join(f"<p>In stock: {escape(row[0])}</p>" for row in rows) or "<p>We could not find that product.</p>")


@app.route("/lookup")
def lookup():
    name = request.args.get("name", "lamp")
    try:
        if VULNERABLE:
            rows = query(f"SELECT owner FROM items WHERE name = '{name}'")  # planted: boolean-blind (string)
        else:
            rows = query("SELECT owner FROM items WHERE name = ?", (name,))
    except sqlite3.Error:
        rows = []
    return page("Lookup", f"<p>{len(rows)} match(es).</p>" + "".join(f"<p>Owned by {escape(row[0])}</p>" for row in rows))


# Time-based blind SQL injection: the page is the same whatever the query does.
@app.route("/track")
def track():
    ref = request.args.get("ref", "")
    try:
        if VULNERABLE:
            query(f"SELECT COUNT(*) FROM items WHERE name = '{ref}'")  # planted: time-based blind
        else:
            query("SELECT COUNT(*) FROM items WHERE name = ?", (ref,))
    except sqlite3.Error:
        pass
    return page("Thanks", "<p>Thanks for visiting.</p>")


# Login bypass: credentials checked by a concatenated query.
@app.route("/staff/login", methods=["GET", "POST"])
def staff_login():
    if request.method == "POST":
        user, password = request.form.get("user", ""), request.form.get("pass", "")
        try:
            if VULNERABLE:
                rows = query(f"SELECT name FROM staff WHERE name = '{user}' AND password = '{password}'")  # planted
            else:
                rows = query("SELECT name FROM staff WHERE name = ? AND password = ?", (user, password))
        except sqlite3.Error:
            rows = []
        if rows:
            return redirect("/staff")
        return page("Staff", "<p>Wrong credentials.</p>" + staff_form())
    return page("Staff", staff_form())


def staff_form():
    token = "" if VULNERABLE else f'<input type="hidden" name="csrf_token" value="{csrf_token()}">'
    return f'<form method="post" action="/staff/login">{token}<input name="user"><input type="password" name="pass"><button>Sign in</button></form>'


@app.route("/staff")
def staff():
    return page("Staff area", "<p>Welcome, staff.</p>")


# SSRF: the fetcher requests whatever URL it is given (the twin only its own allow-list).
@app.route("/fetch")
def fetch():
    import urllib.request
    url = request.args.get("url", "")
    if not VULNERABLE and url not in ("http://127.0.0.1/",):
        return page("Fetch", "<p>Not an allowed address.</p>"), 400
    try:
        with urllib.request.urlopen(url, timeout=3) as response:  # planted (vulnerable): SSRF
            response.read(1000)
        status = "fetched"
    except Exception:
        status = "could not fetch"
    return page("Fetch", f"<p>{status}</p>")


@app.route("/admin-basic")
def admin_basic():
    if VULNERABLE:
        return Response("Authentication required", 401, {"WWW-Authenticate": 'Basic realm="admin"'})
    return page("Admin", "<p>Sign in through the login page.</p>")


@app.route("/django-404")
def django_404():
    if VULNERABLE:
        return (
            "<html><head><title>Page not found at /django-404</title></head><body><h1>Page not found <span>(404)</span></h1>"
            "<p>Using the URLconf defined in <code>shop.urls</code>, Django tried these URL patterns, in this order:</p>"
            "<p>You're seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p></body></html>",
            404,
        )
    return page("Not Django", "<p>Nothing here.</p>")


@app.route("/static/app.js")
def static_app():
    return Response("document.addEventListener('DOMContentLoaded', function () {});\n", mimetype="application/javascript")


@app.route("/static/app.js.bak")
def static_app_backup():
    if VULNERABLE:
        return Response("// old build\nvar apiKey = 'not-a-real-key';\n", mimetype="application/octet-stream")
    abort(404)


@app.route("/report")
def report():
    if VULNERABLE:
        source = "import os\n\ndef load():\n    return os.environ['DB_URL']\n\nclass Report(object):\n    pass\n"
        return Response(source, mimetype="text/plain")
    return page("Report", "<p>Quarterly report.</p>")


@app.route("/mixed")
def mixed():
    if VULNERABLE:
        return page("Mixed", '<img src="http://images.partner.example/logo.png" alt="logo">')
    return page("Mixed", '<img src="/static/logo.png" alt="logo">')


# A JSON API described by OpenAPI 3 at /openapi.json (not linked: an API scan starts from
# its description). The vulnerable one concatenates SQL and shell commands.
OPENAPI = {
    "openapi": "3.0.3",
    "info": {"title": "Shop API", "version": "1"},
    "servers": [{"url": "/api/v1"}],
    "paths": {
        "/items": {"get": {"parameters": [{"name": "name", "in": "query", "schema": {"type": "string"}, "example": "lamp"}],
                           "responses": {"200": {"description": "items"}}}},
        "/items/{id}": {
            "get": {"parameters": [{"$ref": "#/components/parameters/ItemId"}], "responses": {"200": {"description": "an item"}}},
            "delete": {"parameters": [{"$ref": "#/components/parameters/ItemId"}], "responses": {"204": {"description": "deleted"}}},
        },
        "/diagnostics": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostic"}}}},
                                  "responses": {"200": {"description": "result"}}}},
    },
    "components": {
        "parameters": {"ItemId": {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}},
        "schemas": {"Diagnostic": {"type": "object", "properties": {
            "target": {"type": "object", "properties": {"host": {"type": "string", "example": "127.0.0.1"}}},
            "count": {"type": "integer"},
            "owner": {"type": "string"},
        }}},
    },
}


@app.route("/openapi.json")
def openapi_description():
    return OPENAPI


@app.route("/api/v1/items")
def api_items():
    name = request.args.get("name", "")
    try:
        if VULNERABLE:
            rows = query(f"SELECT id, name FROM items WHERE name = '{name}'")  # planted: SQL injection
        else:
            rows = query("SELECT id, name FROM items WHERE name = ?", (name,))
    except sqlite3.Error as error:
        return {"error": str(error)}, 500
    return {"items": [{"id": row[0], "name": row[1]} for row in rows]}


@app.route("/api/v1/items/<int:number>", methods=["GET", "DELETE"])
def api_item(number):
    if request.method == "DELETE":
        touched("/api/v1/items DELETE")
        return "", 204
    rows = query("SELECT name FROM items WHERE id = ?", (number,))
    return {"name": rows[0][0]} if rows else ({"error": "not found"}, 404)


@app.route("/api/v1/diagnostics", methods=["POST"])
def api_diagnostics():
    body = request.get_json(silent=True) or {}
    host = str((body.get("target") or {}).get("host", ""))
    if VULNERABLE:
        out = subprocess.run(f"echo pinging {host}", shell=True, capture_output=True, text=True, timeout=5).stdout  # planted
    else:
        out = subprocess.run(["echo", "pinging", host], capture_output=True, text=True, timeout=5).stdout
    return {"output": out}


# GraphQL (graphene): the vulnerable endpoint has injectable arguments, introspection, an IDE
# for browsers, batching, no depth limit, field suggestions and mutations over GET; the twin
# binds its parameters and refuses all of those.
class GraphUser(graphene.ObjectType):
    name = graphene.String()
    owner = graphene.String()
    friends = graphene.List(lambda: GraphUser)

    def resolve_friends(self, info):
        return [GraphUser(name="desk", owner="bob")]


class GraphQuery(graphene.ObjectType):
    user = graphene.Field(GraphUser, name=graphene.String(required=True))
    ping = graphene.String(host=graphene.String(required=True))
    item = graphene.String(id=graphene.ID(required=True))

    def resolve_user(self, info, name):
        if VULNERABLE:
            rows = query(f"SELECT name, owner FROM items WHERE name = '{name}'")  # planted: SQL injection
        else:
            rows = query("SELECT name, owner FROM items WHERE name = ?", (name,))
        return GraphUser(name=rows[0][0], owner=rows[0][1]) if rows else None

    def resolve_ping(self, info, host):
        if VULNERABLE:
            return subprocess.run(f"echo pinging {host}", shell=True, capture_output=True, text=True, timeout=5).stdout  # planted
        return subprocess.run(["echo", "pinging", host], capture_output=True, text=True, timeout=5).stdout

    def resolve_item(self, info, id):
        try:
            if VULNERABLE:
                rows = query(f"SELECT name FROM items WHERE id = {id}")  # planted: boolean-blind
            else:
                rows = query("SELECT name FROM items WHERE id = ?", (id,))
        except sqlite3.Error:
            rows = []
        return rows[0][0] if rows else "not found"


class AddComment(graphene.Mutation):
    class Arguments:
        text = graphene.String(required=True)

    ok = graphene.Boolean()

    def mutate(self, info, text):
        GUESTBOOK.append(("graphql", text[:500]))
        return AddComment(ok=True)


class GraphMutation(graphene.ObjectType):
    add_comment = AddComment.Field()


SCHEMA = graphene.Schema(query=GraphQuery, mutation=GraphMutation)


def depth(node, level=0):
    selections = getattr(getattr(node, "selection_set", None), "selections", None) or []
    return max([depth(child, level + 1) for child in selections], default=level)


def run_graphql(document, variables):
    from graphql import parse, validate, execute, specified_rules, GraphQLError
    from graphql.validation import NoSchemaIntrospectionCustomRule
    try:
        ast = parse(document or "")
    except GraphQLError as error:
        return {"errors": [{"message": error.message}]}
    rules = list(specified_rules) + ([] if VULNERABLE else [NoSchemaIntrospectionCustomRule])
    errors = validate(SCHEMA.graphql_schema, ast, rules)
    if errors:
        messages = [e.message if VULNERABLE else e.message.split(" Did you mean")[0] for e in errors]
        return {"errors": [{"message": m} for m in messages]}
    if not VULNERABLE and any(depth(definition) > 6 for definition in ast.definitions):
        return {"errors": [{"message": "query too deep"}]}
    if request.method == "GET" and not VULNERABLE and any(getattr(d, "operation", None) and d.operation.value != "query" for d in ast.definitions):
        return {"errors": [{"message": "mutations need POST"}]}
    result = execute(SCHEMA.graphql_schema, ast, variable_values=variables)
    out = {"data": result.data}
    if result.errors:
        out["errors"] = [{"message": str(e.message)} for e in result.errors]
    return out


GRAPHQL_OPERATIONS = []


@app.route("/_fixture/graphql-operations")
def fixture_graphql_operations():
    return {"operations": GRAPHQL_OPERATIONS}


@app.route("/graphql", methods=["GET", "POST"])
def graphql_endpoint():
    body = request.get_json(silent=True)
    if isinstance(body, dict) and isinstance(body.get("variables"), dict) and body["variables"]:
        GRAPHQL_OPERATIONS.append(str(body.get("query", ""))[:200])
    if request.method == "GET" and "query" not in request.args:
        if VULNERABLE and "text/html" in request.headers.get("Accept", ""):
            return "<!DOCTYPE html><html><head><title>GraphiQL</title></head><body><div id=\"graphiql\">Loading...</div><script>GraphiQL.createFetcher({url: '/graphql'});</script></body></html>"
        return {"errors": [{"message": "no query"}]}, 400
    if request.method == "GET":
        variables = json.loads(request.args.get("variables") or "{}")
        return run_graphql(request.args.get("query"), variables)
    body = request.get_json(silent=True)
    if isinstance(body, list):
        if not VULNERABLE:
            return {"errors": [{"message": "batching is not supported"}]}, 400
        return json.dumps([run_graphql(entry.get("query"), entry.get("variables")) for entry in body[:20]]), 200, {"Content-Type": "application/json"}
    if not isinstance(body, dict):
        return {"errors": [{"message": "a JSON object is expected"}]}, 400
    return run_graphql(body.get("query"), body.get("variables"))


@app.route("/.git/HEAD")
def git_head():
    if VULNERABLE:
        return Response("ref: refs/heads/main\n", mimetype="text/plain")
    abort(404)


@app.route("/.env")
def dot_env():
    if VULNERABLE:
        return Response("FLASK_ENV=production\nDATABASE_URL=postgres://shop:changeme@db/shop\n", mimetype="text/plain")
    abort(404)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        if not VULNERABLE and request.form.get("csrf_token") != session.get("csrf"):
            CSRF_REJECTIONS.append(request.path)
            abort(400)
        if USERS.get(request.form.get("username", "")) == request.form.get("password"):
            session["authenticated"] = request.form["username"]
            return redirect("/account")
        return page("Login", "<p>Wrong credentials.</p>" + login_form()), 401
    return page("Login", login_form())


def login_form():
    token = "" if VULNERABLE else f'<input type="hidden" name="csrf_token" value="{csrf_token()}">'
    return f'<form method="post" action="/login">{token}<input name="username"><input name="password" type="password"><button>Sign in</button></form>'


@app.route("/account")
def account():
    if "authenticated" not in session:
        return redirect("/login")
    return page(
        "Account",
        '<p>Signed in.</p><a href="/account/expire">Settings</a> <a href="/account/orders">Orders</a> <a href="/logout">Log out</a>',
    )


@app.route("/account/expire")
def expire():
    # The session times out here: the scanner must notice and log in again.
    session.pop("authenticated", None)
    return redirect("/account/orders?after=expire")


@app.route("/account/orders")
def orders():
    if "authenticated" not in session:
        return redirect("/login")
    return page("Orders", "<p>Order 1001</p>")


@app.route("/logout")
def logout():
    touched("/logout")
    session.clear()
    return redirect("/")


@app.route("/catalogue/<int:number>")
def catalogue(number):
    # A tree ten pages wide: 200 pages are four links deep.
    children = [n for n in range(10 * number + 1, 10 * number + 11) if n < PAGES]
    links = "".join(f'<a href="/catalogue/{n}">Page {n}</a> ' for n in children)
    return page(f"Catalogue {number}", f"<p>Products of page {number}.</p><p>{links}</p><p><a href=\"/search?q=p{number}\">Search</a></p>")


@app.errorhandler(404)
def not_found(error):
    if VULNERABLE:
        return "<html><body><h1>Not Found</h1><hr><address>Apache/2.4.41 (Ubuntu) Server at shop Port 80</address></body></html>", 404
    return page("Not found", "<p>No such page.</p>"), 404


class Handler(WSGIRequestHandler):
    def version_string(self):
        # The development server names itself and Python's version; the twin says nothing.
        return super().version_string() if VULNERABLE else "app"

    def log_message(self, *args):
        pass


def main():
    application = app
    if VULNERABLE:
        from werkzeug.debug import DebuggedApplication

        app.debug = True
        application = DebuggedApplication(app, evalex=True)  # planted: Werkzeug debugger and /console
    ssl_context = (CERT, KEY) if CERT else None
    server = make_server("127.0.0.1", 0, application, threaded=True, ssl_context=ssl_context, request_handler=Handler)
    print(server.port, flush=True)
    if WATCH_STDIN:
        # The test that started the app holds our stdin open: when it closes (the test ended,
        # or the test process died), the app goes too, instead of lingering after the run.
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server.serve_forever()


def exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


if __name__ == "__main__":
    main()

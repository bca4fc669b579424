"""The demo's web application for the pipeline's DAST stage (standard library only).

`python3 serve.py PORT` serves on 127.0.0.1. Deliberately careless with its headers: every
# FLAW below is something `rampart web` (the pipeline's `web` activity) reports.
"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = b"""<!doctype html>
<html><head><title>Demo shop</title></head>
<body>
<h1>Demo shop</h1>
<form action="/search" method="get"><input name="q"><button>Search</button></form>
<a href="/about">About</a>
</body></html>
"""


class Handler(BaseHTTPRequestHandler):
    server_version = "DemoShop/1.0"  # FLAW: the Server header names the product and version (10036)

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        # FLAW: a session cookie without HttpOnly, Secure or SameSite (10010, 10054)
        self.send_header("Set-Cookie", "session=demo-session-id; Path=/")
        # FLAW: no Content-Security-Policy, X-Frame-Options or X-Content-Type-Options (10038, 10020, 10021)
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 18765
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()

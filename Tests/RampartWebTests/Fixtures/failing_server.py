#!/usr/bin/env python3
"""Servers a DAST scan must not call a pass, on 127.0.0.1 and a free port (printed first).

    failing_server.py errors|links|gzipbomb|garbage|hang|slowpages

errors: every request answers 500. links: every page holds 200,000 links to new pages.
gzipbomb: the start page is a gzip bomb. garbage: the start URL answers bytes that are not
HTTP. hang: nothing ever answers. slowpages: 40 linked pages, each taking 0.3 s. Standard
library only.
"""
import gzip
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import fixture_watchdog

MODE = sys.argv[1] if len(sys.argv) > 1 else "errors"
# Built only when served: 200 MB of spaces take a moment to compress.
BOMB = gzip.compress(b"<html>" + b" " * (200 << 20) + b"</html>", compresslevel=9) if MODE == "gzipbomb" else b""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, headers=()):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        if MODE == "errors":
            self.send(500, "<html><body><h1>Internal Server Error</h1></body></html>")
        elif MODE == "links":
            base = abs(hash(self.path)) % 10_000_000
            links = "".join(f'<a href="/p/{base}-{i}">{i}</a>' for i in range(200_000))
            self.send(200, f"<html><body>{links}</body></html>")
        elif MODE == "gzipbomb":
            self.send(200, BOMB, headers=[("Content-Encoding", "gzip")])
        elif MODE == "garbage":
            self.wfile.write(b"\x00\xffNOT HTTP AT ALL\r\n\r\n\xfe" * 10)
            self.close_connection = True
        elif MODE == "hang":
            time.sleep(120)
        elif MODE == "slowpages":
            time.sleep(0.3)
            number = int(self.path.rsplit("/", 1)[1]) if self.path.startswith("/p/") else 0
            links = "".join(f'<a href="/p/{n}">{n}</a>' for n in range(number + 1, min(number + 4, 40)))
            self.send(200, f"<html><body><h1>{number}</h1>{links}</body></html>")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
fixture_watchdog.start()
server.serve_forever()

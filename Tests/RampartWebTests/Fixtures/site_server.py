#!/usr/bin/env python3
"""A small web site for crawler tests, on 127.0.0.1 and a free port (printed on the first line).

Pages /page/0 … /page/N-1 link onwards; robots.txt and sitemap.xml name pages nothing links to;
hostile routes hang, stream a gigabyte, redirect forever or answer garbage. Standard library only.
"""
import socketserver
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import fixture_watchdog

PAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 20


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="text/html; charset=utf-8", headers=()):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/":
            links = "".join(f'<a href="/page/{i}">page {i}</a>' for i in range(min(PAGES, 5)))
            extra = '<a href="http://outside.invalid/">out</a><a href="/hang">h</a><a href="/huge">g</a><a href="/loop?n=0">l</a><a href="/garbage">x</a>'
            self.send(200, f"<html><body>{links}{extra if 'hostile' in sys.argv else ''}</body></html>")
        elif path.startswith("/page/"):
            i = int(path.rsplit("/", 1)[1])
            nxt = "".join(f'<a href="/page/{j}">p{j}</a>' for j in (i + 1, i + 2) if j < PAGES)
            self.send(200, f"<html><head><title>{i}</title></head><body>{nxt}<script>if(x){{location.href='/page/{i}'}}</script></body></html>")
        elif path == "/robots.txt":
            self.send(200, "User-agent: *\nDisallow: /hidden\nSitemap: /sitemap.xml\n", "text/plain")
        elif path == "/sitemap.xml":
            self.send(200, '<?xml version="1.0"?><urlset><url><loc>/from-sitemap</loc></url></urlset>', "application/xml")
        elif path in ("/hidden", "/from-sitemap"):
            self.send(200, f"<html><body>{path}</body></html>")
        elif path == "/hang":
            time.sleep(60)
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(1 << 30))
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range((1 << 30) // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/loop":
            n = int(self.path.split("n=")[1]) if "n=" in self.path else 0
            self.send(302, "", headers=[("Location", f"/loop?n={n + 1}")])
        elif path == "/garbage":
            self.wfile.write(b"\x00\xffNOT HTTP AT ALL\r\n\r\n\xfe" * 10)
            self.close_connection = True
        else:
            self.send(404, "<html><body>not found</body></html>")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
fixture_watchdog.start()
server.serve_forever()

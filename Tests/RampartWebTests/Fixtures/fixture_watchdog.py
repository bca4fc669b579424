"""Ends a fixture server when the test that started it lets go of its stdin.

The test holds the server's stdin open for as long as it needs the server; when the pipe closes
(the test ended, or the test process died) the server exits instead of lingering after the run.
Only with FIXTURE_WATCH_STDIN set: run by hand, a server keeps going.
"""
import os
import sys
import threading


def _exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


def start():
    if os.environ.get("FIXTURE_WATCH_STDIN"):
        threading.Thread(target=_exit_when_stdin_closes, daemon=True).start()

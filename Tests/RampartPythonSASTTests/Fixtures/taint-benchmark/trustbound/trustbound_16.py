# trustbound 16: safe (safe API)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
ROLES = {'reader', 'writer'}

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


@app.route("/trustbound/16")
def handler():
    session["visits"] = session.get("visits", 0) + 1
    request.args.get("role")
    return "ok"

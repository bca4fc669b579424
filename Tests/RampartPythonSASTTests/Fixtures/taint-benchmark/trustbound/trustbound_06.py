# trustbound 06: vulnerable (constant branch)
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


@app.route("/trustbound/06")
def handler():
    x = request.args.get("role", "") if 7 * 18 + 106 > 200 else "safe"
    session["role"] = x
    return "ok"

# trustbound 15: safe (sanitiser)
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


@app.route("/trustbound/15")
def handler():
    x = str(int(request.args.get("role", "")))
    session["role"] = x
    return "ok"

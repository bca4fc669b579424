# sqli 02: vulnerable (string building)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
import re, sqlite3
db = sqlite3.connect(':memory:')

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


@app.route("/sqli/02")
def handler():
    x = "{}".format(request.args.get("name", "")).strip()
    return str(db.execute("SELECT * FROM users WHERE name = '" + x + "'").fetchall())

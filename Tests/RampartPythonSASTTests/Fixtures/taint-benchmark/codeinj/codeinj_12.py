# codeinj 12: safe (container key)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
import ast, re

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


@app.route("/codeinj/12")
def handler():
    d = {}
    d["k"] = request.args.get("expr", "1")
    d["j"] = "safe"
    x = d["j"]
    return str(eval(x))

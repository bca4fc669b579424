# codeinj 13: safe (list index)
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


@app.route("/codeinj/13")
def handler():
    items = ["safe"]
    items.append(request.args.get("expr", "1"))
    x = items[0]
    return str(eval(x))

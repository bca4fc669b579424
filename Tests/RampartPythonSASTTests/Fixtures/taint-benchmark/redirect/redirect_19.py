# redirect 19: safe (list pop)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
from urllib.parse import urlparse
ALLOWED = {'example.com'}

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


@app.route("/redirect/19")
def handler():
    items = [request.args.get("next", "/"), "safe"]
    items.pop(0)
    x = items[0]
    return redirect(x)

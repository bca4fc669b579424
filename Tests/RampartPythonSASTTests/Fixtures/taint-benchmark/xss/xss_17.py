# xss 17: safe (helper in the file)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
import re
from markupsafe import escape

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


@app.route("/xss/17")
def handler():
    x = constant(request.args.get("name", ""))
    return "<p>Hello " + x + "</p>"

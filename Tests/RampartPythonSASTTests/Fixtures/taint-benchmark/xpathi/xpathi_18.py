# xpathi 18: safe (guard)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
import re
from lxml import etree
root = etree.fromstring('<users/>')

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


@app.route("/xpathi/18")
def handler():
    x = request.args.get("name", "")
    if not re.fullmatch(r"[A-Za-z]+", x):
        abort(400)
    return str(root.xpath("//user[@name='" + x + "']"))

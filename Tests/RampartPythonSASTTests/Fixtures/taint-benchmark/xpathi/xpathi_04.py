# xpathi 04: vulnerable (container key)
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


@app.route("/xpathi/04")
def handler():
    d = {}
    d["k"] = request.args.get("name", "")
    d["j"] = "safe"
    x = d["k"]
    return str(root.xpath("//user[@name='" + x + "']"))

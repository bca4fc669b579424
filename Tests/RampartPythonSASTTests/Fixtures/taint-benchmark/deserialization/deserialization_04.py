# deserialization 04: vulnerable (container key)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
import json, pickle, yaml

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


@app.route("/deserialization/04")
def handler():
    d = {}
    d["k"] = request.get_data()
    d["j"] = "safe"
    x = d["k"]
    return str(pickle.loads(x))

# deserialization 20: safe (helper in another file)
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


@app.route("/deserialization/20")
def handler():
    x = helpers.constant(request.get_data())
    return str(pickle.loads(x))

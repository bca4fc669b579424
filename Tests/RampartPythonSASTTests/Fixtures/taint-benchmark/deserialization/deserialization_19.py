# deserialization 19: safe (list pop)
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


@app.route("/deserialization/19")
def handler():
    items = [request.get_data(), "safe"]
    items.pop(0)
    x = items[0]
    return str(pickle.loads(x))

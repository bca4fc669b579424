# weakrand 07: vulnerable (container)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
import random, secrets
import helpers

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


@app.route("/weakrand/07")
def handler():
    d = {"v": random.randrange(100)}
    return str(d["v"])

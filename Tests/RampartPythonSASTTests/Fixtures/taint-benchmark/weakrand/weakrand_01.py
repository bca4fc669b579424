# weakrand 01: vulnerable (direct)
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


@app.route("/weakrand/01")
def handler():
    return str(random.random())

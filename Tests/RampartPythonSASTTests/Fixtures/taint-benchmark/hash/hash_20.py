# hash 20: safe (match over a constant)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
import hashlib
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


@app.route("/hash/20")
def handler():
    mode = "strong"
    match mode:
        case "strong":
            algorithm = "sha256"
        case _:
            algorithm = "md5"
    return hashlib.new(algorithm, request.get_data()).hexdigest()

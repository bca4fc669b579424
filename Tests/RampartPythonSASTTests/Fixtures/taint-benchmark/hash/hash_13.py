# hash 13: safe (strong update)
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


@app.route("/hash/13")
def handler():
    algorithm = "md5"
    algorithm = "sha256"
    return hashlib.new(algorithm, request.get_data()).hexdigest()

# hash 17: safe (helper in the file)
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


@app.route("/hash/17")
def handler():
    return hashlib.new(constant("md5"), request.get_data()).hexdigest()

# securecookie 19: safe (match over a constant)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
from flask import make_response
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


@app.route("/securecookie/19")
def handler():
    response = make_response("ok")
    mode = "production"
    match mode:
        case "production":
            flag = True
        case _:
            flag = False
    response.set_cookie("session", "value", secure=flag)
    return response

# securecookie 14: safe (constant branch)
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


@app.route("/securecookie/14")
def handler():
    response = make_response("ok")
    flag = False if 7 * 18 - 106 > 200 else True
    response.set_cookie("session", "value", secure=flag)
    return response

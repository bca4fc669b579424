# cmdi 09: vulnerable (helper in another file)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
import os, re, shlex, subprocess

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


@app.route("/cmdi/09")
def handler():
    x = helpers.passthrough(request.args.get("host", ""))
    os.system("ping -c 1 " + x)
    return "ok"

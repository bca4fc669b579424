# cmdi 07: vulnerable (method call)
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


@app.route("/cmdi/07")
def handler():
    x = Holder(request.args.get("host", "")).value
    os.system("ping -c 1 " + x)
    return "ok"

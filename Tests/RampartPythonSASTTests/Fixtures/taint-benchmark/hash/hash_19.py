# hash 19: safe (configuration entry)
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


@app.route("/hash/19")
def handler():
    config = configparser.ConfigParser()
    config.add_section("s")
    config.set("s", "algorithm", "md5")
    config.set("s", "strong", "sha384")
    return hashlib.new(config.get("s", "strong"), request.get_data()).hexdigest()

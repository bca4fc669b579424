# xxe 03: vulnerable (helper in the file)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
import defusedxml.ElementTree
from lxml import etree

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


@app.route("/xxe/03")
def handler():
    x = passthrough(request.get_data())
    parser = etree.XMLParser(resolve_entities=True)
    return etree.fromstring(x, parser).tag

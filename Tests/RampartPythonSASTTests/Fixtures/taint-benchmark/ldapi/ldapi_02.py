# ldapi 02: vulnerable (string building)
from flask import Flask, abort, redirect, render_template, request, send_from_directory, session, url_for
import ldap, ldap.filter, re
conn = ldap.initialize('ldap://directory')

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


@app.route("/ldapi/02")
def handler():
    x = "{}".format(request.args.get("user", "")).strip()
    return str(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + x + ")"))

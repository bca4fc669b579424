# Taint across the file's functions (`options: interfile: true`): Semgrep without Pro sees none
# of these flows, which go through a helper.
import os

from flask import request


def get_name():
    return request.args.get("name")


def build(query):
    return "SELECT * FROM t WHERE name = '" + query + "'"


def as_number(value):
    return int(value)


def run(command):
    # ruleid: across-functions
    os.system(command)


def run_fixed(command):
    # ok: across-functions
    os.system("ls")


def view(cursor):
    name = get_name()
    # ruleid: across-functions
    cursor.execute(build(name))
    # ok: across-functions
    cursor.execute(build("alice"))
    # ok: across-functions
    cursor.execute(as_number(name))
    run(name)
    run_fixed(name)
    run(command="ls")


def forever(x):
    return forever(x)


def recursive_view(cursor):
    # A recursive helper falls back to "the result carries the arguments".
    # ruleid: across-functions
    cursor.execute(forever(request.args["a"]))


def shadowed(cursor):
    build = str.upper
    # ruleid: across-functions
    cursor.execute(build(request.args["q"]))


class Repository:
    def __init__(self, cursor):
        self.cursor = cursor

    def query(self, sql):
        # ruleid: across-functions
        self.cursor.execute(sql)

    def find(self, name):
        return self.query("SELECT * FROM users WHERE name = '" + name + "'")

    def find_by_id(self, user_id):
        return self.query("SELECT * FROM users WHERE id = %d" % as_number(user_id))

    def view(self):
        self.find(request.form["name"])
        self.find_by_id(request.form["id"])

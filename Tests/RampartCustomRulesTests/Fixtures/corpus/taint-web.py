import flask
import os
import shlex
import subprocess
import sys
from flask import request

app = flask.Flask(__name__)

@app.route("/a/<user>")
def a(user, db):
    # ruleid: flask-sqli
    db.cursor().execute("SELECT * FROM t WHERE u = '%s'" % user)
    # ok: flask-sqli
    db.execute("SELECT 1", (user,))
    q = flask.request.args.get("q")
    cur = db.cursor()
    # ruleid: flask-sqli
    cur.execute("SELECT " + q)
    # ok: flask-sqli
    cur.execute("SELECT " + str(int(q)))
    # ruleid: flask-sqli
    cur.execute(f"SELECT {flask.request.form['x']}")
    # ok: flask-sqli
    cur.execute("SELECT ?", [q])
    n = request.args["n"]
    # ruleid: flask-sqli
    cur.execute("SELECT " + n)
    # ok: flask-sqli
    cur.execute("SELECT " + db.escape(q))

def helper(db, user):
    # ok: flask-sqli
    db.execute("SELECT " + user)

def run():
    cmd = input("cmd")
    # ruleid: cmd
    os.system(cmd)
    # ok: cmd
    os.system(shlex.quote(cmd))
    # ok: cmd
    os.system("ls " + shlex.quote(cmd))
    # ruleid: cmd
    subprocess.call(cmd, shell=True)
    # ok: cmd
    subprocess.call("ls", cmd, shell=True)
    # ok: cmd
    subprocess.call(cmd)
    args = sys.argv
    # ruleid: cmd
    os.system(" ".join(args))

top = input()
# ok: cmd
os.system(top)
# ruleid: cmd
os.system(sys.argv[1])

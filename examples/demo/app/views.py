"""Request handlers of the demo shop. Deliberately vulnerable: see README.md."""
import hashlib
import pickle
import subprocess

import yaml
from flask import Flask, request

app = Flask(__name__)

# FLAW: hard-coded password (python/B105, secrets/generic-secret)
ADMIN_PASSWORD = "hunter2-admin"


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    # FLAW: command injection through a shell (python/B602, confirmed by python/taint-command-injection;
    # the command's output, which echoes the host, is also returned as HTML: python/taint-xss)
    return subprocess.check_output("ping -c 1 " + host, shell=True)


@app.route("/profile", methods=["POST"])
def load_profile():
    # FLAW: deserialising untrusted data (python/B301, python/taint-deserialization)
    return str(pickle.loads(request.data))


@app.route("/settings", methods=["POST"])
def load_settings():
    # FLAW: yaml.load without a safe loader (python/B506, python/taint-deserialization)
    return str(yaml.load(request.data, Loader=yaml.Loader))


def password_digest(password):
    # FLAW: weak hash for passwords (python/B324, python/taint-weak-hash)
    return hashlib.md5(password.encode()).hexdigest()


def checked(value):
    # Reviewed: only used by tests with constant input.
    assert value is not None  # nosec B101
    return value


if __name__ == "__main__":
    # FLAW: debugger exposed, listening on every interface (python/B201, python/B104)
    app.run(host="0.0.0.0", debug=True)

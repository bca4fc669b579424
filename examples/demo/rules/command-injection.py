import os
import subprocess
from subprocess import check_output as run_it


def ping(host, count):
    # ruleid: shell-command-built-from-strings
    subprocess.check_output("ping -c 1 " + host, shell=True)
    # ruleid: shell-command-built-from-strings
    subprocess.run(f"ping -c {count} {host}", shell=True, check=True)
    # ruleid: shell-command-built-from-strings
    os.system("ping %s" % host)
    # ruleid: shell-command-built-from-strings
    os.popen("ping {}".format(host))
    # ok: shell-command-built-from-strings
    subprocess.run(["ping", "-c", "1", host], check=True)
    # ok: shell-command-built-from-strings
    subprocess.run("ping -c 1 localhost", shell=True)
    # ok: shell-command-built-from-strings
    subprocess.run("ping " + host)
    # ok: shell-command-built-from-strings
    print("ping " + host)

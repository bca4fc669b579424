import os
import os.path
# ruleid: imports-import-stmt
import pickle
import subprocess as sp
# ruleid: imports-import-any-alias
import telnetlib as tn
from os import system
from os import system as run_it
# ruleid: imports-from-import-stmt
from yaml import load
# NOTE: two findings with the same range: $NAME=load (alias ignored) and $NAME=dump
# ruleid: imports-from-import-stmt
from yaml import load as yload, dump
import xml.etree
import shlex

# ruleid: imports-os-system
os.system("ls")
# ruleid: imports-os-system
system("ls")
# ruleid: imports-os-system
run_it("ls")
# ok: imports-os-system
os.popen("ls")
# ok: imports-os-system
shlex.system("ls")

# ruleid: imports-subprocess-shell
sp.call("ls", shell=True)
# ruleid: imports-subprocess-shell
subprocess.call("ls", shell=True)
# ok: imports-subprocess-shell
sp.call(["ls"])
# ok: imports-subprocess-shell
sp.check_call("ls", shell=True)

# ruleid: imports-os-path-join
os.path.join("a", "b")
# ok: imports-os-path-join
os.path.exists("a")
# ok: imports-os-path-join
"".join(["a"])


def shadow():
    os = FakeOs()
    # NOTE: a local reassignment of the module name does NOT shadow it
    # ruleid: imports-os-system
    os.system("ls")


def shadow_param(system):
    # NOTE: a parameter named like the imported function shadows it
    # ok: imports-os-system
    system("ls")


def local_import():
    from os import system as local_sys
    # ruleid: imports-os-system
    local_sys("ls")


# ok: imports-import-stmt
import pickletools
# NOTE: `import pickle` also matches an aliased import
# ruleid: imports-import-stmt
import pickle as pk
# ok: imports-from-import-stmt
from yamlish import load
# ok: imports-import-any-alias
import telnetlib


def path_aliases():
    from os import path
    from os.path import join as pj
    import os.path as osp
    # ruleid: imports-os-path-join
    path.join("a", "b")
    # ruleid: imports-os-path-join
    pj("a", "b")
    # ruleid: imports-os-path-join
    osp.join("a", "b")
    # ok: imports-os-path-join
    join("a", "b")


def late_import():
    # NOTE: an alias only applies to uses AFTER the import statement
    # ok: imports-os-system
    system2("ls")
    from os import system as system2

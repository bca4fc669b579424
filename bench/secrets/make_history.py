#!/usr/bin/env python3
"""Writes a git fast-import stream for a synthetic Python project history.

The history has COMMITS commits (default 5,000) on main and a few side branches, each adding
and changing lines of Python modules, YAML/INI/.env configuration and lockfile-like hashes, for
about MEGABYTES of patches (default 200). A few dozen synthetic credentials are planted along
the way. Deterministic for a given seed; nothing here is a real credential.

  python3 make_history.py [--commits N] [--megabytes M] [--seed S] | git fast-import
"""
import argparse
import hashlib
import random
import string
import sys
import zlib

ALNUM = string.ascii_letters + string.digits
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def base62(value, width):
    out = ""
    while True:
        out = B62[value % 62] + out
        value //= 62
        if value == 0:
            break
    return out.rjust(width, "0")


def planted(rng):
    body = "".join(rng.choice(ALNUM) for _ in range(30))
    kinds = [
        lambda: 'GITHUB_TOKEN = "ghp_%s%s"' % (body, base62(zlib.crc32(body.encode()), 6)),
        lambda: "aws_access_key_id = AKIA%s" % "".join(rng.choice(string.ascii_uppercase + "234567") for _ in range(16)),
        lambda: 'SLACK_BOT_TOKEN = "xoxb-%d-%d-%s"' % (rng.randrange(10**11, 10**12), rng.randrange(10**11, 10**12), "".join(rng.choice(ALNUM) for _ in range(24))),
        lambda: 'STRIPE_KEY = "sk_live_%s"' % "".join(rng.choice(ALNUM) for _ in range(24)),
        lambda: 'DATABASE_URL = "postgres://app:%s@db.internal:5432/app"' % "".join(rng.choice(ALNUM) for _ in range(16)),
        lambda: 'API_KEY = "%s"' % "".join(rng.choice(ALNUM) for _ in range(32)),
    ]
    return rng.choice(kinds)()


def code_line(rng, n):
    name = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randrange(4, 12)))
    choice = n % 9
    if choice == 0:
        return "def %s_%d(self, value, *, timeout=%d):" % (name, n, rng.randrange(1, 60))
    if choice == 1:
        return "    result = self.%s.get(%r, default=None)  # %s" % (name, name.upper(), hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()[:8])
    if choice == 2:
        return '    logger.info("%s finished in %%s ms", elapsed)' % name
    if choice == 3:
        return '    "%s": "sha256:%s",' % (name, hashlib.sha256(("%s%d" % (name, n)).encode()).hexdigest())
    if choice == 4:
        return "    %s_id = uuid.UUID(%r)" % (name, "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(48)))
    if choice == 5:
        return "    if %s and len(%s) > %d:" % (name, name, rng.randrange(1, 100))
    if choice == 6:
        return "        raise ValueError(f\"bad {%s!r} for %s\")" % (name, name)
    if choice == 7:
        return "%s_setting = os.environ.get(%r, %r)" % (name, name.upper(), name)
    return "    return [x for x in %s if x.%s is not None]" % (name, name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)  # nosec B311: deterministic synthetic data, not secrets
    out = sys.stdout.buffer
    per_commit = args.megabytes * 1024 * 1024 // args.commits
    files = ["app/%s.py" % "".join(rng.choice(string.ascii_lowercase) for _ in range(8)) for _ in range(120)]
    files += ["config/settings.yml", "config/app.ini", ".env.example", "poetry.lock"]
    contents = {}
    mark = 0
    heads = {"main": None}
    secrets_left = 40
    for index in range(1, args.commits + 1):
        branch = "main"
        if index % 500 == 0:
            branch = "feature-%d" % (index // 500)
            heads.setdefault(branch, heads["main"])
        mark += 1
        message = "change %d: %s" % (index, rng.choice(["fix", "refactor", "add tests", "update config", "bump deps"]))
        stamp = 1_600_000_000 + index * 600
        out.write(b"commit refs/heads/%s\nmark :%d\n" % (branch.encode(), mark))
        out.write(b"author Dev %d <dev%d@example.invalid> %d +0000\n" % (index % 17, index % 17, stamp))
        out.write(b"committer Dev %d <dev%d@example.invalid> %d +0000\n" % (index % 17, index % 17, stamp))
        out.write(b"data %d\n%s\n" % (len(message.encode()), message.encode()))
        if heads[branch] is not None:
            out.write(b"from :%d\n" % heads[branch])
        written = 0
        while written < per_commit:
            path = rng.choice(files)
            lines = contents.get(path, [])
            if len(lines) > 4000:
                del lines[: rng.randrange(100, 2000)]
            added = [code_line(rng, rng.randrange(10**6)) for _ in range(rng.randrange(100, 600))]
            if secrets_left and rng.random() < 0.004:
                added.insert(rng.randrange(len(added)), planted(rng))
                secrets_left -= 1
            position = rng.randrange(len(lines) + 1)
            lines[position:position] = added
            contents[path] = lines
            data = ("\n".join(lines) + "\n").encode()
            out.write(b"M 100644 inline %s\ndata %d\n" % (path.encode(), len(data)))
            out.write(data)
            out.write(b"\n")
            written += sum(len(line) + 2 for line in added)
        heads[branch] = mark
    out.write(b"done\n")


if __name__ == "__main__":
    main()

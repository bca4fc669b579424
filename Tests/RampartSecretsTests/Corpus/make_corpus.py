#!/usr/bin/env python3
"""Writes the labelled secrets corpus next to this script: files of several types holding
synthetic credentials of many formats (positives) and look-alikes that are not secrets (hard
negatives), and labels.tsv listing each labelled line. Deterministic; every value is made up.

  python3 make_corpus.py     (rewrites the corpus; the tests read the committed files)
"""
import base64
import hashlib
import json
import os
import random
import string
import uuid
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261129)
LOWER, UPPER, DIGITS = string.ascii_lowercase, string.ascii_uppercase, string.digits
ALNUM = LOWER + UPPER + DIGITS
HEX = "0123456789abcdef"
B62 = DIGITS + UPPER + LOWER
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"


def r(alphabet, n):
    while True:
        value = "".join(rng.choice(alphabet) for _ in range(n))
        # Keep values clear of the placeholder filter's words and runs.
        low = value.lower()
        if not any(w in low for w in ("example", "sample", "dummy", "xxxx", "fake", "test", "todo")):
            return value


def base62(value, width):
    out = ""
    while True:
        out = B62[value % 62] + out
        value //= 62
        if value == 0:
            return out.rjust(width, "0")


def crc_token(prefix):
    body = r(ALNUM, 30)
    return prefix + body + base62(zlib.crc32(body.encode()), 6)


BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((top >> i) & 1) else 0
    return chk


def age_key():
    hrp = "age-secret-key-"
    data = [rng.randrange(32) for _ in range(52)]
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data
    polymod = bech32_polymod(values + [0] * 6) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return (hrp + "1" + "".join(BECH32[d] for d in data + checksum)).upper()


def grafana_sa():
    payload = "glsa_" + r(ALNUM, 32)
    return payload + "_" + format(zlib.crc32(payload.encode()), "08x")


def jwt():
    header = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()).decode().rstrip("=")
    claims = {"sub": r(DIGITS, 8), "name": r(LOWER, 7), "iat": rng.randrange(1_600_000_000, 1_800_000_000), "role": "service"}
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return header + "." + payload + "." + r(URLSAFE, 43)


def pem(kind, bits=24):
    lines = [r(B64, 64) for _ in range(bits)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (kind, "\n".join(lines), kind), lines[0]


# Each format: (name, variable name for assignments, generator). Keyword-anchored formats use a
# variable name carrying the provider's name, as real configuration does.
FORMATS = [
    ("github-pat", "GITHUB_TOKEN", lambda: crc_token("ghp_")),
    ("github-oauth", "GH_OAUTH_TOKEN", lambda: crc_token("gho_")),
    ("github-app-user", "GH_USER_TOKEN", lambda: crc_token("ghu_")),
    ("github-app-installation", "GH_APP_TOKEN", lambda: crc_token("ghs_")),
    ("github-refresh", "GH_REFRESH_TOKEN", lambda: crc_token("ghr_")),
    ("github-fine-grained", "GITHUB_PAT", lambda: "github_pat_" + r(ALNUM, 22) + "_" + r(ALNUM, 59)),
    ("gitlab-pat", "GITLAB_TOKEN", lambda: "glpat-" + r(URLSAFE, 20)),
    ("gitlab-pipeline-trigger", "GITLAB_TRIGGER", lambda: "glptt-" + r(HEX, 40)),
    ("aws-access-key-id", "AWS_ACCESS_KEY_ID", lambda: "AKIA" + r(UPPER + "234567", 16)),
    ("aws-secret-access-key", "AWS_SECRET_ACCESS_KEY", lambda: r(ALNUM + "/+", 40)),
    ("google-api-key", "GOOGLE_API_KEY", lambda: "AIza" + r(URLSAFE, 35)),
    ("google-oauth-client-secret", "GOOGLE_CLIENT_SECRET", lambda: "GOCSPX-" + r(URLSAFE, 28)),
    ("slack-bot", "SLACK_BOT_TOKEN", lambda: "xoxb-%s-%s-%s" % (r(DIGITS, 12), r(DIGITS, 13), r(ALNUM, 24))),
    ("slack-user", "SLACK_USER_TOKEN", lambda: "xoxp-%s-%s-%s-%s" % (r(DIGITS, 12), r(DIGITS, 12), r(DIGITS, 13), r(HEX, 32))),
    ("slack-webhook", "SLACK_WEBHOOK_URL", lambda: "https://hooks.slack.com/services/T%s/B%s/%s" % (r(UPPER + DIGITS, 10), r(UPPER + DIGITS, 10), r(ALNUM, 24))),
    ("stripe-secret", "STRIPE_SECRET_KEY", lambda: "sk_live_" + r(ALNUM, 24)),
    ("stripe-restricted", "STRIPE_RESTRICTED_KEY", lambda: "rk_live_" + r(ALNUM, 24)),
    ("stripe-webhook", "STRIPE_WEBHOOK_SECRET", lambda: "whsec_" + r(ALNUM, 32)),
    ("sendgrid", "SENDGRID_API_KEY", lambda: "SG." + r(URLSAFE, 22) + "." + r(URLSAFE, 43)),
    ("twilio-api-key", "TWILIO_API_KEY", lambda: "SK" + r(HEX, 32)),
    ("mailgun", "MAILGUN_API_KEY", lambda: "key-" + r(HEX, 32)),
    ("npm", "NPM_TOKEN", lambda: crc_token("npm_")),
    ("pypi", "PYPI_TOKEN", lambda: "pypi-AgEIcHlwaS5vcmc" + r(URLSAFE, 70)),
    ("openai", "OPENAI_API_KEY", lambda: "sk-proj-" + r(URLSAFE, 74) + "T3BlbkFJ" + r(URLSAFE, 74)),
    ("anthropic", "ANTHROPIC_API_KEY", lambda: "sk-ant-api03-" + r(URLSAFE, 93) + "AA"),
    ("huggingface", "HF_TOKEN", lambda: "hf_" + r(LOWER + UPPER, 34)),
    ("digitalocean", "DIGITALOCEAN_TOKEN", lambda: "dop_v1_" + r(HEX, 64)),
    ("shopify", "SHOPIFY_ACCESS_TOKEN", lambda: "shpat_" + r(HEX, 32)),
    ("databricks", "DATABRICKS_TOKEN", lambda: "dapi" + r(HEX, 32)),
    ("doppler", "DOPPLER_TOKEN", lambda: "dp.pt." + r(ALNUM, 43)),
    ("age", "AGE_IDENTITY", age_key),
    ("grafana-service-account", "GRAFANA_TOKEN", grafana_sa),
    ("postman", "POSTMAN_API_KEY", lambda: "PMAK-" + r(HEX, 24) + "-" + r(HEX, 34)),
    ("linear", "LINEAR_API_KEY", lambda: "lin_api_" + r(ALNUM, 40)),
    ("pulumi", "PULUMI_ACCESS_TOKEN", lambda: "pul-" + r(HEX, 40)),
    ("sentry-user", "SENTRY_AUTH_TOKEN", lambda: "sntryu_" + r(HEX, 64)),
    ("heroku", "HEROKU_API_KEY", lambda: "HRKU-AA" + r(URLSAFE, 58)),
    ("vault", "VAULT_TOKEN", lambda: "hvs." + r(URLSAFE, 90)),
    ("dockerhub", "DOCKERHUB_TOKEN", lambda: "dckr_pat_" + r(URLSAFE, 27)),
    ("atlassian", "JIRA_API_TOKEN", lambda: "ATATT3xFfGF0" + r(URLSAFE, 180)),
    ("gitlab-runner", "RUNNER_TOKEN", lambda: "glrt-" + r(URLSAFE, 20)),
    ("alibaba", "ALIBABA_ACCESS_KEY_ID", lambda: "LTAI" + r(ALNUM, 20)),
    ("newrelic-user", "NEW_RELIC_API_KEY", lambda: "NRAK-" + r(UPPER + DIGITS, 27)),
    ("render", "RENDER_API_KEY", lambda: "rnd_" + r(ALNUM, 32)),
    ("supabase", "SUPABASE_ACCESS_TOKEN", lambda: "sbp_" + r(HEX, 40)),
    ("tencent", "TENCENT_SECRET_ID", lambda: "AKID" + r(ALNUM, 32)),
    ("terraform-cloud", "TFE_TOKEN", lambda: r(ALNUM, 14) + ".atlasv1." + r(URLSAFE, 67)),
    ("jwt", "SESSION_JWT", jwt),
    ("postgres-url", "DATABASE_URL", lambda: "postgres://app_user:%s@db.internal:5432/app" % r(ALNUM, 18)),
    ("mongodb-url", "MONGO_URL", lambda: "mongodb+srv://admin:%s@cluster0.abcde.mongodb.net/prod" % r(ALNUM, 16)),
    ("redis-url", "REDIS_URL", lambda: "redis://:%s@cache.internal:6379/0" % r(ALNUM, 20)),
    ("mysql-url", "MYSQL_URL", lambda: "mysql://root:%s@10.0.0.5:3306/shop" % r(ALNUM, 16)),
    ("amqp-url", "BROKER_URL", lambda: "amqp://worker:%s@rabbit.internal:5672/" % r(ALNUM, 16)),
    ("azure-storage", "AZURE_STORAGE_CONNECTION_STRING", lambda: "DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey=%s==;EndpointSuffix=core.windows.net" % r(B64, 86)),
    ("discord-webhook", "DISCORD_WEBHOOK", lambda: "https://discord.com/api/webhooks/%s/%s" % (r(DIGITS, 18), r(URLSAFE, 68))),
    ("generic-password", "DB_PASSWORD", lambda: r(ALNUM, 6) + "#" + r(ALNUM, 5) + "!" + r(ALNUM, 6)),
    ("generic-api-key", "PAYMENTS_API_KEY", lambda: r(ALNUM, 32)),
    ("generic-client-secret", "OAUTH_CLIENT_SECRET", lambda: r(ALNUM + "-_", 40)),
]

KEYS = [("rsa", "RSA PRIVATE KEY"), ("ec", "EC PRIVATE KEY"), ("pkcs8", "PRIVATE KEY"), ("openssh", "OPENSSH PRIVATE KEY")]


def render(kind, name, value):
    """A line assigning value to name in a file of this kind."""
    return {
        "env": "%s=%s" % (name, value),
        "py": '%s = "%s"' % (name, value),
        "yml": "  %s: %s" % (name.lower(), value),
        "json": '  "%s": "%s",' % (name.lower(), value),
        "sh": "export %s=%s" % (name, value),
        "Dockerfile": "ENV %s=%s" % (name, value),
        "properties": "%s=%s" % (name.lower().replace("_", "."), value),
        "ini": "%s = %s" % (name.lower(), value),
    }[kind]


KINDS = ["env", "py", "yml", "json", "sh", "Dockerfile", "properties", "ini"]


def file_name(kind, group):
    return {"Dockerfile": "%s/Dockerfile" % group}.get(kind, "%s/config.%s" % (group, kind))


NEGATIVES = [
    ("lockfile-sha256", lambda: ('    {file = "pkg-%s.whl", hash = "sha256:%s"},' % (r(DIGITS, 3), hashlib.sha256(r(ALNUM, 12).encode()).hexdigest()))),
    ("npm-integrity", lambda: ('      "integrity": "sha512-%s==",' % base64.b64encode(hashlib.sha512(r(ALNUM, 12).encode()).digest()).decode()[:86])),
    ("uuid", lambda: ('REQUEST_ID = "%s"' % uuid.UUID(int=rng.getrandbits(128)))),
    ("git-sha", lambda: ("pinned_commit: %s" % hashlib.sha1(r(ALNUM, 10).encode()).hexdigest())),
    ("docker-digest", lambda: ("FROM python:3.12-slim@sha256:%s" % hashlib.sha256(r(ALNUM, 10).encode()).hexdigest())),
    ("data-uri", lambda: ('<img src="data:image/png;base64,%s">' % base64.b64encode(bytes(rng.randrange(256) for _ in range(90))).decode())),
    ("placeholder-env", lambda: ("API_KEY=%s" % rng.choice(["your-api-key-here", "<YOUR_API_KEY>", "${API_KEY}", "changeme", "xxxxxxxxxxxxxxxxxxxxxxxx", "REPLACE_ME", "{{ api_key }}"]))),
    ("placeholder-token", lambda: ("GITHUB_TOKEN=ghp_%s" % ("x" * 36))),
    ("env-reference", lambda: ('password = os.environ["%s_PASSWORD"]' % r(UPPER, 6))),
    ("settings-reference", lambda: ("api_key = settings.%s_API_KEY" % r(UPPER, 6))),
    ("function-call", lambda: ("token = get_token(%s)" % r(LOWER, 6))),
    ("aws-example", lambda: rng.choice(["aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"])),
    ("jwt-io", lambda: "token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
    ("stripe-docs", lambda: rng.choice(["STRIPE_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc", "STRIPE_PUBLISHABLE=pk_test_TYooMQauvdEDq54NiTphI7jx"])),
    ("azurite", lambda: "AZURE_STORAGE=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"),
    ("ssh-public-key", lambda: ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s deploy@ci" % r(B64, 43))),
    ("url-no-password", lambda: ('DATABASE_URL = "postgres://app@db.internal:5432/%s"' % r(LOWER, 6))),
    ("url-placeholder-password", lambda: ('DATABASE_URL = "postgres://user:password@localhost:5432/%s"' % r(LOWER, 6))),
    ("prose", lambda: ('msg = "Enter your password and the token we sent to %s"' % r(LOWER, 8))),
    ("descriptive-name", lambda: ('PASSWORD_RESET_URL = "https://%s.internal/reset"' % r(LOWER, 8))),
    ("token-type", lambda: ('token_type = "%s"' % rng.choice(["bearer", "refresh_token", "access_token", "id_token"]))),
    ("css-color", lambda: ("  --secret-banner-color: #%s;" % r(HEX, 6))),
    ("md5-checksum", lambda: ("checksum_md5: %s" % hashlib.md5(r(ALNUM, 9).encode()).hexdigest())),
    ("version", lambda: ('__version__ = "%d.%d.%d"' % (rng.randrange(10), rng.randrange(30), rng.randrange(30)))),
    ("ansible-vault", lambda: "$ANSIBLE_VAULT;1.1;AES256"),
    ("password-field", lambda: ('password_field = "%s_password_hash"' % r(LOWER, 5))),
    ("short-secret", lambda: ('secret = "%s"' % r(LOWER, 6))),
    ("template", lambda: ('api_token: "{{ lookup(\'env\', \'%s\') }}"' % r(UPPER, 8))),
    ("certificate", lambda: ("-----BEGIN CERTIFICATE-----")),
    ("hex-color-list", lambda: ("colors = [%s]" % ", ".join('"#%s"' % r(HEX, 6) for _ in range(4)))),
]


def main():
    labels = [("path", "line", "label", "format", "secret")]
    files = {}

    def add(path, line, label, fmt, secret):
        files.setdefault(path, []).append(line)
        labels.append((path, str(len(files[path])), label, fmt, secret))

    # 4 of every format, spread over the file kinds.
    for index, (fmt, name, make) in enumerate(FORMATS):
        for copy in range(4):
            kind = KINDS[(index + copy) % len(KINDS)]
            value = make()
            add(file_name(kind, "positive"), render(kind, name, value), "positive", fmt, value)
    # Private keys, multi-line; the label is the block's first line, the secret its first body line.
    for copy in range(3):
        for short, kind in KEYS:
            block, body = pem(kind)
            path = "positive/keys/%s-%d.pem" % (short, copy)
            lines = block.split("\n")
            files[path] = []
            for position, text in enumerate(lines):
                files[path].append(text)
            labels.append((path, "1", "positive", "private-key-" + short, body))
    # Hard negatives.
    for index in range(230):
        fmt, make = NEGATIVES[index % len(NEGATIVES)]
        kind = ["lock", "py", "yml", "json", "env", "html", "md"][index % 7]
        add("negative/lookalikes.%s" % kind, make(), "negative", fmt, "")

    for path, lines in files.items():
        full = os.path.join(HERE, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as out:
            out.write("\n".join(lines) + "\n")
    with open(os.path.join(HERE, "labels.tsv"), "w") as out:
        for row in labels:
            out.write("\t".join(row) + "\n")
    positives = sum(1 for row in labels[1:] if row[2] == "positive")
    negatives = sum(1 for row in labels[1:] if row[2] == "negative")
    formats = len({row[3] for row in labels[1:] if row[2] == "positive"})
    print("%d positives of %d formats, %d negatives" % (positives, formats, negatives))


if __name__ == "__main__":
    main()

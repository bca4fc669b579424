# ruleid: regex-aws-key
KEY = "AKIAABCDEFGHIJKLMNOP"
# ok: regex-aws-key
KEY2 = "AKIAabcdefghijklmnop"
# ruleid: regex-aws-key
KEYS = ["x", "AKIA0000000000000000"]

# ruleid: regex-todo-comment
# TODO: fix this
x = 1  # todo lowercase is not TODO
# ok: regex-todo-comment
y = "TODO later"


def urls():
    # ruleid: regex-pattern-not-regex
    fetch("http://example.com")
    # ok: regex-pattern-not-regex
    fetch("http://localhost:8000")
    # ok: regex-pattern-not-regex
    fetch("https://example.com")
    # ruleid: regex-pattern-not-regex
    post("http://example.org", data=1)


def legacy():
    # ruleid: regex-mv-regex-func
    old_api(1)
    # ruleid: regex-mv-regex-func
    legacy_call()
    # ok: regex-mv-regex-func
    new_old_api(1)
    # ok: regex-mv-regex-func
    api.old_thing()


def names():
    # ruleid: regex-mv-regex-anchoring
    key = get_value()
    # NOTE: metavariable-regex is implicitly left-anchored (re.match), so `key` does not match `api_key`
    # ok: regex-mv-regex-anchoring
    api_key = get_value()
    # ok: regex-mv-regex-anchoring
    token = get_value()


def blocks():
    # ruleid: regex-multiline
    begin()
    end()
    # ok: regex-multiline
    begin()
    middle()
    end()


def tags():
    # ruleid: regex-mv-regex-string-with-quotes
    tag("double")
    # ruleid: regex-mv-regex-string-with-quotes
    tag('single')
    # ok: regex-mv-regex-string-with-quotes
    tag(name)


def overlaps():
    # regex match contains the finding -> removed
    # ok: regex-not-regex-partial-overlap
    q = probe(1) # whole line
    # regex match starts inside the finding and ends after it -> NOT removed
    # ruleid: regex-not-regex-partial-overlap
    r = [probe(2), tail]
    # regex match lies inside the finding -> removed
    # ok: regex-not-regex-partial-overlap
    s = probe(3)
    # ruleid: regex-not-regex-partial-overlap
    t = probe(4)
    return q, r, s, t

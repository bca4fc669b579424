# Where Rampart's taint tracking knowingly differs from Semgrep's (docs/taint.md): each line
# here is annotated with what Rampart reports; Semgrep misses the `ruleid` lines.

def slices(path):
    x = source()
    # ruleid: taint-more-precise
    sink(x[1:])
    args = source()[1:]
    # ruleid: taint-more-precise
    sink(" ".join(args))


def match_captures():
    match source():
        case [action, obj]:
            # ruleid: taint-more-precise
            sink(action)
        case {"k": value}:
            # ruleid: taint-more-precise
            sink(value)
        case "literal":
            # ok: taint-more-precise
            sink("literal")

# NOTE: `semgrep --test` IGNORES the `paths:` include/exclude filters, so the annotations
# below describe the --test view (every rule runs). In a normal scan
# (`semgrep --config paths.yaml paths.py`) paths-exclude-this and paths-include-other
# report NOTHING in this file; see SEMGREP-BEHAVIOUR.md.


def run(x):
    # ruleid: paths-include-match, paths-exclude-this
    debug_print(x)
    # ruleid: paths-include-glob, paths-include-other
    trace(x)
    # ok: paths-include-match, paths-exclude-this
    debug(x)
    # ok: paths-include-glob, paths-include-other
    tracer(x)

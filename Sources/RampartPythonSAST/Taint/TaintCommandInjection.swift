import RampartCore

/// User input in a shell command (CWE-78): a taint rule.
public enum TaintCommandInjection: PythonTaintRule {
    public static let metadata = RuleMetadata.taint(
        "command-injection", confirming: confirms, title: "User input in a shell command", severity: .critical, cwe: 78, owasp: .a03,
        documentation: """
        ## What it does
        Follows user input to commands run by a shell: `os.system`, `os.popen`, `subprocess` calls with `shell=True`, `commands.getoutput`.

        ## Why is this bad?
        Shell syntax in the data (`; rm -rf /`, `$(...)`) runs the attacker's commands with the application's rights.

        ## What to do instead
        Run the program without a shell, with its arguments as a list (`subprocess.run(["ls", path])`); if a shell is unavoidable, quote each value with `shlex.quote`.

        ## References
        - [CWE-78](https://cwe.mitre.org/data/definitions/78.html)
        - [OWASP OS Command Injection Defense Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html)
        """,
        examples: [
            .triggers("from flask import Flask, request\napp = Flask(__name__)\nimport os\n@app.route('/ping')\ndef ping():\n    host = request.args['host']\n    os.system('ping -c 1 ' + host)\n    return 'ok'\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nimport os, shlex\n@app.route('/ping')\ndef ping():\n    host = request.args['host']\n    os.system('ping -c 1 ' + shlex.quote(host))\n    return 'ok'\n"),
            .passes("from flask import Flask, request\napp = Flask(__name__)\nimport subprocess\n@app.route('/ping')\ndef ping():\n    host = request.args['host']\n    subprocess.run(['ping', '-c', '1', host])\n    return 'ok'\n"),
        ]
    )

    public static let confirms = ["B602", "B604", "B605", "B609"]

    public static let message = "User input reaches a shell command: it can run other commands (OS command injection)"

    public static let sources: [TaintPattern] = TaintModels.untrustedInput

    public static let sinks: [TaintPattern] = [
        .pattern("os.system(...)"),
        .pattern("os.popen(...)"),
        .pattern("commands.getoutput(...)"),
        .pattern("subprocess.getoutput(...)"),
        .pattern("subprocess.getstatusoutput(...)"),
        .focus("subprocess.$FUNCTION($COMMAND, ..., shell=True, ...)", on: "$COMMAND"),
        .focus("os.execl($PATH, ...)", on: "$PATH"),
        .focus("os.spawnlp($MODE, $FILE, ...)", on: "$FILE"),
    ]

    public static let sanitizers: [TaintPattern] = TaintModels.conversions + TaintModels.validations + TaintModels.cachedValues + [.pattern("shlex.quote(...)")] + [.pattern("pipes.quote(...)")] + [.pattern("shlex.join(...)")]
}

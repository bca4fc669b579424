import RampartCore

/// B609 (linux_commands_wildcard_injection): `*` handed to chown, chmod, tar or rsync through a shell.
enum B609LinuxCommandsWildcardInjection: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ShellInjection.subprocess.union(ShellInjection.shell)
    static let metadata = RuleMetadata.bandit(
        "B609", "linux_commands_wildcard_injection", title: "Wildcard injection in a shell command", severity: .high, confidence: .medium, cwe: 155, owasp: .a03,
        documentation: """
        ## What it does
        Flags `chown`, `chmod`, `tar` and `rsync` commands with a `*` run through a shell.

        ## Why is this bad?
        The shell expands `*` to file names, and a file named `--checkpoint-action=exec=sh x.sh` becomes an option: whoever can create files in the folder can run commands.

        ## What to do instead
        Pass explicit paths, put `--` before them, or use Python (`shutil`, `os.chmod`) instead of a shell.

        ## References
        - [CWE-155](https://cwe.mitre.org/data/definitions/155.html)
        """,
        examples: [.triggers("import os\nos.system('tar cf backup.tar *')\n"), .passes("import os\nos.system('tar cf backup.tar data/')\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        let q = context.qualname
        guard ShellInjection.shell.contains(q) || (ShellInjection.subprocess.contains(q) && context.checkKeyword("shell", ["True"]) == true),
              let first = context.argument(at: 0) else { return nil }
        var text = ""
        switch first {
        case .list(let items): text = items.map { " " + (Self.pythonString($0)) }.joined()
        case .str(let s): text = s
        default: break
        }
        guard !text.isEmpty, TextSearch.contains(text, "*"), ["chown", "chmod", "tar", "rsync"].contains(where: { TextSearch.contains(text, $0) }) else { return nil }
        return RuleHit(.high, .medium, "Possible wildcard injection in call: \(q)", line: context.lineOfKeyword("shell"))
    }

    /// `f"{item}"` of a literal, as Bandit builds the command line.
    static func pythonString(_ literal: BanditLiteral?) -> String {
        switch literal {
        case .str(let s)?: s
        case .int(let d)?: d
        case nil: "None"
        default: ""
        }
    }
}

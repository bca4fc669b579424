import RampartCore

/// B607 (start_process_with_partial_path): a program found through `PATH`.
enum B607StartProcessWithPartialPath: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ShellInjection.subprocess.union(ShellInjection.shell).union(ShellInjection.noShell)
    static let metadata = RuleMetadata.bandit(
        "B607", "start_process_with_partial_path", title: "Process started with a partial path", severity: .low, confidence: .high, cwe: 78, owasp: .a03,
        documentation: """
        ## What it does
        Flags process starts whose program is a literal without a path (`"ls"`, `["git", …]`).

        ## Why is this bad?
        The program is looked up in `PATH`; whoever controls `PATH` or a folder early in it chooses what runs.

        ## What to do instead
        Use the absolute path (`/usr/bin/git`), or resolve it once with `shutil.which` at start-up.

        ## References
        - [CWE-78](https://cwe.mitre.org/data/definitions/78.html)
        """,
        examples: [.triggers("import subprocess\nsubprocess.run(['git', 'status'])\n"), .passes("import subprocess\nsubprocess.run(['/usr/bin/git', 'status'])\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        let q = context.qualname
        guard let first = context.callArguments.first,
              ShellInjection.subprocess.contains(q) || ShellInjection.shell.contains(q) || ShellInjection.noShell.contains(q) else { return nil }
        var node = first
        if case .list(let elts, _) = first.kind, let head = elts.first { node = head }
        guard let program = node.stringValue, !isFullPath(program) else { return nil }
        return RuleHit(.low, .high, "Starting a process with a partial executable path")
    }

    /// Bandit's `^(?:[A-Za-z](?=\\:)|[\\\\/\\.])`: a drive letter, a slash, a backslash or a dot first.
    static func isFullPath(_ program: String) -> Bool {
        let scalars = Array(program.unicodeScalars.prefix(2))
        guard let first = scalars.first else { return false }
        if first == "/" || first == "\\" || first == "." { return true }
        return first.isASCII && first.properties.isAlphabetic && scalars.count > 1 && scalars[1] == ":"
    }
}

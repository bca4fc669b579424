import PythonSyntax

/// The process-starting functions B602–B607 know, and how Bandit reads `shell=`.
enum ShellInjection {
    static let subprocess: Set<String> = ["subprocess.Popen", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.run"]
    static let shell: Set<String> = [
        "os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4", "popen2.popen2", "popen2.popen3", "popen2.popen4",
        "popen2.Popen3", "popen2.Popen4", "commands.getoutput", "commands.getstatusoutput", "subprocess.getoutput",
        "subprocess.getstatusoutput",
    ]
    static let noShell: Set<String> = [
        "os.execl", "os.execle", "os.execlp", "os.execlpe", "os.execv", "os.execve", "os.execvp", "os.execvpe",
        "os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe", "os.spawnv", "os.spawnve", "os.spawnvp", "os.spawnvpe",
        "os.startfile",
    ]

    /// Whether the call passes a true `shell=`: numbers and literals by their truth, lists and
    /// dicts by emptiness, anything else (a variable) as true.
    static func hasShell(_ context: PythonRuleContext) -> Bool {
        var result = false
        for (name, value) in context.callKeywords where name == "shell" {
            switch value.kind {
            case .constant:
                result = value.truthiness ?? true
            case .list(let elts, _): result = !elts.isEmpty
            case .dict(let keys, _): result = !keys.isEmpty
            default: result = true
            }
        }
        return result
    }

    /// A literal string command is low severity: nothing is interpolated into it.
    static func commandIsLiteral(_ context: PythonRuleContext) -> Bool {
        context.callArguments.first?.stringValue != nil
    }
}

/// Every git command Rampart runs, with the scanned repository's executable configuration
/// neutralised. A repository's `.git/config` (and what it includes) is written by whoever
/// prepared the checkout: `core.fsmonitor`, hooks, `filter.<name>.clean` with
/// `.gitattributes`, external diff and textconv drivers, `gpg.program` and lazy fetches from a
/// promisor remote would all run programs or reach servers of its choosing. Here:
///
/// - system and global configuration are not read (`GIT_CONFIG_NOSYSTEM`, `GIT_CONFIG_GLOBAL`);
/// - `core.fsmonitor`, `core.hooksPath`, the pager, the credential helpers and every transport
///   (`protocol.allow=never`) are overridden on the command line, which wins over the
///   repository's configuration;
/// - every `filter.<name>` the repository configures gets empty `clean`, `smudge` and
///   `process` commands (git then applies no filter);
/// - signature checks use the system's `gpg`, `ssh-keygen` and `gpgsm`, never a program the
///   repository names;
/// - diff and log commands get `--no-ext-diff --no-textconv` from their callers.
public enum Git {
    /// The environment git runs with, on top of Rampart's own.
    public static let environment: [String: String] = [
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_OPTIONAL_LOCKS": "0",
        "GIT_PAGER": "cat",
        "GIT_ASKPASS": "/bin/false",
        "SSH_ASKPASS": "/bin/false",
        "GIT_SSH_COMMAND": "/bin/false",
    ]

    /// Options that override what a repository's configuration could make git execute.
    public static let neutralisingOptions: [String] = [
        "-c", "core.fsmonitor=false",
        "-c", "core.hooksPath=/dev/null",
        "-c", "core.pager=cat",
        "-c", "core.askPass=",
        "-c", "core.sshCommand=/bin/false",
        "-c", "credential.helper=",
        "-c", "protocol.allow=never",
        "-c", "submodule.recurse=false",
        "-c", "gpg.program=gpg",
        "-c", "gpg.openpgp.program=gpg",
        "-c", "gpg.ssh.program=ssh-keygen",
        "-c", "gpg.x509.program=gpgsm",
        "-c", "core.quotePath=false",
    ]

    /// The full command line for `arguments` in `root`: the neutralising options, then overrides
    /// for each filter driver the repository's configuration names.
    public static func command(root: String, _ arguments: [String]) -> [String] {
        ["/usr/bin/env", "git", "-C", root] + neutralisingOptions + filterOverrides(root: root) + arguments
    }

    /// Runs git to its end (bounded output, a time limit).
    public static func run(root: String, _ arguments: [String], timeout: Duration, outputLimit: Int = 64 << 20) throws(ChildProcess.Failure) -> ChildProcess.Output {
        try ChildProcess.run(command(root: root, arguments), timeout: timeout, outputLimit: outputLimit, environment: environment)
    }

    /// Streams git's output (a history's patches).
    public static func stream(root: String, _ arguments: [String], timeout: Duration, errorLimit: Int = 64 << 10, isCancelled: () -> Bool = { false },
                              onOutput: (UnsafeBufferPointer<UInt8>) -> Bool) throws(ChildProcess.Failure) -> ChildProcess.Ending {
        try ChildProcess.stream(command(root: root, arguments), timeout: timeout, errorLimit: errorLimit, environment: environment,
                                isCancelled: isCancelled, onOutput: onOutput)
    }

    /// `-c filter.<name>.clean= …` for every filter the repository configures: listing the
    /// configuration runs nothing, and an empty command means no filter to git.
    static func filterOverrides(root: String) -> [String] {
        guard let listed = try? ChildProcess.run(["/usr/bin/env", "git", "-C", root] + neutralisingOptions + ["config", "--list", "-z", "--name-only"],
                                                 timeout: .seconds(30), outputLimit: 4 << 20, environment: environment),
              listed.status == 0 else { return [] }
        var names = Set<String>()
        for key in listed.stdout.split(separator: "\u{0}") {
            let lower = key.lowercased()
            guard lower.hasPrefix("filter."), let dot = lower.lastIndex(of: "."), dot > lower.index(lower.startIndex, offsetBy: 6) else { continue }
            // The subsection keeps its case; only section and key names are case-insensitive.
            names.insert(String(key[key.index(key.startIndex, offsetBy: 7)..<key.index(key.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: dot))]))
        }
        return names.sorted().flatMap { name in
            ["clean", "smudge", "process"].flatMap { ["-c", "filter.\(name).\($0)="] } + ["-c", "filter.\(name).required=false"]
        }
    }
}

import Foundation
import RampartCore
@testable import RampartHost
import RampartTestSupport
import Testing

/// The SSH target against a real OpenSSH server (Debian's openssh-server) started for each test
/// on 127.0.0.1 with a throwaway host key and user key. Needs root: the server logs in as root,
/// so the remote view of the machine is the local one and results can be compared.
@Suite(.serialized) struct SSHTargetTests {
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen") && getuid() == 0
    static let reason: Comment = "needs root, /usr/sbin/sshd and ssh-keygen (.ci/run installs openssh-server)"

    @Test(.enabled(if: available, reason))
    func sameResultsAsTheLocalTarget() async throws {
        let server = try TestSSHServer()
        defer { server.stop() }
        let remote = try server.target(acceptNew: true)
        let local = LocalTarget.make()
        try await offPool {
            let localFacts = HostFacts(target: local), remoteFacts = HostFacts(target: remote)
            for profile in BuiltInProfiles.all {
                let here = ProfileRunner.run(profile, on: local, facts: localFacts).results
                let there = ProfileRunner.run(profile, on: remote, facts: remoteFacts).results
                #expect(here.count == there.count)
                for (mine, theirs) in zip(here, there) {
                    #expect(mine.control.id == theirs.control.id)
                    // Other tests make .netrc files in /tmp while this one runs: os-09's two
                    // walks, moments apart, may see different ones of those.
                    if mine.control.id == "os-09", Self.onlyTestFiles(mine), Self.onlyTestFiles(theirs) { continue }
                    #expect(mine.status == theirs.status, "\(mine.control.id): local \(mine.status), ssh \(theirs.status) \(theirs.results.map(\.message))")
                    // Every check, its description and its message: the same facts were read.
                    #expect(mine.results.map(\.codeDesc) == theirs.results.map(\.codeDesc), "\(mine.control.id)")
                    #expect(mine.results.map(\.message) == theirs.results.map(\.message), "\(mine.control.id)")
                }
                #expect(!there.contains { $0.status == .error }, "errors over SSH: \(there.filter { $0.status == .error }.map(\.control.id))")
            }
        }
    }

    static func onlyTestFiles(_ result: ControlResult) -> Bool {
        result.results.allSatisfy { check in
            (check.message ?? "").split(separator: ",").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("/tmp/rampart-test-") }
        }
    }

    /// Reads, listings, metadata and commands match the local machine's, byte for byte, with
    /// names that would break naive quoting, binary content and a command that overruns.
    @Test(.enabled(if: available, reason))
    func filesFoldersAndCommands() async throws {
        let server = try TestSSHServer()
        defer { server.stop() }
        let remote = try server.target(acceptNew: true)
        let local = LocalTarget.make()
        let dir = TemporaryDirectory()
        let hostile = ["it's", "$(touch pwned)", "a b", "`id`", "x'; touch pwned; '", "new\nline", "-n"]
        for name in hostile { _ = try dir.write(name, "content of \(name)\n") }
        var binary: [UInt8] = Array(0...255)
        binary += binary
        _ = try dir.write("binary.bin", bytes: binary)
        try dir.symlink("link", to: "binary.bin")
        try dir.symlink("dangling", to: "missing")
        try await offPool {
            let remoteNames = try remote.list(dir.path), localNames = try local.list(dir.path)
            #expect(remoteNames == localNames)
            for name in hostile + ["binary.bin", "link"] {
                let path = dir.path + "/" + name
                let there = try remote.read(path, limit: 1 << 20), here = try local.read(path, limit: 1 << 20)
                #expect(there == here, "\(name)")
                #expect(remote.info(path) == local.info(path), "\(name)")
            }
            let head = try remote.read(dir.path + "/binary.bin", limit: 10)
            #expect(head == Array(0..<10))
            #expect(remote.info(dir.path + "/link", followLinks: false)?.linkTarget == "binary.bin")
            #expect(remote.info(dir.path + "/dangling") == nil)
            #expect(remote.info(dir.path + "/dangling", followLinks: false)?.kind == .symlink)
            #expect(throws: HostError.notFound(dir.path + "/missing")) { try remote.read(dir.path + "/missing", limit: 10) }
            #expect(throws: HostError.notAFile(dir.path)) { try remote.read(dir.path, limit: 10) }
            #expect(throws: HostError.notADirectory(dir.path + "/binary.bin")) { try remote.list(dir.path + "/binary.bin") }
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/pwned"), "a file name ran as a command")
            let echo = try remote.run(["printf", "%s|", "a b", "it's", "$HOME"], timeout: .seconds(10))
            #expect(echo.stdout == "a b|it's|$HOME|" && echo.status == 0)
            let oops = try remote.run(["sh", "-c", "echo oops >&2; exit 3"], timeout: .seconds(10))
            #expect(oops == CommandResult(status: 3, stdout: "", stderr: "oops\n"))
            // A command that overruns its time is cut off; the next request opens a new shell.
            let started = ContinuousClock.now
            #expect(throws: HostError.self) { try remote.run(["sleep", "30"], timeout: .seconds(1)) }
            #expect(ContinuousClock.now - started < .seconds(10))
            let again = try remote.run(["echo", "again"], timeout: .seconds(10))
            #expect(again.stdout == "again\n")
            let search = FileSearch.run(on: remote, options: FileSearch.Options(root: dir.path, maxDepth: 3))
            let here = FileSearch.run(on: local, options: FileSearch.Options(root: dir.path, maxDepth: 3))
            #expect(search.setuidFiles == here.setuidFiles && search.worldWritableFiles == here.worldWritableFiles && search.trustFiles == here.trustFiles)
        }
    }

    /// known_hosts decides: an unknown key is refused unless accepted (and then recorded), a
    /// changed key is refused even with the flag, a key the server does not know is refused.
    @Test(.enabled(if: available, reason))
    func hostKeysAndAuthentication() async throws {
        let server = try TestSSHServer()
        defer { server.stop() }
        try await offPool {
            #expect { try server.target(acceptNew: false) } throws: { "\($0)".contains("not in known_hosts") && "\($0)".contains("SHA256:") }
            #expect(!FileManager.default.fileExists(atPath: server.knownHosts))
            _ = try server.target(acceptNew: true)
            let recorded = try String(contentsOfFile: server.knownHosts, encoding: .utf8)
            #expect(recorded.hasPrefix("[127.0.0.1]:\(server.port) ssh-ed25519 "))
            _ = try server.target(acceptNew: false)
            // Another server key for the same name: refused, flag or not.
            let other = try server.dir.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", server.dir.absolute("otherkey")])
            try #require(other.status == 0)
            let otherLine = "[127.0.0.1]:\(server.port) " + (server.dir.read("otherkey.pub") ?? "").split(separator: " ").prefix(2).joined(separator: " ") + "\n"
            try otherLine.write(toFile: server.knownHosts, atomically: true, encoding: .utf8)
            #expect { try server.target(acceptNew: true) } throws: { "\($0)".contains("CHANGED") }
            try recorded.write(toFile: server.knownHosts, atomically: true, encoding: .utf8)
            // A key the server does not authorise.
            let stranger = try server.dir.run("/usr/bin/ssh-keygen", ["-q", "-t", "ecdsa", "-N", "", "-f", server.dir.absolute("stranger")])
            try #require(stranger.status == 0)
            #expect { try server.target(acceptNew: false, identity: server.dir.absolute("stranger")) } throws: { "\($0)".contains("refused the key") }
            // Nobody listening.
            #expect { try SSHTarget(address: SSHAddress(user: "root", host: "127.0.0.1", port: server.port + 1), identity: server.userKey, hostKeys: HostKeyPolicy(knownHostsFiles: [server.knownHosts])) } throws: { "\($0)".contains("cannot connect") }
        }
    }
}

/// An OpenSSH server on 127.0.0.1 for one test: its own host key, one authorised user key.
final class TestSSHServer: @unchecked Sendable {
    let dir: TemporaryDirectory
    let port: Int
    let userKey: String
    let knownHosts: String
    private let pid: Int32

    /// Started by `.ci/throwaway-sshd`, which the CI smoke test and the benchmark use too.
    init() throws {
        dir = TemporaryDirectory()
        userKey = dir.absolute("userkey")
        knownHosts = dir.absolute("known_hosts")
        let started = try dir.run(PythonOracle.packageRoot + "/.ci/throwaway-sshd", [dir.path])
        guard started.status == 0, let port = Int(started.output.trimmingCharacters(in: .whitespacesAndNewlines)),
              let pid = dir.read("sshd.pid").flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            throw HostError.commandFailed("sshd would not start: \(started.errors)")
        }
        self.port = port
        self.pid = pid
    }

    func target(acceptNew: Bool, identity: String? = nil) throws -> SSHTarget {
        try SSHTarget(address: SSHAddress(user: "root", host: "127.0.0.1", port: port), identity: identity ?? userKey,
                      hostKeys: HostKeyPolicy(knownHostsFiles: [knownHosts], recordFile: knownHosts, acceptNew: acceptNew))
    }

    func stop() {
        kill(pid, SIGTERM)
    }
}

import Foundation
@testable import RampartHost
import RampartTestSupport
import Testing

@Suite struct ResourceSSHTests {
    /// A server configuration spread over drop-ins, with every hard case at once.
    func serverTree() throws -> (TemporaryDirectory, FixtureTarget) {
        try fixtureRoot([
            "etc/ssh/sshd_config": """
                # Debian-like main file
                Include /etc/ssh/sshd_config.d/*.conf
                Port 22
                PermitRootLogin yes
                PasswordAuthentication=no
                MaxStartups = 10:30:60
                Banner "/etc/issue net"   # quoted, with a comment after
                ChallengeResponseAuthentication no
                KbdInteractiveAuthentication yes
                HostKey /etc/ssh/ssh_host_ed25519_key
                HostKey /etc/ssh/ssh_host_rsa_key
                AcceptEnv LANG LC_*
                Subsystem sftp /usr/lib/openssh/sftp-server -l INFO
                Match User bob
                    PasswordAuthentication yes
                    X11Forwarding yes
                """,
            // Lexically first: its Match block ends with the file, so 10-root.conf is global again.
            "etc/ssh/sshd_config.d/05-match.conf": """
                Match Address 10.0.0.0/8
                    PermitRootLogin yes
                """,
            "etc/ssh/sshd_config.d/10-root.conf": "permitrootlogin no\nMaxAuthTries 3\n",
            "etc/ssh/sshd_config.d/20-loop.conf": "MaxAuthTries 5\nInclude /etc/ssh/sshd_config\nLogLevel VERBOSE\n",
            "etc/ssh/sshd_config.d/.hidden.conf": "MaxSessions 1\n",
            "etc/ssh/sshd_config.d/notes.txt": "MaxSessions 2\n",
        ])
    }

    @Test func includesAreReadInOrderAndTheFirstValueWins() throws {
        let (_, target) = try serverTree()
        let config = try SSHConfig.load(.server, from: target)
        #expect(config.files == ["/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/05-match.conf",
                                 "/etc/ssh/sshd_config.d/10-root.conf", "/etc/ssh/sshd_config.d/20-loop.conf"])
        // The drop-in comes before the main file's own line: first value wins.
        #expect(config.value("PermitRootLogin") == "no")
        #expect(config.source(of: "permitrootlogin")?.description == "/etc/ssh/sshd_config.d/10-root.conf:1")
        #expect(config.value("MaxAuthTries") == "3")
        #expect(config.value("LogLevel") == "VERBOSE")
        // Hidden files and other suffixes are not matched by `*.conf`.
        #expect(config.value("MaxSessions") == "10")
        #expect(config.source(of: "MaxSessions") == .builtIn("OpenSSH default"))
    }

    @Test func includeLoopsAreCut() throws {
        let (_, target) = try serverTree()
        let config = try SSHConfig.load(.server, from: target)
        #expect(config.problems.contains { $0.contains("20-loop.conf:2") && $0.contains("loop") })
        #expect(config.directives(for: "Port").count == 1)
    }

    @Test func matchBlocksDoNotChangeTheGlobalValues() throws {
        let (_, target) = try serverTree()
        let config = try SSHConfig.load(.server, from: target)
        #expect(config.value("PasswordAuthentication") == "no")
        #expect(config.value("X11Forwarding") == "no")
        #expect(!config.isSet("X11Forwarding"))
        #expect(config.conditionalBlocks.map(\.criteria) == ["Address 10.0.0.0/8", "User bob"])
        let bob = try #require(config.conditionalBlocks.last)
        #expect(bob.value("passwordauthentication", kind: .server) == "yes")
        #expect(bob.origin.description == "/etc/ssh/sshd_config:14")
        #expect(config.conditionalBlocks(setting: "PermitRootLogin").map(\.criteria) == ["Address 10.0.0.0/8"])
    }

    @Test func valueFormsAliasesAndMultiValuedKeywords() throws {
        let (_, target) = try serverTree()
        let config = try SSHConfig.load(.server, from: target)
        #expect(config.value("MaxStartups") == "10:30:60")
        #expect(config.value("Banner") == "/etc/issue net")
        // ChallengeResponseAuthentication is KbdInteractiveAuthentication: one slot, first wins.
        #expect(config.value("KbdInteractiveAuthentication") == "no")
        #expect(config.value("ChallengeResponseAuthentication") == "no")
        #expect(config.directives(for: "kbdinteractiveauthentication").map(\.writtenKeyword) == ["ChallengeResponseAuthentication", "KbdInteractiveAuthentication"])
        #expect(config.values("HostKey") == ["/etc/ssh/ssh_host_ed25519_key", "/etc/ssh/ssh_host_rsa_key"])
        #expect(config.values("AcceptEnv") == ["LANG LC_*"])
        #expect(config.arguments("Subsystem") == ["sftp", "/usr/lib/openssh/sftp-server", "-l", "INFO"])
        #expect(config.directives(for: "Port").first?.keyword == "Port")
    }

    @Test func defaultsWhenNothingIsSet() throws {
        let config = SSHConfig.parse("# empty\n", kind: .server)
        #expect(config.value("PermitRootLogin") == "prohibit-password")
        #expect(config.value("LoginGraceTime") == "120")
        #expect(config.value("MaxStartups") == "10:30:100")
        #expect(config.value("ChallengeResponseAuthentication") == "yes")
        #expect(config.explicitValue("PermitRootLogin") == nil)
        #expect(config.values("HostKey").count == 3)
        #expect(config.value("Port") == "22")
        #expect(config.value("UsePrivilegeSeparation") == nil)
        #expect(config.value("ListenAddress") == nil)
        #expect(config.source(of: "Ciphers") == nil)
    }

    @Test func matchAllOverridesEarlierGlobalValues() {
        let config = SSHConfig.parse("""
            PermitRootLogin no
            Match User admin
                PermitRootLogin yes
            Match all
                X11Forwarding yes
                PermitRootLogin without-password
            """, kind: .server)
        #expect(config.value("PermitRootLogin") == "without-password")
        #expect(config.value("X11Forwarding") == "yes")
        #expect(config.conditionalBlocks.count == 1)
    }

    @Test func includeInsideAMatchBlockIsConditional() {
        let config = SSHConfig.parse("""
            Match Group sftp-only
                Include /etc/ssh/sftp.conf
            PasswordAuthentication no
            Match all
            Include /etc/ssh/after.conf
            """, kind: .server, files: [
                "/etc/ssh/sftp.conf": "ForceCommand internal-sftp\nChrootDirectory %h\n",
                "/etc/ssh/after.conf": "Match User carol\n    X11Forwarding yes\n",
            ])
        // The included lines belong to the block; the line after the include still does.
        #expect(config.conditionalBlocks.first?.directives.map(\.keyword) == ["ForceCommand", "ChrootDirectory", "PasswordAuthentication"])
        #expect(config.value("ChrootDirectory") == "none" && config.value("PasswordAuthentication") == "yes")
        // A block opened in an included file ends with it.
        #expect(config.conditionalBlocks.map(\.criteria) == ["Group sftp-only", "User carol"])
        #expect(config.value("X11Forwarding") == "no")
        #expect(config.files == ["/etc/ssh/sshd_config", "/etc/ssh/sftp.conf", "/etc/ssh/after.conf"])
    }

    @Test func deepIncludesStopAtSixteenLevels() {
        var files: [String: String] = [:]
        for level in 0..<20 { files["/etc/ssh/l\(level).conf"] = "Include l\(level + 1).conf\nSetEnv L\(level)=1\n" }
        let config = SSHConfig.parse("Include l0.conf\n", kind: .server, files: files)
        #expect(config.files.count == 17)
        #expect(config.problems.contains { $0.contains("deeper than 16") })
    }

    @Test func clientHostBlocks() {
        let config = SSHConfig.parse("""
            Host bastion
                ForwardAgent yes
            Host *
                ForwardAgent no
                SendEnv LANG LC_*
                SendEnv TZ
                StrictHostKeyChecking=yes
                IdentityFile ~/.ssh/id_ed25519
                IdentityFile "~/.ssh/my key"
            Match host *.internal exec "test -f /x"
                PasswordAuthentication no
            Host *
                ForwardAgent yes
            """, kind: .client)
        #expect(config.value("ForwardAgent") == "no")
        #expect(config.values("SendEnv") == ["LANG LC_*", "TZ"])
        #expect(config.values("IdentityFile") == ["~/.ssh/id_ed25519", "~/.ssh/my key"])
        #expect(config.value("StrictHostKeyChecking") == "yes")
        #expect(config.value("PasswordAuthentication") == "yes")
        #expect(config.value("CheckHostIP") == "no")
        #expect(config.value("BatchMode") == "no")
        #expect(config.conditionalBlocks.map(\.kind) == ["Host", "Match"])
        #expect(config.conditionalBlocks.last?.criteria == "host *.internal exec test -f /x")
    }

    @Test func lineSplitting() {
        func split(_ line: String) -> [String]? {
            guard let (keyword, arguments) = SSHConfig.Parser.split(Substring(line)) else { return nil }
            return keyword.map { [$0] + arguments } ?? []
        }
        #expect(split("Key value") == ["Key", "value"])
        #expect(split("  Key=value") == ["Key", "value"])
        #expect(split("Key = value") == ["Key", "value"])
        #expect(split("Key\t\"a b\" 'c d' e\\ f") == ["Key", "a b", "c d", "e f"])
        #expect(split("Key a#b # comment") == ["Key", "a#b"])
        #expect(split("Key \"a \\\" b\"") == ["Key", "a \" b"])
        #expect(split("Key C:\\path") == ["Key", "C:\\path"])
        #expect(split("# comment") == [])
        #expect(split("   ") == [])
        #expect(split("Key \"open") == nil)
    }

    @Test func missingMainFileThrows() throws {
        let (_, target) = try fixtureRoot(["etc/hostname": "x\n"])
        #expect(throws: HostError.notFound("/etc/ssh/sshd_config")) { try SSHConfig.load(.server, from: target) }
    }
}

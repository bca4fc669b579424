import Foundation

/// The effective configuration of OpenSSH's server (`sshd_config`) or client (`ssh_config`),
/// computed the way OpenSSH reads its files:
///
/// - keywords are case-insensitive; `Key value`, `Key=value`, `Key = value`; arguments split on
///   blanks with `"…"`/`'…'` quoting and `\` escapes; a `#` starting an argument ends the line;
/// - **the first value wins** for single-valued keywords; multi-valued ones (HostKey, Port,
///   ListenAddress, AcceptEnv, Subsystem, Allow/DenyUsers|Groups; client IdentityFile,
///   LocalForward, SendEnv…) accumulate;
/// - `Include` expands globs (relative paths against `/etc/ssh`), reads the files in byte order
///   at the point of inclusion, at most 16 levels deep, loops reported and cut; a conditional
///   block opened in an included file ends with that file, as `sshd` restores its match state;
/// - server `Match` blocks and client `Host`/`Match` blocks are conditional: their values do not
///   change the global configuration and are kept in `conditionalBlocks`. `Host *` and
///   `Match all` are unconditional. On the server, values in a `Match all` block are applied to
///   every connection after the global ones, so they beat an earlier global value.
/// - deprecated aliases read as their current keyword (`ChallengeResponseAuthentication` is
///   `KbdInteractiveAuthentication`), sharing its first-value-wins slot.
///
/// Defaults are OpenSSH's compiled-in values (upstream 9.x, portable, without distribution
/// patches: Debian's `DebianBanner` and its `UsePAM yes` come from its shipped file, not here).
public struct SSHConfig: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case server, client

        public var defaultPath: String { self == .server ? "/etc/ssh/sshd_config" : "/etc/ssh/ssh_config" }
    }

    public struct Directive: Sendable, Equatable {
        /// The keyword's canonical spelling (`KbdInteractiveAuthentication` for
        /// `challengeresponseauthentication`), or as written when unknown.
        public var keyword: String
        /// As written in the file.
        public var writtenKeyword: String
        /// Lower case, aliases resolved: what lookups compare.
        public var key: String
        public var arguments: [String]
        public var origin: ConfigOrigin
        /// Server only: written in a `Match all` block.
        public var inMatchAll: Bool

        /// The arguments joined by one space.
        public var value: String { arguments.joined(separator: " ") }
    }

    public struct ConditionalBlock: Sendable, Equatable {
        /// `Match` or `Host`.
        public var kind: String
        /// The criteria as written (`User bob`, `*.example.com !bastion`).
        public var criteria: String
        public var origin: ConfigOrigin
        public var directives: [Directive]

        /// The block's own first value for `keyword` (aliases resolved).
        public func value(_ keyword: String, kind: SSHConfig.Kind) -> String? {
            let key = SSHConfig.canonicalKey(keyword, kind: kind)
            return directives.first { $0.key == key }?.value
        }
    }

    public var kind: Kind
    /// The main file.
    public var path: String
    /// Unconditional directives in reading order (includes expanded).
    public var directives: [Directive]
    public var conditionalBlocks: [ConditionalBlock]
    /// Every file read, in order.
    public var files: [String]
    /// Include loops, depth or size limits hit, unreadable includes, syntax errors.
    public var problems: [String]

    // MARK: Loading

    /// Reads the main file and its includes through the target. Throws when the main file
    /// cannot be read (`notFound` when it does not exist).
    public static func load(_ kind: Kind, from target: any HostTarget, path: String? = nil) throws(HostError) -> SSHConfig {
        let main = path ?? kind.defaultPath
        let bytes = try target.readAll(main, limit: ResourceLimits.configBytes)
        var parser = Parser(kind: kind, main: main, read: { path in
            do throws(HostError) { return .success(String(decoding: try target.readAll(path, limit: ResourceLimits.configBytes), as: UTF8.self)) }
            catch { return .failure(error) }
        }, expand: { pattern in HostPath.expand(pattern, on: target) }, isFile: { path in target.info(path)?.kind == .file })
        parser.parseFile(main, text: String(decoding: bytes, as: UTF8.self), depth: 0, scope: .global)
        return parser.result()
    }

    /// Parses one file's text; `Include` lines are resolved in `files` (absolute path → text),
    /// so tests can give several files without a file system.
    public static func parse(_ text: String, kind: Kind, path: String? = nil, files: [String: String] = [:]) -> SSHConfig {
        let main = path ?? kind.defaultPath
        var parser = Parser(kind: kind, main: main, read: { path in
            files[path].map { .success($0) } ?? .failure(.notFound(path))
        }, expand: { pattern in
            let glob = Glob(pattern)
            return files.keys.filter { Glob.hasWildcards(pattern) ? glob.matches($0) : $0 == pattern }.sorted(by: ConfigText.byteOrder)
        }, isFile: { files[$0] != nil })
        parser.parseFile(main, text: text, depth: 0, scope: .global)
        return parser.result()
    }

    // MARK: Queries

    /// The effective value: the explicit one (first wins; server `Match all` first) else
    /// OpenSSH's default. Multi-valued keywords give all their values joined by a space.
    public func value(_ keyword: String) -> String? {
        if let explicit = explicitValue(keyword) { return explicit }
        let defaults = defaultValues(keyword)
        return defaults.isEmpty ? nil : defaults.joined(separator: " ")
    }

    public subscript(_ keyword: String) -> String? { value(keyword) }

    /// The value the files set, ignoring defaults (InSpec's `sshd_config` semantics).
    public func explicitValue(_ keyword: String) -> String? {
        let key = Self.canonicalKey(keyword, kind: kind)
        if Self.isMultiValued(key, kind: kind) {
            let all = matching(key)
            return all.isEmpty ? nil : all.map(\.value).joined(separator: " ")
        }
        return effectiveDirective(key)?.value
    }

    /// Every value: one per line for multi-valued keywords, the effective one otherwise;
    /// defaults when the files set nothing.
    public func values(_ keyword: String) -> [String] {
        let key = Self.canonicalKey(keyword, kind: kind)
        if Self.isMultiValued(key, kind: kind) {
            let all = matching(key)
            return all.isEmpty ? defaultValues(keyword) : all.map(\.value)
        }
        if let directive = effectiveDirective(key) { return [directive.value] }
        return defaultValues(keyword)
    }

    /// The effective directive's arguments (`AuthorizedKeysFile a b` → `[a, b]`).
    public func arguments(_ keyword: String) -> [String]? {
        let key = Self.canonicalKey(keyword, kind: kind)
        if Self.isMultiValued(key, kind: kind) {
            let all = matching(key)
            return all.isEmpty ? nil : all.flatMap(\.arguments)
        }
        return effectiveDirective(key)?.arguments
    }

    /// Where the effective value comes from: `file:line`, or `OpenSSH default`.
    public func source(of keyword: String) -> ConfigOrigin? {
        let key = Self.canonicalKey(keyword, kind: kind)
        let directive = Self.isMultiValued(key, kind: kind) ? matching(key).first : effectiveDirective(key)
        if let directive { return directive.origin }
        return defaultValues(keyword).isEmpty ? nil : .builtIn("OpenSSH default")
    }

    public func isSet(_ keyword: String) -> Bool { !matching(Self.canonicalKey(keyword, kind: kind)).isEmpty }

    /// Every unconditional directive for `keyword`, in reading order (alias spellings included).
    public func directives(for keyword: String) -> [Directive] { matching(Self.canonicalKey(keyword, kind: kind)) }

    /// OpenSSH's compiled-in default (empty when it has none we know of).
    public func defaultValues(_ keyword: String) -> [String] {
        let key = Self.canonicalKey(keyword, kind: kind)
        return (kind == .server ? Self.serverDefaults : Self.clientDefaults)[key] ?? []
    }

    /// Conditional blocks that set `keyword` (a `Match User bob` may re-enable what the global
    /// configuration disables).
    public func conditionalBlocks(setting keyword: String) -> [ConditionalBlock] {
        let key = Self.canonicalKey(keyword, kind: kind)
        return conditionalBlocks.filter { block in block.directives.contains { $0.key == key } }
    }

    private func matching(_ key: String) -> [Directive] {
        directives.filter { $0.key == key }
    }

    private func effectiveDirective(_ key: String) -> Directive? {
        let all = matching(key)
        if kind == .server, let matchAll = all.first(where: \.inMatchAll) { return matchAll }
        return all.first
    }

    // MARK: Keywords

    /// Lowercased, with deprecated aliases mapped to their current keyword.
    static func canonicalKey(_ keyword: String, kind: Kind) -> String {
        let lower = keyword.lowercased()
        return (kind == .server ? serverAliases : clientAliases)[lower] ?? lower
    }

    static func isMultiValued(_ key: String, kind: Kind) -> Bool {
        (kind == .server ? serverMultiValued : clientMultiValued).contains(key)
    }

    static func canonicalName(_ written: String, kind: Kind) -> String {
        let key = canonicalKey(written, kind: kind)
        return knownNames[key] ?? written
    }

    static let serverAliases: [String: String] = [
        "challengeresponseauthentication": "kbdinteractiveauthentication",
        "skeyauthentication": "kbdinteractiveauthentication",
        "dsaauthentication": "pubkeyauthentication",
        "pubkeyacceptedkeytypes": "pubkeyacceptedalgorithms",
        "hostbasedacceptedkeytypes": "hostbasedacceptedalgorithms",
    ]

    static let clientAliases: [String: String] = [
        "challengeresponseauthentication": "kbdinteractiveauthentication",
        "skeyauthentication": "kbdinteractiveauthentication",
        "tisauthentication": "kbdinteractiveauthentication",
        "dsaauthentication": "pubkeyauthentication",
        "pubkeyacceptedkeytypes": "pubkeyacceptedalgorithms",
        "hostbasedkeytypes": "hostbasedacceptedalgorithms",
        "hostbasedacceptedkeytypes": "hostbasedacceptedalgorithms",
    ]

    static let serverMultiValued: Set<String> = [
        "hostkey", "hostcertificate", "listenaddress", "port", "acceptenv", "subsystem",
        "allowusers", "denyusers", "allowgroups", "denygroups",
    ]

    static let clientMultiValued: Set<String> = [
        "identityfile", "certificatefile", "localforward", "remoteforward", "dynamicforward", "sendenv",
    ]

    /// OpenSSH 9.x server defaults (`fill_default_server_options`), for the keywords audits read.
    static let serverDefaults: [String: [String]] = lowercasedKeys([
        "AddressFamily": ["any"], "AllowAgentForwarding": ["yes"], "AllowStreamLocalForwarding": ["yes"],
        "AllowTcpForwarding": ["yes"], "AuthorizedKeysFile": [".ssh/authorized_keys .ssh/authorized_keys2"], "Banner": ["none"],
        "ChrootDirectory": ["none"], "ClientAliveCountMax": ["3"], "ClientAliveInterval": ["0"], "Compression": ["yes"],
        "DisableForwarding": ["no"], "ExposeAuthInfo": ["no"], "FingerprintHash": ["sha256"], "GatewayPorts": ["no"],
        "GSSAPIAuthentication": ["no"], "GSSAPICleanupCredentials": ["yes"], "GSSAPIStrictAcceptorCheck": ["yes"],
        "HostbasedAuthentication": ["no"], "HostbasedUsesNameFromPacketOnly": ["no"],
        "HostKey": ["/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ecdsa_key", "/etc/ssh/ssh_host_ed25519_key"],
        "IgnoreRhosts": ["yes"], "IgnoreUserKnownHosts": ["no"], "KbdInteractiveAuthentication": ["yes"],
        "KerberosAuthentication": ["no"], "KerberosGetAFSToken": ["no"], "KerberosOrLocalPasswd": ["yes"],
        "KerberosTicketCleanup": ["yes"], "LoginGraceTime": ["120"], "LogLevel": ["INFO"], "MaxAuthTries": ["6"],
        "MaxSessions": ["10"], "MaxStartups": ["10:30:100"], "PasswordAuthentication": ["yes"], "PermitEmptyPasswords": ["no"],
        "PermitListen": ["any"], "PermitOpen": ["any"], "PermitRootLogin": ["prohibit-password"], "PermitTTY": ["yes"],
        "PermitTunnel": ["no"], "PermitUserEnvironment": ["no"], "PermitUserRC": ["yes"], "PerSourceMaxStartups": ["none"],
        "PerSourceNetBlockSize": ["32:128"], "Port": ["22"], "PrintLastLog": ["yes"], "PrintMotd": ["yes"],
        "PubkeyAuthentication": ["yes"], "RekeyLimit": ["default none"], "StreamLocalBindMask": ["0177"],
        "StreamLocalBindUnlink": ["no"], "StrictModes": ["yes"], "SyslogFacility": ["AUTH"], "TCPKeepAlive": ["yes"],
        "UseDNS": ["no"], "UsePAM": ["no"], "VersionAddendum": ["none"], "X11DisplayOffset": ["10"], "X11Forwarding": ["no"],
        "X11UseLocalhost": ["yes"],
    ])

    /// OpenSSH 9.x client defaults (`fill_default_options`); CheckHostIP is `no` since 8.5.
    static let clientDefaults: [String: [String]] = lowercasedKeys([
        "AddressFamily": ["any"], "BatchMode": ["no"], "CanonicalizeHostname": ["no"], "CheckHostIP": ["no"],
        "ClearAllForwardings": ["no"], "Compression": ["no"], "ConnectionAttempts": ["1"], "ControlMaster": ["no"],
        "ControlPersist": ["no"], "EnableSSHKeysign": ["no"], "EscapeChar": ["~"], "ExitOnForwardFailure": ["no"],
        "ForkAfterAuthentication": ["no"], "ForwardAgent": ["no"], "ForwardX11": ["no"], "ForwardX11Trusted": ["no"],
        "GatewayPorts": ["no"], "GSSAPIAuthentication": ["no"], "GSSAPIDelegateCredentials": ["no"], "HashKnownHosts": ["no"],
        "HostbasedAuthentication": ["no"], "IdentitiesOnly": ["no"], "KbdInteractiveAuthentication": ["yes"], "LogLevel": ["INFO"],
        "NoHostAuthenticationForLocalhost": ["no"], "NumberOfPasswordPrompts": ["3"], "PasswordAuthentication": ["yes"],
        "PermitLocalCommand": ["no"], "Port": ["22"], "PubkeyAuthentication": ["yes"], "RequestTTY": ["auto"],
        "ServerAliveCountMax": ["3"], "ServerAliveInterval": ["0"], "SessionType": ["default"], "StdinNull": ["no"],
        "StrictHostKeyChecking": ["ask"], "TCPKeepAlive": ["yes"], "Tunnel": ["no"], "VerifyHostKeyDNS": ["no"],
        "VisualHostKey": ["no"],
    ])

    /// Canonical spellings, for reports.
    static let knownNames: [String: String] = {
        var names: [String: String] = [:]
        let extra = ["AcceptEnv", "AllowGroups", "AllowUsers", "AuthenticationMethods", "CertificateFile", "Ciphers", "DenyGroups",
                     "DenyUsers", "DynamicForward", "ForceCommand", "HostbasedAcceptedAlgorithms", "HostCertificate", "HostKeyAlgorithms",
                     "IdentityFile", "Include", "KexAlgorithms", "ListenAddress", "LocalForward", "MACs", "Match", "Host",
                     "Protocol", "PubkeyAcceptedAlgorithms", "RemoteForward", "SendEnv", "SetEnv", "Subsystem", "TrustedUserCAKeys",
                     "UseLogin", "UsePrivilegeSeparation", "UseRoaming", "DebianBanner", "RhostsRSAAuthentication", "RSAAuthentication"]
        for name in extra { names[name.lowercased()] = name }
        for table in [serverDefaultNames, clientDefaultNames] {
            for name in table { names[name.lowercased()] = name }
        }
        return names
    }()

    private static let serverDefaultNames = ["AddressFamily", "AllowAgentForwarding", "AllowStreamLocalForwarding", "AllowTcpForwarding",
        "AuthorizedKeysFile", "Banner", "ChrootDirectory", "ClientAliveCountMax", "ClientAliveInterval", "Compression", "DisableForwarding",
        "ExposeAuthInfo", "FingerprintHash", "GatewayPorts", "GSSAPIAuthentication", "GSSAPICleanupCredentials", "GSSAPIStrictAcceptorCheck",
        "HostbasedAuthentication", "HostbasedUsesNameFromPacketOnly", "HostKey", "IgnoreRhosts", "IgnoreUserKnownHosts",
        "KbdInteractiveAuthentication", "KerberosAuthentication", "KerberosGetAFSToken", "KerberosOrLocalPasswd", "KerberosTicketCleanup",
        "LoginGraceTime", "LogLevel", "MaxAuthTries", "MaxSessions", "MaxStartups", "PasswordAuthentication", "PermitEmptyPasswords",
        "PermitListen", "PermitOpen", "PermitRootLogin", "PermitTTY", "PermitTunnel", "PermitUserEnvironment", "PermitUserRC",
        "PerSourceMaxStartups", "PerSourceNetBlockSize", "Port", "PrintLastLog", "PrintMotd", "PubkeyAuthentication", "RekeyLimit",
        "StreamLocalBindMask", "StreamLocalBindUnlink", "StrictModes", "SyslogFacility", "TCPKeepAlive", "UseDNS", "UsePAM",
        "VersionAddendum", "X11DisplayOffset", "X11Forwarding", "X11UseLocalhost"]

    private static let clientDefaultNames = ["BatchMode", "CanonicalizeHostname", "CheckHostIP", "ClearAllForwardings", "ConnectionAttempts",
        "ControlMaster", "ControlPersist", "EnableSSHKeysign", "EscapeChar", "ExitOnForwardFailure", "ForkAfterAuthentication", "ForwardAgent",
        "ForwardX11", "ForwardX11Trusted", "GSSAPIDelegateCredentials", "HashKnownHosts", "IdentitiesOnly", "NoHostAuthenticationForLocalhost",
        "NumberOfPasswordPrompts", "PermitLocalCommand", "RequestTTY", "ServerAliveCountMax", "ServerAliveInterval", "SessionType",
        "StdinNull", "StrictHostKeyChecking", "Tunnel", "VerifyHostKeyDNS", "VisualHostKey"]

    private static func lowercasedKeys(_ table: [String: [String]]) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: table.map { ($0.key.lowercased(), $0.value) })
    }

    // MARK: Parser

    /// Where directives go while reading.
    enum Scope: Equatable {
        case global
        /// Server `Match all`.
        case matchAll
        case conditional(Int)
    }

    struct Parser {
        static let maxDepth = 16
        static let maxFiles = 256
        static let maxDirectives = 100_000
        /// All files together (each is also capped at `ResourceLimits.configBytes`).
        static let maxTotalBytes = 32 << 20

        let kind: Kind
        let main: String
        let read: (String) -> Result<String, HostError>
        let expand: (String) -> [String]
        let isFile: (String) -> Bool

        var directives: [Directive] = []
        var blocks: [ConditionalBlock] = []
        var files: [String] = []
        var problems: [String] = []
        var stack: [String] = []
        var count = 0
        var bytesRead = 0

        init(kind: Kind, main: String, read: @escaping (String) -> Result<String, HostError>, expand: @escaping (String) -> [String],
             isFile: @escaping (String) -> Bool) {
            self.kind = kind
            self.main = main
            self.read = read
            self.expand = expand
            self.isFile = isFile
        }

        func result() -> SSHConfig {
            SSHConfig(kind: kind, path: main, directives: directives, conditionalBlocks: blocks, files: files, problems: problems)
        }

        mutating func parseFile(_ path: String, text: String, depth: Int, scope inherited: Scope) {
            files.append(path)
            bytesRead += text.utf8.count
            stack.append(path)
            defer { stack.removeLast() }
            var scope = inherited
            ConfigText.forEachLine(text) { number, line in
                guard count < Self.maxDirectives else { return }
                let origin = ConfigOrigin(path: path, line: number)
                guard let (keyword, arguments) = Self.split(line) else {
                    problems.append("\(origin): unbalanced quotes")
                    return
                }
                guard let keyword else { return }
                count += 1
                switch keyword.lowercased() {
                case "include":
                    include(arguments, from: origin, depth: depth, scope: scope)
                case "match":
                    let criteria = arguments.joined(separator: " ")
                    if arguments.count == 1, arguments[0].lowercased() == "all" {
                        scope = kind == .server ? .matchAll : .global
                    } else {
                        blocks.append(ConditionalBlock(kind: "Match", criteria: criteria, origin: origin, directives: []))
                        scope = .conditional(blocks.count - 1)
                    }
                case "host" where kind == .client:
                    if arguments == ["*"] {
                        scope = .global
                    } else {
                        blocks.append(ConditionalBlock(kind: "Host", criteria: arguments.joined(separator: " "), origin: origin, directives: []))
                        scope = .conditional(blocks.count - 1)
                    }
                default:
                    let directive = Directive(keyword: SSHConfig.canonicalName(keyword, kind: kind), writtenKeyword: keyword,
                                              key: SSHConfig.canonicalKey(keyword, kind: kind), arguments: arguments, origin: origin,
                                              inMatchAll: scope == .matchAll)
                    switch scope {
                    case .global, .matchAll: directives.append(directive)
                    case .conditional(let index): blocks[index].directives.append(directive)
                    }
                }
            }
        }

        mutating func include(_ patterns: [String], from origin: ConfigOrigin, depth: Int, scope: Scope) {
            guard !patterns.isEmpty else {
                problems.append("\(origin): Include without a path")
                return
            }
            for pattern in patterns {
                let absolute = pattern.hasPrefix("/") ? pattern : HostPath.join("/etc/ssh", pattern)
                for path in expand(absolute) {
                    // A FIFO, a device or a folder where a drop-in is expected: sshd would fail or
                    // block on it, and Rampart cannot judge what it does not read.
                    guard isFile(path) else {
                        problems.append("\(origin): Include \(path): not a regular file; not read")
                        continue
                    }
                    guard !stack.contains(path) else {
                        problems.append("\(origin): Include loop: \(path) is already being read")
                        continue
                    }
                    guard depth + 1 <= Self.maxDepth else {
                        problems.append("\(origin): Include nested deeper than \(Self.maxDepth) levels: \(path) not read")
                        continue
                    }
                    guard files.count < Self.maxFiles, bytesRead < Self.maxTotalBytes else {
                        problems.append("\(origin): more than \(Self.maxFiles) files or \(Self.maxTotalBytes >> 20) MiB included: \(path) not read")
                        continue
                    }
                    switch read(path) {
                    case .success(let text): parseFile(path, text: text, depth: depth + 1, scope: scope)
                    case .failure(let error): problems.append("\(origin): Include \(path): \(error)")
                    }
                }
            }
        }

        /// A line's keyword and arguments, as OpenSSH's `argv_split` with comments: nil keyword
        /// for blank and comment lines, nil result for unbalanced quotes.
        static func split(_ line: Substring) -> (String?, [String])? {
            var words: [String] = []
            var current = ""
            var inWord = false
            var quote: Character?
            var iterator = line.makeIterator()
            var keywordDone = false
            var pendingEquals = false
            while let character = iterator.next() {
                if let open = quote {
                    if character == "\\" {
                        // Inside quotes `\` escapes only quotes and itself.
                        if let next = iterator.next() {
                            if next != "\"" && next != "'" && next != "\\" { current.append("\\") }
                            current.append(next)
                        }
                    } else if character == open {
                        quote = nil
                    } else {
                        current.append(character)
                    }
                    continue
                }
                // The keyword ends at a blank or `=`; one `=` may separate it from the value.
                if character == "=" && !keywordDone && words.isEmpty && inWord {
                    words.append(current)
                    current = ""
                    inWord = false
                    keywordDone = true
                    pendingEquals = true
                    continue
                }
                if character == " " || character == "\t" || character == "\r" || character == "\n" {
                    if inWord {
                        words.append(current)
                        current = ""
                        inWord = false
                        if words.count == 1 { keywordDone = true; pendingEquals = false }
                    }
                    continue
                }
                if character == "=" && words.count == 1 && !inWord && !pendingEquals {
                    pendingEquals = true
                    continue
                }
                if !inWord && character == "#" { break }
                inWord = true
                if character == "\"" || character == "'" {
                    quote = character
                } else if character == "\\", let next = iterator.next() {
                    // Outside quotes it also escapes a space; elsewhere it is a plain backslash.
                    if next != "\"" && next != "'" && next != "\\" && next != " " { current.append("\\") }
                    current.append(next)
                } else {
                    current.append(character)
                }
            }
            if quote != nil { return nil }
            if inWord { words.append(current) }
            guard let keyword = words.first, !keyword.isEmpty else { return (nil, []) }
            return (keyword, Array(words.dropFirst()))
        }
    }
}

import Foundation

/// The distribution, from `/etc/os-release` (or `/usr/lib/os-release`, which it links to).
public struct OSInfo: Sendable, Equatable {
    public enum Family: String, Sendable {
        case debian, redhat, suse, alpine, arch, unknown
    }

    /// Every `KEY=value` of the file, values unquoted.
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// `ubuntu`, `rhel`, `opensuse-leap`… (lower case; `linux` when unset, as os-release(5) says).
    public var id: String { fields["ID"]?.lowercased() ?? "linux" }
    public var idLike: [String] { (fields["ID_LIKE"] ?? "").lowercased().split(separator: " ").map(String.init) }
    public var versionID: String? { fields["VERSION_ID"] }
    public var prettyName: String? { fields["PRETTY_NAME"] }
    public var name: String? { fields["NAME"] }
    public var versionCodename: String? { fields["VERSION_CODENAME"] }

    /// The family, from `ID` first and then `ID_LIKE` in order (Ubuntu is `debian`, Rocky and
    /// Amazon Linux `redhat`, Fedora `redhat`, openSUSE and SLES `suse`).
    public var family: Family {
        for candidate in [id] + idLike {
            if let family = Self.families[candidate] { return family }
        }
        return .unknown
    }

    static let families: [String: Family] = [
        "debian": .debian, "ubuntu": .debian, "linuxmint": .debian, "raspbian": .debian, "kali": .debian, "pop": .debian,
        "rhel": .redhat, "centos": .redhat, "fedora": .redhat, "rocky": .redhat, "almalinux": .redhat, "ol": .redhat,
        "amzn": .redhat, "scientific": .redhat, "cloudlinux": .redhat,
        "suse": .suse, "sles": .suse, "sled": .suse, "opensuse": .suse, "opensuse-leap": .suse, "opensuse-tumbleweed": .suse,
        "alpine": .alpine,
        "arch": .arch, "archarm": .arch, "manjaro": .arch, "endeavouros": .arch,
    ]

    /// Nil when neither file exists.
    public static func load(from target: any HostTarget) -> OSInfo? {
        for path in ["/etc/os-release", "/usr/lib/os-release"] {
            if let text = target.text(path, limit: 1 << 20) { return parse(text) }
        }
        return nil
    }

    /// Shell-like assignments: `KEY=value`, `KEY="value"`, `KEY='value'`, `\` escapes in double
    /// quotes; comments and malformed lines skipped.
    public static func parse(_ text: String) -> OSInfo {
        var fields: [String: String] = [:]
        ConfigText.forEachLine(text) { _, line in
            let content = ConfigText.trimmed(line)
            guard !content.isEmpty, content.first != "#", let equals = content.firstIndex(of: "=") else { return }
            let key = String(content[..<equals])
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return }
            fields[key] = unquote(content[content.index(after: equals)...])
        }
        return OSInfo(fields: fields)
    }

    static func unquote(_ raw: Substring) -> String {
        var result = ""
        var quote: Character?
        var iterator = raw.makeIterator()
        while let character = iterator.next() {
            if let open = quote {
                if character == open { quote = nil; continue }
                if open == "\"", character == "\\", let next = iterator.next() {
                    if !"\"\\$`".contains(next) { result.append("\\") }
                    result.append(next)
                    continue
                }
                result.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "\\", let next = iterator.next() {
                result.append(next)
            } else {
                result.append(character)
            }
        }
        return result
    }
}

import Foundation

/// Installed packages: dpkg's status file, apk's and pacman's databases from files (any target),
/// rpm through `rpm -qa` (live targets only: its database is binary).
public struct Packages: Sendable, Equatable {
    public enum Manager: String, Sendable {
        case dpkg, rpm, apk, pacman
        /// No package database found.
        case none
    }

    public struct Package: Sendable, Equatable {
        public var name: String
        public var version: String
        public var architecture: String
        /// dpkg's `want flag state` (`install ok installed`); empty for other managers.
        public var status: String
        public var isInstalled: Bool
    }

    public var manager: Manager
    /// Every package the database lists, installed or not (dpkg keeps removed ones with their
    /// configuration files), in database order.
    public var packages: [Package]
    /// False when a database exists but could not be read (rpm on an image, rpm not runnable):
    /// then nothing can be said about any package.
    public var isComplete: Bool
    private var index: [String: [Int]]

    public init(manager: Manager, packages: [Package], isComplete: Bool = true) {
        self.manager = manager
        self.packages = packages
        self.isComplete = isComplete
        var index: [String: [Int]] = [:]
        index.reserveCapacity(packages.count)
        for (position, package) in packages.enumerated() { index[package.name, default: []].append(position) }
        self.index = index
    }

    public static func load(from target: any HostTarget) -> Packages {
        if let bytes = try? target.read("/var/lib/dpkg/status", limit: ResourceLimits.databaseBytes) {
            return Packages(manager: .dpkg, packages: parseDpkgStatus(bytes))
        }
        if let text = target.text("/lib/apk/db/installed", limit: ResourceLimits.databaseBytes) {
            return Packages(manager: .apk, packages: parseApkInstalled(text))
        }
        if target.info("/var/lib/rpm") != nil || target.info("/usr/lib/sysimage/rpm") != nil {
            guard target.isLive,
                  let result = try? target.run(["rpm", "-qa", "--qf", "%{NAME} %{VERSION}-%{RELEASE} %{ARCH}\\n"], timeout: .seconds(120)),
                  result.status == 0
            else { return Packages(manager: .rpm, packages: [], isComplete: false) }
            return Packages(manager: .rpm, packages: parseRpmQuery(result.stdout))
        }
        if let entries = try? target.list("/var/lib/pacman/local") {
            var packages: [Package] = []
            for entry in entries.prefix(50_000) {
                guard let text = target.text("/var/lib/pacman/local/\(entry)/desc", limit: 1 << 20),
                      let package = parsePacmanDesc(text) else { continue }
                packages.append(package)
            }
            return Packages(manager: .pacman, packages: packages)
        }
        return Packages(manager: .none, packages: [])
    }

    // MARK: Queries

    /// Whether a package is installed; `name` may carry an architecture (`libc6:i386`). Nil when
    /// the database could not be read.
    public func isInstalled(_ name: String) -> Bool? {
        guard isComplete else { return nil }
        return !installed(name).isEmpty
    }

    /// The installed version (the first architecture's when several are installed).
    public func version(_ name: String) -> String? { installed(name).first?.version }

    /// Every entry for `name` (each architecture, installed or not).
    public func entries(_ name: String) -> [Package] {
        let (base, architecture) = Self.split(name)
        return (index[base] ?? []).map { packages[$0] }.filter { architecture == nil || $0.architecture == architecture }
    }

    public func installed(_ name: String) -> [Package] { entries(name).filter(\.isInstalled) }

    public var installedPackages: [Package] { packages.filter(\.isInstalled) }

    private static func split(_ name: String) -> (String, String?) {
        guard let colon = name.lastIndex(of: ":") else { return (name, nil) }
        return (String(name[..<colon]), String(name[name.index(after: colon)...]))
    }

    // MARK: Parsers

    public static func parseDpkgStatus(_ text: String) -> [Package] { parseDpkgStatus(Array(text.utf8)) }

    /// dpkg's status file: paragraphs separated by blank lines, `Field: value`, continuation
    /// lines starting with a blank (skipped: no field read here spans lines). Bytes, not
    /// Characters, so 5,000 paragraphs parse in milliseconds.
    public static func parseDpkgStatus(_ bytes: [UInt8]) -> [Package] {
        var packages: [Package] = []
        packages.reserveCapacity(bytes.count / 1200)
        var name: String?, version = "", architecture = "", status = ""

        func finish() {
            if let name, !name.isEmpty {
                packages.append(Package(name: name, version: version, architecture: architecture, status: status,
                                        isInstalled: dpkgInstalled(status)))
            }
            name = nil
            version = ""
            architecture = ""
            status = ""
        }

        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var start = 0
            while start <= count {
                var end = start
                while end < count && buffer[end] != 0x0A { end += 1 }
                var lineEnd = end
                if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                defer { start = end + 1 }
                if isBlankLine(buffer, start, lineEnd) {
                    finish()
                    continue
                }
                let first = buffer[start]
                if first == 0x20 || first == 0x09 || first == 0x23 { continue }  // continuation, comment
                var colon = start
                while colon < lineEnd && buffer[colon] != 0x3A { colon += 1 }
                guard colon < lineEnd else { continue }
                let field = Field(buffer, start, colon)
                guard field != .other else { continue }
                var valueStart = colon + 1, valueEnd = lineEnd
                while valueStart < valueEnd && (buffer[valueStart] == 0x20 || buffer[valueStart] == 0x09) { valueStart += 1 }
                while valueEnd > valueStart && (buffer[valueEnd - 1] == 0x20 || buffer[valueEnd - 1] == 0x09) { valueEnd -= 1 }
                let value = String(decoding: UnsafeBufferPointer(rebasing: buffer[valueStart..<valueEnd]), as: UTF8.self)
                switch field {
                case .package: name = value
                case .version: version = value
                case .architecture: architecture = value
                case .status: status = value
                case .other: break
                }
            }
        }
        finish()
        return packages
    }

    private enum Field {
        case package, version, architecture, status, other

        init(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            func equals(_ name: StaticString) -> Bool {
                guard end - start == name.utf8CodeUnitCount else { return false }
                let expected = name.utf8Start
                for offset in 0..<(end - start) where buffer[start + offset] | 0x20 != expected[offset] | 0x20 { return false }
                return true
            }
            if equals("Package") { self = .package }
            else if equals("Version") { self = .version }
            else if equals("Architecture") { self = .architecture }
            else if equals("Status") { self = .status }
            else { self = .other }
        }
    }

    private static func isBlankLine(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where buffer[index] != 0x20 && buffer[index] != 0x09 { return false }
        return true
    }

    /// `want flag state`: the package's files are on the system when the state is `installed`
    /// or only waiting for triggers (dpkg counts those as installed); `config-files`,
    /// `half-installed`, `unpacked`, `not-installed` are not.
    static func dpkgInstalled(_ status: String) -> Bool {
        let words = status.split(separator: " ")
        guard words.count == 3 else { return false }
        return ["installed", "triggers-awaiting", "triggers-pending"].contains(words[2])
    }

    /// apk's `installed` database: paragraphs of `X:value` lines (`P` name, `V` version, `A` arch).
    public static func parseApkInstalled(_ text: String) -> [Package] {
        var packages: [Package] = []
        var name: String?, version = "", architecture = ""
        func finish() {
            if let name { packages.append(Package(name: name, version: version, architecture: architecture, status: "", isInstalled: true)) }
            name = nil
            version = ""
            architecture = ""
        }
        ConfigText.forEachLine(text) { _, line in
            if line.isEmpty { return finish() }
            guard line.count >= 2, line.dropFirst().first == ":" else { return }
            let value = String(line.dropFirst(2))
            switch line.first {
            case "P": name = value
            case "V": version = value
            case "A": architecture = value
            default: break
            }
        }
        finish()
        return packages
    }

    /// `rpm -qa --qf '%{NAME} %{VERSION}-%{RELEASE} %{ARCH}\n'` output (the architecture optional).
    public static func parseRpmQuery(_ text: String) -> [Package] {
        var packages: [Package] = []
        ConfigText.forEachLine(text) { _, line in
            let fields = ConfigText.fields(line)
            guard fields.count >= 2 else { return }
            packages.append(Package(name: String(fields[0]), version: String(fields[1]), architecture: fields.count > 2 ? String(fields[2]) : "",
                                    status: "", isInstalled: true))
        }
        return packages
    }

    /// One pacman `desc` file: `%NAME%`, `%VERSION%`, `%ARCH%` headers each followed by a value line.
    public static func parsePacmanDesc(_ text: String) -> Package? {
        var values: [String: String] = [:]
        var header: String?
        ConfigText.forEachLine(text) { _, line in
            if line.hasPrefix("%") && line.hasSuffix("%") && line.count > 2 {
                header = String(line.dropFirst().dropLast())
            } else if let current = header, !line.isEmpty {
                if values[current] == nil { values[current] = String(line) }
                header = nil
            }
        }
        guard let name = values["NAME"] else { return nil }
        return Package(name: name, version: values["VERSION"] ?? "", architecture: values["ARCH"] ?? "", status: "", isInstalled: true)
    }
}

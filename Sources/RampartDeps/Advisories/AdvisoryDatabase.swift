import Foundation
import RampartCore
import GRDB

/// The local advisory database: OSV records of the PyPI ecosystem in SQLite, indexed by package.
public final class AdvisoryDatabase: Sendable {
    let queue: DatabaseQueue
    public let path: String

    public struct Status: Sendable {
        public var source: String?
        public var importedAt: Date?
        public var records: Int
        public var packages: Int
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The default place: `$XDG_CACHE_HOME/rampart/osv-pypi.sqlite` (or `~/.cache/…`).
    public static var defaultPath: String {
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return cache + "/rampart/osv-pypi.sqlite"
    }

    /// Opens (`create` true: creates) the database at `path`.
    public init(path: String, create: Bool = false) throws(Failure) {
        self.path = path
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw Failure(description: "no advisory database at \(path): run `rampart db import FILE|DIR` (or `rampart db update` with network access)")
        }
        // A FIFO or a device would block SQLite's open until the time budget ends: refused at once.
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw Failure(description: "the advisory database \(path) is not a regular file")
        }
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = GRDB.Configuration()
            configuration.readonly = !create
            queue = try DatabaseQueue(path: path, configuration: configuration)
            if create {
                try queue.write { db in
                    // An import replaces everything, schema included (older layouts are dropped).
                    try db.execute(sql: """
                        DROP TABLE IF EXISTS affected; DROP TABLE IF EXISTS advisory;
                        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                        CREATE TABLE IF NOT EXISTS advisory (id TEXT PRIMARY KEY, modified TEXT, record BLOB NOT NULL);
                        CREATE TABLE IF NOT EXISTS affected (
                            package TEXT NOT NULL, advisory TEXT NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,
                            withdrawn INTEGER NOT NULL, ranges TEXT NOT NULL, versions TEXT NOT NULL,
                            PRIMARY KEY (package, advisory));
                        """)
                }
            }
        } catch {
            throw Failure(description: "cannot open the advisory database at \(path): \(error)")
        }
    }

    /// Replaces the database's content with `records` (PyPI entries only); returns how many were stored.
    @discardableResult
    public func replace(with records: [OSVRecord], source: String, now: Date = Date()) throws(Failure) -> Int {
        let encoder = JSONEncoder()
        do {
            return try queue.write { db in
                try db.execute(sql: "DELETE FROM affected; DELETE FROM advisory;")
                var stored = 0
                for record in records {
                    let packages = record.pypiPackages
                    guard !packages.isEmpty else { continue }
                    try db.execute(sql: "INSERT OR REPLACE INTO advisory (id, modified, record) VALUES (?, ?, ?)",
                                   arguments: [record.id, record.modified, try encoder.encode(record)])
                    for package in packages {
                        let entry = AdvisoryIndexEntry(record: record, package: package)
                        try db.execute(sql: "INSERT OR IGNORE INTO affected (package, advisory, withdrawn, ranges, versions) VALUES (?, ?, ?, ?, ?)",
                                       arguments: [package, record.id, entry.withdrawn ? 1 : 0, entry.encodedRanges, entry.encodedVersions])
                    }
                    stored += 1
                }
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('source', ?), ('imported_at', ?)",
                               arguments: [source, ISO8601DateFormatter().string(from: now)])
                return stored
            }
        } catch {
            throw Failure(description: "cannot write the advisory database: \(error)")
        }
    }

    public func status() throws(Failure) -> Status {
        do {
            return try queue.read { db in
                let source = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'source'")
                let imported = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'imported_at'").flatMap { ISO8601DateFormatter().date(from: $0) }
                let records = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM advisory") ?? 0
                let packages = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT package) FROM affected") ?? 0
                return Status(source: source, importedAt: imported, records: records, packages: packages)
            }
        } catch {
            throw Failure(description: "cannot read the advisory database at \(path): \(error)")
        }
    }

    /// What matching needs of every advisory naming each package (PEP 503 names).
    public func index(for packages: Set<String>) throws(Failure) -> [String: [AdvisoryIndexEntry]] {
        do {
            return try queue.read { db in
                var result: [String: [AdvisoryIndexEntry]] = [:]
                for package in packages {
                    let rows = try Row.fetchAll(db, sql: "SELECT advisory, withdrawn, ranges, versions FROM affected WHERE package = ? ORDER BY advisory", arguments: [package])
                    result[package] = rows.map { row in
                        AdvisoryIndexEntry(id: row["advisory"], withdrawn: (row["withdrawn"] as Int) != 0, encodedRanges: row["ranges"], encodedVersions: row["versions"])
                    }
                }
                return result
            }
        } catch {
            throw Failure(description: "cannot read the advisory database at \(path) (re-import it if it was written by an older Rampart): \(error)")
        }
    }

    /// One full record.
    public func record(id: String) -> OSVRecord? {
        try? queue.read { db in
            guard let data = try Data.fetchOne(db, sql: "SELECT record FROM advisory WHERE id = ?", arguments: [id]) else { return nil }
            return try JSONDecoder().decode(OSVRecord.self, from: data)
        }
    }

    /// Every record naming `package` (PEP 503 name), withdrawn ones included (matching skips them).
    public func records(for packages: Set<String>) throws(Failure) -> [String: [OSVRecord]] {
        let decoder = JSONDecoder()
        do {
            return try queue.read { db in
                var result: [String: [OSVRecord]] = [:]
                for package in packages {
                    let rows = try Row.fetchAll(db, sql: "SELECT a.record FROM advisory a JOIN affected f ON f.advisory = a.id WHERE f.package = ? ORDER BY a.id", arguments: [package])
                    result[package] = try rows.map { row in try decoder.decode(OSVRecord.self, from: row["record"] as Data) }
                }
                return result
            }
        } catch {
            throw Failure(description: "cannot read the advisory database at \(path): \(error)")
        }
    }
}

/// Reads OSV JSON: a file holding one record or an array of them, or a folder of such files.
public enum OSVLoader {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func load(path: String) throws(Failure) -> [OSVRecord] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw Failure(description: "no such file or folder: \(path)") }
        if isDirectory.boolValue {
            guard let enumerator = FileManager.default.enumerator(atPath: path) else { throw Failure(description: "cannot list \(path)") }
            var records: [OSVRecord] = []
            for case let file as String in enumerator where file.hasSuffix(".json") {
                records += try load(file: path + "/" + file)
            }
            return records
        }
        if path.hasSuffix(".zip") { return try loadZip(path) }
        return try load(file: path)
    }

    static func load(file: String) throws(Failure) -> [OSVRecord] {
        // FileReader: a FIFO is refused at once, and the size is checked before reading.
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(file, limit: 2 << 30)
        } catch {
            throw Failure(description: "cannot read \(file): \(error)")
        }
        return try decode(Data(bytes), name: file)
    }

    static func decode(_ data: Data, name: String) throws(Failure) -> [OSVRecord] {
        let decoder = JSONDecoder()
        if let many = try? decoder.decode([OSVRecord].self, from: data) { return many }
        do {
            return [try decoder.decode(OSVRecord.self, from: data)]
        } catch {
            throw Failure(description: "\(name) is not OSV JSON: \(error)")
        }
    }

    /// OSV's `all.zip` export, through the system's `unzip`.
    static func loadZip(_ path: String) throws(Failure) -> [OSVRecord] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-osv-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["unzip", "-q", "-o", path, "-d", folder]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            throw Failure(description: "cannot run unzip for \(path): \(error.localizedDescription)")
        }
        guard process.terminationStatus == 0 else { throw Failure(description: "unzip could not read \(path) (is `unzip` installed?)") }
        return try load(path: folder)
    }
}

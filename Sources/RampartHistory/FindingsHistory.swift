import Foundation
import GRDB
import RampartCore

/// The findings of every run in SQLite (`.rampart/findings.db`): one row per fingerprint across
/// runs and tools, with when it was first and last seen and its state — open, fixed, accepted
/// (with a reason and an expiry) or a false positive (with a reason) — and an event log from
/// which time-to-fix is measured.
public final class FindingsHistory: Sendable {
    public enum State: String, Sendable, CaseIterable {
        case open, fixed, accepted
        case falsePositive = "false-positive"
    }

    public struct Record: Sendable, Equatable {
        public var fingerprint: String
        public var ruleId: String
        public var scanner: String
        public var title: String
        public var severity: Severity
        public var location: String
        public var state: State
        public var reason: String?
        /// `YYYY-MM-DD`: an acceptance that ends.
        public var expires: String?
        public var firstSeen: Date
        public var lastSeen: Date
        public var fixedAt: Date?
        public var reopened: Int
    }

    /// What one run changed.
    public struct RunSummary: Sendable, Equatable {
        public var run: Int64
        public var new: [String] = []
        public var reopened: [String] = []
        public var fixed: [String] = []
        public var stillOpen = 0
        /// Acceptances whose date passed: open again.
        public var expired: [String] = []
    }

    /// An activity of a pipeline run: what ran, how it ended, what it found.
    public struct RunActivity: Sendable, Equatable {
        public var stage: String
        public var activity: String
        public var kind: String
        /// `done`, or `failed` (it could not run or did not finish).
        public var status: String
        public var findings: Int
        public var seconds: Double

        public init(stage: String, activity: String, kind: String, status: String, findings: Int, seconds: Double) {
            self.stage = stage
            self.activity = activity
            self.kind = kind
            self.status = status
            self.findings = findings
            self.seconds = seconds
        }
    }

    /// A recorded run: when, what scope (`full`, `stages`, `since <ref>`), which activities.
    public struct Run: Sendable, Equatable {
        public var id: Int64
        public var at: Date
        public var scope: String
        public var activities: [RunActivity]
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    let queue: DatabaseQueue
    public let path: String

    public static let defaultPath = ".rampart/findings.db"

    public init(path: String) throws(Failure) {
        self.path = path
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1") { db in
                try db.execute(sql: """
                    CREATE TABLE run (id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, scope TEXT NOT NULL, tool_version TEXT NOT NULL);
                    CREATE TABLE finding (
                        fingerprint TEXT PRIMARY KEY, rule_id TEXT NOT NULL, scanner TEXT NOT NULL, title TEXT NOT NULL,
                        severity TEXT NOT NULL, location TEXT NOT NULL, state TEXT NOT NULL, reason TEXT, expires TEXT,
                        first_seen REAL NOT NULL, last_seen REAL NOT NULL, fixed_at REAL, reopened INTEGER NOT NULL DEFAULT 0);
                    CREATE TABLE event (fingerprint TEXT NOT NULL, run INTEGER, at REAL NOT NULL, change TEXT NOT NULL, reason TEXT);
                    CREATE INDEX event_fingerprint ON event(fingerprint);
                    """)
            }
            // Which activities each pipeline run ran: evidence of what a pipeline does even when it finds nothing.
            migrator.registerMigration("v2") { db in
                try db.execute(sql: """
                    CREATE TABLE run_activity (run INTEGER NOT NULL, stage TEXT NOT NULL, activity TEXT NOT NULL, kind TEXT NOT NULL,
                                               status TEXT NOT NULL, findings INTEGER NOT NULL, seconds REAL NOT NULL);
                    CREATE INDEX run_activity_run ON run_activity(run);
                    """)
            }
            try migrator.migrate(queue)
        } catch {
            throw Failure(description: "cannot open the findings history at \(path): \(error)")
        }
    }

    /// Records a run's findings. A full run fixes the open findings it no longer sees; an
    /// incremental one (`complete: false`, a pull request's) cannot tell, and fixes nothing.
    @discardableResult
    public func record(_ findings: [Finding], at date: Date = Date(), complete: Bool, scope: String, activities: [RunActivity] = [],
                       toolVersion: String = RampartVersion.current) throws(Failure) -> RunSummary {
        let today = Self.day(date)
        do {
            return try queue.write { db in
                try db.execute(sql: "INSERT INTO run (at, scope, tool_version) VALUES (?, ?, ?)", arguments: [date.timeIntervalSince1970, scope, toolVersion])
                var summary = RunSummary(run: db.lastInsertedRowID)
                for activity in activities {
                    try db.execute(sql: "INSERT INTO run_activity (run, stage, activity, kind, status, findings, seconds) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [summary.run, activity.stage, activity.activity, activity.kind, activity.status, activity.findings, activity.seconds])
                }
                // Acceptances that ran out count again.
                let expired = try String.fetchAll(db, sql: "SELECT fingerprint FROM finding WHERE state = 'accepted' AND expires IS NOT NULL AND expires < ?", arguments: [today])
                for fingerprint in expired {
                    try db.execute(sql: "UPDATE finding SET state = 'open', reason = NULL, expires = NULL WHERE fingerprint = ?", arguments: [fingerprint])
                    try Self.event(db, fingerprint, run: summary.run, at: date, "expired")
                }
                summary.expired = expired
                var seen = Set<String>()
                for finding in findings where !finding.isSuppressed && !finding.fingerprint.isEmpty {
                    guard seen.insert(finding.fingerprint).inserted else { continue }
                    let existing = try Row.fetchOne(db, sql: "SELECT state FROM finding WHERE fingerprint = ?", arguments: [finding.fingerprint])
                    if let existing {
                        let state: String = existing["state"]
                        if state == State.fixed.rawValue {
                            try db.execute(sql: "UPDATE finding SET state = 'open', fixed_at = NULL, reopened = reopened + 1, last_seen = ? WHERE fingerprint = ?",
                                           arguments: [date.timeIntervalSince1970, finding.fingerprint])
                            try Self.event(db, finding.fingerprint, run: summary.run, at: date, "reopened")
                            summary.reopened.append(finding.fingerprint)
                        } else {
                            try db.execute(sql: "UPDATE finding SET last_seen = ?, location = ?, severity = ? WHERE fingerprint = ?",
                                           arguments: [date.timeIntervalSince1970, finding.location.display, finding.severity.rawValue, finding.fingerprint])
                            if state == State.open.rawValue { summary.stillOpen += 1 }
                        }
                    } else {
                        try db.execute(sql: """
                            INSERT INTO finding (fingerprint, rule_id, scanner, title, severity, location, state, first_seen, last_seen)
                            VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)
                            """, arguments: [finding.fingerprint, finding.ruleId.rawValue, finding.scanner, finding.title, finding.severity.rawValue,
                                             finding.location.display, date.timeIntervalSince1970, date.timeIntervalSince1970])
                        try Self.event(db, finding.fingerprint, run: summary.run, at: date, "opened")
                        summary.new.append(finding.fingerprint)
                    }
                }
                if complete {
                    let open = try String.fetchAll(db, sql: "SELECT fingerprint FROM finding WHERE state = 'open'")
                    for fingerprint in open where !seen.contains(fingerprint) {
                        try db.execute(sql: "UPDATE finding SET state = 'fixed', fixed_at = ? WHERE fingerprint = ?", arguments: [date.timeIntervalSince1970, fingerprint])
                        try Self.event(db, fingerprint, run: summary.run, at: date, "fixed")
                        summary.fixed.append(fingerprint)
                    }
                }
                return summary
            }
        } catch {
            throw Failure(description: "cannot record the run in \(path): \(error)")
        }
    }

    static func event(_ db: Database, _ fingerprint: String, run: Int64?, at date: Date, _ change: String, reason: String? = nil) throws {
        try db.execute(sql: "INSERT INTO event (fingerprint, run, at, change, reason) VALUES (?, ?, ?, ?, ?)",
                       arguments: [fingerprint, run, date.timeIntervalSince1970, change, reason])
    }

    /// Sets a finding's state by hand: `accepted` (reason, optional expiry), `false-positive`
    /// (reason), or `open` again.
    public func set(_ fingerprint: String, to state: State, reason: String?, expires: String? = nil, at date: Date = Date()) throws(Failure) {
        guard state != .fixed else { throw Failure(description: "fixed is what a run finds out, not something to set") }
        if state != .open, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw Failure(description: "\(state.rawValue) needs a reason")
        }
        if let expires, !Self.isDay(expires) { throw Failure(description: "expires '\(expires)' is not YYYY-MM-DD") }
        do {
            let changed = try queue.write { db -> Int in
                let matches = try String.fetchAll(db, sql: "SELECT fingerprint FROM finding WHERE fingerprint LIKE ?", arguments: [fingerprint + "%"])
                guard matches.count == 1, let full = matches.first else { return matches.count }
                try db.execute(sql: "UPDATE finding SET state = ?, reason = ?, expires = ? WHERE fingerprint = ?",
                               arguments: [state.rawValue, state == .open ? nil : reason, state == .accepted ? expires : nil, full])
                try Self.event(db, full, run: nil, at: date, state.rawValue, reason: reason)
                return 1
            }
            if changed == 0 { throw Failure(description: "no finding \(fingerprint) in \(path)") }
            if changed > 1 { throw Failure(description: "\(fingerprint) names \(changed) findings: give more of the fingerprint") }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot update \(path): \(error)")
        }
    }

    public func records(state: State? = nil) throws(Failure) -> [Record] {
        do {
            return try queue.read { db in
                let sql = "SELECT * FROM finding" + (state == nil ? "" : " WHERE state = ?") + " ORDER BY first_seen, fingerprint"
                return try Row.fetchAll(db, sql: sql, arguments: state.map { [$0.rawValue] } ?? []).map(Self.record)
            }
        } catch {
            throw Failure(description: "cannot read \(path): \(error)")
        }
    }

    /// Every run, oldest first, with its activities.
    public func runs() throws(Failure) -> [Run] {
        do {
            return try queue.read { db in
                var activities: [Int64: [RunActivity]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM run_activity ORDER BY rowid") {
                    activities[row["run"], default: []].append(RunActivity(stage: row["stage"], activity: row["activity"], kind: row["kind"],
                                                                           status: row["status"], findings: row["findings"], seconds: row["seconds"]))
                }
                return try Row.fetchAll(db, sql: "SELECT id, at, scope FROM run ORDER BY id").map { row in
                    let id: Int64 = row["id"]
                    return Run(id: id, at: Date(timeIntervalSince1970: row["at"]), scope: row["scope"], activities: activities[id] ?? [])
                }
            }
        } catch {
            throw Failure(description: "cannot read \(path): \(error)")
        }
    }

    /// The state a run or a person gave each finding, for suppressing accepted and false-positive ones.
    public func states() throws(Failure) -> [String: State] {
        Dictionary(try records().map { ($0.fingerprint, $0.state) }, uniquingKeysWith: { first, _ in first })
    }

    static func record(_ row: Row) -> Record {
        Record(fingerprint: row["fingerprint"], ruleId: row["rule_id"], scanner: row["scanner"], title: row["title"],
               severity: Severity(rawValue: row["severity"]) ?? .medium, location: row["location"],
               state: State(rawValue: row["state"]) ?? .open, reason: row["reason"], expires: row["expires"],
               firstSeen: Date(timeIntervalSince1970: row["first_seen"]), lastSeen: Date(timeIntervalSince1970: row["last_seen"]),
               fixedAt: (row["fixed_at"] as Double?).map(Date.init(timeIntervalSince1970:)), reopened: row["reopened"])
    }

    static func day(_ date: Date) -> String { UTCDate.day(date) }

    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}

/// Time to fix against service levels, by severity.
public struct SLAReport: Sendable {
    /// Days allowed to fix, by severity (defaults 7/30/90/120 for critical/high/medium/low).
    public static let defaultDays: [Severity: Int] = [.critical: 7, .high: 30, .medium: 90, .low: 120]

    public struct Row: Sendable, Equatable {
        public var severity: Severity
        public var slaDays: Int?
        public var fixed: Int
        /// Median days from first seen to fixed.
        public var medianDaysToFix: Double?
        public var fixedWithinSLA: Int
        public var open: Int
        /// Open longer than the SLA allows.
        public var overdue: Int
    }

    public var rows: [Row]

    public init(_ records: [FindingsHistory.Record], days: [Severity: Int] = SLAReport.defaultDays, now: Date = Date()) {
        rows = [Severity.critical, .high, .medium, .low, .info].map { severity in
            let ofSeverity = records.filter { $0.severity == severity }
            let limit = days[severity]
            let fixTimes = ofSeverity.compactMap { record in record.fixedAt.map { $0.timeIntervalSince(record.firstSeen) / 86_400 } }.sorted()
            let median: Double? = fixTimes.isEmpty ? nil : fixTimes.count % 2 == 1 ? fixTimes[fixTimes.count / 2] : (fixTimes[fixTimes.count / 2 - 1] + fixTimes[fixTimes.count / 2]) / 2
            let open = ofSeverity.filter { $0.state == .open }
            return Row(severity: severity, slaDays: limit, fixed: fixTimes.count, medianDaysToFix: median,
                       fixedWithinSLA: limit.map { limit in fixTimes.filter { $0 <= Double(limit) }.count } ?? fixTimes.count,
                       open: open.count, overdue: limit.map { limit in open.filter { now.timeIntervalSince($0.firstSeen) / 86_400 > Double(limit) }.count } ?? 0)
        }
    }

    public func render() -> String {
        var out = "severity  SLA      fixed  median days to fix  within SLA  open  overdue\n"
        for row in rows {
            let sla = row.slaDays.map { "\($0) d" } ?? "-"
            let median = row.medianDaysToFix.map { String(format: "%.1f", $0) } ?? "-"
            out += [row.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0), sla.padding(toLength: 7, withPad: " ", startingAt: 0),
                    String(row.fixed).padding(toLength: 5, withPad: " ", startingAt: 0), median.padding(toLength: 18, withPad: " ", startingAt: 0),
                    String(row.fixedWithinSLA).padding(toLength: 10, withPad: " ", startingAt: 0), String(row.open).padding(toLength: 4, withPad: " ", startingAt: 0),
                    String(row.overdue)].joined(separator: "  ") + "\n"
        }
        return out
    }
}

import Foundation
import RampartCore
@testable import RampartHistory
import RampartTestSupport
import Testing

@Suite struct FindingsHistoryTests {
    static func finding(_ fingerprint: String, _ severity: Severity = .high, path: String = "app.py") -> Finding {
        Finding(ruleId: "python/B602", title: "shell", message: "m", severity: severity, confidence: .high,
                location: .source(SourceLocation(path: path, line: 3)), fingerprint: fingerprint)
    }

    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_750_000_000)

    @Test func statesAcrossRuns() throws {
        let dir = TemporaryDirectory()
        let history = try FindingsHistory(path: dir.path + "/.rampart/findings.db")
        let first = try history.record([Self.finding("a"), Self.finding("b", .critical)], at: Self.start, complete: true, scope: "full")
        #expect(first.new == ["a", "b"] && first.fixed.isEmpty)
        // b is gone from a full run: fixed after 3 days; a is still there.
        let second = try history.record([Self.finding("a")], at: Self.start + 3 * Self.day, complete: true, scope: "full")
        #expect(second.fixed == ["b"] && second.stillOpen == 1)
        // A partial run sees nothing of a: it fixes nothing.
        let partial = try history.record([], at: Self.start + 4 * Self.day, complete: false, scope: "since main")
        #expect(partial.fixed.isEmpty)
        // b comes back: reopened.
        let third = try history.record([Self.finding("a"), Self.finding("b", .critical)], at: Self.start + 10 * Self.day, complete: true, scope: "full")
        #expect(third.reopened == ["b"])
        let records = Dictionary(uniqueKeysWithValues: try history.records().map { ($0.fingerprint, $0) })
        #expect(records["b"]?.state == .open && records["b"]?.reopened == 1 && records["b"]?.firstSeen == Self.start)
        #expect(records["a"]?.lastSeen == Self.start + 10 * Self.day)
    }

    @Test func decisionsNeedReasonsAndExpire() throws {
        let dir = TemporaryDirectory()
        let history = try FindingsHistory(path: dir.path + "/findings.db")
        try history.record([Self.finding("abc123"), Self.finding("abd456")], at: Self.start, complete: true, scope: "full")
        #expect(throws: FindingsHistory.Failure.self) { try history.set("abc123", to: .accepted, reason: " ") }
        #expect(throws: FindingsHistory.Failure.self) { try history.set("ab", to: .accepted, reason: "x") }
        #expect(throws: FindingsHistory.Failure.self) { try history.set("zzz", to: .accepted, reason: "x") }
        #expect(throws: FindingsHistory.Failure.self) { try history.set("abc", to: .accepted, reason: "x", expires: "soon") }
        #expect(throws: FindingsHistory.Failure.self) { try history.set("abc", to: .fixed, reason: "x") }
        try history.set("abc", to: .accepted, reason: "internal tool, no user input", expires: "2025-06-20")
        try history.set("abd", to: .falsePositive, reason: "the command is a constant")
        let states = try history.states()
        #expect(states["abc123"] == .accepted && states["abd456"] == .falsePositive)
        // A run after the expiry: open again. A false positive stays one, and is not fixed by absence.
        let later = try history.record([Self.finding("abc123")], at: Date(timeIntervalSince1970: 1_751_000_000), complete: true, scope: "full")
        #expect(later.expired == ["abc123"] && later.fixed.isEmpty)
        #expect(try history.states()["abc123"] == .open && history.states()["abd456"] == .falsePositive)
    }

    @Test func timeToFixAgainstTheSLA() throws {
        let dir = TemporaryDirectory()
        let history = try FindingsHistory(path: dir.path + "/findings.db")
        try history.record([Self.finding("c1", .critical), Self.finding("c2", .critical), Self.finding("h1", .high), Self.finding("m1", .medium)],
                           at: Self.start, complete: true, scope: "full")
        try history.record([Self.finding("c2", .critical), Self.finding("h1", .high), Self.finding("m1", .medium)], at: Self.start + 2 * Self.day, complete: true, scope: "full")
        try history.record([Self.finding("h1", .high), Self.finding("m1", .medium)], at: Self.start + 12 * Self.day, complete: true, scope: "full")
        let report = SLAReport(try history.records(), now: Self.start + 40 * Self.day)
        let critical = try #require(report.rows.first { $0.severity == .critical })
        #expect(critical.fixed == 2 && critical.medianDaysToFix == 7 && critical.fixedWithinSLA == 1)
        let high = try #require(report.rows.first { $0.severity == .high })
        #expect(high.open == 1 && high.overdue == 1, "open 40 days against 30")
        let medium = try #require(report.rows.first { $0.severity == .medium })
        #expect(medium.open == 1 && medium.overdue == 0)
        #expect(report.render().contains("critical  7 d"))
    }

    @Test func aDamagedDatabaseIsAnError() throws {
        let dir = TemporaryDirectory()
        try dir.write("findings.db", "this is not SQLite at all, just text\n")
        #expect(throws: FindingsHistory.Failure.self) { try FindingsHistory(path: dir.path + "/findings.db") }
    }
}

import Foundation
import RampartCore

/// InSpec's JSON reporter format (`inspec exec --reporter json`), so dashboards and Heimdall-style
/// viewers read Rampart's results: platform, profiles with controls and their results
/// (`status`, `code_desc`, `message` or `skip_message`), statistics.
public enum InSpecJSON {
    public static func render(_ reports: [ProfileReport], platform: OSInfo?, generated: Date = Date()) -> String {
        let timestamp = ISO8601DateFormatter().string(from: generated)
        let profiles: [JSONValue] = reports.map { report in
            let controls: [JSONValue] = report.results.map { result in
                let control = result.control
                let results: [JSONValue] = result.results.map { check in
                    JSONValue.compactObject([
                        ("status", .string(check.status == .error ? "failed" : check.status.rawValue)),
                        ("code_desc", .string(check.codeDesc)),
                        ("run_time", .double(0)),
                        ("start_time", .string(timestamp)),
                        ("message", check.status == .skipped ? nil : check.message.map(JSONValue.string)),
                        ("skip_message", check.status == .skipped ? .string(check.message ?? "skipped") : nil),
                        ("exception", check.status == .error ? .string("RampartError") : nil),
                    ])
                }
                var tags: [(String, JSONValue)] = control.tags.map { ($0, .null) }
                if let note = control.note { tags.append(("rampart_note", .string(note))) }
                var waiver: [(String, JSONValue?)] = []
                if let waived = report.waived[control.id] {
                    waiver = [("justification", .string(waived.reason)), ("run", .bool(waived.expired)), ("skipped_due_to_waiver", .bool(!waived.expired)),
                              ("message", .string(waived.expired ? "waiver expired" : ""))]
                }
                return JSONValue.compactObject([
                    ("id", .string(control.id)),
                    ("title", .string(control.title)),
                    ("desc", .string(control.description)),
                    ("descriptions", .array([.object([("label", .string("default")), ("data", .string(control.description))])])),
                    ("impact", .double(control.impact)),
                    ("refs", .array(control.references.map { .object([("url", .string($0))]) })),
                    ("tags", .object(tags)),
                    ("code", .string(control.checks.map(Self.describe).joined(separator: "\n"))),
                    ("source_location", .object([("ref", .string("rampart:\(report.profile.name)")), ("line", .int(0))])),
                    ("waiver_data", waiver.isEmpty ? .object([]) : JSONValue.compactObject(waiver)),
                    ("results", .array(results)),
                ])
            }
            return .object([
                ("name", .string(report.profile.name)),
                ("version", .string(report.profile.version)),
                ("title", .string(report.profile.title)),
                ("summary", .string(report.profile.title)),
                ("status", .string("loaded")),
                ("supports", .array([])),
                ("attributes", .array([])),
                ("groups", .array([.object([("id", .string("controls")), ("controls", .array(report.results.map { .string($0.control.id) }))])])),
                ("controls", .array(controls)),
            ])
        }
        let duration = reports.reduce(0) { $0 + $1.durationSeconds }
        return JSONValue.object([
            ("platform", .object([
                ("name", .string(platform?.id ?? "unknown")), ("release", .string(platform?.versionID ?? "")),
                ("target_id", .string(reports.first?.target ?? "")),
            ])),
            ("profiles", .array(profiles)),
            ("statistics", .object([("duration", .double(duration))])),
            ("version", .string("rampart-\(RampartVersion.current)")),
        ]).serialized(pretty: true) + "\n"
    }

    static func describe(_ check: Check) -> String {
        switch check {
        case .expect(let query, let matcher): ProfileRunner.describe(query, matcher)
        case .custom(let custom): custom.description
        }
    }
}

/// The compliance summary per profile: passed, failed, skipped, score.
public enum ComplianceSummary {
    public static func render(_ reports: [ProfileReport]) -> String {
        var out = ""
        for report in reports {
            out += "\(report.profile.name) on \(report.target): \(report.count(.passed)) passed, \(report.count(.failed)) failed, "
                + "\(report.count(.skipped)) skipped, \(report.count(.error)) errors — compliance "
                + String(format: "%.0f%% (%.2f s)\n", report.score, report.durationSeconds)
        }
        return out
    }
}

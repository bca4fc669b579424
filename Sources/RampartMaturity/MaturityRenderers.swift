import Foundation
import RampartCore

/// The report as text, JSON and a self-contained HTML page with a radar chart.
public enum MaturityRenderer {
    static let symbols: [MaturityStatus: String] = [.implemented: "✔", .partial: "◐", .notImplemented: "✘", .notApplicable: "–", .needsHuman: "?"]

    /// The text report: one line per sub-dimension, then each assessed activity with its proofs.
    public static func text(_ report: MaturityReport, verbose: Bool = false) -> String {
        var out = "DSOMM \(report.modelVersion) assessment of \(report.team), \(UTCDate.day(report.date))\n"
        let automatic = report.entries.filter(\.automatic)
        let counts = MaturityStatus.allCases.map { status in "\(automatic.count { $0.assessment.status == status }) \(status.rawValue)" }.joined(separator: ", ")
        out += "\(automatic.count) of \(report.entries.count) activities assessed from evidence: \(counts); \(report.entries.count - automatic.count) need a person.\n\n"
        let width = report.subDimensions.map(\.name.count).max() ?? 20
        for dimension in report.subDimensions.map(\.dimension).uniqued() {
            out += "\(dimension)\n"
            for sub in report.subDimensions where sub.dimension == dimension {
                let padded = sub.name.padding(toLength: width, withPad: " ", startingAt: 0)
                guard let level = sub.level else {
                    out += "  \(padded)  –/\(sub.maxLevel)  (\(sub.assessed > 0 ? "nothing here to judge from evidence" : "needs a person"))\n"
                    continue
                }
                let bar = String(repeating: "█", count: Int((sub.score * 10).rounded())) + String(repeating: "░", count: 10 - Int((sub.score * 10).rounded()))
                let next = sub.next.prefix(2).map { "\($0.activity.name) (L\($0.activity.level))" }.joined(separator: ", ")
                out += "  \(padded)  \(level)/\(sub.maxLevel)  \(bar) \(String(format: "%3.0f%%", sub.score * 100))" + (next.isEmpty ? "" : "  next: \(next)") + "\n"
            }
        }
        out += "\nActivities assessed from evidence\n"
        for sub in report.subDimensions where sub.assessed > 0 {
            out += "\n\(sub.dimension) / \(sub.name)\n"
            for entry in sub.entries where entry.automatic {
                out += "  \(symbols[entry.assessment.status] ?? " ") L\(entry.activity.level) \(entry.activity.name): \(entry.assessment.status.rawValue)"
                out += entry.assessment.note.map { " — \($0)" } ?? ""
                out += "\n"
                for proof in entry.assessment.proofs.prefix(verbose ? 20 : 3) { out += "      \(proof.display)\n" }
            }
        }
        if !report.unknownChecks.isEmpty {
            out += "\nNot in this model file (another DSOMM version?): \(report.unknownChecks.joined(separator: ", "))\n"
        }
        return out
    }

    public static func json(_ report: MaturityReport) -> String {
        func proof(_ proof: Proof) -> JSONValue {
            .compactObject([("text", .string(proof.text)), ("file", proof.file.map(JSONValue.string)), ("line", proof.line.map { .int($0) })])
        }
        func entry(_ entry: MaturityReport.Entry) -> JSONValue {
            .compactObject([
                ("uuid", .string(entry.activity.uuid)), ("name", .string(entry.activity.name)), ("level", .int(entry.activity.level)),
                ("status", .string(entry.assessment.status.rawValue)), ("automatic", .bool(entry.automatic)),
                ("note", entry.assessment.note.map(JSONValue.string)), ("evidence", .array(entry.assessment.proofs.map(proof))),
            ])
        }
        let value = JSONValue.object([
            ("schema", .string("https://rampart.dev/schemas/maturity-v1.json")),
            ("model", .object([("name", .string("OWASP DevSecOps Maturity Model")), ("version", .string(report.modelVersion))])),
            ("team", .string(report.team)), ("date", .string(UTCDate.day(report.date))),
            ("subDimensions", .array(report.subDimensions.map { sub in
                .compactObject([
                    ("dimension", .string(sub.dimension)), ("name", .string(sub.name)), ("level", sub.level.map { .int($0) }),
                    ("maxLevel", .int(sub.maxLevel)), ("score", .double((sub.score * 1000).rounded() / 1000)), ("assessed", .int(sub.assessed)),
                    ("next", .array(sub.next.map { .string($0.activity.uuid) })), ("activities", .array(sub.entries.map(entry))),
                ])
            })),
            ("unknownChecks", .array(report.unknownChecks.map(JSONValue.string))),
        ])
        return value.serialized(pretty: true) + "\n"
    }

    /// A page with no external assets: the radar of levels, then each sub-dimension's activities.
    public static func html(_ report: MaturityReport) -> String {
        let axes = report.subDimensions.filter { $0.level != nil }
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>DSOMM assessment of \(escape(report.team))</title>
            <style>
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1d2330}
            h1{font-size:1.5em} h2{font-size:1.15em;margin-top:2em} table{border-collapse:collapse;width:100%}
            td,th{border-bottom:1px solid #e3e6ec;padding:.35em .5em;text-align:left;vertical-align:top}
            .implemented{color:#17803d}.partial{color:#b26b00}.not-implemented{color:#b3261e}.not-applicable,.needs-a-human{color:#6b7280}
            .proof{font:12px ui-monospace,monospace;color:#4b5563} svg text{font:11px system-ui,sans-serif;fill:#374151}
            </style></head><body>
            <h1>DSOMM \(escape(report.modelVersion)) assessment of \(escape(report.team))</h1>
            <p>\(UTCDate.day(report.date)) · \(report.entries.count { $0.automatic }) of \(report.entries.count) activities assessed from evidence by <code>rampart maturity</code>; the others need a person.</p>

            """
        page += radar(axes)
        page += "<h2>Levels</h2><table><tr><th>Dimension</th><th>Sub-dimension</th><th>Level</th><th>Score</th><th>Next</th></tr>\n"
        for sub in report.subDimensions {
            page += "<tr><td>\(escape(sub.dimension))</td><td>\(escape(sub.name))</td><td>\(sub.level.map { "\($0) / \(sub.maxLevel)" } ?? "needs a person")</td>"
            page += "<td>\(sub.level == nil ? "" : String(format: "%.0f%%", sub.score * 100))</td><td>\(sub.next.map { escape($0.activity.name) }.joined(separator: ", "))</td></tr>\n"
        }
        page += "</table>\n"
        for sub in report.subDimensions where sub.assessed > 0 {
            page += "<h2>\(escape(sub.dimension)) / \(escape(sub.name))</h2><table>\n"
            for entry in sub.entries {
                let status = entry.assessment.status.rawValue
                page += "<tr><td>L\(entry.activity.level)</td><td>\(escape(entry.activity.name))</td><td class=\"\(status)\">\(status)</td><td>"
                page += escape(entry.assessment.note ?? "")
                for proof in entry.assessment.proofs.prefix(6) { page += "<div class=\"proof\">\(escape(proof.display))</div>" }
                page += "</td></tr>\n"
            }
            page += "</table>\n"
        }
        return page + "<p>Model: OWASP DevSecOps Maturity Model \(escape(report.modelVersion)) (dsomm.owasp.org), read at run time.</p></body></html>\n"
    }

    /// An SVG radar: one axis per sub-dimension assessed from evidence, rings for levels 1 to 5.
    static func radar(_ axes: [MaturityReport.SubDimension]) -> String {
        guard axes.count >= 3 else { return "" }
        let size = 560.0, center = size / 2, radius = 190.0
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(axes.count)
            return (center + cos(angle) * radius * value / 5, center + sin(angle) * radius * value / 5)
        }
        func polygon(_ values: [Double]) -> String {
            values.enumerated().map { index, value in let p = point(index, value); return String(format: "%.1f,%.1f", p.0, p.1) }.joined(separator: " ")
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Levels per sub-dimension\" width=\"\(Int(size))\" height=\"\(Int(size))\" viewBox=\"0 0 \(Int(size)) \(Int(size))\">\n"
        for ring in 1...5 {
            svg += "<polygon points=\"\(polygon(Array(repeating: Double(ring), count: axes.count)))\" fill=\"none\" stroke=\"#d1d5db\"/>\n"
        }
        for (index, axis) in axes.enumerated() {
            let end = point(index, 5), label = point(index, 6.1)
            svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d1d5db\"/>\n", center, center, end.0, end.1)
            let anchor = abs(label.0 - center) < 20 ? "middle" : label.0 < center ? "end" : "start"
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%@\">%@</text>\n", label.0, label.1, anchor, escape(axis.name))
        }
        svg += "<polygon points=\"\(polygon(axes.map { $0.score * Double($0.maxLevel) }))\" fill=\"#93c5fd\" fill-opacity=\"0.35\" stroke=\"#60a5fa\" stroke-dasharray=\"4 3\"><title>score × highest level</title></polygon>\n"
        svg += "<polygon points=\"\(polygon(axes.map { Double($0.level ?? 0) }))\" fill=\"#2563eb\" fill-opacity=\"0.35\" stroke=\"#1d4ed8\" stroke-width=\"2\"><title>level reached</title></polygon>\n"
        return svg + "</svg>\n"
    }

    static func escape(_ text: String) -> String { XML.escape(text) }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

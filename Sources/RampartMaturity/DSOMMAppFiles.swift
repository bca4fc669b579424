import Foundation
import RampartCore
import Yams

/// The DSOMM application's own files (4.x): `team-progress.yaml` (activity UUID → team → state →
/// date) and `team-evidence.yaml` (activity UUID → evidence entries), so a team loads the
/// assessment into the stock app next to its `meta.yaml`.
public enum DSOMMAppFiles {
    /// Progress states, lowest first, without the 0 % one (never written).
    public struct States: Sendable, Equatable {
        public var titles: [(title: String, score: Double)]

        public static func == (a: States, b: States) -> Bool { a.titles.map(\.title) == b.titles.map(\.title) && a.titles.map(\.score) == b.titles.map(\.score) }

        /// The titles of the app's sample progress file, when no `meta.yaml` is given.
        public static let `default` = States(titles: [("Started", 0.3), ("Implemented", 1)])

        /// Titles to write for a status: every one up to the state reached, as the app's UI does.
        func titles(for status: MaturityStatus) -> [String] {
            switch status {
            case .implemented: return titles.map(\.title)
            case .partial:
                guard let partial = titles.last(where: { $0.score < 1 && $0.score >= 0.3 }) ?? titles.first(where: { $0.score < 1 }) else { return [] }
                return titles.filter { $0.score <= partial.score }.map(\.title)
            case .notImplemented, .notApplicable, .needsHuman: return []
            }
        }
    }

    public struct Failure: Error, Sendable, CustomStringConvertible { public var description: String }

    /// `progressDefinition` of a DSOMM `meta.yaml`: `{title: {score: 30%, definition: …}}` or `{title: 30%}`.
    public static func states(meta path: String) throws(Failure) -> States {
        guard let data = FileReader.data(path, limit: 4 << 20) else { throw Failure(description: "cannot read \(path)") }
        let root: Any?
        do {
            root = try Yams.load(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw Failure(description: "\(path): not valid YAML: \(error)")
        }
        guard let definition = (root as? [String: Any])?["progressDefinition"] as? [String: Any], !definition.isEmpty else {
            throw Failure(description: "\(path): no progressDefinition (state title → score)")
        }
        func score(_ value: Any?) -> Double? {
            if let number = value as? Double { return number > 1 ? number / 100 : number }
            if let number = value as? Int { return Double(number) > 1 ? Double(number) / 100 : Double(number) }
            if let text = value as? String {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.hasSuffix("%"), let percent = Double(trimmed.dropLast()) { return percent / 100 }
                return Double(trimmed)
            }
            return nil
        }
        let titles = definition.compactMap { title, value -> (String, Double)? in
            guard let value = score((value as? [String: Any])?["score"] ?? value) else { return nil }
            return (title, value)
        }.filter { $0.1 > 0 }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard titles.contains(where: { $0.1 >= 1 }) else { throw Failure(description: "\(path): progressDefinition has no state of score 100%") }
        return States(titles: titles)
    }

    /// `team-progress.yaml`. Dates already in `previous` (the file as it was) are kept: the app
    /// keeps the earliest date of a state, so a state reached long ago stays dated then.
    public static func progress(_ report: MaturityReport, states: States = .default, previous: String? = nil) -> String {
        let earlier = previous.map(previousDates) ?? [:]
        let today = UTCDate.day(report.date)
        var out = "# Written by rampart maturity (DSOMM \(report.modelVersion)): load it as teamProgressFile of the DSOMM app's meta.yaml.\nprogress:\n"
        for entry in report.entries where entry.automatic {
            let titles = states.titles(for: entry.assessment.status)
            guard !titles.isEmpty else { continue }
            out += "  \(entry.activity.uuid):  # \(entry.activity.name.replacingOccurrences(of: "\n", with: " "))\n"
            out += "    \(quote(report.team)):\n"
            for title in titles {
                out += "      \(quote(title)): \(earlier[entry.activity.uuid]?[report.team]?[title] ?? today)\n"
            }
        }
        return out
    }

    /// `team-evidence.yaml`: one entry per activity assessed from evidence, implemented or partial,
    /// with the proofs; its id is stable, so loading it again updates the entry.
    public static func evidence(_ report: MaturityReport, links: [String] = []) -> String {
        var out = "# Written by rampart maturity (DSOMM \(report.modelVersion)): load it as teamEvidenceFile of the DSOMM app's meta.yaml.\nevidence:\n"
        for entry in report.entries where entry.automatic && (entry.assessment.status == .implemented || entry.assessment.status == .partial) {
            var description = "Rampart assessed this activity as **\(entry.assessment.status.rawValue)**"
            description += entry.assessment.note.map { ": \($0)." } ?? "."
            if !entry.assessment.proofs.isEmpty {
                description += "\n\n" + entry.assessment.proofs.map { "- `\($0.display.replacingOccurrences(of: "`", with: "'"))`" }.joined(separator: "\n")
            }
            out += "  \(entry.activity.uuid):  # \(entry.activity.name.replacingOccurrences(of: "\n", with: " "))\n"
            out += "    - id: \(Fingerprint.uuid(for: "rampart-maturity\u{0}\(report.team)\u{0}\(entry.activity.uuid)"))\n"
            out += "      teams: [\(quote(report.team))]\n"
            out += "      title: \(quote("Rampart: \(entry.activity.name) (\(entry.assessment.status.rawValue))"))\n"
            out += "      evidenceRecorded: \(UTCDate.day(report.date))\n"
            out += "      reviewer: \(quote("rampart maturity"))\n"
            out += "      description: \(quote(description))\n"
            if !links.isEmpty {
                out += "      attachment:\n"
                for link in links { out += "        - {type: link, externalLink: \(quote(link))}\n" }
            }
        }
        return out
    }

    /// A YAML double-quoted scalar (JSON's escapes are YAML's).
    static func quote(_ text: String) -> String {
        var out = ""
        JSONValue.string(text).write(to: &out, pretty: false, indent: 0)
        return out
    }

    /// uuid → team → title → `YYYY-MM-DD` of a progress file.
    static func previousDates(_ yaml: String) -> [String: [String: [String: String]]] {
        guard let root = (try? Yams.load(yaml: yaml)) as? [String: Any], let progress = root["progress"] as? [String: Any] else { return [:] }
        var dates: [String: [String: [String: String]]] = [:]
        for (uuid, teams) in progress {
            for (team, titles) in teams as? [String: Any] ?? [:] {
                for (title, date) in titles as? [String: Any] ?? [:] {
                    let day: String? = (date as? Date).map(UTCDate.day) ?? (date as? String).flatMap { ConfigurationLoader.isISODate($0) ? $0 : nil }
                    if let day { dates[uuid, default: [:]][team, default: [:]][title] = day }
                }
            }
        }
        return dates
    }
}

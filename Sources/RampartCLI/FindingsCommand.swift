import ArgumentParser
import Foundation
import RampartCore
import RampartHistory

/// `rampart findings`: the findings history that pipeline runs keep in `.rampart/findings.db`.
struct FindingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "The findings history: list, show, accept, reject (false positive), reopen, and time to fix against SLAs.",
        subcommands: [List.self, Show.self, Accept.self, Reject.self, Reopen.self, SLA.self]
    )

    struct Database: ParsableArguments {
        @Option(name: .customLong("db"), help: ArgumentHelp("The history database.", valueName: "path"))
        var path = FindingsHistory.defaultPath

        func open() throws -> FindingsHistory {
            guard FileManager.default.fileExists(atPath: path) else {
                throw UsageFailure("error: no findings history at \(path): `rampart pipeline run` records one")
            }
            do {
                return try FindingsHistory(path: path)
            } catch {
                throw UsageFailure("error: \(error)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List findings (all, or in one state).")
        @OptionGroup var database: Database
        @Option(help: "open, fixed, accepted or false-positive.") var state: String?

        func run() async throws {
            let history = try database.open()
            var wanted: FindingsHistory.State?
            if let state {
                guard let parsed = FindingsHistory.State(rawValue: state) else { throw UsageFailure("error: unknown state '\(state)'") }
                wanted = parsed
            }
            for record in try history.records(state: wanted) {
                Terminal.writeStdout(TextEscaping.escape("\(record.fingerprint.prefix(12))  \(record.state.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(record.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(record.ruleId)  \(record.location)") + "\n")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One finding's record.")
        @OptionGroup var database: Database
        @Argument(help: "The fingerprint (or its start).") var fingerprint: String

        func run() async throws {
            let matches = try database.open().records().filter { $0.fingerprint.hasPrefix(fingerprint) }
            guard matches.count == 1, let record = matches.first else { throw UsageFailure("error: \(matches.isEmpty ? "no finding" : "\(matches.count) findings") for \(fingerprint)") }
            let formatter = ISO8601DateFormatter()
            Terminal.writeStdout("""
                fingerprint  \(record.fingerprint)
                rule         \(record.ruleId) (\(record.scanner)): \(record.title)
                severity     \(record.severity.rawValue)
                location     \(record.location)
                state        \(record.state.rawValue)\(record.reason.map { ": \($0)" } ?? "")\(record.expires.map { " until \($0)" } ?? "")
                first seen   \(formatter.string(from: record.firstSeen))
                last seen    \(formatter.string(from: record.lastSeen))
                fixed        \(record.fixedAt.map(formatter.string(from:)) ?? "-")
                reopened     \(record.reopened) times

                """)
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept a risk: the finding stops gating, with a reason, until an expiry date.")
        @OptionGroup var database: Database
        @Argument(help: "The fingerprint (or its start).") var fingerprint: String
        @Option(help: "Why the risk is accepted.") var reason: String
        @Option(help: ArgumentHelp("The last day it is accepted (YYYY-MM-DD).", valueName: "date")) var expires: String?

        func run() async throws {
            do { try database.open().set(fingerprint, to: .accepted, reason: reason, expires: expires) } catch let error as UsageFailure { throw error } catch { throw UsageFailure("error: \(error)") }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a finding a false positive, with a reason.")
        @OptionGroup var database: Database
        @Argument(help: "The fingerprint (or its start).") var fingerprint: String
        @Option(help: "Why it is not a flaw.") var reason: String

        func run() async throws {
            do { try database.open().set(fingerprint, to: .falsePositive, reason: reason) } catch let error as UsageFailure { throw error } catch { throw UsageFailure("error: \(error)") }
        }
    }

    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open an accepted or rejected finding again.")
        @OptionGroup var database: Database
        @Argument(help: "The fingerprint (or its start).") var fingerprint: String

        func run() async throws {
            do { try database.open().set(fingerprint, to: .open, reason: nil) } catch let error as UsageFailure { throw error } catch { throw UsageFailure("error: \(error)") }
        }
    }

    struct SLA: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sla", abstract: "Time to fix by severity against service levels (default 7/30/90/120 days).")
        @OptionGroup var database: Database
        @Option(help: ArgumentHelp("Days per severity, e.g. critical=3,high=14.", valueName: "levels")) var days: String?

        func run() async throws {
            var levels = SLAReport.defaultDays
            for pair in (days ?? "").split(separator: ",") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let severity = Severity(rawValue: String(parts[0])), let value = Int(parts[1]), value > 0 else {
                    throw UsageFailure("error: --days takes severity=days pairs, e.g. critical=3,high=14")
                }
                levels[severity] = value
            }
            Terminal.writeStdout(SLAReport(try database.open().records(), days: levels).render())
        }
    }
}

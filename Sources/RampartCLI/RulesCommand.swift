import ArgumentParser
import Foundation
import RampartCore
import RampartCustomRules
import RampartPythonSAST

/// `rampart rules list|show|docs`: the rule catalogue, from the rules' own metadata.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List rules, show one rule's page, write every rule's documentation page, test custom rules, or export the built-in taint rules.",
        subcommands: [List.self, Show.self, Docs.self, Test.self, ExportTaint.self]
    )

    static func allRules() -> [(scanner: any SecurityScanner, rule: RuleMetadata)] {
        ScannerCatalog.current.flatMap { scanner in scanner.rules.map { (scanner, $0) } }
    }

    /// `rampart rules test PATH…`: custom rule files against their annotated targets, as
    /// `semgrep --test` checks them.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Test custom rules: each X.yaml against X.py's `# ruleid:`/`# ok:` annotations, and X.fixed.py for fixes."
        )

        @Argument(help: "Rule files or folders of them (each beside its target of the same name).")
        var paths: [String] = ["."]

        @Option(help: "text or json.")
        var format: String = "text"

        func validate() throws {
            guard ["text", "json"].contains(format) else { throw ValidationError("--format takes text or json") }
        }

        func run() async throws {
            var cases: [RuleTester.Case] = []
            var problems: [String] = []
            for path in paths {
                let found = RuleTester.cases(at: path)
                cases += found.cases
                problems += found.problems
            }
            guard !cases.isEmpty else {
                throw UsageFailure("error: no rule file with a target beside it (X.yaml and X.py) in \(paths.joined(separator: ", "))" +
                                   (problems.isEmpty ? "" : "\n" + problems.joined(separator: "\n")))
            }
            let results = cases.map(RuleTester.run)
            if format == "json" {
                let json: JSONValue = .object([
                    ("passed", .bool(results.allSatisfy(\.passed) && problems.isEmpty)),
                    ("files", .array(results.map { r in .compactObject([
                        ("rules", .string(r.testCase.rules)),
                        ("target", .string(r.testCase.target)),
                        ("passed", .bool(r.passed)),
                        ("errors", .array(r.errors.map(JSONValue.string))),
                        ("fix", r.fixPassed.map(JSONValue.bool)),
                        ("results", .array(r.rules.map { rule in .object([
                            ("rule", .string(rule.rule)), ("passed", .bool(rule.passed)),
                            ("expected", .array(rule.expected.map(JSONValue.int))),
                            ("reported", .array(rule.reported.map(JSONValue.int))),
                        ]) })),
                    ]) })),
                    ("problems", .array(problems.map(JSONValue.string))),
                ])
                Terminal.writeStdout(json.serialized(pretty: true) + "\n")
            } else {
                Terminal.writeStdout(TextEscaping.escapeKeepingLines(RuleTester.render(results, problems: problems)))
            }
            if !results.allSatisfy(\.passed) || !problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every rule.")

        @Option(help: "table or json.")
        var format: String = "table"

        @Option(help: "Only the rules of this scanner.")
        var scanner: String?

        func validate() throws {
            guard ["table", "json"].contains(format) else { throw ValidationError("--format takes table or json") }
        }

        func run() async throws {
            let rules = allRules().filter { scanner == nil || $0.scanner.id == scanner }
            if format == "json" {
                let list: JSONValue = .array(rules.map { entry in
                    let rule = entry.rule
                    return .compactObject([
                        ("id", .string(rule.id.rawValue)),
                        ("scanner", .string(entry.scanner.id)),
                        ("title", .string(rule.title)),
                        ("severity", .string(rule.severity.rawValue)),
                        ("confidence", .string(rule.confidence.rawValue)),
                        ("cwe", .array(rule.cwe.map { .int($0) })),
                        ("owasp", rule.owasp.map { .string($0.rawValue) }),
                        ("tags", .array(rule.tags.map(JSONValue.string))),
                        ("aliases", .array(rule.aliases.map(JSONValue.string))),
                        ("status", .string(rule.status.rawValue)),
                    ])
                })
                Terminal.writeStdout(list.serialized(pretty: true) + "\n")
                return
            }
            guard !rules.isEmpty else {
                Terminal.writeStdout("No rules: this build has no scanners yet.\n")
                return
            }
            var rows = [["ID", "SEVERITY", "CONFIDENCE", "CWE", "TITLE"]]
            for (_, rule) in rules {
                rows.append([rule.id.rawValue, rule.severity.rawValue, rule.confidence.rawValue, rule.cwe.map { "CWE-\($0)" }.joined(separator: ","), rule.title])
            }
            var widths = rows[0].map(\.count)
            for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
            for row in rows {
                Terminal.writeStdout(row.enumerated().map { i, cell in
                    i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                }.joined(separator: "  ") + "\n")
            }
            Terminal.writeStdout("\n\(rules.count) rules\n")
        }
    }

    /// `rampart rules export-taint`: the built-in taint rules in Semgrep's format.
    struct ExportTaint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-taint",
            abstract: "Print the built-in taint rules in Semgrep's rule format (the starting point of a custom rule).")

        @Flag(help: "Leave out what only Rampart reads (guards), so that Semgrep takes the file.")
        var semgrep = false

        func run() async throws {
            Terminal.writeStdout(PythonTaintRules.yaml(semgrepCompatible: semgrep))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one rule's documentation page.")

        @Argument(help: "A rule id (python/B602), its code (B602) or an alias.")
        var id: String

        func run() async throws {
            guard let entry = allRules().first(where: { $0.rule.isNamed(id) }) else {
                throw UsageFailure("error: no rule named '\(id)'; `rampart rules list` shows them")
            }
            Terminal.writeStdout(RulePage.markdown(for: entry.rule, scannerTitle: entry.scanner.title))
        }
    }

    struct Docs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "docs",
            abstract: "Write one Markdown page per rule (OUT/<scanner>/<code>.md) and an index."
        )

        @Option(name: .long, help: ArgumentHelp("The folder to write into.", valueName: "dir"))
        var out: String

        func run() async throws {
            let rules = allRules()
            let fm = FileManager.default
            var index = "# Rampart rules\n\nGenerated by `rampart rules docs` from each rule's metadata; do not edit by hand.\n\n"
            index += rules.isEmpty ? "No rules yet.\n" : "| Rule | Severity | Title |\n|---|---|---|\n"
            do {
                try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
                for (scanner, rule) in rules {
                    let folder = out + "/" + rule.id.scanner
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    let page = RulePage.markdown(for: rule, scannerTitle: scanner.title)
                    try Data(page.utf8).write(to: URL(fileURLWithPath: folder + "/" + rule.id.code + ".md"), options: .atomic)
                    index += "| [\(rule.id)](\(rule.id.scanner)/\(rule.id.code).md) | \(rule.severity.rawValue) | \(rule.title) |\n"
                }
                try Data(index.utf8).write(to: URL(fileURLWithPath: out + "/README.md"), options: .atomic)
            } catch {
                throw UsageFailure("error: cannot write rule pages to \(out): \(error.localizedDescription)")
            }
            Terminal.writeStderr("wrote \(rules.count) rule pages to \(out)\n")
        }
    }
}

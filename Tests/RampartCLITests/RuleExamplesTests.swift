import Foundation
import RampartCLI
import RampartCore
import RampartDeps
import RampartEngine
import RampartTestSupport
import RampartWeb
import Testing

/// Every rule of every scanner (the binary's and the test scanners) runs its own examples: each
/// triggering example must fire the rule and each passing one must not. Triggering examples are
/// then mutated: CRLF line ends must still fire, and a suppression comment on the reported line
/// must silence them.
@Suite struct RuleExamplesTests {
    /// The binary's scanners; the deps scanner reads the demo's sample of real advisories.
    /// Host controls are excluded: their "examples" are whole systems. Each is exercised on a
    /// fixture root file system, the real Debian one (every control has a result, every fixable
    /// one passes after hardening) and over SSH (RampartHostTests).
    static let scanners: [any SecurityScanner] = ScannerCatalog.builtIn.filter { $0.id != "host" }.map { scanner in
        if var web = scanner as? WebScanner {
            // Opt-in rules run their examples too.
            web.options.enable = Set(web.rules.map(\.id.rawValue))
            return web
        }
        guard var deps = scanner as? DepsScanner else { return scanner }
        deps.options.advisoriesPath = PythonOracle.packageRoot + "/examples/demo/advisories/osv-sample.json"
        deps.options.allowStale = true
        return deps
    } + [TokenScanner()]

    struct Case: Sendable, CustomTestStringConvertible {
        var scannerIndex: Int
        var rule: RuleMetadata
        var example: RuleExample
        var testDescription: String { "\(rule.id) \(example.expectation.rawValue) \(example.sourceFile.split(separator: "/").last ?? ""):\(example.sourceLine)" }
    }

    static let cases: [Case] = scanners.enumerated().flatMap { index, scanner in
        scanner.rules.flatMap { rule in rule.examples.map { Case(scannerIndex: index, rule: rule, example: $0) } }
    }

    @Test func everyRuleHasMetadataAndExamples() {
        for scanner in Self.scanners {
            for rule in scanner.rules {
                #expect(rule.id.scanner == scanner.id, "\(rule.id) is namespaced by its scanner")
                #expect(!rule.title.isEmpty)
                #expect(!rule.documentation.isEmpty)
                #expect(rule.examples.contains { $0.expectation == .triggers }, "\(rule.id) needs an example that triggers")
                #expect(rule.examples.contains { $0.expectation == .passes }, "\(rule.id) needs an example that passes")
            }
            let ids = scanner.rules.map(\.id)
            #expect(Set(ids).count == ids.count, "rule ids are unique in \(scanner.id)")
        }
    }

    @Test(arguments: cases)
    func exampleBehaves(_ test: Case) async throws {
        let scanner = Self.scanners[test.scannerIndex]
        let fileName = test.example.fileName ?? scanner.exampleFileName
        let hits = try await findings(of: test.rule.id, scanner: scanner, code: test.example.code, fileName: fileName)
        switch test.example.expectation {
        case .passes:
            #expect(hits.isEmpty, "\(test.rule.id) fired on an example that must pass (\(test.example.sourceFile):\(test.example.sourceLine))")
        case .triggers:
            #expect(!hits.isEmpty, "\(test.rule.id) did not fire on an example that must trigger (\(test.example.sourceFile):\(test.example.sourceLine))")
            let crlf = test.example.code.replacingOccurrences(of: "\n", with: "\r\n")
            #expect(try await !findings(of: test.rule.id, scanner: scanner, code: crlf, fileName: fileName).isEmpty, "CRLF line ends")
            guard case .source(let location) = hits.first?.location else { return }
            var lines = test.example.code.components(separatedBy: "\n")
            let index = location.line - 1
            guard lines.indices.contains(index) else { return }
            lines[index] += "  # rampart: ignore[\(test.rule.id)] example"
            let silenced = try await findings(of: test.rule.id, scanner: scanner, code: lines.joined(separator: "\n"), fileName: fileName)
            #expect(silenced.allSatisfy { $0.isSuppressed }, "a suppression comment on the reported line silences \(test.rule.id)")
        }
    }

    private func findings(of rule: RuleID, scanner: any SecurityScanner, code: String, fileName: String) async throws -> [Finding] {
        let dir = TemporaryDirectory()
        try dir.write(fileName, code)
        var configuration = Configuration()
        configuration.timeout = 60
        let report = try await ScanEngine(toolVersion: "test").run(.init(root: dir.path, configuration: configuration, scanners: [scanner]))
        // Advisory findings are named after their advisory and tagged with their rule.
        return report.findings.filter { $0.ruleId == rule || $0.tags.contains(rule.rawValue) }
    }
}

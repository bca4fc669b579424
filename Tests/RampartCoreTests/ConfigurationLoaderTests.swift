import Foundation
import RampartCore
import Testing

@Suite struct ConfigurationLoaderTests {
    let loader = ConfigurationLoader(scannerIDs: ["python", "secrets"])

    @Test func readsEveryKey() throws {
        let config = try loader.parse(yaml: """
        scanners: [python]
        include: ["src/**"]
        exclude:
          - tests/fixtures/
          - "*.min.js"
        default_excludes: false
        severity: low
        confidence: medium
        fail_on: medium
        rules:
          python/B101: off
          python/B602: {severity: critical}
          python/B105:
            enabled: false
        ignores:
          - rule: python/B101
            path: "tests/**"
            reason: asserts are fine in tests
            expires: 2027-06-30
          - path: legacy/
            reason: being rewritten (JIRA-12)
        baseline: .rampart-baseline.json
        docs_base_url: https://wiki.example.test/security/rules
        timeout: 120
        max_file_size: 2MB
        follow_symlinks: true
        jobs: 3
        python:
          extra: 1
        """, file: ".rampart.yml")
        #expect(config.scanners == ["python"])
        #expect(config.include == ["src/**"])
        #expect(config.exclude == ["tests/fixtures/", "*.min.js"])
        #expect(config.useDefaultExcludes == false)
        #expect(config.severityThreshold == .low)
        #expect(config.confidenceThreshold == .medium)
        #expect(config.failOn == .severity(.medium))
        #expect(config.rules["python/B101"] == RuleOverride(enabled: false))
        #expect(config.rules["python/B602"] == RuleOverride(severity: .critical))
        #expect(config.rules["python/B105"]?.enabled == false)
        #expect(config.ignores.count == 2)
        #expect(config.ignores[0] == IgnoreEntry(rule: "python/B101", path: "tests/**", reason: "asserts are fine in tests", expires: "2027-06-30", line: 16))
        #expect(config.ignores[1].rule == nil)
        #expect(config.ignores[1].line == 20)
        #expect(config.baseline == ".rampart-baseline.json")
        #expect(config.helpURI(for: "python/B602") == "https://wiki.example.test/security/rules/python/B602")
        #expect(config.timeout == 120)
        #expect(config.maxFileSize == 2 * 1024 * 1024)
        #expect(config.followSymlinks)
        #expect(config.jobs == 3)
        #expect(config.scannerSections["python"] != nil)
    }

    @Test func emptyFileGivesDefaults() throws {
        let config = try loader.parse(yaml: "", file: "x.yml")
        #expect(config == Configuration())
        let commentsOnly = try loader.parse(yaml: "# nothing here\n", file: "x.yml")
        #expect(commentsOnly == Configuration())
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var yaml: String
        var line: Int
        var key: String?
        var message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        Case(yaml: "scanners: [python]\nexlude: [a]\n", line: 2, key: "exlude", message: "unknown key (did you mean 'exclude'?)"),
        Case(yaml: "severity: loud\n", line: 1, key: "severity", message: "expected one of info, low, medium, high, critical; found 'loud'"),
        Case(yaml: "fail_on: [high]\n", line: 1, key: "fail_on", message: "expected a string, found a list"),
        Case(yaml: "timeout: soon\n", line: 1, key: "timeout", message: "expected a number, found 'soon'"),
        Case(yaml: "timeout: -5\n", line: 1, key: "timeout", message: "must be more than 0 seconds"),
        Case(yaml: "jobs: 0\n", line: 1, key: "jobs", message: "must be from 1 to 256"),
        Case(yaml: "max_file_size: huge\n", line: 1, key: "max_file_size", message: "expected a size such as 5MB or 1048576, found 'HUGE'"),
        Case(yaml: "default_excludes: maybe\n", line: 1, key: "default_excludes", message: "expected true or false, found 'maybe'"),
        Case(yaml: "include: {a: 1}\n", line: 1, key: "include", message: "expected a list of strings, found a mapping"),
        Case(yaml: "rules:\n  python/B101:\n    severty: high\n", line: 3, key: "rules.python/B101.severty", message: "unknown key (did you mean 'severity'?)"),
        Case(yaml: "ignores:\n  - rule: python/B101\n", line: 2, key: "ignores.reason", message: "every ignore needs a reason"),
        Case(yaml: "ignores:\n  - reason: x\n", line: 2, key: "ignores", message: "an ignore needs a rule, a path or both"),
        Case(yaml: "ignores:\n  - rule: x\n    reason: y\n    expires: 2027-02-30\n", line: 4, key: "ignores.expires", message: "expected a date as YYYY-MM-DD, found '2027-02-30'"),
        Case(yaml: "ignores:\n  - rule: x\n    reason: y\n    until: 2027-01-01\n", line: 4, key: "ignores.until", message: "unknown key"),
        Case(yaml: "ignores: python/B101\n", line: 1, key: "ignores", message: "expected a list of {rule, path, reason, expires}, found a scalar"),
        Case(yaml: "scanners: [python, dast]\n", line: 1, key: "scanners", message: "unknown scanner 'dast'; known: python, secrets"),
        Case(yaml: "severity: low\nseverity: high\n", line: 2, key: "severity", message: "duplicate key"),
        Case(yaml: "- a\n- b\n", line: 1, key: nil, message: "expected a mapping, found a list"),
    ])
    func errorsNameFileLineAndKey(_ test: Case) {
        do {
            _ = try loader.parse(yaml: test.yaml, file: "conf/.rampart.yml")
            Issue.record("accepted invalid configuration")
        } catch {
            #expect(error.file == "conf/.rampart.yml")
            #expect(error.line == test.line)
            #expect(error.key == test.key)
            #expect(error.message == test.message)
            #expect(error.description.hasPrefix("conf/.rampart.yml:\(test.line):"))
        }
    }

    @Test func invalidYAMLNamesTheLine() {
        do {
            _ = try loader.parse(yaml: "scanners: [python\nseverity: low\n", file: ".rampart.yml")
            Issue.record("accepted invalid YAML")
        } catch {
            #expect(error.message.hasPrefix("invalid YAML"))
            #expect(error.line >= 2)
        }
    }

    @Test func aliasBombIsRefused() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in 1...8 {
            let name = "l\(level)"
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let started = ContinuousClock.now
        #expect(throws: ConfigurationError.self) { try loader.parse(yaml: yaml, file: "bomb.yml") }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func deepNestingIsRefused() {
        let yaml = "include: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        #expect(throws: ConfigurationError.self) { try loader.parse(yaml: yaml, file: "deep.yml") }
    }

    @Test func loadsFromDiskAndRejectsBinary() throws {
        let dir = TemporaryFolder()
        let path = dir.path + "/.rampart.yml"
        try "fail_on: low\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(ConfigurationLoader.locate(in: dir.path) == path)
        #expect(try loader.load(path: path).failOn == .severity(.low))
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: path))
        #expect(throws: ConfigurationError.self) { try loader.load(path: path) }
        #expect(ConfigurationLoader.locate(in: dir.path + "/missing") == nil)
    }
}

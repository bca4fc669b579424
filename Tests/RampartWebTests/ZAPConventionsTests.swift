import Foundation
import RampartCore
@testable import RampartWeb
import Testing

@Suite struct ZAPConventionsTests {
    @Test func rulesFileWithTabsSpacesAndScopes() throws {
        let config = try ZAPRuleConfig.parse("""
        # comment
        10020\tFAIL\t(Anti-clickjacking Header)
        10021 WARN (written with spaces)
        10063\tIGNORE\t(Permissions Policy)
        *\tOUTOFSCOPE\thttps://shop\\.test/static/.*
        10038\tOUTOFSCOPE\t.*/legacy/.*

        """, file: "rules.tsv")
        #expect(config.actions == ["10020": .fail, "10021": .warn, "10063": .ignore])
        #expect(config.outOfScope.count == 2)
        #expect(config.warnings.count == 1 && config.warnings[0].contains("rules.tsv:3"))
    }

    @Test(arguments: ["10020\tMAYBE\n", "abc\tWARN\n", "10020\n", "10020\tOUTOFSCOPE\n", "10020\tOUTOFSCOPE\t(unclosed\n"])
    func mistakesAreErrorsNotSilentPasses(_ text: String) {
        #expect(throws: ZAPRuleConfig.Failure.self) { try ZAPRuleConfig.parse(text, file: "rules.tsv") }
    }

    func finding(_ code: String, urls: [String]) -> Finding {
        var f = Finding(ruleId: RuleID(scanner: "web", code: code), title: "Rule \(code)", message: "m", severity: .medium, confidence: .medium,
                        location: .web(WebLocation(url: "https://shop.test/")))
        f.instances = urls.map { WebLocation(url: $0) }
        return f
    }

    @Test func ignoreOutOfScopeAndExitCodes() throws {
        let config = try ZAPRuleConfig.parse("10020\tFAIL\n10021\tWARN\n10063\tIGNORE\n*\tOUTOFSCOPE\t.*/static/.*\n", file: "r.tsv")
        let findings = config.apply([
            finding("10020", urls: ["https://shop.test/static/a.css"]),
            finding("10021", urls: ["https://shop.test/", "https://shop.test/static/x"]),
            finding("10063", urls: ["https://shop.test/"]),
        ])
        #expect(findings.map(\.ruleId.code) == ["10021"])
        #expect(findings.first?.instances.map(\.url) == ["https://shop.test/"])
        #expect(config.exitCode(for: findings, ignoreWarnings: false) == 2)
        #expect(config.exitCode(for: findings, ignoreWarnings: true) == 0)
        #expect(config.exitCode(for: [finding("10020", urls: ["https://shop.test/"])], ignoreWarnings: true) == 1)
        #expect(ZAPRuleConfig().exitCode(for: [finding("99999", urls: ["https://shop.test/"])], ignoreWarnings: false) == 2, "unlisted rules count as WARN")
        #expect(config.exitCode(for: [], ignoreWarnings: false) == 0)
    }

    @Test func generatedConfigParsesBack() throws {
        let text = ZAPRuleConfig.generate(WebScanner().rules)
        let config = try ZAPRuleConfig.parse(text, file: "gen.tsv")
        #expect(config.actions.count == WebRules.all.count + WebRules.active.count && config.actions.values.allSatisfy { $0 == .warn })
        #expect(config.warnings.isEmpty)
    }

    /// The fields ZAP's traditional JSON report has, at every level, with ZAP's types (strings).
    @Test func zapJSONStructure() throws {
        var f = finding("10020", urls: ["http://127.0.0.1:5000/", "http://127.0.0.1:5000/a"])
        f.location = .web(WebLocation(url: "http://127.0.0.1:5000/"))
        f.cwe = [1021]
        let text = ZAPJSONReport.render([f], generated: Date(timeIntervalSince1970: 0))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(report.keys) == ["@programName", "@version", "@generated", "site"])
        let site = try #require((report["site"] as? [[String: Any]])?.first)
        #expect(Set(site.keys) == ["@name", "@host", "@port", "@ssl", "alerts"])
        #expect(site["@name"] as? String == "http://127.0.0.1:5000" && site["@port"] as? String == "5000" && site["@ssl"] as? String == "false")
        let alert = try #require((site["alerts"] as? [[String: Any]])?.first)
        #expect(Set(alert.keys) == ["pluginid", "alertRef", "alert", "name", "riskcode", "confidence", "riskdesc", "desc", "instances", "count",
                                    "solution", "otherinfo", "reference", "cweid", "wascid", "sourceid"])
        #expect(alert["riskcode"] as? String == "2" && alert["count"] as? String == "2" && alert["cweid"] as? String == "1021")
        let instance = try #require((alert["instances"] as? [[String: Any]])?.first)
        #expect(Set(instance.keys) == ["uri", "method", "param", "attack", "evidence", "otherinfo"])
    }
}

extension ZAPConventionsTests {
    @Test func consoleSummaryHasZAPsLines() throws {
        var config = try ZAPRuleConfig.parse("10020\tFAIL\t(x)\n10021\tIGNORE\t(y)\n", file: "rules.tsv")
        config.warnings = []
        let rules = WebRules.all.map { $0.metadata }.filter { ["10020", "10021", "10038", "10036"].contains($0.id.code) }
        let findings = [finding("10020", urls: ["https://shop.test/a", "https://shop.test/b"]), finding("10038", urls: ["https://shop.test/a"])]
        let summary = ZAPConsoleSummary.render(findings, rules: rules, config: config)
        let lines = summary.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("FAIL-NEW: ") && $0.hasSuffix("[10020] x 2") })
        #expect(lines.contains { $0.hasPrefix("WARN-NEW: ") && $0.hasSuffix("[10038] x 1") })
        #expect(lines.contains { $0.hasPrefix("PASS: ") && $0.hasSuffix("[10036]") })
        #expect(!summary.contains("[10021]"))
        #expect(lines.last == "FAIL-NEW: 1\tFAIL-INPROG: 0\tWARN-NEW: 1\tWARN-INPROG: 0\tINFO: 0\tIGNORE: 1\tPASS: 1")
    }
}

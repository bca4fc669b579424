import ArgumentParser
import Foundation
import RampartCore
import RampartWeb

/// `rampart web URL`: a baseline scan of a running web app, with ZAP baseline's conventions.
struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Crawl a running web app and run the passive rules (ZAP baseline's ids and conventions).",
        discussion: """
        The passive scan submits no forms. Rule configuration: ZAP's `-c rules.tsv` \
        (id<TAB>IGNORE|INFO|WARN|FAIL, OUTOFSCOPE lines). With --zap-exit-codes the exit code is \
        ZAP's: 0 pass, 1 a FAIL rule fired, 2 only WARN rules fired (0 with -I), 3 error.
        """
    )

    @Argument(help: "The start URL (http or https).")
    var url: String

    @Option(name: .customShort("c"), help: ArgumentHelp("ZAP rule configuration file (tab-separated).", valueName: "rules.tsv"))
    var rulesFile: String?

    @Option(name: .customShort("g"), help: ArgumentHelp("Write a rule configuration with every rule at WARN, then scan.", valueName: "rules.tsv"))
    var generate: String?

    @Flag(name: .customShort("I"), help: "With --zap-exit-codes: do not fail on WARN rules.")
    var ignoreWarnings = false

    @Flag(help: "Exit with ZAP baseline's codes (0/1/2/3) instead of Rampart's.")
    var zapExitCodes = false

    @Option(name: .customShort("J"), help: ArgumentHelp("Also write ZAP's traditional JSON report.", valueName: "report.json"))
    var zapJSON: String?

    @Option(help: "Pages to visit at most.")
    var maxPages = 500

    @Option(help: "Link depth to follow at most.")
    var maxDepth = 10

    @Option(help: "Seconds the crawl may take (a hard stop).")
    var maxTime = 120.0

    @Option(help: "Requests at once.")
    var concurrency = 8

    @Option(name: .customLong("header"), help: ArgumentHelp("A request header, `Name: value` (repeatable; e.g. authentication).", valueName: "header"))
    var headers: [String] = []

    @Option(name: .customLong("cookie"), help: ArgumentHelp("A cookie, `name=value` (repeatable).", valueName: "cookie"))
    var cookies: [String] = []

    @OptionGroup var options: CommonOptions

    func run() async throws {
        guard let target = URL(string: url), let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https", target.host != nil else {
            throw UsageFailure("error: \(url) is not an http(s) URL")
        }
        var web = WebOptions(target: target)
        web.limits.maxPages = maxPages
        web.limits.maxDepth = maxDepth
        web.limits.concurrency = max(1, concurrency)
        web.limits.timeBudget = .milliseconds(Int64(max(1, maxTime) * 1000))
        for header in headers {
            guard let colon = header.firstIndex(of: ":") else { throw UsageFailure("error: --header '\(header)' is not `Name: value`") }
            web.headers.append((String(header[..<colon]).trimmingCharacters(in: .whitespaces), String(header[header.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        if !cookies.isEmpty { web.headers.append(("Cookie", cookies.joined(separator: "; "))) }
        if let generate {
            do {
                try Terminal.writeFile(generate, Data(ZAPRuleConfig.generate(WebScanner().rules).utf8))
            } catch {
                throw UsageFailure("error: cannot write \(generate): \(error.localizedDescription)")
            }
        }
        if let rulesFile {
            guard let data = FileManager.default.contents(atPath: rulesFile) else { throw UsageFailure("error: cannot read rule configuration \(rulesFile)") }
            do {
                web.zapConfig = try ZAPRuleConfig.parse(String(decoding: data, as: UTF8.self), file: rulesFile)
            } catch {
                throw UsageFailure("configuration error: \(error)")
            }
            for warning in web.zapConfig?.warnings ?? [] { Terminal.writeStderr("warning: \(warning)\n") }
        }
        // The scan root is an empty folder: the web scanner reads the site, not files.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-web-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        var runner = ScanRunner(options: options, path: root)
        runner.onlyScanners = ["web"]
        runner.web = web
        let report = try await runner.run()
        try ScanRunner.write(report, options: options)
        if let zapJSON {
            do {
                try Terminal.writeFile(zapJSON, Data(ZAPJSONReport.render(report.findings.filter { !$0.isSuppressed }).utf8))
            } catch {
                throw UsageFailure("error: cannot write \(zapJSON): \(error.localizedDescription)")
            }
        }
        if zapExitCodes {
            if report.hasFailures { throw ExitCode(3) }
            let code = (web.zapConfig ?? ZAPRuleConfig()).exitCode(for: report.findings, ignoreWarnings: ignoreWarnings)
            if code != 0 { throw ExitCode(code) }
            return
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

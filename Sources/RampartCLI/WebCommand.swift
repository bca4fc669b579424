import ArgumentParser
import Foundation
import RampartCore
import RampartRegex
import RampartWeb

/// `rampart web URL`: a baseline scan of a running web app, with ZAP baseline's conventions.
struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Crawl a running web app and run the passive rules (ZAP baseline's ids and conventions).",
        discussion: """
        The passive scan submits no forms (--submit-forms does, with typed default values) and \
        follows no logout links. Besides the crawl it requests a few read-only paths: `.git/`, \
        `.env`, backups of crawled files, GraphQL endpoints (--no-discovery turns that off). \
        --active adds light active checks (XSS, SQL injection, open redirect, path traversal, \
        template, command and code injection) against the start URL's origin only.

        Rule configuration: ZAP's `-c rules.tsv` (id<TAB>IGNORE|INFO|WARN|FAIL, OUTOFSCOPE \
        lines). With --zap-exit-codes the exit code is ZAP's: 0 pass, 1 a FAIL rule fired, 2 only \
        WARN rules fired (0 with -I), 3 error; ZAP's console summary (PASS, WARN-NEW, FAIL-NEW lines and the totals line) goes to standard error.

        Form login: --login-url with the form's field names; the credentials come from the \
        environment variables RAMPART_WEB_USERNAME and RAMPART_WEB_PASSWORD (never the command \
        line). The session is renewed when it is lost (a redirect to the login page, a 401, or \
        --logged-out-text on a page).
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

    @Option(help: "Requests in all (crawl, discovery and active probes) at most.")
    var maxRequests: Int?

    @Option(help: "Requests per second at most.")
    var rate: Double?

    @Option(help: "Requests at once.")
    var concurrency = 8

    @Flag(help: "Run the light active checks (they send attack payloads: only against apps you may test).")
    var active = false

    @Flag(help: "Submit the forms found, GET and POST, with typed default values.")
    var submitForms = false

    @Flag(help: "Do not request .git, .env, backup files and GraphQL endpoints.")
    var noDiscovery = false

    @Flag(help: "Do not verify TLS certificates (test servers with self-signed ones).")
    var insecure = false

    @Flag(help: "Report transport weaknesses (cookies without Secure, HTTP forms, Basic auth) on localhost too.")
    var noLocalhostExemption = false

    @Option(name: .customLong("enable"), help: ArgumentHelp("Run an opt-in rule (10027 suspicious comments, 10096 timestamps); repeatable.", valueName: "rule"))
    var enable: [String] = []

    @Option(help: ArgumentHelp("The login page of a form login.", valueName: "url"))
    var loginURL: String?

    @Option(help: "The login form's user name field.")
    var loginUserField = "username"

    @Option(help: "The login form's password field.")
    var loginPasswordField = "password"

    @Option(help: ArgumentHelp("Text on a page that shows the session was lost.", valueName: "text"))
    var loggedOutText: String?

    @Flag(help: "A budget (--max-time, --max-requests) that ends the scan early is reported but does not fail it (exit 3 otherwise).")
    var partialOk = false

    @Flag(help: "A failed form login is a warning, not a failure (exit 3 otherwise).")
    var loginOptional = false

    @Flag(help: "Also request and submit logout, delete, reset and password-change endpoints (a disposable test instance only).")
    var unsafe = false

    @Option(name: .customLong("exclude"), help: ArgumentHelp("Never request URLs matching this regular expression (repeatable).", valueName: "regex"))
    var exclude: [String] = []

    @Option(help: ArgumentHelp("An OpenAPI 3 or Swagger 2 description (JSON or YAML): a file, or a URL on the target's origin. Its operations are requested and probed.", valueName: "file|url"))
    var openapi: String?

    @Option(help: ArgumentHelp("A GraphQL schema (an introspection result, JSON): its operations are probed even where introspection is off.", valueName: "file"))
    var graphqlSchema: String?

    @Option(help: ArgumentHelp("Where that schema is served (default: the endpoint found, or /graphql).", valueName: "url"))
    var graphqlEndpoint: String?

    @Flag(help: "Show progress (pages, queue, requests per second) on standard error (the default on a terminal).")
    var progress = false

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
        web.limits.maxRequests = maxRequests.map { max(1, $0) }
        web.limits.requestsPerSecond = rate.map { max(0.01, $0) }
        web.limits.submitForms = submitForms
        web.active = active
        web.discovery = !noDiscovery
        web.verifyTLS = !insecure
        web.localhostExemption = !noLocalhostExemption
        web.enable = Set(enable)
        web.partialOK = partialOk
        if let openapi {
            // A URL, or a path on the target when no such file exists here (`/openapi.json`).
            if openapi.hasPrefix("http://") || openapi.hasPrefix("https://") || (openapi.hasPrefix("/") && !FileManager.default.fileExists(atPath: openapi)) {
                web.openAPI = .url(openapi)
            } else {
                guard let data = FileReader.data(openapi, limit: 16 << 20) else { throw UsageFailure("error: cannot read --openapi \(openapi)") }
                web.openAPI = .document(String(decoding: data, as: UTF8.self), name: openapi)
            }
        }
        if let graphqlSchema {
            guard let data = FileReader.data(graphqlSchema, limit: 16 << 20) else { throw UsageFailure("error: cannot read --graphql-schema \(graphqlSchema)") }
            guard let schema = GraphQLSchema.parse(introspection: Array(data)) else {
                throw UsageFailure("error: --graphql-schema \(graphqlSchema) is not a GraphQL introspection result (JSON with __schema and its types)")
            }
            web.graphQLSchema = schema
        }
        if let graphqlEndpoint {
            guard let endpoint = URL(string: graphqlEndpoint, relativeTo: target)?.absoluteURL, TrustedOrigins.origin(of: endpoint.absoluteString) == TrustedOrigins.origin(of: target.absoluteString) else {
                throw UsageFailure("error: --graphql-endpoint must be on the target's origin")
            }
            web.graphQLEndpoint = endpoint.absoluteString
        }
        web.loginOptional = loginOptional
        web.unsafe = unsafe
        for pattern in exclude {
            do {
                web.exclude.append(try ByteRegex(pattern))
            } catch {
                throw UsageFailure("error: --exclude '\(pattern)' is not a regular expression: \(error)")
            }
        }
        if let loginURL {
            guard let login = URL(string: loginURL, relativeTo: target)?.absoluteURL else { throw UsageFailure("error: --login-url \(loginURL) is not a URL") }
            let environment = ProcessInfo.processInfo.environment
            guard let username = environment["RAMPART_WEB_USERNAME"], let password = environment["RAMPART_WEB_PASSWORD"] else {
                throw UsageFailure("error: --login-url needs RAMPART_WEB_USERNAME and RAMPART_WEB_PASSWORD in the environment")
            }
            // The password goes to the scanned origin only, and in clear text only to loopback
            // or an origin listed in RAMPART_ALLOWED_ORIGINS.
            let trusted = TrustedOrigins(environment: environment)
            if TrustedOrigins.origin(of: login.absoluteString) != TrustedOrigins.origin(of: target.absoluteString), !trusted.allows(login.absoluteString) {
                throw UsageFailure("error: --login-url is on another origin than the target; credentials are sent to the target only (or list the origin in \(TrustedOrigins.variable))")
            }
            if login.scheme?.lowercased() == "http", !TrustedOrigins.isLoopback(login.host ?? ""), !trusted.allows(login.absoluteString) {
                throw UsageFailure("error: --login-url would send the password over plain HTTP to \(TrustedOrigins.origin(of: login.absoluteString) ?? loginURL); use https, or list that origin in \(TrustedOrigins.variable) to allow it")
            }
            web.login = FormLogin(url: login, usernameField: loginUserField, passwordField: loginPasswordField, username: username, password: password, loggedOutText: loggedOutText)
        }
        // On a terminal the progress line is on by default, as for every scan.
        let showProgress = progress || (Terminal.stderrIsTTY && !options.quiet)
        let progressShown = Locked(false)
        if showProgress {
            web.progress = { state in
                progressShown.withLock { $0 = true }
                Terminal.writeStderr(String(format: "\r%d pages, %d queued, %d requests, %.0f requests/s   ", state.pages, state.queued, state.requests, state.requestsPerSecond))
            }
        }
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
            guard let data = FileReader.data(rulesFile, limit: 1 << 20) else { throw UsageFailure("error: cannot read rule configuration \(rulesFile)") }
            do {
                web.zapConfig = try ZAPRuleConfig.parse(String(decoding: data, as: UTF8.self), file: rulesFile)
            } catch {
                throw UsageFailure("configuration error: \(error)")
            }
            for warning in web.zapConfig?.warnings ?? [] { Terminal.writeStderr(TextEscaping.escape("warning: \(warning)") + "\n") }
        }
        // The scan root is an empty folder: the web scanner reads the site, not files.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-web-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        var runner = ScanRunner(options: options, path: root)
        runner.onlyScanners = ["web"]
        runner.web = web
        var report = try await runner.run()
        // The report names what was scanned: the site, not the empty folder the engine read.
        report.target = .init(path: target.absoluteString)
        report.partialAccepted = partialOk
        if progressShown.withLock({ $0 }) { Terminal.writeStderr("\n") }
        // The request count is part of the result (it is the budget's measure): always shown.
        if !options.quiet, let note = report.diagnostics.first(where: { $0.code == "requests" }) { Terminal.writeStderr(TextEscaping.escape("web: \(note.message)") + "\n") }
        try ScanRunner.write(report, options: options)
        if let zapJSON {
            do {
                try Terminal.writeFile(zapJSON, Data(ZAPJSONReport.render(report.findings.filter { !$0.isSuppressed }).utf8))
            } catch {
                throw UsageFailure("error: cannot write \(zapJSON): \(error.localizedDescription)")
            }
        }
        if zapExitCodes {
            let ran = WebScanner(options: web).rules.filter { !$0.isOptIn || web.enable.contains(where: $0.isNamed) || (web.zapConfig?.actions[$0.id.code]).map { $0 != .ignore } == true }
                .filter { web.active || !$0.isActive }
            let errors = report.hasFailures ? report.diagnostics.filter { $0.level == .error }.map(\.message) : []
            if !options.quiet { Terminal.writeStderr(TextEscaping.escapeKeepingLines(ZAPConsoleSummary.render(report.findings, rules: ran, config: web.zapConfig ?? ZAPRuleConfig(), errors: errors))) }
            if report.hasFailures { throw ExitCode(3) }
            let code = (web.zapConfig ?? ZAPRuleConfig()).exitCode(for: report.findings, ignoreWarnings: ignoreWarnings)
            if code != 0 { throw ExitCode(code) }
            return
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

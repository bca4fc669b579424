import Foundation
import RampartCore
@testable import RampartWeb
import RampartTestSupport
import Testing

/// The acceptance tests of the web scanner: a deliberately vulnerable Flask app
/// (`Fixtures/flask_app.py vulnerable`) must show every planted flaw, and its secure twin none.
/// Each app runs over HTTPS (a self-signed certificate made here) and over plain HTTP, since some
/// rules only apply to one of them. Skipped, with a message, where Flask or openssl is missing.
@Suite(.serialized) struct FlaskAppTests {
    static let python = PythonOracle.python(with: ["flask", "graphene"])
    static let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Rules the live apps cannot show, and why.
    static let notPlanted: [String: String] = [
        "web/90033": "a loosely scoped cookie needs a host name under a parent domain; the apps run on 127.0.0.1 (the rule's examples cover it)",
    ]

    /// A self-signed certificate for 127.0.0.1.
    static func certificate(in dir: TemporaryDirectory) throws -> (String, String)? {
        guard let openssl else { return nil }
        let cert = dir.absolute("cert.pem"), key = dir.absolute("key.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? (cert, key) : nil
    }

    static func app(_ mode: String, tls: (String, String)?) async throws -> FixtureServer {
        guard let python else { throw CocoaError(.featureUnsupported) }
        let arguments = [mode, "--watch-stdin"] + (tls.map { ["--tls", $0.0, $0.1] } ?? [])
        return try await FixtureServer(python: python, script: "flask_app.py", arguments: arguments, scheme: tls == nil ? "http" : "https")
    }

    static func options(_ url: URL) -> WebOptions {
        var options = WebOptions(target: url)
        options.active = true
        options.limits.submitForms = true
        options.limits.timeBudget = .seconds(60)
        options.verifyTLS = false
        // The apps are on 127.0.0.1: the transport rules must see them as any other host.
        options.localhostExemption = false
        options.enable = Set(WebRules.all.filter { $0.metadata.isOptIn }.map { $0.metadata.id.rawValue })
        return options
    }

    /// Both transports of one mode, scanned.
    static func scanBoth(_ mode: String) async throws -> ScannerOutput {
        let dir = TemporaryDirectory()
        let tls = try certificate(in: dir)
        var output = ScannerOutput()
        for transport in [tls, nil] {
            let server = try await app(mode, tls: transport)
            output.merge(await WebScanner(options: options(server.url)).scanSite(server.url))
            if tls == nil { break }
        }
        return output
    }

    @Test(.enabled(if: python != nil, "Flask or graphene is not installed (.ci/run installs them in .venv)"))
    func theVulnerableAppShowsEveryPlantedFlaw() async throws {
        let output = try await Self.scanBoth("vulnerable")
        let found = Set(output.findings.map(\.ruleId.rawValue))
        let expected = Set(WebScanner().rules.map(\.id.rawValue)).subtracting(Self.notPlanted.keys)
        let missed = expected.subtracting(found).sorted()
        #expect(missed.isEmpty, "not found on the vulnerable app: \(missed.joined(separator: ", "))")
        if Self.openssl == nil { Issue.record("openssl is missing: the HTTPS-only rules were not exercised") }
    }

    @Test(.enabled(if: python != nil, "Flask or graphene is not installed (.ci/run installs them in .venv)"))
    func theSecureTwinHasNoFindings() async throws {
        let output = try await Self.scanBoth("secure")
        let described = output.findings.map { "\($0.ruleId) \($0.instances.first?.url ?? "") \($0.instances.first?.evidence ?? "")" }
        #expect(described.isEmpty, "findings on the secure twin:\n\(described.joined(separator: "\n"))")
        // The twin was really crawled and probed.
        #expect(output.filesScanned > 60)
    }

    static func fixtureJSON(_ server: FixtureServer, _ path: String) async throws -> [String: Any] {
        let url = try #require(URL(string: path, relativeTo: server.url))
        let exchange = try await WebClient(limits: CrawlLimits()).send(WebRequest(url: url.absoluteString))
        return try #require(try JSONSerialization.jsonObject(with: Data(exchange.body)) as? [String: Any])
    }

    /// Each blind injection is found where it is, by the technique that can see it, and every
    /// active finding is located at its own request, not at the start URL.
    @Test(.enabled(if: python != nil, "Flask or graphene is not installed (.ci/run installs them in .venv)"))
    func deeperFlawsAreFoundWhereTheyAre() async throws {
        let server = try await Self.app("vulnerable", tls: nil)
        let output = await WebScanner(options: Self.options(server.url)).scanSite(server.url)
        func found(_ rule: String, _ path: String, _ parameter: String, _ evidence: String) -> Bool {
            output.findings.contains { finding in
                guard finding.ruleId.rawValue == rule, case .web(let location) = finding.location else { return false }
                return URL(string: location.url)?.path == path && location.parameter == parameter && (location.evidence ?? "").contains(evidence)
            }
        }
        let described = output.findings.filter { $0.ruleId.code.hasPrefix("400") }.map { "\($0.ruleId) \($0.location.display) \(($0.instances.first?.evidence ?? "").prefix(60))" }
        #expect(found("web/40018", "/product", "id", "boolean-based blind"), "\(described)")
        #expect(found("web/40018", "/lookup", "name", "boolean-based blind"), "\(described)")
        #expect(found("web/40018", "/track", "ref", "time-based blind (SQLite)"), "\(described)")
        #expect(found("web/40018", "/staff/login", "user", "login bypass"), "\(described)")
        #expect(found("web/40018", "/item", "id", "sqlite3.OperationalError"), "\(described)")
        #expect(found("web/40014", "/guestbook", "message", "shown unescaped at GET \(server.url.absoluteString)guestbook/entries"), "\(described)")
        #expect(found("web/40046", "/fetch", "url", "the canary on 127.0.0.1"), "\(described)")
        // GraphQL: every argument probed through its variables, and the endpoint's own checks.
        #expect(found("web/40018", "/graphql", "variables.v_id", "boolean-based blind"), "\(described)")
        #expect(found("web/40018", "/graphql", "variables.v_name", "near"), "\(described)")
        #expect(found("web/90020", "/graphql", "variables.v_host", "rmp"), "\(described)")
        #expect(found("web/40014", "/graphql", "variables.v_text", "shown unescaped"), "\(described)")
        for rule in ["rampart-graphql-batching", "rampart-graphql-depth", "rampart-graphql-suggestions", "rampart-graphql-get-mutation"] {
            #expect(output.findings.contains { $0.ruleId.rawValue == "web/\(rule)" }, "\(rule) not found")
        }
        let introspection = output.findings.first { $0.ruleId.rawValue == "web/rampart-graphql" }?.instances.compactMap(\.evidence) ?? []
        #expect(introspection.contains { $0.contains("with 1") && $0.hasSuffix(" types") }, "the types are counted: \(introspection)")
        // A traceback caused by a probe is reported too (passive rules read probe responses).
        #expect(output.findings.contains { $0.ruleId.rawValue == "web/rampart-python-traceback" && $0.instances.contains { $0.url.contains("rmp") } })
        // The start URL's change does not change the identity of a finding: locations are their own.
        #expect(!output.findings.contains { finding in finding.ruleId.code.hasPrefix("400") && finding.location.display.hasSuffix(" \(server.url.absoluteString)") })
    }

    /// Logout, delete, reset and password-change endpoints are never requested or submitted,
    /// registration forms get equal passwords, anti-CSRF tokens are sent fresh and never fuzzed;
    /// with `unsafe` the same scan does touch them (the check can fail).
    @Test(.enabled(if: python != nil, "Flask or graphene is not installed (.ci/run installs them in .venv)"))
    func unsafeEndpointsAreNeverTouched() async throws {
        for mode in ["secure", "vulnerable"] {
            let server = try await Self.app(mode, tls: nil)
            let output = await WebScanner(options: Self.options(server.url)).scanSite(server.url)
            #expect(try await Self.fixtureJSON(server, "/_fixture/touched")["touched"] as? [String] == [], "\(mode)")
            #expect((try await Self.fixtureJSON(server, "/_fixture/registered")["registered"] as? [String] ?? []).contains("rampart"), "the paired passwords were equal")
            #expect(output.diagnostics.contains { $0.code == "forms-skipped" && $0.message.contains("/settings/credentials (a password-change form") })
            if mode == "secure" {
                #expect(try await Self.fixtureJSON(server, "/_fixture/csrf-rejections")["rejections"] as? [String] == [], "a token was fuzzed or stale")
            }
        }
        let server = try await Self.app("secure", tls: nil)
        var options = Self.options(server.url)
        options.unsafe = true
        _ = await WebScanner(options: options).scanSite(server.url)
        #expect((try await Self.fixtureJSON(server, "/_fixture/touched")["touched"] as? [String] ?? []).count >= 3)
    }

    /// With introspection off, a schema given as a file still has every operation probed; the
    /// twin's bound parameters give nothing.
    @Test(.enabled(if: python != nil, "Flask or graphene is not installed (.ci/run installs them in .venv)"))
    func aGivenGraphQLSchemaIsProbedWhereIntrospectionIsOff() async throws {
        let vulnerable = try await Self.app("vulnerable", tls: nil)
        let endpoint = try #require(URL(string: "/graphql", relativeTo: vulnerable.url)?.absoluteString)
        let answer = try await WebClient(limits: CrawlLimits()).send(GraphQLDiscovery.request(endpoint, query: GraphQLSchema.introspectionQuery))
        let schema = try #require(GraphQLSchema.parse(introspection: answer.body))
        #expect(schema.operations(unsafe: false).map(\.name).sorted() == ["mutation addComment", "query item", "query ping", "query user"])

        let secure = try await Self.app("secure", tls: nil)
        var options = Self.options(secure.url)
        options.graphQLSchema = schema
        let output = await WebScanner(options: options).scanSite(secure.url)
        let graphQL = output.findings.filter { $0.location.display.contains("/graphql") }
        #expect(graphQL.isEmpty, "\(graphQL.map { "\($0.ruleId) \($0.location.display)" })")
        // The operations were probed, each of them many times: the twin answered them all.
        let operations = try await Self.fixtureJSON(secure, "/_fixture/graphql-operations")["operations"] as? [String] ?? []
        for name in ["item", "ping", "user", "addComment"] {
            #expect(operations.filter { $0.contains("{ \(name)(") }.count >= 5, "\(name) was not probed")
        }
    }

    /// An API scan from its description: every operation requested with example values and
    /// probed field by field; DELETE never sent; the twin gives nothing; a description that
    /// cannot be read fails the scan.
    @Test(.enabled(if: python != nil, "Flask or graphene is not installed (.ci/run installs them in .venv)"))
    func anOpenAPIDescriptionIsScannedAsZAPsAPIScanWould() async throws {
        for mode in ["vulnerable", "secure"] {
            let server = try await Self.app(mode, tls: nil)
            var options = Self.options(server.url)
            options.openAPI = .url("/openapi.json")
            let output = await WebScanner(options: options).scanSite(server.url)
            let api = output.findings.filter { $0.location.display.contains("/api/v1/") && $0.severity >= .medium }
            if mode == "vulnerable" {
                #expect(api.contains { $0.ruleId.rawValue == "web/40018" && $0.location.display.contains("/api/v1/items") }, "\(api.map(\.location.display))")
                #expect(api.contains { $0.ruleId.rawValue == "web/90020" && $0.location.display.hasSuffix("[target.host]") }, "\(api.map(\.location.display))")
            } else {
                #expect(api.isEmpty, "\(api.map { "\($0.ruleId) \($0.location.display)" })")
            }
            #expect(output.diagnostics.contains { $0.code == "api-operations-skipped" })
            #expect(try await Self.fixtureJSON(server, "/_fixture/touched")["touched"] as? [String] == [])
        }
        let server = try await Self.app("secure", tls: nil)
        var options = Self.options(server.url)
        options.active = false
        options.openAPI = .url("/no-such-description.json")
        let missing = await WebScanner(options: options).scanSite(server.url)
        #expect(missing.diagnostics.contains { $0.code == "openapi" && $0.level == .error && $0.message.contains("404") })
    }

    @Test(.enabled(if: python != nil, "Flask or graphene is not installed (.ci/run installs them in .venv)"))
    func aFailedLoginFailsTheScanUnlessOptional() async throws {
        let server = try await Self.app("secure", tls: nil)
        var options = Self.options(server.url)
        options.active = false
        options.login = FormLogin(url: try #require(URL(string: "/login", relativeTo: server.url)?.absoluteURL), username: "alice", password: "wrong")
        let failed = await WebScanner(options: options).scanSite(server.url)
        #expect(failed.diagnostics.contains { $0.code == "login-failed" && $0.level == .error })
        options.loginOptional = true
        let optional = await WebScanner(options: options).scanSite(server.url)
        #expect(optional.diagnostics.contains { $0.code == "login-failed" && $0.level == .warning })
    }

    @Test(.enabled(if: python != nil, "Flask or graphene is not installed (.ci/run installs them in .venv)"))
    func theRequestBudgetHoldsWithActiveChecks() async throws {
        let server = try await Self.app("vulnerable", tls: nil)
        for budget in [7, 60, 150] {
            var options = Self.options(server.url)
            options.limits.maxRequests = budget
            let output = await WebScanner(options: options).scanSite(server.url)
            #expect(output.filesScanned == budget, "\(output.filesScanned) requests for a budget of \(budget)")
            #expect(output.diagnostics.contains { $0.code == "requests" && $0.message.hasPrefix("\(budget) requests") })
        }
    }

    @Test(.enabled(if: python != nil, "Flask or graphene is not installed (.ci/run installs them in .venv)"))
    func formLoginKeepsTheSessionAndAvoidsLogout() async throws {
        let server = try await Self.app("secure", tls: nil)
        let account = try #require(URL(string: "/account", relativeTo: server.url)?.absoluteURL)
        let login = FormLogin(url: try #require(URL(string: "/login", relativeTo: server.url)?.absoluteURL), username: "alice", password: "wonderland")
        // One request at a time: concurrent responses would carry the old session back.
        var limits = CrawlLimits()
        limits.concurrency = 1
        let result = await Crawler(start: account, limits: limits, login: login).crawl()
        #expect(result.loggedIn == true)
        let paths = result.exchanges.map { (URL(string: $0.url)?.path ?? "", $0.status) }
        #expect(paths.contains { $0 == ("/account/orders", 200) }, "the session reached a page behind the login")
        #expect(!paths.contains { $0.0 == "/logout" }, "the logout link was not followed")
        #expect(result.relogins >= 1, "the lost session (/account/expire) was renewed")

        let wrong = FormLogin(url: login.url, username: "alice", password: "wrong")
        #expect(await Crawler(start: account, login: wrong).crawl().loggedIn == false)
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import RampartCore
import RampartRegex
@testable import RampartWeb
import RampartTestSupport
import Testing

/// A scan that checked nothing, or less than it set out to, must never read as a pass: each
/// way a target can fail (refused, TLS, invalid HTTP, a gzip bomb, no answer, only errors) is
/// "the scan did not happen", and a budget that cuts a scan short says what it left.
@Suite(.serialized) struct FailClosedTests {
    static func failing(_ mode: String) async throws -> FixtureServer {
        try await FixtureServer(script: "failing_server.py", arguments: [mode])
    }

    /// A port nothing listens on: bound, then released.
    static func deadPort() throws -> Int {
        let socket = try ServerSocketProbe.bindAndClose()
        return socket
    }

    static func scan(_ url: URL, configure: (inout WebOptions) -> Void = { _ in }) async -> ScannerOutput {
        var options = WebOptions(target: url)
        options.limits.timeBudget = .seconds(60)
        options.limits.requestTimeout = .seconds(3)
        configure(&options)
        return await WebScanner(options: options).scanSite(url)
    }

    static func notHappened(_ output: ScannerOutput) -> Diagnostic? {
        output.diagnostics.first { $0.code == "target-unreachable" && $0.level == .error }
    }

    @Test func nothingListeningIsAFailureWithAReadableReason() async throws {
        let url = try #require(URL(string: "http://127.0.0.1:\(try Self.deadPort())/"))
        let output = await Self.scan(url)
        let error = try #require(Self.notHappened(output), "\(output.diagnostics.map(\.message))")
        #expect(error.message.contains("the scan did not happen") && error.message.contains("connection refused"))
        #expect(!error.message.contains("errno") && !error.message.contains("error set"))
        #expect(output.findings.isEmpty && output.filesScanned == 1, "one request, then nothing else was tried")
    }

    @Test(arguments: ["errors", "garbage", "gzipbomb", "hang"])
    func aTargetThatNeverAnswersWithAPageIsAFailure(mode: String) async throws {
        let server = try await Self.failing(mode)
        let output = await Self.scan(server.url)
        let error = try #require(Self.notHappened(output), "\(mode): \(output.diagnostics.map(\.message))")
        let expected = ["errors": "status 500", "garbage": "invalid HTTP", "gzipbomb": "too large", "hang": "no response"][mode] ?? ""
        #expect(error.message.contains(expected), "\(mode): \(error.message)")
    }

    @Test func tlsToAPlainServerIsAFailure() async throws {
        let server = try await fixtureSite(pages: 2)
        let url = try #require(URL(string: "https://127.0.0.1:\(server.port)/"))
        let output = await Self.scan(url)
        let error = try #require(Self.notHappened(output))
        #expect(error.message.contains("TLS"), "\(error.message)")
    }

    @Test func failuresAreNamedInWords() {
        let url = "http://127.0.0.1:5999/"
        #expect(RequestFailure.of(IOError(errnoCode: ECONNREFUSED, reason: "connect"), url: url).message == "connection refused (nothing listens at 127.0.0.1:5999)")
        #expect(RequestFailure.of(HTTPClientError.connectTimeout, url: url).kind == .timeout)
        #expect(RequestFailure.of(HTTPClientError.remoteConnectionClosed, url: url).kind == .closed)
        #expect(RequestFailure.of(CancellationError(), url: url).kind == .budget)
        #expect(RequestFailure.of(HTTPClientError.connectTimeout, url: url).isTransport)
    }

    /// Pages of 200,000 links each: parsing and rules observe the deadline too, and the report
    /// says the crawl was cut short and what it left.
    @Test func aTimeBudgetIsAHardStopAndNotAPass() async throws {
        let server = try await Self.failing("links")
        let clock = ContinuousClock()
        let started = clock.now
        let output = await Self.scan(server.url) { $0.limits.timeBudget = .seconds(3) }
        let elapsed = (clock.now - started).inSeconds
        // Not a benchmark: before, a 5 s budget ended after 38 s. Room for a busy machine.
        #expect(elapsed < 20, "a 3 s budget took \(elapsed) s")
        #expect(output.timedOut)
        let budget = try #require(output.diagnostics.first { $0.code == "web-budget" })
        #expect(budget.level == .error)
        #expect(budget.message.contains("time budget") && budget.message.contains("during the crawl") && budget.message.contains("found but not visited"), "\(budget.message)")
    }

    @Test func partialOKKeepsTheTruthButDoesNotFail() async throws {
        let server = try await Self.failing("slowpages")
        let output = await Self.scan(server.url) {
            $0.limits.timeBudget = .seconds(1)
            $0.limits.concurrency = 1
            $0.partialOK = true
        }
        #expect(output.timedOut)
        let budget = try #require(output.diagnostics.first { $0.code == "web-budget" })
        #expect(budget.level == .warning)
        #expect(Self.notHappened(output) == nil, "pages were fetched: the scan happened, partially")
    }

    @Test func aRequestBudgetThatEndsTheActivePhaseSaysSo() async throws {
        let server = try await fixtureSite(pages: 10)
        let output = await Self.scan(try #require(URL(string: "page/0?q=1", relativeTo: server.url)?.absoluteURL)) {
            $0.active = true
            $0.limits.maxRequests = 12
        }
        #expect(output.timedOut)
        let budget = try #require(output.diagnostics.first { $0.code == "web-budget" })
        #expect(budget.message.contains("request budget"), "\(budget.message)")
    }

    @Test func scopeKeepsUnsafeAndExcludedURLsOut() throws {
        let start = try #require(URL(string: "https://shop.test/"))
        var scope = CrawlScope(start: start, excluded: [try #require(try? ByteRegex("/admin/"))])
        for path in ["/logout", "/account/log-out", "/items/2/delete", "/reset-password", "/changePassword", "/admin/users"] {
            #expect(!scope.allows("https://shop.test\(path)"), "\(path) must not be requested")
        }
        for path in ["/", "/products", "/deleted-items-policy", "/dropdown", "/login"] {
            #expect(scope.allows("https://shop.test\(path)"), "\(path) is an ordinary page")
        }
        #expect(!scope.allows("https://other.test/"))
        scope.unsafe = true
        #expect(scope.allows("https://shop.test/items/2/delete") && !scope.allows("https://shop.test/admin/users"))
    }

    /// `--exclude` and ZAP's `*<TAB>OUTOFSCOPE` lines keep URLs out of the crawl itself, not
    /// only out of the alerts.
    @Test func excludedURLsAreNeverRequested() async throws {
        let site = try await fixtureSite(pages: 12)
        var options = WebOptions(target: site.url)
        options.exclude = [try #require(try? ByteRegex("/page/3$"))]
        options.zapConfig = try ZAPRuleConfig.parse("*\tOUTOFSCOPE\t/hidden$\n", file: "rules.tsv")
        options.limits.maxDepth = 20
        let passive = PassiveChecks(rules: [], localhostExemption: true, deadline: .now + .seconds(60))
        let scope = CrawlScope(start: site.url, excluded: options.exclude + (options.zapConfig?.outOfScope.map(\.pattern) ?? []))
        let result = await Crawler(start: site.url, limits: options.limits, scope: scope).crawl(passive: passive)
        let paths = Set(result.exchanges.compactMap { URL(string: $0.url)?.path })
        #expect(paths.isSuperset(of: ["/page/2", "/page/4", "/page/6"]), "the crawl went on around the excluded pages: \(paths.sorted())")
        #expect(paths.isDisjoint(with: ["/page/3", "/hidden"]))
        // The same through the scanner, which builds the scope from its options.
        let output = await WebScanner(options: options).scanSite(site.url)
        let seen = Set(output.findings.flatMap(\.instances).compactMap { URL(string: $0.url)?.path })
        #expect(seen.contains("/page/2") && seen.isDisjoint(with: ["/page/3", "/hidden"]), "\(seen.sorted())")
    }

    @Test func formsArePairedAndClassified() throws {
        let scope = CrawlScope(start: try #require(URL(string: "https://shop.test/")))
        let field = { (name: String, type: String) in PageLinks.Field(name: name, type: type, value: "") }
        let register = PageLinks.Form(action: "https://shop.test/register", method: "POST", fields: [field("user", "text"), field("password", "password"), field("password2", "password")])
        let body = try #require(register.request()?.body)
        let pairs = FormEncoding.decode(body)
        #expect(pairs.first { $0.name == "password" }?.value == pairs.first { $0.name == "password2" }?.value)
        #expect(FormSafety.verdict(register, scope: scope) == .submit)
        let change = PageLinks.Form(action: "https://shop.test/settings/credentials", method: "POST", fields: [field("current_password", "password"), field("new_password", "password")])
        #expect(FormSafety.verdict(change, scope: scope) != .submit)
        let login = PageLinks.Form(action: "https://shop.test/login", method: "POST", fields: [field("user", "text"), field("pass", "password")])
        #expect(FormSafety.verdict(login, scope: scope) == .skip("a login form: submitted only through --login-url"))
    }
}

/// Binds a TCP socket on 127.0.0.1 to a free port and closes it: a port nothing listens on.
enum ServerSocketProbe {
    static func bindAndClose() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).wait()
        let port = channel.localAddress?.port ?? 1
        try channel.close().wait()
        return port
    }
}

import Foundation
@testable import RampartWeb
import RampartTestSupport
import Testing

/// A fixture server on 127.0.0.1, for one test: a Python script that prints its port first.
final class FixtureServer: @unchecked Sendable {
    let process = Process()
    /// The fixture's stdin: a script that watches it exits when it closes.
    let input = Pipe()
    let port: Int
    let scheme: String
    var url: URL { URL(string: "\(scheme)://127.0.0.1:\(port)/")! }

    init(python: String = "python3", script: String, arguments: [String], scheme: String = "http") async throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(script)").path
        self.scheme = scheme
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = input
        // The fixture exits when this stdin closes (`fixture_watchdog.py`), even if this object
        // is never released before the test process ends.
        process.environment = ProcessInfo.processInfo.environment.merging(["FIXTURE_WATCH_STDIN": "1"]) { _, new in new }
        try process.run()
        let handle = output.fileHandleForReading
        let line = try await offPool { () -> String in
            var bytes: [UInt8] = []
            while let byte = try handle.read(upToCount: 1)?.first, byte != 0x0A { bytes.append(byte) }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let port = Int(line) else { throw CocoaError(.fileReadCorruptFile) }
        self.port = port
    }

    deinit {
        process.terminate()
        try? input.fileHandleForWriting.close()
    }
}

/// The crawler's fixture site (`Fixtures/site_server.py`, standard library only).
func fixtureSite(pages: Int = 20, hostile: Bool = false) async throws -> FixtureServer {
    try await FixtureServer(script: "site_server.py", arguments: [String(pages)] + (hostile ? ["hostile"] : []))
}

@Suite(.serialized) struct CrawlerTests {
    @Test func crawlsLinksRobotsAndSitemapsInScope() async throws {
        let site = try await fixtureSite(pages: 30)
        var limits = CrawlLimits()
        // Not about time: room for a CI machine busy with the rest of the suite.
        limits.timeBudget = .seconds(120)
        limits.maxDepth = 40
        let result = await Crawler(start: site.url, limits: limits).crawl()
        let paths = Set(result.exchanges.compactMap { URL(string: $0.url)?.path })
        #expect(paths.isSuperset(of: ["/", "/robots.txt", "/sitemap.xml", "/hidden", "/from-sitemap", "/page/0", "/page/29"]))
        #expect(!result.exchanges.contains { $0.url.contains("outside.invalid") })
        #expect(result.requests == result.exchanges.count + result.errors.count)
        #expect(!result.timedOut)
    }

    @Test func theRequestBudgetIsExact() async throws {
        let site = try await fixtureSite(pages: 200)
        var limits = CrawlLimits()
        limits.maxDepth = 200
        limits.maxRequests = 25
        let result = await Crawler(start: site.url, limits: limits).crawl()
        #expect(result.requests == 25)
        #expect(result.exchanges.count + result.errors.count == 25)
        limits.maxRequests = nil
        limits.maxPages = 40
        #expect(await Crawler(start: site.url, limits: limits).crawl().requests == 40)
    }

    /// The hostile routes (hang, 1 GB, endless redirects) would take minutes: the time limit
    /// fails the test if the 6 s budget does not hold (generous for a loaded machine).
    @Test(.timeLimit(.minutes(2))) func hostileServersEndWithinTheBudget() async throws {
        let site = try await fixtureSite(pages: 5, hostile: true)
        var limits = CrawlLimits()
        limits.timeBudget = .seconds(6)
        limits.requestTimeout = .seconds(2)
        limits.maxResponseBytes = 1 << 20
        limits.maxDepth = 30
        let result = await Crawler(start: site.url, limits: limits).crawl()
        let huge = result.exchanges.first { $0.url.hasSuffix("/huge") }
        #expect(huge.map { $0.truncated && $0.body.count == 1 << 20 } ?? true)
        #expect(result.errors.contains { $0.url.hasSuffix("/hang") } || result.timedOut)
        #expect(result.exchanges.filter { $0.url.contains("/loop") }.count <= 31)
        #expect(result.exchanges.contains { URL(string: $0.url)?.path == "/page/4" })
    }
}

extension CrawlerTests {
    @Test func theDepthLimitHolds() async throws {
        let site = try await fixtureSite(pages: 60)
        var limits = CrawlLimits()
        limits.maxDepth = 3
        let result = await Crawler(start: site.url, limits: limits).crawl()
        #expect(result.exchanges.allSatisfy { $0.depth <= 3 })
        #expect(!result.exchanges.contains { $0.url.hasSuffix("/page/20") })
    }
}

extension CrawlerTests {
    /// A request that would outlast the whole budget is cut at the budget, not at its own timeout:
    /// the server never answers and the request may wait an hour, so only the 3 s budget can end
    /// the crawl before the time limit (generous, for a loaded machine: not a timing benchmark).
    @Test(.timeLimit(.minutes(2))) func theTimeBudgetIsAHardStop() async throws {
        let site = try await fixtureSite(pages: 5, hostile: true)
        var limits = CrawlLimits()
        limits.timeBudget = .seconds(3)
        limits.requestTimeout = .seconds(3600)
        limits.maxResponseBytes = 1 << 30
        let result = await Crawler(start: site.url, limits: limits).crawl()
        #expect(result.timedOut)
        #expect(result.exchanges.contains { URL(string: $0.url)?.path == "/" })
    }
}

@Suite struct WebRulesTests {
    @Test func everyRuleFileIsRegistered() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/RampartWeb/Rules").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }
        let registered = Set(WebRules.all.map { String(describing: $0) })
        #expect(Set(files) == registered)
    }

    /// Grouping: one finding per rule and site, every page an instance; the secure page is clean.
    @Test func findingsAreGroupedPerRuleAndSite() {
        func page(_ url: String, _ headers: [(String, String)]) -> WebExchange {
            WebExchange(url: url, method: "GET", status: 200, headers: [("Content-Type", "text/html")] + headers, body: Array("<html></html>".utf8), truncated: false, depth: 0)
        }
        let secure: [(String, String)] = [
            ("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'"), ("X-Content-Type-Options", "nosniff"),
            ("Cache-Control", "no-store"), ("Cross-Origin-Opener-Policy", "same-origin"), ("Cross-Origin-Embedder-Policy", "require-corp"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("Permissions-Policy", "camera=()"), ("Referrer-Policy", "no-referrer"), ("Strict-Transport-Security", "max-age=31536000"),
            ("Set-Cookie", "session=abc; HttpOnly; Secure; SameSite=Lax"),
        ]
        #expect(WebScanner().findings(for: [page("https://shop.test/a", secure), page("https://shop.test/b", secure)]).isEmpty)
        let findings = WebScanner().findings(for: [page("https://shop.test/a", []), page("https://shop.test/b", []), page("https://other.test/", [])])
        let clickjacking = findings.filter { $0.ruleId.rawValue == "web/10020" }
        #expect(clickjacking.count == 2)
        let shop = clickjacking.first { $0.instances.contains { $0.url.hasPrefix("https://shop.test/") } }
        #expect(shop?.instances.map(\.url) == ["https://shop.test/a", "https://shop.test/b"])
        // The location is the first instance (in URL order), the identity the site's.
        guard case .web(let location)? = shop?.location else { Issue.record("not a web location"); return }
        #expect(location.url == "https://shop.test/a" && location.site == "https://shop.test/")
        // Whichever page the crawl reached first, the finding is the same.
        let reversed = WebScanner().findings(for: [page("https://shop.test/b", []), page("https://shop.test/a", [])])
        #expect(reversed.first { $0.ruleId.rawValue == "web/10020" }?.location == shop?.location)
    }

    @Test func recordedResponsesParse() {
        let exchange = RawHTTPResponse.parse("# POST https://x.test/login\r\nHTTP/1.1 302 Found\r\nLocation: /\r\nSet-Cookie: a=1\r\n\r\nbody\r\nmore", defaultURL: "http://localhost/")
        #expect(exchange?.url == "https://x.test/login" && exchange?.method == "POST" && exchange?.status == 302)
        #expect(exchange?.header("location") == "/" && exchange?.text == "body\nmore")
        #expect(RawHTTPResponse.parse("garbage", defaultURL: "http://localhost/") == nil)
        let post = RawHTTPResponse.parse("# POST https://x.test/comment\n# body: author=a%26b&text=hi\nHTTP/1.1 200 OK\n\n", defaultURL: "http://localhost/")
        #expect(post?.requestParameters.map { "\($0.name)=\($0.value)" } == ["author=a&b", "text=hi"])
    }
}

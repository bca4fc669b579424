import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP exchange the crawler made.
public struct WebExchange: Sendable {
    public var url: String
    public var method: String
    public var status: Int
    /// Response headers in order, names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The body was cut at `maxResponseBytes`.
    public var truncated: Bool
    public var depth: Int
    /// The request's body (`application/x-www-form-urlencoded` for submitted forms), if any.
    public var requestBody: String?

    public init(url: String, method: String = "GET", status: Int, headers: [(name: String, value: String)], body: [UInt8],
                truncated: Bool = false, depth: Int = 0, requestBody: String? = nil) {
        self.url = url
        self.method = method
        self.status = status
        self.headers = headers
        self.body = body
        self.truncated = truncated
        self.depth = depth
        self.requestBody = requestBody
    }

    /// Query and form-body parameters of the request, decoded.
    public var requestParameters: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        if let query = URLComponents(string: url)?.percentEncodedQuery { result += FormEncoding.decode(query) }
        if let requestBody { result += FormEncoding.decode(requestBody) }
        return result
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public func headers(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    public var contentType: String { header("content-type")?.lowercased() ?? "" }
    public var isHTML: Bool { contentType.contains("text/html") || contentType.contains("application/xhtml") }
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// `application/x-www-form-urlencoded`, both ways.
public enum FormEncoding {
    public static func decode(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func unescape(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }

    public static func encode(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
    }

    static let unreserved: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        set.insert(charactersIn: "-._*")
        return set
    }()

    public static func escape(_ s: String) -> String {
        (s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s).replacingOccurrences(of: "%20", with: "+")
    }
}

/// Limits of a crawl, all honoured exactly: the scan stops at whichever comes first.
public struct CrawlLimits: Sendable {
    public var maxPages = 500
    public var maxDepth = 10
    /// Requests in all (pages, robots.txt, sitemaps, redirects); nil: no limit beyond pages.
    public var maxRequests: Int?
    /// Requests started per second; nil: as fast as `concurrency` allows.
    public var requestsPerSecond: Double?
    public var concurrency = 8
    public var maxResponseBytes = 5 << 20
    /// The whole crawl's budget.
    public var timeBudget: Duration = .seconds(120)
    /// One request's budget, headers and body.
    public var requestTimeout: Duration = .seconds(10)

    public init() {}
}

/// What a crawl did.
public struct CrawlResult: Sendable {
    public var exchanges: [WebExchange] = []
    public var forms: [(page: String, form: PageLinks.Form)] = []
    public var requests = 0
    public var errors: [(url: String, message: String)] = []
    public var timedOut = false
    public var durationSeconds = 0.0
}

/// A breadth-first crawler of one origin: links in HTML, `robots.txt`, `sitemap.xml`, redirects
/// and inline script navigation. It follows only GET links in scope and submits no forms.
public final class Crawler: Sendable {
    public let start: URL
    public let limits: CrawlLimits
    public let extraHeaders: [(String, String)]
    let scope: @Sendable (URL) -> Bool

    public init(start: URL, limits: CrawlLimits = CrawlLimits(), headers: [(String, String)] = [], inScope: (@Sendable (URL) -> Bool)? = nil) {
        self.start = start
        self.limits = limits
        self.extraHeaders = headers
        let origin = Self.origin(of: start)
        self.scope = inScope ?? { url in Self.origin(of: url) == origin }
    }

    static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    public func crawl() async -> CrawlResult {
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started + limits.timeBudget
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(Int64(max(1, limits.requestTimeout.components.seconds)))))
        configuration.decompression = .enabled(limit: .size(limits.maxResponseBytes * 4))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)

        var result = CrawlResult()
        var queue: [(url: String, depth: Int)] = [(start.absoluteString, 0)]
        var seen: Set<String> = [Self.key(start.absoluteString)]
        // Discovery files first, as ZAP's spider reads them.
        for extra in ["/robots.txt", "/sitemap.xml"] {
            if let url = URL(string: extra, relativeTo: start)?.absoluteString, seen.insert(Self.key(url)).inserted { queue.append((url, 1)) }
        }
        var pages = 0
        var nextStart = started
        let interval: Duration? = limits.requestsPerSecond.map { .nanoseconds(Int64(1e9 / max(0.001, $0))) }

        await withTaskGroup(of: (String, Int, Result<WebExchange, any Error>).self) { group in
            var running = 0
            var head = 0
            func launch() -> Bool {
                guard head < queue.count, pages < limits.maxPages, clock.now < deadline else { return false }
                if let max = limits.maxRequests, result.requests >= max { return false }
                let (url, depth) = queue[head]
                head += 1
                pages += 1
                result.requests += 1
                running += 1
                let wait = interval.map { _ in nextStart }
                if let interval { nextStart = max(clock.now, nextStart) + interval }
                group.addTask { [self] in
                    if let wait, wait > clock.now { try? await Task.sleep(until: wait, clock: clock) }
                    do {
                        return (url, depth, .success(try await self.fetchBounded(url, depth: depth, client: client, deadline: deadline)))
                    } catch {
                        return (url, depth, .failure(error))
                    }
                }
                return true
            }
            while running < limits.concurrency, launch() {}
            while running > 0 {
                // The budget is a hard stop: in-flight requests are cancelled at the deadline.
                let next: (String, Int, Result<WebExchange, any Error>)?
                if clock.now >= deadline {
                    group.cancelAll()
                    result.timedOut = true
                }
                next = await group.next()
                guard let (url, depth, outcome) = next else { break }
                running -= 1
                switch outcome {
                case .success(let exchange):
                    result.exchanges.append(exchange)
                    for (link, linkDepth) in discover(exchange) where linkDepth <= limits.maxDepth {
                        if let parsed = URL(string: link), scope(parsed), seen.insert(Self.key(link)).inserted { queue.append((link, linkDepth)) }
                    }
                    if exchange.isHTML, let page = URL(string: exchange.url) {
                        for form in PageLinks.extract(exchange.text, pageURL: page).forms { result.forms.append((exchange.url, form)) }
                    }
                case .failure(let error):
                    result.errors.append((url, Self.describe(error)))
                }
                while running < limits.concurrency, launch() {}
            }
        }
        // Closing connections to a server that still streams or hangs may take a while: the
        // result does not wait for it.
        Task.detached { try? await client.shutdown() }
        if clock.now >= deadline && queue.count > pages { result.timedOut = true }
        result.durationSeconds = Double((clock.now - started).components.attoseconds) / 1e18 + Double((clock.now - started).components.seconds)
        return result
    }

    /// Links to follow from a response: HTML links, a redirect's target, robots and sitemap entries.
    func discover(_ exchange: WebExchange) -> [(String, Int)] {
        guard let page = URL(string: exchange.url) else { return [] }
        var links: [String] = []
        if (300..<400).contains(exchange.status), let location = exchange.header("location"), let target = PageLinks.resolve(location, against: page) {
            links.append(target.absoluteString)
        }
        if exchange.status == 200 {
            if page.path == "/robots.txt" {
                for line in exchange.text.split(whereSeparator: \.isNewline) {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    let key = parts[0].trimmingWhitespace().lowercased()
                    let value = parts[1].trimmingWhitespace()
                    if ["allow", "disallow", "sitemap"].contains(key), !value.contains("*"), let url = PageLinks.resolve(value, against: page) { links.append(url.absoluteString) }
                }
            } else if page.path.hasSuffix(".xml") && exchange.text.contains("<loc") {
                var inLoc = false
                for token in HTMLTokenizer.tokenize(exchange.text) {
                    switch token {
                    case .startTag("loc", _, _): inLoc = true
                    case .endTag("loc"): inLoc = false
                    case .text(let text) where inLoc:
                        if let url = PageLinks.resolve(text.trimmingWhitespace(), against: page) { links.append(url.absoluteString) }
                    default: break
                    }
                }
            } else if exchange.isHTML {
                links += PageLinks.extract(exchange.text, pageURL: page).links
            }
        }
        return links.map { ($0, exchange.depth + 1) }
    }

    struct Timeout: Error, CustomStringConvertible {
        var description: String { "timed out" }
    }

    /// `fetch`, raced against its own timeout and the crawl's deadline: whichever comes first
    /// cancels the request, however the server behaves.
    func fetchBounded(_ url: String, depth: Int, client: HTTPClient, deadline: ContinuousClock.Instant) async throws -> WebExchange {
        let stop = min(ContinuousClock.now + limits.requestTimeout, deadline)
        return try await withThrowingTaskGroup(of: WebExchange?.self) { group in
            group.addTask { try await self.fetch(url, depth: depth, client: client, deadline: deadline) }
            group.addTask {
                try? await Task.sleep(until: stop, clock: ContinuousClock())
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let exchange = first else { throw Timeout() }
            return exchange
        }
    }

    func fetch(_ url: String, depth: Int, client: HTTPClient, deadline: ContinuousClock.Instant) async throws -> WebExchange {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: "Rampart web scanner")
        for (name, value) in extraHeaders { request.headers.add(name: name, value: value) }
        let remaining = ContinuousClock.now.duration(to: deadline)
        let timeout = min(limits.requestTimeout, max(.milliseconds(1), remaining))
        let response = try await client.execute(request, timeout: .nanoseconds(Int64(Double(timeout.components.seconds) * 1e9 + Double(timeout.components.attoseconds) / 1e9)))
        var body: [UInt8] = []
        var truncated = false
        for try await chunk in response.body {
            let room = limits.maxResponseBytes - body.count
            if chunk.readableBytes > room {
                body += chunk.readableBytesView.prefix(room)
                truncated = true
                break
            }
            body += chunk.readableBytesView
            if ContinuousClock.now >= deadline { truncated = true; break }
        }
        return WebExchange(url: url, method: "GET", status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                           body: body, truncated: truncated, depth: depth)
    }

    /// One key per URL: without its fragment.
    static func key(_ url: String) -> String {
        guard let hash = url.firstIndex(of: "#") else { return url }
        return String(url[..<hash])
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return "\(error)" }
        return "\(error)"
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import RampartCore

/// A request the scanner sends: a link (GET), a submitted form, a login, a probe.
public struct WebRequest: Sendable, Hashable {
    public var method: String
    public var url: String
    /// The body: `application/x-www-form-urlencoded` unless `contentType` says otherwise.
    public var body: String?
    /// The body's media type (`application/json` for API and GraphQL requests); nil: a form.
    public var contentType: String?
    /// Sent without the session's cookies, and its cookies not kept: probes of login forms,
    /// which must not log the scan in or out as someone else.
    public var isolated: Bool
    /// Cookies sent instead of the jar's: an isolated request's own, or the session as it was
    /// when a form's anti-CSRF token was read (other responses may renew the session meanwhile).
    public var cookieHeader: String?

    public init(method: String = "GET", url: String, body: String? = nil, contentType: String? = nil, isolated: Bool = false) {
        self.method = method
        self.url = url
        self.body = body
        self.contentType = contentType
        self.isolated = isolated
    }

    /// One key per request: without the URL's fragment.
    var key: String {
        let bare = url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
        return method + " " + bare + (body.map { "\u{0}" + $0 } ?? "")
    }
}

/// The scanner's HTTP client: one per scan, shared by the crawler, the discovery probes and the
/// active checks so that every limit (requests, rate, response size, time budget) holds for the
/// whole scan. It keeps the session's cookies, as a browser would.
public final class WebClient: Sendable {
    public let limits: CrawlLimits
    let extraHeaders: [(String, String)]
    let http: HTTPClient
    let clock = ContinuousClock()
    public let started: ContinuousClock.Instant
    public let deadline: ContinuousClock.Instant
    private let state = Locked(State())

    struct State {
        var requests = 0
        var nextStart: ContinuousClock.Instant?
        var cookies: [(name: String, value: String)] = []
        var timedOut = false
        var requestBudgetRefused = false
    }

    public init(limits: CrawlLimits, headers: [(String, String)] = [], verifyTLS: Bool = true) {
        self.limits = limits
        // A Cookie header given by the user seeds the jar, so the session the scan builds keeps it.
        var seeded: [(name: String, value: String)] = []
        var others: [(String, String)] = []
        for (name, value) in headers {
            guard name.lowercased() == "cookie" else { others.append((name, value)); continue }
            for pair in value.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { seeded.append((parts[0].trimmingWhitespace(), parts[1].trimmingWhitespace())) }
            }
        }
        // A browser's Accept unless the user set one: some pages (a GraphiQL IDE) are only
        // served to browsers.
        if !others.contains(where: { $0.0.lowercased() == "accept" }) {
            others.insert(("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), at: 0)
        }
        extraHeaders = others
        started = clock.now
        deadline = started + limits.timeBudget
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(Int64(max(1, limits.requestTimeout.components.seconds)))))
        // A refused connection is an answer: fail at once instead of retrying until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .enabled(limit: .size(limits.maxResponseBytes * 4))
        if !verifyTLS {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            configuration.tlsConfiguration = tls
        }
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        state.withLock { $0.cookies = seeded }
    }

    deinit {
        // Closing connections to a server that still streams or hangs may take a while: nobody waits.
        let http = self.http
        Task.detached { try? await http.shutdown() }
    }

    public var requestCount: Int { state.withLock { $0.requests } }
    public var timedOut: Bool { state.withLock { $0.timedOut } || clock.now >= deadline }
    public var remainingRequests: Int? { limits.maxRequests.map { max(0, $0 - requestCount) } }
    /// A request was refused because `maxRequests` were sent: something planned was not.
    public var requestBudgetRefused: Bool { state.withLock { $0.requestBudgetRefused } }
    public var elapsedSeconds: Double { (clock.now - started).inSeconds }

    /// Takes one request from the budget, or says the budget (requests or time) is spent.
    public func reserve() -> Bool {
        guard clock.now < deadline else {
            state.withLock { $0.timedOut = true }
            return false
        }
        return state.withLock { state in
            if let max = limits.maxRequests, state.requests >= max {
                state.requestBudgetRefused = true
                return false
            }
            state.requests += 1
            return true
        }
    }

    /// Sends a request reserved with `reserve()`, waiting for its turn under the rate limit;
    /// raced against its own timeout and the scan's deadline: whichever comes first cancels it,
    /// however the server behaves.
    public func send(_ request: WebRequest, depth: Int = 0) async throws -> WebExchange {
        if let rate = limits.requestsPerSecond {
            let interval = Duration.nanoseconds(Int64(1e9 / max(0.001, rate)))
            let wait = state.withLock { state -> ContinuousClock.Instant in
                let slot = max(clock.now, state.nextStart ?? clock.now)
                state.nextStart = slot + interval
                return slot
            }
            if wait > clock.now { try await Task.sleep(until: wait, clock: clock) }
        }
        let stop = min(clock.now + limits.requestTimeout, deadline)
        return try await withThrowingTaskGroup(of: WebExchange?.self) { group in
            group.addTask { try await self.fetch(request, depth: depth) }
            group.addTask {
                try? await Task.sleep(until: stop, clock: ContinuousClock())
                return nil
            }
            defer { group.cancelAll() }
            let first: WebExchange?
            do {
                first = try await group.next() ?? nil
            } catch {
                throw RequestFailure.of(error, url: request.url)
            }
            guard let exchange = first else {
                if clock.now >= deadline {
                    state.withLock { $0.timedOut = true }
                    throw RequestFailure.budget
                }
                throw RequestFailure(.timeout, "no response within \(Int(limits.requestTimeout.inSeconds)) s")
            }
            return exchange
        }
    }

    func fetch(_ request: WebRequest, depth: Int) async throws -> WebExchange {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        outgoing.headers.add(name: "User-Agent", value: "Rampart web scanner")
        for (name, value) in extraHeaders { outgoing.headers.add(name: name, value: value) }
        let cookies = request.isolated || request.cookieHeader != nil ? [] : state.withLock { $0.cookies }
        if let own = request.cookieHeader { outgoing.headers.add(name: "Cookie", value: own) }
        if !cookies.isEmpty { outgoing.headers.add(name: "Cookie", value: cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")) }
        if let body = request.body {
            outgoing.headers.add(name: "Content-Type", value: request.contentType ?? "application/x-www-form-urlencoded")
            outgoing.body = .bytes(ByteBuffer(string: body))
        }
        let remaining = clock.now.duration(to: deadline)
        let timeout = min(limits.requestTimeout, max(.milliseconds(1), remaining))
        let sent = clock.now
        let response = try await http.execute(outgoing, timeout: .nanoseconds(Int64(timeout.inSeconds * 1e9)))
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
            if clock.now >= deadline { truncated = true; break }
        }
        let headers = response.headers.map { ($0.name, $0.value) }
        if !request.isolated { remember(headers.filter { $0.0.lowercased() == "set-cookie" }.map(\.1)) }
        var exchange = WebExchange(url: request.url, method: request.method, status: Int(response.status.code), headers: headers,
                                   body: body, truncated: truncated, depth: depth, requestBody: request.body, requestContentType: request.contentType)
        exchange.elapsedSeconds = (clock.now - sent).inSeconds
        return exchange
    }

    /// The cookie jar: one origin is in scope, so cookies are kept by name.
    func remember(_ setCookies: [String]) {
        guard !setCookies.isEmpty else { return }
        state.withLock { state in
            for header in setCookies {
                guard let cookie = SetCookie(header) else { continue }
                state.cookies.removeAll { $0.name == cookie.name }
                if !cookie.isDeletion { state.cookies.append((cookie.name, cookie.value)) }
            }
        }
    }

    /// The jar as a `Cookie` header value.
    var cookieHeader: String {
        state.withLock { $0.cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ") }
    }

    /// Forgets the session (before a re-login).
    func clearCookies() {
        state.withLock { $0.cookies.removeAll() }
    }
}

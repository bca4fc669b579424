import Foundation
import RampartCore

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
    /// Submit the forms found (GET and POST, typed default values). Off by default: a passive
    /// baseline must not change the application's data.
    public var submitForms = false

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
    /// Form login: whether it worked, and how many times the session had to be renewed.
    public var loggedIn: Bool?
    public var relogins = 0
}

/// A form-login recipe: the login page, its field names, and the credentials (read from the
/// environment by the CLI, never from the command line).
public struct FormLogin: Sendable {
    public var url: URL
    public var usernameField: String
    public var passwordField: String
    public var username: String
    public var password: String
    /// Text that shows the session was lost (besides a redirect to the login page or a 401).
    public var loggedOutText: String?

    public init(url: URL, usernameField: String = "username", passwordField: String = "password", username: String, password: String, loggedOutText: String? = nil) {
        self.url = url
        self.usernameField = usernameField
        self.passwordField = passwordField
        self.username = username
        self.password = password
        self.loggedOutText = loggedOutText
    }
}

/// A breadth-first crawler of one origin: links in HTML, `robots.txt`, `sitemap.xml`, redirects
/// and inline script navigation; forms only with `submitForms`. Logout links are never followed.
public final class Crawler: Sendable {
    public let start: URL
    public let limits: CrawlLimits
    public let client: WebClient
    public let login: FormLogin?
    let scope: @Sendable (URL) -> Bool
    /// Progress (pages, queue, requests per second), called about once a second.
    let progress: (@Sendable (CrawlProgress) -> Void)?

    public init(start: URL, limits: CrawlLimits = CrawlLimits(), headers: [(String, String)] = [], client: WebClient? = nil, login: FormLogin? = nil,
                inScope: (@Sendable (URL) -> Bool)? = nil, progress: (@Sendable (CrawlProgress) -> Void)? = nil) {
        self.start = start
        self.limits = limits
        self.client = client ?? WebClient(limits: limits, headers: headers)
        self.login = login
        self.progress = progress
        let origin = Self.origin(of: start)
        self.scope = inScope ?? { url in Self.origin(of: url) == origin }
    }

    static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    /// Links that end the session: never followed, never submitted.
    static func isLogout(_ url: String) -> Bool {
        let lower = (URL(string: url)?.path ?? url).lowercased()
        return ["logout", "log-out", "log_out", "signout", "sign-out", "sign_out", "logoff", "log-off"].contains { lower.contains($0) }
    }

    public func crawl() async -> CrawlResult {
        await WebExecutor.run { await self.crawlOnExecutor() }
    }

    private func crawlOnExecutor() async -> CrawlResult {
        var result = CrawlResult()
        var pages = 0
        if let login {
            result.loggedIn = await logIn(login, into: &result)
            pages = result.requests
        }
        var queue: [(request: WebRequest, depth: Int)] = [(WebRequest(url: start.absoluteString), 0)]
        var seen: Set<String> = [queue[0].request.key]
        // Discovery files first, as ZAP's spider reads them.
        for extra in ["/robots.txt", "/sitemap.xml"] {
            if let url = URL(string: extra, relativeTo: start)?.absoluteString {
                let request = WebRequest(url: url)
                if seen.insert(request.key).inserted { queue.append((request, 1)) }
            }
        }
        var submitted = Set<String>()
        var retried = Set<String>()
        var lastProgress = client.elapsedSeconds

        await withTaskGroup(of: (WebRequest, Int, Result<WebExchange, any Error>).self) { group in
            var running = 0
            var head = 0
            func launch() -> Bool {
                guard head < queue.count, pages < limits.maxPages, client.reserve() else { return false }
                let (request, depth) = queue[head]
                head += 1
                pages += 1
                result.requests += 1
                running += 1
                group.addTask { [client] in
                    do {
                        return (request, depth, .success(try await client.send(request, depth: depth)))
                    } catch {
                        return (request, depth, .failure(error))
                    }
                }
                return true
            }
            while running < limits.concurrency, launch() {}
            while running > 0 {
                // The budget is a hard stop: in-flight requests are cancelled at the deadline.
                if client.timedOut {
                    group.cancelAll()
                    result.timedOut = true
                }
                guard let (request, depth, outcome) = await group.next() else { break }
                running -= 1
                switch outcome {
                case .success(let exchange):
                    if let login, sessionLost(exchange, login: login), result.relogins < 3, retried.insert(request.key).inserted {
                        result.relogins += 1
                        result.exchanges.append(exchange)
                        client.clearCookies()
                        _ = await logIn(login, into: &result)
                        pages = max(pages, result.requests)
                        queue.append((request, depth))
                        break
                    }
                    result.exchanges.append(exchange)
                    // One parse per page, for its links and its forms.
                    let html = exchange.isHTML ? URL(string: exchange.url).map { PageLinks.extract(exchange.text, pageURL: $0) } : nil
                    for (link, linkDepth) in discover(exchange, html: html) where linkDepth <= limits.maxDepth && !Self.isLogout(link) {
                        let request = WebRequest(url: link)
                        if let parsed = URL(string: link), scope(parsed), seen.insert(request.key).inserted { queue.append((request, linkDepth)) }
                    }
                    if let html, exchange.status < 400 {
                        for form in html.forms {
                            let signature = form.method + " " + (form.action.split(separator: "?").first.map(String.init) ?? form.action) + " " + form.fields.map(\.name).sorted().joined(separator: ",")
                            guard submitted.insert(signature).inserted else { continue }
                            result.forms.append((exchange.url, form))
                            guard limits.submitForms, depth + 1 <= limits.maxDepth, !Self.isLogout(form.action), !form.isLogin,
                                  let request = form.request(), let action = URL(string: request.url), scope(action),
                                  seen.insert(request.key).inserted else { continue }
                            queue.append((request, depth + 1))
                        }
                    }
                case .failure(let error):
                    result.errors.append((request.url, "\(error)"))
                }
                if let progress, client.elapsedSeconds - lastProgress >= 1 {
                    lastProgress = client.elapsedSeconds
                    progress(CrawlProgress(pages: result.exchanges.count, queued: queue.count - head, requests: client.requestCount, seconds: lastProgress))
                }
                while running < limits.concurrency, launch() {}
            }
        }
        if client.timedOut && pages < queue.count { result.timedOut = true }
        result.durationSeconds = client.elapsedSeconds
        return result
    }

    /// A redirect to the login page, a 401, or the configured logged-out text.
    func sessionLost(_ exchange: WebExchange, login: FormLogin) -> Bool {
        if exchange.url == login.url.absoluteString { return false }
        if exchange.status == 401 { return true }
        if (300..<400).contains(exchange.status), let location = exchange.header("location"), let page = URL(string: exchange.url),
           let target = PageLinks.resolve(location, against: page), target.path == login.url.path { return true }
        if let text = login.loggedOutText, !text.isEmpty, exchange.text.contains(text) { return true }
        return false
    }

    /// Fetches the login page, fills its form (keeping hidden fields such as CSRF tokens) and
    /// posts it; the session cookies land in the client's jar.
    func logIn(_ login: FormLogin, into result: inout CrawlResult) async -> Bool {
        guard client.reserve() else { return false }
        result.requests += 1
        let page: WebExchange
        do {
            page = try await client.send(WebRequest(url: login.url.absoluteString))
        } catch {
            result.errors.append((login.url.absoluteString, "login page: \("\(error)")"))
            return false
        }
        result.exchanges.append(page)
        let forms = PageLinks.extract(page.text, pageURL: login.url).forms
        guard let form = forms.first(where: { $0.fields.contains { $0.name == login.passwordField } }) else {
            result.errors.append((login.url.absoluteString, "login page has no form with a '\(login.passwordField)' field"))
            return false
        }
        guard let request = form.request(overrides: [login.usernameField: login.username, login.passwordField: login.password]), client.reserve() else { return false }
        result.requests += 1
        do {
            let response = try await client.send(request)
            result.exchanges.append(response)
            // Still on a page asking for the password, or refused: the login failed.
            let refused = response.status == 401 || response.status == 403
                || (response.status == 200 && PageLinks.extract(response.text, pageURL: login.url).forms.contains { $0.fields.contains { $0.name == login.passwordField } })
            if refused { result.errors.append((login.url.absoluteString, "login failed (status \(response.status))")) }
            return !refused
        } catch {
            result.errors.append((request.url, "login: \("\(error)")"))
            return false
        }
    }

    /// Links to follow from a response: HTML links, a redirect's target, robots and sitemap entries.
    func discover(_ exchange: WebExchange, html: PageLinks? = nil) -> [(String, Int)] {
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
                links += (html ?? PageLinks.extract(exchange.text, pageURL: page)).links
            }
        }
        return links.map { ($0, exchange.depth + 1) }
    }
}

/// Where a crawl stands, for the progress line.
public struct CrawlProgress: Sendable {
    public var pages: Int
    public var queued: Int
    public var requests: Int
    public var seconds: Double
    public var requestsPerSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }
}

extension PageLinks.Form {
    /// A login form: it has a password field (submitted only through the login recipe).
    var isLogin: Bool { fields.contains { $0.type == "password" } }

    /// The form's submission with typed default values (existing values kept, hidden ones too).
    func request(overrides: [String: String] = [:]) -> WebRequest? {
        var pairs: [(name: String, value: String)] = []
        var names = Set<String>()
        for field in fields where names.insert(field.name).inserted {
            if let value = overrides[field.name] { pairs.append((field.name, value)); continue }
            if field.type == "submit" || field.type == "button" || field.type == "image" || field.type == "reset" || field.type == "file" {
                if field.type == "submit" && !field.value.isEmpty { pairs.append((field.name, field.value)) }
                continue
            }
            pairs.append((field.name, Self.defaultValue(for: field)))
        }
        let body = FormEncoding.encode(pairs)
        if method == "POST" { return WebRequest(method: "POST", url: action, body: body) }
        guard var components = URLComponents(string: action) else { return nil }
        components.percentEncodedQuery = body.isEmpty ? nil : body
        components.fragment = nil
        return components.string.map { WebRequest(url: $0) }
    }

    static func defaultValue(for field: PageLinks.Field) -> String {
        if !field.value.isEmpty { return field.value }
        switch field.type {
        case "email": return "rampart@example.com"
        case "number", "range": return "1"
        case "tel": return "5555550100"
        case "url": return "https://example.com/"
        case "date": return "2026-01-01"
        case "datetime-local": return "2026-01-01T12:00"
        case "time": return "12:00"
        case "month": return "2026-01"
        case "week": return "2026-W01"
        case "color": return "#000000"
        case "password": return "Rampart-Passw0rd!"
        case "checkbox", "radio": return "on"
        case "search": return "rampart"
        default: return "rampart"
        }
    }
}

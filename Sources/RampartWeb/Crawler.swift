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
    /// The request body's media type when it is not a form (`application/json`).
    public var requestContentType: String?
    /// From sending the request to the end of the body (time-based checks read it).
    public var elapsedSeconds = 0.0

    public init(url: String, method: String = "GET", status: Int, headers: [(name: String, value: String)], body: [UInt8],
                truncated: Bool = false, depth: Int = 0, requestBody: String? = nil, requestContentType: String? = nil) {
        self.url = url
        self.method = method
        self.status = status
        self.headers = headers
        self.body = body
        self.truncated = truncated
        self.depth = depth
        self.requestBody = requestBody
        self.requestContentType = requestContentType
    }

    /// Query and body parameters of the request, decoded: form fields, or a JSON body's leaves
    /// named by their path (`user.name`, `items[0]`).
    public var requestParameters: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        if let query = URLComponents(string: url)?.percentEncodedQuery { result += FormEncoding.decode(query) }
        if let requestBody {
            if requestContentType?.lowercased().contains("json") == true {
                result += JSONFields.leaves(of: requestBody).map { ($0.path, $0.value) }
            } else {
                result += FormEncoding.decode(requestBody)
            }
        }
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
    public var errors: [(url: String, failure: RequestFailure)] = []
    public var timedOut = false
    /// The request budget (`--max-requests`) ended the crawl.
    public var requestBudgetSpent = false
    public var durationSeconds = 0.0
    /// Form login: whether it worked, and how many times the session had to be renewed.
    public var loggedIn: Bool?
    public var relogins = 0
    /// The start URL could not be fetched at all (refused, DNS, TLS, …): the scan did not happen.
    public var unreachable: RequestFailure?
    /// Pages found but not visited when a budget ended the crawl.
    public var queuedLeft = 0
    /// Forms `--submit-forms` did not submit, and why.
    public var skippedForms: [(form: String, reason: String)] = []
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
/// and inline script navigation; forms only with `submitForms`. Unsafe endpoints (logout,
/// delete, reset, password change) are never requested without `--unsafe` (see `CrawlScope`).
public final class Crawler: Sendable {
    public let start: URL
    public let limits: CrawlLimits
    public let client: WebClient
    public let login: FormLogin?
    public let scope: CrawlScope
    /// Progress (pages, queue, requests per second), called about once a second.
    let progress: (@Sendable (CrawlProgress) -> Void)?

    public init(start: URL, limits: CrawlLimits = CrawlLimits(), headers: [(String, String)] = [], client: WebClient? = nil, login: FormLogin? = nil,
                scope: CrawlScope? = nil, progress: (@Sendable (CrawlProgress) -> Void)? = nil) {
        self.start = start
        self.limits = limits
        self.client = client ?? WebClient(limits: limits, headers: headers)
        self.login = login
        self.progress = progress
        self.scope = scope ?? CrawlScope(start: start)
    }

    static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    /// Crawls; with `passive`, every response is checked by the passive rules as it arrives.
    func crawl(passive: PassiveChecks? = nil) async -> CrawlResult {
        await WebExecutor.run { await self.crawlOnExecutor(passive: passive) }
    }

    public func crawl() async -> CrawlResult {
        await crawl(passive: nil)
    }

    private func crawlOnExecutor(passive: PassiveChecks?) async -> CrawlResult {
        var result = CrawlResult()
        var pages = 0
        if let login {
            result.loggedIn = await logIn(login, into: &result)
            pages = result.requests
            if let failure = result.errors.first?.failure, failure.isTransport, result.exchanges.isEmpty {
                result.unreachable = failure
                return result
            }
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
        // The start URL goes alone: if it cannot be fetched, nothing else is tried.
        var startAnswered = false
        var cancelled = 0
        // Submitted forms with anti-CSRF tokens: their page, to read a fresh token first.
        var tokenForms: [String: (page: String, fixed: Set<String>, method: String, action: String)] = [:]

        await withTaskGroup(of: (WebRequest, Int, Result<WebExchange, RequestFailure>).self) { group in
            var running = 0
            var head = 0
            func launch() -> Bool {
                guard head < queue.count, pages < limits.maxPages else { return false }
                guard client.reserve() else {
                    if !client.timedOut { result.requestBudgetSpent = true }
                    return false
                }
                let (request, depth) = queue[head]
                let tokens = tokenForms[request.key]
                head += 1
                pages += 1
                result.requests += 1
                running += 1
                group.addTask { [client] in
                    do {
                        var sent = request
                        if let tokens {
                            sent = await TokenRefresh.apply(to: request, page: tokens.page, fixed: tokens.fixed, method: tokens.method, action: tokens.action, client: client)
                        }
                        return (request, depth, .success(try await client.send(sent, depth: depth)))
                    } catch {
                        return (request, depth, .failure(RequestFailure.of(error, url: request.url)))
                    }
                }
                return true
            }
            _ = launch()
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
                    startAnswered = true
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
                    guard !client.timedOut else { break }
                    // One parse per page, shared by the links, the forms and the passive rules.
                    let page = passive?.page(for: exchange) ?? WebPage(exchange)
                    passive?.check(page)
                    let html = exchange.isHTML ? page.links : nil
                    for (link, linkDepth) in discover(exchange, html: html) where linkDepth <= limits.maxDepth {
                        let request = WebRequest(url: link)
                        if let parsed = URL(string: link), scope.allows(parsed), seen.insert(request.key).inserted { queue.append((request, linkDepth)) }
                    }
                    if let html, exchange.status < 400 {
                        for form in html.forms {
                            let signature = form.method + " " + (form.action.split(separator: "?").first.map(String.init) ?? form.action) + " " + form.fields.map(\.name).sorted().joined(separator: ",")
                            guard submitted.insert(signature).inserted else { continue }
                            result.forms.append((exchange.url, form))
                            guard limits.submitForms, depth + 1 <= limits.maxDepth else { continue }
                            if case .skip(let reason) = FormSafety.verdict(form, scope: scope) {
                                // Forms posting to other sites are simply not ours to submit.
                                if reason != FormSafety.outOfScope { result.skippedForms.append(("\(form.method) \(form.action)", reason)) }
                                continue
                            }
                            guard let request = form.request(), seen.insert(request.key).inserted else { continue }
                            let fixed = form.tokenFields
                            if !fixed.isEmpty {
                                let action = form.method == "POST" ? form.action : String(form.action.prefix { $0 != "?" })
                                tokenForms[request.key] = (exchange.url, fixed, form.method, action)
                            }
                            queue.append((request, depth + 1))
                        }
                    }
                case .failure(let failure):
                    if failure.kind == .budget { result.timedOut = true; cancelled += 1; break }
                    result.errors.append((request.url, failure))
                    if !startAnswered, request.url == start.absoluteString, failure.isTransport {
                        result.unreachable = failure
                    }
                }
                if result.unreachable != nil { break }
                if !startAnswered, head == 1 { startAnswered = true }
                if let progress, client.elapsedSeconds - lastProgress >= 1 {
                    lastProgress = client.elapsedSeconds
                    progress(CrawlProgress(pages: result.exchanges.count, queued: queue.count - head, requests: client.requestCount, seconds: lastProgress))
                }
                while running < limits.concurrency, launch() {}
            }
            group.cancelAll()
            result.queuedLeft = result.unreachable == nil && (client.timedOut || result.requestBudgetSpent) ? max(0, queue.count - head) + cancelled : 0
        }
        if client.timedOut && result.queuedLeft > 0 { result.timedOut = true }
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
            let failure = RequestFailure.of(error, url: login.url.absoluteString)
            result.errors.append((login.url.absoluteString, RequestFailure(failure.kind, "login page: \(failure.message)")))
            return false
        }
        result.exchanges.append(page)
        let forms = PageLinks.extract(page.text, pageURL: login.url).forms
        guard let form = forms.first(where: { $0.fields.contains { $0.name == login.passwordField } }) else {
            result.errors.append((login.url.absoluteString, RequestFailure(.other, "login page has no form with a '\(login.passwordField)' field")))
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
            if refused { result.errors.append((login.url.absoluteString, RequestFailure(.other, "login failed (status \(response.status))"))) }
            return !refused
        } catch {
            let failure = RequestFailure.of(error, url: request.url)
            result.errors.append((request.url, RequestFailure(failure.kind, "login: \(failure.message)")))
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
    /// Hidden fields that carry anti-CSRF tokens: sent fresh, never fuzzed.
    var tokenFields: Set<String> {
        Set(fields.filter { $0.type == "hidden" && AntiCSRFTokensMissing.isTokenName($0.name) }.map(\.name))
    }

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
            // A confirmation (`password2`, `confirm_email`) repeats the field it confirms.
            if let original = FormSafety.confirms(field, in: self) {
                pairs.append((field.name, overrides[original.name] ?? Self.defaultValue(for: original)))
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

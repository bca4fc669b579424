import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RampartCore

/// A JSON REST client for issue trackers: one connection pool, a timeout per request, bounded
/// answers, no redirects (the token must not follow one), and the token kept out of every message.
final class RESTClient: Sendable {
    struct Response: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data

        func json() -> Any? { try? JSONSerialization.jsonObject(with: body) }
    }

    let service: String
    let baseURL: String
    let headers: [(String, String)]
    let http: HTTPClient
    let connectTimeout: Double
    let readTimeout: Double
    static let maxResponse = 32 << 20

    /// `baseURL` without a trailing slash; `headers` go with every request (authentication).
    init(service: String, baseURL: String, headers: [(String, String)], connectTimeout: Double = 10, readTimeout: Double = 30) {
        self.service = service
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.headers = headers + [("User-Agent", "rampart/\(RampartVersion.current)")]
            + (headers.contains { $0.0.lowercased() == "accept" } ? [] : [("Accept", "application/json")])
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .milliseconds(Int64(connectTimeout * 1000)), read: .milliseconds(Int64(readTimeout * 1000))))
        configuration.httpVersion = .http1Only
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    let isShutDown = Locked(false)

    func shutdown() async {
        guard isShutDown.withLock({ done in defer { done = true }; return !done }) else { return }
        try? await http.shutdown()
    }

    deinit {
        // A tracker used without `finish()`: HTTPClient must be shut down before it goes.
        if !isShutDown.withLock({ $0 }) { try? http.syncShutdown() }
    }

    /// Sends `method` to `path` (under the base URL) or to a full URL of the same origin.
    func send(_ method: HTTPMethod, _ path: String, json: [String: Any]? = nil) async throws(TaskTrackerError) -> Response {
        let url = path.hasPrefix("http://") || path.hasPrefix("https://") ? path : baseURL + path
        guard Self.origin(url) == Self.origin(baseURL) else {
            throw TaskTrackerError("\(service): refusing to send the token to \(Self.origin(url) ?? url), outside \(baseURL)")
        }
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            do {
                let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: data))
            } catch {
                throw TaskTrackerError("\(service): cannot encode the request: \(error)")
            }
        }
        let response: Response
        do {
            let answer = try await http.execute(request, timeout: .milliseconds(Int64((connectTimeout + 2 * readTimeout) * 1000)))
            let body = try await answer.body.collect(upTo: Self.maxResponse)
            response = Response(status: Int(answer.status.code), headers: answer.headers, body: Data(body.readableBytesView))
        } catch {
            throw TaskTrackerError("\(service): \(method.rawValue) \(Self.withoutQuery(url)): \(error)")
        }
        guard (200..<300).contains(response.status) else {
            let message = (response.json() as? [String: Any]).flatMap { $0["message"] ?? $0["error"] }.map { "\($0)" }
                ?? String(decoding: response.body.prefix(200), as: UTF8.self)
            let hint = switch response.status {
            case 401: " (is the token valid?)"
            case 403: " (does the token allow writing issues? or a rate limit)"
            case 404: " (is the repository or project right, and visible to the token?)"
            default: ""
            }
            throw TaskTrackerError("\(service): \(method.rawValue) \(Self.withoutQuery(url)): HTTP \(response.status): \(message.prefix(300))\(hint)",
                                   isFatal: response.status == 401 || response.status == 404 || (response.status == 403 && method == .GET))
        }
        return response
    }

    static func origin(_ url: String) -> String? { TaskGrouping.origin(of: url)?.lowercased() }

    static func withoutQuery(_ url: String) -> String {
        String(url[..<(url.firstIndex(of: "?") ?? url.endIndex)])
    }

    /// `%`-escapes a path segment (a GitLab project path `group/name`).
    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

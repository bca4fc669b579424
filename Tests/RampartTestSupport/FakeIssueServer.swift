import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import RampartCore

/// A small GitHub or GitLab issues API on 127.0.0.1 for tests: it keeps issues in memory, checks
/// each request's token, method, path and JSON fields as the real APIs want them, answers 401,
/// 404 or 422 otherwise, and records every request for the test to inspect.
public final class FakeIssueServer: Sendable {
    public enum Flavor: Sendable { case github, gitlab }
    /// How it answers: as the API does, never, with a body that is not JSON, or with 40 MB.
    public enum Behaviour: Sendable { case normal, hang, garbage, huge }

    public struct Issue: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var body: String
        public var labels: [String]
        public var open: Bool
        public var stateReason: String?
        public var comments: [String]
    }

    public struct Request: Sendable {
        public var method: String
        public var uri: String
        public var headers: [String: String]
        public var body: String

        /// The JSON object sent, if any.
        public var object: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
        }
    }

    public let flavor: Flavor
    public let behaviour: Behaviour
    public let token: String
    /// `owner/name` (GitHub) or the project id (GitLab).
    public let project: String
    let state = Locked<(issues: [Issue], requests: [Request])>(([], []))
    let channel: Locked<(any Channel)?> = Locked(nil)
    public let port: Int

    public init(_ flavor: Flavor, token: String = "test-token-1234567890", project: String = "acme/shop", behaviour: Behaviour = .normal) async throws {
        self.flavor = flavor
        self.behaviour = behaviour
        self.token = token
        self.project = project
        let holder = Locked<FakeIssueServer?>(nil)
        let bound = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(server: holder))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = bound.localAddress?.port ?? 0
        channel.withLock { $0 = bound }
        holder.withLock { $0 = self }
    }

    public var baseURL: String { flavor == .github ? "http://127.0.0.1:\(port)" : "http://127.0.0.1:\(port)/api/v4" }
    public var issues: [Issue] { state.withLock { $0.issues } }
    public var requests: [Request] { state.withLock { $0.requests } }
    /// Requests that change something (not GET).
    public var writes: [Request] { requests.filter { $0.method != "GET" } }

    public func stop() async {
        let bound = channel.withLock { $0 }
        try? await bound?.close()
    }

    /// Adds an issue directly, as a person would.
    public func add(title: String, body: String, labels: [String], open: Bool = true) {
        state.withLock { $0.issues.append(Issue(number: $0.issues.count + 1, title: title, body: body, labels: labels, open: open, comments: [])) }
    }

    /// Changes the first issue that matches, as a person would.
    public func edit(where match: (Issue) -> Bool, _ change: (inout Issue) -> Void) {
        state.withLock { state in
            if let index = state.issues.firstIndex(where: match) { change(&state.issues[index]) }
        }
    }

    func handle(method: String, uri: String, headers: HTTPHeaders, body: Data) -> (Int, [(String, String)], String) {
        let json = body.isEmpty ? nil : (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        var flat: [String: String] = [:]
        for (name, value) in headers { flat[name.lowercased()] = value }
        state.withLock { $0.requests.append(Request(method: method, uri: uri, headers: flat, body: String(decoding: body, as: UTF8.self))) }
        let authorized = flavor == .github ? flat["authorization"] == "Bearer \(token)" : flat["private-token"] == token
        guard authorized else { return (401, [], #"{"message":"Bad credentials"}"#) }
        guard flat["user-agent"]?.hasPrefix("rampart/") == true else { return (403, [], #"{"message":"a User-Agent is required"}"#) }
        if !body.isEmpty && json == nil { return (400, [], #"{"message":"Problems parsing JSON"}"#) }
        let path = String(uri[..<(uri.firstIndex(of: "?") ?? uri.endIndex)])
        let query = Self.query(uri)
        let prefix = flavor == .github ? "/repos/\(project)/issues" : "/api/v4/projects/\(project.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? project)/issues"
        guard path.hasPrefix(prefix) else { return (404, [], #"{"message":"Not Found"}"#) }
        let rest = path.dropFirst(prefix.count).split(separator: "/").map(String.init)
        let object = json ?? [:]
        switch (method, rest.count) {
        case ("GET", 0): return list(query)
        case ("POST", 0):
            guard let title = object["title"] as? String, !title.isEmpty else { return (422, [], #"{"message":"title is missing"}"#) }
            guard let labels = labels(object["labels"]) else { return (422, [], #"{"message":"labels have the wrong type"}"#) }
            let issue = state.withLock { state -> Issue in
                let issue = Issue(number: state.issues.count + 1, title: title, body: object[bodyField] as? String ?? "", labels: labels, open: true, comments: [])
                state.issues.append(issue)
                return issue
            }
            return (201, [], render(issue))
        case ("POST", 2) where rest[1] == (flavor == .github ? "comments" : "notes"):
            guard let number = Int(rest[0]), let text = object["body"] as? String else { return (422, [], #"{"message":"body is missing"}"#) }
            let found = state.withLock { state -> Bool in
                guard let index = state.issues.firstIndex(where: { $0.number == number }) else { return false }
                state.issues[index].comments.append(text)
                return true
            }
            return found ? (201, [], #"{"id":1}"#) : (404, [], #"{"message":"Not Found"}"#)
        case (flavor == .github ? "PATCH" : "PUT", 1):
            guard let number = Int(rest[0]) else { return (404, [], #"{"message":"Not Found"}"#) }
            if object["labels"] != nil && labels(object["labels"]) == nil { return (422, [], #"{"message":"labels have the wrong type"}"#) }
            let updated = state.withLock { state -> Issue? in
                guard let index = state.issues.firstIndex(where: { $0.number == number }) else { return nil }
                if let title = object["title"] as? String { state.issues[index].title = title }
                if let body = object[bodyField] as? String { state.issues[index].body = body }
                if object["labels"] != nil, let labels = labels(object["labels"]) { state.issues[index].labels = labels }
                switch object[flavor == .github ? "state" : "state_event"] as? String {
                case "open", "reopen": state.issues[index].open = true
                case "closed", "close":
                    state.issues[index].open = false
                    state.issues[index].stateReason = object["state_reason"] as? String
                default: break
                }
                return state.issues[index]
            }
            return updated.map { (200, [], render($0)) } ?? (404, [], #"{"message":"Not Found"}"#)
        default:
            return (405, [], #"{"message":"method not allowed"}"#)
        }
    }

    var bodyField: String { flavor == .github ? "body" : "description" }

    /// GitHub takes a label array; GitLab a comma-separated string.
    func labels(_ value: Any?) -> [String]? {
        guard let value else { return [] }
        switch flavor {
        case .github: return value as? [String]
        case .gitlab: return (value as? String).map { $0.split(separator: ",").map(String.init) }
        }
    }

    func list(_ query: [String: String]) -> (Int, [(String, String)], String) {
        guard query["state"] == "all" else { return (422, [], #"{"message":"the test server expects state=all"}"#) }
        let label = query["labels"]
        let matching = issues.filter { label == nil || $0.labels.contains(label ?? "") }
        let size = max(1, Int(query["per_page"] ?? "30") ?? 30)
        let page = max(1, Int(query["page"] ?? "1") ?? 1)
        let slice = matching.dropFirst((page - 1) * size).prefix(size)
        var headers: [(String, String)] = []
        if page * size < matching.count {
            if flavor == .github {
                var next = query
                next["page"] = String(page + 1)
                let text = next.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
                headers.append(("Link", "<\(baseURL)/repos/\(project)/issues?\(text)>; rel=\"next\", <\(baseURL)/x>; rel=\"last\""))
            } else {
                headers.append(("X-Next-Page", String(page + 1)))
            }
        }
        var items = slice.map(render)
        // GitHub lists pull requests among issues.
        if flavor == .github && page == 1 { items.append(#"{"number":999,"title":"a pull request","body":"<!-- rampart-task key=rampart-000000000000 scanner=python -->","labels":[{"name":"rampart"}],"state":"open","pull_request":{}}"#) }
        return (200, headers, "[" + items.joined(separator: ",") + "]")
    }

    func render(_ issue: Issue) -> String {
        let object: JSONValue
        switch flavor {
        case .github:
            object = .object([
                ("number", .int(issue.number)), ("title", .string(issue.title)), ("body", .string(issue.body)),
                ("labels", .array(issue.labels.map { .object([("name", .string($0))]) })), ("state", .string(issue.open ? "open" : "closed")),
                ("html_url", .string("https://github.example/\(project)/issues/\(issue.number)")),
            ])
        case .gitlab:
            object = .object([
                ("iid", .int(issue.number)), ("title", .string(issue.title)), ("description", .string(issue.body)),
                ("labels", .array(issue.labels.map(JSONValue.string))), ("state", .string(issue.open ? "opened" : "closed")),
                ("web_url", .string("https://gitlab.example/\(project)/-/issues/\(issue.number)")),
            ])
        }
        return object.serialized(pretty: false)
    }

    static func query(_ uri: String) -> [String: String] {
        guard let question = uri.firstIndex(of: "?") else { return [:] }
        var fields: [String: String] = [:]
        for pair in uri[uri.index(after: question)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            fields[String(parts[0])] = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : ""
        }
        return fields
    }

    final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let server: Locked<FakeIssueServer?>
        var head: HTTPRequestHead?
        var body = ByteBuffer()

        init(server: Locked<FakeIssueServer?>) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body.clear()
            case .body(var part):
                body.writeBuffer(&part)
            case .end:
                guard let head, let server = server.withLock({ $0 }) else { return }
                var (status, extra, payload) = server.handle(method: head.method.rawValue, uri: head.uri, headers: head.headers, body: Data(body.readableBytesView))
                switch server.behaviour {
                case .normal: break
                case .hang: return
                case .garbage: (status, payload) = (200, "<html>\u{0}\u{FFFD} not json")
                case .huge: (status, payload) = (200, "[" + String(repeating: "1,", count: 20 << 20) + "1]")
                }
                var headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", String(payload.utf8.count))])
                for (name, value) in extra { headers.add(name: name, value: value) }
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: status), headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: payload)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}

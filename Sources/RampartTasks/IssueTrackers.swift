import Foundation
import NIOHTTP1
import RampartCore

/// Tasks as GitHub issues through the REST API: listed by the `rampart` label, found again by
/// their fingerprint label, created, edited, reopened and closed (with a comment saying why).
public struct GitHubIssues: TaskTracker {
    public static let defaultAPI = "https://api.github.com"
    let repository: String
    let client: RESTClient
    let extraLabels: [String]
    /// Issues per page when listing (100, GitHub's maximum; tests use fewer to page).
    var pageSize = 100

    /// `repository` is `owner/name`; `apiURL` is GitHub's or an Enterprise server's (`https://host/api/v3`).
    public init(repository: String, token: String, apiURL: String = GitHubIssues.defaultAPI, extraLabels: [String] = [], pageSize: Int = 100, connectTimeout: Double = 10, readTimeout: Double = 30) {
        self.repository = repository
        self.extraLabels = extraLabels
        self.pageSize = pageSize
        client = RESTClient(service: "GitHub", baseURL: apiURL, headers: [
            ("Authorization", "Bearer \(token)"), ("X-GitHub-Api-Version", "2022-11-28"), ("Accept", "application/vnd.github+json"),
        ], connectTimeout: connectTimeout, readTimeout: readTimeout)
    }

    public var name: String { "GitHub \(repository)" }
    var issues: String { "/repos/\(repository)/issues" }

    public func list() async throws(TaskTrackerError) -> [TrackedTask] {
        var tasks: [TrackedTask] = []
        var next: String? = "\(issues)?labels=\(SecurityTask.commonLabel)&state=all&per_page=\(pageSize)"
        var pages = 0
        while let page = next, pages < 1000 {
            pages += 1
            let response = try await client.send(.GET, page)
            guard let items = response.json() as? [[String: Any]] else { throw TaskTrackerError("GitHub: the issue list is not a JSON array", isFatal: true) }
            for item in items where item["pull_request"] == nil {
                guard let task = Self.task(item) else { continue }
                tasks.append(task)
            }
            next = Self.nextLink(response.headers.first(name: "Link"))
        }
        return tasks
    }

    public func create(_ task: SecurityTask) async throws(TaskTrackerError) -> TrackedTask {
        let labels = task.labels + extraLabels.filter { !task.labels.contains($0) }
        let response = try await client.send(.POST, issues, json: ["title": task.title, "body": task.body, "labels": labels])
        guard let item = response.json() as? [String: Any], let created = Self.task(item) else {
            throw TaskTrackerError("GitHub: the created issue's answer is not an issue")
        }
        return created
    }

    public func update(_ tracked: TrackedTask, to task: SecurityTask, labels: [String], reopen: Bool, comment: String?) async throws(TaskTrackerError) {
        if let comment { _ = try await client.send(.POST, "\(issues)/\(tracked.id)/comments", json: ["body": comment]) }
        var fields: [String: Any] = ["title": task.title, "body": task.body, "labels": labels]
        if reopen { fields["state"] = "open" }
        _ = try await client.send(.PATCH, "\(issues)/\(tracked.id)", json: fields)
    }

    public func close(_ tracked: TrackedTask, comment: String) async throws(TaskTrackerError) {
        _ = try await client.send(.POST, "\(issues)/\(tracked.id)/comments", json: ["body": comment])
        _ = try await client.send(.PATCH, "\(issues)/\(tracked.id)", json: ["state": "closed", "state_reason": "completed"])
    }

    public func finish() async { await client.shutdown() }

    static func task(_ item: [String: Any]) -> TrackedTask? {
        guard let number = item["number"] as? Int else { return nil }
        let labels = (item["labels"] as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["name"] as? String ?? $0 as? String }
        return TrackedTask(id: String(number), title: item["title"] as? String ?? "", body: item["body"] as? String ?? "",
                           labels: labels, isOpen: (item["state"] as? String) != "closed", url: item["html_url"] as? String)
    }

    /// The `rel="next"` URL of a `Link` header.
    static func nextLink(_ header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ",") where part.contains("rel=\"next\"") {
            guard let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">"), open < close else { continue }
            return String(part[part.index(after: open)..<close])
        }
        return nil
    }
}

/// Tasks as GitLab issues through the REST API (v4), like `GitHubIssues`: labels, notes, `state_event`.
public struct GitLabIssues: TaskTracker {
    public static let defaultAPI = "https://gitlab.com/api/v4"
    let project: String
    let client: RESTClient
    let extraLabels: [String]
    var pageSize = 100

    /// `project` is the numeric id or the path (`group/name`); `apiURL` ends in `/api/v4`.
    /// `jobToken` sends the token as CI's `JOB-TOKEN` instead of a `PRIVATE-TOKEN`.
    public init(project: String, token: String, apiURL: String = GitLabIssues.defaultAPI, jobToken: Bool = false, extraLabels: [String] = [], pageSize: Int = 100, connectTimeout: Double = 10, readTimeout: Double = 30) {
        self.project = project
        self.extraLabels = extraLabels
        self.pageSize = pageSize
        client = RESTClient(service: "GitLab", baseURL: apiURL, headers: [(jobToken ? "JOB-TOKEN" : "PRIVATE-TOKEN", token)], connectTimeout: connectTimeout, readTimeout: readTimeout)
    }

    public var name: String { "GitLab \(project)" }
    var issues: String { "/projects/\(RESTClient.segment(project))/issues" }

    public func list() async throws(TaskTrackerError) -> [TrackedTask] {
        var tasks: [TrackedTask] = []
        var page = 1
        while page <= 1000 {
            let response = try await client.send(.GET, "\(issues)?labels=\(SecurityTask.commonLabel)&state=all&per_page=\(pageSize)&page=\(page)")
            guard let items = response.json() as? [[String: Any]] else { throw TaskTrackerError("GitLab: the issue list is not a JSON array", isFatal: true) }
            tasks += items.compactMap(Self.task)
            guard let next = response.headers.first(name: "X-Next-Page").flatMap({ Int($0) }), next > page else { break }
            page = next
        }
        return tasks
    }

    public func create(_ task: SecurityTask) async throws(TaskTrackerError) -> TrackedTask {
        let labels = task.labels + extraLabels.filter { !task.labels.contains($0) }
        let response = try await client.send(.POST, issues, json: ["title": task.title, "description": task.body, "labels": labels.joined(separator: ",")])
        guard let item = response.json() as? [String: Any], let created = Self.task(item) else {
            throw TaskTrackerError("GitLab: the created issue's answer is not an issue")
        }
        return created
    }

    public func update(_ tracked: TrackedTask, to task: SecurityTask, labels: [String], reopen: Bool, comment: String?) async throws(TaskTrackerError) {
        if let comment { _ = try await client.send(.POST, "\(issues)/\(tracked.id)/notes", json: ["body": comment]) }
        var fields: [String: Any] = ["title": task.title, "description": task.body, "labels": labels.joined(separator: ",")]
        if reopen { fields["state_event"] = "reopen" }
        _ = try await client.send(.PUT, "\(issues)/\(tracked.id)", json: fields)
    }

    public func close(_ tracked: TrackedTask, comment: String) async throws(TaskTrackerError) {
        _ = try await client.send(.POST, "\(issues)/\(tracked.id)/notes", json: ["body": comment])
        _ = try await client.send(.PUT, "\(issues)/\(tracked.id)", json: ["state_event": "close"])
    }

    public func finish() async { await client.shutdown() }

    static func task(_ item: Any) -> TrackedTask? {
        guard let item = item as? [String: Any], let iid = item["iid"] as? Int else { return nil }
        let labels = (item["labels"] as? [Any] ?? []).compactMap { $0 as? String ?? ($0 as? [String: Any])?["name"] as? String }
        return TrackedTask(id: String(iid), title: item["title"] as? String ?? "", body: item["description"] as? String ?? "",
                           labels: labels, isOpen: (item["state"] as? String) != "closed", url: item["web_url"] as? String)
    }
}

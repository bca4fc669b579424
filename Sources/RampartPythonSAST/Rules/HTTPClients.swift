/// The `requests` and `httpx` entry points B113 and B501 look at.
enum HTTPClients {
    static let verbs: Set<String> = ["get", "options", "head", "post", "put", "patch", "delete"]
    static let httpxNames: Set<String> = verbs.union(["request", "stream", "Client", "AsyncClient"])

    /// `requests` or `httpx` when the call is one of their request functions.
    static func library(_ context: PythonRuleContext, includeHTTPX: Bool) -> String? {
        // Most calls are neither: rule them out before splitting the name.
        let qualname = context.qualname
        guard qualname.hasPrefix("requests") || (includeHTTPX && qualname.hasPrefix("httpx")) else { return nil }
        let root = context.qualnameParts.first ?? ""
        if root == "requests" && verbs.contains(context.name) { return root }
        if includeHTTPX && root == "httpx" && httpxNames.contains(context.name) { return root }
        return nil
    }
}

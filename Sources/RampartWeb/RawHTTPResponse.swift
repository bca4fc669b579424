/// A recorded HTTP response in a `.http` file: an optional `# GET https://…` line (and a
/// `# body: a=1&b=2` line for a form's request body, or `# json: {…}` for a JSON one), the status line, headers, a blank line,
/// the body. The web scanner reads these to run its passive rules
/// offline (and the rules' examples are written this way).
public enum RawHTTPResponse {
    public static func parse(_ text: String, defaultURL: String) -> WebExchange? {
        // "\r\n" is one Character in Swift: split on both line ends.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var url = defaultURL
        var method = "GET"
        var requestBody: String?
        var requestContentType: String?
        while let first = lines.first, first.hasPrefix("#") {
            let comment = first.dropFirst().trimmingWhitespace()
            if comment.hasPrefix("body:") {
                requestBody = comment.dropFirst(5).trimmingWhitespace()
            } else if comment.hasPrefix("json:") {
                requestBody = comment.dropFirst(5).trimmingWhitespace()
                requestContentType = "application/json"
            } else {
                let words = comment.split(separator: " ")
                if words.count >= 2 { method = String(words[0]).uppercased(); url = String(words[1]) }
            }
            lines.removeFirst()
        }
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else { return nil }
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [(name: String, value: String)] = []
        var index = 1
        while index < lines.count, !lines[index].isEmpty {
            if let colon = lines[index].firstIndex(of: ":") {
                headers.append((String(lines[index][..<colon]), lines[index][lines[index].index(after: colon)...].trimmingWhitespace()))
            }
            index += 1
        }
        let body = index + 1 < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
        return WebExchange(url: url, method: method, status: status, headers: headers, body: Array(body.utf8), truncated: false, depth: 0, requestBody: requestBody,
                           requestContentType: requestContentType)
    }
}

/// Shortens secrets for reports and logs: enough to recognise, never enough to use.
public enum Redaction {
    /// `hunter2-admin` → `hu***********` (at most 4 characters kept, fewer for short values).
    public static func redact(_ secret: String) -> String {
        let keep = secret.count >= 16 ? 4 : secret.count >= 8 ? 2 : 0
        return String(secret.prefix(keep)) + String(repeating: "*", count: max(3, min(secret.count - keep, 12)))
    }

    /// `text` with every occurrence of `secret` redacted.
    public static func redact(_ secret: String, in text: String) -> String {
        guard !secret.isEmpty else { return text }
        return text.replacingOccurrences(of: secret, with: redact(secret))
    }
}

import Foundation

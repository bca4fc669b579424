import Foundation
import RampartCore

enum JSONWebToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "jwt", title: "JSON Web Token", severity: .medium, confidence: .medium, tags: ["generic"],
        documentation: """
        A JSON Web Token (three base-64url parts, header and payload beginning `eyJ`) is a bearer \
        credential: until it expires, anyone holding it is the subject it names to the services that \
        accept it, and its payload often reveals user IDs, e-mails and scopes. Rampart decodes the \
        header and reports only tokens that name a signing algorithm other than `none`.

        **Fix:** treat it as leaked: revoke the session or rotate the signing key if it has no near \
        expiry, and load tokens at run time instead of committing them to code, fixtures or logs.
        """,
        examples: [
            .triggers("API_TOKEN=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IkxUQ3BJTWR6In0.eyJzdWIiOiJzdmMtYmlsbGluZyIsImF1ZCI6ImFwaS5hY21lLnRlc3QiLCJpYXQiOjE3MTg5MDAwMDAsImV4cCI6MTc1MDQzNjAwMCwic2NvcGUiOiJvcmRlcnM6d3JpdGUifQ.uRdM_OWuVPg_lHRZWjK4Tpk6Zj0_5hZH4cNBlPPgLJY6Y1a-pjAysxtV2Hivx47IicxLsrvyM9UhP7pl8gmfF1\n", fileName: ".env"),
            .triggers("headers = {'Authorization': 'Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IkxUQ3BJTWR6In0.eyJzdWIiOiJzdmMtYmlsbGluZyIsImF1ZCI6ImFwaS5hY21lLnRlc3QiLCJpYXQiOjE3MTg5MDAwMDAsImV4cCI6MTc1MDQzNjAwMCwic2NvcGUiOiJvcmRlcnM6d3JpdGUifQ.uRdM_OWuVPg_lHRZWjK4Tpk6Zj0_5hZH4cNBlPPgLJY6Y1a-pjAysxtV2Hivx47IicxLsrvyM9UhP7pl8gmfF1'}\n", fileName: "client.py"),
            .passes("token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'\n", fileName: "auth.py"),
            .passes("token = 'eyJub3RhIjoiaGVhZGVyIn0.eyJzdWIiOiJzdmMtYmlsbGluZyJ9.uRdM_OWuVPg_lHRZWjK4Tpk6Zj0'\n", fileName: "auth.py"),
            .passes("SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InBnaXdzYWt5b290enF3anlvbGRoIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTU3NjAwMH0.chgbf3poOro8fY_Y6eEIbDQtDPp_QTaU5O8QFugEaA_\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["eyj"],
        regex: #"(?<![\w-])(eyJ[A-Za-z0-9_-]{15,}\.eyJ[A-Za-z0-9_-]{15,}\.[A-Za-z0-9_-]{20,})(?![\w-])"#,
        minEntropy: 4.0, validate: namesSigningAlgorithm
    )

    /// The text of a base-64url segment, or nil.
    static func decodedSegment(_ segment: Substring) -> String? {
        var text = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Unknown (a plausible token) when the header is JSON naming an algorithm other than `none`;
    /// Supabase's public `anon` key, meant for browsers, is not a secret.
    static func namesSigningAlgorithm(_ token: String) -> SecretValidation {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = decodedSegment(parts[0]), header.contains("\"alg\"") else { return .invalid }
        if header.filter({ !$0.isWhitespace }).lowercased().contains("\"alg\":\"none\"") { return .invalid }
        let payload = decodedSegment(parts[1])?.filter { !$0.isWhitespace } ?? ""
        return payload.contains("\"role\":\"anon\"") ? .invalid : .unknown
    }
}

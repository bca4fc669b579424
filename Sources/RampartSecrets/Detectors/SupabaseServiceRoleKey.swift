import Foundation
import RampartCore

enum SupabaseServiceRoleKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "supabase-service-role-key", title: "Supabase service_role JWT", severity: .critical,
        documentation: """
        A Supabase `service_role` key is a JWT whose payload carries `"role":"service_role"`: it \
        bypasses Row Level Security and has full read and write access to the project's database, \
        storage and auth users. Rampart decodes each JWT's payload and reports only this role, never \
        the public `anon` key.

        **Fix:** roll the project's JWT secret or migrate to the new secret API keys (Project \
        settings → API), and use the key only on servers, loaded from a secrets manager.
        """,
        examples: [
            .triggers("SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Im5jdmhsd3h1emhremVpeWxobGF3Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ.fy9NmvaqNcAxYLwJxgfe0BB_J8ttvoAoUThY6_bYQf_\n", fileName: ".env"),
            .triggers("const supabase = createClient(url, \"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Im5jdmhsd3h1emhremVpeWxobGF3Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ.fy9NmvaqNcAxYLwJxgfe0BB_J8ttvoAoUThY6_bYQf_\");\n", fileName: "admin.ts"),
            .passes("SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InBnaXdzYWt5b290enF3anlvbGRoIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTU3NjAwMH0.chgbf3poOro8fY_Y6eEIbDQtDPp_QTaU5O8QFugEaA_\n", fileName: ".env"),
            .passes("SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2Vy\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["eyj"],
        regex: #"(?<![\w-])(eyJ[A-Za-z0-9_-]{15,}\.eyJ[A-Za-z0-9_-]{15,}\.[A-Za-z0-9_-]{20,})(?![\w-])"#,
        validate: hasServiceRole
    )

    /// Valid when the payload's role is `service_role`; any other JWT is not this secret.
    static func hasServiceRole(_ token: String) -> SecretValidation {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = JSONWebToken.decodedSegment(parts[1]) else { return .invalid }
        return payload.filter { !$0.isWhitespace }.contains("\"role\":\"service_role\"") ? .valid : .invalid
    }
}

import RampartCore

enum PermissionsPolicyNotSet: WebRule {
    static let metadata = RuleMetadata.web(
        "10063", title: "Permissions-Policy header not set", severity: .low, cwe: 693,
        documentation: """
        Without `Permissions-Policy` every framed or injected script may ask for the camera, \
        microphone, geolocation and other powerful features. Checked on successful HTML pages.

        **Fix:** send a policy that turns off what the site does not use, e.g. \
        `Permissions-Policy: camera=(), microphone=(), geolocation=()`.
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\nPermissions-Policy: camera=()\n\n<html></html>\n", fileName: "page.http"),
        ]
    )

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isSuccessfulHTML, r.header("permissions-policy") == nil, r.header("feature-policy") == nil else { return [] }
        return [WebHit(parameter: "permissions-policy")]
    }
}

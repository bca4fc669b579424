import Foundation
import RampartCore

enum DockerConfigAuth: SecretRule {
    static let metadata = RuleMetadata.secret(
        "docker-config-auth", title: "Docker registry credential in config.json",
        documentation: """
        An `"auth"` entry in a Docker `config.json` is the base-64 encoding of `user:password` for a \
        container registry: whoever has it can pull private images and, usually, push images that \
        others then run. Rampart reports it only when it decodes to a user and a password.

        **Fix:** change the password or revoke the token at the registry, run `docker logout`, and \
        use a credential helper (`credsStore`) so `config.json` holds no secrets.
        """,
        examples: [
            .triggers("{\n  \"auths\": {\n    \"registry.acme.test\": {\n      \"auth\": \"Y2ktYm90OmhKYXA1WmU2Y2k3YnZtTWFrSUxY\"\n    }\n  }\n}\n", fileName: "config.json"),
            .triggers("dockerconfigjson: '{\"auths\":{\"ghcr.io\":{\"auth\":\"Y2ktYm90OmhKYXA1WmU2Y2k3YnZtTWFrSUxY\"}}}'\n", fileName: "values.yaml"),
            .passes("{\"auths\": {\"registry.acme.test\": {\"auth\": \"bm90LWEtdXNlci1wYXNzd29yZC1wYWly\"}}}\n", fileName: "config.json"),
            .passes("{\"auths\": {\"registry.acme.test\": {}}, \"credsStore\": \"desktop\"}\n", fileName: "config.json"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["\"auth\"", "\\\"auth\\\""],
        regex: #"\\?"auth\\?"\s*:\s*\\?"(?<secret>[A-Za-z0-9+/]{8,}={0,2})\\?\""#,
        validate: decodesToUserAndPassword
    )

    /// Valid when the value is base 64 of `user:password` with a real password.
    static func decodesToUserAndPassword(_ value: String) -> SecretValidation {
        guard let data = Data(base64Encoded: value), let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return .invalid }
        let password = String(text[text.index(after: colon)...])
        return password.isEmpty || Precision.isPlaceholder(password) ? .invalid : .unknown
    }
}

import RampartCore

enum TwilioAuthToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "twilio-auth-token", title: "Twilio auth token", severity: .critical, confidence: .medium,
        documentation: """
        A Twilio auth token (32 hex digits) is the master credential of a Twilio account or \
        subaccount: with the account SID it sends messages and calls, reads all message logs and \
        recordings, and manages phone numbers and API keys.

        **Fix:** rotate the auth token (Console → Account → API keys & tokens → Auth tokens → \
        Request a secondary token, then promote it), and keep it in a secrets manager.
        """,
        examples: [
            .triggers("TWILIO_AUTH_TOKEN=b5ff138e4c5cca7a8270fb199b6010f6\n", fileName: ".env"),
            .triggers("twilio:\n  account_sid: AC85275ade50fe41350b2a5d10b908c113\n  twilio_auth_token: 'b5ff138e4c5cca7a8270fb199b6010f6'\n", fileName: "config.yml"),
            .passes("TWILIO_AUTH_TOKEN=b5ff138e4c5cca7a8270\n", fileName: ".env"),
            .passes("TWILIO_ACCOUNT_SID=AC85275ade50fe41350b2a5d10b908c113\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["twilio"],
        regex: #"(?i:twilio[\w.-]{0,15}(?:auth[_-]?token|token|secret))["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])"#,
        minEntropy: 3.0
    )
}

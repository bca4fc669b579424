import RampartCore

enum PostmarkServerToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "postmark-server-token", title: "Postmark server or account token", confidence: .medium,
        documentation: """
        A Postmark server token (a UUID) sends e-mail through a Postmark server and reads its \
        message history and bounces; an account token manages every server and sender signature.

        **Fix:** regenerate the token (the server → API Tokens, or Account → API Tokens) and keep it \
        in a secrets manager.
        """,
        examples: [
            .triggers("POSTMARK_SERVER_TOKEN=b7f5af29-91b7-44fe-a57b-772d357b6bc9\n", fileName: ".env"),
            .triggers("curl https://api.postmarkapp.com/email -H 'X-Postmark-Server-Token: b7f5af29-91b7-44fe-a57b-772d357b6bc9' -d @mail.json\n", fileName: "send.sh"),
            .passes("POSTMARK_SERVER_TOKEN=b7f5af29-91b7\n", fileName: ".env"),
            .passes("POSTMARK_SERVER_TOKEN=${POSTMARK_SERVER_TOKEN}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["postmark"],
        regex: #"(?i:postmark[\w.-]{0,20}(?:token|api[_-]?key|key)|x-postmark-(?:server|account)-token)["']?\s*(?:=>|:=|[:=])\s*["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])"#,
        minEntropy: 3.0
    )
}

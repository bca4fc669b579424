import RampartCore

enum FlyIOMacaroonToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "flyio-macaroon-token", title: "Fly.io macaroon token",
        documentation: """
        A Fly.io token (`FlyV1 fm2_…`, one or more comma-separated macaroons) is what `fly tokens \
        create` and `fly auth token` print; depending on its caveats it deploys, reads secrets of or \
        manages the apps and organisation it was issued for.

        **Fix:** revoke it (`fly tokens revoke`, or the organisation's Tokens page), issue a deploy \
        token limited to one app with an expiry, and keep it as a CI secret.
        """,
        examples: [
            .triggers("FLY_API_TOKEN=FlyV1 fm2_RV4RBYx0aCY3N8yJb2GBmwT47ZyDKdExOyBtSdZaKK2YL/M0ePOFGKFhuP0bmP/Q7tXgfMXM5HX83zP7/QgC1x97GLEyZXqoWe8ufoUihRTqXZxOTgqjY2EhY6BhKTPN7iyeXhPsg6gstR0uzKDrz/Fi0Gwz/pcwZNcViBwDDKHU5jPGyekLHtvIewuATjlptPGY553yL5oVzXw1xRp0RMrVhvdTMhvBidPoZkN2tSKwqTez,fm2_4xG7u7QLuPy0Kka2sPiSWQLdaLJpnZLk+bNgFPf3dlNYmjWtKZNUJpIV1lN1Yjrwxzs2QhLrPGf7/uEA\n", fileName: ".env"),
            .triggers("headers = {\"Authorization\": \"FlyV1 fm2_RV4RBYx0aCY3N8yJb2GBmwT47ZyDKdExOyBtSdZaKK2YL/M0ePOFGKFhuP0bmP/Q7tXgfMXM5HX83zP7/QgC1x97GLEyZXqoWe8ufoUihRTqXZxOTgqjY2EhY6BhKTPN7iyeXhPsg6gstR0uzKDrz\"}\n", fileName: "machines.py"),
            .passes("FLY_API_TOKEN=FlyV1 fm2_RV4RBYx0aCY3N8yJb2GB\n", fileName: ".env"),
            .passes("The header is FlyV1 fm2_ followed by the macaroon.\n", fileName: "NOTES.txt"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["fm1_", "fm2_", "fm1r_", "fm2r_", "fm1a_", "fm2a_"],
        regex: #"(?<![\w/+])((?:FlyV1 )?fm[12][ar]?_[A-Za-z0-9+/=_-]{100,}(?:,fm[12][ar]?_[A-Za-z0-9+/=_-]{20,})*)"#,
        minEntropy: 4.5
    )
}

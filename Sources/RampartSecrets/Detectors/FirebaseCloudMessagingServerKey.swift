import RampartCore

enum FirebaseCloudMessagingServerKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "firebase-cloud-messaging-server-key", title: "Firebase Cloud Messaging server key",
        documentation: """
        A legacy Firebase Cloud Messaging server key (`AAAA…:APA91b…`) authorises the legacy FCM \
        send API for the project: whoever holds it can push notifications to every installed copy of \
        the app.

        **Fix:** delete the key (Project settings → Cloud Messaging, or the Google Cloud API \
        credentials), migrate to the HTTP v1 API with short-lived OAuth tokens, and keep service \
        credentials in a secrets manager.
        """,
        examples: [
            .triggers("FCM_SERVER_KEY=AAAAAECIVhQ:APA91b8Q8VRdqukyaTH3arHe2NxXcqGHGoDflpqeSEOpVAX5EUggGMulVFMP6hHBcT9C0kg3NIoZb47AGJpxejMDl95sIlHx9_dUJ2M1rbGNHGETLv7GflRo7niW7KVKlyFypeRSLN46\n", fileName: ".env"),
            .triggers("headers = {\"Authorization\": \"key=AAAAAECIVhQ:APA91b8Q8VRdqukyaTH3arHe2NxXcqGHGoDflpqeSEOpVAX5EUggGMulVFMP6hHBcT9C0kg3NIoZb47AGJpxejMDl95sIlHx9_dUJ2M1rbGNHGETLv7GflRo7niW7KVKlyFypeRSLN46\"}\n", fileName: "push.py"),
            .passes("FCM_SERVER_KEY=AAAAAECIVhQ:APA91b8Q8VRdqukyaTH3arHe2NxXcqGHGoDflpqe\n", fileName: ".env"),
            .passes("registration_token = 'APA91b8Q8VRdqukyaTH3arHe2NxXcqGHGoDflpqeSEOpVAX5EUggGMulVFMP6hHBcT9C0kg3NIoZb47AGJpxejMDl95sIlHx9_dUJ2M1rbGNHGETLv7GflRo7niW7KVKlyFypeRSLN46'\n", fileName: "push.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["apa91b"], regex: #"\b(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![\w-])"#,
        minEntropy: 4.0
    )
}

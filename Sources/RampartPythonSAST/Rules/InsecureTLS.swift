/// Protocol versions B502 and B503 consider broken (SSLv2/3, TLS 1.0 and 1.1).
enum InsecureTLS {
    static let badVersions: Set<String> = [
        "PROTOCOL_SSLv2", "SSLv2_METHOD", "SSLv23_METHOD", "PROTOCOL_SSLv3", "PROTOCOL_TLSv1", "SSLv3_METHOD",
        "TLSv1_METHOD", "PROTOCOL_TLSv1_1", "TLSv1_1_METHOD",
    ]
    static let badVersionList = Array(badVersions)
}

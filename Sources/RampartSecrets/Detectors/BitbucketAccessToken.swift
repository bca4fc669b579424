import RampartCore

enum BitbucketAccessToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "bitbucket-access-token", title: "Bitbucket repository, project or workspace access token",
        documentation: """
        A Bitbucket Cloud access token (`ATCTT3xFfGN0` and a long string) acts on one repository, \
        project or workspace with its scopes: reading or pushing code, managing pull requests and \
        pipelines.

        **Fix:** revoke it (the repository, project or workspace settings → Access tokens) and keep \
        its replacement as a secured pipeline variable.
        """,
        examples: [
            .triggers("BITBUCKET_TOKEN=ATCTT3xFfGN08IFNYNo2vvj4Ht8Em5OKwsTGzI8GPHimSZPR2LCjTHT88Qiyv9ZWDUuiSqD3Q87cwmH12nGku13gkoJpwqZX5xPqyHFuEvs6XcHtb38MXVjc8ZhiTopMxr7y6bRgvugjFfKdcNs_hPtV0eJGyv9VACfqNk3Y41TK6VOGta6HC8VALOeyIEbx=30DD6CA1\n", fileName: ".env"),
            .triggers("headers = {'Authorization': 'Bearer ATCTT3xFfGN08IFNYNo2vvj4Ht8Em5OKwsTGzI8GPHimSZPR2LCjTHT88Qiyv9ZWDUuiSqD3Q87cwmH12nGku13gkoJpwqZX5xPqyHFuEvs6XcHtb38MXVjc8ZhiTopMxr7y6bRgvugjFfKdcNs_hPtV0eJGyv9VACfqNk3Y41TK6VOGta6HC8VALOeyIEbx=30DD6CA1'}\n", fileName: "bb.py"),
            .passes("BITBUCKET_TOKEN=ATCTT3xFfGN08IFNYNo2vvj4Ht8Em5OKwsTGz\n", fileName: ".env"),
            .passes("BITBUCKET_TOKEN=ATCTT3xFfGN0...\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["atctt3xffgn0"], regex: #"\b(ATCTT3xFfGN0[A-Za-z0-9_=-]{100,400})(?![\w=-])"#,
        minEntropy: 4.0
    )
}

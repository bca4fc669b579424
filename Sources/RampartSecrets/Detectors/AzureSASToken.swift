import RampartCore

enum AzureSASToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "azure-sas-token", title: "Azure shared access signature",
        documentation: """
        A shared access signature (a URL query with `sv=` and `sig=`) grants the permissions in its \
        `sp=` field on a storage account, container or blob until its `se=` expiry, which is often \
        set years ahead; anyone with the URL has that access.

        **Fix:** revoke it by rotating the storage account key that signed it, or by deleting the \
        stored access policy it references; issue short-lived user-delegation SAS tokens at run time \
        instead of committing them.
        """,
        examples: [
            .triggers("BLOB_URL=https://invoices7.blob.core.windows.net/exports?sp=r&st=2024-05-01T08:00:00Z&se=2030-05-01T16:00:00Z&spr=https&sv=2022-11-02&sr=c&sig=P%2BQt%2FieBjyzt6%2BiLbEUjAJvt8CWjNzpR4CWNcbqysp4%3D\n", fileName: ".env"),
            .triggers("sas_token = \"?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2031-01-01T00:00:00Z&spr=https&sig=P+Qt/ieBjyzt6+iLbEUjAJvt8CWjNzpR4CWNcbqysp4=\"\n", fileName: "storage.py"),
            .passes("BLOB_URL=https://invoices7.blob.core.windows.net/exports?sp=r&sv=2022-11-02&sr=c&sig=${SAS_SIGNATURE}\n", fileName: ".env"),
            .passes("query = 'sig=P%2BQt%2FieBjyzt6%2BiLbEUjAJvt8CWjNzpR4CWNcbqysp4%3D'\n", fileName: "other.py"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["sig="],
        regex: #"\bsv=\d{4}-\d{2}-\d{2}&[\w%&=:.+/-]{0,500}?&sig=(?<secret>[A-Za-z0-9%+/]{30,150}=*)"#,
        minEntropy: 4.0
    )
}

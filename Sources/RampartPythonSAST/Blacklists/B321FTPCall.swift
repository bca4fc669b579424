import RampartCore

/// B321 (ftplib): FTP client.
enum B321FTPCall: BlacklistRule {
    static let kind = BlacklistKind.call
    static let qualnames = [
        "ftplib.FTP",
    ]
    static let message = "FTP sends credentials and data in clear text (`{name}`)."
    static let metadata = RuleMetadata.bandit(
        "B321", "ftplib", title: "FTP client", severity: .high, confidence: .high, cwe: 319, owasp: .a02,
        documentation: "## What it does\nFlags calls to `ftplib.FTP`.\n\n## Why is this bad?\nFTP sends credentials and data in clear text (`the call`).\n\n## What to do instead\nUse SFTP or FTPS (`ftplib.FTP_TLS`).\n\n## References\n- [CWE-319](https://cwe.mitre.org/data/definitions/319.html)\n",
        examples: [.triggers("import ftplib\nftp = ftplib.FTP(host)\n"), .passes("import ftplib\nftp = ftplib.FTP_TLS(host)\n")]
    )
}

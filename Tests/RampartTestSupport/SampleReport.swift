import Foundation
import RampartCore

/// A fixed report with one finding of each location kind, a suppressed one and diagnostics,
/// for reporter tests and golden files.
public enum SampleReport {
    public static let fixedDate = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T…Z

    public static let rules: [RuleMetadata] = [
        RuleMetadata(
            id: "python/B602", aliases: ["subprocess_popen_with_shell_equals_true"],
            title: "subprocess call with shell=True", severity: .high, confidence: .high, cwe: [78], owasp: .a03,
            tags: ["injection"], documentation: "## What it does\nFlags `shell=True`.\n", examples: []
        ),
        RuleMetadata(
            id: "secrets/github-pat", title: "GitHub personal access token", severity: .critical, confidence: .high,
            cwe: [798], owasp: .a07, tags: ["secret"], documentation: "## What it does\nFinds tokens.\n", examples: []
        ),
        RuleMetadata(
            id: "web/10038", title: "Content Security Policy header not set", severity: .medium, confidence: .high,
            cwe: [693], owasp: .a05, documentation: "## What it does\nChecks CSP.\n", examples: []
        ),
        RuleMetadata(
            id: "host/sshd-07", title: "SSH root login disabled", severity: .low, confidence: .medium,
            cwe: [250], documentation: "## What it does\nChecks sshd.\n", examples: []
        ),
    ]

    public static func make() -> ScanReport {
        var findings = [
            Finding(rule: rules[0], location: .source(SourceLocation(
                path: "app/run.py", line: 12, column: 5, endLine: 12, endColumn: 40,
                snippet: "subprocess.Popen(cmd, shell=True)"))),
            Finding(rule: rules[1], location: .source(SourceLocation(
                path: "config/settings.py", line: 3, column: 9, endLine: 3, endColumn: 49,
                snippet: "TOKEN = \"ghp_****************************a1B2\"")),
                message: "GitHub token ghp_…a1B2 <in> \"quotes\" & more"),
            Finding(rule: rules[2], location: .web(WebLocation(url: "http://127.0.0.1:8080/login?next=%2F", method: "GET", evidence: "no header"))),
            Finding(rule: rules[3], location: .host(HostLocation(host: "web01", control: "sshd-07", resource: "/etc/ssh/sshd_config"))),
            Finding(rule: rules[0], location: .source(SourceLocation(
                path: "app/run.py", line: 20, column: 1, snippet: "subprocess.Popen(x, shell=True)  # nosec B602"))),
        ]
        findings[4].suppression = Suppression(kind: .nosec, reason: nil)
        // A dataflow's way: request data assigned to `cmd`, then run.
        findings[0].trace = [
            TraceStep(kind: .source, path: "app/run.py", line: 10, column: 11, endLine: 10, endColumn: 23),
            TraceStep(kind: .step, path: "app/run.py", line: 10, column: 5, endLine: 10, endColumn: 8),
            TraceStep(kind: .sink, path: "app/run.py", line: 12, column: 22, endLine: 12, endColumn: 25),
        ]
        for index in findings.indices {
            findings[index].helpUri = "https://docs.example.test/rules/\(findings[index].ruleId)"
        }
        Fingerprint.assign(&findings)
        findings.sort(by: Finding.reportOrder)
        return ScanReport(
            toolVersion: "0.1.0-test",
            target: .init(path: "examples/demo"),
            findings: findings,
            diagnostics: [
                Diagnostic(.warning, code: "file-too-large", message: "skipped: file is 9000000 bytes, over the 5242880-byte limit (max_file_size)", path: "data/big.py"),
                Diagnostic(.note, code: "binary-file", message: "skipped: binary content", path: "blob.dat"),
            ],
            rules: rules,
            scanners: [
                .init(id: "python", title: "Python SAST", filesScanned: 2, durationMs: 12, completed: true),
                .init(id: "secrets", title: "Secrets", filesScanned: 2, durationMs: 7, completed: true),
                .init(id: "web", title: "DAST", filesScanned: 0, durationMs: 300, completed: true),
                .init(id: "host", title: "Compliance", filesScanned: 0, durationMs: 40, completed: true),
            ],
            files: 2,
            baselined: 1,
            belowThreshold: 0,
            startTime: fixedDate,
            durationMs: 1234,
            failOn: .severity(.high)
        )
    }
}

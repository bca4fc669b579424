import PythonSyntax
import RampartCore

/// B202 (tarfile_unsafe_members): `extractall` that trusts the archive's paths.
enum B202TarfileUnsafeMembers: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B202", "tarfile_unsafe_members", title: "tarfile.extractall without member validation", severity: .high, confidence: .high, cwe: 22, owasp: .a01,
        documentation: """
        ## What it does
        Flags `extractall()` on tar files without `filter="data"`: high when nothing limits the members, medium when `members=` is something unknown, low when `members=` is a function's result.

        ## Why is this bad?
        Archive members can be named `../../etc/cron.d/x` or be links: extracting them writes outside the target folder (path traversal).

        ## What to do instead
        Use `tar.extractall(path, filter="data")` (Python 3.12+, back-ported to 3.8.17+), or pass only validated members.

        ## References
        - [CWE-22](https://cwe.mitre.org/data/definitions/22.html)
        """,
        examples: [
            .triggers("import tarfile\nwith tarfile.open(path) as tar:\n    tar.extractall(dest)\n"),
            .passes("import tarfile\nwith tarfile.open(path) as tar:\n    tar.extractall(dest, filter='data')\n"),
        ]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.isModuleImportedExact("tarfile"), TextSearch.contains(context.name, "extractall") else { return nil }
        if let filter = context.keyword("filter") {
            if filter.stringValue == "data" { return nil }
        }
        if let members = context.keyword("members") {
            if case .call = members.kind {
                return RuleHit(.low, .low, "Usage of tarfile.extractall(members=function(tarfile)). Make sure your function properly discards dangerous members.")
            }
            return RuleHit(.medium, .medium, "Found tarfile.extractall(members=?) but couldn't identify the type of members. Check if the members were properly validated.")
        }
        return RuleHit(.high, .high, "tarfile.extractall used without any validation. Please check and discard dangerous members.")
    }
}

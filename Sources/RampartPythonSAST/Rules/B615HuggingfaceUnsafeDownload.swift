import PythonSyntax
import RampartCore

/// B615 (huggingface_unsafe_download): models and datasets fetched without a pinned revision.
enum B615HuggingfaceUnsafeDownload: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B615", "huggingface_unsafe_download", title: "Hugging Face download without a pinned revision", severity: .medium, confidence: .high, cwe: 494, owasp: .a08,
        documentation: """
        ## What it does
        Flags `from_pretrained`, `load_dataset`, `hf_hub_download` and `snapshot_download` without `revision=` (or `commit_id=`) set to a commit hash.

        ## Why is this bad?
        Without a pinned commit the code runs whatever the repository holds today; a compromised or changed repository changes your model or data, and model files can run code.

        ## What to do instead
        Pin the revision to a full commit hash: `from_pretrained("org/model", revision="<sha>")`.

        ## References
        - [CWE-494](https://cwe.mitre.org/data/definitions/494.html)
        """,
        examples: [
            .triggers("from transformers import AutoModel\nmodel = AutoModel.from_pretrained('org/model')\n"),
            .passes("from transformers import AutoModel\nmodel = AutoModel.from_pretrained('org/model', revision='5d0f2e8a1b2c3d4e')\n"),
        ]
    )

    static let patterns: [String: String] = [
        "from_pretrained": "transformers", "load_dataset": "datasets", "hf_hub_download": "huggingface_hub",
        "snapshot_download": "huggingface_hub", "repository_id": "huggingface_hub",
    ]

    static let callLastNames: Set<String>? = Set(patterns.keys)

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.isModuleImportedLike("transformers") || context.isModuleImportedLike("datasets") || context.isModuleImportedLike("huggingface_hub") else { return nil }
        let parts = context.qualnameParts
        let function = parts.last ?? ""
        guard let module = patterns[function], parts.contains(module) else { return nil }
        for (name, value) in context.callKeywords where name == "revision" || name == "commit_id" {
            if case .constant = value.kind { continue }
            return nil
        }
        let revision = PythonRuleContext.firstTruthy(context.keywordLiteral("revision"), context.keywordLiteral("commit_id"))
        if let text = revision?.string {
            let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if trimmed.count >= 7 && trimmed.allSatisfy(\.isHexDigit) { return nil }
        }
        if let first = context.argument(at: 0)?.string, first.hasPrefix("./") || first.hasPrefix("/") || first.hasPrefix("../") { return nil }
        return RuleHit(.medium, .high, "Unsafe Hugging Face Hub download without revision pinning in \(function)()", line: context.lineOfKeyword(function))
    }
}

import Foundation

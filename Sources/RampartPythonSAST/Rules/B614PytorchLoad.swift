import RampartCore

/// B614 (pytorch_load): `torch.load` that unpickles.
enum B614PytorchLoad: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let callNames: Set<String>? = ["torch.load", "torch.serialization.load"]
    static let metadata = RuleMetadata.bandit(
        "B614", "pytorch_load", title: "Unsafe torch.load", severity: .medium, confidence: .high, cwe: 502, owasp: .a08,
        documentation: """
        ## What it does
        Flags `torch.load` without `weights_only=True`.

        ## Why is this bad?
        `torch.load` unpickles the file: a model downloaded from elsewhere can run code when loaded.

        ## What to do instead
        `torch.load(path, weights_only=True)`, or the safetensors format.

        ## References
        - [CWE-502](https://cwe.mitre.org/data/definitions/502.html)
        """,
        examples: [.triggers("import torch\nmodel = torch.load(path)\n"), .passes("import torch\nmodel = torch.load(path, weights_only=True)\n")]
    )

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.isModuleImportedExact("torch"), context.qualname == "torch.load" || context.qualname == "torch.serialization.load" else { return nil }
        if context.keywordLiteral("weights_only") == .str("True") { return nil }
        return RuleHit(.medium, .high, "Use of unsafe PyTorch load", line: context.lineOfKeyword("load"))
    }
}

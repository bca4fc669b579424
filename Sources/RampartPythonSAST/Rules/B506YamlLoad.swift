import RampartCore

/// B506 (yaml_load): `yaml.load` that can build arbitrary objects.
enum B506YamlLoad: PythonRule {
    static let nodeKinds: Set<PythonNodeKind> = [.call]
    static let metadata = RuleMetadata.bandit(
        "B506", "yaml_load", title: "Unsafe yaml.load", severity: .medium, confidence: .high, cwe: 20, owasp: .a08,
        documentation: """
        ## What it does
        Flags `yaml.load` without `SafeLoader` or `CSafeLoader`.

        ## Why is this bad?
        The full loaders build arbitrary Python objects from tags in the document: untrusted YAML can run code.

        ## What to do instead
        Use `yaml.safe_load()`, or `yaml.load(data, Loader=yaml.SafeLoader)`.

        ## References
        - [CWE-20](https://cwe.mitre.org/data/definitions/20.html)
        """,
        examples: [.triggers("import yaml\nconfig = yaml.load(text, Loader=yaml.Loader)\n"), .passes("import yaml\nconfig = yaml.safe_load(text)\n"), .passes("import yaml\nconfig = yaml.load(text, Loader=yaml.SafeLoader)\n")]
    )

    static let callLastNames: Set<String>? = ["load"]

    static func check(_ context: PythonRuleContext) -> RuleHit? {
        guard context.isModuleImportedExact("yaml") else { return nil }
        let parts = context.qualnameParts
        guard parts.contains("yaml"), parts.last == "load" else { return nil }
        if context.checkKeyword("Loader", ["SafeLoader"]) == true || context.checkKeyword("Loader", ["CSafeLoader"]) == true { return nil }
        if let second = context.argument(at: 1), second == .str("SafeLoader") || second == .str("CSafeLoader") { return nil }
        return RuleHit(.medium, .high, "Use of unsafe yaml load. Allows instantiation of arbitrary objects. Consider yaml.safe_load().")
    }
}

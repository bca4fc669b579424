import Yams

/// A parsed YAML value that remembers where it was written, so every configuration error names
/// the file, line and key. Scanners validate their own sections of the configuration with it.
public indirect enum ConfigNode: Sendable, Hashable {
    case scalar(String, Position)
    case sequence([ConfigNode], Position)
    case mapping([(key: String, keyPosition: Position, value: ConfigNode)], Position)
    case null(Position)

    public struct Position: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
        public var description: String { "\(line):\(column)" }
    }

    public var position: Position {
        switch self {
        case .scalar(_, let p), .sequence(_, let p), .mapping(_, let p), .null(let p): p
        }
    }

    public static func == (lhs: ConfigNode, rhs: ConfigNode) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, pa), .scalar(b, pb)): a == b && pa == pb
        case let (.sequence(a, pa), .sequence(b, pb)): a == b && pa == pb
        case let (.null(a), .null(b)): a == b
        case let (.mapping(a, pa), .mapping(b, pb)):
            pa == pb && a.count == b.count
                && zip(a, b).allSatisfy { $0.key == $1.key && $0.keyPosition == $1.keyPosition && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(position)
    }

    /// What kind of value this is, for messages: `a string`, `a list`, `a mapping`, `null`.
    public var kindName: String {
        switch self {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .null: "nothing"
        }
    }

    /// Parses YAML text into nodes; an empty document is an empty mapping.
    /// At most `maxNodes` values are read (rule files with thousands of rules raise it).
    public static func parse(yaml: String, file: String, maxNodes: Int = ConfigNode.maxNodes) throws(ConfigurationError) -> ConfigNode {
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                return .mapping([], Position(line: 1, column: 1))
            }
            var budget = maxNodes
            return try convert(node, file: file, depth: 0, budget: &budget)
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw ConfigurationError.yaml(error, file: file, text: yaml)
        } catch {
            throw ConfigurationError(file: file, line: 1, column: 1, key: nil, message: "cannot read YAML: \(error)")
        }
    }

    private static let maxDepth = 64
    /// Bounds alias expansion ("billion laughs"): configuration files come from untrusted repositories.
    public static let maxNodes = 100_000

    private static func convert(_ node: Node, file: String, depth: Int, budget: inout Int) throws(ConfigurationError) -> ConfigNode {
        let position = Position(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        guard depth < maxDepth else {
            throw ConfigurationError(file: file, line: position.line, column: position.column, key: nil, message: "nesting deeper than \(maxDepth) levels")
        }
        budget -= 1
        guard budget >= 0 else {
            throw ConfigurationError(file: file, line: position.line, column: position.column, key: nil, message: "more than \(maxNodes) values (alias expansion?)")
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return .null(position)
            }
            return .scalar(scalar.string, position)
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            for item in sequence { items.append(try convert(item, file: file, depth: depth + 1, budget: &budget)) }
            return .sequence(items, position)
        case .mapping(let mapping):
            var pairs: [(key: String, keyPosition: Position, value: ConfigNode)] = []
            for (key, value) in mapping {
                let keyPosition = Position(line: key.mark?.line ?? position.line, column: key.mark?.column ?? position.column)
                guard case .scalar(let keyScalar) = key else {
                    throw ConfigurationError(file: file, line: keyPosition.line, column: keyPosition.column, key: nil, message: "keys must be plain strings")
                }
                if pairs.contains(where: { $0.key == keyScalar.string }) {
                    throw ConfigurationError(file: file, line: keyPosition.line, column: keyPosition.column, key: keyScalar.string, message: "duplicate key")
                }
                pairs.append((keyScalar.string, keyPosition, try convert(value, file: file, depth: depth + 1, budget: &budget)))
            }
            return .mapping(pairs, position)
        case .alias:
            throw ConfigurationError(file: file, line: position.line, column: position.column, key: nil, message: "YAML aliases are not supported")
        }
    }
}

/// A configuration mistake, with where it is.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var key: String?
    public var message: String

    public init(file: String, line: Int, column: Int, key: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    init(file: String, at position: ConfigNode.Position, key: String?, _ message: String) {
        self.init(file: file, line: position.line, column: position.column, key: key, message: message)
    }

    static func yaml(_ error: YamlError, file: String, text: String) -> ConfigurationError {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            // Yams marks the mapping; point at the second appearance of the key after it instead.
            var seen = 0
            var line = context.mark.line
            for (index, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= context.mark.line {
                let trimmed = content.drop { $0 == " " || $0 == "-" }
                if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") {
                    seen += 1
                    if seen == 2 {
                        line = index + 1
                        break
                    }
                }
            }
            return ConfigurationError(file: file, line: line, column: 1, key: key, message: "duplicate key")
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigurationError(file: file, line: mark.line, column: mark.column, key: nil, message: "invalid YAML: \(problem)")
        default:
            return ConfigurationError(file: file, line: 1, column: 1, key: nil, message: "invalid YAML: \(error)")
        }
    }

    /// `file:line:column: key 'x': message`, the form editors and CI logs link.
    public var description: String {
        let keyPart = key.map { "key '\($0)': " } ?? ""
        return "\(file):\(line):\(column): \(keyPart)\(message)"
    }
}

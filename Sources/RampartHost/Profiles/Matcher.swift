import Foundation
import RampartRegex

/// What a check expects of a resource's property, InSpec's matchers as data: `eq`, `cmp` (with
/// numbers and version strings), `match`, `in`, `include`, `exist`, and mode masks ("not more
/// permissive than 0640"). Any matcher can be negated (`not:`).
public indirect enum Matcher: Sendable, CustomStringConvertible {
    case eq(String)
    /// Compares as numbers when both sides are, as versions when both are dotted numbers, else
    /// as text ignoring case (InSpec's `cmp`).
    case cmp(ComparisonOperator, String)
    case match(String)
    case oneOf([String])
    /// A list property (mount options, HostKeys) contains the value.
    case include(String)
    /// The list property equals this list, in any order.
    case sameSet([String])
    case exists
    case isEmpty
    /// A file mode with no permission bit beyond the mask (`0o640`): 0600 passes, 0644 fails.
    case notMorePermissiveThan(UInt32)
    case not(Matcher)

    public enum ComparisonOperator: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    public var description: String {
        switch self {
        case .eq(let value): "eq \"\(value)\""
        case .cmp(let op, let value): op == .equal ? "cmp == \(value)" : "cmp \(op.rawValue) \(value)"
        case .match(let pattern): "match /\(pattern)/"
        case .oneOf(let values): "be in [\(values.joined(separator: ", "))]"
        case .include(let value): "include \"\(value)\""
        case .sameSet(let values): "be the set [\(values.joined(separator: ", "))]"
        case .exists: "exist"
        case .isEmpty: "be empty"
        case .notMorePermissiveThan(let mask): "not be more permissive than \(String(format: "%04o", mask))"
        case .not(let inner): "not " + inner.description
        }
    }

    /// Whether `fact` satisfies the matcher. A missing value (nil) satisfies only `not exist`
    /// and negations of value matchers.
    public func matches(_ fact: FactValue) -> Bool {
        switch self {
        case .not(let inner):
            return !inner.matches(fact)
        case .exists:
            return fact.exists
        case .isEmpty:
            return fact.values.isEmpty || fact.values.allSatisfy(\.isEmpty)
        case .include(let value):
            return fact.values.contains(value)
        case .sameSet(let expected):
            return Set(fact.values) == Set(expected)
        default:
            guard let value = fact.values.first, fact.values.count == 1 else {
                // A list against a scalar matcher: every value must satisfy it (HostKey lines).
                return !fact.values.isEmpty && fact.values.allSatisfy { matches(FactValue.value($0, caseInsensitive: fact.caseInsensitive)) }
            }
            return matchesScalar(value, caseInsensitive: fact.caseInsensitive)
        }
    }

    private func matchesScalar(_ value: String, caseInsensitive: Bool) -> Bool {
        switch self {
        case .eq(let expected):
            return caseInsensitive ? value.lowercased() == expected.lowercased() : value == expected
        case .cmp(let op, let expected):
            return Self.compare(value, op, expected)
        case .match(let pattern):
            guard let regex = try? ByteRegex(pattern, options: caseInsensitive ? .caseInsensitive : []) else { return false }
            return regex.matches(value)
        case .oneOf(let values):
            return caseInsensitive ? values.contains { $0.lowercased() == value.lowercased() } : values.contains(value)
        case .notMorePermissiveThan(let mask):
            guard let mode = UInt32(value, radix: 8) else { return false }
            return mode & 0o7777 & ~mask == 0
        default:
            return false
        }
    }

    /// `cmp`: numbers, then dotted versions, then case-insensitive text.
    static func compare(_ value: String, _ op: ComparisonOperator, _ expected: String) -> Bool {
        let order: Int
        if let a = Double(value.trimmingCharacters(in: .whitespaces)), let b = Double(expected.trimmingCharacters(in: .whitespaces)) {
            order = a < b ? -1 : (a > b ? 1 : 0)
        } else if let a = version(value), let b = version(expected) {
            order = a.lexicographicallyPrecedes(b) ? -1 : (b.lexicographicallyPrecedes(a) ? 1 : 0)
        } else {
            let a = value.lowercased(), b = expected.lowercased()
            order = a < b ? -1 : (a > b ? 1 : 0)
        }
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }

    /// `7.9p1` → [7, 9, 1]; nil when it does not start with a number.
    static func version(_ text: String) -> [Int]? {
        let parts = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard text.first?.isNumber == true, !parts.isEmpty else { return nil }
        // Equal-length comparisons: pad with zeros.
        return parts + Array(repeating: 0, count: max(0, 6 - parts.count))
    }
}

/// What a resource's property turned out to be: no value (absent), one, or several.
public struct FactValue: Sendable, Equatable {
    public var values: [String]
    /// The thing exists (a file, a package): separate from having a value.
    public var exists: Bool
    /// Values compared ignoring case (`sshd_config` yes/no).
    public var caseInsensitive: Bool

    public init(values: [String], exists: Bool, caseInsensitive: Bool = false) {
        self.values = values
        self.exists = exists
        self.caseInsensitive = caseInsensitive
    }

    public static func value(_ value: String?, caseInsensitive: Bool = false) -> FactValue {
        FactValue(values: value.map { [$0] } ?? [], exists: value != nil, caseInsensitive: caseInsensitive)
    }

    public static let absent = FactValue(values: [], exists: false)

    /// As shown in results: `"0640"`, `["a", "b"]`, `nil`.
    public var display: String {
        switch values.count {
        case 0: exists ? "(present, no value)" : "nil"
        case 1: "\"\(values[0].count > 120 ? values[0].prefix(120) + "…" : values[0])\""
        default: "[" + values.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ") + (values.count > 8 ? ", …" : "") + "]"
        }
    }
}

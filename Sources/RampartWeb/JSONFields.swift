import Foundation

/// The fields of a JSON request body, for probing one at a time (as ZAP's API scan does): each
/// string, number or boolean leaf by its path, and the body rebuilt with one leaf replaced.
enum JSONFields {
    struct Leaf: Sendable, Equatable {
        /// `user.name`, `items[0]`, `$` for a bare scalar body.
        var path: String
        var value: String
    }

    static let maxDepth = 32
    static let maxLeaves = 500

    /// The leaves of `text` in document order (keys sorted: JSONSerialization loses their order).
    static func leaves(of text: String) -> [Leaf] {
        guard let data = text.data(using: .utf8), data.count <= 1 << 20,
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return [] }
        var result: [Leaf] = []
        walk(object, path: "", depth: 0, into: &result)
        return result
    }

    private static func walk(_ value: Any, path: String, depth: Int, into result: inout [Leaf]) {
        guard depth <= maxDepth, result.count < maxLeaves else { return }
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let child = object[key] { walk(child, path: path.isEmpty ? key : path + "." + key, depth: depth + 1, into: &result) }
            }
        case let array as [Any]:
            for (index, child) in array.enumerated() { walk(child, path: path + "[\(index)]", depth: depth + 1, into: &result) }
        case is NSNull:
            break
        default:
            if let text = scalarText(value) { result.append(Leaf(path: path.isEmpty ? "$" : path, value: text)) }
        }
    }

    static func scalarText(_ value: Any) -> String? {
        if let string = value as? String { return string }
        if let number = value as? NSNumber {
            // Booleans come back as NSNumbers of type `c`/`B` (JSON numbers are never chars).
            let type = String(cString: number.objCType)
            if type == "c" || type == "B" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        }
        return nil
    }

    /// `text` with the leaf at `path` replaced by the string `replacement` (a payload is text,
    /// whatever the field's type was). Nil when the path is not in the body.
    static func replacing(_ path: String, in text: String, with replacement: String) -> String? {
        guard let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        guard let replaced = replace(object, steps: steps(of: path)[...], with: replacement),
              let out = try? JSONSerialization.data(withJSONObject: replaced, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    private enum Step { case key(String), index(Int) }

    private static func steps(of path: String) -> [Step] {
        guard path != "$" else { return [] }
        var steps: [Step] = []
        var current = ""
        var chars = Substring(path)
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "." {
                if !current.isEmpty { steps.append(.key(current)); current = "" }
            } else if c == "[" {
                if !current.isEmpty { steps.append(.key(current)); current = "" }
                let digits = chars.prefix { $0 != "]" }
                chars = chars.dropFirst(digits.count + 1)
                steps.append(.index(Int(digits) ?? 0))
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { steps.append(.key(current)) }
        return steps
    }

    private static func replace(_ value: Any, steps: ArraySlice<Step>, with replacement: String) -> Any? {
        guard let step = steps.first else { return replacement }
        switch step {
        case .key(let key):
            guard var object = value as? [String: Any], let child = object[key],
                  let replaced = replace(child, steps: steps.dropFirst(), with: replacement) else { return nil }
            object[key] = replaced
            return object
        case .index(let index):
            guard var array = value as? [Any], array.indices.contains(index),
                  let replaced = replace(array[index], steps: steps.dropFirst(), with: replacement) else { return nil }
            array[index] = replaced
            return array
        }
    }
}

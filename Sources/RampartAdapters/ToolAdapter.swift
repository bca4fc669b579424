import Foundation
import RampartCore

/// Reads another tool's report (JSON, JSON lines or SARIF) into Rampart findings, keeping the
/// tool's own rule ids (`bandit/B602`, `gitleaks/aws-access-token`).
public protocol ToolAdapter: Sendable {
    /// The name users give: `bandit`, `semgrep`, `sarif`.
    var tool: String { get }
    /// What it reads, in a few words (`bandit -f json`).
    var reads: String { get }
    func parse(_ data: Data, file: String) throws(AdapterError) -> [Finding]
}

/// A report that cannot be read: the tool, the file and where in it.
public struct AdapterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var tool: String
    public var file: String
    /// `line 3, column 8`, `results[4].line_number`.
    public var position: String
    public var message: String

    public init(tool: String, file: String, position: String, message: String) {
        self.tool = tool
        self.file = file
        self.position = position
        self.message = message
    }

    public var description: String { "\(tool): \(file): \(position.isEmpty ? "" : "\(position): ")\(message)" }
}

/// Every adapter, by tool name.
public enum ToolAdapters {
    public static let all: [any ToolAdapter] = [
        BanditAdapter(), SemgrepAdapter(), RuffAdapter(), GitleaksAdapter(), TrufflehogAdapter(), DetectSecretsAdapter(),
        PipAuditAdapter(), OSVScannerAdapter(), ZAPAdapter(), InSpecAdapter(), TrivyAdapter(), SARIFAdapter(), RampartAdapter(),
    ]

    public static func named(_ name: String) -> (any ToolAdapter)? { all.first { $0.tool == name.lowercased() } }
}

/// JSON read with positions in its errors: JSONSerialization's own (line and column) for broken
/// syntax, a path (`results[3].filename`) for a shape that is not the tool's.
struct JSONDocument {
    let tool: String
    let file: String

    func parse(_ data: Data) throws(AdapterError) -> Any {
        guard data.count < 512 << 20 else { throw AdapterError(tool: tool, file: file, position: "", message: "larger than 512 MB") }
        do {
            return try JSONSerialization.jsonObject(with: Self.replacingLoneSurrogates(data), options: [.fragmentsAllowed])
        } catch {
            let detail = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? "")"
            throw AdapterError(tool: tool, file: file, position: Self.position(of: error, in: data), message: "not valid JSON\(detail.isEmpty ? "" : " (\(detail))")")
        }
    }

    /// JSON lines (Trufflehog, Gitleaks' stream): one value per line; errors name the line.
    func parseLines(_ data: Data) throws(AdapterError) -> [(line: Int, value: Any)] {
        var values: [(Int, Any)] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            guard !trimmed.isEmpty else { continue }
            do {
                values.append((index + 1, try JSONSerialization.jsonObject(with: Self.replacingLoneSurrogates(Data(trimmed)), options: [.fragmentsAllowed])))
            } catch {
                throw AdapterError(tool: tool, file: file, position: "line \(index + 1)", message: "not valid JSON")
            }
        }
        return values
    }

    /// Python's `json` writes a lone surrogate (`"\ud800"`, from a file name or a source line
    /// that is not valid UTF-8) as an escape that strict parsers reject. Such an escape becomes
    /// U+FFFD, as a lenient reader would show it, instead of failing the whole report.
    static func replacingLoneSurrogates(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        func surrogate(at index: Int) -> UInt16? {
            guard index + 5 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                  let value = UInt16(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
                  (0xD800...0xDFFF).contains(value) else { return nil }
            return value
        }
        guard bytes.contains(UInt8(ascii: "\\")) else { return data }
        var out: [UInt8] = []
        var index = 0
        var changed = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                if let high = surrogate(at: index) {
                    if (0xD800...0xDBFF).contains(high), let low = surrogate(at: index + 6), (0xDC00...0xDFFF).contains(low) {
                        out += bytes[index..<(index + 12)]
                        index += 12
                    } else {
                        out += Array("\\ufffd".utf8)
                        index += 6
                        changed = true
                    }
                    continue
                }
                // Any other escape: copy it whole, so `\\ud800` (an escaped backslash) stays text.
                out += bytes[index..<min(bytes.count, index + 2)]
                index += 2
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return changed ? Data(out) : data
    }

    static func position(of error: any Error, in data: Data) -> String {
        let text = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error)"
        if let range = text.range(of: #"line \d+, column \d+"#, options: .regularExpression) { return String(text[range]) }
        if let range = text.range(of: #"character \d+"#, options: .regularExpression),
           let offset = Int(text[range].dropFirst("character ".count)) {
            let prefix = data.prefix(offset)
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = offset - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            return "line \(line), column \(column)"
        }
        if text.lowercased().contains("end of file") {
            let lines = data.filter { $0 == UInt8(ascii: "\n") }.count + 1
            return "line \(lines), at the end (the file is cut short)"
        }
        return "line 1, column 1"
    }

    func fail(_ path: String, _ message: String) -> AdapterError { AdapterError(tool: tool, file: file, position: path, message: message) }

    func object(_ value: Any?, _ path: String) throws(AdapterError) -> [String: Any] {
        guard let object = value as? [String: Any] else { throw fail(path, "expected an object") }
        return object
    }

    func array(_ value: Any?, _ path: String) throws(AdapterError) -> [Any] {
        guard let array = value as? [Any] else { throw fail(path, "expected a list") }
        return array
    }

    func string(_ value: Any?, _ path: String) throws(AdapterError) -> String {
        guard let text = value as? String else { throw fail(path, "expected a string") }
        return text
    }

    func int(_ value: Any?, _ path: String) throws(AdapterError) -> Int {
        if let number = value as? Int { return number }
        if let number = value as? Double, number.rounded() == number, abs(number) < 1e15 { return Int(number) }
        if let text = value as? String, let number = Int(text) { return number }
        throw fail(path, "expected a whole number")
    }

    func optionalString(_ value: Any?) -> String? { value as? String }
    /// Numbers as numbers or as strings (ZAP writes `"riskcode": "2"`).
    func optionalInt(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let number = value as? Double, number.isFinite, abs(number) < 1e15 { return Int(number) }
        if let text = value as? String { return Int(text.trimmingCharacters(in: .whitespaces)) }
        return nil
    }
}

/// The parts of an imported finding every adapter fills the same way.
enum Imported {
    static func finding(tool: String, rule: String, title: String, message: String, severity: Severity, confidence: Confidence,
                        path: String, line: Int, column: Int = 1, endLine: Int? = nil, snippet: String? = nil, cwe: [Int] = []) -> Finding {
        let location = SourceLocation(path: normalize(path), line: max(1, line), column: max(1, column), endLine: endLine.map { max(1, $0) }, snippet: snippet)
        var finding = Finding(ruleId: RuleID(scanner: tool, code: rule), scanner: tool, title: title, message: message,
                              severity: severity, confidence: confidence, location: .source(location), cwe: cwe, tags: ["imported"])
        finding.sources = [FindingSource(tool: tool, ruleId: rule)]
        return finding
    }

    /// `./app/views.py` and `app/views.py` are one file.
    static func normalize(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    /// `HIGH`, `error`, `Critical`, `warning`… to a Rampart severity.
    static func severity(_ text: String?, default fallback: Severity = .medium) -> Severity {
        switch text?.lowercased() {
        case "critical": .critical
        case "high", "error": .high
        case "medium", "moderate", "warning": .medium
        case "low", "note": .low
        case "info", "informational", "none", "undefined": .info
        default: fallback
        }
    }

    /// A CVSS base score to a severity, as NVD bands them.
    static func severity(score: Double) -> Severity {
        score >= 9 ? .critical : score >= 7 ? .high : score >= 4 ? .medium : score > 0 ? .low : .info
    }

    /// `CWE-79`, `cwe-79: …` → 79.
    static func cweNumbers(_ texts: [String]) -> [Int] {
        texts.compactMap { text in
            let lower = text.lowercased()
            guard let range = lower.range(of: "cwe-") else { return Int(text) }
            return Int(lower[range.upperBound...].prefix { $0.isNumber })
        }
    }

    static func confidence(_ text: String?, default fallback: Confidence = .medium) -> Confidence {
        switch text?.lowercased() {
        case "high": .high
        case "medium": .medium
        case "low": .low
        default: fallback
        }
    }
}

import Foundation
import RampartCore
@testable import RampartSecrets
import RampartTestSupport
import Testing

/// Precision and recall on the labelled corpus (`Corpus/`, written by `Corpus/make_corpus.py`):
/// synthetic secrets of 60 formats in eight file types, and look-alikes that are not secrets
/// (lockfile hashes, UUIDs, digests, base64 images, placeholders, providers' documented example
/// keys). A finding on a negative line, or on no labelled line, is a false positive.
@Suite struct CorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus").path

    struct Label {
        var path: String
        var line: Int
        var positive: Bool
        var format: String
    }

    static func labels() throws -> [Label] {
        let text = try String(contentsOfFile: corpus + "/labels.tsv", encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4, let line = Int(fields[1]) else { return nil }
            return Label(path: fields[0], line: line, positive: fields[2] == "positive", format: fields[3])
        }
    }

    @Test func precisionAndRecall() async throws {
        let labels = try Self.labels()
        let report = try await scanSecrets(Self.corpus)
        let findings = report.findings.filter { !$0.isSuppressed && $0.location.path != "make_corpus.py" && $0.location.path != "labels.tsv" }
        var byPlace: [String: Label] = [:]
        for label in labels { byPlace["\(label.path):\(label.line)"] = label }
        var found = Set<String>()
        var falsePositives: [String] = []
        for finding in findings {
            guard case .source(let location) = finding.location else { continue }
            let place = "\(location.path):\(location.line)"
            if let label = byPlace[place], label.positive {
                found.insert(place)
            } else {
                falsePositives.append("\(place) \(finding.ruleId) (\(byPlace[place]?.format ?? "unlabelled"))")
            }
        }
        let positives = labels.filter(\.positive)
        let missed = positives.filter { !found.contains("\($0.path):\($0.line)") }
        let truePositives = Double(found.count)
        let precision = truePositives / max(1, truePositives + Double(falsePositives.count))
        let recall = truePositives / Double(max(1, positives.count))
        print("secrets corpus: \(positives.count) positives of \(Set(positives.map(\.format)).count) formats, \(labels.count - positives.count) negatives; \(found.count) found, \(falsePositives.count) false positives; precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall))")
        #expect(positives.count >= 200 && Set(positives.map(\.format)).count >= 50 && labels.count - positives.count >= 200)
        #expect(precision >= 0.95, "false positives: \(falsePositives)")
        #expect(recall >= 0.95, "missed: \(missed.map { "\($0.path):\($0.line) \($0.format)" })")
        let documented: Set = ["aws-example", "jwt-io", "stripe-docs", "azurite"]
        #expect(!falsePositives.contains { entry in documented.contains { entry.contains("(\($0))") } }, "documented example keys are never findings")
    }
}

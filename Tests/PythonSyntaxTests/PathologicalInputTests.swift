import Foundation
import PythonSyntax
import Testing

/// Hostile input ends in a diagnostic or a result: never a crash, a stack overflow or a hang.
@Suite struct PathologicalInputTests {
    func parse(_ source: String) async -> Result<ParsedModule, PythonSyntaxError> {
        do {
            return .success(try await PythonParsing.parseAsync(Array(source.utf8)))
        } catch {
            return .failure(error)
        }
    }

    /// Found by fuzzing the tokenizer: a name ending in the lead byte of a 3-byte sequence at
    /// the end of the input read past it (the scanner decodes first, but the API must not crash).
    @Test func aSequenceCutShortAtTheEndIsNotReadPast() {
        for input: [UInt8] in [[0x20, 0x6F, 0x54, 0x21, 0x42, 0x30, 0x5F, 0xE9, 0x0A], [0x61, 0xF0], [0xE9], [0x61, 0xE2, 0x82]] {
            _ = try? Tokenizer.tokenize(input)
        }
    }

    @Test func hundredThousandNestedBrackets() async {
        for open in ["(", "[", "{"] {
            guard case .failure(let error) = await parse(String(repeating: open, count: 100_000)) else {
                Issue.record("accepted 100,000 nested \(open)")
                continue
            }
            #expect(error.kind == .tooDeep)
        }
    }

    @Test func deeplyNestedButBalancedBrackets() async {
        guard case .failure(let error) = await parse(String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)) else {
            Issue.record("accepted")
            return
        }
        #expect(error.kind == .tooDeep)
        // CPython's limit: 200 levels parse.
        guard case .success = await parse(String(repeating: "(", count: 199) + "x" + String(repeating: ")", count: 199)) else {
            Issue.record("rejected 199 nested parentheses")
            return
        }
    }

    @Test func longChainsEndInADiagnosticOrATree() async {
        for (source, accepted) in [
            (Array(repeating: "a", count: 100_000).joined(separator: "+"), false),
            (Array(repeating: "a", count: 1_000).joined(separator: "+"), true),
            (String(repeating: "-", count: 100_000) + "a", false),
            (String(repeating: "not ", count: 100_000) + "a", false),
            ("a" + String(repeating: ".b", count: 100_000), false),
            ("a" + String(repeating: "()", count: 100_000), false),
            (String(repeating: "await ", count: 100_000) + "a", false),
            (Array(repeating: "a", count: 100_000).joined(separator: "**"), false),
            (String(repeating: "lambda: ", count: 100_000) + "a", false),
            (Array(repeating: "a if b else", count: 100_000).joined(separator: " ") + " c", false),
        ] {
            switch await parse(source) {
            case .success: #expect(accepted, "\(source.prefix(20))… was accepted")
            case .failure(let error): #expect(!accepted && error.kind == .tooDeep, "\(source.prefix(20))…: \(error)")
            }
        }
    }

    @Test func longElifChains() async {
        let chain = "if a:\n pass\n" + (0..<2_000).map { "elif a\($0):\n pass\n" }.joined()
        guard case .success(let parsed) = await parse(chain) else {
            Issue.record("rejected 2,000 elifs, which CPython accepts")
            return
        }
        #expect(parsed.module.body.count == 1)
        let tooLong = "if a:\n pass\n" + (0..<5_000).map { "elif a\($0):\n pass\n" }.joined()
        guard case .failure(let error) = await parse(tooLong) else {
            Issue.record("accepted 5,000 elifs")
            return
        }
        #expect(error.kind == .tooDeep)
    }

    @Test func deepIndentation() async {
        var source = ""
        for level in 0..<150 { source += String(repeating: " ", count: level) + "if x:\n" }
        source += String(repeating: " ", count: 150) + "pass\n"
        guard case .failure(let error) = await parse(source) else {
            Issue.record("accepted 150 indentation levels")
            return
        }
        #expect(error.kind == .tooDeep)
    }

    @Test func fiftyMegabyteLine() async {
        let source = "x = '" + String(repeating: "a", count: 50_000_000) + "'\n"
        guard case .success(let parsed) = await parse(source) else {
            Issue.record("rejected a 50 MB string literal")
            return
        }
        #expect(parsed.module.body.count == 1)
        let sum = "x = " + Array(repeating: "1", count: 2_000_000).joined(separator: ", ") + "\n"
        guard case .success = await parse(sum) else {
            Issue.record("rejected a tuple of 2 million items")
            return
        }
    }

    @Test func millionStatements() async {
        let source = String(repeating: "x = 1\n", count: 1_000_000)
        guard case .success(let parsed) = await parse(source) else {
            Issue.record("rejected a million statements")
            return
        }
        #expect(parsed.module.body.count == 1_000_000)
    }

    @Test func binaryGarbageAndInvalidUTF8() async {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? await PythonParsing.parseAsync(bytes)
        }
        do {
            _ = try await PythonParsing.parseAsync([0x78, 0x20, 0x3D, 0x20, 0x27, 0xFF, 0xFE, 0x27, 0x0A])
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.kind == .encoding)
            #expect(error.position.line == 1)
        }
        do {
            _ = try await PythonParsing.parseAsync(Array("x = 1\0\n".utf8))
            Issue.record("accepted a NUL byte")
        } catch {
            #expect(error.kind == .syntax)
        }
    }

    @Test func truncatedConstructs() async {
        for source in ["def f(", "class", "x = [1, 2", "f'{", "'''abc", "if x:\n", "match x:\n case", "lambda", "@", "x = (yield", "a[1:2:3:4]", "from . import"] {
            if case .success = await parse(source) { Issue.record("accepted truncated \(source.debugDescription)") }
        }
    }
}

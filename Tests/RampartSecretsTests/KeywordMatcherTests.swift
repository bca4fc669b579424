@testable import RampartSecrets
import RampartTestSupport
import Testing

@Suite struct KeywordMatcherTests {
    /// Every occurrence a naive search finds, and nothing else, on random texts over a small alphabet.
    @Test func agreesWithNaiveSearch() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("abAB_-k".utf8)
        for _ in 0..<200 {
            let keywords = (0..<Int(generator.next() % 6 + 1)).map { _ in
                String(decoding: (0..<Int(generator.next() % 4 + 1)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }, as: UTF8.self)
            }
            let text = (0..<Int(generator.next() % 200)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let matcher = KeywordMatcher(keywords: keywords)
            var found: [KeywordMatcher.Hit] = []
            text.withUnsafeBufferPointer { bytes in matcher.scan(bytes) { found.append($0) } }
            var expected: [KeywordMatcher.Hit] = []
            let folded = text.map(KeywordMatcher.fold)
            for end in 1...max(1, text.count) where end <= text.count {
                for (index, keyword) in matcher.keywords.enumerated() where keyword.count <= end && Array(folded[(end - keyword.count)..<end]) == keyword {
                    expected.append(.init(keyword: index, end: end))
                }
            }
            let sortKey: (KeywordMatcher.Hit) -> [Int] = { [$0.end, $0.keyword] }
            #expect(found.map(sortKey).sorted { $0.lexicographicallyPrecedes($1) } == expected.map(sortKey).sorted { $0.lexicographicallyPrecedes($1) }, "keywords \(keywords)")
        }
    }

    @Test func caseInsensitiveAndNonASCII() {
        let matcher = KeywordMatcher(keywords: ["akia", "xoxb-"])
        var ends: [Int] = []
        let text = Array("é AKIA xOxB- \u{FF}".utf8)
        text.withUnsafeBufferPointer { matcher.scan($0) { ends.append($0.end) } }
        #expect(ends == [7, 13])
    }
}

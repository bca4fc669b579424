import RampartRegex
import Testing

@Suite struct RegexTests {
    @Test func matchesWithGroupsOnBytes() throws {
        let regex = try ByteRegex(#"key=(?<secret>[a-z]+)(\d)?"#)
        let matches = regex.matches(in: "a key=abc1 key=def")
        #expect(matches.count == 2)
        #expect(matches[0].range == 2..<10)
        #expect(matches[0].group(1) == 6..<9)
        #expect(matches[0].group(2) == 9..<10)
        #expect(matches[1].group(2) == nil)
        #expect(regex.groupIndex(named: "secret") == 1)
        #expect(regex.captureCount == 2)
    }

    @Test func caseInsensitiveAndRanges() throws {
        let regex = try ByteRegex("token", options: .caseInsensitive)
        let text = Array("TOKEN token ToKeN".utf8)
        let all = text.withUnsafeBufferPointer { regex.matches(in: $0) }
        #expect(all.map(\.range) == [0..<5, 6..<11, 12..<17])
        let some = text.withUnsafeBufferPointer { regex.matches(in: $0, range: 3..<12) }
        #expect(some.map(\.range) == [6..<11])
    }

    @Test func invalidPatternsAreErrorsNotCrashes() {
        #expect(throws: ByteRegex.CompileError.self) { try ByteRegex("(unclosed") }
        #expect(throws: ByteRegex.CompileError.self) { try ByteRegex("[z-a]") }
    }

    @Test func invalidUTF8SubjectsAreMatched() throws {
        let regex = try ByteRegex("AKIA[A-Z0-9]{16}")
        var bytes: [UInt8] = [0xFF, 0xFE, 0xC3]
        bytes += Array("AKIAQWERTYUIOPASDFGH".utf8) + [0x80, 0xFF]
        let found = bytes.withUnsafeBufferPointer { regex.matches(in: $0) }
        #expect(found.map(\.range) == [3..<23])
    }

    @Test func catastrophicBacktrackingEndsWithoutAMatch() throws {
        let regex = try ByteRegex("^(a+)+$")
        let hostile = String(repeating: "a", count: 5000) + "!"
        #expect(regex.firstMatch(in: hostile) == nil)
    }

    @Test func emptyMatchesTerminate() throws {
        let regex = try ByteRegex("x*")
        #expect(regex.matches(in: "abc").count == 4)
    }
}

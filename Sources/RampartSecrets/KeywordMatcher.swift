/// Finds many keywords in one pass over bytes, ASCII case-insensitively: an Aho-Corasick
/// automaton compiled to a DFA over the byte classes the keywords use.
///
/// It is the prefilter of the secrets scan: rules' regular expressions only run near their
/// keywords, so most of a file is touched once, by this loop.
struct KeywordMatcher: Sendable {
    /// A keyword occurrence: which keyword, and the offset just past its last byte.
    struct Hit: Sendable, Equatable {
        var keyword: Int
        var end: Int
    }

    let keywords: [[UInt8]]
    /// Byte → class; class 0 is "no keyword uses this byte".
    private let classOf: [UInt8]
    private let classCount: Int
    /// state * classCount + class → next state.
    private let transitions: [Int32]
    /// Keywords ending at each state: outputs[outputStart[s]..<outputStart[s + 1]].
    private let outputStart: [Int32]
    private let outputs: [Int32]

    init(keywords: [String]) {
        let folded = keywords.map { Array($0.utf8).map(Self.fold) }
        self.keywords = folded
        var classOf = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for keyword in folded {
            for byte in keyword where classOf[Int(byte)] == 0 {
                classOf[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }
        // Upper-case letters share their lower-case class.
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { classOf[Int(byte)] = classOf[Int(byte | 0x20)] }
        self.classOf = classOf
        self.classCount = classCount

        // The trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var terminal: [[Int32]] = [[]]
        for (index, keyword) in folded.enumerated() where !keyword.isEmpty {
            var state = 0
            for byte in keyword {
                let c = Int(classOf[Int(byte)])
                if goto[state][c] < 0 {
                    goto[state][c] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: classCount))
                    terminal.append([])
                }
                state = Int(goto[state][c])
            }
            terminal[state].append(Int32(index))
        }
        // Breadth-first: failure links, inherited outputs, and the full transition table.
        var fail = [Int32](repeating: 0, count: goto.count)
        var table = [Int32](repeating: 0, count: goto.count * classCount)
        var queue: [Int] = []
        for c in 0..<classCount {
            let next = goto[0][c]
            if next >= 0 {
                fail[Int(next)] = 0
                table[c] = next
                queue.append(Int(next))
            } else {
                table[c] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            terminal[state] += terminal[Int(fail[state])]
            for c in 0..<classCount {
                let next = goto[state][c]
                if next >= 0 {
                    fail[Int(next)] = table[Int(fail[state]) * classCount + c]
                    table[state * classCount + c] = next
                    queue.append(Int(next))
                } else {
                    table[state * classCount + c] = table[Int(fail[state]) * classCount + c]
                }
            }
        }
        self.transitions = table
        var starts: [Int32] = []
        var flat: [Int32] = []
        for outputs in terminal {
            starts.append(Int32(flat.count))
            flat += outputs
        }
        starts.append(Int32(flat.count))
        self.outputStart = starts
        self.outputs = flat
    }

    static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Calls `found` for every keyword occurrence, in order of their ends.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Hit) -> Void) {
        transitions.withUnsafeBufferPointer { table in
            classOf.withUnsafeBufferPointer { classes in
                outputStart.withUnsafeBufferPointer { starts in
                    var state = 0
                    for index in 0..<bytes.count {
                        state = Int(table[state &* classCount &+ Int(classes[Int(bytes[index])])])
                        let first = starts[state], last = starts[state + 1]
                        if first != last {
                            for k in Int(first)..<Int(last) { found(Hit(keyword: Int(outputs[k]), end: index + 1)) }
                        }
                    }
                }
            }
        }
    }
}

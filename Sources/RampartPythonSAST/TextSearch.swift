/// Substring search on UTF-8 bytes. Foundation's `contains` goes through CFString and dominated
/// the scan's profile; these run on every string constant and call.
enum TextSearch {
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { n in find(h, n, caseInsensitive: false) } }
    }

    /// ASCII case-insensitive search.
    static func containsIgnoringCase(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { n in find(h, n, caseInsensitive: true) } }
    }

    private static func find(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool) -> Bool {
        guard n.count > 0 else { return true }
        guard h.count >= n.count else { return false }
        @inline(__always) func fold(_ b: UInt8) -> UInt8 { caseInsensitive && b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        let first = fold(n[0])
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if fold(h[i]) == first {
                var j = 1
                while j < n.count && fold(h[i + j]) == fold(n[j]) { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }
}

/// Line diffs in the unified format (`--dry-run`, rule tests' autofix), by Myers' algorithm.
public enum UnifiedDiff {
    public static func render(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let ops = diff(a, b)
        guard ops.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group changes with `context` lines around them into hunks.
        var i = 0
        while i < ops.count {
            guard ops[i].kind != .same else {
                i += 1
                continue
            }
            var start = i
            var sameBefore = 0
            while start > 0 && ops[start - 1].kind == .same && sameBefore < context {
                start -= 1
                sameBefore += 1
            }
            var end = i
            var run = 0
            while end < ops.count {
                if ops[end].kind == .same {
                    run += 1
                    if run > 2 * context { break }
                } else {
                    run = 0
                }
                end += 1
            }
            end = min(ops.count, end - max(0, run - context))
            let hunk = ops[start..<end]
            let oldStart = (hunk.first { $0.kind != .insert }?.oldIndex ?? 0) + 1
            let newStart = (hunk.first { $0.kind != .delete }?.newIndex ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for op in hunk {
                switch op.kind {
                case .same: out += " " + a[op.oldIndex] + "\n"
                case .delete: out += "-" + a[op.oldIndex] + "\n"
                case .insert: out += "+" + b[op.newIndex] + "\n"
                }
            }
            i = end
        }
        return out
    }

    struct Op {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldIndex: Int
        var newIndex: Int
    }

    /// The edit script from `a` to `b` (Myers' O(ND) greedy algorithm, with its trace).
    static func diff(_ a: [String], _ b: [String]) -> [Op] {
        let n = a.count, m = b.count
        // The trace grows with D × (n + m): past a bound, the whole text is one change.
        guard n + m <= 200_000 else {
            return a.indices.map { Op(kind: .delete, oldIndex: $0, newIndex: 0) } + b.indices.map { Op(kind: .insert, oldIndex: n, newIndex: $0) }
        }
        let maxD = min(n + m, 4_000)
        let offset = maxD
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        var found = false
        for d in 0...maxD {
            trace.append(v)
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break
                }
                k += 2
            }
            if found { break }
        }
        if !found {
            return a.indices.map { Op(kind: .delete, oldIndex: $0, newIndex: 0) } + b.indices.map { Op(kind: .insert, oldIndex: n, newIndex: $0) }
        }
        // Walk the trace back.
        var ops: [Op] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let vd = trace[d]
            let k = x - y
            let prevK: Int
            if k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]) {
                prevK = k + 1
            } else {
                prevK = k - 1
            }
            let prevX = d == 0 ? 0 : vd[offset + prevK]
            let prevY = prevX - prevK
            while x > prevX && y > prevY {
                x -= 1
                y -= 1
                ops.append(Op(kind: .same, oldIndex: x, newIndex: y))
            }
            if d > 0 {
                if x == prevX {
                    y -= 1
                    ops.append(Op(kind: .insert, oldIndex: x, newIndex: y))
                } else {
                    x -= 1
                    ops.append(Op(kind: .delete, oldIndex: x, newIndex: y))
                }
            }
        }
        return ops.reversed()
    }
}

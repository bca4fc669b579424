import Foundation
import PythonSyntax
import RampartCore
import RampartCustomRules

/// `rampart sast --fix [--dry-run]`: the fixes of the report's open findings, applied file by
/// file inside the scanned folder (or shown as a diff). Overlapping fixes and files whose
/// text the parser read differently (another encoding, CRLF) are left alone, with a note.
struct AutofixRun {
    var report: ScanReport
    var root: String
    var dryRun: Bool
    var quiet: Bool

    func apply() throws {
        var byPath: [String: [FixEdit]] = [:]
        for finding in report.findings where !finding.isSuppressed {
            guard let fix = finding.fix, case .source(let source) = finding.location else { continue }
            byPath[source.path, default: []].append(FixEdit(
                range: SourceRange(SourcePosition(line: fix.line, column: fix.column - 1), SourcePosition(line: fix.endLine, column: fix.endColumn - 1)),
                replacement: fix.replacement))
        }
        guard !byPath.isEmpty else {
            if !quiet { Terminal.writeStderr("no fixes to apply\n") }
            return
        }
        let folder = CommonOptions.folder(of: root)
        let confined = ConfinedRoot(folder)
        var changedFiles = 0
        var appliedCount = 0
        for path in byPath.keys.sorted() {
            let edits = byPath[path] ?? []
            let shown = TextEscaping.escape(path)
            guard let bytes = try? confined.read(path, limit: 16 << 20) else {
                Terminal.writeStderr("not fixed: \(shown): cannot read it inside \(TextEscaping.escape(folder))\n")
                continue
            }
            guard (try? SourceDecoder.decode(bytes)) == bytes else {
                Terminal.writeStderr("not fixed: \(shown): not plain UTF-8 with LF line ends; apply the fixes by hand\n")
                continue
            }
            let (result, applied, refused) = FixApplier.apply(edits, to: bytes)
            for edit in refused {
                Terminal.writeStderr("not fixed: \(shown):\(edit.range.start.line): the fix overlaps another fix; run --fix again\n")
            }
            guard !applied.isEmpty, result != bytes else { continue }
            appliedCount += applied.count
            changedFiles += 1
            if dryRun {
                Terminal.writeStdout(TextEscaping.escapeKeepingLines(UnifiedDiff.render(
                    old: String(decoding: bytes, as: UTF8.self), new: String(decoding: result, as: UTF8.self),
                    oldName: "a/" + path, newName: "b/" + path)))
            } else {
                try RepositoryWrite.write((folder as NSString).appendingPathComponent(path), in: folder, Data(result))
            }
        }
        if !quiet {
            Terminal.writeStderr(dryRun
                ? "\(appliedCount) fix(es) in \(changedFiles) file(s) would be applied (dry run: nothing written)\n"
                : "applied \(appliedCount) fix(es) in \(changedFiles) file(s)\n")
        }
    }
}

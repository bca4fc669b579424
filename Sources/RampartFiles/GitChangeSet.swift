import Foundation
import RampartCore

/// The files changed since a git ref, for `--since`: what differs from the merge base of the ref
/// and HEAD (committed, staged or not), plus untracked files that are not ignored.
public enum GitChangeSet {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }

    /// Paths relative to `root` changed since `ref`.
    public static func changedFiles(root: String, since ref: String) async throws -> Set<String> {
        guard !ref.hasPrefix("-") else { throw Failure(message: "--since: '\(ref)' is not a git revision") }
        let base = try await git(["merge-base", "--end-of-options", ref, "HEAD"], in: root, purpose: "find the merge base of '\(ref)' and HEAD")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let changed = try await git(["diff", "--name-only", "--no-renames", "--no-ext-diff", "--no-textconv", "--relative", "-z", base, "--"], in: root, purpose: "list changed files")
        let untracked = try await git(["ls-files", "--others", "--exclude-standard", "-z"], in: root, purpose: "list untracked files")
        var files = Set<String>()
        for chunk in (changed + untracked).split(separator: "\u{0}") where !chunk.isEmpty {
            files.insert(String(chunk))
        }
        return files
    }

    static func git(_ arguments: [String], in directory: String, purpose: String) async throws -> String {
        let result: ChildProcess.Output
        do {
            result = try Git.run(root: directory, arguments, timeout: .seconds(600))
        } catch {
            throw Failure(message: "cannot run git to \(purpose): \(error)")
        }
        guard result.status == 0 else {
            throw Failure(message: "git could not \(purpose): \(TextEscaping.escape(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        return result.stdout
    }
}

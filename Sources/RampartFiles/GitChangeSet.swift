import Foundation
import RampartCore
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

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
        let base = try await git(["merge-base", ref, "HEAD"], in: root, purpose: "find the merge base of '\(ref)' and HEAD")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let changed = try await git(["diff", "--name-only", "--no-renames", "--relative", "-z", base, "--"], in: root, purpose: "list changed files")
        let untracked = try await git(["ls-files", "--others", "--exclude-standard", "-z"], in: root, purpose: "list untracked files")
        var files = Set<String>()
        for chunk in (changed + untracked).split(separator: "\u{0}") where !chunk.isEmpty {
            files.insert(String(chunk))
        }
        return files
    }

    static func git(_ arguments: [String], in directory: String, purpose: String) async throws -> String {
        let status: TerminationStatus
        let output: String
        let errorText: String
        do {
            let result = try await run(
                .name("git"), arguments: Arguments(["-C", directory] + arguments),
                output: .string(limit: 64 << 20), error: .string(limit: 64 << 10)
            )
            status = result.terminationStatus
            output = result.standardOutput
            errorText = result.standardError
        } catch {
            throw Failure(message: "cannot run git to \(purpose): \(error)")
        }
        guard case .exited(0) = status else {
            throw Failure(message: "git could not \(purpose): \(errorText.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return output
    }
}

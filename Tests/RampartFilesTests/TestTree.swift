import Foundation
import RampartTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files tests name their temporary folders trees.
typealias TestTree = TemporaryDirectory

@discardableResult
func runGit(_ arguments: [String], in directory: String) throws -> String {
    try Git.run(arguments, in: directory)
}

/// The files git considers untracked and not ignored in the repository at `directory`.
func gitUntrackedNotIgnored(in directory: String) throws -> Set<String> {
    let output = try runGit(["ls-files", "--others", "--exclude-standard", "-z"], in: directory)
    return Set(output.split(separator: "\u{0}").map(String.init))
}

var runningAsRoot: Bool { getuid() == 0 }

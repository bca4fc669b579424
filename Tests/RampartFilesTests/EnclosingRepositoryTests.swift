import Foundation
import RampartCore
import RampartFiles
import RampartTestSupport
import Testing

/// Scanning a folder inside a git work tree applies the ignore files above it, as git does.
@Suite struct EnclosingRepositoryTests {
    @Test func ignoreFilesAboveTheScanRootApply() throws {
        let tree = TestTree("enclosing-repo")
        _ = try runGit(["init", "-q"], in: tree.path)
        try tree.write(".gitignore", "*.log\n/top-only.txt\nsub/inner/generated/\n")
        try tree.write(".git/info/exclude", "secret-local.txt\n")
        try tree.write("sub/.gitignore", "*.tmp\n!keep.tmp\n")
        try tree.write("sub/inner/a.py", "x")
        try tree.write("sub/inner/debug.log", "x")
        try tree.write("sub/inner/scratch.tmp", "x")
        try tree.write("sub/inner/keep.tmp", "x")
        try tree.write("sub/inner/top-only.txt", "x")
        try tree.write("sub/inner/secret-local.txt", "x")
        try tree.write("sub/inner/generated/out.py", "x")
        let result = FileDiscovery(options: .init(useDefaultExcludes: false)).discover(root: tree.absolute("sub/inner"))
        let paths = result.files.map(\.path).sorted()
        #expect(paths == ["a.py", "keep.tmp", "top-only.txt"])
        // git agrees, run from the same folder.
        let gitView = try gitUntrackedNotIgnored(in: tree.absolute("sub/inner"))
        #expect(gitView == Set(paths))
    }
}

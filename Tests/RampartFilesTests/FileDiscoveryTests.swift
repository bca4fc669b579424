import Dispatch
import Foundation
import RampartCore
import RampartTestSupport
import Testing
@testable import RampartFiles
#if canImport(Glibc)
import Glibc
#endif

private func paths(_ result: FileDiscovery.Result) -> [String] {
    result.files.map(\.path)
}

private func codes(_ result: FileDiscovery.Result) -> [String] {
    result.diagnostics.map(\.code)
}

@Suite("ignore files")
struct IgnoreFileTests {
    @Test func rampartignoreWorksLikeGitignore() throws {
        let tree = TestTree("rampartignore")
        try tree.write(".rampartignore", "*.secret\n!keep.secret\n/top-only.txt\n")
        try tree.write("sub/.rampartignore", "local/\n")
        try tree.write("a.secret", "x")
        try tree.write("keep.secret", "x")
        try tree.write("top-only.txt", "x")
        try tree.write("sub/top-only.txt", "x")
        try tree.write("sub/b.secret", "x")
        try tree.write("sub/local/c.txt", "x")
        try tree.write("local/d.txt", "x")
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == [
            ".rampartignore", "keep.secret", "local/d.txt", "sub/.rampartignore", "sub/top-only.txt",
        ])
        #expect(result.skipped["ignored"] == 4)
    }

    @Test func rampartignoreOverridesGitignoreInTheSameFolder() throws {
        let tree = TestTree("rampartignore-precedence")
        try tree.write(".gitignore", "*.txt\n")
        try tree.write(".rampartignore", "!important.txt\ngenerated.py\n")
        try tree.write("important.txt", "x")
        try tree.write("other.txt", "x")
        try tree.write("generated.py", "x")
        try tree.write("app.py", "x")
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == [".gitignore", ".rampartignore", "app.py", "important.txt"])
    }

    @Test func gitInfoExcludeIsHonoured() throws {
        let tree = TestTree("info-exclude")
        try tree.write(".git/info/exclude", "# comment\n*.local\nprivate/\n")
        try tree.write("settings.local", "x")
        try tree.write("sub/more.local", "x")
        try tree.write("private/notes.txt", "x")
        try tree.write("main.swift", "x")
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == ["main.swift"])
        #expect(result.skipped["ignored"] == 3)
    }

    @Test func ignoreFilesCanBeDisabled() throws {
        let tree = TestTree("no-ignore-files")
        try tree.write(".gitignore", "*.log\n")
        try tree.write(".rampartignore", "*.txt\n")
        try tree.write(".git/info/exclude", "*.md\n")
        try tree.write("a.log", "x")
        try tree.write("b.txt", "x")
        try tree.write("c.md", "x")
        let result = FileDiscovery(options: .init(honourIgnoreFiles: false)).discover(root: tree.path)
        #expect(paths(result) == [".gitignore", ".rampartignore", "a.log", "b.txt", "c.md"])
        #expect(result.skipped["ignored"] == nil)
    }

    @Test func gitFoldersAreAlwaysSkipped() throws {
        let tree = TestTree("dot-git")
        try tree.write(".git/HEAD", "ref: refs/heads/main\n")
        try tree.write(".git/config", "[core]\n")
        try tree.write("sub/.git/HEAD", "ref: refs/heads/main\n")
        try tree.write("sub/file.txt", "x")
        try tree.write(".github/workflow.yml", "on: push\n")
        let options = FileDiscovery.Options(useDefaultExcludes: false, honourIgnoreFiles: false)
        let result = FileDiscovery(options: options).discover(root: tree.path)
        #expect(paths(result) == [".github/workflow.yml", "sub/file.txt"])
        #expect(result.diagnostics.isEmpty)
    }
}

@Suite("default excludes")
struct DefaultExcludeTests {
    private func makeTree() throws -> TestTree {
        let tree = TestTree("default-excludes")
        try tree.write(".venv/lib/site.py", "x")
        try tree.write("node_modules/left-pad/index.js", "x")
        try tree.write("my-odd-env/pyvenv.cfg", "home = /usr/bin\n")
        try tree.write("my-odd-env/lib/mod.py", "x")
        try tree.write("src/vendor/dep.go", "x")
        try tree.write("src/app.py", "x")
        try tree.write(".git/config", "[core]\n")
        return tree
    }

    @Test func defaultExcludedFoldersAreSkipped() throws {
        let tree = try makeTree()
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == ["src/app.py"])
        #expect(result.skipped["excluded"] == 4)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func defaultExcludesCanBeTurnedOff() throws {
        let tree = try makeTree()
        let result = FileDiscovery(options: .init(useDefaultExcludes: false)).discover(root: tree.path)
        #expect(paths(result) == [
            ".venv/lib/site.py", "my-odd-env/lib/mod.py", "my-odd-env/pyvenv.cfg", "node_modules/left-pad/index.js",
            "src/app.py", "src/vendor/dep.go",
        ])
        #expect(result.skipped["excluded"] == nil)
    }

    @Test func folderNamesMatchExactly() throws {
        let tree = TestTree("default-excludes-exact")
        try tree.write("vendors/a.txt", "x")
        try tree.write("my_node_modules/b.txt", "x")
        try tree.write("venv.txt", "x")
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == ["my_node_modules/b.txt", "vendors/a.txt", "venv.txt"])
    }
}

@Suite("include and exclude globs")
struct GlobOptionTests {
    private func makeTree() throws -> TestTree {
        let tree = TestTree("globs")
        for path in [
            "src/a.py", "src/b.js", "src/gen/c.py", "tests/test_a.py", "docs/index.md", "setup.py", "lib/gen/d.py",
        ] {
            try tree.write(path, "x")
        }
        return tree
    }

    @Test func includeKeepsOnlyMatchingFiles() throws {
        let tree = try makeTree()
        let result = FileDiscovery(options: .init(include: ["*.py"])).discover(root: tree.path)
        #expect(paths(result) == ["lib/gen/d.py", "setup.py", "src/a.py", "src/gen/c.py", "tests/test_a.py"])
        #expect(result.skipped["excluded"] == 2)
    }

    @Test func includeAFolderCoversItsContents() throws {
        let tree = try makeTree()
        let result = FileDiscovery(options: .init(include: ["src", "/docs/"])).discover(root: tree.path)
        #expect(paths(result) == ["docs/index.md", "src/a.py", "src/b.js", "src/gen/c.py"])
    }

    @Test func excludeRemovesFilesAndFolders() throws {
        let tree = try makeTree()
        let result = FileDiscovery(options: .init(exclude: ["tests/", "**/gen/*.py", "*.md"])).discover(root: tree.path)
        #expect(paths(result) == ["setup.py", "src/a.py", "src/b.js"])
        // tests/ as a folder, two generated files and one markdown file.
        #expect(result.skipped["excluded"] == 4)
    }

    @Test func excludeWinsOverInclude() throws {
        let tree = try makeTree()
        let result = FileDiscovery(options: .init(include: ["*.py"], exclude: ["gen"])).discover(root: tree.path)
        #expect(paths(result) == ["setup.py", "src/a.py", "tests/test_a.py"])
    }

    @Test func anchoredExclude() throws {
        let tree = try makeTree()
        let result = FileDiscovery(options: .init(exclude: ["/setup.py", "src/*.js"])).discover(root: tree.path)
        #expect(paths(result) == ["docs/index.md", "lib/gen/d.py", "src/a.py", "src/gen/c.py", "tests/test_a.py"])
    }
}

@Suite("binary and oversized files")
struct ContentCheckTests {
    @Test func nulByteMeansBinary() throws {
        let tree = TestTree("binary")
        try tree.write("data.txt", bytes: Array("header".utf8) + [0] + Array("rest".utf8))
        try tree.write("text.txt", "plain text\n")
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == ["text.txt"])
        #expect(result.skipped["binary"] == 1)
        let diagnostic = try #require(result.diagnostics.only)
        #expect(diagnostic.code == "binary-file")
        #expect(diagnostic.path == "data.txt")
        #expect(diagnostic.level == .note)
    }

    @Test func onlyTheFirst8000BytesAreSniffed() throws {
        let tree = TestTree("binary-prefix")
        var late = [UInt8](repeating: UInt8(ascii: "a"), count: 9000)
        late[8000] = 0
        var last = [UInt8](repeating: UInt8(ascii: "a"), count: 9000)
        last[7999] = 0
        try tree.write("late-nul.txt", bytes: late)
        try tree.write("edge-nul.txt", bytes: last)
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == ["late-nul.txt"])
        #expect(codes(result) == ["binary-file"])
        #expect(result.diagnostics.first?.path == "edge-nul.txt")
    }

    @Test func binaryExtensionsAreSkippedSilently() throws {
        let tree = TestTree("binary-ext")
        try tree.write("logo.png", "not really a png, but text\n")
        try tree.write("PHOTO.JPG", "text\n")
        try tree.write("notes.txt", "text\n")
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == ["notes.txt"])
        #expect(result.skipped["binary"] == 2)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func invalidUTF8WithoutNulIsKept() throws {
        let tree = TestTree("invalid-utf8")
        try tree.write("latin1.txt", bytes: [0x63, 0x61, 0x66, 0xE9, 0xFF, 0xFE, 0x80, 0x0A])
        try tree.write("empty.txt", bytes: [])
        let result = FileDiscovery().discover(root: tree.path)
        #expect(result.files == [SourceFile(path: "empty.txt", size: 0), SourceFile(path: "latin1.txt", size: 8)])
        #expect(result.diagnostics.isEmpty)
        #expect(result.skipped["binary"] == nil)
    }

    @Test func oversizedFilesAreSkippedWithADiagnostic() throws {
        let tree = TestTree("too-large")
        try tree.write("big.txt", String(repeating: "x", count: 1000))
        try tree.write("exact.txt", String(repeating: "x", count: 100))
        try tree.write("over.txt", String(repeating: "x", count: 101))
        let result = FileDiscovery(options: .init(maxFileSize: 100)).discover(root: tree.path)
        #expect(paths(result) == ["exact.txt"])
        #expect(result.skipped["too-large"] == 2)
        #expect(codes(result) == ["file-too-large", "file-too-large"])
        #expect(Set(result.diagnostics.compactMap(\.path)) == ["big.txt", "over.txt"])
        let big = try #require(result.diagnostics.first { $0.path == "big.txt" })
        #expect(big.level == .warning)
        #expect(big.message.contains("1000"))
        #expect(big.message.contains("100"))
    }
}

@Suite("symlinks")
struct SymlinkTests {
    @Test func symlinksAreNotFollowedByDefault() throws {
        let tree = TestTree("symlinks-off")
        try tree.write("real/a.txt", "x")
        try tree.symlink("link-dir", to: "real")
        try tree.symlink("link-file.txt", to: "real/a.txt")
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == ["real/a.txt"])
        #expect(result.skipped["symlink"] == 2)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func followedSymlinksReachInsideFiles() throws {
        let tree = TestTree("symlinks-on")
        try tree.write(".gitignore", "build/\n")
        try tree.write("build/data/a.txt", "x")
        try tree.write("build/real.cfg", "x")
        try tree.symlink("data", to: "build/data")
        try tree.symlink("settings.cfg", to: "build/real.cfg")
        let result = FileDiscovery(options: .init(followSymlinks: true)).discover(root: tree.path)
        #expect(paths(result) == [".gitignore", "data/a.txt", "settings.cfg"])
        #expect(result.skipped["symlink"] == nil)
        #expect(result.skipped["ignored"] == 1)
        #expect(result.diagnostics.isEmpty)
    }

    /// With two names for one folder, the real folder wins over a symlink alias, whatever sorts first.
    @Test func realFolderWinsOverASymlinkAlias() throws {
        let tree = TestTree("symlink-alias")
        try tree.write("zreal/f.txt", "x")
        try tree.symlink("alias", to: "zreal")
        let result = FileDiscovery(options: .init(followSymlinks: true)).discover(root: tree.path)
        // Each file is reached once whatever the order.
        #expect(result.files.count == 1)
        #expect(paths(result) == ["zreal/f.txt"])
        #expect(!result.diagnostics.contains { $0.path == "zreal" })
    }

    /// git opens `.gitignore` with O_NOFOLLOW and ignores a symlinked one ("Too many levels of
    /// symbolic links"); so does FileDiscovery.
    @Test func symlinkedIgnoreFileIsNotRead() throws {
        let tree = TestTree("symlinked-gitignore")
        let outside = TestTree("symlinked-gitignore-target")
        try outside.write("patterns", "a.txt\n")
        try tree.symlink(".gitignore", to: outside.absolute("patterns"))
        try tree.write("a.txt", "x")
        try tree.write("b.txt", "x")
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == ["a.txt", "b.txt"])
        #expect(result.skipped["symlink"] == 1)
    }

    @Test func symlinkLoopsTerminate() throws {
        let tree = TestTree("symlink-loop")
        try tree.write("top.txt", "x")
        try tree.write("a/file.txt", "x")
        try tree.symlink("a/loop", to: "..")
        try tree.symlink("a/b", to: "../a")
        let result = FileDiscovery(options: .init(followSymlinks: true)).discover(root: tree.path)
        #expect(paths(result) == ["a/file.txt", "top.txt"])
        let loops = result.diagnostics.filter { $0.code == "symlink-loop" }
        #expect(loops.compactMap(\.path).sorted() == ["a/b", "a/loop"])
        #expect(result.diagnostics.count == 2)
    }

    @Test func symlinksOutsideTheRootAreNotFollowed() throws {
        let tree = TestTree("symlink-outside")
        let outside = TestTree("symlink-outside-target")
        try outside.write("secret.txt", "x")
        try tree.write("in.txt", "x")
        try tree.symlink("escape", to: outside.path)
        try tree.symlink("escape-file.txt", to: outside.absolute("secret.txt"))
        try tree.symlink("sneaky", to: "../" + (outside.path as NSString).lastPathComponent)
        let result = FileDiscovery(options: .init(followSymlinks: true)).discover(root: tree.path)
        #expect(paths(result) == ["in.txt"])
        #expect(codes(result) == ["symlink-outside", "symlink-outside", "symlink-outside"])
        #expect(result.diagnostics.compactMap(\.path).sorted() == ["escape", "escape-file.txt", "sneaky"])
    }

    @Test func brokenSymlinksAreReported() throws {
        let tree = TestTree("symlink-broken")
        try tree.write("ok.txt", "x")
        try tree.symlink("dangling", to: "does-not-exist")
        let result = FileDiscovery(options: .init(followSymlinks: true)).discover(root: tree.path)
        #expect(paths(result) == ["ok.txt"])
        let diagnostic = try #require(result.diagnostics.only)
        #expect(diagnostic.code == "broken-symlink")
        #expect(diagnostic.path == "dangling")
    }
}

@Suite("hostile trees")
struct HostileTreeTests {
    @Test func fifosAreNeverOpened() throws {
        let tree = TestTree("fifo")
        try tree.write("a.txt", "x")
        try tree.mkdir("sub")
        let fifo = tree.absolute("sub/pipe.txt")
        #expect(mkfifo(fifo, 0o644) == 0)
        try tree.symlink("pipe-link", to: "sub/pipe.txt")

        let root = tree.path
        for follow in [false, true] {
            let done = DispatchSemaphore(value: 0)
            let box = ResultBox()
            Thread.detachNewThread {
                box.value = FileDiscovery(options: .init(followSymlinks: follow)).discover(root: root)
                done.signal()
            }
            if done.wait(timeout: .now() + 10) == .timedOut {
                Issue.record("discovery blocked on a FIFO (followSymlinks: \(follow))")
                // Unblock a reader stuck in open(2) so the thread can finish.
                let writer = open(fifo, O_WRONLY | O_NONBLOCK)
                if writer >= 0 { close(writer) }
                _ = done.wait(timeout: .now() + 5)
                continue
            }
            let result = try #require(box.value)
            #expect(paths(result) == ["a.txt"])
            #expect(result.diagnostics.isEmpty)
        }
    }

    @Test(.enabled(if: !runningAsRoot, "root can read a folder with mode 000"))
    func unreadableFoldersAreReported() throws {
        let tree = TestTree("unreadable")
        try tree.write("a.txt", "x")
        try tree.write("locked/b.txt", "x")
        #expect(chmod(tree.absolute("locked"), 0) == 0)
        defer { chmod(tree.absolute("locked"), 0o755) }
        let result = FileDiscovery().discover(root: tree.path)
        #expect(paths(result) == ["a.txt"])
        let diagnostic = try #require(result.diagnostics.only)
        #expect(diagnostic.code == "unreadable")
        #expect(diagnostic.path == "locked")
    }

    @Test func deepNestingStopsAtMaxDepth() throws {
        let tree = TestTree("deep")
        let levels = (1...300).map { _ in "d" }
        let deepest = levels.joined(separator: "/")
        try tree.mkdir(deepest)
        let at256 = levels.prefix(256).joined(separator: "/")
        let at257 = levels.prefix(257).joined(separator: "/")
        try tree.write(at256 + "/at256.txt", "x")
        try tree.write(at257 + "/at257.txt", "x")
        try tree.write(deepest + "/leaf.txt", "x")
        try tree.write("top.txt", "x")
        let result = FileDiscovery(options: .init(maxDepth: 256)).discover(root: tree.path)
        #expect(paths(result) == [at256 + "/at256.txt", "top.txt"])
        let diagnostic = try #require(result.diagnostics.only)
        #expect(diagnostic.code == "too-deep")
        #expect(diagnostic.path == at257)
    }

    @Test func smallMaxDepth() throws {
        let tree = TestTree("depth-1")
        try tree.write("a/x.txt", "x")
        try tree.write("a/b/c.txt", "x")
        try tree.write("root.txt", "x")
        let result = FileDiscovery(options: .init(maxDepth: 1)).discover(root: tree.path)
        #expect(paths(result) == ["a/x.txt", "root.txt"])
        #expect(result.diagnostics.map(\.code) == ["too-deep"])
        #expect(result.diagnostics.first?.path == "a/b")
    }

    /// A name that is not valid UTF-8 (legal on Linux; git lists such files) is repaired by
    /// `String(cString:)` into a different name, so lstat fails and the file is lost with a
    /// misleading "No such file or directory" diagnostic.
    @Test func fileNamesThatAreNotUTF8() throws {
        let tree = TestTree("non-utf8-name")
        try tree.write("ok.txt", "x")
        let bytes = Array((tree.path + "/bad").utf8) + [0xFF] + Array(".txt".utf8) + [0]
        let fd = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                open($0, O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
            }
        }
        try #require(fd >= 0)
        close(fd)
        #expect(try gitUntrackedNotIgnoredCount(tree) == 2)

        let result = FileDiscovery().discover(root: tree.path)
        #expect(result.files.contains { $0.path == "ok.txt" })
        // Such a file is scanned like any other: its name keeps its bytes (PathBytes) and is shown escaped.
        #expect(result.files.map { TextEscaping.escape($0.path) } == ["bad\\xFF.txt", "ok.txt"])
        #expect(result.diagnostics.isEmpty)
        let bad = try #require(result.files.first { $0.path != "ok.txt" })
        #expect(try FileReader.read(tree.path + "/" + bad.path, limit: 100).isEmpty)
    }

    private func gitUntrackedNotIgnoredCount(_ tree: TestTree) throws -> Int {
        try runGit(["init", "-q"], in: tree.path)
        let output = try runGit(["ls-files", "--others", "--exclude-standard", "-z"], in: tree.path)
        try FileManager.default.removeItem(atPath: tree.absolute(".git"))
        return output.split(separator: "\u{0}").count
    }

    @Test func missingRootIsAnError() throws {
        let tree = TestTree("missing")
        let result = FileDiscovery().discover(root: tree.absolute("nope"))
        #expect(result.files.isEmpty)
        let diagnostic = try #require(result.diagnostics.only)
        #expect(diagnostic.code == "unreadable")
        #expect(diagnostic.level == .error)
    }
}

@Suite("single-file roots")
struct SingleFileRootTests {
    @Test func aFileRootIsReturnedAsOneFile() throws {
        let tree = TestTree("single")
        try tree.write("sub/script.py", "print('hi')\n")
        try tree.write("sub/other.py", "x")
        let result = FileDiscovery().discover(root: tree.absolute("sub/script.py"))
        #expect(result.files == [SourceFile(path: "script.py", size: 12)])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func aBinaryFileRootIsStillSkipped() throws {
        let tree = TestTree("single-binary")
        try tree.write("blob.dat", bytes: [1, 2, 0, 3])
        let result = FileDiscovery().discover(root: tree.absolute("blob.dat"))
        #expect(result.files.isEmpty)
        #expect(codes(result) == ["binary-file"])
    }
}

private final class ResultBox: @unchecked Sendable {
    var value: FileDiscovery.Result?
}

extension Array {
    /// The element of a one-element array, else nil.
    var only: Element? { count == 1 ? first : nil }
}

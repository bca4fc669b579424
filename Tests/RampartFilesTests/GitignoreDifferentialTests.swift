import Foundation
import RampartCore
import RampartTestSupport
import Testing
@testable import RampartFiles

/// One tree checked against real git: every file FileDiscovery returns must be exactly what
/// `git ls-files --others --exclude-standard` lists (untracked and not ignored).
struct IgnoreScenario: Sendable, CustomTestStringConvertible {
    var name: String
    /// Ignore files, by path, with their text.
    var ignoreFiles: [String: String]
    /// Text for `.git/info/exclude`, if any.
    var infoExclude: String? = nil
    /// Ordinary files to create.
    var files: [String]
    /// Files that both git and FileDiscovery must leave out.
    var ignored: [String]
    /// Files that both git and FileDiscovery must list.
    var kept: [String]

    var testDescription: String { name }
}

let ignoreScenarios: [IgnoreScenario] = [
    IgnoreScenario(
        name: "negation after a wildcard",
        ignoreFiles: [".gitignore": "*.log\n!keep.log\n"],
        files: ["a.log", "keep.log", "sub/b.log", "sub/keep.log", "readme.txt"],
        ignored: ["a.log", "sub/b.log"],
        kept: ["keep.log", "sub/keep.log", "readme.txt", ".gitignore"]
    ),
    IgnoreScenario(
        name: "nested .gitignore overrides the parent",
        ignoreFiles: [
            ".gitignore": "*.tmp\nsecret.txt\nbuild\n",
            "sub/.gitignore": "!*.tmp\nlocal.txt\n!build\n",
        ],
        files: [
            "x.tmp", "sub/y.tmp", "sub/deeper/z.tmp", "secret.txt", "sub/secret.txt", "local.txt",
            "sub/local.txt", "build/out.txt", "sub/build/out.txt", "other/build/out.txt",
        ],
        ignored: ["x.tmp", "secret.txt", "sub/secret.txt", "sub/local.txt", "build/out.txt", "other/build/out.txt"],
        kept: ["sub/y.tmp", "sub/deeper/z.tmp", "local.txt", "sub/build/out.txt", "sub/.gitignore"]
    ),
    IgnoreScenario(
        name: "directory-only patterns",
        ignoreFiles: [".gitignore": "build/\nout/\n"],
        files: ["build/a.txt", "src/build/b.txt", "out", "sub/out/c.txt", "src/main.c", "builder/d.txt"],
        ignored: ["build/a.txt", "src/build/b.txt", "sub/out/c.txt"],
        kept: ["out", "src/main.c", "builder/d.txt"]
    ),
    IgnoreScenario(
        name: "anchored patterns",
        ignoreFiles: [".gitignore": "/root-only.txt\ndocs/*.md\n"],
        files: [
            "root-only.txt", "sub/root-only.txt", "docs/a.md", "docs/deep/b.md", "other/docs/c.md", "docs/a.txt",
        ],
        ignored: ["root-only.txt", "docs/a.md"],
        kept: ["sub/root-only.txt", "docs/deep/b.md", "other/docs/c.md", "docs/a.txt"]
    ),
    IgnoreScenario(
        name: "double-star patterns",
        ignoreFiles: [".gitignore": "**/tmp\na/**/b\nlogs/**\n!logs/keep.txt\n"],
        files: [
            "tmp/x.txt", "c/tmp/y.txt", "c/d/tmp", "a/b/f1.txt", "a/x/y/b/f2.txt", "a/x/c/f3.txt", "xa/b/f4.txt",
            "logs/one.txt", "logs/keep.txt", "logs/sub/z.txt", "logsx/k.txt", "c/tmpfile.txt",
        ],
        ignored: ["tmp/x.txt", "c/tmp/y.txt", "c/d/tmp", "a/b/f1.txt", "a/x/y/b/f2.txt", "logs/one.txt", "logs/sub/z.txt"],
        kept: ["a/x/c/f3.txt", "xa/b/f4.txt", "logs/keep.txt", "logsx/k.txt", "c/tmpfile.txt"]
    ),
    IgnoreScenario(
        name: "character classes and ?",
        ignoreFiles: [".gitignore": "file[abc].txt\nv?.cfg\n[!x]only.dat\nr[0-9][0-9].md\n"],
        files: [
            "filea.txt", "fileb.txt", "filed.txt", "v1.cfg", "v12.cfg", "xonly.dat", "yonly.dat", "r42.md", "r4x.md",
            "sub/filec.txt",
        ],
        ignored: ["filea.txt", "fileb.txt", "v1.cfg", "yonly.dat", "r42.md", "sub/filec.txt"],
        kept: ["filed.txt", "v12.cfg", "xonly.dat", "r4x.md"]
    ),
    IgnoreScenario(
        name: "escapes, comments and trailing spaces",
        ignoreFiles: [".gitignore": "\\#hash.txt\n#comment.txt\ntrailing.txt   \nspace\\ \n\\!bang.txt\n\n   \n"],
        files: ["#hash.txt", "#comment.txt", "trailing.txt", "space ", "space", "!bang.txt", "plain.txt"],
        ignored: ["#hash.txt", "trailing.txt", "space ", "!bang.txt"],
        kept: ["#comment.txt", "space", "plain.txt"]
    ),
    IgnoreScenario(
        name: "no re-include inside an excluded folder",
        ignoreFiles: [".gitignore": "secret/\n!secret/keep.txt\ncache\n!cache/keep.txt\n/dir/*\n!/dir/keep/\n"],
        files: [
            "secret/a.txt", "secret/keep.txt", "cache/b.txt", "cache/keep.txt", "dir/top.txt", "dir/keep/f.txt",
            "dir/other/g.txt", "public.txt",
        ],
        ignored: ["secret/a.txt", "secret/keep.txt", "cache/b.txt", "cache/keep.txt", "dir/top.txt", "dir/other/g.txt"],
        kept: ["dir/keep/f.txt", "public.txt"]
    ),
    IgnoreScenario(
        name: "patterns with a middle slash in a nested .gitignore",
        ignoreFiles: ["sub/.gitignore": "gen/out.txt\n/anchored.txt\nx/*/y.txt\n"],
        files: [
            "sub/gen/out.txt", "gen/out.txt", "sub/deep/gen/out.txt", "sub/anchored.txt", "sub/deep/anchored.txt",
            "anchored.txt", "sub/x/1/y.txt", "sub/x/1/2/y.txt",
        ],
        ignored: ["sub/gen/out.txt", "sub/anchored.txt", "sub/x/1/y.txt"],
        kept: ["gen/out.txt", "sub/deep/gen/out.txt", "sub/deep/anchored.txt", "anchored.txt", "sub/x/1/2/y.txt"]
    ),
    IgnoreScenario(
        name: "ignore everything in a folder except some",
        ignoreFiles: ["sub/.gitignore": "*\n!.gitignore\n!*.keep\n"],
        files: ["sub/a.txt", "sub/b.keep", "sub/inner/c.keep", "top.txt"],
        ignored: ["sub/a.txt", "sub/inner/c.keep"],
        kept: ["sub/b.keep", "sub/.gitignore", "top.txt"]
    ),
    IgnoreScenario(
        name: ".git/info/exclude has the lowest precedence",
        ignoreFiles: [".gitignore": "!important.bak\n"],
        infoExclude: "# local excludes\n*.bak\nscratch/\n",
        files: ["old.bak", "important.bak", "sub/x.bak", "scratch/notes.txt", "kept.txt"],
        ignored: ["old.bak", "sub/x.bak", "scratch/notes.txt"],
        kept: ["important.bak", "kept.txt"]
    ),
    IgnoreScenario(
        name: "CRLF line endings and a missing final newline",
        ignoreFiles: [".gitignore": "a.txt\r\nb.txt\r\n!c*.txt\r\n*.out"],
        files: ["a.txt", "b.txt", "c1.txt", "d.out", "e.txt"],
        ignored: ["a.txt", "b.txt", "d.out"],
        kept: ["c1.txt", "e.txt"]
    ),
    IgnoreScenario(
        name: "last matching line wins within one file",
        ignoreFiles: [".gitignore": "!*.cfg\n*.cfg\nnotes.md\n!notes.md\n", "a/.gitignore": "*.md\n"],
        files: ["x.cfg", "notes.md", "a/notes.md", "a/b/notes.md", "a/readme.txt"],
        ignored: ["x.cfg", "a/notes.md", "a/b/notes.md"],
        kept: ["notes.md", "a/readme.txt"]
    ),
]

@Suite("gitignore semantics, differentially against git")
struct GitignoreDifferentialTests {
    @Test(arguments: ignoreScenarios)
    func matchesGit(_ scenario: IgnoreScenario) throws {
        try compareWithGit(scenario)
    }

    // MARK: Known divergences from git (bugs in GlobPattern / FileDiscovery; see the report).

    /// git skips a UTF-8 byte order mark at the start of an ignore file; Rampart makes it part of the
    /// first pattern, so that pattern never matches.
    @Test func byteOrderMarkIsSkipped() throws {
        try compareWithGit(IgnoreScenario(
            name: "UTF-8 BOM",
            ignoreFiles: [".gitignore": "\u{FEFF}bom.txt\nother.txt\n"],
            files: ["bom.txt", "other.txt", "kept.txt"],
            ignored: ["bom.txt", "other.txt"],
            kept: ["kept.txt"]
        ))
    }

    /// git (wildmatch) and fnmatch support POSIX classes such as `[[:digit:]]`; GlobPattern closes
    /// the class at the first `]`.
    @Test func posixCharacterClasses() throws {
        try compareWithGit(IgnoreScenario(
            name: "POSIX classes",
            ignoreFiles: [".gitignore": "v[[:digit:]].txt\n[[:upper:]]*.md\n"],
            files: ["v1.txt", "vx.txt", "README.md", "notes.md"],
            ignored: ["v1.txt", "README.md"],
            kept: ["vx.txt", "notes.md"]
        ))
    }

    /// In `a\\ ` the backslash escapes a backslash, so the trailing space is not escaped and git
    /// strips it (the pattern matches the file `a\`). GlobPattern sees the `\ ` suffix and keeps it.
    @Test func escapedBackslashBeforeTrailingSpace() throws {
        try compareWithGit(IgnoreScenario(
            name: "escaped backslash then trailing space",
            ignoreFiles: [".gitignore": "a\\\\ \n"],
            files: ["a\\", "a\\ ", "b"],
            ignored: ["a\\"],
            kept: ["a\\ ", "b"]
        ))
    }

    /// Creates the scenario in a fresh git repository and checks FileDiscovery against git.
    private func compareWithGit(_ scenario: IgnoreScenario) throws {
        let tree = TestTree("gitignore")
        try runGit(["init", "-q"], in: tree.path)
        for (path, text) in scenario.ignoreFiles {
            try tree.write(path, text)
        }
        if let exclude = scenario.infoExclude {
            try tree.write(".git/info/exclude", exclude)
        }
        for path in scenario.files {
            try tree.write(path, "contents of \(path)\n")
        }

        let git = try gitUntrackedNotIgnored(in: tree.path)
        let discovery = FileDiscovery(options: .init(useDefaultExcludes: false))
        let result = discovery.discover(root: tree.path)
        let found = Set(result.files.map(\.path))

        // The scenario's own expectations hold for git, so the comparison is not vacuous.
        for path in scenario.ignored {
            #expect(!git.contains(path), "git lists \(path), which the scenario expects ignored")
        }
        for path in scenario.kept {
            #expect(git.contains(path), "git does not list \(path), which the scenario expects kept")
        }

        #expect(found == git, "only FileDiscovery: \(found.subtracting(git).sorted()); only git: \(git.subtracting(found).sorted())")
        for path in scenario.ignored {
            #expect(!found.contains(path), "FileDiscovery kept \(path)")
        }
        for path in scenario.kept {
            #expect(found.contains(path), "FileDiscovery dropped \(path)")
        }
        #expect(result.diagnostics.isEmpty)
        #expect(result.files.map(\.path) == result.files.map(\.path).sorted())
    }

    @Test func ignoredEntriesAreCounted() throws {
        let tree = TestTree("ignored-count")
        try tree.write(".gitignore", "*.log\nbuild/\n")
        try tree.write("a.log", "x")
        try tree.write("b.log", "x")
        try tree.write("build/one.txt", "x")
        try tree.write("build/two.txt", "x")
        try tree.write("main.txt", "x")
        let result = FileDiscovery().discover(root: tree.path)
        #expect(result.files.map(\.path) == [".gitignore", "main.txt"])
        // Two files plus one folder (its contents are never visited).
        #expect(result.skipped["ignored"] == 3)
    }

    @Test func sizesAreReported() throws {
        let tree = TestTree("sizes")
        try tree.write("five.txt", "12345")
        try tree.write("sub/empty.txt", "")
        let result = FileDiscovery().discover(root: tree.path)
        #expect(result.files == [SourceFile(path: "five.txt", size: 5), SourceFile(path: "sub/empty.txt", size: 0)])
    }
}

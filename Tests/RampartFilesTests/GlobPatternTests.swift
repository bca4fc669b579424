import RampartCore
import RampartTestSupport
import Testing

struct GlobCase: Sendable, CustomTestStringConvertible {
    var pattern: String
    var path: String
    var isDirectory: Bool = false
    var matches: Bool

    var testDescription: String {
        "\(pattern) \(matches ? "matches" : "does not match") \(path)\(isDirectory ? "/" : "")"
    }
}

let globCases: [GlobCase] = [
    // Unanchored names match at any depth.
    GlobCase(pattern: "*.py", path: "c.py", matches: true),
    GlobCase(pattern: "*.py", path: "a/b/c.py", matches: true),
    GlobCase(pattern: "*.py", path: "a/b/c.pyc", matches: false),
    GlobCase(pattern: "*.py", path: "a.py/b", matches: false),
    GlobCase(pattern: "name", path: "x/y/name", matches: true),
    GlobCase(pattern: "name", path: "x/name/y", matches: false),
    // A leading or middle slash anchors.
    GlobCase(pattern: "/x", path: "x", matches: true),
    GlobCase(pattern: "/x", path: "a/x", matches: false),
    GlobCase(pattern: "docs/*.md", path: "docs/a.md", matches: true),
    GlobCase(pattern: "docs/*.md", path: "src/docs/a.md", matches: false),
    GlobCase(pattern: "docs/*.md", path: "docs/sub/a.md", matches: false),
    // `**` segments.
    GlobCase(pattern: "a/**/b", path: "a/b", matches: true),
    GlobCase(pattern: "a/**/b", path: "a/x/b", matches: true),
    GlobCase(pattern: "a/**/b", path: "a/x/y/b", matches: true),
    GlobCase(pattern: "a/**/b", path: "a/x/y/c", matches: false),
    GlobCase(pattern: "a/**/b", path: "z/a/b", matches: false),
    GlobCase(pattern: "**/tmp", path: "tmp", matches: true),
    GlobCase(pattern: "**/tmp", path: "a/b/tmp", matches: true),
    GlobCase(pattern: "**/tmp", path: "a/tmpx", matches: false),
    GlobCase(pattern: "logs/**", path: "logs/a", matches: true),
    GlobCase(pattern: "logs/**", path: "logs/a/b/c", matches: true),
    GlobCase(pattern: "logs/**", path: "logs", isDirectory: true, matches: false),
    GlobCase(pattern: "logs/**", path: "x/logs/a", matches: false),
    GlobCase(pattern: "a/**/b/**/c", path: "a/1/b/2/3/c", matches: true),
    GlobCase(pattern: "a/**/b/**/c", path: "a/b/c", matches: true),
    GlobCase(pattern: "a/**/b/**/c", path: "a/c/b", matches: false),
    // `*` and `?` within one name.
    GlobCase(pattern: "a*b", path: "ab", matches: true),
    GlobCase(pattern: "a*b", path: "axxxb", matches: true),
    GlobCase(pattern: "/a*b", path: "a/b", matches: false),
    GlobCase(pattern: "/a?b", path: "a/b", matches: false),
    GlobCase(pattern: "a?b", path: "axb", matches: true),
    GlobCase(pattern: "a?b", path: "ab", matches: false),
    GlobCase(pattern: "*", path: ".hidden", matches: true),
    GlobCase(pattern: "*x*y*", path: "axbxcyd", matches: true),
    GlobCase(pattern: "*x*y*", path: "ayx", matches: false),
    // Character classes.
    GlobCase(pattern: "[abc].txt", path: "b.txt", matches: true),
    GlobCase(pattern: "[abc].txt", path: "d.txt", matches: false),
    GlobCase(pattern: "[!a].txt", path: "b.txt", matches: true),
    GlobCase(pattern: "[!a].txt", path: "a.txt", matches: false),
    GlobCase(pattern: "[^a].txt", path: "a.txt", matches: false),
    GlobCase(pattern: "[a-c]x", path: "bx", matches: true),
    GlobCase(pattern: "[a-c]x", path: "dx", matches: false),
    GlobCase(pattern: "[]]x", path: "]x", matches: true),
    GlobCase(pattern: "[a-]x", path: "-x", matches: true),
    GlobCase(pattern: "[!a-c]x", path: "bx", matches: false),
    GlobCase(pattern: "[unclosed", path: "[unclosed", matches: true),
    // Escapes.
    GlobCase(pattern: "\\*.txt", path: "*.txt", matches: true),
    GlobCase(pattern: "\\*.txt", path: "a.txt", matches: false),
    GlobCase(pattern: "\\#tag", path: "#tag", matches: true),
    GlobCase(pattern: "\\!bang", path: "!bang", matches: true),
    GlobCase(pattern: "file\\ ", path: "file ", matches: true),
    GlobCase(pattern: "file  ", path: "file", matches: true),
    GlobCase(pattern: "file  ", path: "file ", matches: false),
    // Directory-only patterns.
    GlobCase(pattern: "build/", path: "build", isDirectory: true, matches: true),
    GlobCase(pattern: "build/", path: "build", isDirectory: false, matches: false),
    GlobCase(pattern: "build/", path: "src/build", isDirectory: true, matches: true),
    GlobCase(pattern: "build", path: "build", isDirectory: false, matches: true),
]

@Suite("GlobPattern")
struct GlobPatternTests {
    @Test(arguments: globCases)
    func matching(_ glob: GlobCase) throws {
        let pattern = try #require(GlobPattern(glob.pattern))
        #expect(pattern.matches(glob.path, isDirectory: glob.isDirectory) == glob.matches)
    }

    @Test(arguments: ["", "   ", "#comment", "# another", "/", "!", "!/"])
    func blankAndCommentLinesAreNotPatterns(_ line: String) {
        #expect(GlobPattern(line) == nil)
    }

    @Test func flags() throws {
        let negated = try #require(GlobPattern("!keep/"))
        #expect(negated.isNegated)
        #expect(negated.directoryOnly)
        #expect(negated.matches("a/keep", isDirectory: true))
        #expect(negated.source == "!keep/")
        #expect(negated.description == "!keep/")

        let plain = try #require(GlobPattern("*.log"))
        #expect(!plain.isNegated)
        #expect(!plain.directoryOnly)

        let escaped = try #require(GlobPattern("\\!important"))
        #expect(!escaped.isNegated)
        #expect(escaped.matches("!important", isDirectory: false))
        #expect(!escaped.matches("important", isDirectory: false))
    }

    @Test func selfOrAncestor() throws {
        let docs = try #require(GlobPattern("docs"))
        #expect(docs.matchesSelfOrAncestor("docs/a/b.txt", isDirectory: false))
        #expect(docs.matchesSelfOrAncestor("src/docs/b.txt", isDirectory: false))
        #expect(!docs.matchesSelfOrAncestor("documentation/b.txt", isDirectory: false))

        let dirOnly = try #require(GlobPattern("out/"))
        #expect(dirOnly.matchesSelfOrAncestor("out/x.txt", isDirectory: false))
        #expect(!dirOnly.matchesSelfOrAncestor("out", isDirectory: false))
        #expect(dirOnly.matchesSelfOrAncestor("out", isDirectory: true))
    }

    @Test func matchName() {
        #expect(GlobPattern.matchName(Array("*.s?ift".utf8), Array("main.swift".utf8)))
        #expect(!GlobPattern.matchName(Array("*.s?ift".utf8), Array("main.sift".utf8)))
        #expect(GlobPattern.matchName(Array("".utf8), Array("".utf8)))
        #expect(!GlobPattern.matchName(Array("".utf8), Array("a".utf8)))
        #expect(GlobPattern.matchName(Array("**".utf8), Array("".utf8)))
    }

    @Test func globSet() {
        let set = GlobSet(["*.py", "# comment", "", "/vendor/"])
        #expect(set.patterns.count == 2)
        #expect(!set.isEmpty)
        #expect(set.matches(file: "a/b.py"))
        #expect(set.matches(file: "vendor/lib/x.go"))
        #expect(!set.matches(file: "src/vendor/x.go"))
        #expect(!set.matches(file: "readme.md"))
        #expect(GlobSet([]).isEmpty)
        #expect(GlobSet(["#only a comment"]).isEmpty)
        #expect(!GlobSet([]).matches(file: "anything"))
    }
}

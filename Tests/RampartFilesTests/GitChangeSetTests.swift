import Foundation
import RampartTestSupport
import Testing
@testable import RampartFiles

@Suite("git change sets")
struct GitChangeSetTests {
    /// A repo with `main` holding a few files, then a `feature` branch checked out with one file
    /// modified (uncommitted), one new committed file, one untracked file and one ignored file.
    private func makeRepo() throws -> TestTree {
        let tree = TestTree("changeset")
        let repo = tree.path
        try runGit(["init", "-q", "-b", "main"], in: repo)
        try tree.write(".gitignore", "*.ignored\n")
        try tree.write("a.txt", "one\n")
        try tree.write("b.txt", "unchanged\n")
        try tree.write("sub/c.txt", "unchanged too\n")
        try tree.write("sub/d.txt", "will change\n")
        try runGit(["add", "-A"], in: repo)
        try runGit(["commit", "-q", "-m", "base"], in: repo)

        try runGit(["checkout", "-q", "-b", "feature"], in: repo)
        try tree.write("new.txt", "committed on feature\n")
        try tree.write("sub/d.txt", "changed and committed\n")
        try runGit(["add", "-A"], in: repo)
        try runGit(["commit", "-q", "-m", "feature work"], in: repo)

        // main moves on after the branch point; its changes are not ours.
        try runGit(["checkout", "-q", "main"], in: repo)
        try tree.write("main-only.txt", "on main\n")
        try tree.write("b.txt", "changed on main\n")
        try runGit(["add", "-A"], in: repo)
        try runGit(["commit", "-q", "-m", "main work"], in: repo)
        try runGit(["checkout", "-q", "feature"], in: repo)

        try tree.write("a.txt", "one, modified in the working tree\n")
        try tree.write("untracked.txt", "new, never added\n")
        try tree.write("newdir/inner.txt", "untracked, in an untracked folder\n")
        try tree.write("junk.ignored", "ignored\n")
        try tree.write("sub/more.ignored", "ignored\n")
        return tree
    }

    @Test func changedSinceMain() async throws {
        let tree = try makeRepo()
        // Sanity: the tree looks like the test claims to git itself.
        #expect(try gitUntrackedNotIgnored(in: tree.path) == ["newdir/inner.txt", "untracked.txt"])
        let changed = try await GitChangeSet.changedFiles(root: tree.path, since: "main")
        #expect(changed == ["a.txt", "new.txt", "newdir/inner.txt", "sub/d.txt", "untracked.txt"])
    }

    @Test func stagedChangesAndDeletionsCount() async throws {
        let tree = try makeRepo()
        try tree.write("b.txt", "staged change\n")
        try runGit(["add", "b.txt"], in: tree.path)
        try runGit(["rm", "-q", "sub/c.txt"], in: tree.path)
        let changed = try await GitChangeSet.changedFiles(root: tree.path, since: "main")
        #expect(changed == ["a.txt", "b.txt", "new.txt", "newdir/inner.txt", "sub/c.txt", "sub/d.txt", "untracked.txt"])
    }

    @Test func sinceHeadIsOnlyTheWorkingTree() async throws {
        let tree = try makeRepo()
        let changed = try await GitChangeSet.changedFiles(root: tree.path, since: "HEAD")
        #expect(changed == ["a.txt", "newdir/inner.txt", "untracked.txt"])
    }

    @Test func pathsAreRelativeToASubfolderRoot() async throws {
        let tree = try makeRepo()
        try tree.write("sub/fresh.txt", "untracked in sub\n")
        try tree.write("sub/skip.ignored", "ignored in sub\n")
        let changed = try await GitChangeSet.changedFiles(root: tree.absolute("sub"), since: "main")
        #expect(changed == ["d.txt", "fresh.txt"])
    }

    @Test func badRefThrowsAGitError() async throws {
        let tree = try makeRepo()
        let error = await #expect(throws: GitChangeSet.Failure.self) {
            try await GitChangeSet.changedFiles(root: tree.path, since: "no-such-branch")
        }
        let description = try #require(error).description
        #expect(description.contains("git"))
        #expect(description.contains("no-such-branch"))
    }

    @Test func optionLikeRefIsRejected() async throws {
        let tree = try makeRepo()
        let error = await #expect(throws: GitChangeSet.Failure.self) {
            try await GitChangeSet.changedFiles(root: tree.path, since: "--output=/tmp/x")
        }
        #expect(try #require(error).description.contains("not a git revision"))
    }

    @Test func notARepositoryThrows() async throws {
        let tree = TestTree("not-a-repo")
        try tree.write("a.txt", "x")
        await #expect(throws: GitChangeSet.Failure.self) {
            try await GitChangeSet.changedFiles(root: tree.path, since: "main")
        }
    }
}

import Foundation
import RampartRegex

/// What a scan may request: the start URL's origin, minus what the user excluded (`--exclude`,
/// ZAP's `*<TAB>OUTOFSCOPE` lines), minus endpoints that end the session or destroy data
/// (logout, delete, reset, password change) unless `--unsafe`. Every phase asks it: the crawl,
/// discovery, form submission, API requests and the active checks.
public struct CrawlScope: Sendable {
    public let origin: String
    public var excluded: [ByteRegex]
    /// Request unsafe endpoints too (`--unsafe`): only against a disposable test instance.
    public var unsafe: Bool

    public init(start: URL, excluded: [ByteRegex] = [], unsafe: Bool = false) {
        origin = Crawler.origin(of: start)
        self.excluded = excluded
        self.unsafe = unsafe
    }

    /// The URL may be requested at all: same origin and not excluded.
    public func contains(_ url: URL) -> Bool {
        guard Crawler.origin(of: url) == origin else { return false }
        let text = url.absoluteString
        return !excluded.contains { $0.matches(text) }
    }

    /// Why the URL must not be requested (nil when it may be).
    public func refusal(_ url: URL) -> String? {
        guard contains(url) else { return "out of scope" }
        if !unsafe, let word = Self.unsafeWord(in: url) { return "\(word) endpoint" }
        return nil
    }

    public func allows(_ url: URL) -> Bool { refusal(url) == nil }

    public func allows(_ url: String) -> Bool { URL(string: url).map(allows) ?? false }

    /// Words of a path that name an endpoint ending the session or changing what cannot be
    /// changed back: never requested by a scan without `--unsafe`. Path words are compared
    /// whole (`/items/delete`, `/reset-password`); the compound ones also inside a word
    /// (`/changePassword`, `/accountlogout`).
    static let compoundWords: [(word: String, label: String)] = [
        ("logout", "logout"), ("signout", "logout"), ("logoff", "logout"), ("password", "password-change"), ("passwd", "password-change"),
    ]
    static let wholeWords: [String: String] = [
        "delete": "delete", "remove": "delete", "destroy": "delete", "purge": "delete", "erase": "delete",
        "reset": "reset", "deactivate": "deactivation", "unsubscribe": "unsubscribe", "shutdown": "shutdown",
    ]

    static func unsafeWord(in url: URL) -> String? {
        let words = url.path.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        for (index, word) in words.enumerated() {
            if let label = wholeWords[word] { return label }
            // `log-out`, `sign_out`: two words that make one.
            let joined = index + 1 < words.count ? word + words[index + 1] : word
            if let hit = compoundWords.first(where: { word.contains($0.word) || joined == $0.word }) { return hit.label }
        }
        return nil
    }
}

/// Whether the crawl may submit a form, and why not: login forms go through the login recipe,
/// password changes and destructive actions only with `--unsafe`.
enum FormSafety {
    enum Verdict: Equatable {
        case submit
        case skip(String)
    }

    static let outOfScope = "its action is out of scope"

    static func verdict(_ form: PageLinks.Form, scope: CrawlScope) -> Verdict {
        guard let action = URL(string: form.action) else { return .skip("its action is not a URL") }
        if !scope.contains(action) { return .skip(outOfScope) }
        if let word = CrawlScope.unsafeWord(in: action), !scope.unsafe { return .skip("a \(word) endpoint; --unsafe submits it") }
        let passwords = form.fields.filter { $0.type == "password" }
        if passwords.isEmpty { return .submit }
        if isPasswordChange(form), !scope.unsafe { return .skip("a password-change form; --unsafe submits it") }
        if passwords.count == 1 { return .skip("a login form: submitted only through --login-url") }
        return .submit
    }

    /// A form asking for the current password, or whose action changes it.
    static func isPasswordChange(_ form: PageLinks.Form) -> Bool {
        form.fields.contains { field in
            let name = field.name.lowercased()
            return (name.contains("old") || name.contains("current")) && (name.contains("pass") || name.contains("pwd"))
        }
    }

    /// A field that confirms another (`password2`, `confirm_password`, `email_confirmation`):
    /// given the same value as the field it repeats.
    static func confirms(_ field: PageLinks.Field, in form: PageLinks.Form) -> PageLinks.Field? {
        let name = field.name.lowercased()
        let markers = ["confirm", "repeat", "again", "verify", "retype"]
        let isConfirmation = markers.contains { name.contains($0) } || name.hasSuffix("2")
        guard isConfirmation else { return nil }
        return form.fields.first { other in
            other.name != field.name && other.type == field.type && !markers.contains { other.name.lowercased().contains($0) } && !other.name.hasSuffix("2")
        }
    }
}

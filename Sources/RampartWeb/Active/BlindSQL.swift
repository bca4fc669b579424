import Foundation
import RampartCore

/// SQL injection that shows no database error: the page changes with a condition's truth
/// (boolean-based, judged by content similarity as ZAP and sqlmap do), the response is delayed
/// by the database (time-based, bounded and confirmed), or a tautology in a login form's user
/// name lets the scanner in. All are reported under `web/40018`.
enum BlindSQL {
    // MARK: Boolean-based

    /// Two true/false pairs with different numbers (the second confirms the first), quoted for
    /// the value's apparent type.
    static func booleanPairs<G: RandomNumberGenerator>(for value: String, using generator: inout G) -> [(String, String)] {
        let isNumber = !value.isEmpty && value.allSatisfy(\.isNumber)
        return (0..<2).map { _ in
            let n = Int.random(in: 1000...9999, using: &generator)
            return isNumber
                ? ("\(value) AND \(n)=\(n)", "\(value) AND \(n)=\(n + 1)")
                : ("\(value)' AND '\(n)'='\(n)", "\(value)' AND '\(n)'='\(n + 1)")
        }
    }

    /// The page is stable, the true condition gives it back and the false one changes it.
    static func booleanEvidence(base: [WebExchange], original: String, yes: WebExchange, yesPayload: String, no: WebExchange, noPayload: String) -> String? {
        guard base.count == 2 else { return nil }
        let a = ActiveScan.normalized(base[0], removing: [original]), b = ActiveScan.normalized(base[1], removing: [original])
        let stability = similarity(a, b)
        guard stability >= 0.98 else { return nil }
        let t = ActiveScan.normalized(yes, removing: [yesPayload, original]), f = ActiveScan.normalized(no, removing: [noPayload, original])
        let trueLikeOriginal = similarity(t, a), falseLikeOriginal = similarity(f, a)
        // The false page must differ by more than the page's own noise (a stable page may differ
        // in one line of thirty); both pairs must agree (the caller asks for two).
        guard trueLikeOriginal >= stability - 0.01, falseLikeOriginal < min(0.99, stability - 0.02), similarity(t, f) < min(0.99, stability - 0.02) else { return nil }
        return "\(yesPayload) → status \(yes.status), \(yes.body.count) bytes, \(percent(trueLikeOriginal)) like the original; \(noPayload) → status \(no.status), \(no.body.count) bytes, \(percent(falseLikeOriginal)) like it"
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// How alike two responses are, 0 to 1: the share of their lines (split at line breaks and
    /// tag ends) they have in common, counted as multisets (a ratio in the spirit of difflib's).
    static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        func pieces(_ text: String) -> [Substring: Int] {
            var counts: [Substring: Int] = [:]
            for piece in text.prefix(256 << 10).split(whereSeparator: { $0 == "\n" || $0 == ">" }) {
                let trimmed = piece.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
                if !trimmed.isEmpty { counts[trimmed, default: 0] += 1 }
            }
            return counts
        }
        let x = pieces(a), y = pieces(b)
        let total = x.values.reduce(0, +) + y.values.reduce(0, +)
        guard total > 0 else { return 1 }
        var common = 0
        for (piece, count) in x { common += min(count, y[piece] ?? 0) }
        return Double(2 * common) / Double(total)
    }

    // MARK: Login bypass

    /// User names that turn `WHERE user = '…' AND password = '…'` true for the first row.
    static let loginTautologies = ["' OR '1'='1' -- ", "admin' -- "]

    /// Wrong credentials are refused (the form again, 401/403, or back to the login page); the
    /// tautology is let in (a redirect elsewhere, or a page without the password field).
    static func loginBypassEvidence(control: WebExchange, bypass: WebExchange, tautology: String, login point: InjectionPoint) -> String? {
        guard let login = point.login, isRefusal(control, login: point), !isRefusal(bypass, login: point) else { return nil }
        guard bypass.status < 400 else { return nil }
        let differs = bypass.status != control.status || similarity(ActiveScan.normalized(bypass, removing: [tautology]), ActiveScan.normalized(control, removing: [])) < 0.9
        guard differs else { return nil }
        let where_ = (300..<400).contains(bypass.status) ? "a redirect to \(bypass.header("location") ?? "?")" : "status \(bypass.status) without the login form"
        return "login bypass: \(login.user)=\(tautology) with a wrong password → \(where_); wrong credentials → status \(control.status)"
    }

    static func isRefusal(_ exchange: WebExchange, login point: InjectionPoint) -> Bool {
        if exchange.status == 401 || exchange.status == 403 || exchange.status >= 500 { return true }
        if (300..<400).contains(exchange.status) {
            guard let location = exchange.header("location"), let base = URL(string: exchange.url), let target = PageLinks.resolve(location, against: base) else { return true }
            return PassiveChecks.path(of: target.absoluteString) == point.url || target.path.lowercased().contains("login")
        }
        guard let login = point.login, let url = URL(string: exchange.url) else { return true }
        return exchange.isHTML && PageLinks.extract(exchange.text, pageURL: url).forms.contains { $0.fields.contains { $0.name == login.password } }
    }

    // MARK: Time-based

    /// A database's delay: the payload with the delay on and off (a control), how long "on"
    /// lasts at least, in seconds.
    struct DelayFamily {
        var database: String
        var on: (String) -> String
        var off: (String) -> String
        var threshold: Double
    }

    /// SQLite has no sleep: a large random blob's hex takes a measurable moment (bounded to
    /// ~40 MB of work on the server); the others sleep two seconds.
    static func families(quoted: Bool) -> [DelayFamily] {
        let close = quoted ? "'" : ""
        func heavy(_ size: Int) -> String { "(SELECT LIKE('ABCDEFG',UPPER(HEX(RANDOMBLOB(\(size))))))" }
        return [
            DelayFamily(database: "SQLite", on: { "\($0)\(close) OR 2=\(heavy(40_000_000))-- " }, off: { "\($0)\(close) OR 2=\(heavy(1))-- " }, threshold: 0.15),
            DelayFamily(database: "PostgreSQL", on: { "\($0)\(close) OR 2=(SELECT 1 FROM pg_sleep(2))-- " }, off: { "\($0)\(close) OR 2=(SELECT 1 FROM pg_sleep(0))-- " }, threshold: 1.5),
            DelayFamily(database: "MySQL", on: { "\($0)\(close) OR (SELECT 2 FROM (SELECT SLEEP(2))x)-- " }, off: { "\($0)\(close) OR (SELECT 2 FROM (SELECT SLEEP(0))x)-- " }, threshold: 1.5),
            DelayFamily(database: "SQL Server", on: { "\($0)\(close); WAITFOR DELAY '0:0:2'-- " }, off: { "\($0)\(close); WAITFOR DELAY '0:0:0'-- " }, threshold: 1.5),
        ]
    }

    struct TimedResult {
        var hit: (WebExchange, String)?
        var requests = 0
        var cutShort = false
    }

    /// Baseline thrice, then each family: delayed, a control without the delay, delayed again.
    static func timeBased(point: InjectionPoint, parameter: Int, client: WebClient) async -> TimedResult {
        var result = TimedResult()
        func timed(_ value: String?) async -> WebExchange? {
            guard client.reserve() else { result.cutShort = true; return nil }
            result.requests += 1
            let request = value.map { point.request(replacing: parameter, with: $0) } ?? point.request()
            return try? await ActiveScan.send(request, for: point, client: client)
        }
        var base: [Double] = []
        for _ in 0..<3 {
            guard let exchange = await timed(nil) else { return result }
            base.append(exchange.elapsedSeconds)
        }
        let baseline = base.sorted()[1]
        let spread = (base.max() ?? 0) - (base.min() ?? 0)
        let value = point.parameters[parameter].value
        let quoted = !(!value.isEmpty && value.allSatisfy(\.isNumber))
        for family in families(quoted: quoted) {
            let margin = max(family.threshold, 4 * spread)
            guard let first = await timed(family.on(value)) else { return result }
            guard first.elapsedSeconds >= baseline + margin else { continue }
            guard let control = await timed(family.off(value)), control.elapsedSeconds < baseline + margin / 2,
                  let again = await timed(family.on(value)), again.elapsedSeconds >= baseline + margin else { continue }
            let evidence = String(format: "time-based blind (%@): %.2f s and %.2f s with the delay, %.2f s without, %.2f s normally", family.database, first.elapsedSeconds, again.elapsedSeconds, control.elapsedSeconds, baseline)
            result.hit = (again, evidence)
            return result
        }
        return result
    }
}

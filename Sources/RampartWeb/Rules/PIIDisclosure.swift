import RampartCore
import RampartRegex

enum PIIDisclosure: WebRule {
    static let metadata = RuleMetadata.web(
        "10062", title: "PII disclosure (credit card number)", severity: .high, confidence: .medium, cwe: 359, owasp: .a04,
        documentation: """
        The response contains what looks like a payment card number: 14 to 16 digits, or 13 to \
        19 in the usual groups, with a card brand's prefix (Visa, Mastercard, American Express, \
        Discover, JCB, Diners, UnionPay) and a valid Luhn check digit. Card numbers shown in full \
        break PCI DSS and expose customers. Not read: digits inside longer numbers or decimals, \
        bare (unquoted) numbers in JSON, and the payment providers' published test numbers \
        (`4242 4242 4242 4242`, `4111 1111 1111 1111`).

        **Fix:** never render stored card numbers; show the last four digits only \
        (`•••• 4242`), and keep card data with the payment provider (tokens, not numbers).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<td>Card: 4539 1488 0343 6467</td>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"pan\": \"5425233430109903\"}\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<td>Card: 4539 1488 0343 6468</td>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"ratio\": 0.4111111111111111, \"id\": \"94111111111111111\"}\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<td>Order 1234567890123452</td>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>Test with 4242 4242 4242 4242 or 4111111111111111.</p>\n", fileName: "page.http"),
        ]
    )

    /// Digits with optional single-space or dash separators, not inside a longer number.
    static let candidate: ByteRegex? = try? ByteRegex(#"(?<![\w.,+/=$-])(?<!\d[ -])\d(?:[ -]?\d){12,18}(?![\w])(?![.,]\d)(?![ -]\d)"#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard r.isTextResponse, !r.isJavaScriptResponse, !r.contentType.contains("css"), !r.body.isEmpty else { return [] }
        var hits: [WebHit] = []
        var seen = Set<String>()
        // In JSON, card numbers are strings: bare numbers there are ids and amounts.
        let isJSON = r.contentType.contains("json")
        for (match, text) in PassiveScan.matches(candidate, in: r.body, limit: 1000) {
            if isJSON, match.range.lowerBound == 0 || r.body[match.range.lowerBound - 1] != UInt8(ascii: "\"") { continue }
            guard let brand = cardBrand(text) else { continue }
            let digits = text.filter(\.isNumber)
            guard seen.insert(digits).inserted else { continue }
            hits.append(WebHit(evidence: "\(digits.prefix(4))…\(digits.suffix(4)) (\(brand), \(digits.count) digits)"))
            if hits.count >= PassiveScan.maxHits { break }
        }
        return hits
    }

    /// The brand of a well-formed, Luhn-valid card number, or nil.
    static func cardBrand(_ text: String) -> String? {
        let digits = text.compactMap(\.wholeNumberValue)
        guard (13...19).contains(digits.count) else { return nil }
        // Unseparated, only the common lengths (14–16): longer or shorter digit runs are mostly ids.
        if !text.contains(where: { $0 == " " || $0 == "-" }), !(14...16).contains(digits.count) { return nil }
        // Separators: none, or one kind in card groupings (4-4-4-4[-3], 4-6-5, 4-6-4).
        let groups = text.split(whereSeparator: { $0 == " " || $0 == "-" }).map(\.count)
        if groups.count > 1 {
            guard Set(text.filter { $0 == " " || $0 == "-" }).count == 1,
                  groups.dropLast().allSatisfy({ $0 == 4 }) || groups == [4, 6, 5] || groups == [4, 6, 4] else { return nil }
            if groups.dropLast().allSatisfy({ $0 == 4 }), !(1...4).contains(groups.last ?? 0) { return nil }
        }
        guard luhn(digits), Set(digits).count > 2, !testNumbers.contains(digits.map(String.init).joined()) else { return nil }
        let n = digits.count
        func prefix(_ k: Int) -> Int { digits.prefix(k).reduce(0) { $0 * 10 + $1 } }
        if digits[0] == 4, [13, 16, 19].contains(n) { return "Visa" }
        if n == 16, (51...55).contains(prefix(2)) || (2221...2720).contains(prefix(4)) { return "Mastercard" }
        if n == 15, [34, 37].contains(prefix(2)) { return "American Express" }
        if (16...19).contains(n), prefix(4) == 6011 || prefix(2) == 65 || (644...649).contains(prefix(3)) { return "Discover" }
        if (16...19).contains(n), (3528...3589).contains(prefix(4)) { return "JCB" }
        if (14...19).contains(n), (300...305).contains(prefix(3)) || [36, 38, 39].contains(prefix(2)) { return "Diners Club" }
        if (16...19).contains(n), prefix(2) == 62 { return "UnionPay" }
        return nil
    }

    /// Published test numbers (Stripe, Braintree, Adyen docs): not customers' cards.
    static let testNumbers: Set<String> = [
        "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "4000000000000002", "4222222222222",
        "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222", "378282246310005", "371449635398431",
        "378734493671000", "6011111111111117", "6011000990139424", "6011000400000000", "3530111333300000", "3566002020360505",
        "30569309025904", "38520000023237", "36227206271667", "6200000000000005",
    ]

    static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            if index % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}

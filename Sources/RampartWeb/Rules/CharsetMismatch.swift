import Foundation
import RampartCore
import RampartRegex

enum CharsetMismatch: WebRule {
    static let metadata = RuleMetadata.web(
        "90011", title: "Charset mismatch", severity: .info, confidence: .low, cwe: 436, owasp: .a05,
        documentation: """
        The `Content-Type` header and the document disagree on the character encoding (a \
        `<meta charset>` or an XML declaration names another one): browsers resolve the \
        conflict their own way, which can garble text or let crafted bytes be read as markup. \
        Aliases of one encoding (`utf8`/`UTF-8`, `latin1`/`iso-8859-1`/`windows-1252`) agree.

        **Fix:** serve UTF-8 everywhere and declare it once consistently (Flask and Django send \
        `charset=utf-8`; make templates say `<meta charset="utf-8">`).
        """,
        examples: [
            .triggers("HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n\n<html><head><meta charset=\"windows-1251\"></head></html>\n", fileName: "page.http"),
            .triggers("HTTP/1.1 200 OK\nContent-Type: application/xml; charset=iso-8859-1\n\n<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed/>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html; charset=UTF-8\n\n<html><head><meta charset=\"utf8\"></head></html>\n", fileName: "page.http"),
            .passes("HTTP/1.1 200 OK\nContent-Type: text/html; charset=ISO-8859-1\n\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head></html>\n", fileName: "page.http"),
        ]
    )

    static let xmlDeclaration: ByteRegex? = try? ByteRegex(#"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"#)

    static func check(_ r: WebPage) -> [WebHit] {
        guard (200..<300).contains(r.status), let header = r.header("content-type"), let declared = charset(inContentType: header) else { return [] }
        let type = r.contentType
        var inDocument: (source: String, value: String)?
        if r.isHTML {
            inDocument = metaCharset(r).map { ("meta", $0) }
        } else if type.contains("xml") {
            inDocument = PassiveScan.firstMatch(xmlDeclaration, in: Array(r.body.prefix(512))).flatMap { match in
                PassiveScan.group(1, of: match.match, in: Array(r.body.prefix(512))).map { ("XML declaration", $0) }
            }
        }
        guard let inDocument, canonical(inDocument.value) != canonical(declared) else { return [] }
        return [WebHit(parameter: "content-type", evidence: "header charset=\(PassiveScan.clip(declared, 40)), \(inDocument.source) \(PassiveScan.clip(inDocument.value, 40))")]
    }

    static func charset(inContentType value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1)
            if pieces.count == 2, pieces[0].trimmingWhitespace().lowercased() == "charset" {
                let charset = pieces[1].trimmingWhitespace().trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                return charset.isEmpty ? nil : charset
            }
        }
        return nil
    }

    /// The first `<meta charset>` or `<meta http-equiv="content-type" content="…; charset=…">`.
    static func metaCharset(_ r: WebPage) -> String? {
        for token in r.tokens {
            if case .endTag("head") = token { break }
            guard case .startTag("meta", let attributes, _) = token else {
                if case .startTag("body", _, _) = token { break }
                continue
            }
            if let charset = PassiveScan.attribute(attributes, "charset")?.trimmingWhitespace(), !charset.isEmpty { return charset }
            if PassiveScan.attribute(attributes, "http-equiv")?.lowercased() == "content-type",
               let content = PassiveScan.attribute(attributes, "content"), let charset = charset(inContentType: content) { return charset }
        }
        return nil
    }

    /// One name per encoding, after the WHATWG Encoding Standard's main aliases.
    static func canonical(_ charset: String) -> String {
        let name = charset.lowercased().trimmingWhitespace()
        switch name {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8": return "utf-8"
        case "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819": return "windows-1252"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "csshiftjis": return "shift_jis"
        case "gb2312", "gbk", "x-gbk", "cp936", "chinese", "csgb2312": return "gbk"
        case "euc-kr", "ks_c_5601-1987", "windows-949", "cseuckr": return "euc-kr"
        case "iso-8859-9", "latin5", "windows-1254": return "windows-1254"
        default: return name
        }
    }
}

import Foundation
@testable import RampartWeb
import RampartCore
import Testing

@Suite struct FormTests {
    @Test func formsAreSubmittedWithTypedDefaultsAndTheirHiddenFields() throws {
        let html = """
        <form method="POST" action="/order"><input type="hidden" name="csrf_token" value="t0k&amp;en">
        <input name="email" type="email"><input name="qty" type="number"><select name="size"><option value="m">M</option><option value="l">L</option></select>
        <input type="checkbox" name="gift"><input type="radio" name="ship" value="fast"><input type="radio" name="ship" value="slow">
        <textarea name="note"></textarea><input type="submit" name="go" value="Order"><input type="file" name="upload"></form>
        <form action="/search?lang=en#top"><input name="q" value="lamp"></form>
        """
        let forms = PageLinks.extract(html, pageURL: try #require(URL(string: "http://shop.test/cart"))).forms
        #expect(forms.count == 2)
        let post = try #require(forms[0].request())
        #expect(post.method == "POST" && post.url == "http://shop.test/order")
        #expect(post.body == "csrf_token=t0k%26en&email=rampart%40example.com&qty=1&size=m&gift=on&ship=fast&note=rampart&go=Order")
        let get = try #require(forms[1].request(overrides: ["q": "a b&c"]))
        #expect(get.method == "GET" && get.url == "http://shop.test/search?q=a+b%26c" && get.body == nil)
        #expect(FormEncoding.decode(post.body ?? "").first { $0.name == "csrf_token" }?.value == "t0k&en")
    }

    @Test func logoutLinksAreRecognised() {
        for url in ["http://a.test/logout", "http://a.test/accounts/Sign-Out/", "http://a.test/auth/log_out?next=/"] { #expect(URL(string: url).flatMap(CrawlScope.unsafeWord) == "logout") }
        for url in ["http://a.test/login", "http://a.test/blog/logging"] { #expect(URL(string: url).flatMap(CrawlScope.unsafeWord) == nil) }
    }

    @Test func payloadsCarryTheirProof() throws {
        #expect(try #require(Payload.factors(in: "x{{12*34}}", after: "{{")) == (12, 34))
        #expect(try #require(Payload.factors(in: "rmp{{a*34}} rmp{{5*6}}", after: "rmp{{")) == (5, 6))
        #expect(Payload.factors(in: "rmp{{1234567*2}}", after: "rmp{{") == nil)
        #expect(Payload.canary(in: "q=rmp4821\"'") == "rmp4821")
        #expect(Payload.canary(in: "rmp12") == nil)
    }
}

@Suite struct WebConfigurationTests {
    func configure(_ yaml: String) throws -> WebScanner? {
        let root = try ConfigNode.parse(yaml: yaml, file: ".rampart.yml")
        let reader = NodeReader(file: ".rampart.yml")
        guard let section = try reader.mapping(root, key: nil).first(where: { $0.key == "web" })?.value else { return nil }
        return try WebScanner().configured(with: section, reader: reader) as? WebScanner
    }

    @Test func theWebSectionSetsTheScan() throws {
        let scanner = try #require(try configure("""
        web:
          target: http://127.0.0.1:5000/
          active: true
          submit_forms: true
          max_requests: 300
          max_time: 30
          enable: [10096]
          headers: ["X-Scan: rampart"]
        """))
        #expect(scanner.options.target?.absoluteString == "http://127.0.0.1:5000/")
        #expect(scanner.options.active && scanner.options.limits.submitForms)
        #expect(scanner.options.limits.maxRequests == 300 && scanner.options.limits.timeBudget == .seconds(30))
        #expect(scanner.options.enabledRules.contains { $0.metadata.id.code == "10096" })
        #expect(!WebScanner().options.enabledRules.contains { $0.metadata.id.code == "10096" }, "opt-in rules are off by default")
        #expect(scanner.options.headers.first.map { $0.0 == "X-Scan" && $0.1 == "rampart" } == true)
    }

    @Test func mistakesAreErrorsWithTheirPlace() {
        #expect(throws: ConfigurationError.self) { try configure("web:\n  target: ftp://x/\n") }
        #expect(throws: ConfigurationError.self) { try configure("web:\n  activ: true\n") }
        #expect(throws: ConfigurationError.self) { try configure("web:\n  headers: [\"no colon\"]\n") }
    }
}

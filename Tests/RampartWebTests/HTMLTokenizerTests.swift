import Foundation
@testable import RampartWeb
import Testing

@Suite struct HTMLTokenizerTests {
    typealias T = HTMLTokenizer.Token

    @Test func tagsAttributesAndText() {
        let tokens = HTMLTokenizer.tokenize(#"<!DOCTYPE html><P Class=x id='a b' data-x="1&amp;2" checked>Hi &lt;you&gt;</p><br/>"#)
        #expect(tokens == [
            .doctype("html"),
            .startTag(name: "p", attributes: [("class", "x"), ("id", "a b"), ("data-x", "1&2"), ("checked", "")], selfClosing: false),
            .text("Hi <you>"), .endTag(name: "p"), .startTag(name: "br", attributes: [], selfClosing: true),
        ])
    }

    @Test func malformedMarkup() {
        // Unclosed quote, duplicate attributes (first wins), stray `<`, unterminated comment.
        #expect(HTMLTokenizer.tokenize("<a href=\"/x>text") == [.startTag(name: "a", attributes: [("href", "/x>text")], selfClosing: false)])
        #expect(HTMLTokenizer.tokenize("<a href=1 href=2>") == [.startTag(name: "a", attributes: [("href", "1")], selfClosing: false)])
        #expect(HTMLTokenizer.tokenize("1 < 2 <3") == [.text("1 < 2 <3")])
        #expect(HTMLTokenizer.tokenize("a<!-- never closed <a href=x>") == [.text("a"), .comment(" never closed <a href=x>")])
        #expect(HTMLTokenizer.tokenize("<!---->x<!-->y") == [.comment(""), .text("x"), .comment(""), .text("y")])
        #expect(HTMLTokenizer.tokenize("</>x</ p>") == [.text("x</ p>")])
        #expect(HTMLTokenizer.tokenize("<div") == [.startTag(name: "div", attributes: [], selfClosing: false)])
    }

    @Test func rawTextAndCDATA() {
        let tokens = HTMLTokenizer.tokenize("<script>if (a<b) { x = '</div>' }</script ><textarea>&lt;b&gt;</textarea><![CDATA[raw <x>]]>")
        #expect(tokens == [
            .startTag(name: "script", attributes: [], selfClosing: false), .text("if (a<b) { x = '</div>' }"), .endTag(name: "script"),
            .startTag(name: "textarea", attributes: [], selfClosing: false), .text("<b>"), .endTag(name: "textarea"),
            .text("raw <x>"),
        ])
    }

    @Test func characterReferences() {
        #expect(HTMLTokenizer.decodeEntities("&#60;&#x3E;&amp&copy;&unknown;&#0;&#xD800;") == "<>&©&unknown;\u{FFFD}\u{FFFD}")
        #expect(HTMLTokenizer.decodeEntities("a&b=c") == "a&b=c")
    }

    @Test func hostileInputStaysBounded() {
        let deep = String(repeating: "<div>", count: 200_000) + String(repeating: "<a href='", count: 1000)
        #expect(HTMLTokenizer.tokenize(deep, limit: 50_000).count == 50_000)
        let garbage = String(decoding: (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }, as: UTF8.self)
        _ = HTMLTokenizer.tokenize(garbage)
    }
}

@Suite struct PageLinksTests {
    let page = URL(string: "https://shop.test/catalog/index.html")!

    @Test func linksFormsBaseAndScripts() {
        let html = """
        <html><head><base href="/app/"><link rel=stylesheet href="css/site.css">
        <meta http-equiv="Refresh" content="5; URL='/moved'"></head>
        <body><a href="item?id=1#top">one</a> <a href="HTTPS://shop.test/about">About</a>
        <a href="javascript:void(0)">x</a> <a href="mailto:a@b.c">m</a> <a href="https://other.test/">ext</a>
        <img src=" /img/logo.png "><iframe src="frame.html"></iframe>
        <button onclick="location.href='/go?to=cart'">cart</button>
        <script>if (x) { window.location = "/from-script"; } window.open('/popup')</script>
        <form action="/search"><input name=q><input type=submit value=Go></form>
        <form method=post><input type=hidden name=csrf_token value=abc><textarea name=body></textarea><select name=size></select></form>
        </body></html>
        """
        let result = PageLinks.extract(html, pageURL: page)
        #expect(result.links == [
            "https://shop.test/app/css/site.css", "https://shop.test/moved", "https://shop.test/app/item?id=1",
            "https://shop.test/about", "https://other.test/", "https://shop.test/img/logo.png", "https://shop.test/app/frame.html",
            "https://shop.test/go?to=cart", "https://shop.test/from-script", "https://shop.test/popup",
        ])
        #expect(result.forms.count == 2)
        #expect(result.forms[0] == .init(action: "https://shop.test/search", method: "GET", fields: [.init(name: "q", type: "text", value: "")]))
        #expect(result.forms[1].method == "POST" && result.forms[1].action == page.absoluteString)
        #expect(result.forms[1].fields.map(\.type) == ["hidden", "textarea", "select"])
    }
}

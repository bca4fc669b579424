import Foundation
@testable import RampartWeb
import Testing

/// API descriptions become requests with example values: OpenAPI 3 and Swagger 2, JSON and
/// YAML, `$ref`s followed; requests stay on the scanned site whatever the file names; hostile
/// descriptions are errors, not crashes.
struct OpenAPITests {
    let base = URL(string: "https://shop.test/")!

    @Test func openAPI3WithRefsAndBodies() throws {
        let text = """
        openapi: 3.0.3
        info: {title: Shop}
        servers: [{url: "https://evil.example/api"}]
        paths:
          /items/{id}:
            parameters: [{$ref: "#/components/parameters/Id"}]
            get:
              parameters: [{name: q, in: query, schema: {type: string, enum: [red, blue]}}]
          /orders:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Order"}
        components:
          parameters:
            Id: {name: id, in: path, required: true, schema: {type: integer}}
          schemas:
            Order:
              type: object
              properties:
                item: {type: string, example: lamp}
                quantity: {type: integer}
                address: {type: object, properties: {city: {type: string}}}
                id: {type: string, readOnly: true}
        """
        let description = try OpenAPIDescription.parse(text, name: "api.yaml", base: base)
        #expect(description.title == "Shop")
        let get = try #require(description.operations.first { $0.method == "GET" })
        // The server's host is ignored: requests go to the scanned site only.
        #expect(get.url == "https://shop.test/api/items/1" && get.query == ["q": "red"])
        let post = try #require(description.operations.first { $0.method == "POST" })
        #expect(post.json == #"{"address":{"city":"rampart"},"item":"lamp","quantity":1}"#)
        #expect(post.points.first?.probed.map { post.points[0].parameters[$0].name } == ["address.city", "item", "quantity"])
    }

    @Test func swagger2BodiesAndForms() throws {
        let text = """
        {"swagger": "2.0", "basePath": "/v2", "paths": {
          "/pets": {"post": {"parameters": [{"name": "pet", "in": "body", "schema": {"$ref": "#/definitions/Pet"}}]}},
          "/login": {"post": {"parameters": [{"name": "user", "in": "formData", "type": "string"}, {"name": "age", "in": "formData", "type": "integer"}]}}},
         "definitions": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}}}}}
        """
        let description = try OpenAPIDescription.parse(text, name: "swagger.json", base: base)
        let pets = try #require(description.operations.first { $0.url.hasSuffix("/v2/pets") })
        #expect(pets.json == #"{"name":"rampart","tags":["rampart"]}"#)
        let login = try #require(description.operations.first { $0.url.hasSuffix("/v2/login") })
        #expect(login.form == ["user": "rampart", "age": "1"])
        #expect(login.request.body == "age=1&user=rampart")
    }

    @Test func notADescriptionIsAnError() {
        #expect(throws: OpenAPIDescription.Failure.self) { try OpenAPIDescription.parse("{\"hello\": 1}", name: "x.json", base: base) }
        #expect(throws: OpenAPIDescription.Failure.self) { try OpenAPIDescription.parse("\u{0}\u{FFFD}: [", name: "x.json", base: base) }
        // A self-referencing schema and aliases stay bounded.
        let cyclic = """
        {"openapi": "3.0.0", "paths": {"/a": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}}}}},
         "components": {"schemas": {"Node": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Node"}}}}}}
        """
        #expect((try? OpenAPIDescription.parse(cyclic, name: "cyclic.json", base: base))?.operations.count == 1)
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + (1...12).map { "l\($0): &l\($0) [*\($0 == 1 ? "a" : "l\($0 - 1)"), *\($0 == 1 ? "a" : "l\($0 - 1)"), *\($0 == 1 ? "a" : "l\($0 - 1)"), *\($0 == 1 ? "a" : "l\($0 - 1)")]" }.joined(separator: "\n") + "\nopenapi: 3.0.0\n"
        #expect(throws: OpenAPIDescription.Failure.self) { try OpenAPIDescription.parse(bomb, name: "bomb.yaml", base: base) }
    }
}

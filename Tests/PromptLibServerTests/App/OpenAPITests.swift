import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PromptLibServer
import PromptLibStorage
import PromptLibTestSupport
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.data) as? [String: Any])
    }

    @Test("documents exactly the routes the router serves")
    func matchesRouter() async throws {
        let served = Set(try await servedRoutes())
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, item in
            item.keys.filter { $0 != "parameters" }.map { "\($0.uppercased()) \(path)" }
        })
        #expect(served.subtracting(documented).isEmpty, "routes without documentation: \(served.subtracting(documented).sorted())")
        #expect(documented.subtracting(served).isEmpty, "documented routes that do not exist: \(documented.subtracting(served).sorted())")
    }

    @Test("is OpenAPI 3.1 and every $ref resolves")
    func refsResolve() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        var refs: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let ref = object["$ref"] as? String { refs.append(ref) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(document)
        #expect(refs.count > 20)
        for ref in refs {
            let target = ref.dropFirst(2).split(separator: "/").reduce(document as Any?) { ($0 as? [String: Any])?[String($1)] }
            #expect(target != nil, "unresolved \(ref)")
        }
    }

    @Test("is served as JSON, with a readable reference page")
    func served() async throws {
        try await withTestApp(.sqlite) { client in
            let document = try await client.get("/api/openapi.json")
            #expect(document.status == .ok)
            #expect(document.json["paths"] != nil)
            let page = try await client.get("/api/docs")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: page.body).contains("/api/openapi.json"))
        }
    }
}

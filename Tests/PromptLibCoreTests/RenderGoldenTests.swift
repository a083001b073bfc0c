import Foundation
@testable import PromptLibCore
import Testing

@Suite("Rendering: provider payloads match their golden files")
struct RenderGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func fixture() throws -> PromptDocument {
        try PromptYAML.decode(String(contentsOf: directory.appendingPathComponent("product-description.yaml"), encoding: .utf8))
    }

    static let values: [String: JSONValue] = ["product_name": .string("Rake & Hoe <Pro>"), "features": .array([.string("steel"), .string("ash handle")])]

    /// Every path where `actual` differs from `expected`, so a failure names the field.
    static func differences(_ actual: JSONValue, _ expected: JSONValue, path: String = "$") -> [String] {
        switch (actual, expected) {
        case (.object(let a), .object(let e)):
            return Set(a.keys).union(e.keys).sorted().flatMap { key -> [String] in
                switch (a[key], e[key]) {
                case (nil, _): return ["\(path).\(key) is missing"]
                case (_, nil): return ["\(path).\(key) is not expected"]
                case (let x?, let y?): return differences(x, y, path: "\(path).\(key)")
                }
            }
        case (.array(let a), .array(let e)):
            guard a.count == e.count else { return ["\(path) has \(a.count) items, expected \(e.count)"] }
            return zip(a, e).enumerated().flatMap { differences($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]") }
        default:
            return actual == expected ? [] : ["\(path) is \(actual), expected \(expected)"]
        }
    }

    @Test("each provider's request body, field by field", arguments: RenderTarget.allCases)
    func golden(target: RenderTarget) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("\(target.rawValue).json"))
        guard case .object(let golden) = try JSONDecoder().decode(JSONValue.self, from: data), let payload = golden["payload"] else {
            Issue.record("golden file of \(target) has no payload")
            return
        }
        let result = try PromptRenderer.render(try Self.fixture(), .init(target: target, variables: Self.values))
        #expect(Self.differences(result.payload, payload).isEmpty, "\(Self.differences(result.payload, payload))")
        #expect(golden["model"] == .string(result.model))
        #expect(golden["text"] == result.text.map(JSONValue.string))
        #expect(result.tokenEstimate > 50 && result.tokenEstimate < 200)
    }

    @Test("docs/rendering.md shows each provider's golden body", arguments: RenderTarget.allCases)
    func documented(target: RenderTarget) throws {
        let docs = try String(contentsOf: Self.directory.appendingPathComponent("../../../docs/rendering.md").standardized, encoding: .utf8)
        let heading = try #require(docs.range(of: "### \(target.rawValue)\n"), "no example for \(target)")
        let open = try #require(docs.range(of: "```json\n", range: heading.upperBound..<docs.endIndex))
        let close = try #require(docs.range(of: "\n```", range: open.upperBound..<docs.endIndex))
        let shown = try JSONDecoder().decode(JSONValue.self, from: Data(docs[open.upperBound..<close.lowerBound].utf8))
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("\(target.rawValue).json"))
        guard case .object(let golden) = try JSONDecoder().decode(JSONValue.self, from: data), let payload = golden["payload"] else { return }
        #expect(Self.differences(shown, payload).isEmpty, "docs/rendering.md is out of date for \(target): \(Self.differences(shown, payload))")
    }

    @Test("values are never HTML-escaped, lists render as sections, defaults fill the gaps")
    func substitution() throws {
        let result = try PromptRenderer.render(try Self.fixture(), .init(target: .openai, variables: Self.values))
        let user = try #require(result.messages.last?.content)
        #expect(user.contains("Rake & Hoe <Pro>"))
        #expect(user.contains("Mention steel; ash handle; "))
        #expect(result.messages.first?.content.contains("comparing garden products") == true)
    }

    @Test("a prompt written for one provider renders for another with that provider's default model, and says so")
    func providerMismatch() throws {
        let result = try PromptRenderer.render(try Self.fixture(), .init(target: .gemini, variables: Self.values))
        #expect(result.model == RenderTarget.gemini.defaultModel)
        #expect(result.warnings.contains { $0.contains("written for openai") })
    }
}

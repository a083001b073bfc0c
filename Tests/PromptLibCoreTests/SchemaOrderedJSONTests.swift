import Foundation
@testable import PromptLibCore
import Testing

/// Render payloads keep the declared order of a schema's properties; everything else is written
/// exactly as the API's JSON encoder writes it.
@Suite("Schema-ordered JSON")
struct SchemaOrderedJSONTests {
    static func foundation(_ value: JSONValue, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("without a schema the text is byte for byte what JSONEncoder writes, hostile strings included")
    func sameAsEncoder() throws {
        let value: JSONValue = .object([
            "b": .array([.number(1), .number(2.5), .number(-0.004), .number(1e20), .bool(true), .null]),
            "a": .string("quote \" backslash \\ slash / tab \t nl \n cr \r bell \u{07} nul-free ünï 👩‍👩‍👧 \u{2028}"),
            "c": .object(["z": .string(""), "y": .object([:]), "x": .array([])]),
        ])
        #expect(SchemaOrderedJSON.string(value) == (try Self.foundation(value)))
        #expect(SchemaOrderedJSON.pretty(value) == (try Self.foundation(value, pretty: true)), "export files keep their layout")
    }

    @Test("a schema's properties follow its required list; other objects stay sorted")
    func declaredOrder() throws {
        let result = try PromptRenderer.render(try PromptYAML.decode("""
            name: order/fields
            title: Order
            prompt: { goal: Describe it, output: { format: json, fields: [zeta, alpha, mid] } }
            """), .init(target: .openai, model: "gpt-4.1"))
        let text = SchemaOrderedJSON.string(result.payload)
        let zeta = try #require(text.range(of: "\"zeta\":{"))
        let alpha = try #require(text.range(of: "\"alpha\":{"))
        let mid = try #require(text.range(of: "\"mid\":{"))
        #expect(zeta.lowerBound < alpha.lowerBound && alpha.lowerBound < mid.lowerBound, "\(text)")
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == result.payload, "the same JSON value")
        #expect(text.range(of: "\"messages\"")!.lowerBound < text.range(of: "\"model\"")!.lowerBound)
    }

    @Test("an exported provider file keeps the declared property order too")
    func exportOrder() throws {
        let document = try PromptYAML.decode("""
            name: order/fields
            title: Order
            prompt: { goal: Describe it, output: { format: json, fields: [zeta, alpha, mid] } }
            """)
        for format in [ExportFormat.openai, .openaiResponses, .anthropic, .gemini] {
            let text = try PromptExport.export(document, format: format)
            let zeta = try #require(text.range(of: "\"zeta\" : {"), "\(format)")
            let alpha = try #require(text.range(of: "\"alpha\" : {"))
            let mid = try #require(text.range(of: "\"mid\" : {"))
            #expect(zeta.lowerBound < alpha.lowerBound && alpha.lowerBound < mid.lowerBound, "\(format): \(text)")
        }
    }
}

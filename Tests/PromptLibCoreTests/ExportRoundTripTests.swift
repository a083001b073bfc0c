@testable import PromptLibCore
import PromptLibTestSupport
import Testing

@Suite("Export and import of one prompt")
struct ExportRoundTripTests {
    @Test("every format reads back as the same document, for generated prompts", arguments: ExportFormat.allCases)
    func roundTrip(format: ExportFormat) throws {
        var generator = SeededGenerator(seed: 99)
        var checked = 0
        for _ in 0..<40 {
            var document = DocumentGenerator.make(using: &generator)
            document.version = 3
            // Provider formats render; settings out of a provider's range are refused by design.
            if let target = format.target, (document.model?.temperature ?? 0) > target.maxTemperature { continue }
            if format.target == .anthropic || format.target == .bedrock, document.prompt.messages?.first(where: { $0.role != .system })?.role == .assistant { continue }
            let file = try PromptExport.export(document, format: format)
            #expect(PromptImportParser.detect(file) == Self.kind(format), "\(format) is detected")
            let back = try PromptImportParser.parse(file)
            #expect(back == document, "\(format): \(file)")
            #expect(try PromptExport.export(back, format: format) == file, "\(format) gives the same bytes again")
            checked += 1
        }
        #expect(checked > 20)
    }

    static func kind(_ format: ExportFormat) -> PromptImportParser.Kind {
        switch format {
        case .yaml: .yaml
        case .json: .json
        case .markdown: .markdown
        default: .provider
        }
    }

    @Test("provider files leave {{variables}} in place unless values are given, and name the file sensibly")
    func placeholders() throws {
        let document = try RenderGoldenTests.fixture()
        let template = try PromptExport.export(document, format: .anthropic)
        #expect(template.contains("{{product_name}}"))
        let filled = try PromptExport.export(document, format: .anthropic, variables: RenderGoldenTests.values)
        // The x_promptlib block keeps the templates; the payload before it has the values.
        let payload = try #require(filled.components(separatedBy: "\"x_promptlib\"").first)
        #expect(payload.contains("Rake & Hoe <Pro>") && !payload.contains("{{product_name}}"))
        #expect(ExportFormat.gemini.fileName(for: document) == "marketing__product-description.v4.gemini.json")
        #expect(ExportFormat.markdown.fileName(for: document) == "marketing__product-description.v4.md")
    }

    @Test("files that are not prompts are refused with what is wrong")
    func refusals() {
        #expect(throws: ValidationFailure.self) { try PromptImportParser.parse("{\"model\": \"gpt-4o\", \"x_promptlib\": 3}") }
        #expect(throws: ValidationFailure.self) { try PromptImportParser.parse("---\nname: x\nno end") }
        #expect(throws: ValidationFailure.self) { try PromptImportParser.parse("{ not json") }
    }
}

import PromptLibCore
import PromptLibTestSupport
import Testing

@Suite("YAML documents")
struct PromptYAMLTests {
    /// The example of DESIGN.md, as a person would write it.
    static let handWritten = """
        schema: promptlib/v1
        name: marketing/product-description   # unique slug; "/" makes folders
        title: Product description generator
        summary: Writes persuasive product copy from a feature list
        tags: [ecommerce, copywriting]
        owner: alice
        status: active                         # draft | active | archived
        version: 4
        labels: [production]
        commit_message: Tighten the output format
        prompt:
          goal: Write a product description for {{product_name}}
          audience: Online shoppers comparing {{category}} products
          context: Shoppers skim; lead with what matters.
          steps: [List the three strongest features, Write a headline, Write two paragraphs]
          constraints: [No superlatives without evidence]
          output: { format: json, fields: [title, description, features] }
          examples: [{ input: "a kettle", output: "{\\"title\\": \\"Kettle\\"}" }]
          messages:
            - { role: system, content: You write product copy. }
            - { role: user, content: "Product: {{product_name}}" }
        variables:
          - { name: product_name, type: string, required: true, description: What is sold }
          - { name: category, type: enum, options: [electronics, garden], default: electronics }
          - { name: api_token, type: string, sensitive: true }
        model: { provider: openai, name: gpt-4o, temperature: 0.4, max_tokens: 800 }
        """

    @Test("the design's example reads, validates, and writes back to the same document and bytes")
    func handWrittenRoundTrip() throws {
        let document = try PromptYAML.decode(Self.handWritten)
        #expect(document.name == "marketing/product-description")
        #expect(document.prompt.output?.fields == ["title", "description", "features"])
        #expect(document.variables?[1].default == .string("electronics"))
        _ = try PromptValidator.validate(document)
        let written = try PromptYAML.encode(document)
        let reread = try PromptYAML.decode(written)
        #expect(reread == document)
        #expect(try PromptYAML.encode(reread) == written)
        #expect(written.hasPrefix("schema: promptlib/v1\nname: marketing/product-description\ntitle:"), "fields keep the documented order")
    }

    @Test("every generated document survives write, read, write byte for byte", arguments: 0..<4)
    func generatedRoundTrip(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 17)
        for _ in 0..<50 {
            let document = DocumentGenerator.make(using: &generator)
            let written = try PromptYAML.encode(document)
            let reread = try PromptYAML.decode(written)
            #expect(reread == document, "\(written)")
            #expect(try PromptYAML.encode(reread) == written)
        }
    }

    @Test("bad YAML and wrong types name what is wrong", arguments: [
        ("name: [unclosed", ""), ("name: a\ntitle: T\nprompt: { goal: 3 }\nvariables: { name: x }", "variables"),
        ("name: a\nprompt: { goal: g }", "title"),
    ])
    func errors(text: String, field: String) {
        #expect {
            try PromptYAML.decode(text)
        } throws: { error in
            (error as? ValidationFailure)?.field == field
        }
    }
}

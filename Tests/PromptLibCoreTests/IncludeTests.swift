import PromptLibCore
import Testing

@Suite("Includes")
struct IncludeTests {
    @Test("include tags name a prompt and optionally a label or version")
    func parsing() throws {
        let includes = try PromptInclude.all(in: "A {{> shared/tone}} B {{>sig@production}} C {{> old-intro@3}} {{name}}").get()
        #expect(includes.map(\.name) == ["shared/tone", "sig", "old-intro"])
        #expect(includes.map(\.selector) == [.default, .label("production"), .version(3)])
        #expect(includes[1].tag == "{{>sig@production}}")
        for bad in ["{{> Bad Name}}", "{{> a@0}}", "{{> a@}}", "{{> a@Prod!}}"] {
            #expect(throws: TemplateError.self) { try PromptInclude.all(in: bad).get() }
        }
        let document = PromptDocument(name: "x", title: "X", prompt: PromptBody(goal: "{{> a@0}}"))
        #expect(throws: ValidationFailures.self) { try PromptValidator.validate(document) }
    }

    @Test("a body compiles to text in the documented order; explicit messages win")
    func compile() {
        let body = PromptBody(goal: "Goal.", audience: "Devs", context: "Context.", steps: ["One", "Two"], constraints: ["Short"],
                              output: OutputSpec(format: "json", fields: ["a", "b"]), examples: [PromptExample(input: "i", output: "o")])
        #expect(PromptText.compile(body) == """
            Goal.

            Audience: Devs

            Context.

            Steps:
            1. One
            2. Two

            Constraints:
            - Short

            Output: json with fields a, b

            Examples:
            Input: i
            Output: o
            """)
        let chat = PromptBody(goal: "ignored", messages: [ChatMessage(role: .system, content: "S"), ChatMessage(role: .user, content: "U")])
        #expect(PromptText.compile(chat) == "S\n\nU")
    }
}

import Foundation
@testable import PromptLibCore
import Testing

/// The built-in analyzer's drafts and its typed questions.
@Suite("Analyzer drafts")
struct DraftBuilderTests {
    static func document(goal: String, constraints: [String]? = nil, variables: [VariableDefinition]? = nil) -> PromptDocument {
        PromptDocument(name: "t/draft", title: "Draft", prompt: PromptBody(goal: goal, constraints: constraints), variables: variables)
    }

    @Test("hand-written placeholders become declared variables")
    func placeholders() throws {
        let document = Self.document(goal: "Write a LinkedIn post announcing [PRODUCT_NAME] to {audience} in two sentences.")
        let draft = DraftBuilder.build(document, analysis: PromptAnalyzer.analyze(document), answers: [:])
        #expect(draft.document.prompt.goal == "Write a LinkedIn post announcing {{product_name}} to {{audience}} in two sentences.")
        #expect(draft.document.variables?.map(\.name) == ["product_name", "audience"])
        #expect(draft.changes.contains { $0.field == "variables" })
        #expect(throws: Never.self) { try PromptValidator.validate(draft.document) }
    }

    @Test("a prompt made of thousands of placeholders gets a handful of findings and at most 100 new variables")
    func placeholderFlood() throws {
        let goal = (0..<2_000).map { String(format: "[P_%04d]", $0) }.joined(separator: " ")
        let document = Self.document(goal: "Fill in " + goal)
        let analysis = PromptAnalyzer.analyze(document)
        #expect(analysis.findings.filter { $0.code == "placeholder_not_variable" }.count == Placeholders.maxFindings)
        let draft = DraftBuilder.build(document, analysis: analysis, answers: [:])
        #expect(draft.document.variables?.count == Placeholders.maxPerText)
        #expect(throws: Never.self) { try PromptValidator.validate(draft.document) }
    }

    @Test("answers go where they belong: audience, format and fields, an example, the goal's detail")
    func answers() throws {
        let document = Self.document(goal: "Extract the order details from {{message}}.", variables: [VariableDefinition(name: "message", required: true)])
        let analysis = PromptAnalyzer.analyze(document)
        let answers = try EnhancementQuestion.validate([
            "output_format": .string("JSON"), "output_fields": .string("order_id, total , currency"),
            "example_input": .string("Order #12 came to 30 EUR"), "example_output": .string(#"{"order_id":"12","total":30,"currency":"EUR"}"#),
        ], against: analysis.questions)
        let draft = DraftBuilder.build(document, analysis: analysis, answers: answers)
        #expect(draft.document.prompt.output == OutputSpec(format: "json", fields: ["order_id", "total", "currency"]))
        #expect(draft.document.prompt.examples?.count == 1)
        #expect(draft.document.prompt.constraints == ["Answer with JSON only, no prose around it."])
        #expect(draft.document.commitMessage?.hasPrefix("Enhanced by the built-in analyzer") == true)
        #expect(Set(draft.changes.map(\.field)) == ["prompt.output", "prompt.examples"])
    }

    @Test("choosing one side of a contradiction removes the other")
    func contradiction() throws {
        let document = Self.document(goal: "Explain DNS caching for new support engineers in Markdown.", constraints: ["Be concise.", "Be exhaustive and cover every record type."])
        let analysis = PromptAnalyzer.analyze(document)
        let question = try #require(analysis.questions.first { $0.key == "resolve_length" })
        #expect(question.required && question.options == ["concise", "exhaustive"])
        let draft = DraftBuilder.build(document, analysis: analysis, answers: try EnhancementQuestion.validate(["resolve_length": .string("concise")], against: analysis.questions))
        #expect(draft.document.prompt.constraints == ["Be concise."])
    }

    @Test("answers are checked against the questions: required, typed, asked")
    func validation() {
        let questions = [
            EnhancementQuestion(key: "format", text: "Format?", type: .choice, options: ["a", "b"], required: true),
            EnhancementQuestion(key: "tags", text: "Tags?", type: .multiChoice, options: ["x", "y"], required: false),
            EnhancementQuestion(key: "strict", text: "Strict?", type: .boolean, required: false),
            EnhancementQuestion(key: "words", text: "Words?", type: .number, required: false),
            EnhancementQuestion(key: "who", text: "Who?", type: .text, required: true),
        ]
        do {
            _ = try EnhancementQuestion.validate(["format": .string("c"), "tags": .array([.string("z")]), "strict": .string("yes"),
                                                  "words": .string("ten"), "extra": .bool(true)], against: questions)
            Issue.record("bad answers were accepted")
        } catch {
            #expect(Set(error.failures.map(\.field)) == ["answers.format", "answers.tags", "answers.strict", "answers.words", "answers.who", "answers.extra"])
        }
        let ok = try? EnhancementQuestion.validate(["format": .string("b"), "tags": .array([.string("x")]), "who": .string("ops")], against: questions)
        #expect(ok?.count == 3)
    }
}

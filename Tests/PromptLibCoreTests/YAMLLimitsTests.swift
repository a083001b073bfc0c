import PromptLibCore
import Testing

@Suite("YAML limits")
struct YAMLLimitsTests {
    @Test("anchors and aliases are refused, naming the field")
    func anchors() {
        #expect {
            try PromptYAML.decode("schema: promptlib/v1\nname: anchored\ntitle: &t Anchored\nsummary: *t\nprompt:\n  goal: Hi\n")
        } throws: { error in
            guard let failure = error as? ValidationFailure else { return false }
            return failure.field == "title" && failure.message.contains("anchor")
        }
    }
}

import PromptLibCore

/// The enhancer's own prompt. It lives in the library as `system/enhance`, versioned like any
/// prompt: the first model enhancement an admin starts writes this text there, and from then on
/// the enhancer renders whatever that prompt's `production` version (else its latest) says.
enum EnhancerPrompts {
    static let name = "system/enhance"

    /// The first version written to the library.
    static let enhance = PromptDocument(
        name: name, title: "Prompt enhancer",
        summary: "What PromptLib's enhancer asks a model. Edit and release it like any prompt; the enhancer uses its production version, else its latest.",
        tags: ["system", "enhancer"],
        commitMessage: "The enhancer's built-in prompt",
        prompt: PromptBody(
            goal: "Improve the prompt document below for the stated goals, and answer with one JSON object.",
            audience: "PromptLib, which parses the answer as JSON; the prompt's author then reads the changes and answers the questions.",
            context: """
            The prompt document, as PromptLib YAML:
            {{prompt_yaml}}

            Goals: {{goals}}
            {{#target_provider}}The prompt will run on {{target_provider}}.{{/target_provider}}
            {{#answers_json}}The author answered the earlier questions: {{answers_json}}. Work these answers into the prompt and do not ask them again.{{/answers_json}}
            {{#previous_error}}Your previous answer could not be used: {{previous_error}}. Answer again, following the format exactly.{{/previous_error}}
            """,
            steps: [
                "Keep the prompt's name, its variables' names and its intent, and every variable reference (in double braces) that is still needed.",
                "Improve clarity, structure, output format and examples as the goals ask, without inventing facts about the author's domain.",
                "Where only the author knows something that is missing (the audience, the format, an example), ask a question rather than guess.",
                "List every change with the field it touches and the reason for it.",
            ],
            constraints: [
                "Answer with one JSON object only: no prose before or after it, no code fence.",
                "The object has document (the improved prompt document as JSON, in the same schema as the input), changes (a list of objects with field, change and reason), warnings (a list of strings) and questions (a list of objects with key, text, type, options, required and help, where type is text, choice, multi_choice, boolean or number).",
            ],
            output: OutputSpec(format: "json", fields: ["document", "changes", "warnings", "questions"])
        ),
        variables: [
            VariableDefinition(name: "prompt_yaml", type: .string, required: true, description: "the prompt being improved"),
            VariableDefinition(name: "goals", type: .string, required: true, description: "comma-separated goals"),
            VariableDefinition(name: "target_provider", type: .string, required: false),
            VariableDefinition(name: "answers_json", type: .string, required: false, description: "the author's answers, as JSON"),
            VariableDefinition(name: "previous_error", type: .string, required: false, description: "why the last answer was refused"),
        ],
        model: ModelSettings(temperature: 0.2, maxTokens: 4_000)
    )
}

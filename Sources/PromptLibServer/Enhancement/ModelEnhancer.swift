import Foundation
import PromptLibCore

/// The model engine: renders the library's `system/enhance` prompt for the connection's provider,
/// sends it, and checks the answer against the schema. An answer that is not a valid enhancement
/// is sent back once with the reason; a second one fails the job.
struct ModelEnhancer: Sendable {
    let prompts: PromptService
    let gateway: ProviderGateway

    /// Most questions a model may ask at once.
    static let maxQuestions = 20

    struct Refused: Error {
        let message: String
    }

    func enhance(base: PromptDocument, goals: [EnhancementGoal], targetProvider: String?, answers: [String: JSONValue],
                 endpoint: ProviderEndpoint) async throws -> EnhancementResult {
        let system = try await enhancerPrompt()
        let target = try endpoint.target(requested: nil)
        var baseForModel = base
        (baseForModel.version, baseForModel.labels, baseForModel.baseVersion) = (nil, nil, nil)
        var variables: [String: JSONValue] = [
            "prompt_yaml": .string(try PromptYAML.encode(baseForModel)),
            "goals": .string((goals.isEmpty ? EnhancementGoal.allCases : goals).map(\.rawValue).joined(separator: ", ")),
        ]
        if let targetProvider { variables["target_provider"] = .string(targetProvider) }
        if !answers.isEmpty { variables["answers_json"] = .string(String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)) }
        var lastProblem = ""
        for attempt in 1...2 {
            if attempt == 2 { variables["previous_error"] = .string(lastProblem) }
            let rendered: PromptRenderer.Result
            do {
                rendered = try PromptRenderer.render(system, PromptRenderer.Request(target: target, model: endpoint.defaultModel, variables: variables))
            } catch {
                throw Refused(message: "the enhancer prompt \(EnhancerPrompts.name) does not render: " + error.failures.map(\.description).joined(separator: "; "))
            }
            let reply = try await gateway.complete(ProviderCall(target: target, model: rendered.model, body: rendered.payload), endpoint: endpoint)
            do {
                var result = try Self.parse(reply.output, base: base)
                result.model = reply.model
                return result
            } catch {
                lastProblem = error.message
            }
        }
        throw Refused(message: "the model's answer was not a valid enhancement twice; the last problem: \(lastProblem)")
    }

    /// `system/enhance` as the library has it (production, else latest), includes resolved; the
    /// built-in text if it is not there.
    private func enhancerPrompt() async throws -> PromptDocument {
        guard let (_, version) = try? await prompts.resolve(name: EnhancerPrompts.name, version: nil, label: nil) else { return EnhancerPrompts.enhance }
        return try await IncludeResolver(prompts: prompts).resolve(version.document).0
    }

    /// The model's answer as an enhancement, or why it is not one.
    static func parse(_ output: String, base: PromptDocument) throws(Refused) -> EnhancementResult {
        var text = output.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("```") {
            text = String(text.drop { $0 != "\n" }.dropFirst())
            if text.hasSuffix("```") { text = String(text.dropLast(3)) }
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), case .object = value else {
            throw Refused(message: "the answer is not a JSON object")
        }
        guard let documentValue = value["document"], case .object = documentValue,
              let documentData = try? JSONEncoder().encode(documentValue) else {
            throw Refused(message: "the answer has no document object")
        }
        var document: PromptDocument
        do {
            document = try JSONDecoder().decode(PromptDocument.self, from: documentData)
        } catch let error as DecodingError {
            throw Refused(message: "document is not a prompt document: \(DecodingErrorTranslation.apiError(for: error).message)")
        } catch {
            throw Refused(message: "document is not a prompt document")
        }
        var warnings = (value["warnings"]?.arrayValue ?? []).compactMap(\.stringValue).map { String($0.prefix(1_000)) }
        if document.name != base.name {
            warnings.append("The model renamed the prompt to '\(document.name.prefix(100))'; the name was kept.")
            document.name = base.name
        }
        (document.version, document.labels, document.baseVersion, document.owner) = (nil, nil, nil, base.owner)
        do {
            document = try PromptValidator.validate(document)
        } catch {
            throw Refused(message: "document breaks the prompt schema: " + error.failures.prefix(5).map(\.description).joined(separator: "; "))
        }
        let changes: [EnhancementChange]
        let questions: [EnhancementQuestion]
        do {
            changes = try decode([EnhancementChange].self, value["changes"]) ?? []
            questions = try decode([EnhancementQuestion].self, value["questions"]) ?? []
        } catch {
            throw Refused(message: "changes or questions do not have the documented fields")
        }
        guard questions.count <= maxQuestions else { throw Refused(message: "more than \(maxQuestions) questions") }
        var keys: Set<String> = []
        for question in questions {
            guard (1...64).contains(question.key.count), question.key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
                  keys.insert(question.key).inserted else {
                throw Refused(message: "question keys must be unique words of letters, digits and underscores")
            }
            if [.choice, .multiChoice].contains(question.type), (question.options ?? []).count < 2 {
                throw Refused(message: "the \(question.type.rawValue) question '\(question.key)' needs at least two options")
            }
        }
        return EnhancementResult(task: nil, findings: [], questions: questions, draft: document, changes: Array(changes.prefix(100)),
                                 warnings: Array(warnings.prefix(50)), model: nil)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ value: JSONValue?) throws -> T? {
        guard let value, value != .null else { return nil }
        return try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }
}

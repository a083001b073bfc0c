import Foundation
@testable import PromptLibCore
import Testing

/// The built-in analyzer on a corpus of real-world prompts (analyzer-corpus.yaml): the task it
/// reads and exactly the findings it reports.
@Suite("Analyzer corpus")
struct AnalyzerCorpusTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let task: String
        let findings: Set<String>
        let document: PromptDocument
        var description: String { name }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("analyzer-corpus.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8), case .array(let entries)? = try? PromptYAML.decodeValue(text) else { return [] }
        return entries.compactMap { entry in
            guard let name = entry["case"]?.stringValue, let task = entry["task"]?.stringValue, let prompt = entry["prompt"],
                  let data = try? JSONEncoder().encode(prompt), let document = try? JSONDecoder().decode(PromptDocument.self, from: data) else { return nil }
            return Case(name: name, task: task, findings: Set((entry["findings"]?.arrayValue ?? []).compactMap(\.stringValue)), document: document)
        }
    }()

    @Test("the corpus holds at least 30 prompts, every one readable")
    func size() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("analyzer-corpus.yaml")
        let entries = try PromptYAML.decodeValue(try String(contentsOf: url, encoding: .utf8)).arrayValue ?? []
        #expect(Self.cases.count == entries.count, "an entry could not be read")
        #expect(Self.cases.count >= 30)
    }

    @Test("each prompt gets its task and exactly its findings", arguments: cases)
    func analyze(_ corpusCase: Case) {
        let analysis = PromptAnalyzer.analyze(corpusCase.document)
        #expect(analysis.task.rawValue == corpusCase.task)
        #expect(Set(analysis.findings.map(\.code)) == corpusCase.findings, "\(analysis.findings.map { "\($0.code): \($0.message)" })")
    }

    @Test("every draft of the corpus is a valid prompt document, with or without answers", arguments: cases)
    func drafts(_ corpusCase: Case) throws {
        let analysis = PromptAnalyzer.analyze(corpusCase.document)
        let unanswered = DraftBuilder.build(corpusCase.document, analysis: analysis, answers: [:])
        var answers: [String: JSONValue] = [:]
        for question in analysis.questions {
            switch question.type {
            case .choice: answers[question.key] = .string(question.options![0])
            case .text: answers[question.key] = .string("Answer to \(question.key)")
            default: break
            }
        }
        let answered = DraftBuilder.build(corpusCase.document, analysis: analysis, answers: try EnhancementQuestion.validate(answers, against: analysis.questions))
        for draft in [unanswered, answered] {
            #expect(!draft.document.prompt.templates.isEmpty)
            // Only the findings a draft cannot settle by itself may remain.
            let left = Set(PromptAnalyzer.analyze(draft.document).findings.map(\.code))
            #expect(left.isDisjoint(with: ["placeholder_not_variable", "undeclared_variable", "long_step", "long_goal"]), "\(left)")
        }
        let after = Set(PromptAnalyzer.analyze(answered.document).findings.map(\.code))
        #expect(after.isDisjoint(with: ["missing_output_format", "contradictory_constraints", "missing_audience"]) || corpusCase.document.prompt.messages != nil,
                "answers left \(after)")
    }
}

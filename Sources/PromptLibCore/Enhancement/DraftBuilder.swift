import Foundation

/// The built-in analyzer's draft: the prompt restructured by its findings, with the author's
/// answers worked in. Every change is listed with its reason.
public enum DraftBuilder {
    /// A draft and how it came about.
    public struct Draft: Sendable, Equatable {
        public var document: PromptDocument
        public var changes: [EnhancementChange]
        public var warnings: [String]
    }

    /// Builds the draft of `document` from `analysis` and `answers` (already checked against the
    /// analysis's questions).
    public static func build(_ document: PromptDocument, analysis: PromptAnalyzer.Analysis, answers: [String: JSONValue]) -> Draft {
        var draft = document
        draft.version = nil
        draft.labels = nil
        draft.baseVersion = nil
        var body = draft.prompt
        var changes: [EnhancementChange] = []
        var warnings: [String] = []
        let codes = Set(analysis.findings.map(\.code))
        let text = { (key: String) in answers[key]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty }

        if codes.contains("long_goal"), let goal = body.goal {
            let sentences = PromptSentences.split(goal)
            let rules = sentences.dropFirst().filter(PromptSentences.isRule)
            let steps = sentences.dropFirst().filter { !PromptSentences.isRule($0) }
            body.goal = sentences[0]
            if !steps.isEmpty { body.steps = steps + (body.steps ?? []) }
            if !rules.isEmpty { body.constraints = (body.constraints ?? []) + rules }
            changes.append(EnhancementChange(field: "prompt.goal", change: "kept the first sentence as the goal; moved \(steps.count) step(s) to steps and \(rules.count) rule(s) to constraints",
                                             reason: "A goal that also lists steps and rules is hard for a model to weigh; each field has its own place in the template."))
        }
        if let steps = body.steps, codes.contains("long_step") {
            var split: [String] = []
            for step in steps {
                let sentences = PromptSentences.split(step)
                split += sentences.count > 1 ? sentences : [step]
            }
            if split.count != steps.count {
                body.steps = split
                changes.append(EnhancementChange(field: "prompt.steps", change: "split \(steps.count) steps into \(split.count), one action each",
                                                 reason: "Steps that do one thing each are followed in order and not skipped."))
            }
        }
        if let detail = text("goal_detail"), let goal = body.goal {
            body.goal = goal.hasSuffix(".") || goal.hasSuffix("?") || goal.hasSuffix("!") ? "\(goal) \(detail)" : "\(goal). \(detail)"
            changes.append(EnhancementChange(field: "prompt.goal", change: "added what a good answer contains", reason: "The goal was vague; your answer makes it precise."))
        }
        if let audience = text("audience") {
            body.audience = audience
            changes.append(EnhancementChange(field: "prompt.audience", change: "set the audience to \"\(audience)\"", reason: "Naming the reader sets tone, vocabulary and depth."))
        }
        if let choice = text("output_format").flatMap(OutputChoice.init(rawValue:)) {
            let fields = text("output_fields")?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            body.output = OutputSpec(format: choice.format, fields: fields?.isEmpty == false ? fields : nil)
            if let rule = choice.constraint, !(body.constraints ?? []).contains(rule) { body.constraints = (body.constraints ?? []) + [rule] }
            changes.append(EnhancementChange(field: "prompt.output", change: "asked for \(choice.rawValue)" + (fields.map { " with the fields \($0.joined(separator: ", "))" } ?? ""),
                                             reason: "A stated format makes the answer usable by whoever reads or parses it."))
        } else if codes.contains("missing_output_format") {
            warnings.append("The output format is still not stated: answer output_format to add it.")
        }
        if let input = text("example_input"), let output = text("example_output") {
            body.examples = (body.examples ?? []) + [PromptExample(input: input, output: output)]
            changes.append(EnhancementChange(field: "prompt.examples", change: "added a worked example", reason: "An example shows the expected answer better than a description of it."))
        } else if text("example_input") != nil || text("example_output") != nil {
            warnings.append("An example needs both an input and an output; the one given was not added.")
        }
        for question in analysis.questions where question.key.hasPrefix("resolve_") {
            guard let keep = text(question.key), let drop = question.options?.first(where: { $0 != keep }) else { continue }
            let before = body.constraints ?? []
            body.constraints = before.filter { !TaskType.mentions($0.lowercased(), drop) }
            let removedSteps = (body.steps ?? []).filter { TaskType.mentions($0.lowercased(), drop) }
            body.steps = body.steps?.filter { !TaskType.mentions($0.lowercased(), drop) }
            if before.count != (body.constraints ?? []).count || !removedSteps.isEmpty {
                changes.append(EnhancementChange(field: "prompt.constraints", change: "removed the instruction '\(drop)'", reason: "It contradicted '\(keep)', which you chose to keep."))
            } else {
                warnings.append("'\(drop)' is in the goal: edit the goal by hand to drop it.")
            }
        }
        if body.constraints?.isEmpty == true { body.constraints = nil }
        if body.steps?.isEmpty == true { body.steps = nil }
        draft.prompt = body
        if codes.contains("placeholder_not_variable") || codes.contains("undeclared_variable") {
            declarePlaceholders(in: &draft, changes: &changes)
        }
        for finding in analysis.findings where finding.code == "unused_variable" {
            warnings.append(finding.message + " Remove it or use it.")
        }
        draft.commitMessage = changes.isEmpty ? "No changes from the built-in analyzer" : "Enhanced by the built-in analyzer: " + Set(changes.map(\.field)).sorted().joined(separator: ", ")
        return Draft(document: draft, changes: changes, warnings: warnings)
    }

    /// `{topic}`-style placeholders become `{{topic}}`, and every variable a template uses is declared.
    static func declarePlaceholders(in draft: inout PromptDocument, changes: inout [EnhancementChange]) {
        var seen: Set<String> = []
        var body = draft.prompt
        var pairs: [(literal: String, variable: String)] = []
        for placeholder in body.templates.flatMap({ Placeholders.find(in: $0.text) }) where pairs.count < Placeholders.maxPerText {
            guard seen.insert(placeholder.literal).inserted else { continue }
            pairs.append((placeholder.literal, "{{\(placeholder.name)}}"))
        }
        if !pairs.isEmpty {
            let swap = { (text: String) in pairs.reduce(text) { $0.replacingOccurrences(of: $1.literal, with: $1.variable) } }
            body.goal = body.goal.map(swap)
            body.audience = body.audience.map(swap)
            body.context = body.context.map(swap)
            body.steps = body.steps?.map(swap)
            body.constraints = body.constraints?.map(swap)
            body.examples = body.examples?.map { PromptExample(input: swap($0.input), output: swap($0.output)) }
            body.messages = body.messages?.map { ChatMessage(role: $0.role, content: swap($0.content)) }
            draft.prompt = body
            changes.append(EnhancementChange(field: "prompt", change: "turned \(pairs.map(\.literal).joined(separator: ", ")) into variables",
                                             reason: "Hand-written placeholders reach the model as written; variables are filled in at render time."))
        }
        var variables = draft.variables ?? []
        let declared = Set(variables.map(\.name))
        let collections = Set(variables.filter { $0.type == .list || $0.type == .json }.map(\.name))
        var added: [String] = []
        for (_, text) in draft.prompt.templates {
            guard case .success(let references) = TemplateScanner.references(in: text, collections: collections) else { continue }
            for reference in references where !reference.insideCollection && !declared.contains(reference.name) && !added.contains(reference.name) {
                added.append(reference.name)
                variables.append(VariableDefinition(name: reference.name, type: .string, required: true,
                                                    description: "Declared by the analyzer: the template uses it"))
            }
        }
        if !added.isEmpty {
            draft.variables = variables
            changes.append(EnhancementChange(field: "variables", change: "declared \(added.joined(separator: ", ")) as required text",
                                             reason: "Every variable a template uses must be declared, so that renders check it."))
        }
    }
}

fileprivate extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

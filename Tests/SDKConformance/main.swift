import Foundation
import PromptLibCore

// Writes the SDK conformance corpus: every corpus prompt rendered for every provider, one JSON line
// per body, and the model catalogue. `scripts/sdk/conformance.py` then validates each against the
// providers' official SDK request types.
//
// Usage: promptlib-sdk-corpus CORPUS.jsonl CATALOGUE.json [PARAMETERS.json]
// PARAMETERS.json: the provider parameters PromptLib passes through, per target, to check against
// the SDKs' request types.

let arguments = CommandLine.arguments
guard arguments.count == 3 || arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: promptlib-sdk-corpus CORPUS.jsonl CATALOGUE.json [PARAMETERS.json]\n".utf8))
    exit(2)
}
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
var lines: [String] = []
var failures = 0
for corpusCase in try CorpusDocuments.all() {
    for target in RenderTarget.allCases {
        for (model, params) in corpusCase.variants[target] ?? [(nil, [:])] {
            let request = PromptRenderer.Request(target: target, model: model, variables: corpusCase.values, params: params)
            do {
                let result = try PromptRenderer.render(corpusCase.document, request)
                let line: JSONValue = .object(["case": .string("\(corpusCase.name)/\(model ?? "default")"), "target": .string(target.rawValue),
                                               "model": .string(result.model), "body": result.payload])
                lines.append(String(decoding: try encoder.encode(line), as: UTF8.self))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("FAIL \(corpusCase.name) for \(target.rawValue): \(error)\n".utf8))
            }
        }
    }
}
try (lines.joined(separator: "\n") + "\n").write(toFile: arguments[1], atomically: true, encoding: .utf8)
let catalogue = JSONEncoder()
catalogue.outputFormatting = [.prettyPrinted, .sortedKeys]
try catalogue.encode(ModelCatalogue.all).write(to: URL(fileURLWithPath: arguments[2]))
if arguments.count == 4 {
    let lists = Dictionary(RenderTarget.allCases.compactMap { target in ProviderParameters.accepted(by: target).map { (target.rawValue, $0.sorted()) } },
                           uniquingKeysWith: { first, _ in first })
    try catalogue.encode(lists).write(to: URL(fileURLWithPath: arguments[3]))
}
print("\(lines.count) bodies, \(ModelCatalogue.all.count) catalogue models written; \(failures) renders failed")
exit(failures == 0 ? 0 : 1)

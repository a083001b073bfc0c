import Foundation
import PromptLibCore

/// How documents are written to and read from the `document` column.
enum DocumentCodec {
    static func encode(_ document: PromptDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> PromptDocument {
        try JSONDecoder().decode(PromptDocument.self, from: Data(text.utf8))
    }

    static func encodeTags(_ tags: [String]?) throws -> String {
        String(decoding: try JSONEncoder().encode(tags ?? []), as: UTF8.self)
    }
}

import Foundation
import PromptLibCore

/// How documents are written to and read from the `document` column.
enum DocumentCodec {
    /// Documents decoded lately, by their exact text: a version's document is read on every
    /// uncached fetch, and equal text decodes to an equal document, so the same text is decoded
    /// once (decoding is most of an uncached fetch's work). Bounded by bytes; the decoded value is
    /// counted at twice its text.
    private static let decoded = ByteBoundedMemo<String, PromptDocument>(capacityBytes: 32 << 20, largestItem: 256 << 10)

    static func encode(_ document: PromptDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> PromptDocument {
        if let document = decoded.value(for: text) { return document }
        let document = try JSONDecoder().decode(PromptDocument.self, from: Data(text.utf8))
        decoded.store(document, bytes: text.utf8.count * 3, for: text)
        return document
    }

    static func encodeTags(_ tags: [String]?) throws -> String {
        String(decoding: try JSONEncoder().encode(tags ?? []), as: UTF8.self)
    }
}

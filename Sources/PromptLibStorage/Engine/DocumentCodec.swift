import Foundation
import PromptLibCore

/// How documents are written to and read from the `document` column.
enum DocumentCodec {
    /// Documents decoded lately, by their exact bytes: a version's document is read on every
    /// uncached fetch, and equal bytes decode to an equal document, so the same text is decoded
    /// once (decoding is most of an uncached fetch's work). Bounded by bytes: each item counts
    /// its text (the key) and twice that again for the decoded value.
    private static let decoded = ByteBoundedMemo<ExactText, PromptDocument>(capacityBytes: 32 << 20, largestItem: 256 << 10)

    /// Text compared and hashed by its UTF-8 bytes. `String` equality is canonical equivalence,
    /// under which a document in decomposed form would be answered with an earlier composed one.
    struct ExactText: Hashable, Sendable {
        let text: String
        static func == (lhs: Self, rhs: Self) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }
        func hash(into hasher: inout Hasher) {
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil { for byte in text.utf8 { hasher.combine(byte) } }
        }
    }

    static func encode(_ document: PromptDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> PromptDocument {
        let key = ExactText(text: text)
        if let document = decoded.value(for: key) { return document }
        let document = try JSONDecoder().decode(PromptDocument.self, from: Data(text.utf8))
        decoded.store(document, bytes: text.utf8.count * 3, for: key)
        return document
    }

    static func encodeTags(_ tags: [String]?) throws -> String {
        String(decoding: try JSONEncoder().encode(tags ?? []), as: UTF8.self)
    }

    /// One tag as it appears inside ``encodeTags(_:)``'s text (quoted, `/` as `\/`), for matching
    /// the stored list with `LIKE`.
    static func encodedTag(_ tag: String) -> String {
        String((try? encodeTags([tag]))?.dropFirst().dropLast() ?? Substring("\"\(tag)\""))
    }
}

import Foundation
import PromptLibCore
import NIOCore
import PromptLibStorage

/// The JSON bodies of fetched prompts and versions, so that an application fetching
/// `name@production` again is answered without encoding the whole document again (the largest
/// cost of a cached fetch).
///
/// A body is keyed by everything it shows — the version (immutable: a prompt id and a number name
/// one document forever), its author and times, the labels at it and the prompt's archived state —
/// so a change makes a different key, and a stale body cannot be served: it can only be unused.
/// Bounded by bytes (``ByteBoundedMemo``).
final class EncodedBodyCache: Sendable {
    /// What a body shows besides the immutable document.
    struct Key: Hashable, Sendable {
        /// Which response: a prompt (`GET /prompts/{id}`) or a version (by name, or by number).
        enum Shape: Hashable, Sendable { case prompt, version }
        let shape: Shape
        let promptID: String
        let number: Int
        let author: String
        let createdAt: Date
        let updatedAt: Date?
        let labels: [String]
        let archivedAt: Date?
    }

    private let bodies = ByteBoundedMemo<Key, ByteBuffer>(capacityBytes: 32 << 20, largestItem: 256 << 10)

    /// The body for `key`, encoded by `encode` when not held.
    func body(for key: Key, encode: () throws -> ByteBuffer) rethrows -> ByteBuffer {
        if let body = bodies.value(for: key) { return body }
        let body = try encode()
        bodies.store(body, bytes: body.readableBytes, for: key)
        return body
    }
}

extension EncodedBodyCache.Key {
    /// The key of `GET /prompts/{id}`'s body: the latest version, its labels and the prompt's times.
    static func prompt(_ record: PromptRecord, labels: [String]) -> Self {
        Self(shape: .prompt, promptID: record.id, number: record.document.version ?? 0, author: record.author, createdAt: record.createdAt,
             updatedAt: record.updatedAt, labels: labels, archivedAt: record.archivedAt)
    }

    /// The key of a version's body (by name and label, or by number).
    static func version(_ record: PromptVersionRecord, labels: [String], archivedAt: Date?) -> Self {
        Self(shape: .version, promptID: record.promptID, number: record.document.version ?? 0, author: record.author, createdAt: record.createdAt,
             updatedAt: nil, labels: labels, archivedAt: archivedAt)
    }
}

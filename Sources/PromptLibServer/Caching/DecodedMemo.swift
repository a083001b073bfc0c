import Foundation
import Synchronization

/// The last JSON this replica decoded for each cache key, with what it decoded to: a hot prompt
/// comes back from Redis as the same bytes request after request, and equal bytes decode to an
/// equal value, so only new bytes are decoded. Exact by construction — the bytes are compared in
/// full — and bounded: full, it starts again.
final class DecodedMemo<Value: Decodable & Sendable>: Sendable {
    private struct Entry: Sendable {
        let json: Data
        let value: Value
    }

    private let entries = Mutex<[PromptCacheKey: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 1_000) {
        self.capacity = capacity
    }

    /// `json` decoded, from the memo when the same bytes were decoded for `key` last time; nil when
    /// it does not decode.
    func decode(_ json: Data, for key: PromptCacheKey) -> Value? {
        if let entry = entries.withLock({ $0[key] }), entry.json == json { return entry.value }
        guard let value = try? JSONDecoder().decode(Value.self, from: json) else { return nil }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(json: json, value: value)
        }
        return value
    }
}

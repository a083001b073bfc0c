import Foundation
import Synchronization

/// The last JSON this replica decoded for each cache key, with what it decoded to: a hot prompt
/// comes back from Redis as the same bytes request after request, and equal bytes decode to an
/// equal value, so only new bytes are decoded. Exact by construction — the bytes are compared in
/// full — and bounded by bytes: full, it starts again; a large document is decoded each time
/// rather than held twice.
final class DecodedMemo<Value: Decodable & Sendable>: Sendable {
    private struct Entry: Sendable {
        let json: Data
        let value: Value
    }

    private struct State: Sendable {
        var entries: [PromptCacheKey: Entry] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    private let capacityBytes: Int
    private let largestJSON: Int

    init(capacityBytes: Int = 16 << 20, largestJSON: Int = 256 << 10) {
        self.capacityBytes = capacityBytes
        self.largestJSON = largestJSON
    }

    /// `json` decoded, from the memo when the same bytes were decoded for `key` last time; nil when
    /// it does not decode.
    func decode(_ json: Data, for key: PromptCacheKey) -> Value? {
        if let entry = state.withLock({ $0.entries[key] }), entry.json == json { return entry.value }
        guard let value = try? JSONDecoder().decode(Value.self, from: json) else { return nil }
        guard json.count <= largestJSON else { return value }
        state.withLock { state in
            if state.bytes + json.count > capacityBytes { state = State() }
            state.bytes += json.count - (state.entries.updateValue(Entry(json: json, value: value), forKey: key)?.json.count ?? 0)
        }
        return value
    }
}

import Foundation
import PromptLibCore

/// The last JSON this replica decoded for each cache key, with what it decoded to: a hot prompt
/// comes back from Redis as the same bytes request after request, and equal bytes decode to an
/// equal value, so only new bytes are decoded. Exact by construction — the bytes are compared in
/// full — and bounded by bytes (``ByteBoundedMemo``); a large document is decoded each time rather
/// than held twice.
final class DecodedMemo<Value: Decodable & Sendable>: Sendable {
    private let memo = ByteBoundedMemo<PromptCacheKey, (json: Data, value: Value)>(capacityBytes: 16 << 20, largestItem: 256 << 10)

    /// `json` decoded, from the memo when the same bytes were decoded for `key` last time; nil when
    /// it does not decode.
    func decode(_ json: Data, for key: PromptCacheKey) -> Value? {
        if let held = memo.value(for: key), held.json == json { return held.value }
        guard let value = try? JSONDecoder().decode(Value.self, from: json) else { return nil }
        memo.store((json, value), bytes: json.count, for: key)
        return value
    }
}

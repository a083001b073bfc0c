import Synchronization

/// A memo bounded by the bytes of what it holds: full, it starts again (the hot set refills at
/// once, and no recency needs tracking); an item over `largestItem` bytes is not kept, so a few
/// large ones cannot crowd out the many small ones.
public final class ByteBoundedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State: Sendable {
        var items: [Key: (value: Value, bytes: Int)] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    private let capacityBytes: Int
    private let largestItem: Int

    /// A memo holding at most `capacityBytes`, none of its items over `largestItem` bytes.
    public init(capacityBytes: Int, largestItem: Int) {
        self.capacityBytes = capacityBytes
        self.largestItem = largestItem
    }

    /// What is held for `key`.
    public func value(for key: Key) -> Value? {
        state.withLock { $0.items[key]?.value }
    }

    /// Keeps `value`, which takes `bytes`, for `key`.
    public func store(_ value: Value, bytes: Int, for key: Key) {
        guard bytes <= largestItem else { return }
        state.withLock { state in
            if state.bytes + bytes > capacityBytes { state = State() }
            state.bytes += bytes - (state.items.updateValue((value, bytes), forKey: key)?.bytes ?? 0)
        }
    }
}

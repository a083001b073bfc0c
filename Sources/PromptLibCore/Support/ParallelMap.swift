import Dispatch

/// `map` over all cores, for pure per-item work such as encoding or parsing thousands of
/// documents. Results keep the order of the input.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) throws -> [R] {
        guard items.count > 1 else { return try items.map(transform) }
        let slots = Slots<R>(count: items.count)
        let chunks = min(items.count, 64)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk
            while index < items.count {
                slots.set(index, Result { try transform(items[index]) })
                index += chunks
            }
        }
        return try slots.values()
    }

    /// One slot per item, each written by exactly one worker before any is read.
    private final class Slots<R: Sendable>: @unchecked Sendable {
        private var results: [Result<R, any Error>?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ result: Result<R, any Error>) {
            results.withUnsafeMutableBufferPointer { $0[index] = result }
        }
        func values() throws -> [R] { try results.map { try $0!.get() } }
    }
}

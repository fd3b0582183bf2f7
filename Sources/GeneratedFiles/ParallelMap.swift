import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core, results in order; the first error (by index) is rethrown. For pure
    /// work only: rendering and formatting files, which are independent of each other.
    package func parallelMap<Mapped: Sendable>(_ transform: @Sendable (Element) throws -> Mapped) throws -> [Mapped] {
        let results = Mutex([Result<Mapped, any Error>?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = Result { try transform(self[index]) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { $0 }.map { slot in
            guard let slot else { preconditionFailure("concurrentPerform ran every iteration") }
            return try slot.get()
        }
    }
}

import Dispatch
import Foundation
import Glibc

extension Array where Element: Sendable {
    /// `transform` applied to every element on all cores; results keep the input order.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 64 { return map(transform) }
        let results = ResultSlots<T>(count: count)
        let chunkSize = Swift.max(16, count / (ProcessInfoCores.count * 8))
        let chunks = (count + chunkSize - 1) / chunkSize
        self.withUnsafeBufferPointer { input in
            let input = UnsafeSendable(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, input.value.count)
                for index in start..<end { results.set(index, transform(input.value[index])) }
            }
        }
        return results.collect()
    }
}

extension Array where Element: Sendable {
    /// `transform` applied to each of a few large pieces of work (each element its own task,
    /// however few), on all cores; results keep the input order.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { input in
            let input = UnsafeSendable(input)
            DispatchQueue.concurrentPerform(iterations: input.value.count) { index in
                results.set(index, transform(input.value[index]))
            }
        }
        return results.collect()
    }
}

/// Slots written by exactly one worker each, read after all workers finish.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ index: Int, _ value: T) { slots[index] = value }
    func collect() -> [T] { (0..<count).map { slots[$0]! } }
}

private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

package enum ProcessInfoCores {
    package static let count: Int = Swift.max(1, sysconfCores())
}

#if canImport(Glibc)
private func sysconfCores() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#else
private func sysconfCores() -> Int { ProcessInfo.processInfo.activeProcessorCount }
#endif

import Dispatch
import Foundation
import Glibc

extension Array where Element: Sendable {
    /// `transform` applied to every element on all cores; results keep the input order.
    ///
    /// The elements are taken in small batches from one shared counter (`concurrentPerform`
    /// hands each free worker the next batch), so a run of costly elements (the meetings after
    /// all the cases) is shared out instead of landing in one worker's chunk. With
    /// `MFILE_TIMING=1` each worker's CPU time is printed, to show how evenly the work spread.
    /// Fewer than `serialBelow` elements are transformed in turn on the calling thread.
    package func parallelMap<T: Sendable>(serialBelow: Int = 64, _ transform: @Sendable (Element) -> T) -> [T] {
        if count < Swift.max(serialBelow, 2) { return map(transform) }
        let results = ResultSlots<T>(count: count)
        let chunkSize = Swift.min(Self.batchSize, Swift.max(1, count / (ProcessInfoCores.count * 64)))
        let chunks = (count + chunkSize - 1) / chunkSize
        let workers = PhaseTimer.enabled ? WorkerTimes() : nil
        self.withUnsafeBufferPointer { input in
            let input = UnsafeSendable(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let started = workers.map { _ in WorkerTimes.threadCPU() }
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, input.value.count)
                for index in start..<end { results.set(index, transform(input.value[index])) }
                if let workers, let started { workers.add(WorkerTimes.threadCPU() - started) }
            }
        }
        workers?.report()
        return results.collect()
    }

    /// The most elements a worker takes at once: small enough that the last batches finish
    /// together, large enough that taking one costs nothing next to its work.
    private static var batchSize: Int { 16 }
}

/// `first` and `second` run at the same time, one on each of two cores.
package func inParallel<A: Sendable, B: Sendable>(
    _ first: @Sendable () -> A, _ second: @Sendable () -> B
) -> (A, B) {
    let results = ResultSlots<(A?, B?)>(count: 2)
    let workers = PhaseTimer.enabled ? WorkerTimes() : nil
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        let started = workers.map { _ in WorkerTimes.threadCPU() }
        results.set(index, index == 0 ? (first(), nil) : (nil, second()))
        if let workers, let started { workers.add(WorkerTimes.threadCPU() - started) }
    }
    workers?.report()
    let slots = results.collect()
    return (slots[0].0!, slots[1].1!)
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

/// The CPU time each worker thread spent on a `parallelMap` (for `MFILE_TIMING=1`): on a busy
/// machine the wall time says little, but equal worker times still show the work was shared.
private final class WorkerTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var nanoseconds: [UInt: Int] = [:]

    static func threadCPU() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return now.tv_sec * 1_000_000_000 + now.tv_nsec
    }

    func add(_ spent: Int) {
        let thread = UInt(bitPattern: Int(pthread_self()))
        lock.lock()
        nanoseconds[thread, default: 0] += spent
        lock.unlock()
    }

    func report() {
        let shown = nanoseconds.values.sorted(by: >).map { String(format: "%.1f ms", Double($0) / 1e6) }
        FileHandle.standardError.write(Data("timing: CPU of each worker \(shown.joined(separator: ", "))\n".utf8))
    }
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

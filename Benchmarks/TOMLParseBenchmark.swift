// Parse speed of the TOML decoder on record-sized files held in memory.
//
// Built by Benchmarks/toml-benchmark.sh with `swiftc -O` over the library's Base/ and TOML/
// sources. usage: toml-bench ROUNDS FILE...
// Reads every file into memory, then decodes each file separately, ROUNDS times, and prints
// `bytes best_seconds` for the plain decoder and for the editor's decoder (which also records
// the statements), one line each: `decoder BYTES SECONDS` / `editor BYTES SECONDS`.
import Foundation

@main
struct TOMLParseBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let rounds = arguments.first.flatMap(Int.init) else {
            FileHandle.standardError.write(Data("usage: toml-bench ROUNDS FILE...\n".utf8))
            exit(2)
        }
        let files = try arguments.dropFirst().map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
        let total = files.reduce(0) { $0 + $1.count }
        report("decoder", total, best(rounds) {
            var keys = 0
            for file in files { keys &+= try TOMLDecoder.decode(bytes: file).count }
            return keys
        })
        report("editor", total, best(rounds) {
            var keys = 0
            for file in files { keys &+= try TOMLEditor(bytes: file).table.count }
            return keys
        })
    }

    /// The fastest of `rounds` timed runs, in seconds.
    static func best(_ rounds: Int, _ work: () throws -> Int) -> Double {
        var fastest = Double.infinity
        var sink = 0
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            do { sink &+= try work() } catch { fatalError("a benchmark file does not decode: \(error)") }
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        if sink == -1 { print(sink) }
        return fastest
    }

    static func report(_ name: String, _ bytes: Int, _ seconds: Double) {
        print("\(name) \(bytes) \(seconds)")
    }
}

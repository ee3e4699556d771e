import Foundation

/// With `MFILE_TIMING=1` in the environment, lint, the index and the commands that work from it
/// print how long each phase took, and the memory resident at its end, to standard error
/// (phase names, milliseconds and MiB only).
package struct PhaseTimer {
    package static let enabled = ProcessInfo.processInfo.environment["MFILE_TIMING"] == "1"
    private var last = DispatchTime.now().uptimeNanoseconds

    package init() {}

    /// The process's resident memory now, from `/proc/self/statm` (0 where there is none).
    static func residentMiB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1 << 20)
    }

    package mutating func lap(_ phase: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data(String(
            format: "timing: %@ %.1f ms (resident %d MiB)\n", phase, Double(now - last) / 1e6, Self.residentMiB()).utf8))
        last = now
    }
}

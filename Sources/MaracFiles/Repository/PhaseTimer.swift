import Foundation

/// With `MFILE_TIMING=1` in the environment, lint and the index commands print how long each phase took
/// to standard error (phase names and milliseconds only).
package struct PhaseTimer {
    package static let enabled = ProcessInfo.processInfo.environment["MFILE_TIMING"] == "1"
    private var last = DispatchTime.now().uptimeNanoseconds

    package init() {}

    package mutating func lap(_ phase: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data(String(format: "timing: %@ %.1f ms\n", phase, Double(now - last) / 1e6).utf8))
        last = now
    }
}

import Foundation
import XCTest

/// The `toml-decode` executable, driven the way the public toml-test runner drives a decoder.
final class TOMLDecodeExecutableTests: XCTestCase {
    func testWritesTaggedJSONAndExitsZero() throws {
        let result = try runProduct("toml-decode", [], stdin: "n = 1\n[t]\nwhen = 2026-11-19T17:45:00.5Z\n")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(
            result.stdout,
            #"{"n":{"type":"integer","value":"1"},"t":{"when":{"type":"datetime","value":"2026-11-19T17:45:00.500Z"}}}"# + "\n")
    }

    func testInvalidTOMLExitsOneWithLineColumnError() throws {
        let result = try runProduct("toml-decode", [], stdin: "a = 1\nb = \n")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "2:5: error: expected a value after '='\n")
    }

    /// Every toml-test 1.0.0 file through the built binary: valid ones must exit 0 with the
    /// expected tagged JSON, invalid ones must exit 1 with a `line:col: error:` message.
    func testWholeSuiteThroughBinary() throws {
        let suite = try TOMLTestSuite.listing()
        let output = try makeTemporaryDirectory("toml-decode")
        defer { try? FileManager.default.removeItem(at: output) }
        var failures: [String] = []
        for file in suite.valid {
            let run = try decode(suite.root.appendingPathComponent(file), output: output)
            guard run.status == 0 else {
                failures.append("\(file): exit \(run.status): \(String(decoding: run.stderr, as: UTF8.self))")
                continue
            }
            let expected = try TOMLTestSuite.expectedJSON(for: file, in: suite.root)
            guard let actual = try? JSONSerialization.jsonObject(with: run.stdout, options: [.fragmentsAllowed]) else {
                failures.append("\(file): output is not JSON")
                continue
            }
            if let difference = TaggedJSONComparison.difference(expected: expected, actual: actual) {
                failures.append("\(file): \(difference)")
            }
        }
        let errorLine = try NSRegularExpression(pattern: #"^[0-9]+:[0-9]+: error: \S"#)
        for file in suite.invalid {
            let run = try decode(suite.root.appendingPathComponent(file), output: output)
            let stderr = String(decoding: run.stderr, as: UTF8.self)
            let range = NSRange(stderr.startIndex..., in: stderr)
            if run.status != 1 || !run.stdout.isEmpty || errorLine.firstMatch(in: stderr, range: range) == nil {
                failures.append("\(file): exit \(run.status), stderr \(stderr.debugDescription)")
            }
        }
        XCTAssertTrue(failures.isEmpty, "toml-decode failures:\n" + failures.joined(separator: "\n"))
    }

    /// Runs `toml-decode` with a file as standard input (bytes as they are, invalid UTF-8 included).
    private func decode(_ input: URL, output: URL) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let stdoutURL = output.appendingPathComponent("stdout"), stderrURL = output.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdin = try FileHandle(forReadingFrom: input)
        let stdout = try FileHandle(forWritingTo: stdoutURL), stderr = try FileHandle(forWritingTo: stderrURL)
        defer { for handle in [stdin, stdout, stderr] { try? handle.close() } }
        let process = Process()
        process.executableURL = TestPaths.productsDirectory.appendingPathComponent("toml-decode")
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // Waiting on a semaphore: `waitUntilExit` polls the run loop and adds ~50 ms per run.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        exited.wait()
        return (process.terminationStatus, try Data(contentsOf: stdoutURL), try Data(contentsOf: stderrURL))
    }
}

import Foundation
import XCTest
@testable import MaracTOML

/// Hostile shapes: 10,000-deep nesting gives a clear error; 1 MB lines decode and edit in linear time.
final class TOMLEditorLimitsTests: XCTestCase {
    func testTenThousandDeepNestingIsAClearError() {
        let depth = 10_000
        let documents = [
            "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
            "a = " + String(repeating: "{ b = ", count: depth) + "1" + String(repeating: " }", count: depth) + "\n",
            "[" + Array(repeating: "a", count: depth).joined(separator: ".") + "]\n",
            Array(repeating: "a", count: depth).joined(separator: ".") + " = 1\n",
        ]
        for text in documents {
            let started = Date()
            XCTAssertThrowsError(try TOMLEditor(text)) { error in
                XCTAssertTrue("\(error)".contains("nested too deeply"), "\(error)")
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        }
    }

    func testMegabyteLinesDecodeAndEditInLinearTime() throws {
        let megabyte = 1 << 20
        let long = String(repeating: "x", count: megabyte)
        let array = "[" + Array(repeating: "1", count: megabyte / 2).joined(separator: ",") + "]"
        for text in ["note = \"\(long)\"\nb = 1\n", "a = \(array)\nb = 1\n", "# \(long)\nb = 1\n"] {
            let started = Date()
            let editor = try TOMLEditor(text)
            let edited = try TOMLEditor(bytes: try editor.setValue(.integer(2), at: ["b"]))
            XCTAssertEqual(edited.table["b"]?.integer, 2)
            XCTAssertEqual(try editor.removeKey(at: ["b"]).count, text.utf8.count - 6)
            XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        }
        // An error at the end of a 1 MB line is found and placed in linear time.
        let started = Date()
        XCTAssertThrowsError(try TOMLEditor("note = \"\(long)\n")) { error in
            XCTAssertEqual((error as? TOMLError)?.position.line, 1)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }
}

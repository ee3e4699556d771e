import XCTest
@testable import MaracTOML

/// Inputs the fuzzer (Fuzz/run.sh) found that the editor got wrong, one test each.
final class TOMLEditorRegressionTests: XCTestCase {
    /// Sub-tables of the last entry written after another table still belong to it.
    func testLastEntryWithSubTablesFurtherDown() throws {
        let text = """
        [[albums]]
        name = "one"

        [[albums]]
        name = "two"

        [[other.songs]]
        name = "x"

        [[albums.songs]]
        name = "y"

        """
        let editor = try TOMLEditor(text)
        XCTAssertThrowsError(try editor.removeArrayTableEntry(at: ["albums"], index: 1)) { error in
            XCTAssertEqual((error as? TOMLEditError)?.reason, .notALine)
        }
        let removedFirst = String(decoding: try editor.removeArrayTableEntry(at: ["albums"], index: 0), as: UTF8.self)
        XCTAssertEqual(removedFirst, String(text.dropFirst("[[albums]]\nname = \"one\"\n\n".count)))
        let appended = String(decoding: try editor.appendArrayTable(TOMLTable(["name": .string("three")]), at: ["albums"]), as: UTF8.self)
        XCTAssertEqual(appended, text + "\n[[albums]]\nname = \"three\"\n")
    }
}

extension TOMLEditorRegressionTests {
    /// A sub-array added to an entry whose header is its block's only line.
    func testNewSubArrayInAnEmptyEntry() throws {
        let editor = try TOMLEditor("[[a]]\n")
        let out = String(decoding: try editor.appendArrayTable(TOMLTable(["n": .integer(1)]), at: ["a", 0, "sub"]), as: UTF8.self)
        XCTAssertEqual(out, "[[a]]\n\n[[a.sub]]\nn = 1\n")
        let flag = String(decoding: try editor.setValue(.boolean(true), at: ["a", 0, "flag", "lifted"]), as: UTF8.self)
        XCTAssertEqual(flag, "[[a]]\n\n[a.flag]\nlifted = true\n")
    }
}

extension TOMLEditorRegressionTests {
    /// An edit that would nest past the decoder's limit is refused as too deep, not as a bug.
    func testEditsBeyondTheDepthLimitAreRefused() throws {
        let deep = Array(repeating: "t", count: TOMLDecoder.maximumDepth - 1).joined(separator: ".")
        let editor = try TOMLEditor("[[\(deep)]]\nname = 1\n")
        var path = Array(repeating: TOMLPathComponent.key("t"), count: TOMLDecoder.maximumDepth - 1)
        path.append(0)
        for attempt in [
            { try editor.appendArrayTable(TOMLTable(["n": .integer(1)]), at: path + ["sub"]) },
            { try editor.setValue(.table(TOMLTable(["a": .table(TOMLTable())])), at: path + ["x"]) },
            { try editor.setValue(.boolean(true), at: path + ["a", "b", "c"]) },
        ] as [() throws -> [UInt8]] {
            XCTAssertThrowsError(try attempt()) { error in
                XCTAssertEqual((error as? TOMLEditError)?.reason, .tooDeep, "\(error)")
            }
        }
        XCTAssertNoThrow(try editor.setValue(.integer(2), at: path + ["name"]))
    }
}

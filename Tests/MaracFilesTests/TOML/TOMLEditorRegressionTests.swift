import XCTest
@testable import MaracFiles

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

import XCTest
@testable import MaracTOML

/// Error messages may name keys but must never quote a value: records hold victims' names.
final class TOMLErrorPrivacyTests: XCTestCase {
    /// Text planted in values; none of it may appear in any message.
    private let canaries = ["Zanzibar", "Quillfeather", "1961", "07-13", "31415926535", "0x7AB3F", "Qx9"]

    private var documents: [String] {
        let name = "Zanzibar Quillfeather"
        return [
            "name = \"\(name)",
            "name = \(name)",
            "name = \"\(name) \\q\"",
            "name = \"\(name) \\u00\"",
            "name = \"\(name) \\uD800\"",
            "name = \"\(name)\"\nname = \"\(name)\"",
            "name = \"\(name)\" \"\(name)\"",
            "name = \"\(name)\"Qx9",
            "name = \"\"\"\(name)",
            "name = '''\(name)''''''",
            "name = '\(name)\u{7}'",
            "name = \"\(name)\u{0}\"",
            "name = \"\(name)\u{1F}\"",
            "name = '\(name)\n'",
            "name = \"\"\"\(name) \\   Qx9 \"\"\"",
            "name = \"\(name)\" # Qx9 \u{7F}",
            "name = \"\(name)\"\n[name]",
            "name = \"\(name)\"\nname.first = \"\(name)\"",
            "name = \"\(name)\"\n[[name]]",
            "[person]\nname = \"\(name)\"\n[person]",
            "person = { name = \"\(name)\", name = \"\(name)\" }",
            "person = { name = \"\(name)\", }",
            "person = { name = \"\(name)\"\n}",
            "person = { name = \"\(name)\" Qx9 }",
            "person = { name = \(name) }",
            "people = [\"\(name)\" \"\(name)\"]",
            "people = [\"\(name)\", \(name)]",
            "people = [\"\(name)\",",
            "dob = 1961-07-13T25:00:00",
            "dob = 1961-07-13T10:61:00",
            "dob = 1961-07-13T10:00:00+25:00",
            "dob = 1961-07-13T10:00:00.Z",
            "dob = 1961-07-32",
            "dob = 1961-02-29",
            "dob = 1961-07-13Qx9",
            "dob = 1961-07-13 10:00",
            "dob = 1961-7-13",
            "dob = 01961-07-13",
            "dob = 1961-07-13\ndob = 1961-07-13",
            "time = 10:61:13",
            "n = 031415926535",
            "n = 31415926535_",
            "n = 31415926535__1",
            "n = +0x7AB3F",
            "n = 0x7AB3FQx9",
            "n = 99931415926535999999999",
            "n = -99931415926535999999999",
            "n = 0x7AB3F7AB3F7AB3F7AB3F",
            "n = 3.1415926535.1",
            "n = 31415926535e",
            "n = .31415926535",
            "n = 31415926535.",
            "n = 31415926535 Qx9",
            "flag = tru Qx9",
            "flag = Qx9",
            "[\(name)]\nx = \"\(name)",
        ]
    }

    func testNoValueTextInAnyMessage() {
        var leaks: [String] = []
        for document in documents {
            do {
                _ = try TOMLDecoder.decode(document)
                XCTFail("accepted an invalid document: \(document.debugDescription)")
            } catch {
                for canary in canaries where error.description.localizedCaseInsensitiveContains(canary) {
                    leaks.append("\(canary) in \(error.description.debugDescription)")
                }
            }
        }
        XCTAssertEqual(leaks, [])
    }

    func testNoValueTextInInvalidUTF8Message() {
        let bytes = Array("name = \"Zanzibar ".utf8) + [0xC3, 0x28] + Array(" Quillfeather\"".utf8)
        XCTAssertThrowsError(try TOMLDecoder.decode(bytes: bytes)) { error in
            let message = (error as! TOMLError).description
            for canary in canaries { XCTAssertFalse(message.contains(canary), message) }
        }
    }
}

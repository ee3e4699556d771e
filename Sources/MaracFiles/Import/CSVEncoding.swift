/// The text encodings a spreadsheet program saves CSV in, and turning a file's bytes into
/// UTF-8: "CSV UTF-8" (Excel, with a byte order mark), UTF-8 without one (LibreOffice), and
/// Excel's plain "CSV" on Windows, which is Windows-1252.
public enum CSVEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with byte order mark"
    case windows1252 = "Windows-1252"

    /// The file's text as UTF-8 bytes (a byte order mark removed), and the encoding found.
    /// Bytes that are valid UTF-8 are UTF-8; anything else is read as Windows-1252, in which
    /// every byte is a character. UTF-16 ("Unicode text") is refused with what to do instead.
    public static func decode(_ bytes: [UInt8], file: String) throws(ImportError) -> (utf8: [UInt8], encoding: CSVEncoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            guard isValidUTF8(rest) else {
                throw ImportError("the file starts as UTF-8 but is not valid UTF-8 text; save it again as \"CSV UTF-8\"", location: file)
            }
            return (rest, .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportError("the file is UTF-16 (\"Unicode text\"), not CSV; save the sheet as \"CSV UTF-8 (comma delimited)\"", location: file)
        }
        if isValidUTF8(bytes) { return (bytes, .utf8) }
        return (windows1252ToUTF8(bytes), .windows1252)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// Windows-1252: Latin-1 except 0x80-0x9F, which hold typographic marks. The five bytes
    /// Windows leaves undefined become the C1 control characters, which the import reports.
    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
            out.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8))
        }
        return out
    }

    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}


/// Decodes TOML 1.0 documents into `TOMLTable`s, keeping where every key and value is written.
///
/// Parsing works on UTF-8 bytes. Errors say where the text is wrong and what was expected,
/// and never quote the text of a value.

public enum TOMLDecoder {
    /// The deepest nesting of tables, arrays and inline tables a document may use.
    public static let maximumDepth = 128

    /// Decodes a TOML document.
    public static func decode(_ text: String) throws(TOMLError) -> TOMLTable {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(TOMLError) -> TOMLTable in
                var parser = TOMLParser(bytes: buffer)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }

    /// Decodes a TOML document from UTF-8 bytes; bytes that are not valid UTF-8 are rejected.
    public static func decode(bytes: [UInt8]) throws(TOMLError) -> TOMLTable {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(TOMLError) -> TOMLTable in try decodeValidating(buffer) }
        }
        return try result.get()
    }

    /// Decodes a TOML document from UTF-8 bytes in memory; bytes that are not valid UTF-8 are rejected.
    public static func decode(bytes: UnsafeRawBufferPointer) throws(TOMLError) -> TOMLTable {
        let buffer = UnsafeBufferPointer(
            start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        return try decodeValidating(buffer)
    }

    private static func decodeValidating(_ buffer: UnsafeBufferPointer<UInt8>) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(bytes: buffer)
        if let bad = UTF8Validation.firstInvalidByte(in: buffer) {
            throw parser.fail(
                "this file is not valid UTF-8 text: save it with the UTF-8 encoding", at: bad)
        }
        return try parser.parseDocument()
    }
}

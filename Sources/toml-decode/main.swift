// The toml-test decoder protocol: TOML on standard input, tagged JSON on standard output;
// invalid TOML exits 1 with `line:column: error: message` on standard error.

import Foundation
import MaracJSON
import MaracTOML

let input = FileHandle.standardInput.readDataToEndOfFile()
do {
    let table = try TOMLDecoder.decode(bytes: [UInt8](input))
    FileHandle.standardOutput.write(Data((JSONWriter.write(TOMLTaggedJSON.encode(table)) + "\n").utf8))
    exit(0)
} catch {
    FileHandle.standardError.write(Data("\(error.position.line):\(error.position.column): error: \(error.message)\n".utf8))
    exit(1)
}

// TEMPORARY, not committed
import Foundation
public enum TOMLDecoder { public static func decode(bytes: [UInt8]) throws(TOMLError) -> TOMLTable { TOMLTable() } }
struct RecordSchemas: Sendable {
    static func load(repository: URL) throws(RepositoryError) -> RecordSchemas { RecordSchemas() }
    func validate(_ kind: RecordKind, _ table: TOMLTable, file: String) -> [Diagnostic] { [] }
}

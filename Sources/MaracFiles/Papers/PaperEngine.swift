import MaracProtocol
import MaracRecords

extension Papers {
    /// The protocol engine the papers of `configuration` follow; marac.toml's protocol settings
    /// that cannot be used are a `PaperError` with every problem at its line:column.
    public static func engine(for configuration: Configuration) throws(PaperError) -> ProtocolEngine {
        do {
            return try ProtocolEngine.load(configuration)
        } catch {
            throw PaperError(error.message)
        }
    }
}

// TEMPORARY until the TOML decoder is merged
public enum TOMLDecoder { public static func decode(bytes: [UInt8]) throws(TOMLError) -> TOMLTable { TOMLTable() } }

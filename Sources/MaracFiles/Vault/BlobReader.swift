import MaracRepository

/// Reads git objects in bulk with `git cat-file --batch`, keeping only what the checks need:
/// each object's type, size and first bytes (never a record's text beyond git-crypt's header).
public struct BlobReader: Sendable {
    /// One object as git holds it.
    public struct Object: Sendable {
        /// `blob`, `tree`, ...; `nil` when git has no such object.
        public var type: String?
        public var size: Int
        /// Up to `BlobReader.keptBytes` bytes from the start of the object.
        public var start: [UInt8]

        /// Whether the object is git-crypt ciphertext.
        public var isEncrypted: Bool { GitCrypt.isEncrypted(start) }
    }

    /// How many leading bytes are kept: enough for git-crypt's header.
    public static let keptBytes = 16
    /// Objects asked for in one `git cat-file` run.
    static let chunkSize = 2000

    public var git: Git

    public init(git: Git) { self.git = git }

    /// The objects named by `names` (object ids, or `:path` for a staged file), in order.
    public func read(_ names: [String]) throws(RepositoryError) -> [Object] {
        var objects: [Object] = []
        objects.reserveCapacity(names.count)
        var start = 0
        while start < names.count {
            let chunk = names[start..<min(start + BlobReader.chunkSize, names.count)]
            objects += try readChunk(Array(chunk))
            start += chunk.count
        }
        return objects
    }

    private func readChunk(_ names: [String]) throws(RepositoryError) -> [Object] {
        let input = Array(names.map { $0 + "\n" }.joined().utf8)
        let output = try git.run(["cat-file", "--batch"], input: input)
        guard output.status == 0 else {
            throw RepositoryError("git could not read the repository's objects (git cat-file failed); check the repository with 'git fsck'")
        }
        let bytes = output.stdout
        var objects: [Object] = []
        var index = 0
        for _ in names {
            guard let newline = bytes[index...].firstIndex(of: 10) else {
                throw RepositoryError("git cat-file ended early; check the repository with 'git fsck'")
            }
            let header = String(decoding: bytes[index..<newline], as: UTF8.self).split(separator: " ")
            index = newline + 1
            if header.count == 3, let size = Int(header[2]) {
                let end = min(index + size, bytes.count)
                objects.append(Object(
                    type: String(header[1]), size: size,
                    start: Array(bytes[index..<min(index + BlobReader.keptBytes, end)])))
                index = min(end + 1, bytes.count)
            } else {
                objects.append(Object(type: nil, size: 0, start: []))
            }
        }
        return objects
    }
}

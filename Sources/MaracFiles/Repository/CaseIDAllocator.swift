import Foundation

/// Allocates case ids that two clones working offline never both produce.
///
/// An id is `YYYY-TTTT-NNN`: the year, this clone's tag, and a number counting up within the
/// clone. Each clone draws its tag once, at random, avoiding every tag already used in the
/// repository, and keeps it in `.mfile/clone-tag` (never committed). Two clones can only
/// clash if they drew the same tag before either pushed; `mfile lint` reports duplicate ids
/// all the same.
public struct CaseIDAllocator: Sendable {
    /// Crockford's base 32: no I, L, O or U to misread.
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let tagFile = ".mfile/clone-tag"

    public let root: URL
    /// Draws a candidate tag (at random; tests give a known sequence).
    let drawTag: @Sendable () -> String

    public init(root: URL, drawTag: @escaping @Sendable () -> String = CaseIDAllocator.randomTag) {
        self.root = root
        self.drawTag = drawTag
    }

    /// Four characters of `alphabet`, drawn with the system's random number generator.
    public static func randomTag() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<4).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The next id for a case first referred in `year`.
    public func next(year: Int) throws(RepositoryError) -> String {
        try next(year: year, count: 1)[0]
    }

    /// The next `count` ids for cases first referred in `year`, in order, for records written
    /// together (an import): each follows the one before.
    public func next(year: Int, count: Int) throws(RepositoryError) -> [String] {
        guard count > 0 else { return [] }
        let existing = existingIDs()
        let tag = try cloneTag(avoiding: Set(existing.map(\.tag)))
        let highest = existing.filter { $0.year == year && $0.tag == tag }.map(\.number).max() ?? 0
        return (1...count).map { Self.format(year: year, tag: tag, number: highest + $0) }
    }

    static func format(year: Int, tag: String, number: Int) -> String {
        let digits = String(number)
        return "\(year)-\(tag)-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// This clone's tag, drawn and saved on first use.
    func cloneTag(avoiding used: Set<String>) throws(RepositoryError) -> String {
        let url = root.appendingPathComponent(Self.tagFile)
        if let saved = try? String(contentsOf: url, encoding: .utf8) {
            let tag = saved.trimmingCharacters(in: .whitespacesAndNewlines)
            if Self.isTag(tag) { return tag }
        }
        var tag: String
        repeat {
            tag = drawTag()
        } while used.contains(tag) || !Self.isTag(tag)
        try AtomicWrite.write(tag + "\n", to: url)
        return tag
    }

    static func isTag(_ text: String) -> Bool {
        text.count == 4 && text.allSatisfy { alphabet.contains($0) }
    }

    /// The ids already used, read from the case file names.
    func existingIDs() -> [(year: Int, tag: String, number: Int)] {
        FileSystem.tomlFiles(in: Repository.casesFolder, root: root).compactMap { path in
            let name = (path as NSString).lastPathComponent.dropLast(5)
            let parts = name.split(separator: "-")
            guard parts.count == 3, let year = Int(parts[0]), let number = Int(parts[2]),
                Self.isTag(String(parts[1]))
            else { return nil }
            return (year, String(parts[1]), number)
        }
    }
}

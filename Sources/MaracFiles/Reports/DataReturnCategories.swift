import Foundation
import MaracBase
import MaracDefaults
import MaracRecords
import MaracRepository
import MaracTOML

/// Which equality answers count toward each percentage of the data return: a versioned file
/// shipped with mfile (`data-return/categories.toml`, embedded by `Scripts/embed-defaults`)
/// that a repository overrides by keeping its own copy at the same path.
///
/// SafeLives' labels have changed over time (B&ME to "Black, Asian or racially minoritised",
/// LGBT to LGBT+), so the lists and labels live in data, with a version every return names.
/// "declined" and "not-known" can never be listed: they are counted on their own rows [000 §19].
public struct DataReturnCategories: Sendable {
    /// The percentages that rest on categories.
    public enum Key: String, Sendable, CaseIterable, Hashable {
        case raciallyMinoritised = "racially_minoritised"
        case lgbtPlus = "lgbt_plus"
        case disabled
        case male
    }

    /// One category: its label and, per equality field, the answers that belong to it.
    public struct Category: Sendable {
        public var key: Key
        public var label: String
        public var answers: [EqualityField: Set<String>]

        /// Whether a victim belongs to the category (any listed answer), given the readings of
        /// the fields in `EqualityField.allCases` order.
        public func contains(_ readings: [EqualityField.Reading]) -> Bool {
            zip(EqualityField.allCases, readings).contains { field, reading in
                if case .answer(let value) = reading { return answers[field]?.contains(value) ?? false }
                return false
            }
        }
    }

    /// Repository-relative path of the file, shipped and overriding alike.
    public static let file = "data-return/categories.toml"

    public var version: String
    /// Where the lists come from (the file's `source`), if it says.
    public var source: String?
    /// `data-return/categories.toml` for a repository's own copy, `built in` for mfile's.
    public var origin: String
    public var categories: [Key: Category]

    public func category(_ key: Key) -> Category { categories[key]! }

    /// The repository's own file if it has one, else the one shipped with mfile.
    public static func load(root: URL?) throws(RepositoryError) -> DataReturnCategories {
        if let root {
            let url = root.appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: url.path) {
                return try parse(try FileSystem.read(url), origin: file)
            }
        }
        return builtIn
    }

    /// The categories shipped with mfile.
    public static var builtIn: DataReturnCategories {
        guard let text = DefaultFiles.all.first(where: { $0.path == file })?.content,
            let categories = try? parse(Array(text.utf8), origin: "built in")
        else { preconditionFailure("the built-in \(file) is missing or invalid; run ./Scripts/embed-defaults") }
        return categories
    }

    /// Reads and checks a categories file; every problem is named by line and column.
    public static func parse(_ bytes: [UInt8], origin: String) throws(RepositoryError) -> DataReturnCategories {
        let table: TOMLTable
        switch RecordText.decode(bytes, file: file) {
        case .success(let decoded): table = decoded
        case .failure(let problem):
            throw RepositoryError(
                "the data return's categories are not valid TOML: \(problem.message)",
                location: problem.position.map { "\(file):\($0)" } ?? file)
        }
        var problems: [(location: String, message: String)] = []
        func problem(_ position: SourcePosition?, _ message: String) {
            problems.append((position.map { "\(file):\($0)" } ?? file, message))
        }
        let keys = Key.allCases.map(\.rawValue)
        for member in table.members where !(["version", "source"] + keys).contains(member.key) {
            problem(member.keyRange.start, "a key this file does not have; it holds version, source and the tables \(keys.joined(separator: ", "))")
        }
        let version = table["version"]?.string ?? ""
        if version.isEmpty { problem(table[member: "version"]?.keyRange.start, "version is missing; give the file's version as text, e.g. version = \"2026.1\"") }
        var categories: [Key: Category] = [:]
        for key in Key.allCases {
            guard let member = table[member: key.rawValue], let sub = member.node.table else {
                problem(table[member: key.rawValue]?.keyRange.start, "the table [\(key.rawValue)] is missing")
                continue
            }
            var category = Category(key: key, label: sub["label"]?.string ?? "", answers: [:])
            if category.label.isEmpty { problem(member.keyRange.start, "\(key.rawValue).label is missing; give the label printed on the return") }
            let fields = EqualityField.allCases.map(\.rawValue)
            for item in sub.members where item.key != "label" {
                guard let field = EqualityField(rawValue: item.key) else {
                    problem(item.keyRange.start, "\(key.rawValue) has a key that is not label or an equality field (\(fields.joined(separator: ", ")))")
                    continue
                }
                guard let values = item.node.array else {
                    problem(item.keyRange.start, "\(key.rawValue).\(field.rawValue) must be a list of answers, e.g. [\"\(field.answers[0])\"]")
                    continue
                }
                var set = Set<String>()
                for (n, node) in values.enumerated() {
                    let place = "item \(n + 1) of \(key.rawValue).\(field.rawValue)"
                    guard let value = node.string, field.answers.contains(value) || field.choices.contains(value) else {
                        problem(node.range.start, "\(place) is not a \(field.rawValue) answer; the answers are: \(field.answers.joined(separator: ", "))")
                        continue
                    }
                    guard field.answers.contains(value) else {
                        problem(node.range.start, "\(place) is \(value), which the return counts on its own row; it cannot be part of a category")
                        continue
                    }
                    set.insert(value)
                }
                category.answers[field] = set
            }
            if category.answers.isEmpty { problem(member.keyRange.start, "[\(key.rawValue)] lists no answers; give at least one equality field's list") }
            categories[key] = category
        }
        if problems.count == 1 { throw RepositoryError(problems[0].message, location: problems[0].location) }
        guard problems.isEmpty else {
            throw RepositoryError(
                "the data return's categories cannot be used; correct each of these:\n"
                    + problems.map { "\($0.location): \($0.message)" }.joined(separator: "\n"),
                location: file)
        }
        return DataReturnCategories(version: version, source: table["source"]?.string, origin: origin, categories: categories)
    }
}

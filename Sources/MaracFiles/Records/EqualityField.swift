/// A victim's equality fields and the answers each accepts: the SafeLives MARAC data form's
/// categories (ethnicity: the England and Wales 2021 census groups), and for every field
/// "declined" and "not-known".
///
/// The MARAC collects the ethnicity, age, sexual orientation, disability and gender of victims,
/// and an answer the victim will not give is noted, never left blank [000 §19]; the data goes
/// to SafeLives on its data form [001 §8, 002 §3 duty 8, 003 §10.15]. `schema/case.schema.json`
/// offers exactly these answers (a test keeps the two equal).
public enum EqualityField: String, Sendable, CaseIterable, Hashable {
    case ethnicity
    case sexualOrientation = "sexual_orientation"
    case disability
    case gender

    /// The victim chose not to say [000 §19].
    public static let declined = "declined"
    /// Not asked or not recorded (for example, unsafe to contact the victim).
    public static let notKnown = "not-known"

    /// The answers that say something, without "declined" and "not-known".
    public var answers: [String] {
        switch self {
        case .ethnicity: Self.ethnicityAnswers
        case .sexualOrientation: ["heterosexual", "lesbian", "gay", "bisexual", "other"]
        case .disability: ["yes", "no"]
        case .gender: ["female", "male", "trans-woman", "trans-man", "non-binary", "other"]
        }
    }

    private static let ethnicityAnswers = [
        "white-british", "white-irish", "white-gypsy-irish-traveller", "white-roma", "white-other",
        "mixed-white-black-caribbean", "mixed-white-black-african", "mixed-white-asian", "mixed-other",
        "asian-indian", "asian-pakistani", "asian-bangladeshi", "asian-chinese", "asian-other",
        "black-african", "black-caribbean", "black-other",
        "arab", "other",
    ]

    private static let answerSets = Dictionary(uniqueKeysWithValues: allCases.map { ($0, Set($0.answers)) })

    /// Every answer the field accepts: `answers`, then "declined" and "not-known".
    public var choices: [String] { answers + [Self.declined, Self.notKnown] }

    /// What a recorded value is, for counting.
    public enum Reading: Sendable, Hashable {
        case answer(String)
        case declined
        case notKnown
        /// Absent, or not one of the choices (`mfile lint` reports it).
        case unrecorded
    }

    /// Reads a recorded value.
    public func read(_ value: String?) -> Reading {
        guard let value else { return .unrecorded }
        if value == Self.declined { return .declined }
        if value == Self.notKnown { return .notKnown }
        return Self.answerSets[self]!.contains(value) ? .answer(value) : .unrecorded
    }
}

/// Some of the equality fields, in one byte.
public struct EqualityFieldSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public init(_ field: EqualityField) {
        switch field {
        case .ethnicity: rawValue = 1
        case .sexualOrientation: rawValue = 2
        case .disability: rawValue = 4
        case .gender: rawValue = 8
        }
    }

    /// The fields of `fields` that `isWritten` says are.
    static func written(_ isWritten: (EqualityField) -> Bool) -> EqualityFieldSet {
        var set: EqualityFieldSet = []
        for field in fields where isWritten(field) { set.insert(EqualityFieldSet(field)) }
        return set
    }

    private static let fields = EqualityField.allCases

    public func contains(_ field: EqualityField) -> Bool { contains(EqualityFieldSet(field)) }
}

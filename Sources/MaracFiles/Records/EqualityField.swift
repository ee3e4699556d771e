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

import MaracBase
import MaracIndex
import MaracProtocol

/// The MARAC data return (SafeLives) over the cases heard in a period: counts only.
///
/// Definitions:
/// - *cases heard*: distinct cases with a hearing in a meeting file dated in the period (a
///   case heard twice counts once); hearings of case ids with no case file are left out;
/// - *the referral heard*: the latest referral received on or before the case's first hearing
///   in the period; *repeat* when `RepeatDetection` finds that referral a repeat (the one
///   answer lint, check and the agenda use; a record's own `criteria = ["repeat"]` is a claim
///   lint checks); the repeat rate is repeats / cases heard;
/// - *referrals by agency*: the agency of the referral heard; the police share is its
///   police count / cases heard;
/// - *children in the households*: children with `in_household = true`;
/// - *BAME*: an ethnicity that does not start with "White" (White British, White Irish,
///   White other, any "White ..." is not BAME) and is not "declined" or missing;
/// - *LGBT*: a sexual orientation other than heterosexual/straight/declined, or a gender
///   that says trans or non-binary; *disabled*: a disability other than no/none/declined;
/// - *male*: gender "male" or "man"; *aged 16-17* and *perpetrators under 18*: age on the day
///   the referral heard was received;
/// - *transfers in*: a `[[transfer]] direction = "in"` or `criteria = ["transfer-in"]`;
///   *transfers out*: a `[[transfer]] direction = "out"`; *DVDS*: `criteria = ["dvds"]` or
///   a `dvds` field;
/// - *declined*: the victim's field is "declined"; such a victim is counted as declined and
///   nowhere else for that field.
public struct DataReturn: Sendable {
    public var from: LocalDate
    public var to: LocalDate
    public var casesHeard = 0
    public var repeatCases = 0
    /// Agency id and count, most first.
    public var referralsByAgency: [(agency: String, count: Int)] = []
    public var policeReferrals = 0
    public var childrenInHouseholds = 0
    public var bame = 0
    public var lgbt = 0
    public var disabled = 0
    public var male = 0
    public var aged16To17 = 0
    public var perpetratorsUnder18 = 0
    public var transfersIn = 0
    public var transfersOut = 0
    public var dvds = 0
    public var declinedEthnicity = 0
    public var declinedSexualOrientation = 0
    public var declinedDisability = 0

    public init(_ index: PeopleIndex, from: LocalDate, to: LocalDate) {
        self.from = from
        self.to = to
        var firstHeard: [String: LocalDate] = [:]
        for meeting in index.meetings {
            guard let date = meeting.date, date >= from, date <= to else { continue }
            for id in meeting.hearingCaseIDs { firstHeard[id] = min(firstHeard[id] ?? date, date) }
        }
        var agencies: [String: Int] = [:]
        for item in index.cases {
            guard let id = item.id, let heard = firstHeard[id] else { continue }
            casesHeard += 1
            let referral = item.referrals.filter { ($0.received.map { $0 <= heard }) ?? false }
                .max { $0.received! < $1.received! }
            let referralDate = referral?.received ?? heard
            if let referral {
                if item.repeats.contains(where: { $0.referral == referral.number }) {
                    repeatCases += 1
                }
                agencies[referral.agency ?? "(none)", default: 0] += 1
                if referral.criteria.contains(.dvds) || referral.dvds != nil { dvds += 1 }
                if referral.criteria.contains(.transferIn) && !item.transfers.contains(.in) { transfersIn += 1 }
            }
            if item.transfers.contains(.in) { transfersIn += 1 }
            if item.transfers.contains(.out) { transfersOut += 1 }
            childrenInHouseholds += item.children.filter { $0.inHousehold == true }.count
            perpetratorsUnder18 += item.perpetrators.filter { p in p.dob.map { Self.age($0, on: referralDate) < 18 } ?? false }.count
            if let victim = item.victim { count(victim, on: referralDate) }
        }
        policeReferrals = agencies["police"] ?? 0
        referralsByAgency = agencies.map { ($0.key, $0.value) }.sorted { ($1.count, $0.agency) < ($0.count, $1.agency) }
    }

    private mutating func count(_ victim: IndexedPerson, on date: LocalDate) {
        let ethnicity = victim.ethnicity.map(PersonMatching.normalise) ?? ""
        if ethnicity == "declined" { declinedEthnicity += 1 } else if !ethnicity.isEmpty, !ethnicity.hasPrefix("white") { bame += 1 }
        let orientation = victim.sexualOrientation.map(PersonMatching.normalise) ?? ""
        let gender = victim.gender.map(PersonMatching.normalise) ?? ""
        if orientation == "declined" {
            declinedSexualOrientation += 1
        } else if !["", "heterosexual", "straight"].contains(orientation) || gender.contains("trans") || gender.contains("non binary") {
            lgbt += 1
        }
        let disability = victim.disability.map(PersonMatching.normalise) ?? ""
        if disability == "declined" { declinedDisability += 1 } else if !["", "no", "none"].contains(disability) { disabled += 1 }
        if gender == "male" || gender == "man" { male += 1 }
        if let dob = victim.dob, (16...17).contains(Self.age(dob, on: date)) { aged16To17 += 1 }
    }

    /// Whole years from `dob` to `date`.
    static func age(_ dob: LocalDate, on date: LocalDate) -> Int {
        date.year - dob.year - ((date.month, date.day) < (dob.month, dob.day) ? 1 : 0)
    }
}

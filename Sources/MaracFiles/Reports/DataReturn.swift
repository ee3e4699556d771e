import MaracBase
import MaracIndex
import MaracRecords

/// The MARAC data return (SafeLives) over the meetings held in a period, one row per meeting
/// and a total: counts only, never a value from a record.
///
/// The MARAC data is collected by the administrator and sent to SafeLives after every meeting
/// or quarterly [001 §8, 000 §20, 002 §3 duty 8, 003 §10.15]; it covers the ethnicity, age,
/// sexual orientation, disability and gender of victims [000 §19]. The rules (README, "The data
/// return", says the same):
/// - *meetings*: every meeting file dated from `from` to the earlier of `to` and `asOf`;
/// - *a case*: a case heard at a meeting, for the referral it was heard on (its latest referral
///   received on or before the meeting and not returned). Each referral counts once, at the
///   first meeting that hears it; hearing it again (a review, an outgoing transfer listed for
///   information) is a *review*, not a case. A repeat referral is a new case, so the number of
///   cases includes repeats, as SafeLives counts them;
/// - *repeat*: the referral heard is a repeat by `RepeatDetection` (the protocol's one answer,
///   kept in the index): same victim and perpetrator within the profile's repeat window of the
///   last referral [000 §9, 003 §2.7, 002 §2];
/// - *police referral*: from an agency marked `kind = "police"` in marac.toml; *partner-agency
///   referral*: from any other agency of marac.toml;
/// - *children in the households*: the case's `[[child]]` entries with `in_household = true`;
/// - *equality*: each victim field read against `EqualityField`; the categories file decides
///   which answers count toward each percentage; declined and not-known are counted on their
///   own and in no category; anything else is *unrecorded* (lint rejects it);
/// - *ages*: whole years on the day the referral heard was received (the meeting date when no
///   referral is recorded): victims aged 16 or 17; perpetrators aged 17 or under.
public struct DataReturn: Sendable {
    /// The counts of one meeting or of the whole period.
    public struct Counts: Sendable, Equatable {
        public var cases = 0
        public var repeats = 0
        /// Hearings of a referral already counted at an earlier meeting (not cases).
        public var reviews = 0
        public var policeReferrals = 0
        public var partnerReferrals = 0
        /// No referral recorded, or its agency is not an `[[agency]]` of marac.toml.
        public var agencyNotRecorded = 0
        public var referralsByAgency: [String: Int] = [:]
        public var childrenInHouseholds = 0
        public var inCategory: [DataReturnCategories.Key: Int] = [:]
        public var declined: [EqualityField: Int] = [:]
        public var notKnown: [EqualityField: Int] = [:]
        public var unrecorded: [EqualityField: Int] = [:]
        public var aged16To17 = 0
        public var victimAgeNotKnown = 0
        public var perpetrators17OrUnder = 0
        public var transfersIn = 0
        public var dvds = 0

        public init() {}

        mutating func add(_ other: Counts) {
            cases += other.cases
            repeats += other.repeats
            reviews += other.reviews
            policeReferrals += other.policeReferrals
            partnerReferrals += other.partnerReferrals
            agencyNotRecorded += other.agencyNotRecorded
            referralsByAgency.merge(other.referralsByAgency, uniquingKeysWith: +)
            childrenInHouseholds += other.childrenInHouseholds
            inCategory.merge(other.inCategory, uniquingKeysWith: +)
            declined.merge(other.declined, uniquingKeysWith: +)
            notKnown.merge(other.notKnown, uniquingKeysWith: +)
            unrecorded.merge(other.unrecorded, uniquingKeysWith: +)
            aged16To17 += other.aged16To17
            victimAgeNotKnown += other.victimAgeNotKnown
            perpetrators17OrUnder += other.perpetrators17OrUnder
            transfersIn += other.transfersIn
            dvds += other.dvds
        }
    }

    /// One meeting held in the period.
    public struct MeetingRow: Sendable {
        public var date: LocalDate
        /// The meeting's MARAC, if marac.toml lists it.
        public var marac: String?
        public var counts: Counts
    }

    public var period: ReportPeriod
    public var asOf: LocalDate
    public var settings: DataReturnSettings
    /// In date order (then MARAC).
    public var meetings: [MeetingRow] = []
    public var total = Counts()
    /// Hearings in the period of a case id that has no case file (`mfile lint` names them).
    public var hearingsWithoutCaseFile = 0
    /// Each agency's attendance at the scheduled meetings counted, core agencies first, then
    /// marac.toml's order (`AttendanceReturn`).
    public var attendance: [AttendanceReturn.Row] = []

    /// The last meeting date counted: the period's end, or the as-of date if earlier.
    public var countedTo: LocalDate { min(period.to, asOf) }

    public init(_ index: PeopleIndex, period: ReportPeriod, asOf: LocalDate, settings: DataReturnSettings) {
        self.period = period
        self.asOf = asOf
        self.settings = settings
        let end = min(period.to, asOf)
        // Cases by position in the index's entries, so a hearing costs one id lookup.
        var position: [String: Int] = [:]
        position.reserveCapacity(index.entries.count)
        var held: [(date: LocalDate, marac: String?, file: String, caseIDs: [String])] = []
        var scheduled: [IndexedMeeting] = []
        for (n, entry) in index.entries.enumerated() {
            switch entry.record {
            case .case(let item): if let id = item.id, position[id] == nil { position[id] = n }
            case .meeting(let meeting):
                guard let date = meeting.date, date <= end else { break }
                held.append((date, meeting.marac, meeting.file, meeting.hearingCaseIDs))
                if date >= period.from, (meeting.kind ?? .scheduled) == .scheduled { scheduled.append(meeting) }
            case .unreadable: break
            }
        }
        attendance = AttendanceReturn.rows(scheduled.map(\.attendance), agencies: settings.agencies)
        held.sort { ($0.date, $0.marac ?? "", $0.file) < ($1.date, $1.marac ?? "", $1.file) }
        let police = settings.policeAgencyIDs
        let known = Set(settings.agencies.map(\.id))
        let maracs = Set(settings.areas.map(\.marac))
        var counted = Set<ReferralKey>()
        for meeting in held {
            let inPeriod = meeting.date >= period.from
            var row = Counts()
            var seen = Set<Int>()
            var missing = Set<String>()
            for id in meeting.caseIDs {
                guard let n = position[id], case .case(let item) = index.entries[n].record else {
                    if inPeriod, missing.insert(id).inserted { hearingsWithoutCaseFile += 1 }
                    continue
                }
                guard seen.insert(n).inserted else { continue }
                let referral = Self.referralHeard(item, on: meeting.date)
                guard counted.insert(ReferralKey(entry: n, referral: referral?.number ?? 0)).inserted else {
                    if inPeriod { row.reviews += 1 }
                    continue
                }
                if inPeriod {
                    row.count(item, referral: referral, heard: meeting.date, police: police, agencies: known, categories: settings.categories)
                }
            }
            if inPeriod {
                // Only an id marac.toml lists is printed (lint reports any other).
                let marac = meeting.marac.flatMap { id in maracs.contains(id) ? id : nil }
                meetings.append(MeetingRow(date: meeting.date, marac: marac, counts: row))
                total.add(row)
            }
        }
    }

    /// One referral of one case (by its position in the index).
    private struct ReferralKey: Hashable {
        var entry: Int
        var referral: Int
    }

    /// The referral a hearing on `date` is about: the latest received on or before it and not
    /// returned.
    static func referralHeard(_ item: IndexedCase, on date: LocalDate) -> IndexedReferral? {
        var heard: IndexedReferral?
        for referral in item.referrals {
            guard let received = referral.received, received <= date, referral.decision != .returned else { continue }
            if let best = heard, (best.received!, best.number) > (received, referral.number) { continue }
            heard = referral
        }
        return heard
    }
}

extension DataReturn.Counts {
    /// Adds one case heard for `referral`.
    mutating func count(
        _ item: IndexedCase, referral: IndexedReferral?, heard: LocalDate, police: Set<String>, agencies: Set<String>,
        categories: DataReturnCategories
    ) {
        cases += 1
        if let referral, item.repeats.contains(where: { $0.referral == referral.number }) { repeats += 1 }
        if let agency = referral?.agency, agencies.contains(agency) {
            referralsByAgency[agency, default: 0] += 1
            if police.contains(agency) { policeReferrals += 1 } else { partnerReferrals += 1 }
        } else {
            agencyNotRecorded += 1
        }
        if let referral {
            if referral.criteria.contains(.transferIn) || (referral.number == 1 && item.transfers.contains(.in)) {
                transfersIn += 1
            }
            if referral.criteria.contains(.dvds) || referral.dvds != nil { dvds += 1 }
        }
        let ageDate = referral?.received ?? heard
        var victim: IndexedPerson?
        for person in item.people {
            switch person.role {
            case .victim: if victim == nil { victim = person }
            case .perpetrator: if let dob = person.dob, dob.age(on: ageDate) <= 17 { perpetrators17OrUnder += 1 }
            case .child: if person.inHousehold == true { childrenInHouseholds += 1 }
            }
        }
        if let dob = victim?.dob {
            if (16...17).contains(dob.age(on: ageDate)) { aged16To17 += 1 }
        } else {
            victimAgeNotKnown += 1
        }
        let readings = EqualityField.allCases.map { field in
            let value: String? = switch field {
            case .ethnicity: victim?.ethnicity
            case .sexualOrientation: victim?.sexualOrientation
            case .disability: victim?.disability
            case .gender: victim?.gender
            }
            let reading = field.read(value)
            switch reading {
            case .answer: break
            case .declined: declined[field, default: 0] += 1
            case .notKnown: notKnown[field, default: 0] += 1
            case .unrecorded: unrecorded[field, default: 0] += 1
            }
            return reading
        }
        for key in DataReturnCategories.Key.allCases where categories.category(key).contains(readings) {
            inCategory[key, default: 0] += 1
        }
    }
}

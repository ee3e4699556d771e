import MaracBase
import MaracProtocol
import MaracRecords
import MaracTOML

/// The bytes of a record's facts in the index (see `IndexFormat`): every field of a `Case` or
/// `Meeting` and of their parts, without their free text (`FreeText`) or where each is
/// written (`FilePositions`: only lint reads them, from the files). Decoding gives back a
/// record equal to the one read from the file less those; `IndexFactsTests` holds every
/// record of the demo and the fixtures to that.
enum IndexFactsCoding {
    static let statuses = Case.Status.allCases
    static let roles = Person.Role.allCases
    static let criteria = Referral.Criterion.allCases
    static let consents = Referral.Consent.allCases
    static let decisions = Referral.Decision.allCases
    static let directions = Transfer.Direction.allCases
    static let kinds = Meeting.Kind.allCases
    static let actionStatuses = Action.Status.allCases
    static let decisionRoles = Referral.DecisionRole.allCases

    // MARK: - Cases

    static func encode(_ c: Case, _ w: inout ByteWriter) {
        w.optionalString(c.id)
        w.optionalString(c.reference)
        w.optionalString(c.marac)
        w.choice(c.status, in: statuses)
        w.bool(c.closedSession)
        w.optionalString(c.sessionReason)
        w.date(c.closed)
        w.bool(c.victim != nil)
        if let victim = c.victim { encode(victim, &w) }
        w.count(c.perpetrators.count)
        for p in c.perpetrators { encode(p, &w) }
        w.count(c.children.count)
        for p in c.children { encode(p, &w) }
        w.count(c.referrals.count)
        for r in c.referrals { encode(r, &w) }
        w.count(c.transfers.count)
        for t in c.transfers {
            w.choice(t.direction, in: directions)
            w.date(t.notified)
            w.date(t.sent)
            w.date(t.received)
            w.date(t.acknowledged)
            w.optionalString(t.theirID)
            w.date(t.receiptConfirmed)
        }
        w.count(c.disclosures.count)
        for d in c.disclosures {
            w.date(d.date)
            w.date(d.requested)
            w.optionalString(d.kind)
        }
        w.date(c.flagLifted)
        w.strings(c.flagNotice)
        w.bool(c.retentionHold)
    }

    static func decodeCase(_ r: inout ByteReader, file: String) throws(ByteReader.Malformed) -> Case {
        var c = Case(file: file)
        c.id = try r.optionalString()
        c.reference = try r.optionalString()
        c.marac = try r.optionalString()
        c.status = try r.choice(in: statuses)
        c.closedSession = try r.bool()
        c.sessionReason = try r.optionalString()
        c.closed = try r.date()
        if try r.bool() { c.victim = try decodePerson(&r) }
        c.perpetrators = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in try decodePerson(&r) }
        c.children = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in try decodePerson(&r) }
        c.referrals = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in try decodeReferral(&r) }
        c.transfers = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in
            var t = Transfer(direction: try r.choice(in: directions))
            t.notified = try r.date()
            t.sent = try r.date()
            t.received = try r.date()
            t.acknowledged = try r.date()
            t.theirID = try r.optionalString()
            t.receiptConfirmed = try r.date()
            return t
        }
        c.disclosures = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in
            var d = Disclosure()
            d.date = try r.date()
            d.requested = try r.date()
            d.kind = try r.optionalString()
            return d
        }
        c.flagLifted = try r.date()
        c.flagNotice = try r.strings()
        c.retentionHold = try r.bool()
        return c
    }

    static func encode(_ p: Person, _ w: inout ByteWriter) {
        w.choice(p.role, in: roles)
        w.optionalString(p.name)
        w.strings(p.aliases)
        w.date(p.dob)
        w.optionalString(p.gender)
        w.optionalString(p.relationship)
        w.optionalBool(p.inHousehold)
        w.bool(p.employedByPartnerAgency)
        w.optionalString(p.ethnicity)
        w.optionalString(p.sexualOrientation)
        w.optionalString(p.disability)
        w.byte(p.equalityFieldsWritten.rawValue)
    }

    static func decodePerson(_ r: inout ByteReader) throws(ByteReader.Malformed) -> Person {
        guard let role = try r.choice(in: roles) else { throw ByteReader.Malformed() }
        var p = Person(role: role)
        p.name = try r.optionalString()
        p.aliases = try r.strings()
        p.dob = try r.date()
        p.gender = try r.optionalString()
        p.relationship = try r.optionalString()
        p.inHousehold = try r.optionalBool()
        p.employedByPartnerAgency = try r.bool()
        p.ethnicity = try r.optionalString()
        p.sexualOrientation = try r.optionalString()
        p.disability = try r.optionalString()
        p.equalityFieldsWritten = EqualityFieldSet(rawValue: try r.byte())
        return p
    }

    static func encode(_ f: Referral, _ w: inout ByteWriter) {
        w.count(f.number)
        w.count(f.entry)
        w.date(f.received)
        w.optionalString(f.agency)
        w.date(f.incident)
        w.optionalString(f.riskTool)
        w.optionalInt(f.riskScore)
        windows(f.policeIncidents, &w)
        windows(f.crimes, &w)
        w.count(f.criteria.count)
        for item in f.criteria { w.choice(item, in: criteria) }
        w.bool(f.hasJudgementReason)
        w.choice(f.consent, in: consents)
        w.bool(f.hasConsentReason)
        w.choice(f.decision, in: decisions)
        w.date(f.decided)
        w.count(f.decidedBy.count)
        for role in f.decidedBy { w.choice(role, in: decisionRoles) }
        w.bool(f.hasReturnReason)
        w.date(f.idvaReferred)
        w.optionalBool(f.idvaEngaged)
        w.optionalString(f.meritGrade)
        w.optionalBool(f.victimInformed)
        w.bool(f.hasNotInformedReason)
        w.bool(f.infoOnly)
        w.optionalString(f.dvds)
    }

    static func decodeReferral(_ r: inout ByteReader) throws(ByteReader.Malformed) -> Referral {
        var f = Referral(number: try r.number(), entry: try r.number())
        f.received = try r.date()
        f.agency = try r.optionalString()
        f.incident = try r.date()
        f.riskTool = try r.optionalString()
        f.riskScore = try r.optionalInt()
        f.policeIncidents = try windows(&r)
        f.crimes = try windows(&r)
        f.criteria = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in
            guard let item = try r.choice(in: criteria) else { throw ByteReader.Malformed() }
            return item
        }
        f.hasJudgementReason = try r.bool()
        f.consent = try r.choice(in: consents)
        f.hasConsentReason = try r.bool()
        f.decision = try r.choice(in: decisions)
        f.decided = try r.date()
        f.decidedBy = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in
            guard let role = try r.choice(in: decisionRoles) else { throw ByteReader.Malformed() }
            return role
        }
        f.hasReturnReason = try r.bool()
        f.idvaReferred = try r.date()
        f.idvaEngaged = try r.optionalBool()
        f.meritGrade = try r.optionalString()
        f.victimInformed = try r.optionalBool()
        f.hasNotInformedReason = try r.bool()
        f.infoOnly = try r.bool()
        f.dvds = try r.optionalString()
        return f
    }

    /// Counts by window of months, in order of months.
    static func windows(_ counts: [Int: Int], _ w: inout ByteWriter) {
        w.count(counts.count)
        for (months, count) in counts.sorted(by: { $0.key < $1.key }) {
            w.signed(Int64(months))
            w.signed(Int64(count))
        }
    }

    static func windows(_ r: inout ByteReader) throws(ByteReader.Malformed) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for _ in 0..<(try r.count()) {
            let months = Int(try r.signed())
            counts[months] = Int(try r.signed())
        }
        return counts
    }

    // MARK: - Meetings

    /// What a meeting's facts start with, readable without the rest: its MARAC, date and kind,
    /// and the latest `Action.outstandingEnd` of its actions.
    struct MeetingHeader {
        var marac: String?
        var date: LocalDate?
        var kind: Meeting.Kind?
        var latestOutstandingEnd: OutstandingEnd?
    }

    static func encode(_ m: Meeting, _ w: inout ByteWriter) {
        w.optionalString(m.marac)
        w.date(m.date)
        w.choice(m.kind, in: kinds)
        switch m.latestOutstandingEnd {
        case nil: w.byte(0)
        case .finishedUndated: w.byte(1)
        case .finished(let day):
            w.byte(2)
            w.date(day)
        case .notFinished: w.byte(3)
        }
        w.date(m.agendaCirculated)
        w.date(m.minutesApproved)
        w.date(m.minutesCirculated)
        w.count(m.attendees.count)
        for a in m.attendees {
            w.optionalString(a.agency)
            w.bool(a.confidentialitySigned)
            time(a.signInTime, &w)
            time(a.signOutTime, &w)
            w.optionalString(a.leftAfterCase)
            w.count(a.entry)
        }
        w.count(m.apologies.count)
        for a in m.apologies {
            w.optionalString(a.agency)
            w.bool(a.writtenInformation)
            w.date(a.writtenReceived)
            w.count(a.entry)
        }
        w.count(m.hearings.count)
        for h in m.hearings {
            w.optionalString(h.caseID)
            w.optionalString(h.presentedBy)
            w.bool(h.professionalsMeetingNeeded)
            w.date(h.professionalsMeeting)
            w.optionalString(h.movedFor)
            w.count(h.entry)
            w.count(h.information.count)
            for i in h.information {
                w.optionalString(i.agency)
                w.optionalString(i.kind)
                w.count(i.entry)
            }
            w.count(h.actions.count)
            for a in h.actions {
                w.optionalInt(a.id)
                w.optionalString(a.agency)
                w.bool(a.hasOwner)
                w.date(a.due)
                w.bool(a.dueWritten)
                w.choice(a.status, in: actionStatuses)
                w.date(a.updated)
                w.date(a.completed)
                w.count(a.entry)
            }
        }
    }

    static func decodeMeetingHeader(_ r: inout ByteReader) throws(ByteReader.Malformed) -> MeetingHeader {
        var header = MeetingHeader(marac: try r.optionalString(), date: try r.date(), kind: try r.choice(in: kinds))
        switch try r.byte() {
        case 0: header.latestOutstandingEnd = nil
        case 1: header.latestOutstandingEnd = .finishedUndated
        case 2:
            guard let day = try r.date() else { throw ByteReader.Malformed() }
            header.latestOutstandingEnd = .finished(day)
        case 3: header.latestOutstandingEnd = .notFinished
        default: throw ByteReader.Malformed()
        }
        return header
    }

    static func decodeMeeting(_ r: inout ByteReader, file: String) throws(ByteReader.Malformed) -> Meeting {
        let header = try decodeMeetingHeader(&r)
        var m = Meeting(file: file)
        m.marac = header.marac
        m.date = header.date
        m.kind = header.kind
        m.agendaCirculated = try r.date()
        m.minutesApproved = try r.date()
        m.minutesCirculated = try r.date()
        m.attendees = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in
            let agency = try r.optionalString(), signed = try r.bool()
            let signIn = try time(&r), signOut = try time(&r), left = try r.optionalString()
            var a = Attendee(entry: try r.number())
            a.agency = agency
            a.confidentialitySigned = signed
            a.signInTime = signIn
            a.signOutTime = signOut
            a.leftAfterCase = left
            return a
        }
        m.apologies = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in
            let agency = try r.optionalString(), written = try r.bool(), received = try r.date()
            var a = Apology(entry: try r.number())
            a.agency = agency
            a.writtenInformation = written
            a.writtenReceived = received
            return a
        }
        m.hearings = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in try decodeHearing(&r) }
        return m
    }

    static func decodeHearing(_ r: inout ByteReader) throws(ByteReader.Malformed) -> Hearing {
        let caseID = try r.optionalString(), presentedBy = try r.optionalString()
        let needed = try r.bool(), held = try r.date(), movedFor = try r.optionalString()
        var h = Hearing(entry: try r.number())
        h.caseID = caseID
        h.presentedBy = presentedBy
        h.professionalsMeetingNeeded = needed
        h.professionalsMeeting = held
        h.movedFor = movedFor
        let hearing = h.entry
        h.information = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in
            let agency = try r.optionalString(), kind = try r.optionalString()
            var i = Information(hearingEntry: hearing, entry: try r.number())
            i.agency = agency
            i.kind = kind
            return i
        }
        h.actions = try list(&r) { (r: inout ByteReader) throws(ByteReader.Malformed) in
            let id = try r.optionalInt(), agency = try r.optionalString(), hasOwner = try r.bool()
            let due = try r.date(), dueWritten = try r.bool(), status = try r.choice(in: actionStatuses)
            let updated = try r.date(), completed = try r.date()
            var a = Action(hearingEntry: hearing, entry: try r.number())
            a.id = id
            a.agency = agency
            a.hasOwner = hasOwner
            a.due = due
            a.dueWritten = dueWritten
            a.status = status
            a.updated = updated
            a.completed = completed
            return a
        }
        return h
    }

    /// A time of day: 0 for none, else 1 and its hour, minute, second and nanosecond.
    static func time(_ t: LocalTime?, _ w: inout ByteWriter) {
        guard let t else { return w.byte(0) }
        w.byte(1)
        for part in [t.hour, t.minute, t.second, t.nanosecond] { w.signed(Int64(part)) }
    }

    static func time(_ r: inout ByteReader) throws(ByteReader.Malformed) -> LocalTime? {
        guard try r.bool() else { return nil }
        return LocalTime(
            hour: Int(try r.signed()), minute: Int(try r.signed()), second: Int(try r.signed()), nanosecond: Int(try r.signed()))
    }

    /// A counted list, each item read by `item`.
    static func list<T>(
        _ r: inout ByteReader, _ item: (inout ByteReader) throws(ByteReader.Malformed) -> T
    ) throws(ByteReader.Malformed) -> [T] {
        let n = try r.count()
        var items: [T] = []
        items.reserveCapacity(n)
        for _ in 0..<n { items.append(try item(&r)) }
        return items
    }
}

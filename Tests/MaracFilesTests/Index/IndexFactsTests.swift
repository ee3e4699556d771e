import Foundation
import XCTest
@testable import MaracBase
@testable import MaracIndex
@testable import MaracProtocol
@testable import MaracRecords
@testable import MaracRepository

/// The index keeps every fact of every record: `check`, `sweep` and the papers rebuild cases
/// and meetings from it (`Repository.fromIndex`) instead of reading their files, so a record
/// from the index must equal the one read from its file, field for field, less its free text
/// (`FreeText`, which the index never keeps).
///
/// **Adding a field to a record** (`Case`, `Meeting`, `Person`, `Referral`, ...): write it in
/// `everyField` below, then in `IndexFactsCoding` (encode and decode); free text only the
/// papers print goes in the record's `FreeText` instead, and a field's position in its
/// `FilePositions`. Until both are done these tests fail.
final class IndexFactsTests: XCTestCase {
    func testDemoRecordsFromTheIndexEqualThoseReadFromTheirFiles() throws {
        try assertIndexKeepsEveryFact(DemoRepository.copy())
    }

    func testDataReturnFixtureRecordsFromTheIndexEqualThoseReadFromTheirFiles() throws {
        try assertIndexKeepsEveryFact(DataReturnFixture.write())
    }

    func testEveryFieldIsKeptByTheIndex() throws {
        let root = try PaperFixtures.repository(Self.everyField)
        let loaded = try Repository.load(at: root)
        XCTAssertEqual(Self.unsetFields(loaded.cases + loaded.meetings.map { $0 as Any }), [],
            "every field of every record type must be set somewhere in IndexFactsTests.everyField")
        try assertIndexKeepsEveryFact(root)
    }

    /// The records of the repository at `root` from their files and from the index (built
    /// anew, then brought up to date after an edit) are equal, less their free text; so are
    /// the cases whose people match.
    private func assertIndexKeepsEveryFact(_ root: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try assertSameRecords(root, refresh: .rebuilt(reason: "there was no index"), file: file, line: line)
        let first = try XCTUnwrap(FileSystem.tomlFiles(in: Repository.casesFolder, root: root).first)
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent(first))
        handle.seekToEndOfFile()
        handle.write(Data("\n[[disclosure]]\nkind = \"court\"\nrequested = 2026-11-01\n".utf8))
        try handle.close()
        try assertSameRecords(root, refresh: .updated, file: file, line: line)
    }

    private func assertSameRecords(_ root: URL, refresh expected: IndexStore.Refresh, file: StaticString, line: UInt) throws {
        let files = try Repository.load(at: root)
        let (indexed, refresh) = try Repository.fromIndex(root: root)
        XCTAssertEqual(refresh, expected, file: file, line: line)
        XCTAssertEqual(indexed.cases.count, files.cases.count, file: file, line: line)
        XCTAssertEqual(indexed.meetings.count, files.meetings.count, file: file, line: line)
        for (read, rebuilt) in zip(files.cases, indexed.cases) {
            XCTAssertEqual(read.asIndexed, rebuilt, read.file, file: file, line: line)
        }
        for (read, rebuilt) in zip(files.meetings, indexed.meetings) {
            XCTAssertEqual(read.asIndexed, rebuilt, read.file, file: file, line: line)
        }
        XCTAssertEqual(indexed.undecodedCaseFiles, files.undecodedCaseFiles, file: file, line: line)
        XCTAssertEqual(indexed.caseMatches, RepeatDetection.matches(files.cases.map(CaseSummary.init)), file: file, line: line)
        XCTAssertNil(files.caseMatches, file: file, line: line)
    }

    /// A repository whose records, between them, set every field of every record type.
    static let everyField: [(String, String)] = [
        ("cases/2026/2026-TEST-001.toml", """
            id = "2026-TEST-001"
            reference = "OLD/123"
            marac = "north"
            status = "transferred-out"
            session = "closed"
            session_reason = "agency-employee"
            closed = 2026-10-30
            retention_hold = true

            [victim]
            name = "Victim Person"
            aliases = ["V Person"]
            dob = 1990-01-02
            gender = "female"
            address = "1 Example Street"
            ethnicity = "declined"
            sexual_orientation = "not-known"
            disability = "no"
            employed_by_partner_agency = true

            [[perpetrator]]
            name = "Perpetrator Person"
            dob = 1988-03-04
            relationship = "ex-partner"

            [[child]]
            name = "Child Person"
            dob = 2019-05-06
            in_household = true

            [[referral]]
            received = 2026-01-10
            agency = "police"
            referrer = "A Referrer"
            incident = "2026-01-08"
            risk_tool = "dash"
            risk_score = 15
            police_incidents_12m = 4
            police_incidents_6m = 2
            crimes_12m = 3
            criteria = ["professional-judgement", "escalation", "hbv"]
            judgement_reason = "why"
            consent = "not-sought-unsafe"
            consent_reason = "unsafe"
            decision = "accepted"
            decided = 2026-01-11
            decided_by = ["chair", "coordinator"]
            return_reason = "a reason"
            merit_grade = "GOLD"
            victim_informed = false
            victim_not_informed_reason = "a reason"
            idva_referred = 2026-01-12
            idva_engaged = true
            info_only = true
            dvds = "right-to-ask"

            [[transfer]]
            direction = "in"
            from = "Sampleshire MARAC"
            received = 2026-01-09
            acknowledged = 2026-01-10
            their_id = "2025-SAMP-009"

            [[transfer]]
            direction = "out"
            notified = 2026-10-01
            sent = 2026-10-03
            receipt_confirmed = 2026-10-05
            to = "Othershire MARAC"

            [[disclosure]]
            date = 2026-09-01
            requested = 2026-08-20
            kind = "dhr"
            to = "Review panel"

            [flag]
            lifted = 2026-11-01
            notice = ["police", "health"]

            """),
        ("meetings/2026/2026-02-05-north.toml", """
            marac = "north"
            date = 2026-02-05
            kind = "scheduled"
            chair = "A Chair"
            agenda_circulated = 2026-01-29
            minutes_approved = 2026-02-10
            minutes_circulated = 2026-02-11

            [[attendee]]
            agency = "police"
            name = "An Attendee"
            role = "DS"
            confidentiality_signed = true
            signed_in = 09:25:00
            signed_out = "12:30"
            left_after_case = "2026-TEST-001"

            [[apology]]
            agency = "housing"
            name = "An Apology"
            written_information = true
            written_received = 2026-02-04

            [[hearing]]
            case = "2026-TEST-001"
            presented_by = "police"
            moved_for = "health"
            professionals_meeting_needed = true
            professionals_meeting = 2026-02-12

              [[hearing.information]]
              agency = "health"
              kind = "fact"
              text = "Shared."

              [[hearing.action]]
              id = 1
              agency = "police"
              owner = "An Owner"
              text = "Do it."
              due = 2026-02-19
              status = "cannot-complete"
              updated = 2026-02-15
              completed = 2026-02-16
              note = "Could not."

            """),
    ]

    /// The fields (as `Type.field`) that no instance of their type in `records` sets: nil,
    /// false, empty or no bits. Free text and positions are not kept by the index and are left out.
    static func unsetFields(_ records: [Any]) -> [String] {
        var set: Set<String> = [], seen: Set<String> = []
        func isSet(_ value: Any) -> Bool {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional: return !mirror.children.isEmpty
            case .collection, .dictionary, .set: return !mirror.children.isEmpty
            default:
                if let flag = value as? Bool { return flag }
                if let bits = value as? EqualityFieldSet { return !bits.isEmpty }
                return true
            }
        }
        func walk(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional, .collection:
                for child in mirror.children { walk(child.value) }
            case .struct:
                let type = String(reflecting: mirror.subjectType)
                for child in mirror.children {
                    guard let label = child.label, label != "freeText", label != "positions" else { continue }
                    seen.insert("\(type).\(label)")
                    if isSet(child.value) { set.insert("\(type).\(label)") }
                    walk(child.value)
                }
            default: break
            }
        }
        for record in records { walk(record) }
        return seen.subtracting(set).sorted()
    }
}

extension Case {
    /// The case as the index keeps it: less its free text and positions.
    var asIndexed: Case {
        var copy = self
        copy.positions = FilePositions()
        copy.victim = copy.victim?.asIndexed
        copy.perpetrators = copy.perpetrators.map(\.asIndexed)
        copy.children = copy.children.map(\.asIndexed)
        for i in copy.referrals.indices {
            copy.referrals[i].freeText = nil
            copy.referrals[i].positions = FilePositions()
        }
        for i in copy.transfers.indices { copy.transfers[i].positions = FilePositions() }
        for i in copy.disclosures.indices { copy.disclosures[i].positions = FilePositions() }
        return copy
    }
}

extension Person {
    var asIndexed: Person {
        var copy = self
        copy.freeText = nil
        copy.positions = FilePositions()
        return copy
    }
}

extension Meeting {
    /// The meeting as the index keeps it: less its free text and positions.
    var asIndexed: Meeting {
        var copy = self
        copy.freeText = nil
        copy.positions = FilePositions()
        for i in copy.attendees.indices {
            copy.attendees[i].freeText = nil
            copy.attendees[i].positions = FilePositions()
        }
        for i in copy.apologies.indices {
            copy.apologies[i].freeText = nil
            copy.apologies[i].positions = FilePositions()
        }
        for h in copy.hearings.indices {
            copy.hearings[h].positions = FilePositions()
            for i in copy.hearings[h].information.indices {
                copy.hearings[h].information[i].freeText = nil
                copy.hearings[h].information[i].positions = FilePositions()
            }
            for i in copy.hearings[h].actions.indices {
                copy.hearings[h].actions[i].freeText = nil
                copy.hearings[h].actions[i].positions = FilePositions()
            }
        }
        return copy
    }
}

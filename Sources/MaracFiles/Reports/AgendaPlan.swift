import Foundation
import MaracBase
import MaracProtocol
import MaracRecords
import MaracRepository
import MaracTOML

/// `mfile plan` as one workflow: which cases belong on a meeting (the protocol engine's
/// `ListingPlanner.plannedCases`), in agenda order with the cap and the overflow
/// (`ProtocolEngine.agendaOrder`, `countsTowardsCap`), and, when asked, their `[[hearing]]`
/// entries written into the meeting file.
public enum AgendaPlan {
    /// One case on the planned agenda.
    public struct Row: Sendable {
        public var caseID: String
        /// The agenda number (`nil`: past the cap, for the chair to decide).
        public var number: Int?
        public var section: AgendaSection
        public var closedSession: Bool
        public var countsTowardsCap: Bool
        /// Already a `[[hearing]]` of the meeting file.
        public var listed: Bool
        /// Why it belongs there (empty: listed by hand, no reason the protocol gives).
        public var reasons: [ListingReason]
        /// The agency that referred it (written as `presented_by` with the new hearing).
        public var presenter: String?
    }

    public struct Outcome: Sendable {
        /// `<date>-<marac>`.
        public var meetingID: String
        /// The meeting file, repository-relative.
        public var file: String
        /// The meeting file exists (else `--apply` starts it).
        public var fileExists: Bool
        public var referralCutoff: LocalDate
        public var cap: Int?
        /// In agenda order, then the cases past the cap.
        public var rows: [Row]
        /// Hearings of the meeting file whose case has no case file (left as they are).
        public var unknownCases: Int
        /// The hearings written (with `apply`), in agenda order.
        public var added: [String]

        /// Rows not yet in the meeting file.
        public var toAdd: [Row] { rows.filter { !$0.listed } }
    }

    /// Plans meeting `id` (a meeting id, or a date when one MARAC meets that day): a recorded
    /// meeting, or one the schedule gives that has no file yet, of the repository at `root` as
    /// `load` reads it. With `apply` the missing `[[hearing]]` entries are appended to the
    /// meeting file (started from the scaffold if it does not exist) through the
    /// format-preserving editor and written atomically; a second run finds nothing to add. To
    /// apply, the repository lock is taken before `load` reads the records, so what is written
    /// follows from what was read.
    public static func run(
        meeting id: String, root: URL, apply: Bool, load: (URL) throws -> Repository
    ) throws -> Outcome {
        let lock = apply ? try RepositoryLock.acquire(root: root) : nil
        defer { withExtendedLifetime(lock) {} }
        let repository = try load(root)
        let engine = try ProtocolEngine.load(repository.configuration)
        let (target, recorded) = try resolve(id, repository: repository, engine: engine)
        let records = ProtocolRecords(engine: engine, repository: repository)
        var planner = ListingPlanner(records)
        let planned = planner.plannedCases(for: target, meetings: repository.meetings)

        var ids: [String] = []
        var unknown = 0
        for hearing in recorded?.hearings ?? [] {
            guard let caseID = hearing.caseID else { continue }
            if records.summary(of: caseID) == nil { unknown += 1; continue }
            if !ids.contains(caseID) { ids.append(caseID) }
        }
        let listed = Set(ids)
        ids += planned.map(\.caseID).filter { !listed.contains($0) }
        let reasons = Dictionary(planned.map { ($0.caseID, $0.reasons) }, uniquingKeysWith: { a, _ in a })
        let candidates = ids.enumerated().map { order, caseID in
            records.agendaCandidate(records.summary(of: caseID)!, date: target.date, kind: recorded?.kind ?? .scheduled, fileOrder: order)
        }
        let order = engine.agendaOrder(candidates, start: 0)
        func row(_ index: Int, number: Int?, section: AgendaSection) -> Row {
            let candidate = candidates[index]
            return Row(
                caseID: ids[index], number: number, section: section, closedSession: candidate.isClosedSession,
                countsTowardsCap: engine.countsTowardsCap(candidate), listed: listed.contains(ids[index]),
                reasons: reasons[ids[index]] ?? [], presenter: candidate.referral?.agency)
        }
        let rows = order.items.map { row($0.index, number: $0.number, section: $0.section) }
            + order.overflow.map { row($0, number: nil, section: engine.agendaSection(candidates[$0])) }

        let file = recorded?.file ?? "\(Repository.meetingsFolder)/\(target.date.year)/\(target.id).toml"
        var outcome = Outcome(
            meetingID: target.id, file: file, fileExists: recorded != nil, referralCutoff: target.referralCutoff,
            cap: engine.rules.maxCasesPerMeeting, rows: rows, unknownCases: unknown, added: [])
        if apply, !outcome.toAdd.isEmpty {
            outcome.added = try write(outcome.toAdd, to: file, meeting: target, configuration: repository.configuration, root: repository.root)
            outcome.fileExists = true
        }
        return outcome
    }

    /// The meeting to plan and its file, if it has one.
    static func resolve(
        _ id: String, repository: Repository, engine: ProtocolEngine
    ) throws(RepositoryError) -> (ScheduledMeeting, Meeting?) {
        let configuration = repository.configuration
        if let meeting = repository.findMeeting(id), let date = meeting.date, let marac = meeting.marac {
            return (MeetingSchedule.meeting(
                on: date, marac: marac, configuration: configuration, rules: engine.rules, calendar: engine.calendar), meeting)
        }
        let dateText = String(id.prefix(10))
        guard let date = LocalDate(isoText: dateText) else {
            throw RepositoryError("give the meeting as its id (such as 2026-12-03-north, its file name without .toml) or its date")
        }
        let maracID = id.count > 11 ? String(id.dropFirst(11)) : nil
        let scheduled = MeetingSchedule.meetings(of: configuration, from: date, through: date, rules: engine.rules, calendar: engine.calendar)
            .filter { maracID == nil || $0.marac == maracID }
        guard scheduled.count == 1 else {
            throw RepositoryError(scheduled.isEmpty
                ? "no meeting \(maracID == nil ? "on \(date)" : ShownID.meetingID(id)) in meetings/ or in the schedule of marac.toml; 'mfile schedule' lists the meeting dates"
                : "more than one MARAC meets on \(date); give one of: \(scheduled.map(\.id).joined(separator: ", "))")
        }
        return (scheduled[0], nil)
    }

    /// Appends a `[[hearing]]` for each row to the meeting file (started from the scaffold
    /// when missing); returns the case ids written.
    static func write(
        _ rows: [Row], to file: String, meeting: ScheduledMeeting, configuration: Configuration, root: URL
    ) throws(RepositoryError) -> [String] {
        let url = root.appendingPathComponent(file)
        StaleTemporaries.remove(for: url)
        let old: [UInt8] = FileManager.default.fileExists(atPath: url.path)
            ? try FileSystem.read(url) : Array(RecordScaffold.meetingText(marac: meeting.marac, date: meeting.date).utf8)
        var editor: TOMLEditor
        do {
            editor = try TOMLEditor(bytes: old)
        } catch {
            throw RepositoryError("\(file):\(error.position.line):\(error.position.column): the meeting file is not valid TOML, so no hearing was added; run 'mfile lint \(file)' and mend it first")
        }
        for row in rows {
            var members: [(String, TOMLValue)] = [("case", .string(row.caseID))]
            if let agency = row.presenter, configuration.agency(agency) != nil { members.append(("presented_by", .string(agency))) }
            let entry = TOMLTable(members: members.map {
                TOMLTable.Member(key: $0.0, keyRange: .unknown, node: TOMLNode($0.1, range: .unknown))
            })
            do {
                editor = try editor.appendingArrayTable(entry, at: [.key("hearing")])
            } catch {
                throw RepositoryError("\(file): a [[hearing]] cannot be added (\(error.description)); nothing was written")
            }
        }
        try AtomicWrite.write(editor.bytes, to: url)
        return rows.map(\.caseID)
    }
}

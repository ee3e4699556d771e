import MaracBase
import MaracJSON
import MaracPapers
import MaracRecords
import MaracRepository

/// The papers of one case that a bundle carries, rendered as HTML with the repository's
/// templates and marked with its marking: the case minutes of every hearing, the referrals
/// with their risk assessment, and the open action plan. Closed-session cases get the closed
/// session's papers.
public enum CasePapers {
    /// What a bundle can hold (`mfile disclose --what`).
    public enum Part: String, Sendable, CaseIterable {
        case minutes, actions, referral
    }

    /// One rendered paper and its place in the bundle.
    public struct Paper: Sendable, Equatable {
        public var path: String
        public var title: String
        public var html: String
    }

    public static func minutesPath(_ meetingID: String) -> String { "papers/case-minutes-\(meetingID).html" }
    public static let referralsPath = "papers/referrals.html"
    public static let actionsPath = "papers/action-plan.html"
    public static let coverPath = "papers/00-cover.html"

    /// The papers of case `record` (a case of `repository`) for `parts`, in a fixed order.
    public static func render(
        _ record: Case, repository: Repository, parts: Set<Part>, asOf: LocalDate
    ) throws(PaperError) -> [Paper] {
        guard let id = record.id else { throw PaperError("\(record.file) has no id") }
        let engine = try Papers.engine(for: repository.configuration)
        let caseScope: SessionScope = SessionScope.isClosedSession(record, engine: engine) ? .closed : .general
        // Only this case, so the action plan and any register-like paper hold nothing else.
        var own = repository
        own.cases = [record]
        var papers: [Paper] = []
        if parts.contains(.minutes) {
            for meeting in TransferRecord.heardAt(id, in: own) {
                guard let meetingID = meeting.id else { continue }
                let scope: SessionScope = SessionScope.isClosedSession(record, meeting: meeting, engine: engine) ? .closed : .general
                let html = try Papers.render(
                    Papers.Request(.caseMinutes(meeting: meetingID, caseID: id), format: .html, scope: scope),
                    repository: own, engine: engine)
                papers.append(Paper(path: minutesPath(meetingID), title: "Case minutes of \(meetingID)", html: html))
            }
        }
        if parts.contains(.referral) {
            let context = referralsContext(record, configuration: own.configuration, scope: caseScope, asOf: asOf)
            let html = try PaperTemplates(root: own.root).render(template: "transfer-referrals.html", context: context, escaping: .html)
            papers.append(Paper(path: referralsPath, title: "Referrals and risk assessment", html: html))
        }
        if parts.contains(.actions) {
            let html = try Papers.render(
                Papers.Request(.actions(agency: nil, asOf: asOf), format: .html, scope: caseScope), repository: own, engine: engine)
            papers.append(Paper(path: actionsPath, title: "Open action plan as of \(asOf)", html: html))
        }
        return papers
    }

    /// The template context of the referrals paper.
    static func referralsContext(_ record: Case, configuration: Configuration, scope: SessionScope, asOf: LocalDate) -> JSONValue {
        let referrals = ReferralRows.rows(record, upTo: nil, configuration: configuration)
        return .object([
            ("paper", PaperJSON.paper(
                title: "Referrals and risk assessment", configuration: configuration, maracID: record.marac, date: asOf,
                scope: scope, format: .html)),
            ("caseID", PaperJSON.text(record.id)),
            ("status", .string(record.status?.rawValue ?? "not given")),
            ("session", .string(record.closedSession ? "closed" : "open")),
            ("people", .array(PaperJSON.people(record))),
            ("referrals", .array(referrals)),
        ])
    }

    /// What a cover sheet says.
    public struct Cover: Sendable {
        public var title: String
        public var purpose: String
        public var caseID: String
        public var from: String
        public var to: String
        public var kind: String?
        public var requested: LocalDate?
        public var date: LocalDate
        public var basis: String?
        public var decidedBy: String?
        public var restrictions: String
        public var marac: String?
        public var closed: Bool
    }

    /// The cover sheet listing `papers` (and any record files).
    public static func cover(
        _ cover: Cover, papers: [Paper], recordFiles: [String], repository: Repository
    ) throws(PaperError) -> Paper {
        let contents = papers.map { JSONValue.object([("file", .string($0.path)), ("title", .string($0.title))]) }
            + recordFiles.map { JSONValue.object([("file", .string($0)), ("title", .string("Record data for the receiving MARAC's mfile"))]) }
        let context = JSONValue.object([
            ("paper", PaperJSON.paper(
                title: cover.title, configuration: repository.configuration, maracID: cover.marac, date: cover.date,
                scope: cover.closed ? .closed : .general, format: .html)),
            ("purpose", .string(cover.purpose)),
            ("caseID", PaperJSON.text(cover.caseID)),
            ("from", PaperJSON.text(cover.from)),
            ("to", PaperJSON.text(cover.to)),
            ("kind", PaperJSON.text(cover.kind)),
            ("requested", PaperJSON.date(cover.requested)),
            ("date", PaperJSON.date(cover.date)),
            ("basis", PaperJSON.text(cover.basis)),
            ("decidedBy", PaperJSON.text(cover.decidedBy)),
            ("restrictions", PaperJSON.text(cover.restrictions)),
            ("contents", .array(contents)),
        ])
        let html = try PaperTemplates(root: repository.root).render(template: "bundle-cover.html", context: context, escaping: .html)
        return Paper(path: coverPath, title: cover.title, html: html)
    }
}

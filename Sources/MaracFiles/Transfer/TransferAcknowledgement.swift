import Foundation
import MaracBase
import MaracJSON
import MaracPapers
import MaracRecords
import MaracRepository

/// `mfile transfer acknowledge CASE`: the receipt of a case transferred in, recorded in the
/// case file (`acknowledged = DATE` in its latest `[[transfer]]` with `direction = "in"`) and
/// rendered as a short paper for the sending MARAC. The paper names the MARACs, both case ids
/// and the dates only, never a person, so it can go by ordinary secure email.
public enum TransferAcknowledgement {
    public struct Result: Sendable {
        public var caseFile: String
        /// The acknowledgement paper (HTML, marked as marac.toml says).
        public var html: String
        /// The date recorded (the earlier one when receipt was already acknowledged).
        public var acknowledged: LocalDate
        /// Whether this run recorded it (false: it was already recorded).
        public var recorded: Bool
    }

    public static func run(caseID: String, date: LocalDate, root: URL) throws -> Result {
        let lock = try RepositoryLock.acquire(root: root)
        defer { withExtendedLifetime(lock) {} }
        let repository = try Repository.load(at: root)
        guard let record = repository.findCase(caseID) else {
            throw TransferError("no case with id \(ShownID.caseID(caseID)) in cases/; give a case id as written in its file name")
        }
        let entries = record.table["transfer"]?.array ?? []
        guard let index = entries.lastIndex(where: { $0.table?["direction"]?.string == "in" }),
              let entry = entries[index].table else {
            throw TransferError("case \(ShownID.caseID(caseID)) has no [[transfer]] with direction = \"in\"; only a case transferred in ('mfile transfer in') is acknowledged")
        }
        var acknowledged = date
        var recorded = false
        if let earlier = entry["acknowledged"]?.localDate {
            acknowledged = earlier
        } else {
            var edit = CaseFileEdit(bytes: try FileSystem.read(root.appendingPathComponent(record.file)))
            do {
                try edit.setDate(at: ["transfer", .index(index), "acknowledged"], date)
            } catch {
                throw TransferError("\(record.file): \(error.message)")
            }
            try CaseChecks.validate(edit.bytes, file: record.file, root: root)
            try AtomicWrite.write(edit.bytes, to: root.appendingPathComponent(record.file))
            recorded = true
        }
        let context = JSONValue.object([
            ("paper", PaperJSON.paper(
                title: "Acknowledgement of a MARAC-to-MARAC transfer", configuration: repository.configuration,
                maracID: record.marac, date: acknowledged, scope: .general, format: .html)),
            ("to", PaperJSON.text(entry["from"]?.string)),
            ("from", PaperJSON.text(TransferOut.maracName(record, repository))),
            ("theirID", PaperJSON.text(entry["their_id"]?.string)),
            ("caseID", PaperJSON.text(caseID)),
            ("received", PaperJSON.date(entry["received"]?.localDate)),
            ("acknowledged", PaperJSON.date(acknowledged)),
            ("signedBy", PaperJSON.text(entry["signed_by"]?.string)),
        ])
        let html = try PaperTemplates(root: root).render(template: "transfer-acknowledgement.html", context: context, escaping: .html)
        return Result(caseFile: record.file, html: html, acknowledged: acknowledged, recorded: recorded)
    }
}

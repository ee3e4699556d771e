import MaracBase
import MaracRecords
import MaracRepository

/// Checks within one case file.
package enum CaseRules {
    package static func check(_ record: Case, _ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let file = record.file
        let root = FieldReader(record.table, file: file)

        if let id = record.id {
            let expectedName = id + ".toml"
            if !ShownID.isCaseID(id) {
                findings.append(Diagnostic(
                    file: file, position: root.position(of: "id"),
                    message: "the case id is not a valid case id, so the file name cannot match it; give the case the id in its file name, or a new one from 'mfile new case'",
                    rule: .fileName))
            } else if !file.hasSuffix("/" + expectedName) {
                findings.append(Diagnostic(
                    file: file, position: root.position(of: "id"),
                    message: "the file name does not match the case id \(id); rename the file to \(expectedName)",
                    rule: .fileName))
            }
            if let year = record.firstReceived?.year {
                let folder = "\(Repository.casesFolder)/\(year)/"
                if !file.hasPrefix(folder) {
                    findings.append(Diagnostic(
                        file: file, position: root.position(of: "id"),
                        message: "case \(ShownID.caseID(id)) belongs in \(folder) (the year its first referral arrived)",
                        rule: .fileName))
                }
            }
        }
        if let finding = context.unknownMarac(record.marac, file: file, at: root.position(of: "marac")) {
            findings.append(finding)
        }

        if let victim = record.victim, let reader = root.subtable("victim") {
            for field in Person.equalityFields where reader.table[field] == nil {
                findings.append(Diagnostic(
                    file: file, position: victim.position,
                    message: "victim.\(field) is missing; record the victim's answer, \"declined\" if they chose not to say, or \"not-known\" if it was not asked",
                    rule: .equalityMissing))
            }
        }

        for referral in record.referrals {
            let reader = referral.reader
            if let finding = context.unknownAgency(
                referral.agency, field: "\(reader.place).agency", file: file, at: reader.position(of: "agency"))
            {
                findings.append(finding)
            }
            if referral.criteria.contains(.professionalJudgement), !referral.hasJudgementReason {
                findings.append(Diagnostic(
                    file: file, position: reader.position(of: "criteria"),
                    message: "\(reader.place) is accepted on professional judgement but has no judgement_reason; write down why the case is high risk",
                    rule: .judgementReason))
            }
            if let received = referral.received, let told = referral.idvaReferred, told < received {
                findings.append(Diagnostic(
                    file: file, position: reader.position(of: "idva_referred"), severity: .warning,
                    message: "\(reader.place).idva_referred is before \(reader.place).received: the IDVA service cannot be told of a referral before it arrived; check both dates",
                    rule: .idvaBeforeReferral))
            }
            if context.consentReasonRequired, let consent = referral.consent, consent != .given, !referral.hasConsentReason {
                findings.append(Diagnostic(
                    file: file, position: reader.position(of: "consent"),
                    message: "\(reader.place) proceeds without consent but has no consent_reason; record why consent was not obtained",
                    rule: .consentReason))
            }
            if let engine = context.engine {
                findings += ReferralDutyRules.check(referral, of: record, engine: engine)
            }
        }
        if record.status == .closed, record.closed == nil {
            findings.append(Diagnostic(
                file: file, position: root.position(of: "status"), severity: .warning,
                message: "the case is closed but has no closed date; write the day it was closed (closed = YYYY-MM-DD): its retention period starts from it",
                rule: .closedDateMissing))
        }
        if let lifted = record.flagLifted, lifted > context.asOf, let flag = root.subtable("flag") {
            findings.append(Diagnostic(
                file: file, position: flag.position(of: "lifted"), severity: .warning,
                message: "flag.lifted is after \(context.asOf), \(context.asOfIsToday ? "today" : "the --as-of date"): flags cannot have been lifted on a day still to come; write the day they were lifted",
                rule: .liftedInFuture))
        }
        return findings
    }
}

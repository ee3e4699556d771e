/// Every rule `mfile lint` reports by, with what it finds (README's lint table lists exactly
/// these, checked by a test).
public enum LintRule: String, Sendable, CaseIterable, Comparable {
    case tomlSyntax = "toml-syntax"
    case schema
    case dateQuoted = "date-quoted"
    case unknownAgency = "unknown-agency"
    case unknownMarac = "unknown-marac"
    case unknownCase = "unknown-case"
    case duplicateCaseID = "duplicate-case-id"
    case duplicateActionID = "duplicate-action-id"
    case fileName = "file-name"
    case judgementReason = "judgement-reason"
    case consentReason = "consent-reason"
    case equalityMissing = "equality-missing"
    case confidentialityUnsigned = "confidentiality-unsigned"
    case actionIncomplete = "action-incomplete"
    case referralNotListed = "referral-not-listed"
    case criteriaMismatch = "criteria-mismatch"
    case protocolSettings = "protocol-settings"
    case hbvSessionOpen = "hbv-session-open"
    case infoOnlyUnused = "info-only-unused"
    case agencyKindMissing = "agency-kind-missing"
    case idvaBeforeReferral = "idva-before-referral"
    case liftedInFuture = "lifted-in-future"
    case victimUnderAge = "victim-under-age"
    case youngPersonDASH = "young-person-dash"
    case incidentNotRecent = "incident-not-recent"
    case decisionByMissing = "decision-by-missing"
    case decisionByRole = "decision-by-role"
    case returnReason = "return-reason"
    case signInOutMissing = "sign-in-out-missing"
    case signOutBeforeIn = "sign-out-before-in"
    case minutesCirculatedUnapproved = "minutes-circulated-unapproved"
    case meritGrade = "merit-grade"
    case notInformedReason = "not-informed-reason"
    case informedConsentConflict = "informed-consent-conflict"
    case retentionKeyMoved = "retention-key-moved"
    case closedDateMissing = "closed-date-missing"
    case io
    case outsideLink = "outside-link"

    /// What the rule finds, in an administrator's words.
    public var summary: String {
        switch self {
        case .tomlSyntax: "the file is not valid TOML (where, and what was expected)"
        case .schema: "a field breaks `schema/*.schema.json` (missing, unknown, wrong type or value)"
        case .dateQuoted: "a date written in quotes, so it is text rather than a date"
        case .unknownAgency: "an agency id that marac.toml does not have"
        case .unknownMarac: "a MARAC id that marac.toml does not have"
        case .unknownCase: "a case id that `cases/` does not have"
        case .duplicateCaseID: "a case id used by two files"
        case .duplicateActionID: "an action id used twice in one meeting"
        case .fileName: "a file whose name or folder does not match its id, date or year"
        case .judgementReason: "professional judgement without its reason"
        case .consentReason: "consent not given without the reason (where the profile's `consent_reason_required` is on)"
        case .equalityMissing: "an equality field absent (it holds one of the schema's answers, \"declined\" or \"not-known\"; the schema rule rejects anything else, listing the choices)"
        case .confidentialityUnsigned: "an attendee who did not sign the confidentiality statement"
        case .actionIncomplete: "an action without agency, owner or due date"
        case .referralNotListed:
            "an accepted referral not heard at the meeting the protocol lists it for, past that agenda's deadline as of today or `--as-of` (a warning; `mfile check` reports the breach)"
        case .criteriaMismatch: "a referral's criteria that its risk score or counts do not bear out (a warning)"
        case .protocolSettings: "marac.toml's `profile`, `[rules]` or `[calendar]` that the protocol engine cannot use"
        case .hbvSessionOpen: "an honour-based violence case not marked `session = \"closed\"` where the profile hears those closed (a warning)"
        case .infoOnlyUnused: "`info_only` on a referral where the profile lists no repeats for information only (a warning)"
        case .agencyKindMissing: "a profile rule that reads who referred (police, health) where no `[[agency]]` has that `kind` (a warning)"
        case .idvaBeforeReferral: "an IDVA referral dated before the referral to MARAC arrived (a warning)"
        case .liftedInFuture: "flags lifted on a date after today, or after `--as-of` (a warning)"
        case .victimUnderAge:
            "a referral (not returned) of a victim younger than the profile's `min_victim_age` on the day it arrived"
        case .youngPersonDASH:
            "where the profile's `young_person_dash` is on: the adult DASH for a victim aged 16-17 on the day the referral arrived, or the Young Persons DASH for one aged 18 or over (a warning)"
        case .incidentNotRecent:
            "a referral on visible high risk or escalation whose incident is older than the profile's `recent_incident_months` before it arrived (a warning)"
        case .decisionByMissing:
            "a referral accepted or returned below the threshold by score (professional judgement, escalation without counts) without `decided_by`, where the profile's `below_threshold_decision` is on"
        case .decisionByRole:
            "`decided_by` names none of the roles the profile has decide on such a referral (a warning)"
        case .returnReason: "a returned referral without `return_reason`, where the profile's `return_reason_required` is on"
        case .signInOutMissing: "an attendee without `signed_in` or `signed_out`, where the profile's `sign_in_out_times` is on"
        case .signOutBeforeIn: "an attendee signed out before signing in"
        case .minutesCirculatedUnapproved:
            "minutes circulated before the chair approved them (or with no `minutes_approved`), where the profile's `minutes_approved_before_circulation` is on"
        case .meritGrade:
            "`merit_grade` below the band the MeRIT score gives (a case may only be graded higher), or above it without `judgement_reason` (a warning)"
        case .notInformedReason:
            "`victim_informed = false` without `victim_not_informed_reason`, where the profile's `victim_not_informed_on_agenda` is on"
        case .informedConsentConflict: "`victim_informed = false` on a referral whose `consent` is \"given\" (a warning)"
        case .retentionKeyMoved: "`retention_months` at the top of marac.toml, where earlier versions read it; it belongs under `[rules]` (a warning)"
        case .closedDateMissing: "a case with `status = \"closed\"` and no `closed` date, so its retention period cannot start (a warning)"
        case .io: "a record file or folder that cannot be read (it stops every command: exit 2)"
        case .outsideLink: "a link under `cases/`, `meetings/` or `templates/` that leads out of the repository (it stops every command: exit 2)"
        }
    }

    public static func < (a: LintRule, b: LintRule) -> Bool { a.rawValue < b.rawValue }
}

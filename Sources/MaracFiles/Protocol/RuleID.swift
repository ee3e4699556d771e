
/// Every protocol rule `mfile` knows, in the stable order `mfile rules` lists them.
/// The raw value is the key used in marac.toml's `[rules]` table.

public enum RuleID: String, Sendable, Hashable, CaseIterable, Comparable {
    // Referral criteria
    case minVictimAge = "min_victim_age"
    case dashThreshold = "dash_threshold"
    case youngPersonDASH = "young_person_dash"
    case recentIncidentMonths = "recent_incident_months"
    case meritThreshold = "merit_threshold"
    case meritGoldMin = "merit_gold_min"
    case meritSilverMin = "merit_silver_min"
    case meritBronzeMin = "merit_bronze_min"
    case professionalJudgement = "professional_judgement"
    case escalation = "escalation"
    case escalationPoliceIncidents = "escalation_police_incidents"
    case escalationCrimes = "escalation_crimes"
    case escalationWindowMonths = "escalation_window_months"
    case transferIn = "transfer_in"
    case dvdsAutomatic = "dvds_automatic"
    case hbvAutomatic = "hbv_automatic"
    case hbvClosedSession = "hbv_closed_session"
    case consentReasonRequired = "consent_reason_required"
    case belowThresholdDecision = "below_threshold_decision"
    case returnReasonRequired = "return_reason_required"
    case dashHealthOnly = "dash_health_only"
    // Repeats
    case repeatWindowMonths = "repeat_window_months"
    case repeatIDVAOnlyMonths = "repeat_idva_only_months"
    case repeatAnyInstanceMonths = "repeat_any_instance_months"
    // IDVA
    case idvaReferral = "idva_referral"
    case idvaClockFromReceipt = "idva_clock_from_receipt"
    case idvaNonPoliceOnly = "idva_referral_non_police_only"
    // Listing and agenda
    case listingByReceipt = "listing_by_receipt"
    case maxCasesPerMeeting = "max_cases_per_meeting"
    case agendaWindowMinDays = "agenda_window_min_days"
    case agendaWindowMaxDays = "agenda_window_max_days"
    case agendaChildrenFirst = "agenda_children_first"
    case agendaHighestRiskFirst = "agenda_highest_risk_first"
    case agendaClaresLawLast = "agenda_clares_law_last"
    case agendaTransfersOutLast = "agenda_transfers_out_last"
    case agendaMeritBand = "agenda_merit_band"
    case victimNotInformedOnAgenda = "victim_not_informed_on_agenda"
    case repeatInfoOnlyListing = "repeat_info_only_listing"
    case slotMinutesWithChildren = "slot_minutes_with_children"
    case slotMinutesWithoutChildren = "slot_minutes_without_children"
    // Meeting and minutes
    case coreAgencyAttendance = "core_agency_attendance"
    case coreAgencyDeputyRequired = "core_agency_deputy_required"
    case presenterMustAttend = "presenter_must_attend"
    case signInOutTimes = "sign_in_out_times"
    case absentAgencyWrittenInfoDays = "absent_agency_written_info_days"
    case maxCasesMovedPerAgency = "max_cases_moved_per_agency"
    case minutesApprovalDays = "minutes_approval_days"
    case minutesApprovedBeforeCirculation = "minutes_approved_before_circulation"
    case minutesCirculationList = "minutes_circulation_list"
    case circulationListReviewMonths = "circulation_list_review_months"
    // Actions
    case actionChaseDays = "action_chase_days"
    case actionCompletionDays = "action_completion_days"
    // Escalation of cases
    case professionalsMeetingDays = "professionals_meeting_days"
    case professionalsMeetingIncidents = "professionals_meeting_incidents"
    case professionalsMeetingWindowMonths = "professionals_meeting_window_months"
    case complexCaseHearings = "complex_case_hearings"
    case complexCaseWindowMonths = "complex_case_window_months"
    // Transfers, disclosure, flags
    case transferOutDays = "transfer_out_days"
    case transferInAcknowledgement = "transfer_in_acknowledgement"
    case transferInAckDays = "transfer_in_ack_days"
    case transferOutReceiptConfirmed = "transfer_out_receipt_confirmed"
    case emergencyRelisting = "emergency_relisting"
    case dhrDisclosureDays = "dhr_disclosure_days"
    case flagMonths = "flag_months"
    case retentionMonths = "retention_months"

    public static func < (a: RuleID, b: RuleID) -> Bool { a.order < b.order }

    /// Rules kept in the profiles that nothing checks yet: `mfile rules` does not list them
    /// and `[rules]` cannot set them, until the protocol duties that use them are built.
    public static let notYetChecked: Set<RuleID> = []

    /// Whether `mfile rules` lists the rule and `[rules]` may set it: every such rule changes
    /// what some command reports.
    public var isChecked: Bool { !RuleID.notYetChecked.contains(self) }

    /// The rules `mfile rules` lists, in order.
    public static var checked: [RuleID] { allCases.filter(\.isChecked) }

    /// Rules earlier versions of mfile listed and this one does not have, with why (for a
    /// marac.toml that still sets one).
    public static let removed: [String: String] = [
        "minutes_pdf_per_case":
            "'mfile render case-minutes MEETING --all' gives each case its own paper (a PDF with --format pdf) in every profile, so the switch changed nothing",
    ]

    /// Position in `allCases`.
    public var order: Int { RuleID.allCases.firstIndex(of: self)! }

    private static let deadlineUnits: [TimeUnit] = [.workingDays, .days, .hours]
    private static let dayUnits: [TimeUnit] = [.workingDays, .days]

    /// The kind of value the rule takes.
    public var kind: RuleKind {
        switch self {
        case .minVictimAge: .count(unit: "years")
        case .dashThreshold: .count(unit: "ticks")
        case .meritThreshold, .meritGoldMin, .meritSilverMin, .meritBronzeMin: .count(unit: "points")
        case .escalationPoliceIncidents: .count(unit: "police incidents")
        case .escalationCrimes: .count(unit: "crimes")
        case .professionalsMeetingIncidents: .count(unit: "incidents")
        case .maxCasesPerMeeting, .maxCasesMovedPerAgency: .count(unit: "cases")
        case .complexCaseHearings: .count(unit: "hearings")
        case .slotMinutesWithChildren, .slotMinutesWithoutChildren: .count(unit: "minutes")
        case .escalationWindowMonths, .repeatWindowMonths, .repeatIDVAOnlyMonths,
             .repeatAnyInstanceMonths, .professionalsMeetingWindowMonths, .complexCaseWindowMonths,
             .flagMonths, .recentIncidentMonths, .circulationListReviewMonths, .retentionMonths:
            .period(units: [.months])
        case .idvaReferral: .period(units: RuleID.deadlineUnits)
        case .agendaWindowMinDays, .agendaWindowMaxDays, .absentAgencyWrittenInfoDays,
             .actionChaseDays, .actionCompletionDays, .professionalsMeetingDays, .transferOutDays,
             .dhrDisclosureDays, .minutesApprovalDays, .transferInAckDays:
            .period(units: RuleID.dayUnits)
        case .youngPersonDASH, .professionalJudgement, .escalation, .transferIn, .dvdsAutomatic,
             .hbvAutomatic, .hbvClosedSession, .consentReasonRequired, .belowThresholdDecision, .returnReasonRequired, .dashHealthOnly, .idvaClockFromReceipt,
             .idvaNonPoliceOnly, .listingByReceipt, .agendaChildrenFirst, .agendaHighestRiskFirst,
             .agendaClaresLawLast, .agendaTransfersOutLast, .repeatInfoOnlyListing, .coreAgencyAttendance,
             .coreAgencyDeputyRequired, .presenterMustAttend, .signInOutTimes, .minutesApprovedBeforeCirculation,
             .minutesCirculationList, .agendaMeritBand, .victimNotInformedOnAgenda, .transferInAcknowledgement, .transferOutReceiptConfirmed, .emergencyRelisting:
            .toggle
        }
    }

    /// What the rule means, in an administrator's words.
    public var summary: String {
        switch self {
        case .minVictimAge:
            "Youngest victim the MARAC takes referrals for: a victim younger on the day the referral arrived is an error unless the referral is returned"
        case .dashThreshold: "Visible high risk: DASH RIC 'yes' ticks at or above this"
        case .youngPersonDASH:
            "Victims aged 16-17 on the day the referral arrived are assessed with the Young Persons DASH (risk_tool = \"dash-young-person\"), older victims with the DASH"
        case .recentIncidentMonths:
            "A referral on visible high risk or escalation needs an incident within this long before it arrived; an older incident is referred on professional judgement"
        case .meritThreshold: "Visible high risk: MeRIT score at or above this"
        case .meritGoldMin: "MeRIT GOLD band starts at this score (a referrer may grade a case higher, merit_grade)"
        case .meritSilverMin: "MeRIT SILVER band starts at this score (up to GOLD minus 1)"
        case .meritBronzeMin: "MeRIT BRONZE band starts at this score (up to SILVER minus 1)"
        case .professionalJudgement:
            "Below-threshold referrals accepted on professional judgement, with the reason written down"
        case .escalation: "Escalating abuse (more severe or more frequent) is a referral criterion"
        case .escalationPoliceIncidents:
            "Escalation met at this many police incidents in the escalation window (or the crimes count)"
        case .escalationCrimes:
            "Escalation met at this many crimes in the escalation window (or the police incidents count)"
        case .escalationWindowMonths:
            "Window in which escalation incidents and crimes are counted: a referral's police_incidents_<N>m and crimes_<N>m for this N months are read"
        case .transferIn: "MARAC-to-MARAC transfers in are accepted and listed for the next meeting"
        case .dvdsAutomatic:
            "Every Clare's Law (DVDS) 'right to ask'/'right to know' disclosure is a MARAC case"
        case .hbvAutomatic: "Every honour-based violence case must be referred, whatever the score"
        case .hbvClosedSession: "Honour-based violence cases are heard in a closed session"
        case .consentReasonRequired:
            "A referral without the victim's consent records why consent was not obtained"
        case .belowThresholdDecision:
            "A referral below the threshold by score (professional judgement, escalation without counts) records who decided or quality-assured it (decided_by: roles, never names)\(DecisionRoles.summary)"
        case .returnReasonRequired: "A returned referral records why it was returned (return_reason)"
        case .dashHealthOnly:
            "A DASH score counts only on a referral from a health agency (kind = \"health\" in marac.toml); other agencies use MeRIT"
        case .repeatWindowMonths:
            "A further incident between the same victim and perpetrator within this long of the last referral is a repeat"
        case .repeatIDVAOnlyMonths:
            "A repeat within this long of the MARAC date, while the victim engages with the IDVA, goes to the IDVA only"
        case .repeatAnyInstanceMonths:
            "Any instance of abuse between the same victim and perpetrator within this long of the last referral is a repeat"
        case .idvaReferral: "An accepted referral is passed to the IDVA service within this time"
        case .idvaClockFromReceipt:
            "The IDVA referral time runs from the day the referral was received (else from the day it was accepted)"
        case .idvaNonPoliceOnly:
            "The IDVA referral time applies to referrals from agencies other than the police (kind = \"police\" in marac.toml)"
        case .listingByReceipt:
            "A referral is listed by the day it was received (else the day it was accepted): on or before a meeting's referral cut-off, that meeting"
        case .maxCasesPerMeeting:
            "Most cases heard at one meeting; beyond it the coordinator and chair prioritise by risk"
        case .agendaWindowMinDays: "Agenda circulated at least this long before the meeting"
        case .agendaWindowMaxDays: "Agenda circulated no earlier than this long before the meeting"
        case .agendaChildrenFirst:
            "Agenda hears the cases with children together first, so children's agencies can leave after them"
        case .agendaHighestRiskFirst: "Agenda lists the highest-risk cases first (within each group of the agenda)"
        case .agendaClaresLawLast: "Clare's Law requests are listed at the end of the agenda"
        case .agendaTransfersOutLast: "Outgoing transfers are listed at the end of the agenda"
        case .agendaMeritBand:
            "The agenda gives each MeRIT score its band (GOLD, SILVER, BRONZE), or the band the referrer graded it up to"
        case .victimNotInformedOnAgenda:
            "Where it was not safe to tell the victim the case goes to MARAC, the agenda gives the reason (victim_not_informed_reason)"
        case .repeatInfoOnlyListing:
            "Repeats needing no new safeguarding are listed 'for information only'"
        case .slotMinutesWithChildren: "Time allowed for a case with children (no times on the agenda when off)"
        case .slotMinutesWithoutChildren: "Time allowed for a case without children (no times on the agenda when off)"
        case .coreAgencyAttendance:
            "Every core agency ([[agency]] core = true; one that works with children only when a case has children) attends each scheduled meeting or sends apologies"
        case .coreAgencyDeputyRequired:
            "A core agency whose representative cannot attend sends an alternative representative, not apologies"
        case .presenterMustAttend:
            "A case is heard only with its presenter present: a hearing's presented_by agency is among the attendees"
        case .signInOutTimes: "Every attendee signs in and out, with the times (signed_in, signed_out)"
        case .absentAgencyWrittenInfoDays:
            "An agency that cannot attend sends written information at least this long before the meeting"
        case .maxCasesMovedPerAgency:
            "Most cases moved on the agenda for one agency at one meeting (a hearing's moved_for)"
        case .minutesApprovalDays:
            "The chair approves the minutes within this long of the meeting (no protocol sets a number: off unless marac.toml sets one)"
        case .minutesApprovedBeforeCirculation:
            "The chair approves the minutes before they are circulated: minutes_circulated on or after minutes_approved"
        case .minutesCirculationList:
            "Full minutes go only to the approved list ([[agency]] minutes = true in marac.toml), which the minutes paper names"
        case .circulationListReviewMonths:
            "The minutes circulation list is checked this often ([circulation] reviewed in marac.toml)"
        case .actionChaseDays:
            "Actions with no update are chased this long after the meeting"
        case .actionCompletionDays:
            "Agencies report actions complete (or that they cannot be completed) within this long of the meeting; an open or incomplete action after it is a breach even when updated"
        case .professionalsMeetingDays: "An escalated case's professionals' meeting is held within this long of the MARAC"
        case .professionalsMeetingIncidents:
            "A professionals' meeting is recommended (reported, not a breach) when a case's referrals show this many incidents (distinct incident dates) in the window"
        case .professionalsMeetingWindowMonths:
            "Window, up to the latest incident, in which incidents are counted for a professionals' meeting; reported until this long after it"
        case .complexCaseHearings: "A case heard this many times in the window triggers a complex case review"
        case .complexCaseWindowMonths: "Window in which hearings are counted for a complex case review"
        case .transferOutDays:
            "Outgoing MARAC-to-MARAC transfer made within this long of learning the victim moved"
        case .transferInAcknowledgement:
            "A transfer in is acknowledged (acknowledged) by the time it is listed: the agenda deadline of the next meeting after it was received, or transfer_in_ack_days"
        case .transferInAckDays:
            "A transfer in is acknowledged within this long of receipt (no protocol sets a number: off unless marac.toml sets one)"
        case .transferOutReceiptConfirmed:
            "The receiving MARAC confirms it received an outgoing transfer safely (receipt_confirmed): reported until it does"
        case .emergencyRelisting:
            "A case heard at an emergency MARAC is listed at the next scheduled MARAC (by that meeting's agenda deadline)"
        case .dhrDisclosureDays:
            "A domestic homicide review or safeguarding adult/child practice review panel receives minutes and action plans within this long of its request"
        case .flagMonths:
            "Victim and perpetrator files stay flagged this long after the last incident or referral"
        case .retentionMonths:
            "A closed case is listed by 'mfile sweep' for a destruction review this long after its retention start (no protocol sets a number: off unless marac.toml sets one)"
        }
    }
}

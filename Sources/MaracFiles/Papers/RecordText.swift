import MaracRecords

/// The free-text fields of records that only the papers print (names of attendees, what was
/// shared, what an action asks for), read from the record files (`FreeText`). The typed
/// records keep them apart from their facts so checks and messages cannot print them by
/// accident.
extension Meeting {
    /// Who chaired the meeting.
    var chair: String? { freeText?["chair"] }
    /// Where it is held.
    var venue: String? { freeText?["venue"] }
    /// When it starts, `HH:MM`.
    var time: String? { freeText?["time"] }
    /// When it starts, minutes after midnight.
    var startMinutes: Int? { time.flatMap { PaperText.minutes(clock: $0) } }
}

extension Attendee {
    var name: String? { freeText?["name"] }
    var role: String? { freeText?["role"] }
    /// Sign-in time, `HH:MM`.
    var signedIn: String? { freeText?["signed_in"] }
    /// Sign-out time, `HH:MM`.
    var signedOut: String? { freeText?["signed_out"] }
}

extension Apology {
    var name: String? { freeText?["name"] }
}

extension Information {
    var text: String? { freeText?["text"] }
}

extension Action {
    var owner: String? { freeText?["owner"] }
    var text: String? { freeText?["text"] }
    var note: String? { freeText?["note"] }
}

extension Referral {
    /// The person who referred.
    var referrer: String? { freeText?["referrer"] }
    /// The criteria as written, joined with ", " (empty when none are written).
    var criteriaText: String { freeText?["criteria"] ?? "" }
    var judgementReason: String? { freeText?["judgement_reason"] }
    /// Consent and the decision as written.
    var consentText: String? { freeText?["consent"] }
    var consentReason: String? { freeText?["consent_reason"] }
    var decisionText: String? { freeText?["decision"] }
    /// Why the victim was not told the case goes to MARAC (printed on the West Midlands agenda).
    var victimNotInformedReason: String? { freeText?["victim_not_informed_reason"] }
}

import MaracBase

/// The text of a new, empty record: every field an administrator fills in, with a comment
/// saying what goes there. `mfile lint` then lists what is still missing.
package enum RecordScaffold {
    package static func caseText(id: String, marac: String, received: LocalDate) -> String {
        """
        id = "\(id)"
        marac = "\(marac)"
        status = "open"                    # open | closed | transferred-out
        session = "open"                   # open | closed (closed session: papers kept apart)

        [victim]
        name = ""
        aliases = []
        # dob = YYYY-MM-DD
        gender = ""                        # female | male | trans-woman | trans-man | non-binary | other | declined | not-known
        address = ""
        ethnicity = ""                     # white-british, asian-pakistani, ... (the schema lists them) | declined | not-known
        sexual_orientation = ""            # heterosexual | lesbian | gay | bisexual | other | declined | not-known
        disability = ""                    # yes | no | declined | not-known

        [[perpetrator]]
        name = ""
        # dob = YYYY-MM-DD
        relationship = "partner"           # partner | ex-partner | spouse | ex-spouse | parent | child | sibling | other-family | other

        [[referral]]
        received = \(received)
        agency = ""                        # an [[agency]] id from marac.toml
        referrer = ""
        incident = \(received)             # the date of the latest incident
        risk_tool = "dash"                 # dash | dash-young-person | merit
        risk_score = 0
        criteria = ["visible-high-risk"]   # visible-high-risk | escalation | professional-judgement | repeat | transfer-in | dvds | hbv
        consent = "given"                  # given | refused | not-sought-unsafe | not-sought
        decision = "pending"               # accepted | returned | pending

        """
    }

    package static func meetingText(marac: String, date: LocalDate) -> String {
        """
        marac = "\(marac)"
        date = \(date)
        kind = "scheduled"                 # scheduled | emergency | closed
        chair = ""
        # agenda_circulated = YYYY-MM-DD
        # minutes_approved = YYYY-MM-DD

        # [[attendee]]
        # agency = "police"
        # name = ""
        # confidentiality_signed = true

        # [[hearing]]
        # case = "<case id>"
        # presented_by = "police"

        """
    }
}

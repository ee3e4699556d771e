import MaracJSON

/// The data return as rows and as Markdown, CSV or JSON. Counts below 5 (0 to 4) are written
/// "<5" unless `exact`; a rate or share whose count is so hidden is written "-".
extension DataReturn {
    /// One line of the return: a label, a machine key and a count (or a percentage).
    public struct Row: Sendable {
        public var key: String
        public var label: String
        public var count: Int?
        /// A percentage to one decimal place, with the count it is made of.
        public var rate: (numerator: Int, denominator: Int)?
    }

    public var rows: [Row] {
        var rows: [Row] = [
            Row(key: "cases_heard", label: "Cases heard", count: casesHeard),
            Row(key: "repeat_cases", label: "Repeat cases", count: repeatCases),
            Row(key: "repeat_rate", label: "Repeat rate (%)", rate: (repeatCases, casesHeard)),
            Row(key: "police_share", label: "Share of referrals from police (%)", rate: (policeReferrals, casesHeard)),
        ]
        for (agency, count) in referralsByAgency {
            rows.append(Row(key: "referrals_\(agency)", label: "Referrals from \(agency)", count: count))
        }
        rows += [
            Row(key: "children_in_households", label: "Children in the households", count: childrenInHouseholds),
            Row(key: "victims_bame", label: "Victims BAME", count: bame),
            Row(key: "victims_lgbt", label: "Victims LGBT", count: lgbt),
            Row(key: "victims_disabled", label: "Victims with a disability", count: disabled),
            Row(key: "victims_male", label: "Male victims", count: male),
            Row(key: "victims_aged_16_17", label: "Victims aged 16-17", count: aged16To17),
            Row(key: "perpetrators_under_18", label: "Perpetrators under 18", count: perpetratorsUnder18),
            Row(key: "transfers_in", label: "Transfers in", count: transfersIn),
            Row(key: "transfers_out", label: "Transfers out", count: transfersOut),
            Row(key: "dvds_cases", label: "DVDS (Clare's Law) cases", count: dvds),
            Row(key: "declined_ethnicity", label: "Declined: ethnicity", count: declinedEthnicity),
            Row(key: "declined_sexual_orientation", label: "Declined: sexual orientation", count: declinedSexualOrientation),
            Row(key: "declined_disability", label: "Declined: disability", count: declinedDisability),
        ]
        return rows
    }

    static func text(_ row: Row, exact: Bool) -> String {
        if let count = row.count { return !exact && count < 5 ? "<5" : String(count) }
        guard let (n, d) = row.rate, d > 0, exact || n >= 5 else { return "-" }
        let tenths = (n * 1000 + d / 2) / d
        return "\(tenths / 10).\(tenths % 10)"
    }

    public func markdown(exact: Bool) -> String {
        var text = "# MARAC data return, \(from) to \(to)\n\n| Measure | Value |\n|---|---:|\n"
        for row in rows { text += "| \(row.label) | \(Self.text(row, exact: exact)) |\n" }
        if !exact { text += "\nCounts below 5 are shown as <5.\n" }
        return text
    }

    public func csv(exact: Bool) -> String {
        var text = "measure,value\n"
        for row in rows { text += "\(row.key),\(Self.text(row, exact: exact))\n" }
        return text
    }

    public func json(exact: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("from", .string(from.description)), ("to", .string(to.description)), ("exact", .bool(exact)),
        ]
        for row in rows {
            let text = Self.text(row, exact: exact)
            if row.count != nil, let n = Int64(text) {
                members.append((row.key, .integer(n)))
            } else if row.rate != nil, let x = Double(text) {
                members.append((row.key, .number(x)))
            } else {
                members.append((row.key, text == "-" ? .null : .string(text)))
            }
        }
        return .object(members)
    }
}

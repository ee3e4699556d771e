import MaracBase
import MaracJSON
import MaracRecords

/// The data return as Markdown, CSV or JSON, by meeting or for the period. Counts below 5
/// (0 to 4) are written "<5" unless `exact`; a percentage of fewer than 5, or a rate per
/// 10,000 of fewer than 5 cases, is written "-" (JSON: null).
extension DataReturn {
    /// One counted measure: the same for every meeting row and the total.
    public struct Column: Sendable {
        public var key: String
        public var label: String
        /// `nil` when the return cannot tell (no agency marked police).
        public var value: @Sendable (Counts) -> Int?
    }

    /// A published indicator worked out from the total.
    public struct Indicator: Sendable {
        public enum Value: Sendable {
            case count(Int)
            case percent(Int, of: Int)
            case per10000(cases: Int, population: Int)
            /// Cannot be worked out (a note says why).
            case unavailable
        }
        public var key: String
        public var label: String
        public var value: Value
    }

    /// The counted measures, in the order of every format.
    public var columns: [Column] {
        let tellsPolice = !settings.policeAgencyIDs.isEmpty
        let categories = settings.categories
        var columns = [
            Column(key: "cases", label: "Cases discussed (repeats included)") { $0.cases },
            Column(key: "repeat_cases", label: "Repeat cases") { $0.repeats },
            Column(key: "police_referrals", label: "Referrals from the police") { tellsPolice ? $0.policeReferrals : nil },
            Column(key: "partner_referrals", label: "Referrals from partner agencies (not police)") { tellsPolice ? $0.partnerReferrals : nil },
        ]
        for agency in settings.agencies {
            let id = agency.id
            columns.append(Column(key: "referred_by_\(id)", label: "Referred by \(agency.name)") { $0.referralsByAgency[id] ?? 0 })
        }
        columns += [
            Column(key: "referral_agency_not_listed", label: "Referred by no agency marac.toml lists") { $0.agencyNotRecorded },
            Column(key: "children_in_households", label: "Children in the households") { $0.childrenInHouseholds },
        ]
        let byField: [(DataReturnCategories.Key, EqualityField, declined: String, notKnown: String)] = [
            (.raciallyMinoritised, .ethnicity, "Victims who declined to give their ethnicity", "Victims whose ethnicity is not known"),
            (.lgbtPlus, .sexualOrientation, "Victims who declined to give their sexual orientation", "Victims whose sexual orientation is not known"),
            (.disabled, .disability, "Victims who declined to say whether they have a disability", "Victims whose disability is not known"),
            (.male, .gender, "Victims who declined to give their gender", "Victims whose gender is not known"),
        ]
        for (key, field, declined, notKnown) in byField {
            columns += [
                Column(key: "victims_\(key.rawValue)", label: "Victims: \(categories.category(key).label)") { $0.inCategory[key] ?? 0 },
                Column(key: "\(field.rawValue)_declined", label: declined) { $0.declined[field] ?? 0 },
                Column(key: "\(field.rawValue)_not_known", label: notKnown) { $0.notKnown[field] ?? 0 },
            ]
        }
        columns += [
            Column(key: "victims_aged_16_17", label: "Victims aged 16-17") { $0.aged16To17 },
            Column(key: "victims_age_not_known", label: "Victims with no date of birth") { $0.victimAgeNotKnown },
            Column(key: "perpetrators_17_or_under", label: "Perpetrators aged 17 or under") { $0.perpetrators17OrUnder },
            Column(key: "transfers_in", label: "Transfers in from another MARAC") { $0.transfersIn },
            Column(key: "dvds_cases", label: "DVDS (Clare's Law) cases") { $0.dvds },
            Column(key: "reviews", label: "Heard again for a referral already counted (not cases)") { $0.reviews },
        ]
        return columns
    }

    /// The indicators SafeLives publishes, in its order, from the period's total.
    public var indicators: [Indicator] {
        let t = total
        let labels = settings.categories
        let tellsPolice = !settings.policeAgencyIDs.isEmpty
        func share(_ key: DataReturnCategories.Key) -> Indicator {
            Indicator(key: "\(key.rawValue)_share", label: "% victims: \(labels.category(key).label)", value: .percent(t.inCategory[key] ?? 0, of: t.cases))
        }
        return [
            Indicator(key: "cases", label: "Number of cases (repeats included)", value: .count(t.cases)),
            Indicator(key: "children_in_households", label: "Number of children in the households", value: .count(t.childrenInHouseholds)),
            Indicator(
                key: "cases_per_10000", label: "Cases per 10,000 adult (16+) female population",
                value: settings.adultFemalePopulation.map { .per10000(cases: t.cases, population: $0.count) } ?? .unavailable),
            Indicator(key: "repeat_rate", label: "% repeat cases", value: .percent(t.repeats, of: t.cases)),
            Indicator(
                key: "partner_share", label: "% referrals from partner agencies (not police)",
                value: tellsPolice ? .percent(t.partnerReferrals, of: t.cases) : .unavailable),
            Indicator(
                key: "police_share", label: "% referrals from the police",
                value: tellsPolice ? .percent(t.policeReferrals, of: t.cases) : .unavailable),
            share(.raciallyMinoritised), share(.lgbtPlus), share(.disabled), share(.male),
            Indicator(key: "victims_aged_16_17", label: "Number of victims aged 16-17", value: .count(t.aged16To17)),
            Indicator(key: "aged_16_17_share", label: "% victims aged 16-17", value: .percent(t.aged16To17, of: t.cases)),
            Indicator(key: "perpetrators_17_or_under", label: "Number of perpetrators aged 17 or under", value: .count(t.perpetrators17OrUnder)),
        ]
    }

    /// What a reader must know to use the numbers: what is left out and why.
    public func notes(exact: Bool) -> [String] {
        var notes: [String] = []
        if asOf < period.to {
            notes.append("Meetings after \(asOf) (the as-of date) are not counted; the period runs to \(period.to).")
        }
        if settings.policeAgencyIDs.isEmpty {
            notes.append("No [[agency]] in marac.toml has kind = \"police\", so police and partner-agency referrals are not told apart; add kind = \"police\" to the police's [[agency]] table.")
        }
        if let population = settings.adultFemalePopulation {
            let years = population.years.map(String.init).joined(separator: ", ")
            notes.append("Cases per 10,000 divides this period's cases by an adult (16+) female population of \(population.count) (source year \(years)); SafeLives publishes it over 12 months.")
        } else {
            notes.append("Cases per 10,000 is left out: give adult_female_population and adult_female_population_year to every [[marac]] in marac.toml.")
        }
        for field in EqualityField.allCases {
            let n = total.unrecorded[field] ?? 0
            if n > 0 {
                let name = field.rawValue.replacingOccurrences(of: "_", with: " ")
                notes.append("Victims with no \(name) answer from the schema's list (missing, or written another way), in no category: \(Self.text(n, exact: exact)); run 'mfile lint' to find them.")
            }
        }
        if total.agencyNotRecorded > 0 {
            notes.append("Cases with no referral, or a referring agency marac.toml does not list, counted as neither police nor partner-agency referrals: \(Self.text(total.agencyNotRecorded, exact: exact)).")
        }
        if hearingsWithoutCaseFile > 0 {
            notes.append("Hearings of a case that has no case file, not counted: \(Self.text(hearingsWithoutCaseFile, exact: exact)); run 'mfile lint' to find them.")
        }
        if !exact {
            notes.append("Counts below 5 are shown as <5 and percentages of fewer than 5 as -; --exact gives every number, for the SafeLives form only.")
        }
        return notes
    }

    // MARK: text of one value

    static func text(_ count: Int?, exact: Bool) -> String {
        guard let count else { return "-" }
        return !exact && count < 5 ? "<5" : String(count)
    }

    static func text(_ value: Indicator.Value, exact: Bool) -> String {
        switch value {
        case .count(let n): return text(n, exact: exact)
        case .percent(let n, let d):
            guard d > 0, exact || n >= 5 else { return "-" }
            return tenths(n * 1000, d)
        case .per10000(let cases, let population):
            guard population > 0, exact || cases >= 5 else { return "-" }
            return tenths(cases * 100_000, population)
        case .unavailable: return "-"
        }
    }

    /// `numerator / denominator` rounded to one decimal place (half up).
    private static func tenths(_ numerator: Int, _ denominator: Int) -> String {
        let tenths = (numerator + denominator / 2) / denominator
        return "\(tenths / 10).\(tenths % 10)"
    }

    private var heading: String {
        let categories = settings.categories
        return "# MARAC data return, \(period.from) to \(period.to)\n\n"
            + "Meetings held from \(period.from) to \(countedTo) (as of \(asOf)). "
            + "Categories: version \(categories.version) (\(categories.origin)).\n"
    }

    // MARK: formats

    /// Markdown: a table of every measure (a column per meeting when `byMeeting`, and the
    /// total), the published indicators, and the notes.
    public func markdown(byMeeting: Bool, exact: Bool) -> String {
        var text = heading + "\n"
        let rows = byMeeting ? meetings : []
        let head = rows.map { "\($0.date) \($0.marac ?? "")".trimmingCharacters(in: .whitespaces) } + ["Total"]
        text += "| Measure | " + head.joined(separator: " | ") + " |\n"
        text += "|---|" + String(repeating: "---:|", count: head.count) + "\n"
        for column in columns {
            let cells = rows.map { Self.text(column.value($0.counts), exact: exact) } + [Self.text(column.value(total), exact: exact)]
            text += "| \(Self.markdownCell(column.label)) | " + cells.joined(separator: " | ") + " |\n"
        }
        text += "\n## Published indicators\n\n| Indicator | Value |\n|---|---:|\n"
        for indicator in indicators {
            text += "| \(Self.markdownCell(indicator.label)) | \(Self.text(indicator.value, exact: exact)) |\n"
        }
        text += attendanceMarkdown()
        let notes = notes(exact: exact)
        if !notes.isEmpty { text += "\n" + notes.map { "- \($0)\n" }.joined() }
        return text
    }

    /// CSV. By meeting: a header, one row per meeting (date, MARAC, every count) and a total
    /// row, to paste into the data form. Otherwise `measure,value` lines: the counts, then the
    /// indicators that are not counts.
    public func csv(byMeeting: Bool, exact: Bool) -> String {
        let columns = columns
        if byMeeting {
            var text = (["meeting_date", "marac"] + columns.map { Self.csvField($0.key) }).joined(separator: ",") + "\n"
            for row in meetings {
                let cells = columns.map { Self.text($0.value(row.counts), exact: exact) }
                text += ([row.date.description, Self.csvField(row.marac ?? "")] + cells).joined(separator: ",") + "\n"
            }
            text += (["total", ""] + columns.map { Self.text($0.value(total), exact: exact) }).joined(separator: ",") + "\n"
            return text
        }
        var text = "measure,value\n"
        for column in columns { text += "\(Self.csvField(column.key)),\(Self.text(column.value(total), exact: exact))\n" }
        for indicator in indicators {
            if case .count = indicator.value { continue }
            text += "\(indicator.key),\(Self.text(indicator.value, exact: exact))\n"
        }
        return text + attendanceCSV()
    }

    /// JSON: the period, the categories' version, the meetings (when `byMeeting`), the total,
    /// the indicators and the notes. A hidden count is the string "<5"; a hidden or unavailable
    /// percentage is null.
    public func json(byMeeting: Bool, exact: Bool) -> JSONValue {
        let columns = columns
        func counts(_ counts: Counts) -> [(key: String, value: JSONValue)] {
            columns.map { column in
                guard let n = column.value(counts) else { return (column.key, .null) }
                let text = Self.text(n, exact: exact)
                return (column.key, Int64(text).map(JSONValue.integer) ?? .string(text))
            }
        }
        let categories = settings.categories
        var members: [(key: String, value: JSONValue)] = [
            ("from", .string(period.from.description)), ("to", .string(period.to.description)),
            ("as_of", .string(asOf.description)), ("counted_to", .string(countedTo.description)), ("exact", .bool(exact)),
            ("categories", .object([
                ("version", .string(categories.version)), ("origin", .string(categories.origin)),
                ("labels", .object(DataReturnCategories.Key.allCases.map { ($0.rawValue, .string(categories.category($0).label)) })),
            ])),
            ("adult_female_population", settings.adultFemalePopulation.map { population in
                .object([("count", .integer(Int64(population.count))), ("years", .array(population.years.map { .integer(Int64($0)) }))])
            } ?? .null),
        ]
        if byMeeting {
            members.append(("meetings", .array(meetings.map { row in
                .object([("date", .string(row.date.description)), ("marac", row.marac.map(JSONValue.string) ?? .null)] + counts(row.counts))
            })))
        }
        members.append(("total", .object(counts(total))))
        members.append(("indicators", .object(indicators.map { indicator in
            let text = Self.text(indicator.value, exact: exact)
            switch indicator.value {
            case .count: return (indicator.key, Int64(text).map(JSONValue.integer) ?? .string(text))
            default: return (indicator.key, Double(text).map(JSONValue.number) ?? .null)
            }
        })))
        members.append(("attendance", attendanceJSON()))
        members.append(("notes", .array(notes(exact: exact).map(JSONValue.string))))
        return .object(members)
    }

    /// A Markdown table cell: a `|` in a label from marac.toml does not end the cell.
    private static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import MaracJSON
import MaracProtocol

/// Attendance by agency at the scheduled meetings of a period, for the steering group:
/// "Attendance at MARAC will be monitored by the MARAC Steering Group" [003 MOP §3.6];
/// coordinators "Regularly analyse MARAC data to ensure that individual organisations are
/// regularly attending meetings" [000 §6]. Each meeting's standing of an agency is
/// `MeetingAttendance.standing(of:)`, the rule `check` uses for `core-agency-absent`. These
/// count agencies, not people, so they are always exact (no "<5").
public enum AttendanceReturn {
    public struct Row: Sendable, Equatable {
        public var agency: String
        public var name: String
        public var core: Bool
        public var meetings = 0
        public var attended = 0
        public var apologiesWritten = 0
        public var apologiesNoWritten = 0
        public var absent = 0

        /// The counts by key, in the order of every format (`attendance_<agency>_<key>`).
        public var counts: [(key: String, value: Int)] {
            [("meetings", meetings), ("attended", attended), ("apologies_written", apologiesWritten),
             ("apologies_no_written", apologiesNoWritten), ("absent", absent)]
        }

        /// Attended as a percentage of the meetings, to one decimal place; `nil` with no meetings.
        public var attendedPercent: String? {
            guard meetings > 0 else { return nil }
            let tenths = (attended * 1000 + meetings / 2) / meetings
            return "\(tenths / 10).\(tenths % 10)"
        }
    }

    /// One row an agency, core agencies first, then marac.toml's order.
    static func rows(_ meetings: [MeetingAttendance], agencies: [DataReturnSettings.Agency]) -> [Row] {
        let ordered = agencies.filter(\.core) + agencies.filter { !$0.core }
        return ordered.map { agency in
            var row = Row(agency: agency.id, name: agency.name, core: agency.core)
            for meeting in meetings {
                row.meetings += 1
                switch meeting.standing(of: agency.id) {
                case .attended: row.attended += 1
                case .apologyWithWrittenInformation: row.apologiesWritten += 1
                case .apologyWithoutWrittenInformation: row.apologiesNoWritten += 1
                case .absent: row.absent += 1
                }
            }
            return row
        }
    }
}

extension DataReturn {
    /// The attendance rows as Markdown.
    func attendanceMarkdown() -> String {
        guard !attendance.isEmpty else { return "" }
        var text = "\n## Attendance at scheduled meetings (agencies, not people: exact)\n\n"
        text += "| Agency | Core | Meetings | Attended | Apologies, written information | Apologies, no written information | Absent | Attended % |\n"
        text += "|---|---|---:|---:|---:|---:|---:|---:|\n"
        for row in attendance {
            let cells = [row.name.replacingOccurrences(of: "|", with: "\\|"), row.core ? "yes" : "no"]
                + row.counts.map { String($0.value) } + [row.attendedPercent ?? "-"]
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// `attendance_<agency>_<measure>,value` lines for the CSV summary.
    func attendanceCSV() -> String {
        attendance.map { row in
            row.counts.map { "attendance_\(row.agency)_\($0.key),\($0.value)\n" }.joined()
                + "attendance_\(row.agency)_attended_pct,\(row.attendedPercent ?? "-")\n"
        }.joined()
    }

    /// The attendance rows as JSON.
    func attendanceJSON() -> JSONValue {
        .array(attendance.map { row in
            .object([("agency", .string(row.agency)), ("core", .bool(row.core))]
                + row.counts.map { ($0.key, JSONValue.integer(Int64($0.value))) }
                + [("attended_pct", row.attendedPercent.flatMap(Double.init).map(JSONValue.number) ?? .null)])
        })
    }
}

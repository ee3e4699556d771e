import Foundation
import MaracTOML

/// A field a map fills, resolved against the schema: where its value goes and what it holds.
struct MappedField: Sendable, Hashable {
    /// Which table of the records the value goes into.
    enum Target: Sendable, Hashable {
        /// A case file (a cases sheet): `path` is the field in it.
        case `case`
        /// The meeting an action belongs to (`meeting.date`, `meeting.marac`).
        case meeting
        /// The case an action belongs to, by its reference (`case.reference`).
        case caseReference
        /// The hearing of the case at the meeting (`hearing.presented_by`).
        case hearing
        /// The action itself (`action.due`).
        case action
    }

    var target: Target
    /// The field within its target table.
    var path: FieldPath
    var kind: FieldKind

    /// The field as the map and the report name it (`victim.dob`, `action.due`).
    var name: String {
        switch target {
        case .case: path.description
        case .meeting: "meeting.\(path)"
        case .caseReference: "case.\(path)"
        case .hearing: "hearing.\(path)"
        case .action: "action.\(path)"
        }
    }

    /// The field as a map usually writes it: first entries without `[1]` (`referral.agency`).
    var mapName: String { name.replacingOccurrences(of: "[1]", with: "") }

    static func == (a: MappedField, b: MappedField) -> Bool { a.target == b.target && a.path == b.path }
    func hash(into hasher: inout Hasher) {
        hasher.combine(target)
        hasher.combine(path)
    }
}

extension SchemaFields {
    /// Resolves a field of a map of `kind` (`victim.dob`; `action.due`, `meeting.date`,
    /// `case.reference`), or says what is wrong with it.
    func mappedField(_ text: String, kind: ImportMap.Kind) -> Result<MappedField, MapFieldProblem> {
        guard let path = FieldPath(text) else {
            return .failure(.notALeaf("this is not a field name; write fields like victim.dob or perpetrator[2].name"))
        }
        switch kind {
        case .cases:
            return resolve(path, in: document, excluded: ["id"], place: "a case").map {
                MappedField(target: .case, path: $0.0, kind: $0.1)
            }
        case .actions:
            let rest = path.dropping(1)
            let roots = "an actions map fills meeting.date, meeting.marac, case.reference, hearing.FIELD and action.FIELD"
            guard path.segments[0].index == nil, !rest.segments.isEmpty else { return .failure(.notALeaf(roots)) }
            switch path.first {
            case "meeting":
                guard rest.segments.count == 1, ["date", "marac"].contains(rest.first) else {
                    return .failure(.notALeaf("an actions sheet fills meeting.date and meeting.marac only (the meeting file keeps the rest)"))
                }
                return resolve(rest, in: document, place: "a meeting").map { MappedField(target: .meeting, path: $0.0, kind: $0.1) }
            case "case":
                guard rest.description == "reference" else {
                    return .failure(.notALeaf("an action finds its case by case.reference (the reference the cases were imported with)"))
                }
                return .success(MappedField(target: .caseReference, path: rest, kind: .text))
            case "hearing":
                guard let hearing = object(at: ["hearing"]) else { return .failure(.notALeaf("the meeting schema has no hearing")) }
                return resolve(rest, in: hearing, excluded: ["case", "action", "information"], place: "a hearing").map {
                    MappedField(target: .hearing, path: $0.0, kind: $0.1)
                }
            case "action":
                guard let action = object(at: ["hearing", "action"]) else { return .failure(.notALeaf("the meeting schema has no action")) }
                return resolve(rest, in: action, excluded: ["id"], place: "an action").map {
                    MappedField(target: .action, path: $0.0, kind: $0.1)
                }
            default:
                return .failure(.notALeaf(roots))
            }
        }
    }

    /// Every field a map of `kind` can fill, as the template lists them.
    func mappableFields(_ kind: ImportMap.Kind) -> [(String, FieldKind)] {
        switch kind {
        case .cases:
            return leaves(in: document, excluded: ["id"])
        case .actions:
            var out: [(String, FieldKind)] = [("meeting.date", .date), ("meeting.marac", .marac), ("case.reference", .text)]
            if let hearing = object(at: ["hearing"]) {
                out += leaves(in: hearing, prefix: "hearing", excluded: ["case", "action", "information"])
            }
            if let action = object(at: ["hearing", "action"]) {
                out += leaves(in: action, prefix: "action", excluded: ["id"])
            }
            return out
        }
    }
}

import Foundation
import XCTest
@testable import MaracJSON
@testable import MaracRecords
@testable import MaracSchema

/// Validation speed on record-sized values. Skipped unless `MFILE_BENCHMARK=1`; run it in a
/// release build:
///
///     MFILE_BENCHMARK=1 swift test -c release --filter JSONSchemaBenchmark
final class JSONSchemaBenchmark: XCTestCase {
    static let schema = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://marac.example/schema/case.schema.json",
      "type": "object",
      "required": ["id", "marac", "status", "session", "victim", "referral"],
      "additionalProperties": false,
      "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9]{4}-[a-z0-9]{4}$"},
        "marac": {"type": "string", "minLength": 1},
        "status": {"enum": ["open", "closed", "transferred-out"]},
        "session": {"enum": ["open", "closed"]},
        "flagged_until": {"type": "string", "format": "date"},
        "updated": {"type": "string", "format": "date-time"},
        "victim": {"$ref": "#/$defs/victim"},
        "perpetrator": {"type": "array", "items": {"$ref": "#/$defs/perpetrator"}},
        "child": {"type": "array", "items": {"$ref": "#/$defs/child"}},
        "referral": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/referral"}},
        "transfer": {"type": "array", "items": {"$ref": "#/$defs/transfer"}},
        "disclosure": {"type": "array", "items": {"$ref": "#/$defs/disclosure"}},
        "notes": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}
      },
      "$defs": {
        "date": {"type": "string", "format": "date"},
        "name": {"type": "string", "minLength": 1, "maxLength": 200},
        "person": {
          "type": "object",
          "required": ["name"],
          "properties": {
            "name": {"$ref": "#/$defs/name"},
            "aliases": {"type": "array", "items": {"$ref": "#/$defs/name"}},
            "dob": {"$ref": "#/$defs/date"},
            "gender": {"enum": ["female", "male", "non-binary", "other", "declined", "unknown"]},
            "address": {"type": "string"}
          }
        },
        "victim": {
          "allOf": [{"$ref": "#/$defs/person"}],
          "required": ["ethnicity", "sexual_orientation", "disability"],
          "properties": {
            "ethnicity": {"type": "string"},
            "sexual_orientation": {"type": "string"},
            "disability": {"type": "string"},
            "phone": {"type": "string", "pattern": "^[0-9 +]+$"}
          },
          "unevaluatedProperties": false
        },
        "perpetrator": {
          "allOf": [{"$ref": "#/$defs/person"}],
          "properties": {
            "name": true, "aliases": true, "dob": true, "gender": true, "address": true,
            "relationship": {"enum": ["partner", "ex-partner", "family-member", "other"]}
          },
          "additionalProperties": false
        },
        "child": {
          "allOf": [{"$ref": "#/$defs/person"}],
          "properties": {"name": true, "aliases": true, "dob": true, "gender": true, "address": true,
                         "in_household": {"type": "boolean"}},
          "additionalProperties": false
        },
        "referral": {
          "type": "object",
          "required": ["received", "agency", "risk_tool", "criteria", "consent", "decision"],
          "additionalProperties": false,
          "properties": {
            "received": {"$ref": "#/$defs/date"},
            "agency": {"type": "string"},
            "referrer": {"type": "string"},
            "incident": {"$ref": "#/$defs/date"},
            "risk_tool": {"enum": ["dash", "dash-young-person", "merit"]},
            "risk_score": {"type": "integer", "minimum": 0, "maximum": 200},
            "criteria": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"enum": [
              "visible-high-risk", "escalation", "professional-judgement", "repeat", "transfer-in", "dvds", "hbv"]}},
            "judgement_reason": {"type": "string"},
            "consent": {"enum": ["given", "refused", "not-sought-unsafe", "not-sought"]},
            "consent_reason": {"type": "string"},
            "decision": {"enum": ["accepted", "returned", "pending"]},
            "idva_referred": {"$ref": "#/$defs/date"},
            "info_only": {"type": "boolean"}
          },
          "dependentRequired": {"judgement_reason": ["criteria"]},
          "if": {"properties": {"consent": {"const": "given"}}},
          "else": {"required": ["consent_reason"]}
        },
        "transfer": {
          "type": "object", "required": ["direction", "notified"], "additionalProperties": false,
          "properties": {"direction": {"enum": ["in", "out"]}, "notified": {"$ref": "#/$defs/date"},
                         "sent": {"$ref": "#/$defs/date"}, "to": {"type": "string"}}
        },
        "disclosure": {
          "type": "object", "required": ["date", "to", "what", "basis"], "additionalProperties": false,
          "properties": {"date": {"$ref": "#/$defs/date"}, "to": {"type": "string"}, "what": {"type": "string"},
                         "basis": {"type": "string"}}
        }
      }
    }
    """#

    static func fieldCount(_ value: JSONValue) -> Int {
        switch value {
        case .object(let members): members.reduce(0) { $0 + 1 + fieldCount($1.value) }
        case .array(let items): items.reduce(0) { $0 + fieldCount($1) }
        default: 0
        }
    }

    /// A case record of about 70 fields in nested tables and lists; every 10th one has two mistakes.
    static func record(_ i: Int) -> JSONValue {
        func date(_ n: Int) -> JSONValue { .string(String(format: "20%02d-%02d-%02d", 10 + n % 16, 1 + n % 12, 1 + n % 28)) }
        func person(_ n: Int) -> [(key: String, value: JSONValue)] {
            [("name", .string("Person \(n)")), ("aliases", .array([.string("P\(n)")])), ("dob", date(n)),
             ("gender", .string("female")), ("address", .string("\(n) Example Street"))]
        }
        let broken = i % 10 == 0
        let victim: [(key: String, value: JSONValue)] = person(i) + [
            ("ethnicity", .string("declined")), ("sexual_orientation", .string("declined")),
            ("disability", .string("none")), ("phone", .string("0121 000 \(i % 1000)"))]
        let referrals: [JSONValue] = (0..<2).map { r in
            .object([("received", date(i + r)), ("agency", .string("police")), ("referrer", .string("PC \(i)")),
                     ("incident", broken && r == 1 ? .string("yesterday") : date(i + r + 3)),
                     ("risk_tool", .string("dash")), ("risk_score", .integer(Int64(14 + i % 10))),
                     ("criteria", .array([.string("visible-high-risk"), .string("repeat")])),
                     ("consent", .string(r == 0 ? "given" : "refused")), ("consent_reason", .string("unsafe")),
                     ("decision", .string("accepted")), ("idva_referred", date(i + 1)), ("info_only", .bool(false))])
        }
        return .object([
            ("id", .string(String(format: "%04x-%04x", i % 65536, (i * 7) % 65536))),
            ("marac", .string("north")), ("status", .string(broken ? "pending" : "open")), ("session", .string("open")),
            ("flagged_until", date(i)), ("updated", .string("2026-11-19T10:15:00Z")),
            ("victim", .object(victim)),
            ("perpetrator", .array([.object(person(i + 1) + [("relationship", .string("ex-partner"))])])),
            ("child", .array([.object(person(i + 2) + [("in_household", .bool(true))]),
                              .object(person(i + 3) + [("in_household", .bool(false))])])),
            ("referral", .array(referrals)),
            ("disclosure", .array([.object([("date", date(i)), ("to", .string("housing")),
                                            ("what", .string("minutes")), ("basis", .string("safeguarding"))])])),
            ("notes", .array([.string("first"), .string("second")])),
        ])
    }

    func testValidationSpeed() throws {
        guard ProcessInfo.processInfo.environment["MFILE_BENCHMARK"] == "1" else {
            throw XCTSkip("benchmark: set MFILE_BENCHMARK=1 (and use -c release)")
        }
        let schema = try JSONSchema(compiling: try JSONParser.parse(Self.schema))
        let records = (0..<10_000).map(Self.record)
        XCTAssertEqual(schema.validate(records[1]), [])
        XCTAssertEqual(schema.validate(records[0]).count, 2)
        let fields = Self.fieldCount(records[1])

        for (name, run) in [("validate", { (r: JSONValue) in schema.validate(r).count }),
                            ("isValid", { (r: JSONValue) in schema.isValid(r) ? 0 : 1 })] {
            var best = Double.infinity
            var failures = 0
            for _ in 0..<3 {
                failures = 0
                let start = DispatchTime.now().uptimeNanoseconds
                for record in records { failures += run(record) }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            print("json-schema benchmark \(name): \(records.count) records (\(fields) fields each) in \(String(format: "%.3f", best)) s = \(Int(Double(records.count) / best)) records/s (\(failures) failures)")
        }
    }
}

import Foundation
import XCTest
@testable import MaracJSON
@testable import MaracProtocol
@testable import MaracSchema
@testable import MaracTOML

/// The `[rules]` part of `schema/marac.schema.json` is the engine's own (`RuleID.rulesSchema`),
/// and the schema and the engine accept exactly the same values.
final class RuleSchemaTests: XCTestCase {
    private func schemaFile() throws -> JSONValue {
        let url = DemoRepository.root.appendingPathComponent("schema/marac.schema.json")
        return try JSONParser.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    /// Objects with their keys sorted, so two schemas written in different orders compare.
    private func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.map { ($0.key, canonical($0.value)) }.sorted { $0.key < $1.key })
        case .array(let items): .array(items.map(canonical))
        default: value
        }
    }

    private func member(_ value: JSONValue, _ path: String...) -> JSONValue? {
        var current: JSONValue? = value
        for key in path {
            guard case .object(let members)? = current else { return nil }
            current = members.first { $0.key == key }?.value
        }
        return current
    }

    func testTheSchemaFileHoldsTheEnginesRulesSchema() throws {
        let inFile = try XCTUnwrap(member(try schemaFile(), "properties", "rules"))
        let generated = JSONWriter.write(canonical(RuleID.rulesSchema), pretty: true)
        if JSONWriter.write(canonical(inFile), pretty: true) != generated {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("marac-rules.schema.json")
            try? JSONWriter.write(RuleID.rulesSchema, pretty: true).write(to: out, atomically: true, encoding: .utf8)
            XCTFail("schema/marac.schema.json's properties.rules is not the engine's; the engine's is in \(out.path)")
        }
    }

    /// Every listed rule with values of every kind: the schema accepts a value exactly when the
    /// engine does.
    func testSchemaAndEngineAgreeOnEveryRuleValue() throws {
        let schema = try JSONSchema(compiling: try schemaFile())
        let samples = [
            "true", "false", "0", "7", "-1", "1.5", "\"on\"", "[1]", "2026-01-01",
            "\"2 working days\"", "\"1 working day\"", "\"3 working-days\"", "\"24 hours\"", "\"3 days\"",
            "\"12 months\"", "\"2 weeks\"", "\"2  days\"", "\"2 Days\"", "\" 2 days\"", "\"+2 days\"",
            "\"10000 days\"", "\"2 days \"",
        ]
        var checked = 0
        for id in RuleID.checked {
            for sample in samples {
                let text = """
                    name = "T"
                    profile = "gwent"
                    marking = "OFFICIAL-SENSITIVE"
                    [rules]
                    \(id.rawValue) = \(sample)
                    [[marac]]
                    id = "north"
                    name = "North"
                    frequency = "monthly"
                    first_meeting = 2026-01-08
                    [[agency]]
                    id = "police"
                    name = "Police"
                    """
                let table = try TOMLDecoder.decode(bytes: Array(text.utf8))
                let engineAccepts = (try? ProtocolRules.effective(profile: "gwent", overrides: table["rules"]!.table!)) != nil
                let schemaAccepts = schema.isValid(table.jsonInstance)
                XCTAssertEqual(schemaAccepts, engineAccepts, "\(id.rawValue) = \(sample)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 900)
        // A removed rule and a misspelt one: both refuse.
        for key in ["minutes_pdf_per_case", "dash_treshold"] {
            let table = try TOMLDecoder.decode(bytes: Array("name = \"T\"\nprofile = \"gwent\"\nmarking = \"M\"\n[rules]\n\(key) = 1\n[[marac]]\nid = \"n\"\nname = \"N\"\nfrequency = \"weekly\"\nfirst_meeting = 2026-01-08\n[[agency]]\nid = \"p\"\nname = \"P\"\n".utf8))
            XCTAssertNil(try? ProtocolRules.effective(profile: "gwent", overrides: table["rules"]!.table!), key)
            XCTAssertFalse(schema.isValid(table.jsonInstance), key)
        }
    }
}

import Dispatch
import XCTest
@testable import MaracJSON
@testable import MaracSchema

final class JSONSchemaTests: XCTestCase {
    func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    func compileError(_ schema: String) throws -> SchemaError? {
        do {
            _ = try JSONSchema(compiling: try json(schema), uri: "file:///repo/schema/case.schema.json")
            return nil
        } catch let error as SchemaError {
            return error
        }
    }

    // MARK: compile errors

    func testUnsupportedKeywordIsACompileErrorNamingKeywordAndLocation() throws {
        let error = try XCTUnwrap(compileError(#"{"properties": {"victim": {"dependencies": {}}}}"#))
        XCTAssertEqual(error.keyword, "dependencies")
        XCTAssertEqual(error.location, "file:///repo/schema/case.schema.json#/properties/victim/dependencies")
        XCTAssertTrue(error.description.contains("dependencies"))

        XCTAssertEqual(try compileError(#"{"$defs": {"x": {"requried": ["a"]}}}"#)?.keyword, "requried")
        XCTAssertEqual(try compileError(#"{"$vocabulary": {}}"#)?.keyword, "$vocabulary")
        XCTAssertEqual(try compileError(#"{"format": "email"}"#)?.keyword, "format")
        XCTAssertEqual(try compileError(#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#)?.keyword, "$schema")
        XCTAssertEqual(try compileError(#"{"pattern": "(unclosed"}"#)?.keyword, "pattern")
        XCTAssertEqual(try compileError(#"{"minLength": -1}"#)?.keyword, "minLength")
        XCTAssertEqual(try compileError(#"{"type": "text"}"#)?.keyword, "type")
        XCTAssertEqual(try compileError(#"{"$ref": "other.schema.json"}"#)?.keyword, "$ref")
        XCTAssertEqual(try compileError(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}}"##)?.keyword, "$ref")
    }

    func testAnnotationKeywordsAreAccepted() throws {
        XCTAssertNil(try compileError("""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.org/x",
             "$comment": "c", "title": "t", "description": "d", "default": 1, "examples": [1],
             "deprecated": false, "readOnly": false, "writeOnly": false}
            """))
    }

    // MARK: messages

    func testMessagesForAdministrators() throws {
        let schema = try JSONSchema(compiling: try json("""
            {"type": "object", "required": ["id", "status"], "additionalProperties": false,
             "properties": {
               "id": {"type": "string", "minLength": 1},
               "status": {"enum": ["open", "closed"]},
               "opened": {"type": "string", "format": "date"},
               "score": {"type": "integer", "minimum": 0, "maximum": 40},
               "referral": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["agency"]}}
             }}
            """))
        let violations = schema.validate(try json("""
            {"status": "pending", "opened": "30/10/2026", "score": 41, "referral": [{}], "colour": "red"}
            """))
        XCTAssertEqual(violations.map(\.description), [
            "id: is required",
            "status: must be one of: open, closed",
            "opened: must be a date (YYYY-MM-DD)",
            "score: must be at most 40",
            "referral[0].agency: is required",
            "colour: is not an allowed field",
        ])
        XCTAssertEqual(violations[0].keyword, "required")
        XCTAssertEqual(violations[0].path, [.key("id")])
        XCTAssertEqual(violations[4].path, [.key("referral"), .index(0), .key("agency")])
        XCTAssertEqual(violations[5].keyword, "additionalProperties")
        XCTAssertEqual(violations[5].schemaLocation, "urn:mfile:anonymous-schema#/additionalProperties")
        XCTAssertEqual(schema.validate(try json(#"{"id": "", "status": "open", "referral": []}"#)).map(\.description),
                       ["id: must not be empty", "referral: must have at least 1 item"])
        XCTAssertEqual(schema.validate(try json(#"{"id": 7, "status": "open"}"#)).map(\.description), ["id: must be text"])
    }

    func testNoMessageQuotesTheValidatedValue() throws {
        let canary = "CANARY-Jane-Doe"
        let schema = try JSONSchema(compiling: try json("""
            {"type": "object", "additionalProperties": false, "minProperties": 50, "maxProperties": 1,
             "propertyNames": {"pattern": "^[a-m]$"},
             "dependentRequired": {"a": ["zz"]},
             "properties": {
               "a": {"type": "integer"}, "b": {"enum": ["x", 1]}, "c": {"const": "fixed"},
               "d": {"format": "date-time"}, "e": {"pattern": "^[0-9]+$", "maxLength": 3, "minLength": 40},
               "f": {"type": "array", "uniqueItems": true, "maxItems": 1, "prefixItems": [true], "items": false,
                     "contains": {"type": "integer"}},
               "g": {"multipleOf": 7, "exclusiveMaximum": 3, "exclusiveMinimum": 999999999},
               "h": {"anyOf": [{"type": "integer"}, {"type": "boolean"}]},
               "i": {"oneOf": [{"type": "string"}, {"minLength": 1}]},
               "j": {"not": {"type": "string"}},
               "k": {"if": {"type": "string"}, "then": {"format": "time"}},
               "l": {"format": "uuid"}, "m": {"format": "ipv4"}, "n": false
             }}
            """))
        let instance = try json("""
            {"a": "\(canary)", "b": "\(canary)", "c": "\(canary)", "d": "\(canary)", "e": "\(canary)",
             "f": ["\(canary)", "\(canary)", "\(canary)"], "g": 123456789, "h": "\(canary)", "i": "\(canary)",
             "j": "\(canary)", "k": "\(canary)", "l": "\(canary)", "m": "\(canary)", "n": "\(canary)"}
            """)
        let violations = schema.validate(instance)
        XCTAssertGreaterThan(violations.count, 20)
        let keywords = Set(violations.map(\.keyword))
        for keyword in ["type", "enum", "const", "format", "pattern", "maxLength", "minLength", "uniqueItems", "maxItems",
                        "items", "minContains", "multipleOf", "exclusiveMaximum", "exclusiveMinimum", "anyOf", "oneOf",
                        "not", "false", "minProperties", "maxProperties", "propertyNames", "dependentRequired"] {
            XCTAssertTrue(keywords.contains(keyword), "no \(keyword) violation")
        }
        for violation in violations {
            XCTAssertFalse(violation.message.contains("CANARY"), violation.message)
            XCTAssertFalse(violation.message.contains("123456789"), violation.message)
            XCTAssertFalse(violation.schemaLocation.contains("CANARY"), violation.schemaLocation)
        }
        XCTAssertFalse(schema.isValid(instance))
    }

    // MARK: references across files

    func testReferencesAcrossRegisteredFiles() throws {
        let person = #"{"$defs": {"person": {"type": "object", "required": ["name"], "properties": {"dob": {"format": "date"}}}}}"#
        let meeting = #"{"properties": {"chair": {"$ref": "case.schema.json#/$defs/person"}, "other": {"$ref": "./sub/../case.schema.json#/$defs/person"}}}"#
        var registry = SchemaRegistry()
        try registry.register(try json(person), uri: "file:///repo/schema/case.schema.json")
        let schema = try JSONSchema(compiling: try json(meeting), uri: "file:///repo/schema/meeting.schema.json", registry: registry)
        let violations = schema.validate(try json(#"{"chair": {"dob": "1990-02-30"}, "other": {"name": "x"}}"#))
        XCTAssertEqual(violations.map(\.description), ["chair.name: is required", "chair.dob: must be a date (YYYY-MM-DD)"])
        XCTAssertEqual(violations[0].schemaLocation, "file:///repo/schema/case.schema.json#/$defs/person/required")

        // The same by $id, with the documents registered under other names, compiled by URI.
        var byID = SchemaRegistry()
        try byID.register(try json(#"{"$id": "https://marac.example/schema/case.schema.json", "$defs": {"person": {"required": ["name"]}}}"#),
                          uri: "file:///elsewhere/a.json")
        try byID.register(try json(#"{"$id": "https://marac.example/schema/meeting.schema.json", "properties": {"chair": {"$ref": "case.schema.json#/$defs/person"}}}"#),
                          uri: "file:///elsewhere/b.json")
        let compiled = try JSONSchema(uri: "https://marac.example/schema/meeting.schema.json", registry: byID)
        XCTAssertEqual(compiled.validate(try json(#"{"chair": {}}"#)).map(\.description), ["chair.name: is required"])
        XCTAssertEqual(try JSONSchema(uri: "file:///elsewhere/b.json", registry: byID).validate(try json(#"{"chair": {}}"#)).count, 1)
        XCTAssertEqual(try JSONSchema(compiling: try json(meeting), uri: "file:///repo/schema/meeting.schema.json",
                                      registry: { var r = registry; try r.register(try json(meeting), uri: "file:///repo/schema/meeting.schema.json"); return r }())
                        .validate(try json(#"{"chair": {}}"#)).count, 1)
        XCTAssertThrowsError(try JSONSchema(compiling: .bool(true), uri: "file:///repo/schema/case.schema.json", registry: registry))
    }

    // MARK: semantics

    func testUnevaluatedPropertiesSeesThroughAllOfAndRef() throws {
        let schema = try JSONSchema(compiling: try json("""
            {"$defs": {"person": {"properties": {"name": {"type": "string"}, "dob": {"format": "date"}}}},
             "properties": {"victim": {"allOf": [{"$ref": "#/$defs/person"}],
                                       "properties": {"ethnicity": {"type": "string"}},
                                       "unevaluatedProperties": false}}}
            """))
        XCTAssertEqual(schema.validate(try json(#"{"victim": {"name": "A", "dob": "2000-01-01", "ethnicity": "x"}}"#)), [])
        let violations = schema.validate(try json(#"{"victim": {"name": "A", "nickname": "B"}}"#))
        XCTAssertEqual(violations.map(\.description), ["victim.nickname: is not an allowed field"])
        XCTAssertEqual(violations.first?.keyword, "unevaluatedProperties")
    }

    func testNumbersAndStrings() throws {
        let integer = try JSONSchema(compiling: try json(#"{"type": "integer"}"#))
        XCTAssertTrue(integer.isValid(.number(1.0)))
        XCTAssertFalse(integer.isValid(.number(1.5)))
        XCTAssertFalse(integer.isValid(.bool(true)))
        let number = try JSONSchema(compiling: try json(#"{"type": "number"}"#))
        XCTAssertFalse(number.isValid(.bool(false)))
        let length = try JSONSchema(compiling: try json(#"{"maxLength": 2, "minLength": 2}"#))
        XCTAssertTrue(length.isValid(.string("💩💩")))
        XCTAssertTrue(length.isValid(.string("e\u{301}")))
        XCTAssertFalse(length.isValid(.string("é")))
        let choice = try JSONSchema(compiling: try json(#"{"enum": ["é", 1]}"#))
        XCTAssertTrue(choice.isValid(.string("é")))
        XCTAssertFalse(choice.isValid(.string("e\u{301}")))
        XCTAssertTrue(choice.isValid(.number(1.0)))
    }

    func testCompiledSchemaIsSharedAcrossThreads() throws {
        let schema = try JSONSchema(compiling: try json(#"{"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}}"#))
        let good = JSONValue.array((0..<50).map { _ in .string("abc") })
        let bad = JSONValue.array((0..<50).map { _ in .string("ABC") })
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            XCTAssertEqual(schema.validate(i.isMultiple(of: 2) ? good : bad).count, i.isMultiple(of: 2) ? 0 : 50)
        }
    }
}

final class JSONSchemaLoopTests: XCTestCase {
    func testDynamicReferenceLoopStopsWithAViolation() throws {
        let schema = try JSONSchema(compiling: try JSONParser.parse(#"""
            {"$id": "https://example.org/r", "$dynamicAnchor": "x", "$ref": "b",
             "$defs": {"b": {"$id": "b", "$dynamicRef": "#x", "$defs": {"x": {"$dynamicAnchor": "x"}}}}}
            """#))
        XCTAssertFalse(schema.isValid(.null))
        XCTAssertEqual(schema.validate(.null).first?.keyword, "$dynamicRef")
    }
}

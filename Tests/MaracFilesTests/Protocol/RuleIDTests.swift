import XCTest
@testable import MaracProtocol

/// `RuleID.order` reads the case's number from the enum's one byte: it must be the case's
/// place in `allCases`, for every rule, whatever rules are added.
final class RuleIDTests: XCTestCase {
    func testOrderIsThePlaceInAllCases() {
        XCTAssertEqual(MemoryLayout<RuleID>.size, 1)
        for (place, id) in RuleID.allCases.enumerated() {
            XCTAssertEqual(id.order, place, id.rawValue)
        }
    }
}

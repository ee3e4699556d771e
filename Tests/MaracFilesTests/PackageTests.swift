import XCTest

final class PackageTests: XCTestCase {
    func testPackageRootHoldsPackageManifest() {
        XCTAssertTrue(FileManager.default.fileExists(
            atPath: TestPaths.packageRoot.appendingPathComponent("Package.swift").path))
    }
}
